/** `@relais/server`: the back end a département runs. */
export type { Db, Queryable, Row } from './db/types.js';
export type { Logger, Route, RouteContext } from './http/types.js';
export { openPglite } from './db/pglite.js';
export { openPostgres, type PostgresOptions } from './db/postgres.js';
export { openDb, type DbConfig } from './db/open.js';
export { migrate, pendingMigrations, readMigrations, MigrationError, MIGRATIONS_DIR, type Migration, type MigrateResult } from './db/migrate.js';
export { importDataset, importFile, writeServices, type ImportReport } from './import/import.js';
export { searchDirectory, getService, clauses, type DirectoryHit, type DirectoryPage } from './directory/search.js';
export { serviceRow, departementOfService, type ServiceRow } from './directory/document.js';
export { refreshWords } from './directory/words.js';
export { directoryRoutes, readSearchParams, type InvalidParam } from './directory/routes.js';
export { createApp, type App, type AppOptions } from './http/app.js';
export { Router, type Match } from './http/router.js';
export { RateLimiter, type RateVerdict } from './http/rate-limit.js';
export { jsonLogger, silentLogger } from './http/log.js';
export { sendJson, sendProblem } from './http/respond.js';
export { readConfig, ConfigError, type Config } from './config.js';
