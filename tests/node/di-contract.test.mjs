// Contract tests of the data·inclusion source against the official API v1 OpenAPI file (tests/contract/, Licence
// Ouverte 2.0): the vendored file is the official one minus prose; the test double enforces it; every extension value
// maps to official values only. Run after `npx tsc -b packages/core`: node --test tests/node/di-contract.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DI_SPEC, checkRequest, validate } from '../server/openapi-check.mjs';
import { createDataInclusionDouble } from '../server/data-inclusion-double.mjs';
import { THEMATIQUES, PUBLICS, createClient } from '../../packages/core/dist/headless.js';
import { DI_THEMATIQUE_EQUIVALENTS, DI_PUBLIC_EQUIVALENTS, toDiThematiques, toDiPublics } from '../../packages/core/dist/client/di-language.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const official = join(root, '../shared/data/data-inclusion-schema-v1/openapi-v1.json');
const schemas = DI_SPEC.components.schemas;

test('the vendored file is the official one without its prose (checked when ../shared is there)', { skip: !existsSync(official) && 'no ../shared' }, () => {
  const spec = JSON.parse(readFileSync(official, 'utf8'));
  assert.deepEqual(Object.keys(DI_SPEC.paths).sort(), Object.keys(spec.paths).sort());
  for (const name of ['Thematique', 'Categorie', 'Public', 'ModeAccueil', 'Frais', 'TypeService', 'ReseauPorteur']) assert.deepEqual(schemas[name].enum, spec.components.schemas[name].enum, name);
  const params = (s) => s.paths['/api/v1/search/services'].get.parameters.map((p) => p.name);
  assert.deepEqual(params(DI_SPEC), params(spec));
  assert.match(DI_SPEC['x-relais-vendored'].licence, /Licence Ouverte 2\.0/);
  assert.ok(existsSync(join(root, 'tests/contract/LICENCE-ouverte-2.0.md')));
});

test('the search endpoint, as the spec says: no q, no code_departement, lat/lon, exclure_doublons, size ≤ 10 000', () => {
  const names = DI_SPEC.paths['/api/v1/search/services'].get.parameters.map((p) => p.name);
  assert.ok(!names.includes('q'));
  assert.ok(!names.includes('code_departement'));
  for (const n of ['code_commune', 'lat', 'lon', 'thematiques', 'publics', 'exclure_doublons']) assert.ok(names.includes(n), n);
  const ok = checkRequest(DI_SPEC, '/api/v1/search/services', new URLSearchParams('thematiques=famille--soutien-aidants&thematiques=sante&size=20&q=ignored'));
  assert.deepEqual(ok.errors, []);
  assert.deepEqual(ok.ignored, ['q']);
  const bad = checkRequest(DI_SPEC, '/api/v1/search/services', new URLSearchParams('thematiques=autonomie--repit-des-aidants&size=10001&code_commune=123'));
  assert.deepEqual(bad.errors.map((e) => [e.loc.join('.'), e.type]).sort(), [['query.code_commune', 'string_too_short'], ['query.size', 'less_than_equal'], ['query.thematiques.0', 'enum']]);
});

test('every extension thematique and public maps to official values only, and never silently', () => {
  const thematiques = new Set([...schemas.Thematique.enum, ...schemas.Categorie.enum]);
  const publics = new Set(schemas.Public.enum);
  for (const t of THEMATIQUES.filter((x) => x.extension)) {
    assert.ok(DI_THEMATIQUE_EQUIVALENTS[t.value]?.length, `${t.value} has no national equivalent`);
    for (const v of DI_THEMATIQUE_EQUIVALENTS[t.value]) assert.ok(thematiques.has(v), `${t.value} → ${v} is not in the spec`);
    const r = toDiThematiques([t.value]);
    assert.deepEqual(r.unsupported, [`thematiques:${t.value}`]);
  }
  for (const p of PUBLICS.filter((x) => x.extension)) {
    assert.ok(p.value in DI_PUBLIC_EQUIVALENTS, p.value);
    const eq = DI_PUBLIC_EQUIVALENTS[p.value];
    if (eq) assert.ok(publics.has(eq), `${p.value} → ${eq}`);
    assert.deepEqual(toDiPublics([p.value]).unsupported, [`publics:${p.value}`]);
  }
  // an alternative with no counterpart drops its whole filter: leaving it out would narrow the results
  assert.equal(toDiPublics(['seniors', 'proches-aidants']).values, undefined);
  assert.deepEqual(toDiPublics(['seniors']).values, ['seniors', 'tous-publics']);
});

