import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { normalizeDataset, ServiceIndex, resolveCommune, queryKey } from '@relais/core/headless';

const data = JSON.parse(readFileSync(new URL('../../../../examples/data/nievre.json', import.meta.url), 'utf8'));
const { structures, services } = normalizeDataset(data);
const index = new ServiceIndex(structures, services);
const top = (q, n = 5) => index.search({ pageSize: n, ...q }).items;

test('"ehpad nevers": EHPAD in or near Nevers first', () => {
  const items = top({ text: 'ehpad nevers' });
  assert.ok(items.length >= 3);
  for (const i of items.slice(0, 3)) {
    assert.equal(i.structure.typologie, 'ehpad');
    assert.match(i.service.commune, /Nevers/);
  }
});

test('"aide a domicile" (no accent) finds home help services first', () => {
  for (const i of top({ text: 'aide a domicile' })) assert.ok(i.service.thematiques.includes('autonomie--aide-et-accompagnement-a-domicile'), i.service.nom);
});

test('"MDPH" puts the MDPH first', () => {
  assert.equal(top({ text: 'MDPH' })[0].structure.typologie, 'mdph-mda');
});

test('"maison de retraite" finds EHPAD through the synonym table', () => {
  const items = top({ text: 'maison de retraite' });
  assert.ok(items.every((i) => ['ehpad', 'residence-autonomie'].includes(i.structure.typologie)), items.map((i) => i.structure.typologie).join());
});

test('typos are forgiven: "clamcy", "ehapd", "domicle"', () => {
  assert.ok(top({ text: 'clamcy' }).every((i) => i.service.commune === 'Clamecy'));
  assert.ok(top({ text: 'ehapd' }).length > 0);
  assert.ok(top({ text: 'ehapd' }).every((i) => i.structure.typologie === 'ehpad'));
  assert.ok(top({ text: 'portage domicle' }).length > 0);
});

test('prefix search while typing: "rep" finds répit', () => {
  assert.ok(top({ text: 'rep' }).some((i) => i.service.thematiques.includes('autonomie--repit-des-aidants')));
});

test('no service has every word: partial matches, flagged as relaxed', () => {
  const r = index.search({ text: 'ehpad zzzzzz' });
  assert.equal(r.relaxed, true);
  assert.ok(r.total > 0);
  assert.equal(index.search({ text: 'ehpad' }).relaxed, false);
  assert.equal(index.search({ text: 'qwxzv' }).total, 0);
});

test('filters: OR within, AND across; thematique categories; tous-publics matches any public', () => {
  const all = index.search({ pageSize: 200 });
  assert.equal(all.total, services.length);
  const aidants = index.search({ publics: ['proches-aidants'], pageSize: 200 });
  assert.ok(aidants.items.every((i) => i.service.publics.includes('proches-aidants') || i.service.publics.includes('tous-publics')));
  const cat = index.search({ thematiques: ['autonomie'], frais: ['gratuit'], pageSize: 200 });
  assert.ok(cat.total > 0);
  assert.ok(cat.items.every((i) => i.service.thematiques.some((t) => t.startsWith('autonomie--')) && i.service.frais === 'gratuit'));
  const two = index.search({ typologies: ['ehpad', 'ssiad'], pageSize: 200 });
  assert.ok(two.items.some((i) => i.structure.typologie === 'ehpad') && two.items.some((i) => i.structure.typologie === 'ssiad'));
});

test('facets are disjunctive: a filter does not hide its own other values', () => {
  const r = index.search({ typologies: ['ehpad'] });
  assert.ok(r.facets.typologies.ccas_cias === undefined);
  assert.ok(r.facets.typologies['ccas-cias'] > 0, 'other kinds still counted');
  assert.equal(r.facets.typologies.ehpad, r.total);
  const sumCat = index.search({}).facets.categories.autonomie;
  assert.ok(sumCat > 0 && sumCat <= services.length);
});

test('commune: eligibility zones, 50 km, distance sort', async () => {
  const place = await resolveCommune('58079'); // Clamecy
  const r = index.search({ commune: '58079', pageSize: 200 }, place);
  assert.ok(r.total > 0);
  const d = r.items.map((i) => i.distanceKm).filter((x) => x !== null);
  assert.deepEqual(d, [...d].sort((a, b) => a - b), 'sorted by distance');
  assert.ok(d.every((x) => x <= 50));
  for (const i of r.items) {
    const z = i.service.zone_eligibilite;
    assert.ok(z.length === 0 || z.includes('58079') || z.includes('58') || z.includes(place.epci), `${i.service.id} ${z}`);
  }
  // a CCAS of another commune serves only its commune
  assert.ok(!r.items.some((i) => i.structure.typologie === 'ccas-cias' && i.service.code_insee !== '58079'));
});

