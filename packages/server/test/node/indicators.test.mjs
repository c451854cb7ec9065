// Indicators (issue 20): POST /indicateurs/evenements and GET /indicateurs against packages/core/indicators-openapi.json,
// on PGlite and on PostgreSQL (RELAIS_TEST_DATABASE_URL). The expected aggregates of the scripted scenario are written
// by hand from the scenario below (not read back from the server), the k rule (k = 5) and the subtraction rule.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp, migrate, jsonLogger, createIndicatorsRoutes, readIndicatorsConfig, ConfigError, protectGroup, epciDepartements, countedDay, parisDays, checkEvent } from '../../dist/index.js';
import { validate } from '../../../../tests/server/openapi-check.mjs';
import { DATABASES } from './databases.mjs';

const SPEC = JSON.parse(readFileSync(fileURLToPath(new URL('../../../core/indicators-openapi.json', import.meta.url)), 'utf8'));
const OK_SCHEMA = SPEC.paths['/indicateurs'].get.responses['200'].content['application/json'].schema;
const POSTED_SCHEMA = SPEC.paths['/indicateurs/evenements'].post.responses['202'].content['application/json'].schema;
const PROBLEM = SPEC.components.schemas.Problem;

/** 10:00 UTC on 15 June 2026: 12:00 in Paris, « today » is 2026-06-15. */
const NOW = Date.parse('2026-06-15T10:00:00Z');
const TODAY = '2026-06-15';
const NEVERS = '245804406'; // CA de Nevers (58)
const SUD_NIV = '200067700'; // CC Sud Nivernais (58)
const DIJON = '242100410'; // Dijon Métropole (21)
const ORIGIN = 'https://www.ccas-exemple.fr';

const epci = (code) => ({ niveau: 'epci', code });
const search = (o) => ({ v: 1, type: 'recherche', jour: TODAY, site: 'www.ccas-exemple.fr', thematiques: [], origine: 'directe', source: 'rest', ...o });
const times = (n, f) => Array.from({ length: n }, (_, i) => f(i));

/**
 * The 50 scripted searches:
 * - se-nourrir (tile) in Nevers: 12 searches, 7 without result; in Sud Nivernais: 6, 4 without; in Dijon: 8, 5 without;
 * - mobilite--transport (thématique, no tile) in Nevers: 5, all with results;
 * - logement (tile) with the département 58 as zone: 4, all without result;
 * - autonomie (tile) from the eligibility result of « apa », Nevers: 6, with results;
 * - handicap (tile) from the eligibility result of « pch », no zone: 3, 1 without result;
 * - two thématiques (sante--acces-aux-soins, mobilite--transport), no tile, Sud Nivernais: 6, 2 without result.
 */
const SEARCHES = [
  ...times(12, (i) => search({ besoin: 'se-nourrir', thematiques: ['alimentation--aide-alimentaire'], zone: epci(NEVERS), resultats: i < 7 ? 0 : 3 })),
  ...times(6, (i) => search({ besoin: 'se-nourrir', zone: epci(SUD_NIV), resultats: i < 4 ? 0 : 1 })),
  ...times(8, (i) => search({ besoin: 'se-nourrir', zone: epci(DIJON), resultats: i < 5 ? 0 : 12 })),
  ...times(5, () => search({ thematiques: ['mobilite--transport'], zone: epci(NEVERS), resultats: 4, publics: ['personnes-en-situation-de-handicap'] })),
  ...times(4, () => search({ besoin: 'logement', zone: { niveau: 'departement', code: '58' }, resultats: 0 })),
  ...times(6, () => search({ besoin: 'autonomie', zone: epci(NEVERS), resultats: 2, origine: 'eligibilite', aide: 'apa' })),
  ...times(3, (i) => search({ besoin: 'handicap', zone: { niveau: 'aucune' }, resultats: i < 1 ? 0 : 5, origine: 'eligibilite', aide: 'pch' })),
  ...times(6, (i) => search({ thematiques: ['sante--acces-aux-soins', 'mobilite--transport'], zone: epci(SUD_NIV), resultats: i < 2 ? 0 : 7, origine: 'carte' })),
];

