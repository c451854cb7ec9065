/**
 * In-memory search over a dataset (the `static` source): full text with French analysis and
 * synonyms, data·inclusion filter semantics, eligibility zones, distance, disjunctive facets,
 * sorting and paging. No DOM: runs in Node and in the browser.
 */
import { haversineKm, inBBox, isInFranceBounds } from '../geo/distance.js';
import type { SearchItem, Service, Structure } from '../model/types.js';
import { openStatus, parseOpeningHours, type OpeningHours } from '../model/opening-hours.js';
import { located } from '../model/view.js';
import { departementOf } from '../geo/gazetteer.js';
import { categoryOf, PUBLICS, STRUCTURE_KINDS, THEMATIQUES, termLabel } from '../taxonomy/taxonomy.js';
import { analyze, fold, words } from '../text/analyze.js';
import { DEFAULT_COMMUNE_RADIUS_KM, emptyFacets, paging, pointPlace, type Facets, type MapPoint, type MapPoints, type ResolvedPlace, type SearchQuery, type SearchResult } from './query.js';
import { TextIndex, type Synonym, type TextIndexSnapshot } from './text-index.js';
import { demarchesSynonyms } from './demarches.js';

/** Synonyms from the taxonomy (every keyword of a term stands for that term's concept) and the démarches people type. */
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
  out.push(...demarchesSynonyms());
  return out;
}

/**
 * Phrases that name a kind of establishment (« ehpad », « centre social », « maison de retraite », « mdph »): the
 * acronyms and the names of two words or more of each structure kind, analysed. A lone common word (« mairie »,
 * « association », « répit ») names a need more than a kind, and is left out.
 */
const KIND_PHRASES: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const k of STRUCTURE_KINDS) {
    for (const phrase of [k.label, ...(k.keywords ?? []), ...(k.falc ? [k.falc] : [])]) {
      const ws = analyze(phrase.replace(/\(.*?\)/g, ' '));
      if (ws.length === 0) continue;
      if (ws.length === 1 && !/^[A-Z]{2,}$/.test(phrase.trim())) continue;
      const key = ws.join(' ');
      if (!m.has(key)) m.set(key, k.value);
    }
  }
  return m;
})();
const MAX_KIND_WORDS = Math.max(...[...KIND_PHRASES.keys()].map((k) => k.split(' ').length));

/**
 * Kinds that also do the work of another: a SPASAD (« service polyvalent d'aide et de soins à domicile », FINESS 209)
 * is a SSIAD and a SAAD in one service, so « ssiad » from Clamecy lists the SPASAD of Clamecy among the nearest.
 */
const ALSO: Readonly<Record<string, readonly string[]>> = { ssiad: ['spasad'], saad: ['spasad'] };

/** The structure kinds the words name (« ehpad clamecy » → ehpad): the query asks for an establishment of that kind. */
export function kindsInText(text: string): Set<string> {
  const ws = analyze(text);
  const out = new Set<string>();
  for (let i = 0; i < ws.length; ) {
    let n = Math.min(MAX_KIND_WORDS, ws.length - i);
    for (; n >= 1; n--) {
      const kind = KIND_PHRASES.get(ws.slice(i, i + n).join(' '));
      if (kind) {
        out.add(kind);
        for (const k of ALSO[kind] ?? []) out.add(k);
        break;
      }
    }
    i += Math.max(n, 1);
  }
  return out;
}

type FacetName = keyof Omit<Facets, 'categories'>;
const FACETS: readonly FacetName[] = ['thematiques', 'publics', 'types', 'typologies', 'modesAccueil', 'frais'];
/** The facets counted, in the order of `FacetCombos` slots: FACETS then categories (derived from thematiques). */
const SLOTS: ReadonlyArray<FacetName | 'categories'> = [...FACETS, 'categories'];
const FACET_SLOTS = 7;