const serve = async (fn) => {
  const handler = createDataInclusionDouble();
  const srv = http.createServer(async (req, res) => {
    if (!(await handler(req, res, new URL(req.url, 'http://localhost')))) {
      res.writeHead(404);
      res.end('{}');
    }
  });
  await new Promise((r) => srv.listen(0, r));
  const base = `http://localhost:${srv.address().port}/di`;
  try {
    await fn(base, async (q, token = 'test-token') => {
      const res = await fetch(`${base}/api/v1/search/services?${q}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      return { status: res.status, body: await res.json() };
    });
  } finally {
    srv.close();
  }
};

test('the double: 401 without a token; 422 in FastAPI\'s shape for an extension value; pages as the spec says', () =>
  serve(async (base, get) => {
    assert.equal((await get('', '')).status, 401);
    const refused = await get('thematiques=autonomie--hebergement-permanent');
    assert.equal(refused.status, 422);
    assert.deepEqual(validate(DI_SPEC, { $ref: '#/components/schemas/HTTPValidationError' }, refused.body), []);
    assert.deepEqual(refused.body.detail[0].loc, ['query', 'thematiques', 0]);
    const page = await get('size=7&page=2&bbox=1,2,3,4');
    assert.equal(page.status, 200, 'an unknown parameter is ignored');
    assert.deepEqual(validate(DI_SPEC, { $ref: '#/components/schemas/Page_ServiceSearchResult_' }, page.body), [], 'the page follows the spec');
    assert.deepEqual([page.body.page, page.body.size, page.body.pages], [2, 7, Math.ceil(page.body.total / 7)]);
    assert.ok(page.body.items.every((i) => i.service.structure && i.service.structure.id === i.service.structure_id), 'structure nested in the service');
  }));

test('the double: a point alone is ignored; with a commune, 50 km, whole km, nearest first; unknown commune 422', () =>
  serve(async (base, get) => {
    const all = await get('size=10000');
    const alone = await get('lat=47.4589&lon=3.5188&size=10000');
    assert.equal(alone.body.total, all.body.total);
    assert.ok(alone.body.items.every((i) => i.distance === null));
    assert.equal((await get('lat=47.4589')).status, 422);
    const near = await get('code_commune=58079&lat=47.4589&lon=3.5188&size=10000');
    assert.ok(near.body.total < all.body.total);
    const d = near.body.items.map((i) => i.distance).filter((x) => x !== null);
    assert.ok(d.length > 0);
    assert.ok(d.every((x) => Number.isInteger(x) && x <= 50));
    assert.deepEqual(d, [...d].sort((a, b) => a - b));
    const unknown = await get('code_commune=99999');
    assert.deepEqual([unknown.status, unknown.body.detail], [422, 'This `code_commune` does not exist.']);
    const dup = await get('size=10000&exclure_doublons=true');
    assert.equal(all.body.total - dup.body.total, 3, 'the three duplicates of the second source');
  }));

test('the SDK sends only requests the spec accepts, for every need and filter', () =>
  serve(async (base) => {
    const c = createClient({ source: 'data-inclusion', baseUrl: base, token: 'test-token', cacheTtlMs: 0 });
    const queries = [
      ...THEMATIQUES.map((t) => ({ thematiques: [t.value], commune: '58194' })),
      ...PUBLICS.map((p) => ({ publics: [p.value] })),
      { text: 'carte grise', near: { lat: 47.4589, lon: 3.5188 } },
      { modesAccueil: ['a-domicile', 'en-presentiel'], frais: ['gratuit'], types: ['information'], typologies: ['ehpad', 'france-services'] },
      { bbox: [3.1, 46.9, 3.2, 47.05], openAt: '2026-11-23T10:00:00+01:00', departements: ['58'], sort: 'name' },
    ];
    await fetch(`${base}/_requests?clear=1`);
    for (const q of queries) await c.search(q);
    const sent = await (await fetch(`${base}/_requests`)).json();
    assert.ok(sent.length >= queries.length);
    // the département scope with no place reads the département listings: their requests are checked too
    assert.deepEqual([...new Set(sent.map((r) => r.path))].sort(), ['/api/v1/search/services', '/api/v1/services', '/api/v1/structures']);
    assert.deepEqual(sent.flatMap((r) => r.errors), []);
    assert.deepEqual(sent.flatMap((r) => r.ignored), []);
  }));

test('a 422 of the API reads as a French sentence', async () => {
  const { diRefusal } = await import('../../packages/core/dist/client/remote-sources.js');
  assert.equal(diRefusal({ detail: 'This `code_commune` does not exist.' }, { commune: '99999' }), 'Commune inconnue : 99999.');
  assert.equal(diRefusal({ detail: [{ type: 'string_too_short', loc: ['query', 'code_commune'], msg: '…', input: '123' }] }, {}), 'Commune inconnue : 123.');
  assert.equal(
    diRefusal({ detail: [{ type: 'enum', loc: ['query', 'thematiques', 0], msg: 'Input should be …', input: 'autonomie--x' }] }, {}),
    'Le répertoire data·inclusion refuse la valeur « autonomie--x » pour « thematiques ».',
  );
  assert.equal(diRefusal(null, {}), 'Le répertoire data·inclusion a refusé la recherche (erreur 422).');
  assert.equal(diRefusal({ detail: [{ type: 'enum', loc: ['query', 'code_departement'], msg: 'Input should be …', input: '20' }] }, {}), 'Département inconnu : 20.');
});
