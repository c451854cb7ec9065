/** Headless parts of @relais/liaison: templates and validation (Node and browsers). */
export * from './template.js';
export { liaisonTemplates, dluDomicile, orientation } from './templates.js';
