import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeDataset, describeIssue, RelaisError } from '@relais/core/headless';

const structure = { source: 'demo', id: 'demo--s1', nom: 'CCAS de Clamecy', date_maj: '2026-01-05', typologie: 'ccas-cias', latitude: 47.46, longitude: 3.52 };
const service = (over = {}) => ({ source: 'demo', id: 'demo--s1-1', structure_id: 'demo--s1', nom: 'Accueil social', date_maj: '2026-01-05', thematiques: ['autonomie--droits-et-prestations'], publics: ['seniors'], ...over });

test('valid records are kept and normalised (lists never null, frais single value)', () => {
  const { services, structures, diagnostics } = normalizeDataset({ structures: [structure], services: [service({ frais: ['gratuit'] })] });
  assert.equal(structures.length, 1);
  assert.deepEqual(services[0].modes_accueil, []);
  assert.equal(services[0].frais, 'gratuit');
  assert.deepEqual(diagnostics, { received: 2, accepted: 2, skipped: 0, warnings: 0, issues: [] });
});

test('invalid records are skipped and counted with a French message naming the field', () => {
  const { services, diagnostics } = normalizeDataset({
    structures: [structure],
    services: [service(), service({ id: 'demo--2', nom: '' }), service({ id: 'demo--3', date_maj: 'hier' }), service({ id: 'demo--1-1' }), service({ id: 'demo--s1-1' })],
  });
  assert.equal(services.length, 2);
  assert.equal(diagnostics.skipped, 3, 'empty name, bad date and a duplicate id');
  const msgs = diagnostics.issues.map(describeIssue);
  assert.match(msgs[0], /Service n° 2 \(« demo--2 »\) : le champ « nom » est vide ou trop court — ignoré\./);
  assert.match(msgs[1], /« date_maj » n’a pas le bon format/);
  assert.match(msgs[2], /identifiant en double/);
});

test('unknown vocabulary values are dropped with a warning, the record is kept', () => {
  const { services, diagnostics } = normalizeDataset({ structures: [], services: [service({ thematiques: ['autonomie--repit-des-aidants', 'inconnu--x'], publics: ['martiens'] })] });
  assert.deepEqual(services[0].thematiques, ['autonomie--repit-des-aidants']);
  assert.deepEqual(services[0].publics, []);
  assert.equal(diagnostics.warnings, 2);
  assert.equal(diagnostics.skipped, 0);
});

test('coordinates: impossible ones are removed; outside France kept, reported with what is done', () => {
  const { services, diagnostics } = normalizeDataset({ structures: [], services: [service({ latitude: 200, longitude: 3 }), service({ id: 'x2', latitude: 40.7, longitude: -74 }), service({ id: 'x3', latitude: -21.1, longitude: 55.5 })] });
  assert.equal(services[0].latitude, null);
  assert.equal(services[1].latitude, 40.7);
  assert.equal(diagnostics.warnings, 2);
  assert.equal(services[2].latitude, -21.1, 'La Réunion is France');
  // the message says what happens: kept (nothing is lost), not drawn on the map — not « valeur écartée »
  assert.match(describeIssue(diagnostics.issues[0]), /coordonnées impossibles — valeur écartée\.$/);
  assert.equal(describeIssue(diagnostics.issues[1]), 'Service n° 2 (« x2 ») : coordonnées hors de France (métropole et outre-mer) : 40.7, -74 — position gardée, mais non placée sur la carte (à corriger à la source).');
});

test('a service whose structure is missing is reported, and kept', () => {
  const { services, diagnostics } = normalizeDataset({ structures: [structure, { ...structure, id: 'demo--bad', nom: '' }], services: [service(), service({ id: 'o1', structure_id: 'demo--inconnue' }), service({ id: 'o2', structure_id: 'demo--bad' })] });
  assert.equal(services.length, 3);
  const orphans = diagnostics.issues.filter((i) => i.field === 'structure_id');
  assert.deepEqual(orphans.map((i) => [i.id, i.index, i.severity]), [['o1', 1, 'warning'], ['o2', 2, 'warning']], 'absent, or skipped as invalid');
  assert.equal(describeIssue(orphans[0]), 'Service n° 2 (« o1 ») : structure « demo--inconnue » introuvable dans le jeu de données — service gardé sans sa structure.');
  // a file of services only is allowed
  assert.equal(normalizeDataset({ services: [service()] }).diagnostics.warnings, 0);
});