/** Facet value lists by id, derived from the index's `docVals` for counting (see `ServiceIndex.facetCombos()`). */
interface FacetCombos {
  /** Document i's list id in slot s: comboOf[i * FACET_SLOTS + s]. */
  comboOf: Uint32Array;
  /** By slot, the value ids of each list. */
  lists: Uint16Array[][];
  /** By slot, 1 for the lists holding `tous-publics` (they count for every public). */
  wildcard: Uint8Array[];
  /** Document i's set of lists (one per slot) as one id. */
  joint: Uint32Array;
  /** The list ids of set j: jointSlots[j * FACET_SLOTS + s]. */
  jointSlots: Uint32Array;
}

/** How many documents have each joint id. */
function countJoint(joint: Uint32Array, size: number): Int32Array {
  const c = new Int32Array(size);
  for (let i = 0; i < joint.length; i++) c[joint[i]!]!++;
  return c;
}

/**
 * What a built index holds, ready-made (`ServiceIndex.toSnapshot()`, written by the prebuilt index,
 * search/prebuilt.ts): the records, positions, facet value lists and the text index. Restoring it validates and
 * analyses nothing.
 */
export interface ServiceIndexSnapshot {
  /** The structures of the services (validated records). */
  structures: Structure[];
  /** The services, in index order (validated records). */
  services: Service[];
  lat: Float64Array;
  lon: Float64Array;
  remoteOnly: Uint8Array;
  /**
   * Per facet: its values by id, the distinct value-id lists (list k is lists[listOffsets[k] .. listOffsets[k + 1]])
   * and each document's list.
   */
  facets: Record<FacetName | 'categories', { names: string[]; lists: Uint16Array; listOffsets: Uint32Array; docLists: Uint32Array }>;
  text: TextIndexSnapshot;
}

/** The searchable index of a dataset. */
export class ServiceIndex {
  readonly items: readonly SearchItem[];
  private readonly text: TextIndex;
  private readonly lat: Float64Array;
  private readonly lon: Float64Array;
  private readonly remoteOnly: Uint8Array;
  /** Facet value dictionaries: value → small integer id, and back. */
  private readonly dict: Record<FacetName | 'categories', { ids: Map<string, number>; names: string[] }>;
  /** For each facet, each document's value ids. */
  private readonly docVals: Record<FacetName | 'categories', Uint16Array[]>;
  private nameRank: Uint32Array | null = null;
  /** The documents in name order (the inverse of nameRank). */
  private nameOrder: Uint32Array | null = null;
  /** Derived on the first search from `docVals` (see `facetCombos()`); nothing stored. */
  private combos: FacetCombos | null = null;
  /** Distances when the query has no place: every one infinite, never written. */
  private noDist: Float64Array | null = null;
  /** Parsed opening hours by document, filled on the first "open at" query (null: unreadable). */
  private hours: Array<OpeningHours | null> | null = null;
  private readonly byId = new Map<string, number>();

