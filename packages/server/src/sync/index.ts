/** The data·inclusion API sync of `@relais/server`. */
export { syncDataInclusion, syncConfigFromEnv, createMemorySyncSink, retryAfterMs, type SyncSink, type SyncReport, type KindReport, type DiRecord, type DiKind, type UpsertCounts, type DataInclusionSyncOptions } from './data-inclusion.js';
export { createDbSyncSink, runDataInclusionSync, startSyncSchedule, syncRoutes, syncOrigin, SYNC_SOURCE, type DatasetWriter, type DirectoryWrites, type RunSyncOptions } from './db.js';
