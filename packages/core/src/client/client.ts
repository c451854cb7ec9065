/**
 * `createClient(options)`: one interface over three sources.
 *
 * - `static`: a JSON file (or an inline object) in the data·inclusion shape `{ structures, services }`,
 *   validated record by record and indexed in the browser (or in Node);
 * - `data-inclusion`: the national data·inclusion API v1 (`/api/v1/search/services`), directly with a
 *   token or, better on public pages, through a proxy of the département that adds it;
 * - `rest`: the Relais REST contract (packages/core/rest-openapi.json), for a département's own API.
 */
import { RelaisError } from '../errors.js';
import type { Dataset } from '../model/schema.js';
import type { Diagnostics, SearchItem } from '../model/types.js';
import type { MapPoints, SearchQuery, SearchResult } from '../search/query.js';
import type { HttpOptions } from './http.js';
import { BaseClient, DiagnosticsEvent, withSignal } from './base.js';
import type * as Sources from './sources.js';
import type * as RemoteSources from './remote-sources.js';

/** Options of the static source. */
export interface StaticSourceOptions extends HttpOptions {
  source: 'static';
  /** URL of a JSON file `{ structures, services }` (data·inclusion v1 shape). */
  url?: string;
  /** Or the dataset itself. */
  data?: Dataset;
  /**
   * Validate and index the file in a Web Worker, so that a large file never freezes the page (default: yes when the
   * browser can, the data comes from `url` and no custom `fetch` is given). When the worker cannot start (a CDN on
   * another origin, a CSP without `worker-src`), everything runs on the page, as with `false`.
   */
  worker?: boolean;
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
  /**
   * Services read at most per search when a filter runs on the pages read (typed words, structure kind, radius under
   * 50 km, map area, open now, départements, sort by name): default 2 000, in requests of 500. Beyond, the total is a
   * lower bound (`result.totalIsMinimum`, « Au moins N »).
   */
  scanLimit?: number;
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
  /** Where a static source is indexed and searched: in a Web Worker, or on the page (no worker here, or it could not start). */
  readonly indexedIn?: 'page' | 'worker';
  /** Resolves when the source is ready (the static file loaded and indexed); rejects with its error. */
  ready(opts?: { signal?: AbortSignal }): Promise<void>;
  /** Forgets cached responses and, for a static URL, the loaded file (the next call reloads it). */
  refresh(): void;
}

export { BaseClient, DiagnosticsEvent, withSignal } from './base.js';

type WorkerReply = { id: number; result?: unknown; error?: { kind: RelaisError['kind']; status?: number; detail?: string; message: string }; diagnostics?: Diagnostics };

/**
 * The client createClient returns. Its source's implementation (sources.ts) loads on first use, on the page — or,
 * for a static file, in a Web Worker (static-worker.ts) to which each call is forwarded and which answers with plain
 * data. When the worker cannot start, everything moves to the page, the waiting calls included.
 */
