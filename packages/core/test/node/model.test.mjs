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

test('coordinates: impossible ones are removed, ones outside France are flagged', () => {
  const { services, diagnostics } = normalizeDataset({ structures: [], services: [service({ latitude: 200, longitude: 3 }), service({ id: 'x2', latitude: 40.7, longitude: -74 }), service({ id: 'x3', latitude: -21.1, longitude: 55.5 })] });
  assert.equal(services[0].latitude, null);
  assert.equal(services[1].latitude, 40.7);
  assert.equal(diagnostics.warnings, 2);
  assert.equal(services[2].latitude, -21.1, 'La Réunion is France');
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
