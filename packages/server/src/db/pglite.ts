/**
 * The embedded database: PGlite (PostgreSQL compiled to WebAssembly, in the server's process), with the extensions
 * the directory search needs (`unaccent`, `pg_trgm`, `cube`, `earthdistance`). No server to install: the data lives
 * in a directory on disk, or in memory (tests).
 */
import { mkdir } from 'node:fs/promises';
import { PGlite, types } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import type { Db, Queryable, Row } from './types.js';

/** Same values on both adapters: `bigint` as a JS number, dates and timestamps as ISO text. */
const parsers = {
  [types.INT8]: (v: string) => Number(v),
  [types.DATE]: (v: string) => v,
  [types.TIMESTAMP]: (v: string) => v,
  [types.TIMESTAMPTZ]: (v: string) => v,
  [types.NUMERIC]: (v: string) => Number(v),
};

type Runner = Pick<PGlite, 'query' | 'exec'>;
const queryable = (pg: Runner): Queryable => ({
  async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const r = await pg.query<T>(sql, params as unknown[]);
    return r.rows;
  },
  async exec(sql: string): Promise<void> {
    await pg.exec(sql);
  },
});

/**
 * Opens (creating it when missing) the embedded database.
 * @param dataDir directory of the data files; omitted or `memory://`: in memory, lost when the process ends
 */
export async function openPglite(dataDir?: string): Promise<Db> {
  const onDisk = dataDir && dataDir !== 'memory://' ? dataDir : undefined;
  // PGlite creates the last directory only: its parents too (`./var/relais-data` on a fresh machine)
  if (onDisk) await mkdir(onDisk, { recursive: true });
  const pg = await PGlite.create(onDisk, {
    extensions: { unaccent, pg_trgm, cube, earthdistance },
    parsers,
  });
  let closed = false;
  return {
    kind: 'pglite',
    ...queryable(pg),
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) => pg.transaction((tx) => fn(queryable(tx))),
    async close() {
      if (closed) return;
      closed = true;
      await pg.close();
    },
  };
}