class SourceClient extends BaseClient {
  readonly source: ClientOptions['source'];
  private useWorker: boolean;
  private worker: Worker | null = null;
  private page: RelaisClient | null = null;
  private pageLoading: Promise<RelaisClient> | null = null;
  private seq = 0;
  private readonly waiting = new Map<number, { method: string; args: unknown[]; resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  private report: Diagnostics | null = null;

  constructor(private readonly opts: ClientOptions) {
    super();
    this.source = opts.source;
    this.useWorker = opts.source === 'static' && workerFits(opts);
  }

  /** Where a static source is indexed and searched: `worker`, or `page` (no worker here, or it could not start). */
  get indexedIn(): 'page' | 'worker' {
    return this.useWorker ? 'worker' : 'page';
  }

  /** The implementation on the page, loaded once. */
  private pageClient(): Promise<RelaisClient> {
    const o = this.opts;
    // the remote sources' chunk (with ky) is downloaded only when one is used
    this.pageLoading ??= (o.source === 'static' ? import('./sources.js').then((m: typeof Sources) => m.createPageClient(o)) : import('./remote-sources.js').then((m: typeof RemoteSources) => m.createRemoteClient(o))).then((c) => {
      c.addEventListener('diagnostics', (e) => this.dispatchEvent(new DiagnosticsEvent((e as DiagnosticsEvent).diagnostics)));
      this.page = c;
      return c;
    });
    this.pageLoading.catch(() => (this.pageLoading = null));
    return this.pageLoading;
  }

  override get diagnostics(): Diagnostics {
    return this.page?.diagnostics ?? this.report ?? this.collector.report;
  }

  private start(): Worker | null {
    if (!this.useWorker || this.worker) return this.worker;
    try {
      const w = new Worker(new URL('./static-worker.js', import.meta.url), { type: 'module', name: 'relais-index' });
      w.onmessage = (e: MessageEvent<WorkerReply>) => this.receive(e.data);
      w.onerror = (e) => {
        e.preventDefault();
        this.toPage();
      };
      this.worker = w;
      const { url, headers, timeoutMs, retries, cacheTtlMs } = this.opts as StaticSourceOptions & { url: string };
      void this.post(w, 'init', [{ source: 'static', url: new URL(url, globalThis.location?.href).href, headers, timeoutMs, retries, cacheTtlMs }]).catch(() => undefined);
    } catch {
      this.toPage();
    }
    return this.worker;
  }

  private post(w: Worker, method: string, args: unknown[]): Promise<unknown> {
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { method, args, resolve, reject });
      w.postMessage({ id, method, args });
    });
  }

  private receive(m: WorkerReply): void {
    if (m.diagnostics) {
      const before = this.report ? this.report.skipped + this.report.warnings : 0;
      this.report = m.diagnostics;
      if (m.diagnostics.skipped + m.diagnostics.warnings > before) this.dispatchEvent(new DiagnosticsEvent(m.diagnostics));
    }
    const w = this.waiting.get(m.id);
    if (!w) return;
    this.waiting.delete(m.id);
    if (m.error) w.reject(new RelaisError(m.error.kind, { status: m.error.status, detail: m.error.detail, message: m.error.message }));
    else w.resolve(m.result);
  }

  /** The worker could not start (or died): everything on the page from now on, the waiting calls included. */
  private toPage(): void {
    this.useWorker = false;
    this.worker?.terminate();
    this.worker = null;
    for (const [id, w] of this.waiting) {
      this.waiting.delete(id);
      // init and refresh concern the worker alone: the page's client starts fresh
      if (w.method === 'init' || w.method === 'refresh') w.resolve(undefined);
      else this.onPage(w.method, w.args).then(w.resolve, w.reject);
    }
  }

  private async onPage(method: string, args: unknown[], signal?: AbortSignal): Promise<unknown> {
    const p = await this.pageClient();
    if (method === 'ready') return p.ready({ signal });
    if (method === 'search') return p.search(args[0] as SearchQuery, { signal });
    if (method === 'points') return p.points(args[0] as SearchQuery, { signal, ...(args[1] as object) });
    return p.get(args[0] as string, { signal });
  }

  private call<T>(method: string, args: unknown[], signal?: AbortSignal): Promise<T> {
    const w = this.start();
    return (w ? this.post(w, method, args) : this.onPage(method, args, signal)) as Promise<T>;
  }

  ready(opts?: { signal?: AbortSignal }): Promise<void> {
    return withSignal(this.call<void>('ready', [], opts?.signal), opts?.signal);
  }

  refresh(): void {
    // the next load reports its data issues afresh, as the page's client does
    this.report = null;
    if (this.worker) void this.post(this.worker, 'refresh', []).catch(() => undefined);
    this.page?.refresh();
  }

  search(query: SearchQuery, opts?: CallOptions): Promise<SearchResult> {
    return this.run(opts, (signal) => this.call<SearchResult>('search', [query], signal));
  }

  override points(query: SearchQuery, opts?: CallOptions & { maxPoints?: number }): Promise<MapPoints> {
    return this.run(opts, (signal) => this.call<MapPoints>('points', [query, { maxPoints: opts?.maxPoints }], signal));
  }

  get(id: string, opts?: CallOptions): Promise<SearchItem> {
    return this.run(opts, (signal) => this.call<SearchItem>('get', [id], signal));
  }
}

/** A worker can index a static file here: a browser page (not a worker itself), a URL, no custom fetch. */
const workerFits = (o: StaticSourceOptions): o is StaticSourceOptions & { url: string } =>
  o.worker !== false && !!o.url && !o.data && !o.fetch && typeof Worker !== 'undefined' && typeof document !== 'undefined';

/** Creates the typed client for a source. */
export function createClient(options: ClientOptions): RelaisClient {
  switch (options?.source) {
    case 'static':
      if (!options.url && !options.data) throw new RelaisError('unsupported', { message: 'Source statique : indiquez une adresse de fichier (url) ou des données (data).' });
      return new SourceClient(options);
    case 'data-inclusion':
      if (!options.baseUrl) throw new RelaisError('unsupported', { message: 'Source data·inclusion : indiquez l’adresse de l’API ou de votre relais (baseUrl).' });
      return new SourceClient(options);
    case 'rest':
      if (!options.baseUrl) throw new RelaisError('unsupported', { message: 'Source REST : indiquez l’adresse de l’API (baseUrl).' });
      return new SourceClient(options);
    default:
      throw new RelaisError('unsupported', { message: `Source de données inconnue : « ${String((options as { source?: unknown })?.source).slice(0, 40)} » (static, data-inclusion ou rest).` });
  }
}
