/** @relais/indicators: `<relais-indicators>` (registered on import) and the headless reading of the indicators. */
import './define.js';

export * from './headless.js';
export { RelaisIndicators } from './indicators.js';
