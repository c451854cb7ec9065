/** @relais/map: `<relais-map>` (registered on import). The only package that imports Leaflet, lazily. */
import './define.js';

export { RelaisMap, RelaisViewportEvent, spread } from './map.js';
export { GROUPS, groupOf, type MarkerGroup } from './legend.js';
