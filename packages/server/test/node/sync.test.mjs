// The data·inclusion sync against the test double that enforces the official OpenAPI (tests/server/
// data-inclusion-double.mjs), over real HTTP on loopback; never against the SDK's own engine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createDataInclusionDouble, diRecords } from '../../../../tests/server/data-inclusion-double.mjs';
import { DI_SPEC, validate } from '../../../../tests/server/openapi-check.mjs';
import { syncDataInclusion, createMemorySyncSink, retryAfterMs, syncConfigFromEnv } from '../../dist/sync/data-inclusion.js';

const TOKEN = 'di-server-token-7c1e';
const double = createDataInclusionDouble({ prefix: '/di', token: TOKEN });
/** Faults injected before the double answers: a queue of statuses (with headers) served to the next requests. */
const faults = [];
const seen = [];
let server;
let baseUrl;
before(async () => {
  server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    seen.push({ path: url.pathname, query: url.searchParams, authorization: req.headers.authorization });
    const f = faults.shift();
    if (f) {
      res.writeHead(f.status, { 'content-type': 'application/json', ...f.headers });
      return res.end(JSON.stringify({ detail: 'injected' }));
    }
    if (!(await double(req, res, url))) res.writeHead(404).end();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${server.address().port}/di`;
});
after(() => server.close());

const noSleep = [];
const sleep = async (ms) => void noSleep.push(ms);
const run = (sink, extra = {}) => syncDataInclusion({ baseUrl, token: TOKEN, departement: '58', sink, size: 100, sleep, ...extra });

// what the double serves for the Nièvre, computed from its records (not from the sync)
const records = diRecords();
const structureIds = new Set(records.filter((s) => !s.duplicateOf).map((s) => s.structure.id));
const keptServices = records.filter((s) => !s.duplicateOf).length;
const duplicateServices = records.filter((s) => s.duplicateOf).length;

test('a first run reads every page with an explicit size and creates every record, duplicates left out', async () => {
  seen.length = 0;
  const sink = createMemorySyncSink();
  const report = await run(sink);
  assert.deepEqual(report.errors, []);
  assert.equal(report.complete, true);
  assert.equal(report.structures.created, structureIds.size);
  assert.equal(report.services.created, keptServices);
  assert.equal(report.services.duplicates, duplicateServices);
  assert.equal(duplicateServices, 3);
  assert.equal(report.pages, Math.ceil(structureIds.size / 100) + Math.ceil((keptServices + duplicateServices) / 100));
  assert.equal(report.requests, report.pages);
  // every request: the token, the territory, a size; the double's own log says none broke the spec
  for (const r of seen) {
    assert.equal(r.authorization, `Bearer ${TOKEN}`);
    assert.equal(r.query.get('code_departement'), '58');
    assert.equal(r.query.get('size'), '100');
  }
  const log = await (await fetch(`${baseUrl}/_requests?clear=1`)).json();
  assert.ok(log.length >= report.pages);
  assert.deepEqual(log.flatMap((l) => [...l.errors, ...l.ignored]), []);
  // records keep their source; no record of the duplicate source's structures
  const svc = sink.records.service.get(records[0].id);
  assert.equal(svc.source, records[0].source);
  assert.ok([...sink.records.service.values()].every((s) => !s.structure_id.startsWith('dora--')));
  assert.equal(sink.reports.length, 1);
});

test('the pages the double serves follow the official spec (what the sync reads is real API shape)', async () => {
  for (const [path, schema] of [['structures', 'Page_ListedStructure_'], ['services', 'Page_Service_']]) {
    const res = await fetch(`${baseUrl}/api/v1/${path}?code_departement=58&size=50&page=2`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const body = await res.json();
    assert.deepEqual(validate(DI_SPEC, { $ref: `#/components/schemas/${schema}` }, body), [], path);
    assert.equal(body.items.length, 50);
  }
  const other = await (await fetch(`${baseUrl}/api/v1/services?code_departement=89&size=10`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();
  assert.equal(other.total, 0, 'the territory filter is real');
});

test('incremental by date_maj: a second run writes nothing; a later date_maj updates; a record gone is withdrawn', async () => {
  const sink = createMemorySyncSink();
  await run(sink);
  const again = await run(sink);
  assert.equal(again.services.created + again.services.updated, 0);
  assert.equal(again.services.unchanged, keptServices);
  assert.equal(again.structures.unchanged, structureIds.size);
  // the stored copy of one service is older than the API's, another one is unknown to the API
  const id = records[5].id;
  sink.records.service.set(id, { ...sink.records.service.get(id), date_maj: '2000-01-01' });
  sink.records.service.set('ancien--service', { id: 'ancien--service', source: 'dora', nom: 'Fermé', date_maj: '2020-01-01' });
  const third = await run(sink);
  assert.equal(third.services.updated, 1);
  assert.equal(sink.records.service.get(id).date_maj, records[5].date_maj);
  assert.equal(third.services.withdrawn, 1);
  assert.ok(sink.withdrawn.service.has('ancien--service'));
});

test('429 and 503 are retried with backoff (Retry-After honoured); the run still completes', async () => {
  noSleep.length = 0;
  faults.push({ status: 429, headers: { 'retry-after': '7' } }, { status: 503 }, { status: 502 });
  const sink = createMemorySyncSink();
  const report = await run(sink);
  assert.deepEqual(report.errors, []);
  assert.equal(report.retries, 3);
  assert.equal(report.requests, report.pages + 3);
  assert.equal(noSleep[0], 7000);
  assert.ok(noSleep[1] >= 500 && noSleep[1] <= 1000, `second backoff ${noSleep[1]}`);
  assert.ok(noSleep[2] >= 1000 && noSleep[2] <= 2000, `third backoff ${noSleep[2]}`);
  assert.equal(report.services.created, keptServices);
});

test('retries exhausted: the run stops with a French error and withdraws nothing', async () => {
  const sink = createMemorySyncSink();
  await run(sink);
  for (let i = 0; i < 3; i++) faults.push({ status: 500 });
  const report = await run(sink, { retries: 2 });
  assert.equal(report.complete, false);
  assert.equal(report.errors.length, 1);
  assert.equal(report.errors[0].status, 500);
  assert.match(report.errors[0].message, /ne répond pas .* après 3 essais : erreur 500 du serveur/);
  assert.equal(report.structures.withdrawn + report.services.withdrawn, 0);
  assert.equal(sink.withdrawn.service.size, 0);
});

test('a wrong token stops at once (401, no retry) and the message never holds the token', async () => {
  const report = await run(createMemorySyncSink(), { token: 'mauvais-jeton-secret-123' });
  assert.equal(report.requests, 1);
  assert.equal(report.errors[0].status, 401);
  assert.match(report.errors[0].message, /refuse le jeton/);
  assert.ok(!JSON.stringify(report).includes('mauvais-jeton-secret-123'));
});

test('a network failure is retried; an aborted run reports it', async () => {
  let calls = 0;
  const flaky = (url, init) => (++calls === 1 ? Promise.reject(new TypeError('fetch failed')) : fetch(url, init));
  const report = await run(createMemorySyncSink(), { fetch: flaky });
  assert.deepEqual(report.errors, []);
  assert.equal(report.retries, 1);
  const ac = new AbortController();
  ac.abort();
  const stopped = await run(createMemorySyncSink(), { signal: ac.signal });
  assert.match(stopped.errors[0].message, /interrompue/);
});

test('configuration from the environment: no token, no sync; bad département or size refused in French', () => {
  assert.equal(syncConfigFromEnv({}), null);
  assert.deepEqual(syncConfigFromEnv({ DI_API_TOKEN: 't', RELAIS_DEPARTEMENT: '2a' }), { baseUrl: 'https://api.data.inclusion.beta.gouv.fr', token: 't', departement: '2A', size: 1000 });
  assert.throws(() => syncConfigFromEnv({ DI_API_TOKEN: 't', RELAIS_DEPARTEMENT: '20' }), /code du département/);
  assert.throws(() => syncConfigFromEnv({ DI_API_TOKEN: 't', RELAIS_DEPARTEMENT: '58', DI_SYNC_PAGE_SIZE: '20000' }), /1 à 10 000/);
  assert.equal(retryAfterMs('12'), 12_000);
  assert.equal(retryAfterMs(new Date(Date.now() + 5000).toUTCString()) > 3000, true);
  assert.equal(retryAfterMs('demain'), undefined);
});

test('a sink that fails stops the run with a French error; nothing is withdrawn; records that are not records are counted', async () => {
  const sink = createMemorySyncSink();
  let withdrawals = 0;
  const failing = { ...sink, upsert: async (kind, list) => (kind === 'service' ? Promise.reject(new Error('disque plein')) : sink.upsert(kind, list)), withdrawMissing: async () => ++withdrawals };
  const report = await run(failing);
  assert.equal(report.complete, false);
  assert.match(report.errors[0].message, /Échec de l’écriture dans l’annuaire : disque plein/);
  assert.equal(withdrawals, 0);
  assert.equal(report.structures.created, structureIds.size);
  // an API page holding something that is not a record (no id, no date_maj)
  const broken = (url, init) => fetch(url, init).then(async (res) => {
    const body = await res.json();
    if (String(url).includes('/services')) body.items.push({ nom: 'sans identifiant' }, { id: 'x', source: 'y', nom: 'sans date' });
    return new Response(JSON.stringify(body), { status: res.status, headers: { 'content-type': 'application/json' } });
  });
  const r2 = await run(createMemorySyncSink(), { fetch: broken });
  assert.equal(r2.services.invalid, 2 * r2.pages - 2 * Math.ceil(structureIds.size / 100));
  assert.equal(r2.services.created, keptServices);
});
