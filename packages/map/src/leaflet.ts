/**
 * @relais/map/leaflet: what another Relais element needs to draw its own Leaflet map without `<relais-map>`:
 * Leaflet loaded lazily (the same module as the map's), its stylesheet for a shadow root, and the background tiles
 * (« Plan IGN » by default, a partner's template, or none). Registers no element.
 */
export { loadLeaflet, type L, type Leaflet } from './leaflet-adapter.js';
export { leafletStyles } from './leaflet-styles.js';
export { tileSource, PLAN_IGN, type TileSource } from './tiles.js';
