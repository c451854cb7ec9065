import { test } from 'node:test';
import assert from 'node:assert/strict';
import { located, positionOf, addressLines, addressLine } from '@relais/core/headless';

const blank = { adresse: null, complement_adresse: null, commune: null, code_postal: null, code_insee: null, latitude: null, longitude: null, telephone: null, courriel: null, horaires_accueil: null };
const structure = { ...blank, id: 'st', nom: 'CCAS de Clamecy', adresse: '2 place du Général Sanglé-Ferrière', complement_adresse: 'Bâtiment B', code_postal: '58500', commune: 'Clamecy', telephone: '03 86 27 01 23', latitude: 47.46, longitude: 3.52 };

test('located: the service’s own value first, else its structure’s, else null', () => {
  const s = { ...blank, id: 's', nom: 'Portage de repas', telephone: '03 86 00 00 00', latitude: 0 };
  assert.equal(located(s, structure, 'telephone'), '03 86 00 00 00');
  assert.equal(located(s, structure, 'commune'), 'Clamecy');
  assert.equal(located(s, null, 'commune'), null);
  assert.equal(located(s, undefined, 'courriel'), null);
  assert.equal(located(s, structure, 'latitude'), 0, 'a latitude of 0 is a value, not a gap');
});

test('positionOf: both coordinates or none (a service never gets half of its structure’s position)', () => {
  const s = { ...blank, id: 's', nom: 'Portage de repas' };
  assert.deepEqual(positionOf(s, structure), { lat: 47.46, lon: 3.52 });
  assert.equal(positionOf(s, null), null);
  assert.equal(positionOf({ ...s, latitude: 47.1 }, null), null);
  assert.deepEqual(positionOf({ ...s, latitude: 47.1, longitude: 3.1 }, structure), { lat: 47.1, lon: 3.1 });
});

test('addressLines and addressLine: street, complement on demand, postcode and town; gaps left out', () => {
  const s = { ...blank, id: 's', nom: 'Portage de repas', adresse: '1 rue du Marché' };
  assert.deepEqual(addressLines(s, structure), ['1 rue du Marché', '58500 Clamecy']);
  assert.deepEqual(addressLines(s, structure, { complement: true }), ['1 rue du Marché', 'Bâtiment B', '58500 Clamecy']);
  assert.equal(addressLine(s, structure), '1 rue du Marché, 58500 Clamecy');
  assert.equal(addressLine({ ...blank, id: 's', nom: 'x', commune: 'Varzy' }, null), 'Varzy');
  assert.equal(addressLine({ ...blank, id: 's', nom: 'x' }, null), '');
});
