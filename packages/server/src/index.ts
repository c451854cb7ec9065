/** `@relais/server`: the back end a département runs. */
export type { Db, Queryable, Row } from './db/types.js';
