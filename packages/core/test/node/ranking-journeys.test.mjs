// Issue 15, « Journeys without dead ends », the directory's ranking on the demo data (real FINESS and France services
// of the Nièvre with fictional CCAS, MDPH…). The expected answers are computed here from the raw file with our own
// distance, not by the engine: « ehpad » from Clamecy is the EHPAD nearest to Clamecy that serves it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createClient, resolveCommune } from '@relais/core';

const load = (file) => {
  const raw = JSON.parse(readFileSync(new URL(`../../../../examples/data/${file}`, import.meta.url), 'utf8'));
  return { file, raw, client: createClient({ source: 'static', data: raw }), structById: new Map(raw.structures.map((s) => [s.id, s])) };
};
// the demo's file, and the fictional one where « ehpad » from Clamecy listed « Hébergement temporaire » 2.7 km away
// before the EHPAD 400 m away
const DATASETS = [load('nievre-demo.json'), load('nievre.json')];

const km = (a, b) => {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
};
/** The services of a kind that serve a commune, nearest first (from the file itself). */
async function nearestOfKind({ raw, structById }, kind, code) {
  const place = await resolveCommune(code);
  const zones = new Set([code, place.departement, place.epci, 'france']);
  return raw.services
    .map((s) => ({ s, st: structById.get(s.structure_id) }))
    .filter(({ s, st }) => [kind].flat().includes(st?.typologie) && (!s.zone_eligibilite?.length || s.zone_eligibilite.some((z) => zones.has(z))))
    .map(({ s, st }) => ({ id: s.id, name: st.nom, d: km(place, { lat: s.latitude ?? st.latitude, lon: s.longitude ?? st.longitude }) }))
    .sort((a, b) => a.d - b.d);
}

const PLACES = { '58079': 'Clamecy', '58194': 'Nevers', '58086': 'Cosne-Cours-sur-Loire', '58062': 'Château-Chinon (Ville)' };
// a SPASAD is a SSIAD and a SAAD in one service (FINESS 209): the nearest of either answers « ssiad » or « saad »
const WORDS = { ehpad: 'ehpad', 'maison de retraite': 'ehpad', ssiad: ['ssiad', 'spasad'], ccas: 'ccas-cias', 'france services': 'france-services', mdph: 'mdph-mda', 'centre social': 'centre-social', saad: ['saad', 'spasad'], esat: 'esat', ime: 'ime', clic: 'clic' };

for (const ds of DATASETS) for (const [words, kind] of Object.entries(WORDS)) {
  test(`${ds.file}: « ${words} » from each town: the nearest ${kind} that serves the town comes first`, async () => {
    const wrong = [];
    for (const [code, town] of Object.entries(PLACES)) {
      const expected = await nearestOfKind(ds, kind, code);
      if (!expected.length) continue;
      const r = await ds.client.search({ text: words, commune: code, pageSize: 3 });
      const first = r.items[0];
      const ok = first && [kind].flat().includes(first.structure?.typologie) && Math.abs(first.distanceKm - expected[0].d) < 0.2;
      if (!ok) wrong.push(`${town}: ${first ? `${first.structure?.nom} (${first.structure?.typologie}, ${first.distanceKm} km)` : 'rien'} au lieu de ${expected[0].name} (${expected[0].d.toFixed(1)} km)`);
    }
    assert.deepEqual(wrong, []);
  });
}

// ---------- place words in the query ----------
const demo = DATASETS[0];

test('« ehpad clamecy »: Clamecy is recognised as the place, said so, and the EHPAD of Clamecy comes first among all those near it', async () => {
  const r = await demo.client.search({ text: 'ehpad clamecy', pageSize: 5 });
  assert.deepEqual(r.recognizedPlace, { code: '58079', name: 'Clamecy', words: 'clamecy' });
  const asPlace = await demo.client.search({ text: 'ehpad', commune: '58079', pageSize: 5 });
  assert.equal(r.total, asPlace.total);
  assert.ok(r.total > 10, `${r.total} EHPAD within 50 km (the place word no longer has to be in the name)`);
  const expected = await nearestOfKind(demo, 'ehpad', '58079');
  assert.equal(r.items[0].structure.nom, expected[0].name);
  assert.ok(r.items[0].distanceKm < 2);
});

