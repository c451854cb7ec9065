/** `@relais/server`: the back end a département runs. */
export type { Db, Queryable, Row } from './db/types.js';
export type { Logger, Route, RouteContext } from './http/types.js';