  /**
   * Indexes the services (with their structures), or restores an index from its snapshot (`ServiceIndex.fromSnapshot`).
   */
  constructor(structures: readonly Structure[] | ServiceIndexSnapshot, services: readonly Service[] = []) {
    const snap = Array.isArray(structures) ? null : (structures as ServiceIndexSnapshot);
    const structById = new Map((snap ? snap.structures : (structures as readonly Structure[])).map((s) => [s.id, s]));
    this.items = (snap ? snap.services : services).map((service) => ({ service, structure: structById.get(service.structure_id) ?? null, distanceKm: null }));
    const n = this.items.length;
    const names: Array<FacetName | 'categories'> = [...FACETS, 'categories'];
    this.dict = Object.fromEntries(names.map((f) => [f, { ids: new Map<string, number>(), names: [] as string[] }])) as ServiceIndex['dict'];
    this.docVals = Object.fromEntries(names.map((f) => [f, new Array<Uint16Array>(n)])) as ServiceIndex['docVals'];
    if (snap) {
      if (snap.lat.length !== n || snap.lon.length !== n || snap.remoteOnly.length !== n || snap.text.size !== n) throw new RangeError('ServiceIndex snapshot: inconsistent arrays');
      this.lat = snap.lat;
      this.lon = snap.lon;
      this.remoteOnly = snap.remoteOnly;
      for (let i = 0; i < n; i++) this.byId.set(this.items[i]!.service.id, i);
      for (const f of names) {
        const { names: values, lists, listOffsets, docLists } = snap.facets[f];
        const d = this.dict[f];
        values.forEach((v, id) => d.ids.set(v, id));
        d.names = values;
        const shared = Array.from({ length: listOffsets.length - 1 }, (_, k) => lists.subarray(listOffsets[k]!, listOffsets[k + 1]!));
        const vals = this.docVals[f];
        for (let i = 0; i < n; i++) vals[i] = shared[docLists[i]!]!;
      }
      this.text = TextIndex.fromSnapshot(snap.text);
      return;
    }
    this.lat = new Float64Array(n);
    this.lon = new Float64Array(n);
    this.remoteOnly = new Uint8Array(n);
    const idOf = (f: FacetName | 'categories', v: string): number => {
      const d = this.dict[f];
      let id = d.ids.get(v);
      if (id === undefined) {
        id = d.names.length;
        d.ids.set(v, id);
        d.names.push(v);
      }
      return id;
    };
    // Documents share the same value lists: build each list's id array once.
    const EMPTY = new Uint16Array(0);
    const caches = Object.fromEntries(names.map((f) => [f, new Map<string, Uint16Array>()])) as Record<FacetName | 'categories', Map<string, Uint16Array>>;
    const ids = (f: FacetName | 'categories', vs: readonly string[]): Uint16Array => {
      if (vs.length === 0) return EMPTY;
      const key = vs.length === 1 ? vs[0]! : vs.join('\u0000');
      const cache = caches[f];
      let a = cache.get(key);
      if (!a) {
        a = Uint16Array.from(new Set(vs), (v) => idOf(f, v));
        cache.set(key, a);
      }
      return a;
    };
    this.items.forEach(({ service: s, structure: st }, i) => {
      this.byId.set(s.id, i);
      const la = located(s, st, 'latitude');
      const lo = located(s, st, 'longitude');
      this.lat[i] = la ?? NaN;
      this.lon[i] = lo ?? NaN;
      // remote-only services are not tied to a place (home services are: their office is near the person)
      this.remoteOnly[i] = s.modes_accueil.length > 0 && s.modes_accueil.every((m) => m === 'a-distance') ? 1 : 0;
      this.docVals.thematiques[i] = ids('thematiques', s.thematiques);
      this.docVals.categories[i] = s.thematiques.length ? ids('categories', s.thematiques.map(categoryOf)) : EMPTY;
      this.docVals.publics[i] = ids('publics', s.publics);
      this.docVals.types[i] = s.type ? ids('types', [s.type]) : EMPTY;
      this.docVals.typologies[i] = st?.typologie ? ids('typologies', [st.typologie]) : EMPTY;
      this.docVals.modesAccueil[i] = ids('modesAccueil', s.modes_accueil);
      this.docVals.frais[i] = s.frais ? ids('frais', [s.frais]) : EMPTY;
    });
    const labels = new Map<string, string>();
    const label = (vocab: 'thematiques' | 'publics' | 'typologies', v: string): string => {
      const k = vocab[0] + v;
      let l = labels.get(k);
      if (l === undefined) labels.set(k, (l = termLabel(vocab, v)));
      return l;
    };
    const concepts = new Map<string, string>();
    const concept = (prefix: string, v: string): string => {
      const k = prefix + v;
      let c = concepts.get(k);
      if (c === undefined) concepts.set(k, (c = k));
      return c;
    };
    this.text = new TextIndex(
      n,
      (i, emit) => {
        const { service: s, structure: st } = this.items[i]!;
        emit(s.nom, 3);
        emit(st?.nom, 2);
        emit(located(s, st, 'commune'), 1.5);
        emit(located(s, st, 'code_postal'), 1.5);
        if (st?.typologie) emit(label('typologies', st.typologie), 1.5);
        emit(s.description, 0.4);
        for (const t of s.thematiques) emit(label('thematiques', t), 1);
        for (const p of s.publics) emit(label('publics', p), 0.5);
      },
      (i, emit) => {
        const { service: s, structure: st } = this.items[i]!;
        for (const t of s.thematiques) emit(concept('t:', t), 1);
        for (const p of s.publics) emit(concept('p:', p), 1);
        if (st?.typologie) emit(concept('k:', st.typologie), 1.2);
      },
      taxonomySynonyms(),
    );
  }