test('near + radius, bbox, sort by name, paging', () => {
  const near = index.search({ near: { lat: 46.99, lon: 3.16, radiusKm: 10 }, pageSize: 200 });
  assert.ok(near.items.every((i) => i.distanceKm === null || i.distanceKm <= 10));
  const bbox = index.search({ bbox: [3.0, 46.9, 3.3, 47.1], pageSize: 200 });
  assert.ok(bbox.items.every((i) => i.service.longitude >= 3.0 && i.service.longitude <= 3.3));
  const names = index.search({ sort: 'name', pageSize: 200 }).items.map((i) => i.service.nom.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
  assert.deepEqual(names, [...names].sort());
  const p1 = index.search({ page: 1, pageSize: 10 });
  const p2 = index.search({ page: 2, pageSize: 10 });
  assert.equal(p1.items.length, 10);
  assert.notEqual(p1.items[0].service.id, p2.items[0].service.id);
  assert.equal(index.search({ page: 1000 }).items.length, 0);
});

test('openAt keeps services open at that moment', () => {
  const monday10 = new Date(2026, 10, 23, 10, 0);
  const sunday3 = new Date(2026, 10, 22, 3, 0);
  assert.ok(index.search({ openAt: monday10 }).total > 0);
  assert.equal(index.search({ openAt: sunday3 }).total, 0);
});

test('queryKey tells apart two département scopes (a cached answer for the Nièvre is never served for the Yonne)', () => {
  assert.notEqual(queryKey({ text: 'ehpad', departements: ['58'] }), queryKey({ text: 'ehpad', departements: ['89'] }));
  assert.notEqual(queryKey({ text: 'ehpad', departements: ['58'] }), queryKey({ text: 'ehpad' }));
  assert.equal(queryKey({ departements: ['89', '58'] }), queryKey({ departements: ['58', '89'] }));
});

test('queryKey ignores list order and case of the words', () => {
  assert.equal(queryKey({ text: 'EHPAD', thematiques: ['a', 'b'] }), queryKey({ text: 'ehpad ', thematiques: ['b', 'a'] }));
});

test('points: every match as a light point, without paging; records without position counted', async () => {
  const p = index.points({ thematiques: ['autonomie'], pageSize: 5, page: 3 });
  assert.equal(p.total, index.search({ thematiques: ['autonomie'] }).total);
  assert.equal(p.points.length + p.withoutPosition + p.outsideFrance, p.total);
  assert.ok(p.points.length > 100);
  // light: the fields of a marker and of a line of the map's list, nothing more
  for (const pt of p.points) assert.ok(Object.keys(pt).every((k) => ['id', 'kind', 'lat', 'lon', 'name', 'structure', 'commune'].includes(k)), Object.keys(pt).join());
  const one = p.points.find((pt) => pt.structure);
  const item = index.search({ text: one.name, pageSize: 200 }).items.find((i) => i.service.id === one.id) ?? index.items.find((i) => i.service.id === one.id);
  assert.equal(one.structure, item.structure.nom);
  assert.equal(one.commune, item.service.commune ?? item.structure.commune);
  const { structures: st2, services: sv2 } = normalizeDataset({
    structures: [],
    services: [
      { source: 'x', id: 'a', structure_id: 's', nom: 'Sans position', date_maj: '2026-01-01' },
      { source: 'x', id: 'b', structure_id: 's', nom: 'À New York', date_maj: '2026-01-01', latitude: 40.7, longitude: -74 },
      { source: 'x', id: 'c', structure_id: 's', nom: 'À Nevers', date_maj: '2026-01-01', latitude: 46.99, longitude: 3.16 },
    ],
  });
  const small = new ServiceIndex(st2, sv2).points({});
  assert.deepEqual({ n: small.points.length, without: small.withoutPosition, outside: small.outsideFrance }, { n: 1, without: 1, outside: 1 });
});

// The real France services list (ANCT, 01/08/2024): the démarches people type, and the structure-type filter.
const fsData = normalizeDataset(JSON.parse(readFileSync(new URL('../../../../examples/data/france-services.json', import.meta.url), 'utf8')));
const fsIndex = new ServiceIndex(fsData.structures, fsData.services);

test('real France services list: « carte grise » near Clamecy finds the nearest France services first', async () => {
  const place = await resolveCommune('58079');
  // the nearest site, measured here from the raw coordinates (not through the engine)
  const rad = (x) => (x * Math.PI) / 180;
  const km = (s) => 6371 * 2 * Math.asin(Math.sqrt(Math.sin(rad(s.latitude - place.lat) / 2) ** 2 + Math.cos(rad(place.lat)) * Math.cos(rad(s.latitude)) * Math.sin(rad(s.longitude - place.lon) / 2) ** 2));
  const nearest = [...fsData.structures].sort((a, b) => km(a) - km(b))[0];
  assert.equal(nearest.nom, 'France services de Clamecy');
  const r = fsIndex.search({ text: 'carte grise', commune: '58079', pageSize: 5 }, place);
  assert.equal(r.items[0].structure.id, nearest.id);
  assert.equal(r.relaxed, false);
  const d = r.items.map((i) => i.distanceKm);
  assert.deepEqual(d, [...d].sort((a, b) => a - b), 'equally relevant sites: nearest first');
});

test('real France services list: every démarche word of the issue finds France services sites', () => {
  for (const text of ['carte grise', 'immatriculation', 'passeport', 'carte d’identité', 'CNI', 'permis de conduire', 'ANTS', 'impôts', 'CAF', 'retraite', 'MSA', 'Pôle emploi', 'France Travail', 'MSAP', 'maison France services']) {
    const r = fsIndex.search({ text, pageSize: 3 });
    assert.ok(r.total > 2000, `${text}: ${r.total}`);
    assert.ok(r.items.every((i) => i.structure.typologie === 'france-services'), text);
  }
});

test('real France services list: the structure-type filter finds all 2 845 sites (typologie from reseaux_porteurs)', () => {
  assert.equal(fsIndex.search({ typologies: ['france-services'] }).total, 2845);
  assert.equal(fsIndex.search({}).facets.typologies['france-services'], 2845);
});
