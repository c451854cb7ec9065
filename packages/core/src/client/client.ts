/**
 * `createClient(options)`: one interface over three sources.
 *
 * - `static`: a JSON file (or an inline object) in the data·inclusion shape `{ structures, services }`,
 *   validated record by record and indexed in the browser (or in Node);
 * - `data-inclusion`: the national data·inclusion API v1 (`/api/v1/search/services`), directly with a
 *   token or, better on public pages, through a proxy of the département that adds it;
 * - `rest`: the Relais REST contract (packages/core/rest-openapi.json), for a département's own API.
 */
import { RelaisError, isAbortError, throwIfAborted } from '../errors.js';
import { resolveCommune } from '../geo/gazetteer.js';
import { DiagnosticsCollector } from '../model/diagnostics.js';
import type { Dataset, } from '../model/schema.js';
import type { Diagnostics, SearchItem } from '../model/types.js';
import type { ServiceIndex } from '../search/service-index.js';
import { emptyFacets, paging, queryKey, MAX_PAGE_SIZE, type MapPoints, type SearchQuery, type SearchResult } from '../search/query.js';
import { Http, joinUrl, withParams, withSignal, type HttpOptions } from './http.js';
import { isInFranceBounds } from '../geo/distance.js';
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

/** Options of the static source. */
export interface StaticSourceOptions extends HttpOptions {
  source: 'static';
  /** URL of a JSON file `{ structures, services }` (data·inclusion v1 shape). */
  url?: string;
  /** Or the dataset itself. */
  data?: Dataset;
}

/** Options of the data·inclusion source. */
export interface DataInclusionSourceOptions extends HttpOptions {
  source: 'data-inclusion';
  /** Base URL of the API or of a proxy in front of it (e.g. `https://api.data.inclusion.gouv.fr`); `/api/v1/…` is appended. */
  baseUrl: string;
  /** Bearer token. Prefer a proxy on public pages: a token in a page is readable by anyone. */
  token?: string;
  /** Restrict to some data·inclusion sources (`dora`, `soliguide`…). */
  sources?: readonly string[];
  /** Minimum quality score (0–1). */
  scoreQualiteMinimum?: number;
}

/** Options of the Relais REST source. */
export interface RestSourceOptions extends HttpOptions {
  source: 'rest';
  /** Base URL of the API implementing packages/core/rest-openapi.json. */
  baseUrl: string;
}

/** Options of `createClient`. */
export type ClientOptions = StaticSourceOptions | DataInclusionSourceOptions | RestSourceOptions;

/** Per-call options. */
export interface CallOptions {
  /** Aborts the call (rejects with a RelaisError of kind `aborted`). */
  signal?: AbortSignal;
  /**
   * A channel name: a newer call on the same channel aborts the older one still running,
   * so a widget never shows stale results. Each widget uses its own channel.
   */
  channel?: string;
}

/** The typed client shared by the widgets. */
export interface RelaisClient extends EventTarget {
  /** Which kind of source. */
  readonly source: ClientOptions['source'];
  /** Searches services. */
  search(query: SearchQuery, opts?: CallOptions): Promise<SearchResult>;
  /**
   * Every matching service as a light point for a map (the query's page, page size and bbox are ignored).
   * Remote sources read at most `maxPoints` (default 1 000) and say `truncated`.
   */
  points(query: SearchQuery, opts?: CallOptions & { maxPoints?: number }): Promise<MapPoints>;
  /** One service with its structure; rejects with kind `not-found` when unknown. */
  get(id: string, opts?: CallOptions): Promise<SearchItem>;
  /** Data-quality report: records read, kept, skipped, and the first issues in French. */
  readonly diagnostics: Diagnostics;
  /** Resolves when the source is ready (the static file loaded and indexed); rejects with its error. */
  ready(opts?: { signal?: AbortSignal }): Promise<void>;
  /** Forgets cached responses and, for a static URL, the loaded file (the next call reloads it). */
  refresh(): void;
}

/** Event fired by a client (`diagnostics`) when new data issues are found. */
export class DiagnosticsEvent extends Event {
  constructor(readonly diagnostics: Diagnostics) {
    super('diagnostics');
  }
}

abstract class BaseClient extends EventTarget implements RelaisClient {
  abstract readonly source: ClientOptions['source'];
  protected collector = new DiagnosticsCollector();
  private readonly channels = new Map<string, AbortController>();

  get diagnostics(): Diagnostics {
    return this.collector.report;
  }

  protected reportIssues(before: number): void {
    const r = this.collector.report;
    if (r.skipped + r.warnings > before) this.dispatchEvent(new DiagnosticsEvent(r));
  }

