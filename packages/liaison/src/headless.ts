/** Headless parts of @relais/liaison: templates, validation and the consent rules (Node and browsers). */
export * from './sheet-schema.js';
export * from './consent.js';
export { liaisonTemplates, dluDomicile, orientation } from './shipped-sheets.js';
export { checkReceivedSheet, keepReceivedSheet } from './received.js';
