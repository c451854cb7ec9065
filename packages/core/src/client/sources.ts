/**
 * The static source, loaded on first use by the client (client.ts) — on the page, or in its Web Worker
 * (static-worker.ts): fetching, validation and the in-browser index are not downloaded before a widget can render.
 * The remote sources are in remote-sources.ts, a chunk of their own (with ky).
 */
import { RelaisError, throwIfAborted } from '../errors.js';
import { resolveCommune } from '../geo/gazetteer.js';
import { DiagnosticsCollector } from '../model/diagnostics.js';
import type { SearchItem } from '../model/types.js';
import type { ServiceIndex } from '../search/service-index.js';
import { queryKey, type MapPoints, type SearchQuery, type SearchResult } from '../search/query.js';
import { Http, withSignal } from './http.js';
import { BaseClient } from './base.js';
import type { CallOptions, RelaisClient, StaticSourceOptions } from './client.js';
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
        const [raw, { indexDataset }] = await Promise.all([this.opts.data ?? this.http.getJson(this.opts.url!), loadPipeline()]);
        this.collector = new DiagnosticsCollector();
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
      const index = await this.index(signal, query);
      const place = query.commune ? await resolveCommune(query.commune) : null;
      throwIfAborted(signal);
      if (query.commune && !place) throw new RelaisError('not-found', { message: `Commune inconnue (code INSEE « ${query.commune.slice(0, 10)} »).` });
      const key = queryKey(query) + JSON.stringify(query.departements ? [...query.departements].sort() : null);
      const cached = this.cache.get(key);
      if (cached) return cached;
      const result = index.search(query, place);
      if (this.cache.size > 100) this.cache.clear();
      if (!query.openAt) this.cache.set(key, result);
      return result;
    });
  }

  override points(query: SearchQuery, opts?: CallOptions): Promise<MapPoints> {
    return this.run(opts, async (signal) => {
      const index = await this.index(signal, query);
      const place = query.commune ? await resolveCommune(query.commune) : null;
      throwIfAborted(signal);
      return index.points(query, place);
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
