/** `@relais/server`: the back end a département runs. */
export type { Db, Queryable, Row } from './db/types.js';
export type { Logger, Route, RouteContext } from './http/types.js';
export { openPglite } from './db/pglite.js';
export { openPostgres, type PostgresOptions } from './db/postgres.js';
export { openDb, type DbConfig } from './db/open.js';
export { migrate, pendingMigrations, readMigrations, MigrationError, MIGRATIONS_DIR, type Migration, type MigrateResult } from './db/migrate.js';
export * from './liaison/index.js';
export * from './sync/index.js';
