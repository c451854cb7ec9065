/**
 * The static source in a Web Worker: fetching, validating and indexing a large JSON file takes seconds at
 * 50 000 services (bench/README.md), which would freeze the page. Here it runs off the main thread; the page's
 * client (SourceClient in client.ts) forwards each call and gets plain data back.
 *
 * Messages in: `WorkerRequest` `{ id, method, args }`, one of the calls of `WorkerCalls` (types.ts).
 * Messages out: `WorkerReply` `{ id, result, diagnostics }` or `{ id, error: { kind, status, detail, message }, diagnostics }`.
 */
import type { RelaisClient, WorkerCall, WorkerCalls, WorkerReply, WorkerRequest } from './types.js';
import { createPageClient } from './sources.js';
import { RelaisError } from '../errors.js';

let client: RelaisClient | null = null;

const scope = globalThis as unknown as { onmessage: ((e: MessageEvent) => void) | null; postMessage(m: WorkerReply): void };

/** The worker's client, once `init` has made it. */
const made = (): RelaisClient => {
  if (!client) throw new RelaisError('unsupported', { message: 'Index non initialisé.' });
  return client;
};

/** Every call of WorkerCalls, answered here (a call missing is a type error). */
const CALLS: { [M in WorkerCall]: (...args: WorkerCalls[M]['args']) => WorkerCalls[M]['result'] | Promise<WorkerCalls[M]['result']> } = {
  init: (options) => void (client = createPageClient(options)),
  ready: () => made().ready(),
  search: (query) => made().search(query),
  points: (query, opts) => made().points(query, opts),
  get: (id) => made().get(id),
  refresh: () => made().refresh(),
};

scope.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const { id, method, args } = e.data;
  try {
    const result = await (CALLS[method] as (...a: typeof args) => unknown)(...args);
    scope.postMessage({ id, result, diagnostics: client?.diagnostics });
  } catch (err) {
    const r = err instanceof RelaisError ? err : new RelaisError('invalid-payload', { detail: String(err) });
    scope.postMessage({ id, error: { kind: r.kind, status: r.status, detail: r.detail, message: r.message }, diagnostics: client?.diagnostics });
  }
};
