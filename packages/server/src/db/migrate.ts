/**
 * Versioned SQL migrations: the files `migrations/NNNN_name.sql` of the package, applied in the order of their
 * names, each in its own transaction, and recorded in `relais_migrations` (name and checksum). Several processes
 * starting at once on one PostgreSQL are serialised by an advisory lock: each migration is applied exactly once.
 * Numbering: 0001–0099 directory and operations, 0100+ liaison and sync.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db, Queryable } from './types.js';

/** The package's `migrations/` directory (beside `dist/` and `src/`). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

/** A migration file. */
export interface Migration {
  /** File name without `.sql` (`0001_extensions`). */
  name: string;
  sql: string;
  /** SHA-256 of the SQL, to detect a file changed after it was applied. */
  checksum: string;
}

/** Raised when the database and the migration files disagree (a file changed or removed after being applied). */
export class MigrationError extends Error {
  override name = 'MigrationError';
}

const NAME = /^(\d{4})_[a-z0-9_-]+\.sql$/;
/** Arbitrary constant of the advisory lock (« RELAIS » in ASCII, truncated). */
const LOCK = 0x52454c41;

/** Reads the migration files of a directory, in order. Files not named `NNNN_name.sql` are ignored. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => NAME.test(f)).sort();
  const seen = new Map<string, string>();
  const out: Migration[] = [];
  for (const f of files) {
    const num = NAME.exec(f)![1]!;
    if (seen.has(num)) throw new MigrationError(`Deux migrations portent le numéro ${num} : ${seen.get(num)} et ${f}.`);
    seen.set(num, f);
    const sql = await readFile(`${dir.replace(/\/?$/, '/')}${f}`, 'utf8');
    out.push({ name: f.slice(0, -4), sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return out;
}

const TABLE = `create table if not exists relais_migrations (
  name text primary key,
  checksum text not null,
  applied_at timestamptz not null default now()
)`;

async function ensureTable(db: Queryable): Promise<void> {
  // concurrent first starts: the lock makes the creation of the table itself safe
  await db.query('select pg_advisory_lock($1)', [LOCK]);
  try {
    await db.exec(TABLE);
  } finally {
    await db.query('select pg_advisory_unlock($1)', [LOCK]);
  }
}

/** What `migrate()` did. */
export interface MigrateResult {
  /** Migrations applied by this call, in order. */
  applied: string[];
  /** Migrations already in the database. */
  skipped: string[];
}

/**
 * Applies the pending migrations in order, each in one transaction (a failing migration leaves nothing behind and
 * stops the run). Checks that the migrations already applied have not changed since.
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<MigrateResult> {
  const migrations = await readMigrations(dir);
  await db.transaction(ensureTable);
  const applied: string[] = [];
  const skipped: string[] = [];
  for (const m of migrations) {
    const done = await db.transaction(async (tx) => {
      // held until the end of the transaction: another process waits, then sees the migration recorded
      await tx.query('select pg_advisory_xact_lock($1)', [LOCK]);
      const [row] = await tx.query<{ checksum: string }>('select checksum from relais_migrations where name = $1', [m.name]);
      if (row) {
        if (row.checksum !== m.checksum) throw new MigrationError(`La migration ${m.name} a été modifiée après avoir été appliquée : écrivez une nouvelle migration au lieu de la changer.`);
        return false;
      }
      try {
        await tx.exec(m.sql);
      } catch (e) {
        throw new MigrationError(`La migration ${m.name} a échoué : ${(e as Error).message}`, { cause: e });
      }
      await tx.query('insert into relais_migrations (name, checksum) values ($1, $2)', [m.name, m.checksum]);
      return true;
    });
    (done ? applied : skipped).push(m.name);
  }
  return { applied, skipped };
}

/** Migration state for `/ready`: the names of the files not yet applied (empty when the database is up to date). */
export async function pendingMigrations(db: Queryable, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = await readMigrations(dir);
  const [exists] = await db.query<{ t: string | null }>(`select to_regclass('relais_migrations')::text as t`);
  if (!exists?.t) return migrations.map((m) => m.name);
  const rows = await db.query<{ name: string }>('select name from relais_migrations');
  const done = new Set(rows.map((r) => r.name));
  return migrations.filter((m) => !done.has(m.name)).map((m) => m.name);
}
