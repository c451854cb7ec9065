/**
 * The heavy half of the client, loaded on demand by client.ts: record validation (zod/mini),
 * the in-browser index of the static source, and the reading of remote pages.
 */
import type { DiagnosticsCollector } from '../model/diagnostics.js';
import { normalizeDataset, normalizeServices, normalizeStructures } from '../model/normalize.js';
import type { Diagnostics, SearchItem, Service, Structure } from '../model/types.js';
import { isOpenAt } from '../model/opening-hours.js';
import { ServiceIndex } from '../search/service-index.js';
import type { SearchQuery } from '../search/query.js';
import { inBBox } from '../geo/distance.js';
import { fold } from '../search/analyze.js';

/** Validates a whole dataset and indexes what is valid. */
export function indexDataset(raw: unknown): { index: ServiceIndex; diagnostics: Diagnostics } {
  const { structures, services, diagnostics } = normalizeDataset(raw);
  return { index: new ServiceIndex(structures, services), diagnostics };
}

/** Filters a remote page on what the remote API could not filter, and sorts by name when asked. */
export function refinePage(items: SearchItem[], q: SearchQuery): SearchItem[] {
  let out = items;
  if (q.bbox) out = out.filter(({ service: s, structure: st }) => {
    const la = s.latitude ?? st?.latitude;
    const lo = s.longitude ?? st?.longitude;
    return la != null && lo != null && inBBox(q.bbox!, la, lo);
  });
  if (q.openAt) out = out.filter(({ service: s, structure: st }) => isOpenAt(s.horaires_accueil ?? st?.horaires_accueil, new Date(q.openAt!)) === true);
  if (q.typologies?.length) out = out.filter(({ structure: st }) => !!st?.typologie && q.typologies!.includes(st.typologie));
  if (q.near?.radiusKm !== undefined) out = out.filter((i) => i.distanceKm === null || i.distanceKm <= q.near!.radiusKm!);
  if (q.sort === 'name') out = [...out].sort((a, b) => (fold(a.service.nom) < fold(b.service.nom) ? -1 : 1));
  return out;
}

/** Validates one remote hit `{ service, structure }`, counting invalid records. */
export function readHit(raw: unknown, diag: DiagnosticsCollector, distance: unknown): SearchItem | null {
  if (!raw || typeof raw !== 'object') {
    diag.report.received++;
    diag.add({ record: 'service', index: diag.report.received - 1, field: '(enregistrement)', message: 'enregistrement illisible', severity: 'error' });
    return null;
  }
  const { structure: rawStructure, ...rawService } = raw as { structure?: unknown };
  const [service] = normalizeServices([rawService], diag) as [Service?];
  if (!service) return null;
  const [structure] = rawStructure ? (normalizeStructures([rawStructure], diag) as [Structure?]) : [];
  return { service, structure: structure ?? null, distanceKm: typeof distance === 'number' && Number.isFinite(distance) ? distance : null };
}

