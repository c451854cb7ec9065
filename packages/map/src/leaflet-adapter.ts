/**
 * The only module that touches Leaflet. Leaflet 1.9 has no ESM entry in package.json and reads
 * `window` on import, so it is imported lazily, by path, when the map is about to be visible.
 */
import type * as Leaflet from 'leaflet';
import type Supercluster from 'supercluster';

export type L = typeof Leaflet;
export type { Leaflet };

let loading: Promise<{ L: L; Supercluster: typeof Supercluster }> | null = null;

/** Loads Leaflet and supercluster once. */
export function loadMapLibraries(): Promise<{ L: L; Supercluster: typeof Supercluster }> {
  loading ??= Promise.all([import('leaflet/dist/leaflet-src.esm.js'), import('supercluster')]).then(([l, s]) => ({
    L: l as unknown as L,
    Supercluster: (s as unknown as { default: typeof Supercluster }).default,
  }));
  loading.catch(() => (loading = null));
  return loading;
}

/** Loads Leaflet alone (for another Relais element that draws on a map, e.g. `<relais-indicators>`): the same module as `loadMapLibraries`'s. */
export function loadLeaflet(): Promise<L> {
  return import('leaflet/dist/leaflet-src.esm.js').then((l) => l as unknown as L);
}
