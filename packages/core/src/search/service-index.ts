/**
 * In-memory search over a dataset (the `static` source): full text with French analysis and
 * synonyms, data·inclusion filter semantics, eligibility zones, distance, disjunctive facets,
 * sorting and paging. No DOM: runs in Node and in the browser.
 */
import { haversineKm, inBBox } from '../geo/distance.js';
import type { SearchItem, Service, Structure } from '../model/types.js';
import { isOpenAt } from '../model/opening-hours.js';
import { categoryOf, PUBLICS, STRUCTURE_KINDS, THEMATIQUES, termLabel } from '../taxonomy/taxonomy.js';
import { fold } from './analyze.js';
import { DEFAULT_COMMUNE_RADIUS_KM, emptyFacets, paging, type Facets, type ResolvedPlace, type SearchQuery, type SearchResult } from './query.js';
import { TextIndex, type Synonym } from './text-index.js';

/** Synonyms from the taxonomy: every keyword of a term stands for that term's concept. */
export function taxonomySynonyms(): Synonym[] {
  const out: Synonym[] = [];
  const add = (prefix: string, strength: number, terms: ReadonlyArray<{ value: string; label: string; falc?: string; keywords?: readonly string[] }>) => {
    for (const t of terms) {
      for (const phrase of [...(t.keywords ?? []), t.label, ...(t.falc ? [t.falc] : [])]) {
        out.push({ phrase, concepts: [[prefix + t.value, strength]] });
      }
    }
  };
  add('k:', 1, STRUCTURE_KINDS);
  add('t:', 0.8, THEMATIQUES);
  add('p:', 0.5, PUBLICS);
  return out;
}

type FacetName = keyof Omit<Facets, 'categories'>;
const FACETS: readonly FacetName[] = ['thematiques', 'publics', 'types', 'typologies', 'modesAccueil', 'frais'];

/** The searchable index of a dataset. */
export class ServiceIndex {
  readonly items: readonly SearchItem[];
  private readonly text: TextIndex;
  private readonly lat: Float64Array;
  private readonly lon: Float64Array;
  private readonly remoteOnly: Uint8Array;
  private readonly values: Record<FacetName, ReadonlyArray<readonly string[]>>;
  private readonly nameKeys: string[];
  private nameRank: Uint32Array | null = null;
  private readonly byId = new Map<string, number>();

  constructor(structures: readonly Structure[], services: readonly Service[]) {
    const structById = new Map(structures.map((s) => [s.id, s]));
    this.items = services.map((service) => ({ service, structure: structById.get(service.structure_id) ?? null, distanceKm: null }));
    const n = this.items.length;
    this.lat = new Float64Array(n);
    this.lon = new Float64Array(n);
    this.remoteOnly = new Uint8Array(n);
    this.nameKeys = new Array<string>(n);
    const vals: Record<FacetName, string[][]> = { thematiques: [], publics: [], types: [], typologies: [], modesAccueil: [], frais: [] };
    this.items.forEach(({ service: s, structure: st }, i) => {
      this.byId.set(s.id, i);
      const la = s.latitude ?? st?.latitude ?? null;
      const lo = s.longitude ?? st?.longitude ?? null;
      this.lat[i] = la ?? NaN;
      this.lon[i] = lo ?? NaN;
      this.remoteOnly[i] = s.modes_accueil.length > 0 && !s.modes_accueil.includes('en-presentiel') ? 1 : 0;
      this.nameKeys[i] = fold(s.nom);
      vals.thematiques.push(s.thematiques);
      vals.publics.push(s.publics);
      vals.types.push(s.type ? [s.type] : []);
      vals.typologies.push(st?.typologie ? [st.typologie] : []);
      vals.modesAccueil.push(s.modes_accueil);
      vals.frais.push(s.frais ? [s.frais] : []);
    });
    this.values = vals;
    this.text = new TextIndex(
      n,
      (i, emit) => {
        const { service: s, structure: st } = this.items[i]!;
        emit(s.nom, 3);
        emit(st?.nom, 2);
        emit(s.commune ?? st?.commune, 1.5);
        emit(s.code_postal ?? st?.code_postal, 1.5);
        if (st?.typologie) emit(termLabel('typologies', st.typologie), 1.5);
        emit(s.description, 0.4);
        for (const t of s.thematiques) emit(termLabel('thematiques', t), 1);
        for (const p of s.publics) emit(termLabel('publics', p), 0.5);
      },
      (i, emit) => {
        const { service: s, structure: st } = this.items[i]!;
        for (const t of s.thematiques) emit('t:' + t, 1);
        for (const p of s.publics) emit('p:' + p, 1);
        if (st?.typologie) emit('k:' + st.typologie, 1.2);
      },
      taxonomySynonyms(),
    );
  }

  /** Number of services. */
  get size(): number {
    return this.items.length;
  }

