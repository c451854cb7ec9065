/**
 * HTTP for the files the widgets load (the static source's JSON file, eligibility catalogues, pathways): fetch with a
 * timeout per attempt, retries with exponential backoff on network errors, 408/429/5xx only (honouring Retry-After),
 * AbortSignal, JSON parsing with typed French errors, and an in-memory cache with a time to live.
 *
 * Written on fetch rather than ky, to keep the directory page with a static file within its budget; the remote
 * sources (data·inclusion, REST) run on ky, in their own chunk (remote-http.ts).
 */
import { RelaisError, isAbortError } from '../errors.js';
import { withSignal } from './base.js';
import type { HttpOptions } from './types.js';

export type { HttpOptions };

/** Statuses worth another attempt (the request may succeed later). */
const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
/** The longest Retry-After honoured; a server asking for more is not retried. */
const MAX_RETRY_AFTER_MS = 10_000;
/** The longest pause between two attempts without Retry-After. */
const BACKOFF_LIMIT_MS = 3_000;

class HttpStatusError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}
class AttemptTimeoutError extends Error {}

/** The pause a Retry-After header asks for, in ms (seconds or an HTTP date), or null. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const s = Number(value);
  if (Number.isFinite(s)) return Math.max(0, s * 1000);
  const d = Date.parse(value);
  return Number.isNaN(d) ? null : Math.max(0, d - now);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

  /** GETs a binary file (not cached), with the same retries. */
  async getBytes(url: string): Promise<ArrayBuffer> {
    try {
      return await (await this.get(url, { Accept: 'application/octet-stream' })).arrayBuffer();
    } catch (e) {
      throw toRelaisError(e);
    }
  }

  /** Drops cached responses. */
  clearCache(): void {
    this.cache.clear();
  }

  /** One GET with its retries; resolves with an OK response, or rejects as the last attempt did. */
  private async get(url: string, headers?: Record<string, string>): Promise<Response> {
    const doFetch = this.opts.fetch ?? globalThis.fetch.bind(globalThis);
    const retries = this.opts.retries ?? 2;
    const timeoutMs = this.opts.timeoutMs ?? 10_000;
    for (let attempt = 0; ; attempt++) {
      const ctrl = new AbortController();
      const timer = setTimeout(() => ctrl.abort(new AttemptTimeoutError()), timeoutMs);
      let pause: number | null;
      try {
        const res = await doFetch(url, { headers: { Accept: 'application/json', ...this.opts.headers, ...headers }, signal: ctrl.signal });
        if (res.ok) return res;
        if (!RETRY_STATUSES.has(res.status) || attempt >= retries) throw new HttpStatusError(res.status);
        pause = [429, 503].includes(res.status) ? retryAfterMs(res.headers.get('retry-after')) : null;
        if (pause !== null && pause > MAX_RETRY_AFTER_MS) throw new HttpStatusError(res.status);
        void res.body?.cancel().catch(() => undefined);
      } catch (e) {
        const err = ctrl.signal.aborted ? ctrl.signal.reason : e;
        // a final status, a timeout (as ky did, not retried) or the last attempt: give up with what happened
        if (err instanceof HttpStatusError || err instanceof AttemptTimeoutError || attempt >= retries) throw err;
        pause = null;
      } finally {
        clearTimeout(timer);
      }
      await sleep(pause ?? Math.min(BACKOFF_LIMIT_MS, 300 * 2 ** attempt));
    }
  }

  private async fetchJson(url: string, headers?: Record<string, string>): Promise<unknown> {
    let res: Response;
    try {
      res = await this.get(url, headers);
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

/** Maps fetch, timeout, status and abort errors to RelaisError. */
export function toRelaisError(e: unknown): RelaisError {
  if (e instanceof RelaisError) return e;
  if (e instanceof AttemptTimeoutError) return new RelaisError('timeout', { cause: e });
  if (isAbortError(e)) return new RelaisError('aborted', { cause: e });
  if (e instanceof HttpStatusError) {
    const status = e.status;
    if (status === 404) return new RelaisError('not-found', { status, detail: 'HTTP 404', message: 'Le fichier ou le service demandé est introuvable à cette adresse (erreur 404).', cause: e });
    return new RelaisError('http', { status, detail: `HTTP ${status}`, cause: e });
  }
  return new RelaisError('network', { detail: e instanceof Error ? e.message : String(e), cause: e });
}

export { withSignal } from './base.js';

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
