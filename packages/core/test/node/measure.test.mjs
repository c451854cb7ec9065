// Measurement: the commune rounded to its EPCI or département, widget events to schema events, the Matomo and callback
// sinks. Expected EPCI written from @etalab/decoupage-administratif (data/epci.json, membres), not from Relais' chunks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zoneOfCommune, zoneOfArea, toMeasurement, matomoSink, callbackSink } from '../../dist/measure/index.js';
import { RelaisSearchEvent } from '../../dist/element/events.js';
import { markHandoff, setHandoffMarking } from '../../dist/element/handoff.js';
import { eventErrors, batchErrors } from '../../../../tests/server/measure-check.mjs';

test('a commune is rounded to its EPCI, else its département, never kept', async () => {
  const cases = [
    // CA Beaune, Côte et Sud spans Côte-d'Or (21) and Saône-et-Loire (71): both towns round to its SIREN
    ['21054', { niveau: 'epci', code: '200006682' }], // Beaune
    ['71073', { niveau: 'epci', code: '200006682' }], // Chagny
    // Paris arrondissements round like Paris (Métropole du Grand Paris)
    ['75101', { niveau: 'epci', code: '200054781' }],
    ['75120', { niveau: 'epci', code: '200054781' }],
    ['75056', { niveau: 'epci', code: '200054781' }],
    ['69123', { niveau: 'epci', code: '200046977' }], // Lyon → Métropole de Lyon
    ['13201', { niveau: 'epci', code: '200054807' }], // Marseille 1er → Aix-Marseille-Provence
    ['84007', { niveau: 'epci', code: '248400251' }], // Avignon → Grand Avignon
    ['2A004', { niveau: 'epci', code: '242010056' }], // Ajaccio
    ['97411', { niveau: 'epci', code: '249740119' }], // Saint-Denis (La Réunion)
    // no EPCI: islands outside any intercommunality round to their département
    ['29083', { niveau: 'departement', code: '29' }], // Île-de-Sein
    ['85113', { niveau: 'departement', code: '85' }], // L'Île-d'Yeu
    ['22016', { niveau: 'departement', code: '22' }], // Île-de-Bréhat
    // nothing usable: no zone
    [null, { niveau: 'aucune' }],
    ['Paris', { niveau: 'aucune' }],
    ['99999', { niveau: 'aucune' }],
    ['98735', { niveau: 'aucune' }], // Papeete: outside the gazetteer
  ];
  for (const [code, want] of cases) assert.deepEqual(await zoneOfCommune(code), want, String(code));
  assert.deepEqual(zoneOfArea({ epci: '200006682', departement: '21' }), { niveau: 'epci', code: '200006682' });
  assert.deepEqual(zoneOfArea({ epci: null, departement: '2B' }), { niveau: 'departement', code: '2B' });
  assert.deepEqual(zoneOfArea({ epci: 'x', departement: '00' }), { niveau: 'aucune' });
  assert.deepEqual(zoneOfArea(null), { niveau: 'aucune' });
});

const ctx = { jour: '2026-12-02', site: 'www.nievre.fr' };
const typed = ['violences conjugales', 'dette'];

test('a search becomes need, thématiques, publics, zone, count and origin — never the words or the commune', async () => {
  const e = new RelaisSearchEvent(0, { thematiques: ['famille--violences', 'famille--violences', 'Bad Id'], publics: ['femmes'], commune: '58194' }, 'violences');
  markHandoff({ origin: 'eligibilite', benefit: 'apa_domicile' });
  assert.equal((await toMeasurement(e, ctx)).origine, 'directe', 'no marker while measurement is off');
  setHandoffMarking(true);
  markHandoff({ origin: 'eligibilite', benefit: 'apa_domicile' });
  setHandoffMarking(false);
  const m = await toMeasurement(e, ctx);
  assert.deepEqual(m, { v: 1, jour: '2026-12-02', site: 'www.nievre.fr', type: 'recherche', thematiques: ['famille--violences'], publics: ['femmes'], zone: { niveau: 'epci', code: '245804406' }, resultats: 0, origine: 'eligibilite', besoin: 'violences', aide: 'apa_domicile' });
  assert.deepEqual(eventErrors(m, typed), []);
  // the marker is used once: the next search is direct; a parcours hand-off carries no benefit
  setHandoffMarking(true);
  markHandoff({ origin: 'parcours', benefit: 'aah' });
  setHandoffMarking(false);
  const p = await toMeasurement(new RelaisSearchEvent(3, { thematiques: [], publics: [], commune: null }), ctx);
  assert.equal(p.origine, 'parcours');
  assert.equal('aide' in p, false);
  const d = await toMeasurement(new RelaisSearchEvent(3, { thematiques: [], publics: [], commune: null }), ctx);
  assert.equal(d.origine, 'directe');
  assert.equal('aide' in d, false);
  assert.deepEqual(d.zone, { niveau: 'aucune' });
  assert.deepEqual(eventErrors(d), []);
});

const fake = (type, props) => Object.assign(new Event(type), props);

