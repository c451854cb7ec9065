/** JSON and problem+json (RFC 9457) answers, compressed (brotli or gzip) when the client accepts it and they are large enough. */
import type { ServerResponse } from 'node:http';
import { sendBody } from './compress.js';

/** Sends a JSON body (brotli or gzip per `Accept-Encoding` from 1 kB: see `sendBody`). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendBody(res, status, { 'content-type': 'application/json; charset=utf-8', ...headers }, JSON.stringify(body));
}

/** Sends a problem (French title and detail). */
export function sendProblem(res: ServerResponse, status: number, title: string, detail: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): void {
  sendBody(res, status, { 'content-type': 'application/problem+json; charset=utf-8', ...headers }, JSON.stringify({ type: 'about:blank', title, status, detail, ...extra }));
}
