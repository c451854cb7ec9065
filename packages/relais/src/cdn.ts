/**
 * Entry of the CDN builds (`relais.js`, ESM with chunks; `relais.iife.js`, global `Relais`):
 * registers every element and exposes the client API for pages without a build step.
 */
export * from './index.js';
