import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Gazetteer, resolveCommune, epciName, departementOf, departementName, isInFranceBounds } from '@relais/core/headless';

test('autocomplete by name prefix, postcode, and with a typo', async () => {
  const g = await Gazetteer.load({ departements: ['58'] });
  assert.equal(g.communes.length, 309);
  const clam = g.search('clam');
  assert.equal(clam[0].name, 'Clamecy');
  assert.equal(clam[0].code, '58079');
  assert.ok(g.search('58500').some((c) => c.code === '58079'));
  assert.equal(g.search('clamcy')[0].code, '58079');
  assert.equal(g.search('nevers')[0].code, '58194');
  assert.equal(g.search('cosne')[0].code, '58086');
  assert.equal(g.search('x').length, 0);
});

test('whole France: "st" means "saint", arrondissements, département of a commune', async () => {
  const g = await Gazetteer.load();
  assert.ok(g.communes.length > 34000);
  assert.equal(g.search('st etienne')[0].code, '42218');
  assert.ok(g.search('75011').some((c) => c.parent === '75056'));
  assert.equal(g.get('2A004').departement, '2A');
  assert.equal(departementOf('97411'), '974');
  assert.equal(departementName('58'), 'Nièvre');
  const near = g.nearest(47.458, 3.52);
  assert.equal(near.code, '58079');
});

test('resolve: centroid, département, EPCI', async () => {
  const p = await resolveCommune('58079');
  assert.equal(p.departement, '58');
  assert.ok(Math.abs(p.lat - 47.4588) < 0.001 && Math.abs(p.lon - 3.5188) < 0.001);
  assert.match(p.epci, /^\d{9}$/);
  assert.match(await epciName(p.epci), /Haut Nivernais|Clamecy|Vaux d'Yonne/i);
  assert.equal(await resolveCommune('99999'), undefined);
});

test('every French commune once, each in France (communes.csv, COG 2024: 34 931 communes and 45 arrondissements), Auxerre once', async () => {
  const g = await Gazetteer.load();
  const codes = new Set(g.communes.map((c) => c.code));
  assert.equal(codes.size, g.communes.length, 'no commune listed twice (communes.csv has one line per postcode)');
  assert.equal(g.communes.filter((c) => !c.parent).length, 34931);
  assert.equal(g.communes.filter((c) => c.parent).length, 45);
  // three communes have no position in the source: placed at the centre of their postcode's communes, not at 0,0
  assert.deepEqual(g.communes.filter((c) => !isInFranceBounds(c.lat, c.lon)).map((c) => c.name), []);
  for (const code of ['60694', '85165', '85212']) assert.ok(g.get(code).lat > 46, code);
  const auxerre = g.search('auxerre');
  assert.deepEqual(auxerre.map((c) => c.code), ['89024']);
  assert.deepEqual(auxerre[0].postcodes, ['89000', '89290']);
});

test('around the Nièvre: its neighbours (Yonne, Cher, Allier, Saône-et-Loire, Côte-d’Or, Loiret), not Marseille’s', async () => {
  const { departementsAround } = await import('@relais/core/headless');
  const around = await departementsAround(['58']);
  for (const d of ['58', '89', '18', '03', '71', '21', '45']) assert.ok(around.includes(d), d);
  assert.ok(!around.includes('13') && !around.includes('29'));
  assert.ok(around.length < 20, `${around.length} départements`);
  const g = await Gazetteer.load({ around: ['58'] });
  assert.equal(g.search('auxerre')[0]?.code, '89024');
});
