/**
 * HTTP for every remote source: ky with a timeout, retries with backoff on network errors,
 * 408/429/5xx only (honouring Retry-After), AbortSignal, JSON parsing with typed French errors,
 * and an in-memory cache with a time to live.
 */
import ky, { HTTPError, TimeoutError } from 'ky';
import { RelaisError, isAbortError } from '../errors.js';

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

interface CacheEntry {
  expires: number;
  value: unknown;
}

/** A small JSON-over-HTTP client. */
export class Http {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly inflight = new Map<string, Promise<unknown>>();
  constructor(private readonly opts: HttpOptions = {}) {}

  /** GETs JSON. Identical concurrent requests share one fetch; results are cached for `cacheTtlMs`. */
  async getJson(url: string, init: { signal?: AbortSignal; headers?: Record<string, string>; cache?: boolean } = {}): Promise<unknown> {
    const ttl = init.cache === false ? 0 : (this.opts.cacheTtlMs ?? 5 * 60_000);
    const now = Date.now();
    const hit = this.cache.get(url);
    if (ttl > 0 && hit && hit.expires > now) return hit.value;
    if (hit) this.cache.delete(url);
    // Share one network request between identical calls; each caller keeps its own abort.
    let p = this.inflight.get(url);
    if (!p) {
      p = this.fetchJson(url, init.headers).finally(() => this.inflight.delete(url));
      this.inflight.set(url, p);
      if (ttl > 0) p.then((value) => this.cache.set(url, { value, expires: Date.now() + ttl }), () => undefined);
    }
    return withSignal(p, init.signal);
  }

  /** Drops cached responses. */
  clearCache(): void {
    this.cache.clear();
  }

  private async fetchJson(url: string, headers?: Record<string, string>): Promise<unknown> {
    let res: Response;
    try {
      res = await ky.get(url, {
        timeout: this.opts.timeoutMs ?? 10_000,
        retry: {
          limit: this.opts.retries ?? 2,
          methods: ['get'],
          statusCodes: [408, 429, 500, 502, 503, 504],
          afterStatusCodes: [413, 429, 503],
          maxRetryAfter: 10_000,
          backoffLimit: 3_000,
        },
        headers: { Accept: 'application/json', ...this.opts.headers, ...headers },
        ...(this.opts.fetch ? { fetch: this.opts.fetch } : {}),
      });
    } catch (e) {
      throw toRelaisError(e);
    }
    let body: string;
    try {
      body = await res.text();
    } catch (e) {
      throw toRelaisError(e);
    }
    const type = res.headers.get('content-type') ?? '';
    if (type && !/json/i.test(type)) {
      throw new RelaisError('invalid-payload', { detail: `type de contenu « ${type.slice(0, 60)} » au lieu de JSON`, message: 'Le service de données a renvoyé autre chose que des données (JSON attendu).' });
    }
    try {
      return JSON.parse(body);
    } catch (e) {
      throw new RelaisError('invalid-payload', { detail: 'JSON illisible (réponse tronquée ou mal formée)', message: 'Les données reçues sont incomplètes ou illisibles. Réessayez dans un instant.', cause: e });
    }
  }
}

/** Maps ky, fetch and abort errors to RelaisError. */
export function toRelaisError(e: unknown): RelaisError {
  if (e instanceof RelaisError) return e;
  if (isAbortError(e)) return new RelaisError('aborted', { cause: e });
  if (e instanceof TimeoutError) return new RelaisError('timeout', { cause: e });
  if (e instanceof HTTPError) {
    const status = e.response.status;
    return new RelaisError(status === 404 ? 'not-found' : 'http', { status, detail: `HTTP ${status}`, cause: e });
  }
  return new RelaisError('network', { detail: e instanceof Error ? e.message : String(e), cause: e });
}

/** Races a promise against an AbortSignal, rejecting with RelaisError('aborted'). */
export function withSignal<T>(p: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(new RelaisError('aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new RelaisError('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** Joins a base URL and a path, keeping the base's own path. */
export function joinUrl(base: string, path: string): string {
  const b = base.endsWith('/') ? base : base + '/';
  return new URL(path.replace(/^\//, ''), new URL(b, globalThis.location?.href ?? 'http://localhost/')).href;
}

/** Appends parameters as repeated keys (`thematiques=a&thematiques=b`), skipping empty values. */
export function withParams(url: string, params: Record<string, string | number | boolean | readonly string[] | undefined | null>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const x of v) u.searchParams.append(k, String(x));
    else u.searchParams.set(k, String(v));
  }
  return u.href;
}
