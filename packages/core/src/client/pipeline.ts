/**
 * The heavy half of the client, loaded on demand by client.ts: record validation (zod/mini),
 * the in-browser index of the static source, and the reading of remote pages.
 */
import type { DiagnosticsCollector } from '../model/diagnostics.js';
import { normalizeDataset, normalizeServices, normalizeStructures } from '../model/normalize.js';
import type { Diagnostics, SearchItem, Service, Structure } from '../model/types.js';
import { isOpenAt } from '../model/opening-hours.js';
import { located, positionOf } from '../model/view.js';
import { ServiceIndex } from '../search/service-index.js';
import type { SearchQuery } from '../search/query.js';
import { inBBox } from '../geo/distance.js';
import { departementOf } from '../geo/gazetteer.js';
import { analyze, fold } from '../text/analyze.js';
import { STRUCTURE_KINDS, term } from '../taxonomy/taxonomy.js';

/** A dataset's index, and the index of its services located in some départements (built once per scope). */
export interface IndexedDataset {
  index: ServiceIndex;
  scoped(departements: readonly string[]): ServiceIndex;
  /** The départements where the data has services (their communes are the places recognised among the words). */
  departements: readonly string[];
}

/** Validates a whole dataset and indexes what is valid. */
export function indexDataset(raw: unknown): IndexedDataset & { diagnostics: Diagnostics } {
  const { structures, services, diagnostics } = normalizeDataset(raw);
  const index = new ServiceIndex(structures, services);
  const scopes = new Map<string, ServiceIndex>();
  const byId = new Map(structures.map((s) => [s.id, s]));
  const scoped = (departements: readonly string[]): ServiceIndex => {
    const key = [...new Set(departements)].sort().join(',');
    let sub = scopes.get(key);
    if (!sub) {
      const deps = new Set(departements);
      const kept = services.filter((service) => {
        const d = departementOfItem({ service, structure: byId.get(service.structure_id) ?? null, distanceKm: null });
        return d !== null && deps.has(d);
      });
      const ids = new Set(kept.map((s) => s.structure_id));
      sub = new ServiceIndex(structures.filter((s) => ids.has(s.id)), kept);
      if (scopes.size > 20) scopes.clear();
      scopes.set(key, sub);
    }
    return sub;
  };
  const departements = [...new Set(index.items.map(departementOfItem).filter((d): d is string => d !== null))].sort();
  return { index, scoped, departements, diagnostics };
}

/** Filters a remote page on what the remote API could not filter, and sorts by name when asked. */
export function refinePage(items: SearchItem[], q: SearchQuery): SearchItem[] {
  let out = items;
  if (q.bbox) out = out.filter(({ service: s, structure: st }) => {
    const at = positionOf(s, st);
    return !!at && inBBox(q.bbox!, at.lat, at.lon);
  });
  if (q.openAt) out = out.filter(({ service: s, structure: st }) => isOpenAt(located(s, st, 'horaires_accueil'), new Date(q.openAt!)) === true);
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


/**
 * A test of typed words on a remote record (data·inclusion cannot search words): every word typed, folded and
 * stemmed, must begin a word of the service's or structure's name, the description, the commune, or the labels and
 * usual words of its thematiques, publics and réseaux porteurs.
 */
export function matchesWords(text: string): (item: SearchItem) => boolean {
  const wanted = analyze(text);
  return ({ service: s, structure: st }) => {
    if (!wanted.length) return true;
    const terms = [
      ...(s.thematiques ?? []).map((v) => term('thematiques', v)),
      ...(s.publics ?? []).map((v) => term('publics', v)),
      ...(st?.reseaux_porteurs ?? []).flatMap((r) => [term('reseauxPorteurs', r), STRUCTURE_KINDS.find((k) => k.reseau === r)]),
      ...(st?.typologie ? [term('typologies', st.typologie)] : []),
    ];
    const text_ = [s.nom, s.description, st?.nom, located(s, st, 'commune'), ...terms.flatMap((t) => (t ? [t.label, ...(t.keywords ?? [])] : []))].filter(Boolean).join(' ');
    const doc = analyze(text_);
    return wanted.every((w) => doc.some((d) => d.startsWith(w)));
  };
}

/** The département of a result: from the INSEE code of the service, else of its structure, else its postcode. */
export function departementOfItem({ service: s, structure: st }: SearchItem): string | null {
  const code = located(s, st, 'code_insee');
  if (code) return departementOf(code);
  const pc = located(s, st, 'code_postal');
  if (!pc) return null;
  if (pc.startsWith('97')) return pc.slice(0, 3);
  if (pc.startsWith('20')) return Number(pc) < 20200 ? '2A' : '2B';
  return pc.slice(0, 2);
}