  /** Looks a service up by id. */
  get(id: string): SearchItem | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.items[i];
  }

  private ranks(): Uint32Array {
    if (!this.nameRank) {
      const keys = this.nameKeys;
      const order = Array.from({ length: keys.length }, (_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
      const rank = new Uint32Array(keys.length);
      order.forEach((doc, r) => (rank[doc] = r));
      this.nameRank = rank;
    }
    return this.nameRank;
  }

  /**
   * Searches. `place` is the resolved `query.commune` (the client resolves it with the gazetteer);
   * when the query names a commune and no place is given, only the eligibility codes are checked.
   */
  search(q: SearchQuery, place?: ResolvedPlace | null): SearchResult {
    const { page, pageSize } = paging(q);
    const n = this.items.length;
    const textMatch = q.text && q.text.trim() ? this.text.search(q.text) : null;
    const candidates: ArrayLike<number> = textMatch ? textMatch.docs : { length: n };
    const isAll = !textMatch;

    const origin = q.near ? { lat: q.near.lat, lon: q.near.lon } : place ? { lat: place.lat, lon: place.lon } : null;
    const radius = q.near?.radiusKm ?? (place ? DEFAULT_COMMUNE_RADIUS_KM : undefined);
    const zoneCodes = q.commune ? new Set([q.commune, place?.departement ?? (q.commune.startsWith('97') ? q.commune.slice(0, 3) : q.commune.slice(0, 2)), ...(place?.epci ? [place.epci] : []), 'france']) : null;
    const openAt = q.openAt ? new Date(q.openAt) : null;

    // Active facet filters, as sets; thematique filters may name whole categories.
    const active = FACETS.filter((f) => (q[f]?.length ?? 0) > 0);
    const sets = new Map(active.map((f) => [f, new Set(q[f])]));
    const passes = (f: FacetName, i: number): boolean => {
      const want = sets.get(f)!;
      const have = this.values[f][i]!;
      if (f === 'publics' && have.includes('tous-publics')) return true;
      if (f === 'thematiques') return have.some((t) => want.has(t) || want.has(categoryOf(t)));
      return have.some((v) => want.has(v));
    };

    const facets = emptyFacets();
    const count = (f: FacetName | 'categories', v: string) => {
      const m = facets[f];
      m[v] = (m[v] ?? 0) + 1;
    };
    const matched: number[] = [];
    const dist = new Float64Array(n).fill(Infinity);
    for (let k = 0; k < candidates.length; k++) {
      const i = isAll ? k : (candidates as Uint32Array)[k]!;
      const la = this.lat[i]!;
      const lo = this.lon[i]!;
      const hasPos = !Number.isNaN(la);
      // place, bbox and time filters are not facets: they always apply
      if (zoneCodes) {
        const zones = this.items[i]!.service.zone_eligibilite;
        if (zones.length > 0 && !zones.some((z) => zoneCodes.has(z))) continue;
      }
      if (origin) {
        if (hasPos) {
          const d = haversineKm(origin.lat, origin.lon, la, lo);
          if (radius !== undefined && d > radius && !this.remoteOnly[i]) continue;
          dist[i] = this.remoteOnly[i] ? Infinity : d;
        } else if (!this.remoteOnly[i] && radius !== undefined && !zoneCodes) continue;
      }
      if (q.bbox && (!hasPos || !inBBox(q.bbox, la, lo))) continue;
      if (openAt) {
        const { service: s, structure: st } = this.items[i]!;
        if (isOpenAt(s.horaires_accueil ?? st?.horaires_accueil, openAt) !== true) continue;
      }
      let failed: FacetName | null = null;
      let fails = 0;
      for (const f of active) {
        if (!passes(f, i)) {
          fails++;
          failed = f;
          if (fails > 1) break;
        }
      }
      if (fails > 1) continue;
      for (const f of FACETS) {
        if (fails === 1 && failed !== f) continue;
        for (const v of this.values[f][i]!) count(f, v);
      }
      if (fails === 1 && failed !== 'thematiques') continue;
      if (fails === 0 || failed === 'thematiques') {
        const cats = new Set(this.values.thematiques[i]!.map(categoryOf));
        for (const c of cats) count('categories', c);
      }
      if (fails === 0) matched.push(i);
    }

    const sort = q.sort ?? (textMatch ? 'relevance' : origin ? 'distance' : 'name');
    const scores = textMatch?.scores;
    let cmp: (a: number, b: number) => number;
    if (sort === 'distance' && origin) {
      const rank = this.ranks();
      cmp = (a, b) => (dist[a]! === dist[b]! ? rank[a]! - rank[b]! : dist[a]! < dist[b]! ? -1 : 1);
    } else if (sort === 'relevance' && scores) {
      cmp = (a, b) => scores[b]! - scores[a]! || (dist[a]! === dist[b]! ? 0 : dist[a]! < dist[b]! ? -1 : 1) || a - b;
    } else {
      const rank = this.ranks();
      cmp = (a, b) => rank[a]! - rank[b]!;
    }
    const total = matched.length;
    const start = (page - 1) * pageSize;
    const pageDocs = topK(matched, cmp, start + pageSize).slice(start, start + pageSize);
    const items = pageDocs.map((i) => ({ ...this.items[i]!, distanceKm: Number.isFinite(dist[i]!) ? Math.round(dist[i]! * 10) / 10 : null }));
    return { items, total, facets, page, pageSize, relaxed: textMatch?.relaxed ?? false, unsupported: [] };
  }
}

/** The first `k` elements of `arr` in `cmp` order (full sort when k is a large share of the list). */
function topK(arr: number[], cmp: (a: number, b: number) => number, k: number): number[] {
  if (k >= arr.length / 4) return arr.sort(cmp);
  // keep a sorted buffer of the best k: O(n log k) for the first pages of long lists
  const best: number[] = [];
  for (const x of arr) {
    if (best.length === k && cmp(x, best[k - 1]!) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(best[mid]!, x) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, x);
    if (best.length > k) best.pop();
  }
  return best;
}
