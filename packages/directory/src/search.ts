/**
 * The directory's search: the query (the words, the filters, the place — a commune, or a position with its radius —,
 * the map's area, the départements served), one run of it on the client (widened when it finds nothing), and the part
 * of it the map shows (the provider's shared filters).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Commune, RelaisClient, SearchQuery, SearchResult, SharedFilters, SourceController } from '@relais/core';
import type { DirectoryFilters } from './filters.js';
import type { Place } from './places.js';
import type { Reveal } from './focus.js';
import { widenSearch, type OutOfReach, type Searched, type WidenContext, type WidenMode } from './widen.js';

const TYPE_DEBOUNCE_MS = 180;

export interface QueryParts {
  page: number;
  pageSize: number;
  text: string;
  filters: DirectoryFilters;
  place: Place | null;
  /** The map's area (« Rechercher dans cette zone »). */
  bbox: SearchQuery['bbox'];
  /** The départements served. */
  departements: string[];
}

export function buildQuery(p: QueryParts): SearchQuery {
  const q: SearchQuery = { page: p.page, pageSize: p.pageSize };
  if (p.text.trim()) q.text = p.text.trim();
  p.filters.applyTo(q);
  if (p.bbox) q.bbox = p.bbox;
  if (p.departements.length) q.departements = p.departements;
  if (p.place?.kind === 'commune') {
    q.commune = p.place.code;
    // a radius with a commune: the client measures from the commune's centre
    if (p.filters.radiusKm) q.near = undefined;
  } else if (p.place?.kind === 'near') {
    q.near = { lat: p.place.lat, lon: p.place.lon, radiusKm: p.filters.radiusKm ?? 50 };
  }
  return q;
}

/** What the map shows of a search: the same one, words included (« Aucun service » here is no « 124 services » there). */
export function sharedFilters(q: SearchQuery, bbox: SearchQuery['bbox']): SharedFilters {
  return { text: q.text, thematiques: q.thematiques, publics: q.publics, typologies: q.typologies, modesAccueil: q.modesAccueil, frais: q.frais, commune: q.commune, near: q.near, bbox, departements: q.departements };
}

/** What one run of the search needs besides the client. */
export interface RunContext {
  query: SearchQuery;
  place: Place | null;
  radiusKm: number | undefined;
  bbox: SearchQuery['bbox'];
  /** The départements served. */
  scope: string[];
  widen: WidenMode | null;
  channel: string;
  commune(code: string): Promise<Commune | undefined>;
  /** Waited for beside the first answer (the labels, the English words). */
  ready: Promise<unknown>;
  /** The element's words and gazetteer once `ready` (its language may have changed meanwhile). */
  words(): WidenContext;
}

/**
 * Runs the search: a radius around a commune is measured from its centre; an empty search near a commune widens
 * (see `widenSearch`). Null when `signal` was aborted meanwhile (a newer search started).
 */
export async function searchOnce(client: RelaisClient, signal: AbortSignal, ctx: RunContext): Promise<Searched | null> {
  const asked = { ...ctx.query };
  const c = asked.commune && ctx.radiusKm ? await ctx.commune(asked.commune) : undefined;
  if (c) asked.near = { lat: c.lat, lon: c.lon, radiusKm: ctx.radiusKm! };
  const opts = { channel: ctx.channel, signal };
  const [first] = await Promise.all([client.search(asked, opts), ctx.ready]);
  const ask = { byCommune: ctx.place?.kind === 'commune' && !ctx.bbox, radiusKm: ctx.radiusKm, mode: ctx.widen, scope: ctx.scope, current: () => !signal.aborted };
  return widenSearch(client, asked, first, ask, opts, ctx.words());
}

export type Status = 'idle' | 'loading' | 'slow' | 'error';

/** What the search asks of the element. */
export interface SearchHost {
  /** The data source: only its latest run counts. */
  source(): SourceController;
  /** The context of a run (the query, the place, the words…), taken when it starts; `widen`: how it may widen. */
  context(widen: WidenMode | null): RunContext;
  /** A search found its results (after the search state is updated): the element says, shares and reveals them. */
  found(f: Searched, reveal: Reveal): void;
  failed(e: unknown): void;
  /** The element has started (its first update): put back in the page, it searches again. */
  started(): boolean;
}

/**
 * The directory's search as a reactive controller: runs (now, or after typing), the results shown and how they were
 * widened, the progress (`loading`, then `slow` after 300 ms), and the next run's widening and reveal. A removed element
 * stops its search, and searches again when it is put back.
 */
export class SearchRunner implements ReactiveController {
  status: Status = 'idle';
  result: SearchResult | null = null;
  /** Why the results shown are wider than asked (« Aucun service de ce type à moins de 50 km de … : voici … »). */
  widened = '';
  /** Why a search near a commune found nothing although the département has matching services, and how many. */
  outOfReach: OutOfReach | null = null;
  /** The next search widens itself if it finds nothing (a hand-off), or shows the département (`departement`). */
  widenNext: WidenMode | null = null;
  /** How the results shown were widened: their other pages are read the same way. */
  widenedBy: WidenMode | null = null;
  /** What the next search's results do: take the focus (a hand-off), or scroll into view. */
  reveal: Reveal = null;
  private typeTimer: ReturnType<typeof setTimeout> | undefined;
  private removed = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly h: SearchHost,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.removed) return;
    // put back in the page: the search stopped on removal runs again
    this.removed = false;
    if (this.h.started()) this.now();
  }

  hostDisconnected(): void {
    // a removed directory stops its searches (and their retries)
    this.removed = true;
    this.h.source().abort();
    clearTimeout(this.typeTimer);
  }

  /**
   * Searches when the person stops typing. A search still running is stopped: its words are no longer the ones
   * typed, and its answer, read and rendered meanwhile, would only delay the next keystrokes (INP).
   */
  soon(): void {
    clearTimeout(this.typeTimer);
    this.h.source().abort();
    this.typeTimer = setTimeout(() => void this.run(), TYPE_DEBOUNCE_MS);
  }

  now(): void {
    clearTimeout(this.typeTimer);
    void this.run();
  }

  /** Runs the search; a newer search aborts an older one (no stale results ever shown). */
  async run(): Promise<void> {
    const source = this.h.source();
    if (!source.client) return;
    const { widenNext, reveal } = this;
    this.widenNext = null;
    this.reveal = null;
    this.set({ status: 'loading' });
    const ctx = this.h.context(widenNext);
    try {
      const run = await source.run((client, signal) => searchOnce(client, signal, ctx), { slow: () => void (this.status === 'loading' && this.set({ status: 'slow' })) });
      const found = run?.value;
      if (!found) return;
      if (found.widenedBy !== undefined) this.widenedBy = found.widenedBy;
      this.set({ result: found.result, widened: found.widened, outOfReach: found.outOfReach, status: 'idle' });
      this.h.found(found, reveal);
    } catch (e) {
      this.set({ status: 'error' });
      this.h.failed(e);
    }
  }

  private set(patch: Partial<Pick<SearchRunner, 'status' | 'result' | 'widened' | 'outOfReach'>>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }
}
