/**
 * The static source in a Web Worker: fetching, validating and indexing a large JSON file takes seconds at
 * 50 000 services (bench/README.md), which would freeze the page. Here it runs off the main thread; the page's
 * client (SourceClient in client.ts) forwards each call and gets plain data back.
 *
 * Messages in: `{ id, method: 'init' | 'ready' | 'search' | 'points' | 'get' | 'refresh', args }`.
 * Messages out: `{ id, result, diagnostics }` or `{ id, error: { kind, status, detail, message }, diagnostics }`.
 */
import type { RelaisClient, StaticSourceOptions } from './client.js';
import { createPageClient } from './sources.js';
import { RelaisError } from '../errors.js';

let client: RelaisClient | null = null;

const scope = globalThis as unknown as { onmessage: ((e: MessageEvent) => void) | null; postMessage(m: unknown): void };

scope.onmessage = async (e: MessageEvent) => {
  const { id, method, args } = e.data as { id: number; method: string; args: unknown[] };
  try {
    let result: unknown;
    if (method === 'init') client = createPageClient(args[0] as StaticSourceOptions);
    else if (!client) throw new RelaisError('unsupported', { message: 'Index non initialisé.' });
    else if (method === 'ready') result = await client.ready();
    else if (method === 'search') result = await client.search(args[0] as Parameters<RelaisClient['search']>[0]);
    else if (method === 'points') result = await client.points(args[0] as Parameters<RelaisClient['points']>[0], args[1] as { maxPoints?: number });
    else if (method === 'get') result = await client.get(args[0] as string);
    else if (method === 'refresh') client.refresh();
    scope.postMessage({ id, result, diagnostics: client?.diagnostics });
  } catch (err) {
    const r = err instanceof RelaisError ? err : new RelaisError('invalid-payload', { detail: String(err) });
    scope.postMessage({ id, error: { kind: r.kind, status: r.status, detail: r.detail, message: r.message }, diagnostics: client?.diagnostics });
  }
};
