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
import type { Diagnostics, SearchItem } from '../model/types.js';
import type { MapPoints, SearchQuery, SearchResult } from '../search/query.js';
import type { CallOptions, ClientOptions, RelaisClient, StaticSourceOptions, WorkerCall, WorkerCalls, WorkerReply, WorkerRequest } from './types.js';
import { BaseClient, DiagnosticsEvent, withSignal } from './base.js';
import type * as Sources from './sources.js';
import type * as RemoteSources from './remote-sources.js';

export type { StaticSourceOptions, DataInclusionSourceOptions, RestSourceOptions, ClientOptions, CallOptions, RelaisClient } from './types.js';

export { BaseClient, DiagnosticsEvent, withSignal } from './base.js';

/**
 * The worker's calls made on the page, when it cannot start or dies: on the page's client (`page()` loads it), with the
 * call's signal. `init` and `refresh` concern the worker alone: the page's client starts fresh.
 */
const ON_PAGE: { [M in WorkerCall]: (page: () => Promise<RelaisClient>, signal: AbortSignal | undefined, ...args: WorkerCalls[M]['args']) => Promise<WorkerCalls[M]['result']> } = {
  init: async () => undefined,
  refresh: async () => undefined,
  ready: async (page, signal) => (await page()).ready({ signal }),
  search: async (page, signal, query) => (await page()).search(query, { signal }),
  points: async (page, signal, query, o) => (await page()).points(query, { signal, ...o }),
  get: async (page, signal, id) => (await page()).get(id, { signal }),
};

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
  /** The calls sent to the worker and not answered yet, each with its way to run on the page instead. */
  private readonly waiting = new Map<number, { onPage: () => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
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
      const { url, headers, timeoutMs, retries, cacheTtlMs, departements } = this.opts as StaticSourceOptions & { url: string };
      void this.post(w, 'init', [{ source: 'static', url: new URL(url, globalThis.location?.href).href, headers, timeoutMs, retries, cacheTtlMs, departements }]).catch(() => undefined);
    } catch {
      this.toPage();
    }
    return this.worker;
  }

  private post<M extends WorkerCall>(w: Worker, method: M, args: WorkerCalls[M]['args']): Promise<WorkerCalls[M]['result']> {
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { onPage: () => this.onPage(method, args), resolve: resolve as (v: unknown) => void, reject });
      w.postMessage({ id, method, args } as WorkerRequest);
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
      w.onPage().then(w.resolve, w.reject);
    }
  }

  private onPage<M extends WorkerCall>(method: M, args: WorkerCalls[M]['args'], signal?: AbortSignal): Promise<WorkerCalls[M]['result']> {
    return ON_PAGE[method](() => this.pageClient(), signal, ...args);
  }

  private call<M extends WorkerCall>(method: M, args: WorkerCalls[M]['args'], signal?: AbortSignal): Promise<WorkerCalls[M]['result']> {
    const w = this.start();
    return w ? this.post(w, method, args) : this.onPage(method, args, signal);
  }

  ready(opts?: { signal?: AbortSignal }): Promise<void> {
    return withSignal(this.call('ready', [], opts?.signal), opts?.signal);
  }

  refresh(): void {
    // the next load reports its data issues afresh, as the page's client does
    this.report = null;
    if (this.worker) void this.post(this.worker, 'refresh', []).catch(() => undefined);
    this.page?.refresh();
  }

  search(query: SearchQuery, opts?: CallOptions): Promise<SearchResult> {
    return this.run(opts, (signal) => this.call('search', [query], signal));
  }

  override points(query: SearchQuery, opts?: CallOptions & { maxPoints?: number }): Promise<MapPoints> {
    return this.run(opts, (signal) => this.call('points', [query, { maxPoints: opts?.maxPoints }], signal));
  }

  get(id: string, opts?: CallOptions): Promise<SearchItem> {
    return this.run(opts, (signal) => this.call('get', [id], signal));
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
