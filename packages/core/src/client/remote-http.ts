/**
 * HTTP of the remote sources (data·inclusion, REST) and of the liaison outbox, on ky: its retry (408, 429, 5xx and
 * network errors, honouring Retry-After), its timeout per attempt and its hooks. Loaded only with a remote source
 * (remote-sources.ts) or by the liaison outbox (`import { relaisHttp } from "@relais/core/http"`): a page with a static file never downloads it.
 *
 * What ky does not do, done here:
 * - the timeout also covers the body: a response whose body stalls fails with `timeout` (ky times out the headers);
 * - each call has its own request, aborted with its caller: a stuck request is never shared with later calls;
 * - `refresh()` drops the cache and the requests in flight: their answers still reach their callers (another widget may
 *   be waiting for one) but are not cached, and no later call waits for them.
 */
import type * as KyModule from 'ky';
import type { KyInstance, Options } from 'ky';
import { RelaisError, isAbortError } from '../errors.js';
import type { HttpOptions } from './http.js';

/** ky itself, a file of its own loaded with the first request (the classic-script build loads it next to itself). */
type Ky = typeof KyModule;
let kyModule: Promise<Ky> | null = null;
const loadKy = (): Promise<Ky> => {
  kyModule ??= import('ky');
  kyModule.catch(() => (kyModule = null));
  return kyModule;
};

/** Statuses worth another attempt (the request may succeed later). */
const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];
/** The longest Retry-After honoured; a server asking for more gets no retry. */
const MAX_RETRY_AFTER_MS = 10_000;

/** The body of a response did not arrive in time. */
class BodyTimeoutError extends Error {
  constructor() {
    super('body timeout');
  }
}

/** An error answer, with the body the server gave (data·inclusion explains its 422 in `detail`). */
export class HttpAnswerError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

/** Reads a body as text within `ms`, cancelling it when it stalls. */
async function readWithin(res: Response, ms: number, signal?: AbortSignal): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return res.text();
  const decoder = new TextDecoder();
  let text = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BodyTimeoutError()), ms);
  });
  const aborted = new Promise<never>((_, reject) => {
    if (signal?.aborted) reject(new RelaisError('aborted'));
    signal?.addEventListener('abort', () => reject(new RelaisError('aborted')), { once: true });
  });
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), stalled, aborted]);
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    return text + decoder.decode();
  } catch (e) {
    void reader.cancel().catch(() => undefined);
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** Options of one request of {@link relaisHttp}. */
export interface RelaisRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** A JSON body (sent as `application/json`). */
  json?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Time allowed for each attempt, headers and body, in ms (default 10 000). */
  timeoutMs?: number;
  /** Retries after the first attempt, for network errors, 408, 429 and 5xx (default 2; 0 for a POST unless asked). */
  retries?: number;
  /** Called before each retry (e.g. to count attempts or log). */
  onRetry?: (attempt: number, error: unknown) => void;
  /** Error statuses answered rather than thrown (e.g. the outbox reads 409 and 422): `(status) => status === 409`. */
  answerStatus?: (status: number) => boolean;
  /** A fetch implementation (tests, a proxying fetch). */
  fetch?: typeof fetch;
  /** Whether a network error (no answer at all) is retried (default true). The outbox says no: offline, it queues at once. */
  retryNetworkErrors?: boolean;
  /** Redirects: `follow` (default) or `error` (the liaison outbox never follows one: the sheet goes where it was told). */
  redirect?: 'follow' | 'error';
}

/** The answer of {@link relaisHttp}: status, headers and the body read in full (text). */
export interface RelaisAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** True when an error status asks (Retry-After) for a longer pause than the SDK waits. */
function waitsTooLong({ HTTPError }: Ky, error: unknown): boolean {
  if (!(error instanceof HTTPError)) return false;
  const value = error.response.headers.get('retry-after');
  if (!value) return false;
  const s = Number(value);
  const ms = Number.isFinite(s) ? s * 1000 : Date.parse(value) - Date.now();
  return ms > MAX_RETRY_AFTER_MS;
}

async function client(opts: HttpOptions, retries: number, methods: Array<'get' | 'post' | 'put' | 'delete'>, onRetry?: RelaisRequest['onRetry'], retryNetworkErrors = true): Promise<KyInstance> {
  const k = await loadKy();
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const options: Options = {
    timeout: timeoutMs,
    throwHttpErrors: true,
    retry: {
      limit: retries,
      methods,
      statusCodes: RETRY_STATUSES,
      afterStatusCodes: [429, 503],
      maxRetryAfter: MAX_RETRY_AFTER_MS,
      backoffLimit: 3_000,
      // a server asking to wait longer than MAX_RETRY_AFTER_MS is not retried; an abort ends the retries; a network
      // error is retried unless the caller says otherwise
      shouldRetry: ({ error }) => (isAbortError(error) || waitsTooLong(k, error) || (!retryNetworkErrors && !(error instanceof k.HTTPError)) ? false : undefined),
    },
    hooks: {
      beforeRetry: [
        ({ error, retryCount }) => {
          onRetry?.(retryCount, error);
        },
      ],
    },
  };
  if (opts.fetch) options.fetch = opts.fetch;
  return k.default.create(options);
}