  /** Restores an index from `toSnapshot()`: no record is validated, no text analysed. The arrays are used as they are. */
  static fromSnapshot(snapshot: ServiceIndexSnapshot): ServiceIndex {
    return new ServiceIndex(snapshot);
  }

  /** The built index, ready-made: its records and arrays (not copies), for the prebuilt index (search/prebuilt.ts). */
  toSnapshot(): ServiceIndexSnapshot {
    const structures = [...new Set(this.items.map((it) => it.structure).filter((st): st is Structure => st !== null))];
    const facets = {} as ServiceIndexSnapshot['facets'];
    for (const f of [...FACETS, 'categories'] as const) {
      // documents share their value lists (the constructor builds each distinct list once)
      const listIds = new Map<Uint16Array, number>();
      const docLists = new Uint32Array(this.items.length);
      this.docVals[f].forEach((a, i) => {
        let k = listIds.get(a);
        if (k === undefined) listIds.set(a, (k = listIds.size));
        docLists[i] = k;
      });
      const listOffsets = new Uint32Array(listIds.size + 1);
      let k = 0;
      for (const a of listIds.keys()) listOffsets[k + 1] = listOffsets[k++]! + a.length;
      const lists = new Uint16Array(listOffsets[listIds.size]!);
      k = 0;
      for (const a of listIds.keys()) lists.set(a, listOffsets[k++]!);
      facets[f] = { names: this.dict[f].names, lists, listOffsets, docLists };
    }
    return { structures, services: this.items.map((it) => it.service), lat: this.lat, lon: this.lon, remoteOnly: this.remoteOnly, facets, text: this.text.toSnapshot() };
  }

