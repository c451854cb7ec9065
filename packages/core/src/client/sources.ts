/**
 * The static source, loaded on first use by the client (client.ts) — on the page, or in its Web Worker
 * (static-worker.ts): fetching, validation and the in-browser index are not downloaded before a widget can render.
 * The remote sources are in remote-sources.ts, a chunk of their own (with ky).
 */
import { RelaisError, throwIfAborted } from '../errors.js';
import { departementOf, resolveCommune } from '../geo/gazetteer.js';
import { communesOf, nearestCommuneTo, placeInText } from '../geo/places.js';
import type { ResolvedPlace } from '../search/query.js';
import { DiagnosticsCollector } from '../model/diagnostics.js';
import type { Diagnostics, SearchItem } from '../model/types.js';
import type { ServiceIndex } from '../search/service-index.js';
import { queryKey, type MapPoints, type SearchQuery, type SearchResult } from '../search/query.js';
import { Http, withSignal } from './http.js';
import { BaseClient } from './base.js';
import type { CallOptions, RelaisClient, StaticSourceOptions } from './types.js';
import type * as Pipeline from './pipeline.js';
import type { IndexedDataset } from './pipeline.js';

/**
 * Validation (zod), indexing and the refinement of remote pages, loaded on first use: a page that
 * shows a widget downloads it while its data comes, not before the widget can render.
 */
let pipeline: Promise<typeof Pipeline> | null = null;
const loadPipeline = () => {
  pipeline ??= import('./pipeline.js');
  pipeline.catch(() => (pipeline = null));
  return pipeline;
};

/** The static source: loads once, indexes, searches locally. */
export class StaticClient extends BaseClient {
  readonly source = 'static' as const;
  private readonly http: Http;
  private loading: Promise<IndexedDataset> | null = null;
  private readonly cache = new Map<string, SearchResult>();

  constructor(private readonly opts: StaticSourceOptions) {
    super();
    this.http = new Http({ ...opts, cacheTtlMs: 0 });
  }

  private dataset(signal?: AbortSignal): Promise<IndexedDataset> {
    if (!this.loading) {
      this.loading = (async () => {
        // validation and indexing load while the file comes, unless the file is a prebuilt index's manifest
        if (!/manifest\.json(\?|#|$)/.test(this.opts.url ?? '')) void loadPipeline().catch(() => undefined);
        const raw = await (this.opts.data ?? this.http.getJson(this.opts.url!));
        this.collector = new DiagnosticsCollector();
        if (this.opts.url && (raw as { format?: unknown })?.format === 'relais-index') {
          // a prebuilt index (search/prebuilt.ts): its chunks, checked, with no validation and no analysis
          const { loadPrebuilt } = await import('../search/prebuilt.js');
          const loaded = await loadPrebuilt(raw, new URL(this.opts.url, globalThis.location?.href).href, (u) => this.http.getBytes(u), this.opts.departements);
          const d = (raw as { diagnostics?: Diagnostics }).diagnostics;
          if (d) this.collector.merge(d);
          this.reportIssues(0);
          return loaded;
        }
        const { indexDataset } = await loadPipeline();
        const { diagnostics, ...indexed } = indexDataset(raw);
        this.collector.merge(diagnostics);
        this.reportIssues(0);
        return indexed;
      })();
      // A failed load is retried by the next call (the retry button).
      this.loading.catch(() => (this.loading = null));
    }
    return withSignal(this.loading, signal);
  }

  /** The index of the query's scope: every service, or those of its départements. */
  private async index(signal: AbortSignal | undefined, query?: SearchQuery): Promise<ServiceIndex> {
    const d = await this.dataset(signal);
    return query?.departements?.length ? d.scoped(query.departements) : d.index;
  }

  async ready(opts?: { signal?: AbortSignal }): Promise<void> {
    await this.dataset(opts?.signal);
  }

  refresh(): void {
    this.cache.clear();
    if (this.opts.url) this.loading = null;
  }

  search(query: SearchQuery, opts?: CallOptions): Promise<SearchResult> {
    return this.run(opts, async (signal) => {
      const key = queryKey(query) + JSON.stringify(query.departements ? [...query.departements].sort() : null);
      const cached = this.cache.get(key);
      if (cached) return cached;
      const index = await this.index(signal, query);
      const { q, recognized } = await this.placeFromWords(query, signal);
      const { place, zone } = await this.places(q);
      throwIfAborted(signal);
      const result = index.search(q, place, { zone });
      if (recognized) result.recognizedPlace = recognized;
      if (this.cache.size > 100) this.cache.clear();
      if (!query.openAt) this.cache.set(key, result);
      return result;
    });
  }

  /**
   * « ehpad clamecy »: a commune named among the words, in the départements of the data (or of the search), becomes
   * the place when none is given (or is the one given), and leaves the words.
   */
  private async placeFromWords(query: SearchQuery, signal: AbortSignal): Promise<{ q: SearchQuery; recognized?: SearchResult['recognizedPlace'] }> {
    if (!query.text?.trim() || query.placeInText === false || query.near) return { q: query };
    const d = await this.dataset(signal);
    const scope = [...d.departements, ...(query.departements ?? []), ...(query.commune ? [departementOf(query.commune)] : [])];
    const index = await this.index(signal, query);
    const hit = placeInText(query.text, await communesOf(scope), { common: (w) => index.isCommonWord(w) });
    if (!hit) return { q: query };
    const code = hit.commune.parent ?? hit.commune.code;
    if (query.commune && query.commune !== code) return { q: query };
    return { q: { ...query, text: hit.rest || undefined, commune: code }, recognized: { code, name: hit.commune.name, words: hit.words } };
  }

  /** The commune searched from, and the one « Autour de moi » lies in (for the services' zones). */
  private async places(q: SearchQuery): Promise<{ place: ResolvedPlace | null; zone: ResolvedPlace | null }> {
    const place = q.commune ? ((await resolveCommune(q.commune)) ?? null) : null;
    if (q.commune && !place) throw new RelaisError('not-found', { message: `Commune inconnue (code INSEE « ${q.commune.slice(0, 10)} »).` });
    let zone: ResolvedPlace | null = null;
    if (q.near && !q.commune && !q.ignoreZones) {
      const c = await nearestCommuneTo(q.near.lat, q.near.lon);
      if (c) zone = { code: c.parent ?? c.code, lat: c.lat, lon: c.lon, departement: c.departement, epci: c.epci };
    }
    return { place, zone };
  }

  override points(query: SearchQuery, opts?: CallOptions): Promise<MapPoints> {
    return this.run(opts, async (signal) => {
      const index = await this.index(signal, query);
      const { place, zone } = await this.places(query);
      throwIfAborted(signal);
      return index.points(query, place, { zone });
    });
  }

  get(id: string, opts?: CallOptions): Promise<SearchItem> {
    return this.run(opts, async (signal) => {
      const item = (await this.index(signal)).get(id);
      if (!item) throw new RelaisError('not-found');
      return item;
    });
  }
}

/** The client of a source, running where it is created (the page or a worker). Its options were checked by createClient. */
export function createPageClient(options: StaticSourceOptions): RelaisClient {
  return new StaticClient(options);
}
