/**
 * The sync on the database: the sink that writes into the directory tables through the directory's own importer
 * (validation and normalisation by @relais/core, full-text document, `date_maj` rule), the withdrawal of records the
 * API no longer lists, the run's lease and report (`sync_runs`), the schedule, and the status route.
 */
import type { Db, Queryable } from '../db/types.js';
import type { Logger, Route } from '../http/types.js';
import { syncConfigFromEnv, syncDataInclusion, type DataInclusionSyncOptions, type DiRecord, type SyncReport, type SyncSink } from './data-inclusion.js';

/** Counts of one kind as the directory's importer reports them. */
interface WrittenCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  olderIgnored: number;
}

/**
 * The directory's importer (src/import: `importDataset(db, dataset, origin)`), passed in by the app: a dataset
 * `{ structures, services }` in the data·inclusion shape, written in one transaction.
 */
export type DatasetWriter = (db: Db, dataset: { structures: unknown[]; services: unknown[] }, origin: string) => Promise<{ structures: WrittenCounts; services: WrittenCounts; skipped: number }>;

/** What the sink needs from the directory. */
export interface DirectoryWrites {
  write: DatasetWriter;
  /** Called after records were withdrawn (e.g. the directory's `refreshWords`). */
  afterWithdraw?: (tx: Queryable) => Promise<void>;
}

/** The `source` of sync runs, and the origin the directory's imports record for them. */
export const SYNC_SOURCE = 'data-inclusion-api';
export const syncOrigin = (departement: string): string => `${SYNC_SOURCE}:${departement}`;

/** A sink writing into the directory tables (`directory_structures`, `directory_services`). */
export function createDbSyncSink(db: Db, departement: string, directory: DirectoryWrites, runId?: number): SyncSink {
  const origin = syncOrigin(departement);
  return {
    async upsert(kind, records: readonly DiRecord[]) {
      const r = await directory.write(db, kind === 'structure' ? { structures: [...records], services: [] } : { structures: [], services: [...records] }, origin);
      const c = kind === 'structure' ? r.structures : r.services;
      return { created: c.inserted, updated: c.updated, unchanged: c.unchanged + c.olderIgnored, invalid: r.skipped };
    },
    async withdrawMissing(kind, seen) {
      const table = kind === 'structure' ? 'directory_structures' : 'directory_services';
      return db.transaction(async (tx) => {
        // only what this sync wrote: rows whose last import is a run of the sync for this département
        const gone = await tx.query(
          `DELETE FROM ${table} t USING directory_imports i WHERE t.import_id = i.id AND i.origin = $1 AND NOT (t.id = ANY ($2::text[])) RETURNING t.id`,
          [origin, [...seen]],
        );
        if (gone.length) await directory.afterWithdraw?.(tx);
        return gone.length;
      });
    },
    async saveReport(report) {
      if (runId === undefined) return;
      await db.query('UPDATE sync_runs SET finished_at = $2::timestamptz, complete = $3, report = $4::jsonb WHERE id = $1', [runId, report.finishedAt, report.complete, JSON.stringify(report)]);
    },
  };
}

/** A run that stayed unfinished longer than this (a crashed instance) no longer holds the lease. */
const STALE_MS = 2 * 60 * 60_000;

export interface RunSyncOptions {
  db: Db;
  env: Readonly<Record<string, string | undefined>>;
  directory: DirectoryWrites;
  log?: Logger;
  /** Tests: the sync's HTTP, clock and waits. */
  overrides?: Partial<Pick<DataInclusionSyncOptions, 'fetch' | 'sleep' | 'now' | 'signal' | 'retries' | 'backoffMs'>>;
}

/**
 * One sync run with the environment's settings (`relais-server sync`, the schedule): null when no token is
 * configured or when another instance is running one (the lease); else the report, kept in `sync_runs`.
 */
export async function runDataInclusionSync(o: RunSyncOptions): Promise<SyncReport | null> {
  const cfg = syncConfigFromEnv(o.env);
  if (!cfg) return null;
  const now = o.overrides?.now ?? (() => new Date());
  const started = now();
  await o.db.query('UPDATE sync_runs SET finished_at = $2::timestamptz WHERE source = $1 AND finished_at IS NULL AND started_at < $3::timestamptz', [SYNC_SOURCE, started.toISOString(), new Date(started.getTime() - STALE_MS).toISOString()]);
  const lease = await o.db.query<{ id: number }>('INSERT INTO sync_runs (source, departement, started_at) VALUES ($1, $2, $3::timestamptz) ON CONFLICT (source) WHERE finished_at IS NULL DO NOTHING RETURNING id', [
    SYNC_SOURCE,
    cfg.departement,
    started.toISOString(),
  ]);
  const runId = lease[0]?.id;
  if (runId === undefined) {
    o.log?.info('sync.skipped', { reason: 'already-running' });
    return null;
  }
  o.log?.info('sync.start', { departement: cfg.departement });
  let report: SyncReport;
  try {
    report = await syncDataInclusion({ ...cfg, ...o.overrides, sink: createDbSyncSink(o.db, cfg.departement, o.directory, Number(runId)) });
  } catch (e) {
    await o.db.query('UPDATE sync_runs SET finished_at = $2::timestamptz WHERE id = $1', [runId, now().toISOString()]);
    throw e;
  }
  const fields = { complete: report.complete, pages: report.pages, retries: report.retries, created: report.structures.created + report.services.created, updated: report.structures.updated + report.services.updated, errors: report.errors.length };
  if (report.errors.length) o.log?.warn('sync.done', fields);
  else o.log?.info('sync.done', fields);
  return report;
}

/**
 * Runs the sync every DI_SYNC_INTERVAL_MINUTES (none: no schedule, the CLI only); returns the function that stops it.
 * Several instances may all schedule it: the lease lets one run at a time.
 */
export function startSyncSchedule(o: RunSyncOptions): () => void {
  const minutes = Number(o.env.DI_SYNC_INTERVAL_MINUTES ?? 0);
  if (!syncConfigFromEnv(o.env) || !Number.isFinite(minutes) || minutes <= 0) return () => undefined;
  if (minutes < 15) throw new Error('DI_SYNC_INTERVAL_MINUTES : au moins 15 minutes entre deux synchronisations (l’API data·inclusion est partagée).');
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running.then(() => runDataInclusionSync(o)).catch((e: unknown) => o.log?.error('sync.failed', { message: e instanceof Error ? e.message.slice(0, 200) : 'erreur inconnue' }));
  };
  const timer = setInterval(tick, minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}

/** `GET /sync/status` (under the app's base path): the last runs' reports (counts, dates, French errors; no token, no personal data). */
export const syncRoutes: Route[] = [
  {
    method: 'GET',
    path: '/sync/status',
    async handle(_req, res, ctx) {
      const rows = await ctx.db.query<{ started_at: string; finished_at: string | null; complete: boolean; report: SyncReport | null }>(
        'SELECT started_at, finished_at, complete, report FROM sync_runs WHERE source = $1 ORDER BY started_at DESC, id DESC LIMIT 5',
        [SYNC_SOURCE],
      );
      const configured = !!ctx.env.DI_API_TOKEN?.trim();
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ configured, runs: rows.map((r) => ({ running: r.finished_at === null, complete: r.complete, startedAt: new Date(r.started_at).toISOString(), report: r.report })) }));
    },
  },
];