  private words: Set<string> | null = null;
  /**
   * True when a word (folded) is an ordinary word of the data: it appears in the services' names or descriptions
   * other than as their own commune's name, and no service lies in a commune of that one-word name. « loire » (in
   * « Nièvre-Loire ») and « vignes » are words; « nevers » and « clamecy », where services are, are places.
   */
  isCommonWord(word: string): boolean {
    if (!this.words) {
      const set = new Set<string>();
      const towns = new Set<string>();
      for (const { service: s, structure: st } of this.items) {
        const own = new Set(words(`${s.commune ?? ''} ${st?.commune ?? ''}`));
        for (const town of [s.commune, st?.commune]) {
          const w = town ? words(town) : [];
          if (w.length === 1) towns.add(w[0]!);
        }
        for (const w of words(`${s.nom} ${st?.nom ?? ''} ${s.description ?? ''}`)) if (!own.has(w)) set.add(w);
      }
      for (const t of towns) set.delete(t);
      this.words = set;
    }
    return this.words.has(word);
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
      // computed on the first sort that needs it, not at build time
      const keys = this.items.map((it) => fold(it.service.nom));
      const order = Array.from({ length: keys.length }, (_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
      const rank = new Uint32Array(keys.length);
      order.forEach((doc, r) => (rank[doc] = r));
      this.nameRank = rank;
      this.nameOrder = Uint32Array.from(order);
    }
    return this.nameRank;
  }

  /**
   * Searches. `place` is the resolved `query.commune` (the client resolves it with the gazetteer);
   * when the query names a commune and no place is given, only the eligibility codes are checked.
   */
  search(q: SearchQuery, place?: ResolvedPlace | null, opts: { zone?: ResolvedPlace | null } = {}): SearchResult {
    const { page, pageSize } = paging(q);
    const { matched, dist, facets, textMatch, origin, kinds } = this.filter(q, place, true, opts.zone);
    const sort = q.sort ?? (textMatch ? 'relevance' : origin ? 'distance' : 'name');
    const scores = textMatch?.scores;
    let cmp: (a: number, b: number) => number;
    // when the order is by score first: a document scoring below the page's last one is skipped without comparing
    let primary: Float32Array | undefined;
    if (sort === 'relevance' && scores && origin && kinds.size > 0) {
      // « ehpad » from Clamecy: the establishments of that kind first, the nearest first (a person goes to the one
      // nearby, not to the best-worded); then the other matches by relevance
      const isKind = (i: number) => (kinds.has(this.items[i]!.structure?.typologie ?? '') ? 1 : 0);
      cmp = (a, b) => {
        const ka = isKind(a);
        const kb = isKind(b);
        if (ka !== kb) return kb - ka;
        if (ka) return dist[a]! - dist[b]! || scores[b]! - scores[a]! || a - b;
        return scores[b]! - scores[a]! || (dist[a]! === dist[b]! ? 0 : dist[a]! < dist[b]! ? -1 : 1) || a - b;
      };
    } else if (sort === 'distance' && origin) {
      const rank = this.ranks();
      cmp = (a, b) => (dist[a]! === dist[b]! ? rank[a]! - rank[b]! : dist[a]! < dist[b]! ? -1 : 1);
    } else if (sort === 'relevance' && scores) {
      cmp = (a, b) => scores[b]! - scores[a]! || (dist[a]! === dist[b]! ? 0 : dist[a]! < dist[b]! ? -1 : 1) || a - b;
      primary = scores;
    } else if (sort === 'updated') {
      // the most recently updated or confirmed first (YYYY-MM-DD compares as text), then by name
      const rank = this.ranks();
      const day = (i: number) => this.items[i]!.service.date_maj ?? '';
      cmp = (a, b) => {
        const da = day(a);
        const db = day(b);
        return da === db ? rank[a]! - rank[b]! : da > db ? -1 : 1;
      };
    } else {
      const rank = this.ranks();
      cmp = (a, b) => rank[a]! - rank[b]!;
    }
    const total = matched.length;
    const start = (page - 1) * pageSize;
    // every document by name (no words, no filter): the name order is the list
    const pageDocs =
      sort === 'name' && total === this.items.length && this.nameOrder ? Array.from(this.nameOrder.subarray(start, start + pageSize)) : topK(matched, cmp, start + pageSize, primary).slice(start, start + pageSize);
    const items = pageDocs.map((i) => ({ ...this.items[i]!, distanceKm: Number.isFinite(dist[i]!) ? Math.round(dist[i]! * 10) / 10 : null }));
    const result: SearchResult = { items, total, facets, page, pageSize, relaxed: textMatch?.relaxed ?? false, unsupported: [] };
    if (total === 0 && origin) result.elsewhere = this.elsewhere(q, place, opts.zone);
    return result;
  }

  /**
   * Nothing matched near the place: the services matching the rest of the search anywhere in the data (same words,
   * filters and scope), split by why they are not listed — their zone leaves the place out, or they are too far.
   */
  private elsewhere(q: SearchQuery, place: ResolvedPlace | null | undefined, zone: ResolvedPlace | null | undefined): NonNullable<SearchResult['elsewhere']> {
    const { matched } = this.filter({ ...q, commune: undefined, near: undefined, bbox: undefined }, null, false);
    const codes = this.zoneCodes(q, place, zone);
    let notServing = 0;
    for (const i of matched) {
      const zones = this.items[i]!.service.zone_eligibilite;
      if (codes && zones.length > 0 && !zones.some((z) => codes.has(z))) notServing++;
    }
    return { total: matched.length, notServing, tooFar: matched.length - notServing };
  }

  /** The codes a service's `zone_eligibilite` must name to serve the place (null: no zone check). */
  private zoneCodes(q: SearchQuery, place: ResolvedPlace | null | undefined, zone: ResolvedPlace | null | undefined): Set<string> | null {
    if (q.ignoreZones) return null;
    if (q.commune) return new Set([q.commune, place?.departement ?? departementOf(q.commune), ...(place?.epci ? [place.epci] : []), 'france']);
    if (q.near && zone) return new Set([zone.code, zone.departement, ...(zone.epci ? [zone.epci] : []), 'france']);
    return null;
  }

  /** Every matching service as a light map point (no paging, no facets): for maps of thousands of services. */
  points(q: SearchQuery, place?: ResolvedPlace | null, opts: { zone?: ResolvedPlace | null } = {}): MapPoints {
    const { matched } = this.filter({ ...q, bbox: undefined }, place, false, opts.zone);
    const points: MapPoint[] = [];
    let withoutPosition = 0;
    let outsideFrance = 0;
    for (const i of matched) {
      const lat = this.lat[i]!;
      const lon = this.lon[i]!;
      if (Number.isNaN(lat)) {
        withoutPosition++;
        continue;
      }
      if (!isInFranceBounds(lat, lon)) {
        outsideFrance++;
        continue;
      }
      const { service: s, structure: st } = this.items[i]!;
      points.push({ id: s.id, lat, lon, kind: st?.typologie ?? null, name: s.nom, ...pointPlace(s, st) });
    }
    return { points, total: matched.length, withoutPosition, outsideFrance };
  }

  /** Opening hours of every document, parsed once (many documents share the same string). */
  private openingHours(): Array<OpeningHours | null> {
    if (!this.hours) {
      const byText = new Map<string, OpeningHours | null>();
      this.hours = this.items.map(({ service: s, structure: st }) => {
        const raw = located(s, st, 'horaires_accueil');
        if (!raw) return null;
        let h = byText.get(raw);
        if (h === undefined) byText.set(raw, (h = parseOpeningHours(raw)));
        return h;
      });
    }
    return this.hours;
  }

  /**
   * Each document's value list of each facet as a small id (« combo »), derived from `docVals` on the first search:
   * documents share few distinct lists (the constructor even shares their arrays), so a facet is counted with one
   * increment per document and the lists are expanded once per query.
   */
  private facetCombos(): FacetCombos {
    if (this.combos) return this.combos;
    const n = this.items.length;
    const comboOf = new Uint32Array(n * FACET_SLOTS);
    const lists: Uint16Array[][] = [];
    const wildcard: Uint8Array[] = [];
    const publicsWildcard = this.dict.publics.ids.get('tous-publics') ?? -1;
    SLOTS.forEach((f, fi) => {
      const vals = this.docVals[f];
      const byArray = new Map<Uint16Array, number>();
      const byContent = new Map<string, number>();
      const own: Uint16Array[] = [];
      for (let i = 0; i < n; i++) {
        const have = vals[i]!;
        let k = byArray.get(have);
        if (k === undefined) {
          const key = have.join(',');
          k = byContent.get(key);
          if (k === undefined) {
            k = own.length;
            own.push(have);
            byContent.set(key, k);
          }
          byArray.set(have, k);
        }
        comboOf[i * FACET_SLOTS + fi] = k;
      }
      lists.push(own);
      wildcard.push(Uint8Array.from(own, (have) => (f === 'publics' && publicsWildcard >= 0 && have.includes(publicsWildcard) ? 1 : 0)));
    });
    const joint = new Uint32Array(n);
    const jointIds = new Map<number | string, number>();
    const slots: number[] = [];
    // a row of list ids as one number (mixed radix) when it fits in a double's integers, else as text
    const numeric = lists.reduce((p, l) => p * Math.max(1, l.length), 1) < 2 ** 52;
    for (let i = 0; i < n; i++) {
      const o = i * FACET_SLOTS;
      let key: number | string = 0;
      if (numeric) for (let fi = FACET_SLOTS - 1; fi >= 0; fi--) key = key * Math.max(1, lists[fi]!.length) + comboOf[o + fi]!;
      else key = comboOf.subarray(o, o + FACET_SLOTS).join(',');
      let j = jointIds.get(key);
      if (j === undefined) {
        jointIds.set(key, (j = jointIds.size));
        for (let fi = 0; fi < FACET_SLOTS; fi++) slots.push(comboOf[o + fi]!);
      }
      joint[i] = j;
    }
    return (this.combos = { comboOf, lists, wildcard, joint, jointSlots: Uint32Array.from(slots) });
  }

  private every: { docs: Uint32Array; joint?: Int32Array } | null = null;
  /** Every document id, in order (the matches of a search with no words, place or filter). */
  private everyDoc(): { docs: Uint32Array; joint?: Int32Array } {
    return (this.every ??= { docs: Uint32Array.from({ length: this.items.length }, (_, i) => i) });
  }

  /** The filtering pass shared by search() and points(). */
  private filter(q: SearchQuery, place: ResolvedPlace | null | undefined, withFacets: boolean, zone?: ResolvedPlace | null) {
    const n = this.items.length;
    const textMatch = q.text && q.text.trim() ? this.text.search(q.text) : null;
    // the documents the words match, or every document (null)
    const candidates = textMatch ? textMatch.docs : null;
    const nCandidates = candidates ? candidates.length : n;

    const origin = q.near ? { lat: q.near.lat, lon: q.near.lon } : place ? { lat: place.lat, lon: place.lon } : null;
    const radius = q.near?.radiusKm ?? (place ? DEFAULT_COMMUNE_RADIUS_KM : undefined);
    // a service's zone_eligibilite (communes, EPCI, départements, « france ») must name the place: the commune, or
    // the one « Autour de moi » lies in
    const zoneCodes = this.zoneCodes(q, place, zone);
    const openAt = q.openAt ? new Date(q.openAt) : null;
    const hours = openAt ? this.openingHours() : null;
    const kinds = textMatch && q.text ? kindsInText(q.text) : new Set<string>();
    // An establishment-type query (« mdph ») near a commune, with the default radius: when no establishment of that
    // kind is within it, the nearest one that serves the place is kept (the MDPH of the département, 60 km away).
    let kindRadius = radius;
    if (kinds.size > 0 && origin && radius !== undefined && q.near?.radiusKm === undefined) {
      let nearest = Infinity;
      for (let k = 0; k < nCandidates; k++) {
        const i = candidates ? candidates[k]! : k;
        if (!kinds.has(this.items[i]!.structure?.typologie ?? '') || Number.isNaN(this.lat[i]!)) continue;
        const zones = this.items[i]!.service.zone_eligibilite;
        if (zoneCodes && zones.length > 0 && !zones.some((z) => zoneCodes.has(z))) continue;
        nearest = Math.min(nearest, haversineKm(origin.lat, origin.lon, this.lat[i]!, this.lon[i]!));
      }
      if (nearest > radius && Number.isFinite(nearest)) kindRadius = nearest + 1;
    }

    // Active facet filters as masks over value ids; thematique filters may name whole categories.
    const active: Array<{ f: FacetName; mask: Uint8Array; wildcard: number }> = [];
    for (const f of FACETS) {
      const want = q[f];
      if (!want?.length) continue;
      const d = this.dict[f];
      const mask = new Uint8Array(d.names.length + 1);
      for (let id = 0; id < d.names.length; id++) {
        const v = d.names[id]!;
        if (want.includes(v) || (f === 'thematiques' && want.includes(categoryOf(v)))) mask[id] = 1;
      }
      // services open to `tous-publics` match any public
      active.push({ f, mask, wildcard: f === 'publics' ? (d.ids.get('tous-publics') ?? -1) : -1 });
    }
    // Facets are counted by value list (« combo »): documents share few distinct lists, and fewer distinct sets of
    // lists (« joint »), so one increment per document, and the lists' values are added up once at the end.
    const combos = withFacets ? this.facetCombos() : null;
    const cc = combos ? combos.lists.map((l) => new Int32Array(l.length)) : [];
    const comboOf = combos ? combos.comboOf : new Uint32Array(0);
    const joint = combos ? combos.joint : new Uint32Array(0);
    let jc: Int32Array = combos ? new Int32Array(combos.jointSlots.length / FACET_SLOTS) : new Int32Array(0);
    let kept: Uint32Array = new Uint32Array(0);
    let m = 0;
    const dist = origin ? new Float64Array(n).fill(Infinity) : (this.noDist ??= new Float64Array(n).fill(Infinity));
    const everything = !candidates && !origin && !zoneCodes && !q.bbox && !hours && active.length === 0;
    if (everything) {
      // no words, no place, no filter: every document, and the counts of all, computed once
      const every = this.everyDoc();
      kept = every.docs;
      m = n;
      if (combos) jc = every.joint ??= countJoint(joint, combos.jointSlots.length / FACET_SLOTS);
    } else kept = new Uint32Array(nCandidates);
    const all = this.items;
    for (let k = 0; k < (everything ? 0 : nCandidates); k++) {
      const i = candidates ? candidates[k]! : k;
      // place, bbox and time filters are not facets: they always apply
      if (zoneCodes) {
        const zones = all[i]!.service.zone_eligibilite;
        if (zones.length > 0 && !zones.some((z) => zoneCodes.has(z))) continue;
      }
      const la = this.lat[i]!;
      const hasPos = !Number.isNaN(la);
      if (origin) {
        if (hasPos) {
          const d = haversineKm(origin.lat, origin.lon, la, this.lon[i]!);
          const r = kindRadius !== radius && kinds.has(all[i]!.structure?.typologie ?? '') ? kindRadius : radius;
          if (r !== undefined && d > r && !this.remoteOnly[i]) continue;
          dist[i] = this.remoteOnly[i] ? Infinity : d;
        } else if (!this.remoteOnly[i] && radius !== undefined && !zoneCodes) continue;
      }
      if (q.bbox && (!hasPos || !inBBox(q.bbox, la, this.lon[i]!))) continue;
      if (hours) {
        const h = hours[i];
        if (!h || !openStatus(h, openAt!).open) continue;
      }
      let failed = -1;
      let fails = 0;
      for (let a = 0; a < active.length; a++) {
        const { f, mask, wildcard } = active[a]!;
        const have = this.docVals[f][i]!;
        let ok = false;
        for (let v = 0; v < have.length; v++) {
          const id = have[v]!;
          if (mask[id] || id === wildcard) {
            ok = true;
            break;
          }
        }
        if (!ok && ++fails > 1) break;
        if (!ok) failed = a;
      }
      if (fails > 1) continue;
      if (!withFacets) {
        if (fails === 0) kept[m++] = i;
        continue;
      }
      // disjunctive facets: a document failing only filter F still counts for F's values
      const o = i * FACET_SLOTS;
      if (failed < 0) {
        jc[joint[i]!]!++;
        kept[m++] = i;
      } else {
        const fi = FACETS.indexOf(active[failed]!.f);
        cc[fi]![comboOf[o + fi]!]!++;
        if (fi === 0) cc[6]![comboOf[o + 6]!]!++;
      }
    }
    const facets = emptyFacets();
    if (combos) {
      const slots = combos.jointSlots;
      for (let j = 0; j < jc.length; j++) {
        const count = jc[j]!;
        if (!count) continue;
        for (let fi = 0; fi < FACET_SLOTS; fi++) cc[fi]![slots[j * FACET_SLOTS + fi]!]! += count;
      }
      SLOTS.forEach((f, fi) => {
        const counts = new Int32Array(this.dict[f].names.length);
        const lists = combos.lists[fi]!;
        const c = cc[fi]!;
        for (let k = 0; k < c.length; k++) {
          const m = c[k]!;
          if (!m) continue;
          // a service open to `tous-publics` is a result of every public ticked: it counts for each (as the filter does)
          if (combos.wildcard[fi]![k]) for (let id = 0; id < counts.length; id++) counts[id]! += m;
          else for (const id of lists[k]!) counts[id]! += m;
        }
        const names = this.dict[f].names;
        for (let id = 0; id < counts.length; id++) if (counts[id]) facets[f][names[id]!] = counts[id]!;
      });
    }

    return { matched: kept.subarray(0, m), dist, facets, textMatch, origin, kinds };
  }
}

/**
 * The first `k` elements of `arr` in `cmp` order (full sort when k is a large share of the list). `primary`, when
 * given, is a score that `cmp` orders by first, highest first: an element scoring below the k-th is skipped at once.
 */
function topK(arr: Uint32Array, cmp: (a: number, b: number) => number, k: number, primary?: Float32Array): number[] {
  if (k >= arr.length / 4) return Array.from(arr).sort(cmp);
  // keep a sorted buffer of the best k: O(n log k) for the first pages of long lists
  const best: number[] = [];
  let floor = -Infinity;
  for (let j = 0; j < arr.length; j++) {
    const x = arr[j]!;
    if (best.length === k) {
      if (primary && primary[x]! < floor) continue;
      if (cmp(x, best[k - 1]!) >= 0) continue;
    }
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(best[mid]!, x) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, x);
    if (best.length > k) best.pop();
    if (primary && best.length === k) floor = primary[best[k - 1]!]!;
  }
  return best;
}
