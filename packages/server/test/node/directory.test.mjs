// The directory on the database: import of data·inclusion files, and the search served by the REST contract
// (packages/core/rest-openapi.json), checked against the contract file, against the SDK's static engine on the same
// records (totals and facet counts), against distances computed here from the raw coordinates, and through the
// SDK's own `rest` client. On PGlite, and on PostgreSQL when RELAIS_TEST_DATABASE_URL is set.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalizeDataset, ServiceIndex, resolveCommune, createClient } from '@relais/core/headless';
import { migrate, importDataset, importFile, createApp, directoryRoutes, silentLogger, searchDirectory } from '../../dist/index.js';
import { validate } from '../../../../tests/server/openapi-check.mjs';
import { DATABASES } from './databases.mjs';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const SPEC = JSON.parse(readFileSync(`${root}packages/core/rest-openapi.json`, 'utf8'));
const DEMO_FILE = `${root}examples/data/nievre-demo.json`;
const FS_FILE = `${root}examples/data/france-services.json`;
const demoRaw = JSON.parse(readFileSync(DEMO_FILE, 'utf8'));
const demo = normalizeDataset(demoRaw);
const staticIndex = new ServiceIndex(demo.structures, demo.services);

const rad = (x) => (x * Math.PI) / 180;
const haversine = (a, b) => 6371 * 2 * Math.asin(Math.sqrt(Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2));
const responseSchema = (path, status) => SPEC.paths[path].get.responses[status].content[status === 200 ? 'application/json' : 'application/problem+json'].schema;

