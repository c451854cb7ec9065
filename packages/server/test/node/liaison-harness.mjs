// Test harness of the liaison routes: the test databases with the migrations applied, and a small HTTP server that
// mounts a Route[] the way the server's app does (method + path with `:name` parameters).
import { createServer } from 'node:http';
import { migrate } from '../../dist/index.js';
import { DATABASES } from './databases.mjs';

/** The databases the tests run on (PGlite always, PostgreSQL when RELAIS_TEST_DATABASE_URL is set), migrated. */
export const MIGRATED = DATABASES.map(({ name, open }) => ({
  name,
  async open() {
    const db = await open();
    await migrate(db);
    return db;
  },
}));

/** A logger that keeps every line (to check that no content is logged). */
export function memoryLogger() {
  const lines = [];
  const at = (level) => (event, fields = {}) => lines.push(JSON.stringify({ level, event, ...fields }));
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * Serves `routes` on loopback under `/api` (route paths are relative to the app's base path), with a handler that
 * does not close the shared database; returns its origin and a close function.
 */
export async function serveRoutes(routes, { db, log, env = {} }) {
  const basePath = '/api';
  const compiled = routes.map((r) => ({ r, re: new RegExp(`^${basePath}${r.path.replace(/:(\w+)/g, '(?<$1>[^/]+)')}$`) }));
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const hit = compiled.find(({ r, re }) => r.method === req.method && re.test(url.pathname));
    if (!hit) {
      req.resume();
      return res.writeHead(404).end();
    }
    try {
      await hit.r.handle(req, res, { db, log, url, params: { ...hit.re.exec(url.pathname).groups }, env, basePath });
    } catch (e) {
      log.error('test.unhandled', { message: String(e?.message ?? e) });
      if (!res.headersSent) res.writeHead(500).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}
