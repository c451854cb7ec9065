/**
 * The HTTP server on node:http: mounts the `Route[]` lists of the modules, answers `/health` and `/ready`, applies
 * the CORS allowlist and the per-IP rate limit, logs one JSON line per request (method, route template, status,
 * duration: never the query string, the body or the IP), and shuts down gracefully (stop accepting, let the
 * requests in flight finish, then close the database).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config.js';
import { pendingMigrations } from '../db/migrate.js';
import type { Db } from '../db/types.js';
import { RateLimiter } from './rate-limit.js';
import { sendJson, sendProblem } from './respond.js';
import { Router } from './router.js';
import type { Logger, Route } from './types.js';

/** What the app needs. */
export interface AppOptions {
  db: Db;
  config: Pick<Config, 'corsOrigins' | 'rateLimitPerMinute' | 'trustProxy' | 'shutdownTimeoutS'>;
  log: Logger;
  /** The route lists of the modules (directory, liaison, sync…). */
  routes: ReadonlyArray<readonly Route[]>;
  /** Environment handed to the routes (`RouteContext.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** The migrations directory `/ready` checks (default: the package's). */
  migrationsDir?: string;
  /**
   * Path under which every route is served (`/api` → `/api/services`, `/api/liaison`, `/api/health`), for a server
   * mounted beside a site; empty by default (`RELAIS_BASE_PATH` for `relais-server`).
   */
  basePath?: string;
  /**
   * Origins allowed to call with credentials (the moderators' back office): CORS answers them with their origin and
   * `access-control-allow-credentials: true`. Default: `RELAIS_MODERATION_ORIGINS` of `env` (comma-separated).
   */
  credentialOrigins?: readonly string[];
}

