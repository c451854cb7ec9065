/** The headless part of @relais/eligibility: no DOM, runs in Node and in browsers. */
export * from './catalogue.js';
export * from './engine.js';
export { FACTS, factById, type Fact, type FactOption } from './facts.js';
export { nationalCatalogue } from './national.js';
export { readableLegal, splitLegal } from './legal.js';
