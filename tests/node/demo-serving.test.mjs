// How the demo server sends its files: brotli / gzip / identity per Accept-Encoding with Vary, ETag and 304,
// `no-cache` for pages and unversioned files, a year `immutable` only for versioned ones (/cdn/<version>/ and the
// content-hashed chunks); `compression: false` sends everything as it is. Real HTTP requests on an ephemeral port.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { getRaw as get, decode } from '../../packages/server/test/node/http-raw.mjs';
import { createDemoServer, CDN_PATH, isVersioned } from '../../examples/server/server.mjs';

const CDN = new URL('../../packages/relais/dist/cdn/', import.meta.url);
const IMMUTABLE = 'public, max-age=31536000, immutable';

const listen = async (server) => {
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${server.address().port}`;
};

let server;
let plain;
let base;
let plainBase;
before(async () => {
  server = createDemoServer();
  plain = createDemoServer({ compression: false });
  base = await listen(server);
  plainBase = await listen(plain);
});
after(() => {
  server?.close();
  plain?.close();
});

test('the classic script in brotli, gzip or identity, the same bytes once decoded, with Vary and an ETag per coding', async () => {
  const file = readFileSync(new URL('relais.iife.js', CDN));
  const br = await get(`${base}/relais/relais.iife.js`, { 'accept-encoding': 'gzip, deflate, br' });
  const gz = await get(`${base}/relais/relais.iife.js`, { 'accept-encoding': 'gzip' });
  const id = await get(`${base}/relais/relais.iife.js`, { 'accept-encoding': 'identity' });
  assert.deepEqual([br.headers['content-encoding'], gz.headers['content-encoding'], id.headers['content-encoding']], ['br', 'gzip', undefined]);
  for (const r of [br, gz, id]) {
    assert.equal(r.status, 200);
    assert.ok(decode(r).equals(file));
    assert.equal(Number(r.headers['content-length']), r.body.length);
    assert.equal(r.headers.vary, 'Accept-Encoding');
    assert.equal(r.headers['cache-control'], 'no-cache');
    assert.match(r.headers['content-security-policy'], /script-src 'self'/);
  }
  assert.ok(br.body.length < gz.body.length && gz.body.length < file.length / 3, `br ${br.body.length}, gzip ${gz.body.length}, raw ${file.length}`);
  assert.equal(new Set([br.headers.etag, gz.headers.etag, id.headers.etag]).size, 3);
});

test('304 when the ETag matches, 200 again when it does not', async () => {
  const first = await get(`${base}/index.html`, { 'accept-encoding': 'br' });
  assert.equal(first.headers['content-encoding'], 'br');
  const again = await get(`${base}/index.html`, { 'accept-encoding': 'br', 'if-none-match': first.headers.etag });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
  assert.equal(again.headers.etag, first.headers.etag);
  assert.equal(again.headers['cache-control'], 'no-cache');
  assert.equal((await get(`${base}/index.html`, { 'accept-encoding': 'br', 'if-none-match': '"autre"' })).status, 200);
  // the gzip copy's tag does not validate the brotli copy
  const gz = await get(`${base}/index.html`, { 'accept-encoding': 'gzip' });
  assert.equal((await get(`${base}/index.html`, { 'accept-encoding': 'br', 'if-none-match': gz.headers.etag })).status, 200);
});

test('immutable for a year only on versioned paths: /cdn/<version>/ and the hashed chunks', async () => {
  const chunk = readdirSync(new URL('chunks/', CDN)).find((f) => /-[\w-]{8}\.js$/.test(f));
  assert.ok(chunk, 'a content-hashed chunk in the build');
  const versioned = await get(`${base}${CDN_PATH}relais.js`, { 'accept-encoding': 'br' });
  assert.equal(versioned.status, 200);
  assert.equal(versioned.headers['cache-control'], IMMUTABLE);
  assert.ok(decode(versioned).equals(readFileSync(new URL('relais.js', CDN))));
  assert.equal((await get(`${base}/relais/chunks/${chunk}`)).headers['cache-control'], IMMUTABLE);
  for (const path of ['/relais/relais.js', '/relais/widgets/relais-directory.js', '/relais/chunks/static-worker.js', '/', '/site.css', '/data/nievre.json']) {
    const r = await get(`${base}${path}`, { 'accept-encoding': 'br' });
    assert.equal(r.status, 200, path);
    assert.equal(r.headers['cache-control'], 'no-cache', path);
    assert.ok(r.headers.etag, path);
  }
  assert.equal(isVersioned('/relais/chunks/static-worker.js'), false);
  assert.equal(isVersioned(`${CDN_PATH}widgets/relais-map.js`), true);
});

test('small or already compressed files and the API: what is worth it', async () => {
  const icon = await get(`${base}/favicon.svg`, { 'accept-encoding': 'br' });
  assert.equal(icon.status, 200);
  if (icon.body.length < 1024) assert.equal(icon.headers['content-encoding'], undefined);
  const api = await get(`${base}/api/services?q=ehpad&code_commune=58079&size=20`, { 'accept-encoding': 'br' });
  assert.equal(api.headers['content-encoding'], 'br');
  assert.match(api.headers.vary, /Accept-Encoding/);
  assert.ok(JSON.parse(decode(api).toString('utf8')).items.length > 0);
  assert.equal((await get(`${base}/relais/nope.js`, { 'accept-encoding': 'br' })).status, 404);
});

test('compression: false (the bench’s « before »): identity everywhere, even when the client asks', async () => {
  for (const path of ['/relais/relais-all.js', '/', '/api/services?q=ehpad&code_commune=58079&size=20']) {
    const r = await get(`${plainBase}${path}`, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(r.status, 200, path);
    assert.equal(r.headers['content-encoding'], undefined, path);
  }
});
