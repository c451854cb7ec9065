// Compressed answers of the app: brotli or gzip per Accept-Encoding with Vary, identity otherwise, small bodies and
// non-text types as they are; and the negotiation itself. Real HTTP requests on an ephemeral port.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { getRaw as get, decode } from './http-raw.mjs';
import { acceptedEncoding, isCompressible, createApp, openPglite, migrate, importFile, directoryRoutes, sendJson, jsonLogger } from '../../dist/index.js';

const DEMO_FILE = new URL('../../../../examples/data/nievre-demo.json', import.meta.url).pathname;


let db;
let app;
let base;
const big = { items: Array.from({ length: 200 }, (_, i) => ({ id: `service-${i}`, nom: 'Service d’aide à domicile de la Nièvre' })) };
before(async () => {
  db = await openPglite();
  await migrate(db);
  await importFile(db, DEMO_FILE);
  const extra = [
    { method: 'GET', path: '/gros', handle: async (_q, res) => sendJson(res, 200, big) },
    { method: 'GET', path: '/petit', handle: async (_q, res) => sendJson(res, 200, { ok: true }) },
  ];
  app = createApp({ db, config: { corsOrigins: ['https://www.ccas-exemple.fr'], rateLimitPerMinute: 0, trustProxy: false, shutdownTimeoutS: 2 }, log: jsonLogger(() => undefined), routes: [directoryRoutes, extra] });
  base = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
});
after(() => app?.close());

test('a JSON answer in brotli, gzip or identity per Accept-Encoding, the same JSON each time, with Vary', async () => {
  const br = await get(`${base}/gros`, { 'accept-encoding': 'gzip, deflate, br' });
  const gz = await get(`${base}/gros`, { 'accept-encoding': 'gzip' });
  const id = await get(`${base}/gros`, {});
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(id.headers['content-encoding'], undefined);
  for (const r of [br, gz, id]) {
    assert.deepEqual(JSON.parse(decode(r).toString('utf8')), big);
    assert.equal(Number(r.headers['content-length']), r.body.length);
    assert.match(r.headers.vary, /Accept-Encoding/);
  }
  assert.ok(br.body.length < id.body.length / 5, `brotli ${br.body.length} B against ${id.body.length} B`);
  assert.ok(gz.body.length < id.body.length / 5);
  // CORS still varies on Origin
  assert.match((await get(`${base}/gros`, { 'accept-encoding': 'br', origin: 'https://www.ccas-exemple.fr' })).headers.vary, /Origin.*Accept-Encoding/);
  // br refused with q=0: gzip
  assert.equal((await get(`${base}/gros`, { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding'], 'gzip');
});

test('the directory search answers compressed; a small body as it is', async () => {
  const r = await get(`${base}/services?q=ehpad&code_commune=58079&size=20`, { 'accept-encoding': 'br' });
  assert.equal(r.status, 200);
  assert.equal(r.headers['content-encoding'], 'br');
  assert.equal(r.headers['cache-control'], 'no-store');
  assert.ok(JSON.parse(decode(r).toString('utf8')).items.length > 0);
  const small = await get(`${base}/petit`, { 'accept-encoding': 'br' });
  assert.equal(small.headers['content-encoding'], undefined);
  assert.deepEqual(JSON.parse(small.body.toString('utf8')), { ok: true });
});

test('negotiation: preferences, q=0, wildcard; text types only', () => {
  assert.equal(acceptedEncoding('gzip, deflate, br, zstd'), 'br');
  assert.equal(acceptedEncoding('gzip'), 'gzip');
  assert.equal(acceptedEncoding('br;q=0.5, gzip;q=1'), 'gzip');
  assert.equal(acceptedEncoding('identity'), null);
  assert.equal(acceptedEncoding(undefined), null);
  assert.equal(acceptedEncoding('*'), 'br');
  assert.equal(acceptedEncoding('*, br;q=0'), 'gzip');
  assert.equal(acceptedEncoding('gzip;q=0, br;q=0'), null);
  for (const t of ['application/json; charset=utf-8', 'application/problem+json', 'text/html', 'text/javascript', 'image/svg+xml']) assert.ok(isCompressible(t), t);
  for (const t of ['image/png', 'font/woff2', 'application/gzip', 'application/octet-stream', undefined]) assert.ok(!isCompressible(t), String(t));
});