/**
 * The 20 eligibility runs (Nevers): apa eligible in runs 0–7, probable 8–13, not_eligible 14–19; pch eligible 0–4,
 * probable 5–9, unknown 10–14, not_eligible 15–19; ash (runs 0–9 only) eligible 0–3, not_eligible 4–9.
 */
const ELIGIBILITY = times(20, (i) => ({
  v: 1,
  type: 'eligibilite',
  jour: TODAY,
  zone: epci(NEVERS),
  resultats: [
    { aide: 'apa', statut: i < 8 ? 'eligible' : i < 14 ? 'probable' : 'not_eligible' },
    { aide: 'pch', statut: ['eligible', 'probable', 'unknown', 'not_eligible'][Math.floor(i / 5)] },
    ...(i < 10 ? [{ aide: 'ash', statut: i < 4 ? 'eligible' : 'not_eligible' }] : []),
  ],
}));

/** 12 views of a pathway (accuse-reception on time 9, late 3; decision on time 6, late 6) and 14 liaison sheets. */
const OTHERS = [
  ...times(12, (i) => ({ v: 1, type: 'parcours', jour: TODAY, modele: 'apa-domicile', etapes: [{ etape: 'accuse-reception', statut: i < 9 ? 'a_temps' : 'en_retard' }, { etape: 'decision', statut: i < 6 ? 'a_temps' : 'en_retard' }] })),
  ...times(9, (i) => ({ v: 1, type: 'fiche', jour: TODAY, modele: 'signalement', destinataire: 'plateforme-repit', etat: i < 7 ? 'envoyee' : 'en_attente' })),
  ...times(5, () => ({ v: 1, type: 'fiche', jour: TODAY, modele: 'retour-domicile', etat: 'envoyee' })),
];

const M = { masque: true };
const n = (v) => ({ n: v });

