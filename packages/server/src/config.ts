/**
 * The server's configuration, read once from environment variables (documented in the package README).
 * Bad values stop the start with a French message naming the variable.
 */

/** Parsed configuration. */
export interface Config {
  /** `DATABASE_URL`: a PostgreSQL server; unset: PGlite embedded. */
  databaseUrl: string | undefined;
  /** `RELAIS_DATA_DIR`: PGlite data directory (default `./relais-data`; `memory://` for a throw-away database). */
  dataDir: string;
  /** `HOST` (default 127.0.0.1) and `PORT` (default 8787). */
  host: string;
  port: number;
  /** `RELAIS_CORS_ORIGINS`: sites allowed to call the API from a browser (comma-separated origins, or `*`). */
  corsOrigins: string[];
  /** `RELAIS_RATE_LIMIT`: requests per minute and per client IP (0: no limit; default 300). */
  rateLimitPerMinute: number;
  /** `RELAIS_TRUST_PROXY`: `1` behind a load balancer that sets X-Forwarded-For (the client IP is its last hop). */
  trustProxy: boolean;
  /** `RELAIS_DB_POOL`: PostgreSQL connections per process (default 10). */
  dbPool: number;
  /** `RELAIS_SHUTDOWN_TIMEOUT_S`: seconds given to requests in flight on SIGTERM (default 10). */
  shutdownTimeoutS: number;
  /** `RELAIS_LOG`: `json` (default) or `silent`. */
  log: 'json' | 'silent';
  /**
   * `RELAIS_BASE_PATH`: the path every route is served under (`/api` → `/api/services`, `/api/liaison`,
   * `/api/health`); empty by default.
   */
  basePath: string;
}

/** A configuration error (French, names the variable). */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

function int(env: Record<string, string | undefined>, name: string, def: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} : entier entre ${min} et ${max} attendu (reçu « ${raw.slice(0, 40)} »).`);
  return n;
}

/** Reads the configuration from an environment (default `process.env`). */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError('DATABASE_URL : adresse postgres://utilisateur:mot-de-passe@hôte:5432/base attendue.');
  const corsOrigins = (env.RELAIS_CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim().replace(/\/$/, ''))
    .filter(Boolean);
  for (const o of corsOrigins) {
    if (o === '*') continue;
    let u: URL | null = null;
    try {
      u = new URL(o);
    } catch {
      u = null;
    }
    if (!u || (u.protocol !== 'https:' && u.protocol !== 'http:') || u.origin !== o) throw new ConfigError(`RELAIS_CORS_ORIGINS : « ${o.slice(0, 80)} » n’est pas une origine (https://site.fr, sans chemin).`);
  }
  const basePath = (env.RELAIS_BASE_PATH ?? '').replace(/\/$/, '');
  if (basePath && !/^(\/[A-Za-z0-9._~-]+)+$/.test(basePath)) throw new ConfigError(`RELAIS_BASE_PATH : un chemin comme /api attendu (reçu « ${basePath.slice(0, 40)} »).`);
  const log = env.RELAIS_LOG ?? 'json';
  if (log !== 'json' && log !== 'silent') throw new ConfigError('RELAIS_LOG : json ou silent.');
  return {
    databaseUrl,
    dataDir: env.RELAIS_DATA_DIR || './relais-data',
    host: env.HOST || '127.0.0.1',
    port: int(env, 'PORT', 8787, 0, 65535),
    corsOrigins,
    rateLimitPerMinute: int(env, 'RELAIS_RATE_LIMIT', 300, 0, 1_000_000),
    trustProxy: env.RELAIS_TRUST_PROXY === '1' || env.RELAIS_TRUST_PROXY === 'true',
    dbPool: int(env, 'RELAIS_DB_POOL', 10, 1, 1000),
    shutdownTimeoutS: int(env, 'RELAIS_SHUTDOWN_TIMEOUT_S', 10, 0, 3600),
    log,
    basePath,
  };
}
