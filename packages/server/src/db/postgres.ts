/**
 * A PostgreSQL server reached through `DATABASE_URL`, with the `postgres` driver (postgres.js): a pool of
 * connections shared by the requests of one process. The same SQL as on PGlite.
 */
import postgres from 'postgres';
import type { Db, Queryable, Row } from './types.js';

/** Options of the pool. */
export interface PostgresOptions {
  /** Connections in the pool (default 10). */
  max?: number;
  /** Seconds before an idle connection is closed (default 30). */
  idleTimeout?: number;
  /** Seconds to wait for a connection (default 10). */
  connectTimeout?: number;
}

const asText = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

type Sql = postgres.Sql | postgres.TransactionSql;
const queryable = (sql: Sql): Queryable => ({
  async query<T extends Row = Row>(text: string, params: readonly unknown[] = []): Promise<T[]> {
    const rows = await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[]);
    return [...rows] as unknown as T[];
  },
  async exec(text: string): Promise<void> {
    // without parameters postgres.js uses the simple protocol: a script of several statements runs as one
    await sql.unsafe(text).simple();
  },
});

/** Connects to a PostgreSQL server (`postgres://user:password@host:5432/db`). */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Db> {
  const sql = postgres(url, {
    max: options.max ?? 10,
    idle_timeout: options.idleTimeout ?? 30,
    connect_timeout: options.connectTimeout ?? 10,
    onnotice: () => undefined,
    // timestamps read as text must not depend on the server's time zone
    connection: { TimeZone: 'UTC' },
    // Same values as on PGlite: bigint and numeric as numbers, dates and timestamps as text.
    types: {
      int8: { to: 20, from: [20], serialize: (v: number) => String(v), parse: (v: string) => Number(v) },
      numeric: { to: 1700, from: [1700], serialize: (v: number) => String(v), parse: (v: string) => Number(v) },
      date: { to: 1082, from: [1082], serialize: asText, parse: (v: string) => v },
      // JSON parameters: text is sent as is (already JSON), anything else serialised, as PGlite does
      jsonb: { to: 3802, from: [114, 3802], serialize: (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v)), parse: (v: string) => JSON.parse(v) as unknown },
      timestamp: { to: 1114, from: [1114, 1184], serialize: asText, parse: (v: string) => v },
    },
  });
  // fail now, with the driver's message, rather than at the first request
  await sql`select 1`;
  let closed = false;
  return {
    kind: 'postgres',
    ...queryable(sql),
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) => sql.begin((tx) => fn(queryable(tx))) as Promise<T>,
    async close() {
      if (closed) return;
      closed = true;
      await sql.end({ timeout: 5 });
    },
  };
}
