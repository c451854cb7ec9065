/** @relais/eligibility: `<relais-eligibility>` (registered on import) and the headless engine. */
import './define.js';

export * from './headless.js';
export { RelaisEligibility, RelaisResultEvent } from './eligibility.js';
