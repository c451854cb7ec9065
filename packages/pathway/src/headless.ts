/** The headless part of @relais/pathway: no DOM, runs in Node and in browsers. */
export * from './calendar.js';
export * from './model.js';
export * from './schedule.js';
export { pathwayTemplates } from './templates.js';
