/** Opens the database the configuration names: PostgreSQL when `DATABASE_URL` is set, PGlite otherwise. */
import { openPglite } from './pglite.js';
import { openPostgres, type PostgresOptions } from './postgres.js';
import type { Db } from './types.js';

/** Where the data lives. */
export interface DbConfig {
  /** `postgres://…`: a PostgreSQL server. */
  databaseUrl?: string | undefined;
  /** PGlite data directory (default: in memory). Ignored with `databaseUrl`. */
  dataDir?: string | undefined;
  /** Pool options of PostgreSQL. */
  pool?: PostgresOptions;
}

/** Opens the database of the configuration. */
export function openDb(config: DbConfig): Promise<Db> {
  return config.databaseUrl ? openPostgres(config.databaseUrl, config.pool) : openPglite(config.dataDir);
}
