/**
 * The directory's filters, written once: the needs and vocabulary filters a person ticks, with what each becomes in a
 * query, as removable chips, when cleared, and in the page URL.
 *
 * The search state in the page URL (`sync-url`) lets a link reproduce a search.
 * Keys are prefixed (`relais-…`) not to clash with the host page. Never a position from geolocation.
 * The words typed in the search field are written only when the site opts in (`sync-url="text"`):
 * they may say something about the person (« violences conjugales », « dette ») and an address is
 * kept in the history, in server logs (Referer) and in analytics. Needs, filters and the commune are
 * chosen from lists and are kept.
 */
import { isSafeId, type SearchQuery } from '@relais/core';
import { NEEDS, type Need } from './needs.js';
import type { MessageKey } from './messages.js';
export interface UrlState {
  text?: string;
  commune?: string;
  needs?: string[];
  publics?: string[];
  typologies?: string[];
  modesAccueil?: string[];
  free?: boolean;
  openNow?: boolean;
  radiusKm?: number;
  sort?: 'relevance' | 'distance' | 'name' | 'updated';
  page?: number;
  service?: string;
}

const LISTS: Array<[keyof UrlState, string]> = [
  ['needs', 'relais-besoin'],
  ['publics', 'relais-public'],
  ['typologies', 'relais-type'],
  ['modesAccueil', 'relais-mode'],
];

/** Writes the state into a copy of `url`'s search parameters (other parameters are kept). */
export function writeUrlState(url: URL, s: UrlState, opts: { text?: boolean } = {}): URL {
  const out = new URL(url.href);
  for (const k of [...out.searchParams.keys()]) if (k.startsWith('relais-')) out.searchParams.delete(k);
  const p = out.searchParams;
  if (s.text && opts.text) p.set('relais-q', s.text.slice(0, 200));
  if (s.commune && /^(\d{5}|2[AB]\d{3})$/.test(s.commune)) p.set('relais-commune', s.commune);
  for (const [key, name] of LISTS) for (const v of (s[key] as string[] | undefined) ?? []) p.append(name, v);
  if (s.free) p.set('relais-gratuit', '1');
  if (s.openNow) p.set('relais-ouvert', '1');
  if (s.radiusKm) p.set('relais-km', String(s.radiusKm));
  if (s.sort && s.sort !== 'relevance') p.set('relais-tri', s.sort);
  if (s.page && s.page > 1) p.set('relais-page', String(s.page));
  if (s.service && isSafeId(s.service)) p.set('relais-fiche', s.service);
  return out;
}

/** Reads the state from search parameters, ignoring anything malformed. */
export function readUrlState(params: URLSearchParams, opts: { text?: boolean } = {}): UrlState {
  const s: UrlState = {};
  const text = opts.text ? params.get('relais-q') : null;
  if (text) s.text = text.slice(0, 200);
  const commune = params.get('relais-commune');
  if (commune && /^(\d{5}|2[AB]\d{3})$/.test(commune)) s.commune = commune;
  for (const [key, name] of LISTS) {
    const v = params.getAll(name).filter((x) => /^[a-z0-9-]{1,100}$/.test(x));
    if (v.length) (s as Record<string, unknown>)[key] = v;
  }
  if (params.get('relais-gratuit') === '1') s.free = true;
  if (params.get('relais-ouvert') === '1') s.openNow = true;
  const km = Number(params.get('relais-km'));
  if ([5, 10, 20, 50].includes(km)) s.radiusKm = km;
  const tri = params.get('relais-tri');
  if (tri === 'distance' || tri === 'name' || tri === 'updated') s.sort = tri;
  const page = Number(params.get('relais-page'));
  if (Number.isInteger(page) && page > 1 && page < 100000) s.page = page;
  const fiche = params.get('relais-fiche');
  // never `.`, `..` or a path: the id goes into the API's path (`services/{id}`), with its token
  if (fiche && isSafeId(fiche)) s.service = fiche;
  return s;
}

export type Sort = 'relevance' | 'distance' | 'name' | 'updated';
/** The filters that are lists of values (a tile or a checkbox toggles one value). */
export type FilterList = 'needs' | 'extraThematiques' | 'publics' | 'typologies' | 'modes';

interface FilterFields {
  /** Need tiles chosen (`NEEDS` ids). */
  needs: readonly string[];
  /** Thematiques asked beside the needs (the page's `thematiques`, a hand-off). */
  extraThematiques: readonly string[];
  publics: readonly string[];
  typologies: readonly string[];
  /** Modes d'accueil. */
  modes: readonly string[];
  free: boolean;
  openNow: boolean;
  /** Around the place chosen; none: the default radius. */
  radiusKm: number | undefined;
  sort: Sort | undefined;
}

/** What the chips need to name the filters. */
export interface ChipWords {
  t(key: MessageKey, p?: Record<string, unknown>): string;
  need(n: Need): string;
  label(vocab: 'thematiques' | 'publics' | 'typologies' | 'modesAccueil', value: string): string;
}

