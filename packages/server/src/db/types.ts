/**
 * The one database interface of `@relais/server`: the same SQL runs on PGlite (embedded, the default) and on a
 * PostgreSQL server (`DATABASE_URL`). Every module of the server talks to the database through it and nothing else.
 */

/** A row as the driver returns it (column name → value). */
export type Row = Record<string, unknown>;

/** Something that runs parameterised SQL (`$1`, `$2`…): the database, or a transaction. */
export interface Queryable {
  /** Runs one statement with its parameters and returns its rows (empty for statements without rows). */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** The database of one server process. */
export interface Db extends Queryable {
  /** `pglite` (embedded, in-process) or `postgres` (a server reached through `DATABASE_URL`). */
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Closes the connections (graceful shutdown). */
  close(): Promise<void>;
}