/**
 * One HTTP request with the SDK's network rules (ky: retry with Retry-After, timeout per attempt covering the body,
 * abort), answering the status and the whole body, or rejecting with a French {@link RelaisError}; an error status
 * rejects with kind `http` (status, and the body in `detail` when it is short).
 */
export async function relaisHttp(url: string, req: RelaisRequest = {}): Promise<RelaisAnswer> {
  const method = req.method ?? 'GET';
  const retries = req.retries ?? (method === 'GET' ? 2 : 0);
  const timeoutMs = req.timeoutMs ?? 10_000;
  try {
    const k = await client({ timeoutMs, fetch: req.fetch }, retries, [method.toLowerCase() as 'get'], req.onRetry, req.retryNetworkErrors);
    const answer = req.answerStatus;
    const res = await k(url, { method, headers: req.headers, json: req.json, signal: req.signal, redirect: req.redirect, throwHttpErrors: answer ? (status) => !answer(status) : true });
    return { status: res.status, headers: res.headers, text: await readWithin(res, timeoutMs, req.signal) };
  } catch (e) {
    throw await toRelaisError(e, timeoutMs);
  }
}

interface CacheEntry {
  expires: number;
  value: unknown;
}

/** JSON over HTTP for the remote sources: one request per call, a cache with a time to live. */
export class RemoteHttp {
  private readonly cache = new Map<string, CacheEntry>();
  private kyInstance: Promise<KyInstance> | null = null;
  private generation = 0;

  constructor(private readonly opts: HttpOptions = {}) {
  }

  /** ky with these options, created on the first request (again after a failed load). */
  private ky(): Promise<KyInstance> {
    if (!this.kyInstance) {
      this.kyInstance = client(this.opts, this.opts.retries ?? 2, ['get']);
      this.kyInstance.catch(() => (this.kyInstance = null));
    }
    return this.kyInstance;
  }

  /** GETs JSON; a successful answer is cached for `cacheTtlMs`. Aborting `signal` aborts the request and its retries. */
  async getJson(url: string, init: { signal?: AbortSignal } = {}): Promise<unknown> {
    const ttl = this.opts.cacheTtlMs ?? 5 * 60_000;
    const hit = this.cache.get(url);
    if (ttl > 0 && hit && hit.expires > Date.now()) return hit.value;
    if (hit) this.cache.delete(url);
    if (init.signal?.aborted) throw new RelaisError('aborted');
    const ctrl = new AbortController();
    const onAbort = () => ctrl.abort(new RelaisError('aborted'));
    init.signal?.addEventListener('abort', onAbort, { once: true });
    const generation = this.generation;
    const timeoutMs = this.opts.timeoutMs ?? 10_000;
    try {
      let text: string;
      let type: string;
      try {
        const res = await (await this.ky()).get(url, { headers: { Accept: 'application/json', ...this.opts.headers }, signal: ctrl.signal });
        type = res.headers.get('content-type') ?? '';
        text = await readWithin(res, timeoutMs, ctrl.signal);
      } catch (e) {
        throw await toRelaisError(ctrl.signal.aborted ? new RelaisError('aborted') : e, timeoutMs);
      }
      const value = parseJson(text, type);
      if (ttl > 0 && generation === this.generation) this.cache.set(url, { value, expires: Date.now() + ttl });
      return value;
    } finally {
      init.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Forgets the cache and the requests in flight: their answers go to their callers only, never into the cache. */
  clearCache(): void {
    this.cache.clear();
    this.generation++;
  }
}

function parseJson(text: string, type: string): unknown {
  if (type && !/json/i.test(type)) {
    throw new RelaisError('invalid-payload', { detail: `type de contenu « ${type.slice(0, 60)} » au lieu de JSON`, message: 'Le service de données a renvoyé autre chose que des données (JSON attendu).' });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new RelaisError('invalid-payload', { detail: 'JSON illisible (réponse tronquée ou mal formée)', message: 'Les données reçues sont incomplètes ou illisibles. Réessayez dans un instant.', cause: e });
  }
}

/** Maps ky's errors (status, timeout, abort, network) to RelaisError; an error status keeps its JSON body. */
async function toRelaisError(e: unknown, timeoutMs: number): Promise<RelaisError> {
  if (e instanceof RelaisError) return e;
  const { HTTPError, TimeoutError } = await loadKy().catch(() => ({ HTTPError: null, TimeoutError: null }));
  if (!HTTPError || !TimeoutError) return new RelaisError('network', { detail: e instanceof Error ? e.message : String(e), cause: e });
  if (e instanceof TimeoutError || e instanceof BodyTimeoutError) return new RelaisError('timeout', { detail: `plus de ${timeoutMs} ms`, cause: e });
  if (isAbortError(e)) return new RelaisError('aborted', { cause: e });
  if (e instanceof HTTPError) {
    const status = e.response.status;
    let body: unknown = null;
    try {
      const text = await readWithin(e.response, 2_000);
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    const cause = new HttpAnswerError(status, body);
    if (status === 404) return new RelaisError('not-found', { status, detail: 'HTTP 404', message: 'Le fichier ou le service demandé est introuvable à cette adresse (erreur 404).', cause });
    return new RelaisError('http', { status, detail: `HTTP ${status}`, cause });
  }
  return new RelaisError('network', { detail: e instanceof Error ? e.message : String(e), cause: e });
}