/** An active filter, as a chip: its label, and the filters without it. */
export interface Chip {
  label: string;
  next: DirectoryFilters;
}

/** The filters of a search, as an immutable value: each change gives new filters (a Lit state changes by assignment). */
export class DirectoryFilters implements FilterFields {
  readonly needs: readonly string[] = [];
  readonly extraThematiques: readonly string[] = [];
  readonly publics: readonly string[] = [];
  readonly typologies: readonly string[] = [];
  readonly modes: readonly string[] = [];
  readonly free: boolean = false;
  readonly openNow: boolean = false;
  readonly radiusKm: number | undefined = undefined;
  readonly sort: Sort | undefined = undefined;

  constructor(init: Partial<FilterFields> = {}) {
    Object.assign(this, init);
  }

  with(patch: Partial<FilterFields>): DirectoryFilters {
    return new DirectoryFilters({ ...this, ...patch });
  }

  /** Ticks or unticks one value of a list. */
  toggle(list: FilterList, value: string): DirectoryFilters {
    const cur = this[list];
    return this.with({ [list]: cur.includes(value) ? cur.filter((v) => v !== value) : [...cur, value] });
  }

  /** Every filter off (the sort order is not a filter: it stays). */
  cleared(): DirectoryFilters {
    return new DirectoryFilters({ sort: this.sort });
  }

  /** The thematiques searched: the needs' and the extra ones, once each. */
  get thematiques(): string[] {
    const fromNeeds = this.needs.flatMap((id) => NEEDS.find((n) => n.id === id)?.thematiques ?? []);
    return [...new Set([...fromNeeds, ...this.extraThematiques])];
  }

  /** Writes the filters into a query (the place and its radius are the element's: they need the gazetteer). */
  applyTo(q: SearchQuery): SearchQuery {
    const th = this.thematiques;
    if (th.length) q.thematiques = th;
    if (this.publics.length) q.publics = [...this.publics];
    if (this.typologies.length) q.typologies = [...this.typologies];
    if (this.modes.length) q.modesAccueil = [...this.modes];
    if (this.free) q.frais = ['gratuit'];
    if (this.openNow) q.openAt = new Date();
    if (this.sort) q.sort = this.sort;
    return q;
  }

  /** The active filters as chips, in the order of the panel. */
  chips(w: ChipWords): Chip[] {
    const chips: Chip[] = [];
    const without = (list: FilterList, value: string): DirectoryFilters => this.with({ [list]: this[list].filter((x) => x !== value) });
    for (const id of this.needs) {
      const n = NEEDS.find((x) => x.id === id);
      if (n) chips.push({ label: w.need(n), next: without('needs', id) });
    }
    for (const t of this.extraThematiques) chips.push({ label: w.label('thematiques', t), next: without('extraThematiques', t) });
    for (const p of this.publics) chips.push({ label: w.label('publics', p), next: without('publics', p) });
    for (const k of this.typologies) chips.push({ label: w.label('typologies', k), next: without('typologies', k) });
    for (const m of this.modes) chips.push({ label: w.label('modesAccueil', m), next: without('modes', m) });
    if (this.free) chips.push({ label: w.t('free'), next: this.with({ free: false }) });
    if (this.openNow) chips.push({ label: w.t('openNow'), next: this.with({ openNow: false }) });
    if (this.radiusKm) chips.push({ label: w.t('km', { km: this.radiusKm }), next: this.with({ radiusKm: undefined }) });
    return chips;
  }

  /** The filters' part of the URL state (the words, commune, page and open service are the element's). */
  toUrl(): UrlState {
    return {
      needs: [...this.needs],
      publics: [...this.publics],
      typologies: [...this.typologies],
      modesAccueil: [...this.modes],
      free: this.free,
      openNow: this.openNow,
      radiusKm: this.radiusKm,
      sort: this.sort,
    };
  }

  /**
   * The filters read from the URL: the lists it has replace these, the others stay (the page's `publics`); the
   * switches, radius and sort are the URL's. Unknown needs are dropped; extra thematiques are never in the URL.
   */
  fromUrl(s: UrlState): DirectoryFilters {
    return this.with({
      needs: s.needs?.filter((n) => NEEDS.some((x) => x.id === n)) ?? this.needs,
      publics: s.publics ?? this.publics,
      typologies: s.typologies ?? this.typologies,
      modes: s.modesAccueil ?? this.modes,
      free: s.free ?? false,
      openNow: s.openNow ?? false,
      radiusKm: s.radiusKm,
      sort: s.sort,
    });
  }
}

/** A comma-separated attribute as a list (`"58, 89"` → `['58', '89']`). */
export function split(v: string | undefined | null): string[] {
  return (v ?? '').split(',').map((x) => x.trim()).filter(Boolean);
}
