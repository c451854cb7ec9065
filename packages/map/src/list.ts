/** The list alternative to the map: the services in view, as lines of text. */
import { haversineKm, type BBox, type MapPoint } from '@relais/core';

/** One line of the list: the service, its distance to the chosen commune (km), its accessible name. */
export interface ListLine {
  point: MapPoint;
  km: number | null;
  label: string;
}

/** At most this many lines (the list says how many more there are). */
export const LIST_LIMIT = 100;

/**
 * The services in view, the 100 nearest to the centre of the map; nearest to the chosen commune (`origin`) first when
 * there is one, else by name. Computed only while the list is open (it is the costly part of a move at 50 000 points).
 * Lines alike (same service, structure and town) get a number: their buttons must have distinct names.
 */
export function listInView(points: readonly MapPoint[], [w, s, e, n]: BBox, c: { lat: number; lon: number }, origin: { lat: number; lon: number } | null, label: (p: MapPoint) => string): ListLine[] {
  const inb = points.filter((p) => p.lat >= s && p.lat <= n && p.lon >= w && p.lon <= e);
  const d = (p: MapPoint) => (p.lat - c.lat) ** 2 + ((p.lon - c.lon) * Math.cos((c.lat * Math.PI) / 180)) ** 2;
  const nearest = inb.length > LIST_LIMIT ? inb.sort((a, b) => d(a) - d(b)).slice(0, LIST_LIMIT) : inb;
  const o = origin;
  const lines = nearest.map((p) => ({ point: p, km: o ? haversineKm(o.lat, o.lon, p.lat, p.lon) : null, label: label(p) }));
  lines.sort((a, b) => (a.km ?? 0) - (b.km ?? 0) || a.label.localeCompare(b.label, 'fr'));
  const seen = new Map<string, number>();
  for (const l of lines) {
    const k = seen.get(l.label) ?? 0;
    seen.set(l.label, k + 1);
    if (k) l.label = `${l.label} (${k + 1})`;
  }
  return lines;
}