for (const { name, open } of DATABASES) {
  describe(`directory: ${name}`, () => {
    let db;
    let app;
    let base;
    const get = async (path) => {
      const r = await fetch(base + path);
      return { status: r.status, type: r.headers.get('content-type'), body: await r.json() };
    };
    /** A search answered and valid against the contract's SearchPage. */
    const search = async (qs) => {
      const r = await get(`/services?${qs}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(validate(SPEC, responseSchema('/services', 200), r.body, [], false), []);
      return r.body;
    };

    before(async () => {
      db = await open();
      await migrate(db);
      app = createApp({ db, config: { corsOrigins: [], rateLimitPerMinute: 0, trustProxy: false, shutdownTimeoutS: 1 }, log: silentLogger, routes: [directoryRoutes] });
      base = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
    });
    after(() => app?.close());

    test('import of the Nièvre sample: every valid record stored once, with its source', async () => {
      const r = await importFile(db, DEMO_FILE);
      assert.equal(r.origin, 'nievre-demo.json');
      assert.deepEqual(r.structures, { received: demoRaw.structures.length, inserted: demo.structures.length, updated: 0, unchanged: 0, olderIgnored: 0 });
      assert.equal(r.services.inserted, demo.services.length);
      const bySource = await db.query('select source, count(*) as n from directory_services group by source order by source');
      const expected = {};
      for (const s of demoRaw.services) expected[s.source] = (expected[s.source] ?? 0) + 1;
      assert.deepEqual(Object.fromEntries(bySource.map((x) => [x.source, x.n])), expected);
      const [run] = await db.query('select origin, inserted, finished_at is not null as done from directory_imports where id = $1', [r.importId]);
      assert.deepEqual(run, { origin: 'nievre-demo.json', inserted: demo.structures.length + demo.services.length, done: true });
    });

    test('no filter: the true total, pages, and every facet counted as the static engine counts', async () => {
      const body = await search('size=7&page=2');
      const s = staticIndex.search({ pageSize: 7, page: 2 });
      assert.equal(body.total, demo.services.length);
      assert.equal(body.pages, Math.ceil(demo.services.length / 7));
      assert.equal(body.items.length, 7);
      assert.deepEqual(body.facets, s.facets);
      for (const it of body.items) assert.match(it.service.date_maj, /^\d{4}-\d{2}-\d{2}$/);
    });

    test('filters (OR within, AND between) and disjunctive facets equal the static engine’s', async () => {
      const cases = [
        ['thematiques=autonomie&publics=seniors', { thematiques: ['autonomie'], publics: ['seniors'] }],
        ['typologies=ehpad&typologies=ccas-cias&frais=gratuit', { typologies: ['ehpad', 'ccas-cias'], frais: ['gratuit'] }],
        ['modes_accueil=a-domicile&types=accompagnement', { modesAccueil: ['a-domicile'], types: ['accompagnement'] }],
        ['code_commune=58194&thematiques=autonomie', { commune: '58194', thematiques: ['autonomie'] }],
      ];
      for (const [qs, q] of cases) {
        const body = await search(`${qs}&size=200`);
        const place = q.commune ? await resolveCommune(q.commune) : null;
        const s = staticIndex.search({ ...q, pageSize: 200 }, place);
        assert.ok(s.total > 0, qs);
        assert.equal(body.total, s.total, qs);
        assert.deepEqual(body.facets, s.facets, qs);
        assert.deepEqual(new Set(body.items.map((i) => i.service.id)), new Set(s.items.map((i) => i.service.id)), qs);
      }
    });

    test('a commune: 50 km around, distances as computed from the raw coordinates, nearest first', async () => {
      const place = await resolveCommune('58079'); // Clamecy
      const body = await search('code_commune=58079&size=200');
      assert.ok(body.total > 10);
      let prev = -1;
      for (const { service, structure, distance_km } of body.items) {
        const lat = service.latitude ?? structure?.latitude;
        const lon = service.longitude ?? structure?.longitude;
        if (distance_km === null) continue;
        const d = haversine(place, { lat, lon });
        assert.ok(Math.abs(d - distance_km) <= 0.051, `${service.id}: ${distance_km} vs ${d}`);
        assert.ok(distance_km <= 50);
        assert.ok(distance_km >= prev);
        prev = distance_km;
      }
    });

    test('a point and a radius keep exactly the services within it', async () => {
      const p = { lat: 46.99, lon: 3.16 }; // Nevers
      const body = await search(`lat=${p.lat}&lon=${p.lon}&rayon_km=8&tri=distance&size=200`);
      const byId = new Map(demo.structures.map((s) => [s.id, s]));
      const expected = demo.services.filter((s) => {
        const st = byId.get(s.structure_id);
        const lat = s.latitude ?? st?.latitude;
        const lon = s.longitude ?? st?.longitude;
        const remote = s.modes_accueil.length > 0 && s.modes_accueil.every((m) => m === 'a-distance');
        return remote || (lat != null && lon != null && haversine(p, { lat, lon }) <= 8);
      });
      assert.ok(expected.length > 5);
      assert.deepEqual(body.items.map((i) => i.service.id).sort(), expected.map((s) => s.id).sort());
    });

    test('around a place, the search reads the indexes, not every service (bench/server-load.mjs)', async () => {
      // the statements of a commune search and of « autour de moi », planned with sequential scans disabled: each
      // must have a plan through the indexes (a `case` over every row, or the publics of every service, had none)
      for (const [q, commune] of [[{ commune: '58079', pageSize: 20 }, '58079'], [{ near: { lat: 46.99, lon: 3.16, radiusKm: 20 }, pageSize: 20 }, null]]) {
        const seen = [];
        const spy = { kind: db.kind, query: (sql, params) => (seen.push({ sql, params }), db.query(sql, params)) };
        const page = await searchDirectory(spy, q, commune ? await resolveCommune(commune) : null);
        assert.ok(page.total > 0);
        assert.ok(seen.length >= 2);
        for (const { sql, params } of seen) {
          const plan = await db.transaction(async (tx) => {
            await tx.query('set local enable_seqscan = off');
            return (await tx.query(`explain ${sql}`, params)).map((r) => r['QUERY PLAN']).join('\n');
          });
          assert.doesNotMatch(plan, /Seq Scan on directory_services/, plan);
        }
      }
    });

    test('« anywhere »: the radius the widgets send for the nearest service (20 000 km) is accepted, beyond refused', async () => {
      const far = await search('q=ehpad&code_commune=58079&lat=47.46&lon=3.52&rayon_km=20000&tri=distance&size=1');
      const all = await search('q=ehpad&size=1');
      assert.equal(far.total, all.total);
      assert.equal((await get('/services?lat=47&lon=3&rayon_km=20001')).status, 400);
    });

    test('départements scope: only services located there', async () => {
      const raw = structuredClone(demoRaw);
      raw.structures = [{ source: 'test', id: 'test--yonne', nom: 'CCAS d’Auxerre (test)', date_maj: '2025-01-02', code_insee: '89024', commune: 'Auxerre', latitude: 47.798, longitude: 3.567, typologie: 'ccas-cias' }];
      raw.services = [{ source: 'test', id: 'test--yonne--1', structure_id: 'test--yonne', nom: 'Aide sociale légale', date_maj: '2025-01-02', thematiques: ['difficultes-financieres--acquisition-dun-bien-ou-service'] }];
      await importDataset(db, raw, 'yonne-test.json');
      const only58 = await search('departements=58&size=1');
      assert.equal(only58.total, demo.services.length);
      const only89 = await search('departements=89');
      assert.deepEqual(only89.items.map((i) => i.service.id), ['test--yonne--1']);
      const both = await search('departements=58&departements=89&size=1');
      assert.equal(both.total, demo.services.length + 1);
      await db.query("delete from directory_services where source = 'test'");
      await db.query("delete from directory_structures where source = 'test'");
    });

    test('French words: accents and case ignored, plurals, synonyms of the SDK, typos', async () => {
      const a = await search('q=hopital&size=200');
      const b = await search('q=HÔPITAUX&size=200');
      assert.ok(a.total > 0);
      assert.deepEqual(b.items.map((i) => i.service.id).sort(), a.items.map((i) => i.service.id).sort());
      // « carte grise » appears in no record: the synonym table leads to the France services sites
      assert.ok(!JSON.stringify(demoRaw).toLowerCase().includes('carte grise'));
      const cg = await search('q=carte%20grise&code_commune=58079');
      assert.ok(cg.total > 0);
      assert.equal(cg.items[0].structure.typologie ?? cg.items[0].structure.reseaux_porteurs?.[0], cg.items[0].structure.typologie ?? 'france-service');
      assert.match(cg.items[0].structure.nom, /France services de Clamecy/);
      // one letter wrong or missing
      const typo = await search('q=ehpda&size=200');
      const right = await search('q=ehpad&size=200');
      assert.ok(right.total > 5 && typo.total > 5);
      const rightIds = new Set(right.items.map((i) => i.service.id));
      assert.ok(typo.items.every((i) => rightIds.has(i.service.id)));
      const missing = await search('q=domicle');
      assert.ok(missing.total > 0);
      assert.equal(missing.relaxed, false);
    });

    test('no service has every word: the closest partial matches, flagged relaxed', async () => {
      const body = await search('q=ehpad%20zzzqqq');
      assert.equal(body.relaxed, true);
      assert.ok(body.total > 0);
      const none = await search('q=zzzqqq');
      assert.equal(none.total, 0);
      assert.deepEqual(none.items, []);
    });

    test('opening hours: only the services open at that time', async () => {
      const sunday = await search('ouvert_a=2026-03-01T10:00:00%2B01:00&size=200');
      const monday = await search('ouvert_a=2026-03-02T10:00:00%2B01:00&size=200');
      assert.ok(monday.total > sunday.total);
      const s = staticIndex.search({ openAt: '2026-03-02T10:00:00+01:00', pageSize: 200 });
      assert.equal(monday.total, s.total);
    });

    test('sort by name and paging: pages are disjoint and cover the total', async () => {
      const p1 = await search('tri=name&size=50&page=1');
      const p2 = await search('tri=name&size=50&page=2');
      const ids = new Set([...p1.items, ...p2.items].map((i) => i.service.id));
      assert.equal(ids.size, 100);
      const names = p1.items.map((i) => i.service.nom.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase());
      assert.deepEqual(names, [...names].sort());
      const last = await search(`tri=name&size=50&page=${p1.pages + 1}`);
      assert.deepEqual(last.items, []);
      assert.equal(last.total, p1.total);
    });

    test('bad parameters: 400 problem with the invalid ones, in French; unknown commune 422; unknown service 404', async () => {
      const bad = await get('/services?size=500&code_commune=123&lat=1');
      assert.equal(bad.status, 400);
      assert.match(bad.type, /application\/problem\+json/);
      assert.deepEqual(validate(SPEC, responseSchema('/services', 400), bad.body, [], false), []);
      assert.deepEqual(bad.body['invalid-params'].map((p) => p.name).sort(), ['code_commune', 'lon', 'size']);
      const unknown = await get('/services?code_commune=58999');
      assert.equal(unknown.status, 422);
      assert.equal(unknown.body.title, 'Commune inconnue');
      const missing = await get('/services/nope--1');
      assert.equal(missing.status, 404);
      assert.deepEqual(validate(SPEC, SPEC.paths['/services/{id}'].get.responses[404].content['application/problem+json'].schema, missing.body, [], false), []);
    });

    test('one service and its structure, valid against the contract', async () => {
      const id = demo.services.find((s) => s.source === 'finess').id;
      const r = await get(`/services/${encodeURIComponent(id)}`);
      assert.equal(r.status, 200);
      assert.deepEqual(validate(SPEC, SPEC.paths['/services/{id}'].get.responses[200].content['application/json'].schema, r.body, [], false), []);
      assert.equal(r.body.service.id, id);
      assert.equal(r.body.structure.id, r.body.service.structure_id);
    });

    test('the SDK’s own rest client reads the server', async () => {
      const client = createClient({ source: 'rest', baseUrl: base + '/' });
      const r = await client.search({ text: 'ehpad', commune: '58079', pageSize: 5 });
      assert.equal(r.items.length, 5);
      assert.match(r.items[0].structure.nom, /EHPAD/i);
      assert.equal(typeof r.items[0].distanceKm, 'number');
      assert.ok(r.total >= 5 && r.facets.typologies.ehpad > 0);
      const one = await client.get(r.items[0].service.id);
      assert.equal(one.service.nom, r.items[0].service.nom);
      await assert.rejects(client.search({ commune: '58999' }), /Aucune commune/);
    });

    test('France services list after the Nièvre sample: shared sites de-duplicated, re-import changes nothing', async () => {
      const fsRaw = JSON.parse(readFileSync(FS_FILE, 'utf8'));
      const ids = new Set([...demoRaw.services, ...fsRaw.services].map((s) => s.id));
      const shared = fsRaw.services.filter((s) => demoRaw.services.some((d) => d.id === s.id)).length;
      assert.ok(shared > 10);
      const r = await importFile(db, FS_FILE);
      assert.equal(r.services.unchanged, shared);
      assert.equal(r.services.inserted, fsRaw.services.length - shared);
      const [{ n }] = await db.query('select count(*) as n from directory_services');
      assert.equal(n, ids.size);
      const again = await importFile(db, DEMO_FILE);
      assert.equal(again.services.unchanged, demo.services.length);
      assert.equal(again.structures.inserted + again.structures.updated + again.services.inserted + again.services.updated, 0);
    });

    test('newer date_maj replaces, older is ignored; a renamed structure is found by its new name', async () => {
      const st = demo.structures.find((s) => s.source === 'relais-demo');
      const sv = demo.services.find((s) => s.structure_id === st.id);
      const renamed = { structures: [{ ...st, nom: 'Maison Zéphyrine de test', date_maj: '2099-01-01' }], services: [] };
      const r1 = await importDataset(db, renamed, 'rename.json');
      assert.equal(r1.structures.updated, 1);
      const found = await search('q=zephyrine');
      assert.ok(found.items.some((i) => i.service.id === sv.id), 'the service is found by its structure’s new name');
      const older = { structures: [{ ...st, nom: 'Ancien nom', date_maj: '2000-01-01' }], services: [{ ...sv, nom: 'Ancien service', date_maj: '2000-01-01' }] };
      const r2 = await importDataset(db, older, 'older.json');
      assert.equal(r2.structures.olderIgnored, 1);
      assert.equal(r2.services.olderIgnored, 1);
      const [row] = await db.query('select nom from directory_structures where id = $1', [st.id]);
      assert.equal(row.nom, 'Maison Zéphyrine de test');
    });

    test('a bad file: invalid records skipped and reported in French, the rest imported; not a dataset: refused', async () => {
      const r = await importDataset(db, { structures: [{ id: 'x' }], services: [{ source: 'test', id: 'test--ok', structure_id: 'test--none', nom: 'Service sans structure', date_maj: '2024-05-01' }] }, 'bad.json');
      assert.equal(r.skipped, 1);
      assert.ok(r.issues.some((i) => i.severity === 'error' && /[a-zé]/.test(i.message)));
      assert.equal(r.services.inserted, 1);
      await assert.rejects(importDataset(db, [1, 2], 'list.json'), /format data·inclusion/);
      await assert.rejects(importFile(db, '/nonexistent/file.json'), /fichier introuvable/);
    });
  });
}