  /** Wraps a call with channel superseding and signal handling. */
  protected run<T>(opts: CallOptions | undefined, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const ctrl = new AbortController();
    const outer = opts?.signal;
    if (outer?.aborted) return Promise.reject(new RelaisError('aborted'));
    const onOuter = () => ctrl.abort();
    outer?.addEventListener('abort', onOuter, { once: true });
    if (opts?.channel) {
      this.channels.get(opts.channel)?.abort();
      this.channels.set(opts.channel, ctrl);
    }
    const p = withSignal(
      fn(ctrl.signal).catch((e: unknown) => {
        throw isAbortError(e) ? new RelaisError('aborted') : e;
      }),
      ctrl.signal,
    );
    return p.finally(() => {
      outer?.removeEventListener('abort', onOuter);
      if (opts?.channel && this.channels.get(opts.channel) === ctrl) this.channels.delete(opts.channel);
    });
  }

  abstract search(query: SearchQuery, opts?: CallOptions): Promise<SearchResult>;

  /** Remote sources: pages of results turned into points, up to `maxPoints`. */
  points(query: SearchQuery, opts?: CallOptions & { maxPoints?: number }): Promise<MapPoints> {
    const max = opts?.maxPoints ?? 1000;
    return this.run(opts, async (signal) => {
      const out: MapPoints = { points: [], total: 0, withoutPosition: 0, outsideFrance: 0 };
      for (let page = 1; out.points.length + out.withoutPosition + out.outsideFrance < max; page++) {
        const r = await this.search({ ...query, bbox: undefined, page, pageSize: MAX_PAGE_SIZE }, { signal });
        out.total = r.total;
        for (const { service: s, structure: st } of r.items) {
          const lat = s.latitude ?? st?.latitude;
          const lon = s.longitude ?? st?.longitude;
          if (lat == null || lon == null) out.withoutPosition++;
          else if (!isInFranceBounds(lat, lon)) out.outsideFrance++;
          else out.points.push({ id: s.id, lat, lon, kind: st?.typologie ?? null, name: s.nom });
        }
        if (page * MAX_PAGE_SIZE >= r.total || r.items.length === 0) break;
      }
      out.truncated = out.points.length + out.withoutPosition + out.outsideFrance < out.total;
      return out;
    });
  }

  abstract get(id: string, opts?: CallOptions): Promise<SearchItem>;
  abstract ready(opts?: { signal?: AbortSignal }): Promise<void>;
  abstract refresh(): void;
}

/** The static source: loads once, indexes, searches locally. */
class StaticClient extends BaseClient {
  readonly source = 'static' as const;
  private readonly http: Http;
  private loading: Promise<ServiceIndex> | null = null;
  private readonly cache = new Map<string, SearchResult>();

  constructor(private readonly opts: StaticSourceOptions) {
    super();
    if (!opts.url && !opts.data) throw new RelaisError('unsupported', { message: 'Source statique : indiquez une adresse de fichier (url) ou des données (data).' });
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

/** The data·inclusion API v1 source. */
class DataInclusionClient extends BaseClient {
  readonly source = 'data-inclusion' as const;
  private readonly http: Http;

  constructor(private readonly opts: DataInclusionSourceOptions) {
    super();
    if (!opts.baseUrl) throw new RelaisError('unsupported', { message: 'Source data·inclusion : indiquez l’adresse de l’API ou de votre relais (baseUrl).' });
    this.http = new Http({ ...opts, headers: { ...opts.headers, ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}) } });
  }

  async ready(): Promise<void> {}

  refresh(): void {
    this.http.clearCache();
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
class RestClient extends BaseClient {
  readonly source = 'rest' as const;
  private readonly http: Http;

  constructor(private readonly opts: RestSourceOptions) {
    super();
    if (!opts.baseUrl) throw new RelaisError('unsupported', { message: 'Source REST : indiquez l’adresse de l’API (baseUrl).' });
    this.http = new Http(opts);
  }

  async ready(): Promise<void> {}

  refresh(): void {
    this.http.clearCache();
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

/** Creates the typed client for a source. */
export function createClient(options: ClientOptions): RelaisClient {
  switch (options?.source) {
    case 'static':
      return new StaticClient(options);
    case 'data-inclusion':
      return new DataInclusionClient(options);
    case 'rest':
      return new RestClient(options);
    default:
      throw new RelaisError('unsupported', { message: `Source de données inconnue : « ${String((options as { source?: unknown })?.source).slice(0, 40)} » (static, data-inclusion ou rest).` });
  }
}
