/**
 * The client's types, apart from its code: the options of `createClient` (and their `HttpOptions`), the per-call options, the `RelaisClient`
 * interface, and the table of the calls the page's client forwards to the static source's Web Worker. client.ts,
 * base.ts, sources.ts, remote-sources.ts and static-worker.ts import them from here, so that none imports another
 * back (tests/node/import-cycles.test.mjs).
 */
import type { Dataset } from '../model/schema.js';
import type { Diagnostics, SearchItem } from '../model/types.js';
import type { MapPoints, SearchQuery, SearchResult } from '../search/query.js';
import type { RelaisError } from '../errors.js';

/** Network settings shared by the remote sources. */
export interface HttpOptions {
  /** Time allowed for one attempt, in ms (default 10 000). */
  timeoutMs?: number;
  /** Retries after the first attempt, for network errors, 408, 429 and 5xx only (default 2). */
  retries?: number;
  /** How long a successful GET is reused, in ms (default 5 minutes; 0 disables the cache). */
  cacheTtlMs?: number;
  /** Extra request headers (e.g. an API key for a proxy). Never put personal data here. */
  headers?: Record<string, string>;
  /** A fetch implementation (tests, Node without global fetch, a proxying fetch). */
  fetch?: typeof fetch;
}

/** Options of the static source. */
export interface StaticSourceOptions extends HttpOptions {
  source: 'static';
  /**
   * URL of a JSON file `{ structures, services }` (data·inclusion v1 shape), or of the `manifest.json` of a prebuilt
   * index written by `relais-index` (or `relais-server export-index`): then no validation and no analysis run in the
   * browser, and only the chunks of `departements` are downloaded.
   */
  url?: string;
  /**
   * With a prebuilt index: the départements the page serves (`['58', '89']`). Only their chunks and the national one
   * (services placed in no département or open only at a distance) are downloaded; searches then cover those
   * services alone. Without it, the file of every service is loaded. Ignored for a JSON file.
   */
  departements?: readonly string[];
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

/**
 * The calls of the page's client (client.ts) to the static source's Web Worker (static-worker.ts): name → arguments
 * and result. One table for both sides: the worker's handlers and the page's fallback (when no worker can start) are
 * typed `{ [M in WorkerCall]: … }`, so that a call added here and not handled on either side is a type error; and every
 * method of `RelaisClient` must be a call here (`EveryClientMethodIsAWorkerCall`).
 */
export interface WorkerCalls {
  /** Creates the worker's client (a static source, its URL made absolute). */
  init: { args: [options: StaticSourceOptions]; result: void };
  ready: { args: []; result: void };
  search: { args: [query: SearchQuery]; result: SearchResult };
  points: { args: [query: SearchQuery, opts: { maxPoints?: number }]; result: MapPoints };
  get: { args: [id: string]; result: SearchItem };
  refresh: { args: []; result: void };
}

/** The name of a worker call. */
export type WorkerCall = keyof WorkerCalls;

/** A message to the worker. */
export type WorkerRequest = { [M in WorkerCall]: { id: number; method: M; args: WorkerCalls[M]['args'] } }[WorkerCall];

/** A message from the worker: the result or the error of call `id`, and the data report so far. */
export interface WorkerReply {
  id: number;
  result?: unknown;
  error?: { kind: RelaisError['kind']; status?: number; detail?: string; message: string };
  diagnostics?: Diagnostics;
}

/** The methods of RelaisClient (not those of EventTarget). */
type ClientMethod = Exclude<{ [K in keyof RelaisClient]-?: RelaisClient[K] extends (...args: never[]) => unknown ? K : never }[keyof RelaisClient], keyof EventTarget>;
type IsNever<T> = [T] extends [never] ? true : false;
/** `true`, or a type error: a method of RelaisClient that the worker does not answer. */
export type EveryClientMethodIsAWorkerCall<T extends true = IsNever<Exclude<ClientMethod, WorkerCall>>> = T;