/** A running server. */
export interface App {
  server: Server;
  /** Listens; resolves with the bound port. */
  listen(port: number, host: string): Promise<number>;
  /** Graceful shutdown: stops accepting, waits for the requests in flight (up to the timeout), closes the database. */
  close(): Promise<void>;
  /** Requests being answered. */
  readonly inFlight: number;
  /**
   * The request listener, for another `node:http` server that mounts this one (e.g. under `basePath`): resolves
   * `true` when it answered, `false` when the path is outside `basePath` (the caller answers).
   */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

const ALLOW_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
const ALLOW_HEADERS = 'accept, authorization, content-type, idempotency-key';

/** The client's IP, for the rate limit only: the socket's peer, or the last X-Forwarded-For hop behind a proxy. */
export function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const xff = req.headers['x-forwarded-for'];
    const hops = (Array.isArray(xff) ? xff.join(',') : (xff ?? '')).split(',').map((s) => s.trim()).filter(Boolean);
    if (hops.length) return hops[hops.length - 1]!;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/** Creates the server (not listening yet). */
export function createApp(opts: AppOptions): App {
  const { db, config, log } = opts;
  const router = new Router(...opts.routes);
  const limiter = new RateLimiter(config.rateLimitPerMinute);
  const anyOrigin = config.corsOrigins.includes('*');
  const origins = new Set(config.corsOrigins);
  const credentialed = new Set(
    opts.credentialOrigins ??
      (opts.env?.RELAIS_MODERATION_ORIGINS ?? '')
        .split(',')
        .map((o) => o.trim().replace(/\/$/, ''))
        .filter(Boolean),
  );
  let inFlight = 0;
  let closing = false;
  let drained: (() => void) | null = null;

  const cors = (req: IncomingMessage, res: ServerResponse): boolean => {
    const origin = req.headers.origin;
    res.setHeader('vary', 'Origin');
    if (origin && credentialed.has(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-allow-credentials', 'true');
      res.setHeader('access-control-expose-headers', 'retry-after, ratelimit-remaining');
      return true;
    }
    if (!origin || !(anyOrigin || origins.has(origin))) return false;
    res.setHeader('access-control-allow-origin', anyOrigin ? '*' : origin);
    res.setHeader('access-control-expose-headers', 'retry-after, ratelimit-remaining');
    return true;
  };

  const basePath = (opts.basePath ?? '').replace(/\/$/, '');
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<string> => {
    if (closing) res.setHeader('connection', 'close');
    const url = new URL(req.url ?? '/', 'http://localhost');
    url.pathname = url.pathname.slice(basePath.length) || '/';
    const allowed = cors(req, res);
    if (req.method === 'OPTIONS') {
      if (!allowed) {
        sendProblem(res, 403, 'Origine non autorisée', 'Ce site n’est pas dans la liste des sites autorisés à interroger ce serveur (RELAIS_CORS_ORIGINS).');
        return 'OPTIONS';
      }
      res.writeHead(204, { 'access-control-allow-methods': ALLOW_METHODS, 'access-control-allow-headers': ALLOW_HEADERS, 'access-control-max-age': '600' });
      res.end();
      return 'OPTIONS';
    }
    if (url.pathname === '/health' && req.method === 'GET') {
      // alive; 503 while shutting down, so that the load balancer stops sending here
      sendJson(res, closing ? 503 : 200, { status: closing ? 'arrêt en cours' : 'ok' }, { 'cache-control': 'no-store' });
      return '/health';
    }
    if (url.pathname === '/ready' && req.method === 'GET') {
      let body: Record<string, unknown>;
      let ok = false;
      try {
        const pending = await pendingMigrations(db, opts.migrationsDir);
        ok = pending.length === 0 && !closing;
        body = { status: ok ? 'prêt' : closing ? 'arrêt en cours' : 'migrations en attente', database: db.kind, pendingMigrations: pending };
      } catch {
        body = { status: 'base de données injoignable', database: db.kind };
      }
      sendJson(res, ok ? 200 : 503, body, { 'cache-control': 'no-store' });
      return '/ready';
    }
    if (config.rateLimitPerMinute > 0) {
      const v = limiter.hit(clientIp(req, config.trustProxy));
      res.setHeader('ratelimit-remaining', String(v.remaining));
      if (!v.ok) {
        sendProblem(res, 429, 'Trop de requêtes', `Trop de requêtes depuis cette adresse : réessayez dans ${v.resetS} s.`, {}, { 'retry-after': String(v.resetS) });
        return 'rate-limited';
      }
    }
    const m = router.match(req.method ?? 'GET', url.pathname);
    if (!m) {
      sendProblem(res, 404, 'Introuvable', 'Cette adresse n’existe pas sur ce serveur.');
      return 'not-found';
    }
    if ('allowed' in m) {
      sendProblem(res, 405, 'Méthode non permise', `Méthodes permises ici : ${m.allowed.join(', ')}.`, {}, { allow: m.allowed.join(', ') });
      return 'method-not-allowed';
    }
    await m.route.handle(req, res, { db, log, url, params: m.params, env: opts.env ?? {}, basePath, clientIp: clientIp(req, config.trustProxy) });
    return m.route.path;
  };

  const outside = (req: IncomingMessage) => {
    const path = (req.url ?? '/').split('?')[0]!;
    return !!basePath && path !== basePath && !path.startsWith(basePath + '/');
  };
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    if (outside(req)) {
      sendProblem(res, 404, 'Introuvable', 'Cette adresse n’existe pas sur ce serveur.');
      return;
    }
    const t0 = performance.now();
    inFlight++;
    let route = 'unknown';
    handle(req, res)
      .then((r) => (route = r))
      .catch((e: unknown) => {
        const err = e as { name?: string; code?: string };
        // the name and code of the error only: messages of the database may quote values
        log.error('request_failed', { method: req.method ?? '', error: err?.name ?? 'Error', code: err?.code ?? null });
        if (!res.headersSent) sendProblem(res, 500, 'Erreur du serveur', 'Le serveur n’a pas pu répondre. Réessayez dans un instant.');
        else res.destroy();
      })
      .finally(() => {
        const done = () => {
          inFlight--;
          log.info('request', { method: req.method ?? '', route, status: res.statusCode, ms: Math.round(performance.now() - t0) });
          if (closing && inFlight === 0) drained?.();
        };
        if (res.writableFinished) done();
        else res.once('close', done);
      });
  };
  const server = createServer(listener);
  server.keepAliveTimeout = 5_000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  let closed: Promise<void> | null = null;
  return {
    server,
    get inFlight() {
      return inFlight;
    },
    async handle(req, res) {
      if (outside(req)) return false;
      await new Promise<void>((resolve) => {
        res.once('close', () => resolve());
        listener(req, res);
      });
      return true;
    },
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      }),
    close() {
      closed ??= (async () => {
        closing = true;
        log.info('shutdown_started', { inFlight });
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        if (inFlight > 0) {
          await new Promise<void>((resolve) => {
            drained = resolve;
            const timer = setTimeout(resolve, config.shutdownTimeoutS * 1000);
            timer.unref();
          });
        }
        server.closeAllConnections();
        await stopped;
        await db.close();
        log.info('shutdown_done', { inFlight });
      })();
      return closed;
    },
  };
}
