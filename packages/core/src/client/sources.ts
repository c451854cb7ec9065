/**
 * The implementations of the three sources, loaded on first use by the client (client.ts) — on the page, or in the
 * static source's Web Worker (static-worker.ts): fetching, validation, the in-browser index and the reading of remote
 * pages are not downloaded before a widget can render.
 */
import { RelaisError, throwIfAborted } from '../errors.js';
import { resolveCommune } from '../geo/gazetteer.js';
import { DiagnosticsCollector } from '../model/diagnostics.js';
import type { SearchItem } from '../model/types.js';
import type { ServiceIndex } from '../search/service-index.js';
import { emptyFacets, paging, queryKey, type MapPoints, type SearchQuery, type SearchResult } from '../search/query.js';
import { Http, joinUrl, withParams, withSignal } from './http.js';
import { BaseClient, type CallOptions, type ClientOptions, type DataInclusionSourceOptions, type RelaisClient, type RestSourceOptions, type StaticSourceOptions } from './client.js';
import type * as Pipeline from './pipeline.js';

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
  private loading: Promise<ServiceIndex> | null = null;
  private readonly cache = new Map<string, SearchResult>();

  constructor(private readonly opts: StaticSourceOptions) {
    super();
    this.http = new Http({ ...opts, cacheTtlMs: 0 });
  }

  private index(signal?: AbortSignal): Promise<ServiceIndex> {
    if (!this.loading) {
      this.loading = (async () => {
        const [raw, { indexDataset }] = await Promise.all([this.opts.data ?? this.http.getJson(this.opts.url!), loadPipeline()]);
        this.collector = new DiagnosticsCollector();
        const { index, diagnostics } = indexDataset(raw);
        this.collector.merge(diagnostics);
        this.reportIssues(0);
        return index;
      })();
      // A failed load is retried by the next call (the retry button).
      this.loading.catch(() => (this.loading = null));
    }
    return withSignal(this.loading, signal);
  }

  async ready(opts?: { signal?: AbortSignal }): Promise<void> {
    await this.index(opts?.signal);
  }

  refresh(): void {
    this.cache.clear();
    if (this.opts.url) this.loading = null;
  }

  search(query: SearchQuery, opts?: CallOptions): Promise<SearchResult> {
    return this.run(opts, async (signal) => {
      const index = await this.index(signal);
      const place = query.commune ? await resolveCommune(query.commune) : null;
      throwIfAborted(signal);
      if (query.commune && !place) throw new RelaisError('not-found', { message: `Commune inconnue (code INSEE « ${query.commune.slice(0, 10)} »).` });
      const key = queryKey(query);
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
      const index = await this.index(signal);
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

/** A source behind an HTTP API: nothing to load first; refreshing forgets the cached answers. */
abstract class RemoteClient extends BaseClient {
  constructor(protected readonly http: Http) {
    super();
  }

  async ready(): Promise<void> {}

  refresh(): void {
    this.http.clearCache();
  }
}

/** The data·inclusion API v1 source. */
class DataInclusionClient extends RemoteClient {
  readonly source = 'data-inclusion' as const;

  constructor(private readonly opts: DataInclusionSourceOptions) {
    super(new Http({ ...opts, headers: { ...opts.headers, ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}) } }));
  }

  search(query: SearchQuery, opts?: CallOptions): Promise<SearchResult> {
    return this.run(opts, async (signal) => {
      const { page, pageSize } = paging(query);
      const unsupported: string[] = ['facets'];
      if (query.bbox) unsupported.push('bbox');
      if (query.typologies?.length) unsupported.push('typologies');
      if (query.near?.radiusKm !== undefined && query.near.radiusKm > 50) unsupported.push('radiusKm');
      const modes = query.modesAccueil?.filter((m) => m !== 'a-domicile');
      if (modes && modes.length !== query.modesAccueil?.length) unsupported.push('modesAccueil');
      const url = withParams(joinUrl(this.opts.baseUrl, 'api/v1/search/services'), {
        q: query.text?.trim(),
        code_commune: query.commune,
        lat: query.near && !query.commune ? query.near.lat : undefined,
        lon: query.near && !query.commune ? query.near.lon : undefined,
        thematiques: query.thematiques,
        publics: query.publics,
        types: query.types,
        frais: query.frais,
        modes_accueil: modes,
        sources: this.opts.sources,
        score_qualite_minimum: this.opts.scoreQualiteMinimum,
        page,
        size: pageSize,
      });
      const [body, { readHit, refinePage }] = await Promise.all([this.http.getJson(url, { signal }), loadPipeline()]);
      if (!body || typeof body !== 'object' || !Array.isArray((body as { items?: unknown }).items)) {
        throw new RelaisError('invalid-payload', { message: 'La réponse de data·inclusion n’a pas la forme attendue (liste « items »).' });
      }
      const page_ = body as { items: Array<{ service?: unknown; distance?: unknown }>; total?: unknown };
      const before = this.collector.report.skipped + this.collector.report.warnings;
      const items = page_.items.map((h) => readHit(h?.service, this.collector, h?.distance)).filter((x): x is SearchItem => !!x);
      this.reportIssues(before);
      const refined = refinePage(items, query);
      const total = typeof page_.total === 'number' ? page_.total - (items.length - refined.length) : refined.length;
      return { items: refined, total, facets: emptyFacets(), page, pageSize, relaxed: false, unsupported };
    });
  }

  get(id: string, opts?: CallOptions): Promise<SearchItem> {
    return this.run(opts, async (signal) => {
      const [body, { readHit }] = await Promise.all([this.http.getJson(joinUrl(this.opts.baseUrl, `api/v1/services/${encodeURIComponent(id)}`), { signal }), loadPipeline()]);
      const item = readHit(body, this.collector, null);
      if (!item) throw new RelaisError('invalid-payload', { message: 'La fiche reçue est invalide.' });
      return item;
    });
  }
}

/** The Relais REST contract source (rest-openapi.json). */
class RestClient extends RemoteClient {
  readonly source = 'rest' as const;

  constructor(private readonly opts: RestSourceOptions) {
    super(new Http(opts));
  }

  search(query: SearchQuery, opts?: CallOptions): Promise<SearchResult> {
    return this.run(opts, async (signal) => {
      const { page, pageSize } = paging(query);
      const url = withParams(joinUrl(this.opts.baseUrl, 'services'), {
        q: query.text?.trim(),
        thematiques: query.thematiques,
        publics: query.publics,
        types: query.types,
        typologies: query.typologies,
        code_commune: query.commune,
        lat: query.near?.lat,
        lon: query.near?.lon,
        rayon_km: query.near?.radiusKm,
        bbox: query.bbox?.join(','),
        modes_accueil: query.modesAccueil,
        frais: query.frais,
        ouvert_a: query.openAt ? new Date(query.openAt).toISOString() : undefined,
        tri: query.sort,
        page,
        size: pageSize,
      });
      const [raw, { readHit }] = await Promise.all([this.http.getJson(url, { signal }), loadPipeline()]);
      const body = raw as Record<string, unknown> | null;
      if (!body || typeof body !== 'object' || !Array.isArray(body.items)) {
        throw new RelaisError('invalid-payload', { message: 'La réponse de l’API n’a pas la forme attendue (liste « items »).' });
      }
      const before = this.collector.report.skipped + this.collector.report.warnings;
      const items = (body.items as Array<{ service?: unknown; structure?: unknown; distance_km?: unknown }>)
        .map((h) => readHit(h && typeof h === 'object' ? { ...(h.service as object), structure: h.structure } : null, this.collector, h?.distance_km))
        .filter((x): x is SearchItem => !!x);
      this.reportIssues(before);
      const facets = body.facets && typeof body.facets === 'object' ? { ...emptyFacets(), ...(body.facets as object) } : emptyFacets();
      return {
        items,
        total: typeof body.total === 'number' ? body.total : items.length,
        facets,
        page,
        pageSize,
        relaxed: body.relaxed === true,
        unsupported: Array.isArray(body.unsupported) ? body.unsupported.map(String) : [],
      };
    });
  }

  get(id: string, opts?: CallOptions): Promise<SearchItem> {
    return this.run(opts, async (signal) => {
      const [raw, { readHit }] = await Promise.all([this.http.getJson(joinUrl(this.opts.baseUrl, `services/${encodeURIComponent(id)}`), { signal }), loadPipeline()]);
      const body = raw as { service?: unknown; structure?: unknown } | null;
      const item = body && typeof body === 'object' ? readHit({ ...(body.service as object), structure: body.structure }, this.collector, null) : null;
      if (!item) throw new RelaisError('invalid-payload', { message: 'La fiche reçue est invalide.' });
      return item;
    });
  }
}

/** The client of a source, running where it is created (the page or a worker). Its options were checked by createClient. */
export function createPageClient(options: ClientOptions): RelaisClient {
  if (options.source === 'static') return new StaticClient(options);
  if (options.source === 'data-inclusion') return new DataInclusionClient(options);
  return new RestClient(options);
}