test('place words: hyphenated, with an article or « st », typed after « à »; a chosen place is not replaced', async () => {
  const cases = [
    ['ehpad cosne-cours-sur-loire', '58086', 'ehpad'],
    ['aide à domicile la charité sur loire', '58059', 'aide à domicile'],
    ['EHPAD à Nevers', '58194', 'EHPAD à'],
    ['ssiad st pierre le moutier', '58264', 'ssiad'],
  ];
  for (const [text, code] of cases) {
    const r = await demo.client.search({ text, pageSize: 1 });
    assert.equal(r.recognizedPlace?.code, code, text);
    assert.ok(r.total > 0, text);
    assert.ok(r.items[0].distanceKm !== null, `${text}: distances from the place`);
  }
  // Nevers is the chosen place: « clamecy » stays a word (the services named after Clamecy), nothing is recognised
  const chosen = await demo.client.search({ text: 'ccas clamecy', commune: '58194', pageSize: 3 });
  assert.equal(chosen.recognizedPlace, undefined);
  // the same commune as the one chosen: the word leaves the search
  const same = await demo.client.search({ text: 'ehpad clamecy', commune: '58079', pageSize: 3 });
  assert.equal(same.recognizedPlace?.code, '58079');
  // words of need are never taken for a place, and the option turns recognition off
  for (const text of ['portage de repas', 'aide', 'soins', 'accueil de jour', 'carte grise']) assert.equal((await demo.client.search({ text, pageSize: 1 })).recognizedPlace, undefined, text);
  assert.equal((await demo.client.search({ text: 'ehpad clamecy', placeInText: false, pageSize: 1 })).total, 1);
});

// ---------- zone_eligibilite ----------
const CLAMECY = { lat: 47.4576, lon: 3.5168 };
const serves = (s, codes) => !s.zone_eligibilite?.length || s.zone_eligibilite.some((z) => codes.includes(z));

test('« portage de repas », Autour de moi in Clamecy: no service that serves only its own town 33–49 km away; the result says how many exist and why', async () => {
  const clamecy = await resolveCommune('58079');
  const codes = ['58079', '58', clamecy.epci, 'france'];
  const near = await demo.client.search({ text: 'portage de repas', near: { ...CLAMECY, radiusKm: 50 }, pageSize: 50 });
  for (const it of near.items) assert.ok(serves(it.service, codes), `${it.structure?.nom} (${it.distanceKm} km) serves ${it.service.zone_eligibilite}`);
  assert.equal(near.total, 0);
  // how many the data has, and why none is listed: counted here from the file
  const anywhere = await demo.client.search({ text: 'portage de repas', pageSize: 200 });
  const notServing = anywhere.items.filter((it) => !serves(it.service, codes)).length;
  assert.ok(notServing >= 11, `${notServing} portage services that serve their own town only`);
  assert.deepEqual(near.elsewhere, { total: anywhere.total, notServing, tooFar: anywhere.total - notServing });
  const fromCommune = await demo.client.search({ text: 'portage de repas', commune: '58079', pageSize: 1 });
  assert.deepEqual(fromCommune.elsewhere, near.elsewhere);
  // in Donzy, Donzy's own service is listed
  const donzy = await resolveCommune('58102');
  const there = await demo.client.search({ text: 'portage de repas', near: { lat: donzy.lat, lon: donzy.lon, radiusKm: 50 }, pageSize: 50 });
  assert.ok(there.items.some((it) => it.structure?.nom === 'CCAS de Donzy'));
  for (const it of there.items) assert.ok(serves(it.service, ['58102', '58', donzy.epci, 'france']), it.structure?.nom);
  assert.equal(there.elsewhere, undefined);
  // ignoreZones lists them all the same (the directory's « nearest of that kind » fallback)
  const all = await demo.client.search({ text: 'portage de repas', near: { ...CLAMECY, radiusKm: 50 }, ignoreZones: true, pageSize: 50 });
  assert.ok(all.total >= 5, `${all.total} within 50 km when zones are ignored`);
});

test('map points « Autour de moi » follow the zones too', async () => {
  const p = await demo.client.points({ text: 'portage de repas', near: { ...CLAMECY, radiusKm: 50 } });
  assert.equal(p.total, 0);
});