for (const kind of DATABASES) {
  describe(`Indicators on ${kind.name}`, () => {
    let db;
    let app;
    let base;
    const lines = [];
    const env = { RELAIS_INDICATORS: '1', RELAIS_INDICATORS_RATE_LIMIT: '1000' };

    before(async () => {
      db = await kind.open();
      await migrate(db);
      app = createApp({
        db,
        config: { corsOrigins: [ORIGIN], rateLimitPerMinute: 0, trustProxy: true, shutdownTimeoutS: 5 },
        log: jsonLogger((l) => lines.push(l)),
        routes: [createIndicatorsRoutes({ now: () => NOW })],
        env,
        basePath: '/api',
      });
      base = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}/api`;
    });
    after(() => app.close());

    const post = (body, headers = {}) =>
      fetch(`${base}/indicateurs/evenements`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': '203.0.113.7', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    const problemOf = async (r, status) => {
      assert.equal(r.status, status);
      assert.match(r.headers.get('content-type'), /^application\/problem\+json/);
      const body = await r.json();
      assert.deepEqual(validate(SPEC, PROBLEM, body, [], false), []);
      return body;
    };
    const get = async (q) => {
      const r = await fetch(`${base}/indicateurs?${q}`);
      assert.equal(r.status, 200);
      const body = await r.json();
      assert.deepEqual(validate(SPEC, OK_SCHEMA, body), [], JSON.stringify(validate(SPEC, OK_SCHEMA, body)).slice(0, 400));
      return body;
    };
    const total = async () => Number((await db.query('select coalesce(sum(n), 0)::bigint as s from indicator_counts'))[0].s);

    test('the scripted batches are counted (202, contract), the 50 searches in one transaction', async (t) => {
      const t0 = performance.now();
      const r = await post({ evenements: SEARCHES });
      const ms = performance.now() - t0;
      t.diagnostic(`50 searches ingested in ${ms.toFixed(1)} ms (${kind.name})`);
      assert.equal(r.status, 202);
      assert.equal(r.headers.get('access-control-allow-origin'), ORIGIN);
      assert.equal(r.headers.get('access-control-allow-credentials'), null);
      assert.equal(r.headers.get('set-cookie'), null);
      const body = await r.json();
      assert.deepEqual(validate(SPEC, POSTED_SCHEMA, body), []);
      assert.deepEqual(body, { comptes: 50 });
      assert.equal((await post({ evenements: ELIGIBILITY })).status, 202);
      assert.equal((await post({ evenements: OTHERS })).status, 202);
      // one counter per cell and day, never a row per event
      const rows = await db.query('select count(*)::bigint as c from indicator_counts');
      assert.ok(Number(rows[0].c) < 50 + 20 + 26, `${rows[0].c} rows`);
    });

    test('GET gives the expected aggregates, cells below k masked, and the subtraction rule', async () => {
      const r = await get('du=2026-06-01&au=2026-06-30');
      assert.equal(r.k, 5);
      assert.equal(r.du, '2026-06-01');
      assert.equal(r.au, '2026-06-30');
      const zone = (row) => (row.zone.code ? `${row.besoin}@${row.zone.code}` : `${row.besoin}@${row.zone.niveau}`);
      const byZone = Object.fromEntries(r.besoins_non_couverts.map((row) => [zone(row), row]));
      const cells = (row) => ({ recherches: row.recherches, sans_resultat: row.sans_resultat });
      // se-nourrir: Sud Nivernais's 4 searches without result are masked (primary); the total 16 is shown, so the
      // smallest shown zone (Dijon, 5) is masked too: otherwise 16 − 7 − 5 = 4 would give the masked cell back
      assert.deepEqual(cells(byZone[`se-nourrir@${NEVERS}`]), { recherches: n(12), sans_resultat: n(7) });
      assert.deepEqual(cells(byZone[`se-nourrir@${SUD_NIV}`]), { recherches: n(6), sans_resultat: M });
      assert.deepEqual(cells(byZone[`se-nourrir@${DIJON}`]), { recherches: n(8), sans_resultat: M });
      assert.deepEqual(byZone[`se-nourrir@${NEVERS}`].zone, { niveau: 'epci', code: NEVERS, nom: 'CA de Nevers' });
      assert.deepEqual(byZone[`se-nourrir@${DIJON}`].zone, { niveau: 'epci', code: DIJON, nom: 'Dijon Métropole' });
      // a thématique stands for the need when there is no tile; a search for two thématiques counts for each
      assert.deepEqual(cells(byZone[`mobilite--transport@${NEVERS}`]), { recherches: n(5), sans_resultat: M });
      assert.deepEqual(cells(byZone[`mobilite--transport@${SUD_NIV}`]), { recherches: n(6), sans_resultat: M });
      assert.deepEqual(cells(byZone[`sante--acces-aux-soins@${SUD_NIV}`]), { recherches: n(6), sans_resultat: M });
      // a cell of 4 is masked, a cell of 5 shown
      assert.deepEqual(cells(byZone['logement@58']), { recherches: M, sans_resultat: M });
      assert.deepEqual(byZone['logement@58'].zone, { niveau: 'departement', code: '58', nom: 'Nièvre' });
      assert.deepEqual(cells(byZone[`autonomie@${NEVERS}`]), { recherches: n(6), sans_resultat: M });
      assert.deepEqual(cells(byZone['handicap@aucune']), { recherches: M, sans_resultat: M });
      assert.deepEqual(byZone['handicap@aucune'].zone, { niveau: 'aucune' });
      assert.equal(r.besoins_non_couverts.length, 9);
      // the typed words never came, the thématique of a tile search is not a need of its own
      assert.equal(byZone[`alimentation--aide-alimentaire@${NEVERS}`], undefined);

      // needs searched most, all zones, ordered by shown count
      assert.deepEqual(r.besoins, [
        { besoin: 'se-nourrir', recherches: n(26), sans_resultat: n(16) },
        { besoin: 'mobilite--transport', recherches: n(11), sans_resultat: M },
        { besoin: 'autonomie', recherches: n(6), sans_resultat: M },
        { besoin: 'sante--acces-aux-soins', recherches: n(6), sans_resultat: M },
        { besoin: 'handicap', recherches: M, sans_resultat: M },
        { besoin: 'logement', recherches: M, sans_resultat: M },
      ]);

      // eligibility: apa unknown is 0 (masked), so the smallest shown status (probable, 6) is masked too;
      // the searches that followed an « apa » result (6) on its eligible and probable rows; pch's 3 are masked
      const e = Object.fromEntries(r.eligibilite.map((row) => [`${row.aide}/${row.statut}`, [row.n, row.suivis_d_une_recherche]]));
      assert.deepEqual(e, {
        'apa/eligible': [n(8), n(6)],
        'apa/probable': [M, n(6)],
        'apa/unknown': [M, M],
        'apa/not_eligible': [n(6), M],
        'ash/eligible': [M, M],
        'ash/probable': [M, M],
        'ash/unknown': [M, M],
        'ash/not_eligible': [n(6), M],
        'pch/eligible': [n(5), M],
        'pch/probable': [n(5), M],
        'pch/unknown': [n(5), M],
        'pch/not_eligible': [n(5), M],
      });

      // a pathway row is a group: 3 late steps masked, so the 9 on time too; the 14 sheets per template and recipient
      assert.deepEqual(r.parcours, [
        { modele: 'apa-domicile', etape: 'accuse-reception', a_temps: M, en_retard: M },
        { modele: 'apa-domicile', etape: 'decision', a_temps: n(6), en_retard: n(6) },
      ]);
      assert.deepEqual(r.fiches, [
        { modele: 'retour-domicile', destinataire: '(aucun)', envoyees: n(5), en_attente: M },
        { modele: 'signalement', destinataire: 'plateforme-repit', envoyees: n(7), en_attente: M },
      ]);
      assert.deepEqual(r.fraicheur, { services: 0, a_verifier: 0 });
      assert.deepEqual(r.contributions, []);
    });

    test('no published total minus shown cells gives back a masked cell', async () => {
      for (const q of ['du=2026-06-01&au=2026-06-30', 'du=2026-06-01&au=2026-06-30&departement=58']) {
        const r = await get(q);
        for (const b of r.besoins) {
          for (const field of ['recherches', 'sans_resultat']) {
            if (b[field].masque) continue;
            const parts = r.besoins_non_couverts.filter((row) => row.besoin === b.besoin).map((row) => row[field]);
            const masked = parts.filter((c) => c.masque).length;
            assert.notEqual(masked, 1, `${q} ${b.besoin}.${field}: exactly one masked zone under a shown total`);
            if (masked === 0) assert.equal(parts.reduce((s, c) => s + c.n, 0), b[field].n);
          }
        }
        const aides = new Set(r.eligibilite.map((row) => row.aide));
        for (const aide of aides) assert.notEqual(r.eligibilite.filter((row) => row.aide === aide && row.n.masque).length, 1, `${q} ${aide}`);
      }
    });

    test('the département filter keeps the EPCI of the département (from the commune data) and its own zone', async () => {
      const r = await get('du=2026-06-01&au=2026-06-30&departement=58');
      const keys = r.besoins_non_couverts.map((row) => `${row.besoin}@${row.zone.code ?? row.zone.niveau}`).sort();
      assert.deepEqual(keys, [`autonomie@${NEVERS}`, `mobilite--transport@${NEVERS}`, `mobilite--transport@${SUD_NIV}`, 'logement@58', `sante--acces-aux-soins@${SUD_NIV}`, `se-nourrir@${NEVERS}`, `se-nourrir@${SUD_NIV}`].sort());
      // se-nourrir in the Nièvre: 7 + 4 without result, the 4 masked, so the 7 too (total 11 shown)
      const sn = r.besoins.find((b) => b.besoin === 'se-nourrir');
      assert.deepEqual(sn, { besoin: 'se-nourrir', recherches: n(18), sans_resultat: n(11) });
      assert.deepEqual(r.besoins_non_couverts.find((row) => row.besoin === 'se-nourrir' && row.zone.code === NEVERS).sans_resultat, M);
      const deps = await epciDepartements();
      assert.equal(deps.get(NEVERS), '58');
      assert.equal(deps.get(DIJON), '21');
      // Moulins Communauté has two communes in the Nièvre, most of its inhabitants in the Allier
      assert.equal(deps.get('200071140'), '03');
      const dijon = await get('du=2026-06-01&au=2026-06-30&departement=21');
      assert.deepEqual(dijon.besoins, [{ besoin: 'se-nourrir', recherches: n(8), sans_resultat: n(5) }]);
      assert.deepEqual(dijon.eligibilite, []);
    });

    test('k from RELAIS_INDICATORS_K: 6 masks the cells of 5; below 5 refused', async () => {
      const routes = createIndicatorsRoutes({ now: () => NOW, config: { enabled: true, k: 6, ratePerMinute: 10 } });
      const other = createApp({ db, config: { corsOrigins: [], rateLimitPerMinute: 0, trustProxy: false, shutdownTimeoutS: 1 }, log: jsonLogger(() => undefined), routes: [routes] });
      const port = await other.listen(0, '127.0.0.1');
      const r = await (await fetch(`http://127.0.0.1:${port}/indicateurs?du=2026-06-15&au=2026-06-15`)).json();
      assert.equal(r.k, 6);
      assert.deepEqual(r.besoins.find((b) => b.besoin === 'mobilite--transport').recherches, n(11));
      assert.deepEqual(r.eligibilite.find((row) => row.aide === 'pch' && row.statut === 'eligible').n, M);
      await new Promise((res) => other.server.close(res));
      assert.equal(readIndicatorsConfig({ RELAIS_INDICATORS: '1' }).k, 5);
      assert.equal(readIndicatorsConfig({ RELAIS_INDICATORS_K: '12' }).k, 12);
      assert.throws(() => readIndicatorsConfig({ RELAIS_INDICATORS_K: '4' }), (e) => e instanceof ConfigError && /RELAIS_INDICATORS_K/.test(e.message));
      assert.throws(() => readIndicatorsConfig({ RELAIS_INDICATORS: 'oui' }), ConfigError);
      assert.equal(readIndicatorsConfig({}).enabled, false);
    });

    test('hostile and malformed batches are refused whole, in French, and nothing is counted', async () => {
      let before = await total();
      const good = SEARCHES.slice(0, 49);
      const cases = [
        ['free text in thematiques', search({ thematiques: ['je cherche à manger rue Victor Hugo'], zone: epci(NEVERS), resultats: 0 }), /thematiques\.0/],
        ['an exact position', { ...search({ zone: epci(NEVERS), resultats: 0 }), lat: 47.0, lon: 3.16 }, /champ non prévu « lat »/],
        ['a commune field', { ...search({ zone: epci(NEVERS), resultats: 0 }), commune: '58194' }, /champ non prévu « commune »/],
        ['a commune code as zone', search({ zone: epci('58194'), resultats: 0 }), /zone\.code/],
        ['a zone with a code and no level', search({ zone: { niveau: 'aucune', code: '58' }, resultats: 0 }), /aucune/],
        ['an eligibility answer', { ...ELIGIBILITY[0], reponses: { revenus_mensuels: 1200, age: 82 } }, /champ non prévu « reponses »/],
        ['an answer inside a result', { ...ELIGIBILITY[0], resultats: [{ aide: 'apa', statut: 'eligible', revenus: 1200 }] }, /resultats\.0/],
        ['a time of day', search({ jour: '2026-06-15T10:12:00Z', zone: epci(NEVERS), resultats: 0 }), /jour/],
        ['a date that does not exist', search({ jour: '2026-02-30', zone: epci(NEVERS), resultats: 0 }), /date invalide/],
        ['an unknown type', { v: 1, type: 'clic', jour: TODAY }, /type d’événement inconnu/],
        ['a browser id', { ...search({ zone: epci(NEVERS), resultats: 0 }), visiteur: 'b7c1e0' }, /visiteur/],
        ['a free-text besoin', search({ besoin: 'Aide pour Mme Dupont', zone: epci(NEVERS), resultats: 0 }), /besoin/],
        ['a negative count', search({ zone: epci(NEVERS), resultats: -1 }), /resultats/],
        ['not an object', 'recherche', /objet/],
      ];
      for (const [name, bad, message] of cases) {
        const r = await post({ evenements: [...good, bad] });
        const body = await problemOf(r, 422);
        assert.equal(body.errors.length, 1, name);
        assert.equal(body.errors[0].index, 49, name);
        assert.match(body.errors[0].message, message, `${name}: ${body.errors[0].message}`);
        assert.equal(checkEvent(bad) !== null, true, name);
      }
      // 51 events, 65 KiB, a wrong content type, unreadable JSON, a wrapper with something else
      await problemOf(await post({ evenements: [...SEARCHES, SEARCHES[0]] }), 413);
      // valid JSON of 65 KiB (one event, then blanks): refused for its size alone
      const padded = JSON.stringify({ evenements: SEARCHES.slice(0, 1) }).padEnd(65 * 1024, ' ');
      await problemOf(await post(padded), 413);
      assert.equal((await post(JSON.stringify({ evenements: SEARCHES.slice(0, 1) }).padEnd(63 * 1024, ' '))).status, 202, 'the same batch under 64 KiB passes');
      before += 1;
      await problemOf(await post(JSON.stringify({ evenements: SEARCHES.slice(0, 1) }), { 'content-type': 'text/plain' }), 415);
      await problemOf(await post('{"evenements": [', {}), 400);
      const extra = await problemOf(await post({ evenements: SEARCHES.slice(0, 1), utilisateur: 'jeanne' }), 422);
      assert.match(extra.errors[0].message, /utilisateur/);
      await problemOf(await post({ evenements: [] }), 422);
      await problemOf(await post([SEARCHES[0]]), 422);
      assert.equal(await total(), before, 'nothing counted from a refused batch');
    });

    test('the day is the event’s, clamped to yesterday or today on the server’s clock', async () => {
      assert.deepEqual(parisDays(Date.parse('2026-06-14T22:30:00Z')), { today: '2026-06-15', yesterday: '2026-06-14' });
      assert.equal(countedDay('2020-01-01', parisDays(NOW)), '2026-06-14');
      assert.equal(countedDay('2030-01-01', parisDays(NOW)), TODAY);
      assert.equal(countedDay('2026-06-14', parisDays(NOW)), '2026-06-14');
      const r = await post({ evenements: [
        { v: 1, type: 'fiche', jour: '2019-03-01', modele: 'horodatage', etat: 'envoyee' },
        { v: 1, type: 'fiche', jour: '2031-03-01', modele: 'horodatage', etat: 'en_attente' },
        { v: 1, type: 'fiche', jour: '2026-06-14', modele: 'horodatage', etat: 'en_attente' },
      ] });
      assert.equal(r.status, 202);
      const rows = await db.query(`select day::text as day, dims->>'etat' as etat, n from indicator_counts where dims->>'modele' = 'horodatage' order by day, etat`);
      assert.deepEqual(rows.map((x) => [x.day, x.etat, Number(x.n)]), [['2026-06-14', 'en_attente', 1], ['2026-06-14', 'envoyee', 1], ['2026-06-15', 'en_attente', 1]]);
    });

    test('GET refuses a bad period (400, French), and both routes are 404 when the indicators are off', async () => {
      for (const q of ['', 'du=2026-06-01', 'du=2026-06-31&au=2026-07-01', 'du=2026-06-10&au=2026-06-01', 'du=2025-01-01&au=2026-06-30', 'du=2026-06-01&au=2026-06-30&departement=Nievre']) {
        const body = await problemOf(await fetch(`${base}/indicateurs?${q}`), 400);
        assert.ok(body['invalid-params'].length >= 1, q);
      }
      const off = createApp({ db, config: { corsOrigins: [], rateLimitPerMinute: 0, trustProxy: false, shutdownTimeoutS: 1 }, log: jsonLogger(() => undefined), routes: [createIndicatorsRoutes()], env: {} });
      const port = await off.listen(0, '127.0.0.1');
      assert.equal((await fetch(`http://127.0.0.1:${port}/indicateurs?du=2026-06-01&au=2026-06-30`)).status, 404);
      const r = await fetch(`http://127.0.0.1:${port}/indicateurs/evenements`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ evenements: SEARCHES.slice(0, 1) }) });
      assert.equal(r.status, 404);
      assert.match((await r.json()).detail, /RELAIS_INDICATORS/);
      await new Promise((res) => off.server.close(res));
    });

    test('CORS: preflight for the configured origins only', async () => {
      const pre = await fetch(`${base}/indicateurs/evenements`, { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
      assert.equal(pre.status, 204);
      assert.equal(pre.headers.get('access-control-allow-origin'), ORIGIN);
      assert.match(pre.headers.get('access-control-allow-methods'), /POST/);
      assert.match(pre.headers.get('access-control-allow-headers'), /content-type/);
      assert.equal(pre.headers.get('access-control-allow-credentials'), null);
      const other = await fetch(`${base}/indicateurs/evenements`, { method: 'OPTIONS', headers: { origin: 'https://tracker.example', 'access-control-request-method': 'POST' } });
      assert.equal(other.status, 403);
      assert.equal(other.headers.get('access-control-allow-origin'), null);
    });

    test('fraicheur from the directory, contributions from the contributions module’s counts', async () => {
      const svc = (id, dep, date) =>
        db.query(`insert into directory_services (id, source, structure_id, nom, date_maj, departement, name_key, search, data) values ($1, 'test', 's1', $1, $2::date, $3, $1, to_tsvector('simple', ''), '{}'::jsonb)`, [id, date, dep]);
      await svc('a', '58', '2026-05-01');
      await svc('b', '58', '2025-06-14');
      await svc('c', '58', '2025-06-16');
      await svc('d', '21', '2020-01-01');
      assert.deepEqual((await get('du=2026-06-01&au=2026-06-30')).fraicheur, { services: 4, a_verifier: 2 });
      assert.deepEqual((await get('du=2026-06-01&au=2026-06-30&departement=58')).fraicheur, { services: 3, a_verifier: 1 });
      // contrib_counts: the contributions module's counts (migration 0004)
      await db.exec(`insert into directory_structures (id, source, nom, date_maj, data) values ('s1', 'test', 'CCAS de Nevers', '2026-01-01', '{}')`);
      await db.exec(`insert into contrib_counts (structure_id, departement, suggestions, acceptees, confirmations) values ('s1', '58', 4, 3, 1), ('s2', '21', 7, 0, 2)`);
      assert.deepEqual((await get('du=2026-06-01&au=2026-06-30')).contributions, [
        { structure_id: 's2', structure_nom: '', suggestions: 7, acceptees: 0, confirmations: 2 },
        { structure_id: 's1', structure_nom: 'CCAS de Nevers', suggestions: 4, acceptees: 3, confirmations: 1 },
      ]);
      assert.deepEqual((await get('du=2026-06-01&au=2026-06-30&departement=58')).contributions, [{ structure_id: 's1', structure_nom: 'CCAS de Nevers', suggestions: 4, acceptees: 3, confirmations: 1 }]);
    });

    test('1 000 POSTs from one IP: the rate limit stops them, another IP still passes', async () => {
      const routes = createIndicatorsRoutes({ now: () => NOW, config: { enabled: true, k: 5, ratePerMinute: 60 } });
      const limited = createApp({ db, config: { corsOrigins: [], rateLimitPerMinute: 0, trustProxy: true, shutdownTimeoutS: 1 }, log: jsonLogger(() => undefined), routes: [routes] });
      const port = await limited.listen(0, '127.0.0.1');
      const statuses = new Map();
      const one = { evenements: [{ v: 1, type: 'fiche', jour: TODAY, modele: 'debit', etat: 'envoyee' }] };
      const send = async () => {
        const r = await fetch(`http://127.0.0.1:${port}/indicateurs/evenements`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.23' }, body: JSON.stringify(one) });
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (r.status === 429) assert.ok(Number(r.headers.get('retry-after')) > 0);
        await r.arrayBuffer();
      };
      // 1 000 POSTs, 20 at a time
      for (let i = 0; i < 1000; i += 20) await Promise.all(times(20, send));
      assert.deepEqual(Object.fromEntries(statuses), { 202: 60, 429: 940 });
      const rows = await db.query(`select sum(n)::bigint as s from indicator_counts where dims->>'modele' = 'debit'`);
      assert.equal(Number(rows[0].s), 60);
      const other = await fetch(`http://127.0.0.1:${port}/indicateurs/evenements`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.44' }, body: JSON.stringify(one) });
      assert.equal(other.status, 202);
      await new Promise((res) => limited.server.close(res));
    });

    test('no IP address, no time of day, no site in the database nor in the logs', async () => {
      const tables = await db.query(`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`);
      assert.ok(tables.some((t) => t.table_name === 'indicator_counts'));
      let dump = '';
      for (const { table_name } of tables) for (const row of await db.query(`select t::text as r from ${table_name} t`)) dump += row.r + '\n';
      for (const ip of ['127.0.0.1', '203.0.113.7', '198.51.100.23', '192.0.2.44', '::1', '::ffff:']) assert.ok(!dump.includes(ip), `IP ${ip} in the database`);
      const counts = (await db.query('select dims::text as d from indicator_counts')).map((r) => r.d).join('\n');
      assert.doesNotMatch(counts, /ccas-exemple|T\d\d:|personnes-en-situation|"rest"|carte/);
      const columns = await db.query(`select column_name from information_schema.columns where table_name = 'indicator_counts' order by ordinal_position`);
      assert.deepEqual(columns.map((c) => c.column_name), ['day', 'kind', 'dims', 'n']);
      const log = lines.join('');
      assert.ok(lines.length > 20);
      for (const ip of ['127.0.0.1', '203.0.113.7', '198.51.100.23', '192.0.2.44']) assert.ok(!log.includes(ip), `IP ${ip} in the logs`);
      assert.doesNotMatch(log, /se-nourrir|Victor Hugo|revenus|du=2026/);
      assert.match(log, /"route":"\/indicateurs\/evenements"/);
    });

    test('a year of data: GET over 366 days', async (t) => {
      // a warm batch of 50 searches (the first one above also compiled the schema)
      const warm = times(50, (i) => search({ besoin: `chaud-${i % 10}`, zone: epci(i % 2 ? NEVERS : SUD_NIV), resultats: i % 3 }));
      const t1 = performance.now();
      assert.equal((await post({ evenements: warm })).status, 202);
      t.diagnostic(`a warm batch of 50 searches ingested in ${(performance.now() - t1).toFixed(1)} ms (${kind.name})`);
      // 365 days × 80 cells (20 besoins × 2 EPCI, with and without result) written straight into the counters
      await db.exec(`insert into indicator_counts (day, kind, dims, n)
        select d::date, 'recherche', jsonb_build_object('besoin', 'besoin-' || b, 'niveau', 'epci', 'code', (array['${NEVERS}','${DIJON}'])[z], 'sans_resultat', s = 1), 1 + (b + z + s) % 4
          from generate_series('2025-06-15'::date, '2026-06-14'::date, interval '1 day') d, generate_series(1, 20) b, generate_series(1, 2) z, generate_series(0, 1) s`);
      const t0 = performance.now();
      const r = await get('du=2025-06-15&au=2026-06-15&departement=58');
      t.diagnostic(`GET over a year (≈ 29 200 counters) in ${(performance.now() - t0).toFixed(0)} ms (${kind.name})`);
      const b1 = r.besoins.find((b) => b.besoin === 'besoin-1');
      // besoin-1 in Nevers (z = 1): 365 × (1 + (1 + 1 + 0) % 4) = 1 095 searches, 365 × (1 + 3 % 4) = 1 460 without result
      assert.deepEqual(b1, { besoin: 'besoin-1', recherches: n(1095 + 1460), sans_resultat: n(1460) });
    });
  });
}

test('protectGroup: exactly one masked cell of a group takes the smallest shown one with it', () => {
  const g = [{ n: 7, masked: false }, { n: 4, masked: true }, { n: 5, masked: false }];
  protectGroup(g);
  assert.deepEqual(g.map((c) => c.masked), [false, true, true]);
  const two = [{ n: 7, masked: false }, { n: 4, masked: true }, { n: 2, masked: true }];
  protectGroup(two);
  assert.deepEqual(two.map((c) => c.masked), [false, true, true]);
  const none = [{ n: 7, masked: false }, { n: 9, masked: false }];
  protectGroup(none);
  assert.deepEqual(none.map((c) => c.masked), [false, false]);
});

test('relais-server refuses to start with RELAIS_INDICATORS_K below 5', () => {
  const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
  const r = spawnSync(process.execPath, [cli, 'migrate'], { env: { ...process.env, DATABASE_URL: '', RELAIS_DATA_DIR: 'memory://', RELAIS_LOG: 'silent', RELAIS_INDICATORS: '1', RELAIS_INDICATORS_K: '3' }, encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /Configuration : RELAIS_INDICATORS_K : entier entre 5/);
});
