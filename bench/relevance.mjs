#!/usr/bin/env node
// Search relevance on REAL data: 15 queries people type, on the France services list (ANCT, 01/08/2024, 2 845 sites)
// and on the demo's Nièvre mix (France services + FINESS janvier 2021 + fictional sample), with what they find.
//   npx tsc -b && node bench/relevance.mjs            → prints the table
//   node bench/relevance.mjs --write                  → also writes it into bench/README.md (between the RELEVANCE markers)
// The expected first result is computed here from the raw coordinates (nearest site of the expected kind), not by the engine.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeDataset, ServiceIndex, resolveCommune } from '@relais/core/headless';
import { QUERIES } from './relevance-queries.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const load = (f) => normalizeDataset(JSON.parse(readFileSync(join(root, 'examples/data', f), 'utf8')));
const sets = { fs: load('france-services.json'), demo: load('nievre-demo.json') };
const indexes = Object.fromEntries(Object.entries(sets).map(([k, d]) => [k, new ServiceIndex(d.structures, d.services)]));

const rad = (x) => (x * Math.PI) / 180;
const km = (p, s) => 6371 * 2 * Math.asin(Math.sqrt(Math.sin(rad(s.latitude - p.lat) / 2) ** 2 + Math.cos(rad(p.lat)) * Math.cos(rad(s.latitude)) * Math.sin(rad(s.longitude - p.lon) / 2) ** 2));
const rows = [];
let firstOk = 0;
let rr = 0;
for (const [set, text, commune, kind] of QUERIES) {
  const place = await resolveCommune(commune);
  const nearest = sets[set].structures.filter((s) => s.typologie === kind && s.latitude != null).sort((a, b) => km(place, a) - km(place, b))[0];
  const t0 = performance.now();
  const r = indexes[set].search({ text, commune, pageSize: 200 }, place);
  const ms = performance.now() - t0;
  const rank = r.items.findIndex((i) => i.structure?.id === nearest.id) + 1;
  if (rank === 1) firstOk++;
  rr += rank ? 1 / rank : 0;
  const top = r.items.slice(0, 3).map((i) => `${i.structure?.nom ?? i.service.nom} (${i.distanceKm} km)`).join(' ; ');
  rows.push(`| ${set === 'fs' ? 'France services' : 'Démo Nièvre'} | « ${text} » | ${place.code} | ${nearest.nom} (${km(place, nearest).toFixed(1)} km) | ${rank || '—'} | ${r.total} | ${top} | ${ms.toFixed(1)} |`);
}
const table = [
  '| Jeu | Mots | Commune | Attendu en premier (le plus proche du type attendu) | Rang obtenu | Résultats | Trois premiers | ms |',
  '|---|---|---|---|---|---|---|---|',
  ...rows,
  '',
  `Premier résultat attendu : ${firstOk}/${QUERIES.length} ; rang réciproque moyen (MRR) : ${(rr / QUERIES.length).toFixed(2)}. Node ${process.version}.`,
].join('\n');
console.log(table);
if (process.argv.includes('--write')) {
  const readme = join(root, 'bench/README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- RELEVANCE:START -->';
  const end = '<!-- RELEVANCE:END -->';
  if (!text.includes(start)) throw new Error('bench/README.md: RELEVANCE markers missing');
  writeFileSync(readme, text.slice(0, text.indexOf(start) + start.length) + '\n' + table + '\n' + text.slice(text.indexOf(end)));
}
