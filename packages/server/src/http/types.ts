import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '../db/types.js';

/** A structured log line: an event name and fields that never hold personal data (no names, no sheet content, no IP). */
export interface Logger {
  info(event: string, fields?: Record<string, string | number | boolean | null>): void;
  warn(event: string, fields?: Record<string, string | number | boolean | null>): void;
  error(event: string, fields?: Record<string, string | number | boolean | null>): void;
}

/** What a route handler gets besides the request and the response. */
export interface RouteContext {
  db: Db;
  log: Logger;
  /** The request URL, parsed. */
  url: URL;
  /** Path parameters (`/liaison/sheets/:id` → `{ id }`). */
  params: Record<string, string>;
  /** The server's configuration (environment variables, parsed once). */
  env: Readonly<Record<string, string | undefined>>;
  /**
   * The path the app is mounted under (`/api`, or empty): route paths are relative to it, so a handler that writes an
   * address for the client (a `Location` header) prefixes it.
   */
  basePath: string;
  /**
   * The client's IP (the socket's peer, or the last X-Forwarded-For hop behind a trusted proxy), for a route's own rate
   * limit only: never logged, never stored. Absent when a caller builds the context by hand (the socket's peer then).
   */
  clientIp?: string;
}

/** One HTTP route of the server; each module (directory, liaison, sync…) exports its own list. */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /**
   * Path with `:name` parameters, relative to the app's base path (every module follows this convention: `/services`,
   * `/liaison`, `/sync/status`; mounted under `/api`, they answer at `/api/services`…).
   */
  path: string;
  handle(req: IncomingMessage, res: ServerResponse, ctx: RouteContext): Promise<void>;
}
