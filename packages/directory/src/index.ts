/** @relais/directory: `<relais-directory>`, registered on import. */
import './define.js';

export { RelaisDirectory } from './directory.js';
export { NEEDS, type Need } from './needs.js';
export { readUrlState, writeUrlState, type UrlState } from './filters.js';