test('invalid e-mails and hours that are not OSM are reported and dropped; valid ones kept', () => {
  const { structures, services, diagnostics } = normalizeDataset({
    structures: [{ ...structure, courriel: 'accueil@ccas-clamecy.fr', horaires_accueil: '09:00 - 12:00 / 13:30 - 17:00' }],
    services: [
      service({ courriel: 'pas une adresse', horaires_accueil: 'Mo-Fr 09:00-12:00; PH off' }),
      service({ id: 'x2', courriel: 'jean.dupont@exemple', horaires_accueil: 'week 01-10 Mo 10:00-12:00' }),
      service({ id: 'x3', courriel: 'contact@mairie-nevers.fr', horaires_accueil: 'du lundi au vendredi, 9h-12h' }),
    ],
  });
  assert.equal(structures[0].courriel, 'accueil@ccas-clamecy.fr');
  assert.equal(structures[0].horaires_accueil, null, 'the CSV form of the ANCT list is not OSM');
  assert.equal(services[0].courriel, null);
  assert.equal(services[0].horaires_accueil, 'Mo-Fr 09:00-12:00; PH off');
  assert.equal(services[1].courriel, null, 'no domain');
  assert.equal(services[1].horaires_accueil, 'week 01-10 Mo 10:00-12:00', 'valid OSM that Relais does not evaluate is kept, shown as is');
  assert.equal(services[2].courriel, 'contact@mairie-nevers.fr');
  assert.equal(services[2].horaires_accueil, null);
  assert.deepEqual(diagnostics.issues.map((i) => i.field).sort(), ['courriel', 'courriel', 'horaires_accueil', 'horaires_accueil']);
  assert.match(describeIssue(diagnostics.issues.find((i) => i.field === 'courriel')), /adresse e-mail invalide « pas une adresse » — valeur écartée/);
  assert.equal(diagnostics.skipped, 0);
});

test('typologie derived from the FINESS category, then from reseaux_porteurs; a given one wins', () => {
  const { structures } = normalizeDataset({
    structures: [
      { ...structure, id: 'a', typologie: null, reseaux_porteurs: ['france-service'] },
      { ...structure, id: 'b', typologie: null, reseaux_porteurs: ['communes', 'france-service'] },
      { ...structure, id: 'c', typologie: null, reseaux_porteurs: ['ccas-cias'] },
      { ...structure, id: 'd', typologie: null, categorie_finess: '500' },
      { ...structure, id: 'e', typologie: null, categorie_finess: '448' },
      { ...structure, id: 'f', typologie: null, reseaux_porteurs: ['communes'] },
      { ...structure, id: 'g', typologie: 'clic', reseaux_porteurs: ['france-service'] },
    ],
    services: [],
  });
  assert.deepEqual(structures.map((s) => s.typologie), ['france-services', 'france-services', 'ccas-cias', 'ehpad', 'fam', null, 'clic']);
});

test('source_libelle is kept for display', () => {
  const { structures } = normalizeDataset({ structures: [{ ...structure, source_libelle: 'FINESS, janvier 2021' }, { ...structure, id: 'demo--s2' }], services: [] });
  assert.equal(structures[0].source_libelle, 'FINESS, janvier 2021');
  assert.equal('source_libelle' in structures[1], false);
});

test('the real France services list: 2 845 sites, all valid, typologie derived, no warning', async () => {
  const { readFileSync } = await import('node:fs');
  const raw = JSON.parse(readFileSync(new URL('../../../../examples/data/france-services.json', import.meta.url), 'utf8'));
  const { structures, services, diagnostics } = normalizeDataset(raw);
  assert.equal(structures.length, 2845);
  assert.equal(services.length, 2845);
  assert.equal(diagnostics.skipped, 0);
  assert.deepEqual(diagnostics.issues, []);
  assert.ok(structures.every((s) => s.typologie === 'france-services'));
  assert.ok(structures.every((s) => s.horaires_accueil === null || s.horaires_accueil.length > 0));
});

test('the real FINESS extract of the Nièvre: every record valid, mapped to the extension vocabulary', async () => {
  const { readFileSync } = await import('node:fs');
  const raw = JSON.parse(readFileSync(new URL('../../../../examples/data/finess-58.json', import.meta.url), 'utf8'));
  const { structures, services, diagnostics } = normalizeDataset(raw);
  assert.deepEqual(diagnostics.issues, []);
  assert.equal(structures.length, raw.structures.length);
  const count = (k) => structures.filter((s) => s.typologie === k).length;
  // counts of the FINESS README for the Nièvre (categories 500, 202, 354, 460, 246, 183, 445, 463)
  assert.deepEqual([count('ehpad'), count('residence-autonomie'), count('ssiad'), count('saad'), count('esat'), count('ime'), count('samsah'), count('clic')], [37, 4, 16, 65, 7, 10, 2, 3]);
  assert.ok(structures.every((s) => s.source_libelle === 'FINESS, janvier 2021'));
  assert.ok(services.every((s) => s.thematiques.length > 0), 'every service has a thematique');
  assert.ok(services.filter((s) => s.thematiques.some((t) => t.startsWith('autonomie--'))).length > 200);
});

test('prototype-pollution keys in JSON do not reach objects', () => {
  const raw = JSON.parse('{"structures":[],"services":[{"source":"d","id":"a","structure_id":"s","nom":"Nom","date_maj":"2026-01-01","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}]}');
  const { services } = normalizeDataset(raw);
  assert.equal(services.length, 1);
  assert.equal({}.polluted, undefined);
  assert.equal(Object.getPrototypeOf(services[0]), Object.prototype);
  assert.equal(services[0].polluted, undefined);
});

test('a payload that is not a dataset is a typed French error', () => {
  assert.throws(() => normalizeDataset([1, 2]), (e) => e instanceof RelaisError && e.kind === 'invalid-payload' && /structures, services/.test(e.message));
  const { diagnostics } = normalizeDataset({ services: 'oops' });
  assert.equal(diagnostics.skipped, 1);
});
