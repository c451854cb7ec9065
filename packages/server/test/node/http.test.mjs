// The HTTP app: routes mounted from Route lists, /health and /ready, CORS allowlist, rate limit, JSON logs without
// personal data, graceful shutdown; the configuration from the environment; and the relais-server command.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, openPglite, migrate, readConfig, ConfigError, RateLimiter, Router, jsonLogger } from '../../dist/index.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const DEMO_FILE = fileURLToPath(new URL('../../../../examples/data/nievre-demo.json', import.meta.url));

describe('HTTP app', () => {
  let db;
  let app;
  let base;
  const lines = [];
  let release;
  const slowStarted = [];
  const routes = [
    {
      method: 'GET',
      path: '/echo/:name',
      async handle(_req, res, ctx) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ name: ctx.params.name, q: ctx.url.searchParams.get('q'), kind: ctx.db.kind }));
      },
    },
    {
      method: 'POST',
      path: '/slow',
      async handle(_req, res) {
        slowStarted.push(1);
        await new Promise((r) => (release = r));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"done":true}');
      },
    },
    {
      method: 'GET',
      path: '/boom',
      async handle() {
        throw Object.assign(new Error('duplicate key value (email)=(jeanne.martin@example.fr)'), { code: '23505' });
      },
    },
  ];

  before(async () => {
    db = await openPglite();
    await migrate(db);
    app = createApp({
      db,
      config: { corsOrigins: ['https://www.ccas-exemple.fr'], rateLimitPerMinute: 40, trustProxy: true, shutdownTimeoutS: 5 },
      log: jsonLogger((l) => lines.push(l)),
      routes: [routes],
    });
    base = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
  });
  after(() => app?.close());

  test('routes with parameters; 404 and 405 as problems in French', async () => {
    const r = await fetch(`${base}/echo/Ni%C3%A8vre?q=x`);
    assert.deepEqual(await r.json(), { name: 'Nièvre', q: 'x', kind: 'pglite' });
    const nf = await fetch(`${base}/nope`);
    assert.equal(nf.status, 404);
    assert.match(nf.headers.get('content-type'), /problem\+json/);
    assert.equal((await nf.json()).title, 'Introuvable');
    const na = await fetch(`${base}/slow`);
    assert.equal(na.status, 405);
    assert.equal(na.headers.get('allow'), 'POST');
  });

  test('/health and /ready (database reachable, migrations applied)', async () => {
    const h = await fetch(`${base}/health`);
    assert.equal(h.status, 200);
    const r = await fetch(`${base}/ready`);
    assert.equal(r.status, 200);
    assert.deepEqual(await r.json(), { status: 'prêt', database: 'pglite', pendingMigrations: [] });
    await db.query("delete from relais_migrations where name = '0002_directory'");
    const notReady = await fetch(`${base}/ready`);
    assert.equal(notReady.status, 503);
    assert.deepEqual((await notReady.json()).pendingMigrations, ['0002_directory']);
    await db.query("insert into relais_migrations (name, checksum) values ('0002_directory', 'x')");
  });

  test('CORS: only the allowed sites get the headers; preflight refused to others', async () => {
    const ok = await fetch(`${base}/echo/a`, { headers: { origin: 'https://www.ccas-exemple.fr' } });
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://www.ccas-exemple.fr');
    assert.match(ok.headers.get('vary'), /Origin/);
    const other = await fetch(`${base}/echo/a`, { headers: { origin: 'https://evil.example' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    const pre = await fetch(`${base}/echo/a`, { method: 'OPTIONS', headers: { origin: 'https://www.ccas-exemple.fr', 'access-control-request-method': 'GET' } });
    assert.equal(pre.status, 204);
    assert.match(pre.headers.get('access-control-allow-methods'), /GET/);
    const preBad = await fetch(`${base}/echo/a`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    assert.equal(preBad.status, 403);
  });

  test('rate limit per client IP (X-Forwarded-For behind a proxy): 429 with Retry-After; others unaffected', async () => {
    const ip = { 'x-forwarded-for': '203.0.113.7' };
    const statuses = [];
    for (let i = 0; i < 42; i++) statuses.push((await fetch(`${base}/echo/a`, { headers: ip })).status);
    assert.equal(statuses.filter((s) => s === 200).length, 40);
    const last = await fetch(`${base}/echo/a`, { headers: ip });
    assert.equal(last.status, 429);
    assert.ok(Number(last.headers.get('retry-after')) > 0);
    assert.match((await last.json()).detail, /réessayez/);
    assert.equal((await fetch(`${base}/echo/a`, { headers: { 'x-forwarded-for': '198.51.100.2' } })).status, 200);
    assert.equal((await fetch(`${base}/health`, { headers: ip })).status, 200, 'health checks are never limited');
  });

  test('a failing handler: 500 in French; the log has the error code, not the message (it may quote personal data)', async () => {
    const r = await fetch(`${base}/boom?nom=Martin`);
    assert.equal(r.status, 500);
    assert.match((await r.json()).detail, /Réessayez/);
    const all = lines.join('');
    assert.match(all, /"event":"request_failed"/);
    assert.match(all, /"code":"23505"/);
    for (const secret of ['jeanne', 'Martin', '203.0.113.7', '198.51.100.2', 'q=x', 'Ni%C3%A8vre', 'Nièvre']) assert.ok(!all.includes(secret), `the logs hold « ${secret} »`);
    const entry = JSON.parse(lines.find((l) => l.includes('"route":"/echo/:name"')));
    assert.deepEqual(Object.keys(entry).sort(), ['event', 'level', 'method', 'ms', 'route', 'status', 't']);
  });

  test('graceful shutdown: a request in flight finishes, new connections are refused, the database is closed', async () => {
    const pending = fetch(`${base}/slow`, { method: 'POST' });
    while (!slowStarted.length) await new Promise((r) => setTimeout(r, 10));
    const closing = app.close();
    await new Promise((r) => setTimeout(r, 50));
    await assert.rejects(fetch(`${base}/health`));
    release();
    const r = await pending;
    assert.equal(r.status, 200);
    assert.deepEqual(await r.json(), { done: true });
    await closing;
    await assert.rejects(db.query('select 1'));
    assert.match(lines.join(''), /shutdown_done/);
  });
});

test('mounted under a base path inside another server (a site serving its API under /api)', async () => {
  // the database is not used by these routes: a stand-in that records nothing
  const db = { kind: 'pglite', query: async () => [], exec: async () => undefined, transaction: async (fn) => fn(db), close: async () => undefined };
  const app = createApp({
    db,
    config: { corsOrigins: [], rateLimitPerMinute: 0, trustProxy: false, shutdownTimeoutS: 1 },
    log: jsonLogger(() => undefined),
    routes: [[{ method: 'GET', path: '/services/:id', handle: async (_q, res, ctx) => res.end(`service ${ctx.params.id}`) }]],
    basePath: '/api/',
  });
  const site = createServer(async (req, res) => {
    if (await app.handle(req, res)) return;
    res.end('page du site');
  });
  await new Promise((r) => site.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${site.address().port}`;
  try {
    assert.equal(await (await fetch(`${base}/api/services/42`)).text(), 'service 42');
    assert.equal(await (await fetch(`${base}/index.html`)).text(), 'page du site');
    assert.equal(await (await fetch(`${base}/apiculture`)).text(), 'page du site');
    assert.equal((await fetch(`${base}/api/health`)).status, 200);
    assert.equal((await fetch(`${base}/api/nope`)).status, 404);
  } finally {
    site.close();
  }
});

test('configuration: defaults, and bad values refused in French naming the variable', () => {
  const c = readConfig({});
  assert.equal(c.databaseUrl, undefined);
  assert.equal(c.port, 8787);
  assert.deepEqual(c.corsOrigins, []);
  assert.equal(c.rateLimitPerMinute, 300);
  const d = readConfig({ DATABASE_URL: 'postgres://u:p@db:5432/relais', PORT: '9000', RELAIS_CORS_ORIGINS: 'https://a.fr, https://b.fr/', RELAIS_TRUST_PROXY: '1' });
  assert.deepEqual([d.databaseUrl, d.port, d.corsOrigins, d.trustProxy], ['postgres://u:p@db:5432/relais', 9000, ['https://a.fr', 'https://b.fr'], true]);
  assert.throws(() => readConfig({ PORT: 'abc' }), (e) => e instanceof ConfigError && /PORT/.test(e.message));
  assert.throws(() => readConfig({ RELAIS_CORS_ORIGINS: 'https://a.fr/chemin' }), /RELAIS_CORS_ORIGINS/);
  assert.throws(() => readConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/);
  assert.equal(c.basePath, '');
  assert.equal(readConfig({ RELAIS_BASE_PATH: '/api/' }).basePath, '/api');
  assert.equal(readConfig({ RELAIS_BASE_PATH: '/departement/annuaire' }).basePath, '/departement/annuaire');
  for (const bad of ['api', '/api?x=1', '/a b', '//evil.example']) assert.throws(() => readConfig({ RELAIS_BASE_PATH: bad }), (e) => e instanceof ConfigError && /RELAIS_BASE_PATH/.test(e.message), bad);
});

test('rate limiter: a fixed window per key that resets each minute', () => {
  let now = 60_000 * 10;
  const rl = new RateLimiter(2, () => now);
  assert.deepEqual([rl.hit('a').ok, rl.hit('a').ok, rl.hit('a').ok, rl.hit('b').ok], [true, true, false, true]);
  now += 60_000;
  assert.equal(rl.hit('a').ok, true);
  assert.equal(new RateLimiter(0).hit('x').ok, true);
});

test('router: parameters, methods, duplicates refused', () => {
  const h = async () => undefined;
  const r = new Router([{ method: 'GET', path: '/liaison/sheets/:id', handle: h }], [{ method: 'POST', path: '/liaison/sheets', handle: h }]);
  assert.deepEqual(r.match('GET', '/liaison/sheets/a%20b').params, { id: 'a b' });
  assert.deepEqual(r.match('DELETE', '/liaison/sheets/1'), { allowed: ['GET'] });
  assert.equal(r.match('GET', '/liaison/sheets/1/x'), null);
  assert.throws(() => r.add({ method: 'POST', path: '/liaison/sheets', handle: h }), /double/);
});

test('relais-server: import a file, serve it, stop on SIGTERM', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'relais-cli-'));
  const env = { ...process.env, RELAIS_DATA_DIR: dir, DATABASE_URL: '', PORT: '0' };
  try {
    const imp = spawn(process.execPath, [CLI, 'import', DEMO_FILE], { env });
    let out = '';
    imp.stdout.on('data', (d) => (out += d));
    assert.equal(await new Promise((r) => imp.on('exit', r)), 0);
    const report = out.split('\n').filter(Boolean).map((l) => JSON.parse(l)).find((l) => l.event === 'import');
    assert.equal(report.origin, 'nievre-demo.json');
    assert.ok(report.inserted > 700);

    const srv = spawn(process.execPath, [CLI], { env });
    let log = '';
    const port = await new Promise((resolve, reject) => {
      srv.stdout.on('data', (d) => {
        log += d;
        const m = /"event":"listening".*"port":(\d+)/.exec(log);
        if (m) resolve(Number(m[1]));
      });
      srv.on('exit', (c) => reject(new Error(`exit ${c}`)));
    });
    const r = await fetch(`http://127.0.0.1:${port}/services?q=ehpad&code_commune=58079&size=1`);
    const body = await r.json();
    assert.match(body.items[0].structure.nom, /EHPAD/);
    srv.kill('SIGTERM');
    assert.equal(await new Promise((r) => srv.on('exit', r)), 0);
    assert.match(log, /shutdown_done/);

    const bad = spawn(process.execPath, [CLI, 'import'], { env });
    let err = '';
    bad.stderr.on('data', (d) => (err += d));
    assert.equal(await new Promise((r) => bad.on('exit', r)), 2);
    assert.match(err, /Indiquez au moins un fichier/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
