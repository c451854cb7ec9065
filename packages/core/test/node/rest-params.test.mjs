// The REST contract's parameters read into a SearchQuery (readRestSearchParams), the one reading shared by
// @relais/server and the reference handler of the examples: every parameter of packages/core/rest-openapi.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createClient, readRestSearchParams } from '../../dist/headless.js';

const read = (qs) => readRestSearchParams(new URLSearchParams(qs));

test('every parameter of the contract is read, lists repeated', () => {
  const { query, errors } = read('q=aide+à+domicile&thematiques=a&thematiques=b&publics=p&types=t&typologies=CCAS&modes_accueil=a-distance&frais=gratuit&code_commune=58079&departements=58&departements=2A&lat=47.46&lon=3.52&rayon_km=20000&bbox=3,47,4,48&ouvert_a=2026-12-02T10:00:00Z&tri=distance&page=2&size=50');
  assert.deepEqual(errors, []);
  assert.deepEqual(query, {
    text: 'aide à domicile', thematiques: ['a', 'b'], publics: ['p'], types: ['t'], typologies: ['CCAS'], modesAccueil: ['a-distance'], frais: ['gratuit'],
    commune: '58079', departements: ['58', '2A'], near: { lat: 47.46, lon: 3.52, radiusKm: 20000 }, bbox: [3, 47, 4, 48], openAt: '2026-12-02T10:00:00Z', sort: 'distance', page: 2, pageSize: 50,
  });
});

test('refused parameters come back by name with a French reason, the others are still read', () => {
  const cases = [
    ['code_commune=5807', 'code_commune'], ['departements=580', 'departements'], ['lat=47', 'lon'], ['lon=3', 'lat'], ['lat=91&lon=3', 'lat'],
    ['rayon_km=10', 'rayon_km'], ['lat=47&lon=3&rayon_km=0', 'rayon_km'], ['lat=47&lon=3&rayon_km=20001', 'rayon_km'], ['bbox=4,47,3,48', 'bbox'], ['bbox=1,2,3', 'bbox'],
    ['ouvert_a=demain', 'ouvert_a'], ['tri=hasard', 'tri'], ['page=0', 'page'], ['size=201', 'size'], ['size=', 'size'], [`q=${'a'.repeat(201)}`, 'q'],
  ];
  for (const [qs, name] of cases) {
    const { query, errors } = read(`${qs}&publics=seniors`);
    assert.deepEqual(errors.map((e) => e.name), [name], qs);
    assert.match(errors[0].reason, /[a-zé]/, qs);
    assert.deepEqual(query.publics, ['seniors'], qs);
  }
});

test('the contract names no query parameter that is not read, and reads none it does not name', () => {
  const spec = JSON.parse(readFileSync(new URL('../../rest-openapi.json', import.meta.url), 'utf8'));
  const named = spec.paths['/services'].get.parameters.map((p) => p.name).sort();
  const readable = named.filter((name) => {
    const value = { code_commune: '58079', departements: '58', lat: '47', lon: '3', rayon_km: '5', bbox: '3,47,4,48', ouvert_a: '2026-12-02T10:00:00Z', tri: 'name', page: '1', size: '10' }[name] ?? 'x';
    const extra = name === 'rayon_km' ? '&lat=47&lon=3' : name === 'lat' ? '&lon=3' : name === 'lon' ? '&lat=47' : '';
    const { query, errors } = read(`${name}=${encodeURIComponent(value)}${extra}`);
    return errors.length === 0 && Object.keys(query).length > 0;
  });
  assert.deepEqual(readable, named);
  assert.deepEqual(read('inconnu=1').query, {});
});

test('tri: every value of the contract’s enum is read; date_maj is the SDK’s sort `updated` (newest first); nothing else', () => {
  const spec = JSON.parse(readFileSync(new URL('../../rest-openapi.json', import.meta.url), 'utf8'));
  const tri = spec.paths['/services'].get.parameters.find((p) => p.name === 'tri');
  assert.deepEqual(tri.schema.enum, ['relevance', 'distance', 'name', 'date_maj']);
  assert.match(tri.description, /plus récemment d’abord/);
  const sorts = tri.schema.enum.map((v) => {
    const { query, errors } = read(`tri=${v}`);
    assert.deepEqual(errors, [], v);
    return query.sort;
  });
  assert.deepEqual(sorts, ['relevance', 'distance', 'name', 'updated']);
  // the SDK's own name is not the contract's
  assert.deepEqual(read('tri=updated').errors.map((e) => e.name), ['tri']);
});

test('the REST source asks the contract’s tri=date_maj for the sort `updated`, and the reader gives `updated` back', async () => {
  const seen = [];
  const server = createServer((req, res) => {
    seen.push(new URL(req.url, 'http://x').searchParams);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: [], total: 0, page: 1, size: 20, facets: {} }));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  try {
    const c = createClient({ source: 'rest', baseUrl: `http://127.0.0.1:${server.address().port}/api` });
    await c.search({ sort: 'updated' }).catch(() => undefined);
    await c.search({ sort: 'name' }).catch(() => undefined);
    assert.deepEqual(seen.map((p) => p.get('tri')), ['date_maj', 'name']);
    assert.equal(readRestSearchParams(seen[0]).query.sort, 'updated');
  } finally {
    server.close();
  }
});
