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
    .filter(({ s, st }) => st?.typologie === kind && (!s.zone_eligibilite?.length || s.zone_eligibilite.some((z) => zones.has(z))))
    .map(({ s, st }) => ({ id: s.id, name: st.nom, d: km(place, { lat: s.latitude ?? st.latitude, lon: s.longitude ?? st.longitude }) }))
    .sort((a, b) => a.d - b.d);
}

const PLACES = { '58079': 'Clamecy', '58194': 'Nevers', '58086': 'Cosne-Cours-sur-Loire', '58062': 'Château-Chinon (Ville)' };
const WORDS = { ehpad: 'ehpad', 'maison de retraite': 'ehpad', ssiad: 'ssiad', ccas: 'ccas-cias', 'france services': 'france-services', mdph: 'mdph-mda', 'centre social': 'centre-social', saad: 'saad', esat: 'esat', ime: 'ime', clic: 'clic' };

for (const ds of DATASETS) for (const [words, kind] of Object.entries(WORDS)) {
  test(`${ds.file}: « ${words} » from each town: the nearest ${kind} that serves the town comes first`, async () => {
    const wrong = [];
    for (const [code, town] of Object.entries(PLACES)) {
      const expected = await nearestOfKind(ds, kind, code);
      if (!expected.length) continue;
      const r = await ds.client.search({ text: words, commune: code, pageSize: 3 });
      const first = r.items[0];
      const ok = first && first.structure?.typologie === kind && Math.abs(first.distanceKm - expected[0].d) < 0.2;
      if (!ok) wrong.push(`${town}: ${first ? `${first.structure?.nom} (${first.structure?.typologie}, ${first.distanceKm} km)` : 'rien'} au lieu de ${expected[0].name} (${expected[0].d.toFixed(1)} km)`);
    }
    assert.deepEqual(wrong, []);
  });
}
