/** @relais/pathway: `<relais-pathway>` (registered on import) and the headless schedule computation. */
import './define.js';

export * from './headless.js';
export { RelaisPathway, RelaisStepSelectEvent, RelaisPathwayViewEvent } from './pathway.js';