test('eligibility, liaison and pathway events map to their schema events', async () => {
  const el = await toMeasurement(fake('relais-result', { results: [{ id: 'apa_domicile', status: 'probable' }, { id: 'aah', status: 'not_eligible' }, { id: 'x y', status: 'eligible' }], area: { epci: '245804406', departement: '58' } }), ctx);
  assert.deepEqual(el, { v: 1, jour: '2026-12-02', site: 'www.nievre.fr', type: 'eligibilite', resultats: [{ aide: 'apa_domicile', statut: 'probable' }, { aide: 'aah', statut: 'not_eligible' }], zone: { niveau: 'epci', code: '245804406' } });
  const sheet = await toMeasurement(fake('relais-submit', { draftId: 'd-1', receiptId: 'r-1', state: 'queued', templateId: 'dlu-domicile', recipientType: 'plateforme-repit' }), ctx);
  assert.deepEqual(sheet, { v: 1, jour: '2026-12-02', site: 'www.nievre.fr', type: 'fiche', modele: 'dlu-domicile', etat: 'en_attente', destinataire: 'plateforme-repit' });
  const path = await toMeasurement(fake('relais-pathway-view', { templateId: 'mdph', steps: [{ id: 'depot', late: false }, { id: 'decision', late: true }] }), ctx);
  assert.deepEqual(path, { v: 1, jour: '2026-12-02', site: 'www.nievre.fr', type: 'parcours', modele: 'mdph', etapes: [{ etape: 'depot', statut: 'a_temps' }, { etape: 'decision', statut: 'en_retard' }] });
  for (const m of [el, sheet, path]) assert.deepEqual(eventErrors(m), []);
  // without a template id a sheet is not measured; unknown events neither
  assert.equal(await toMeasurement(fake('relais-submit', { state: 'sent' }), ctx), null);
  assert.equal(await toMeasurement(fake('relais-select', { serviceId: 's1' }), ctx), null);
  // the site is a host name only; the day defaults to today's on this device
  const noSite = await toMeasurement(fake('relais-result', { results: [] }), { site: 'Bad Host/path' });
  assert.equal('site' in noSite, false);
  assert.match(noSite.jour, /^\d{4}-\d{2}-\d{2}$/);
});

test('the privacy check fails on free text, an exact position, a commune or an answer', () => {
  const base = { v: 1, type: 'recherche', jour: '2026-12-02', thematiques: [], zone: { niveau: 'aucune' }, resultats: 0, origine: 'directe' };
  assert.deepEqual(eventErrors(base), []);
  assert.ok(eventErrors({ ...base, texte: 'violences conjugales' }).length);
  assert.ok(eventErrors({ ...base, besoin: 'violences conjugales' }).length);
  assert.ok(eventErrors({ ...base, zone: { niveau: 'epci', code: '58194' } }).length);
  assert.ok(eventErrors({ ...base, lat: 47.0, lon: 3.15 }).length);
  assert.ok(eventErrors({ v: 1, type: 'eligibilite', jour: '2026-12-02', zone: { niveau: 'aucune' }, resultats: [{ aide: 'aah', statut: 'probable', reponses: { 'demandeur.age': 34 } }] }).length);
  assert.ok(eventErrors({ ...base, besoin: 'dette' }, typed).length, 'a typed word');
});

test('batches of 1 to 50 events pass the contract, 0 or 51 do not', () => {
  const ev = { v: 1, type: 'fiche', jour: '2026-12-02', modele: 'orientation', etat: 'envoyee' };
  assert.deepEqual(batchErrors({ evenements: [ev] }), []);
  assert.deepEqual(batchErrors({ evenements: Array(50).fill(ev) }), []);
  assert.ok(batchErrors({ evenements: Array(51).fill(ev) }).length);
  assert.ok(batchErrors({ evenements: [] }).length);
  assert.ok(batchErrors({ evenements: [ev], session: 'x' }).length);
});

test('Matomo receives a site search with the need or thématiques and the zone, and events — nothing else', () => {
  const _paq = [];
  const sink = matomoSink({ paq: _paq });
  sink.send({ v: 1, type: 'recherche', jour: '2026-12-02', besoin: 'aide-domicile', thematiques: ['a', 'b'], zone: { niveau: 'epci', code: '200006682' }, resultats: 0, origine: 'directe' });
  sink.send({ v: 1, type: 'recherche', jour: '2026-12-02', thematiques: ['z--b', 'a--c'], zone: { niveau: 'aucune' }, resultats: 4, origine: 'directe' });
  sink.send({ v: 1, type: 'eligibilite', jour: '2026-12-02', resultats: [{ aide: 'apa_domicile', statut: 'probable' }], zone: { niveau: 'departement', code: '58' } });
  sink.send({ v: 1, type: 'fiche', jour: '2026-12-02', modele: 'dlu-domicile', etat: 'envoyee', destinataire: 'plateforme-repit' });
  sink.send({ v: 1, type: 'parcours', jour: '2026-12-02', modele: 'mdph', etapes: [{ etape: 'decision', statut: 'en_retard' }] });
  assert.deepEqual(_paq, [
    ['trackSiteSearch', 'aide-domicile', '200006682', 0],
    ['trackSiteSearch', 'a--c,z--b', 'aucune-zone', 4],
    ['trackEvent', 'Relais éligibilité', 'probable', 'apa_domicile'],
    ['trackEvent', 'Relais fiche de liaison', 'envoyee', 'dlu-domicile/plateforme-repit'],
    ['trackEvent', 'Relais parcours', 'en_retard', 'mdph/decision'],
  ]);
  assert.ok(!_paq.some((c) => /^(setUserId|setCustomDimension|setCustomUrl|setReferrerUrl)$/.test(c[0])));
});

test('a callback sink gets a copy, and its exceptions stay there', () => {
  const got = [];
  const ev = { v: 1, type: 'fiche', jour: '2026-12-02', modele: 'orientation', etat: 'envoyee' };
  callbackSink((e) => got.push(e)).send(ev);
  assert.deepEqual(got, [ev]);
  assert.notEqual(got[0], ev);
  assert.doesNotThrow(() => callbackSink(() => { throw new Error('x'); }).send(ev));
});
