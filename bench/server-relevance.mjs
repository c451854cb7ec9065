#!/usr/bin/env node
// The relevance table of bench/relevance.mjs run against both engines on the same data and queries: the static
// engine of @relais/core (in memory) and @relais/server's SQL search (PGlite, or PostgreSQL with DATABASE_URL).
//   npx tsc -b && node bench/server-relevance.mjs            → prints the table
//   node bench/server-relevance.mjs --write                  → also writes it into bench/README.md (SERVER-RELEVANCE markers)
// The expected first result is computed here from the raw coordinates (nearest site of the expected kind), not by an engine.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeDataset, ServiceIndex, resolveCommune } from '@relais/core/headless';
import { openDb, migrate, importDataset, searchDirectory } from '@relais/server';
import { QUERIES as ALL } from './relevance-queries.mjs';

// the queries with a chosen commune and one expected kind, on the two sets loaded here
const QUERIES = ALL.filter((q) => q.commune && typeof q.kind === 'string' && (q.set === 'fs' || q.set === 'demo')).map((q) => [q.set, q.text, q.commune, q.kind]);

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const raw = (f) => JSON.parse(readFileSync(join(root, 'examples/data', f), 'utf8'));
const files = { fs: 'france-services.json', demo: 'nievre-demo.json' };
const sets = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, normalizeDataset(raw(f))]));
const indexes = Object.fromEntries(Object.entries(sets).map(([k, d]) => [k, new ServiceIndex(d.structures, d.services)]));

/** One database per set (the same records as the static index). */
const dbs = {};
for (const [k, f] of Object.entries(files)) {
  dbs[k] = await openDb({ databaseUrl: process.env.DATABASE_URL });
  if (process.env.DATABASE_URL) throw new Error('DATABASE_URL: give an empty database per set (not supported by this script yet)');
  await migrate(dbs[k]);
  await importDataset(dbs[k], raw(f), f);
}

const rad = (x) => (x * Math.PI) / 180;
const km = (p, s) => 6371 * 2 * Math.asin(Math.sqrt(Math.sin(rad(s.latitude - p.lat) / 2) ** 2 + Math.cos(rad(p.lat)) * Math.cos(rad(s.latitude)) * Math.sin(rad(s.longitude - p.lon) / 2) ** 2));
const rows = [];
const score = { static: { first: 0, rr: 0, ms: [] }, server: { first: 0, rr: 0, ms: [] } };
for (const [set, text, commune, kind] of QUERIES) {
  const place = await resolveCommune(commune);
  const nearest = sets[set].structures.filter((s) => s.typologie === kind && s.latitude != null).sort((a, b) => km(place, a) - km(place, b))[0];
  let t0 = performance.now();
  const a = indexes[set].search({ text, commune, pageSize: 200 }, place);
  score.static.ms.push(performance.now() - t0);
  t0 = performance.now();
  const b = await searchDirectory(dbs[set], { text, commune, pageSize: 200 }, place);
  score.server.ms.push(performance.now() - t0);
  const rankA = a.items.findIndex((i) => i.structure?.id === nearest.id) + 1;
  const rankB = b.items.findIndex((i) => i.structure?.id === nearest.id) + 1;
  for (const [k, r] of [['static', rankA], ['server', rankB]]) {
    if (r === 1) score[k].first++;
    score[k].rr += r ? 1 / r : 0;
  }
  const top = (items) => items.slice(0, 3).map((i) => `${i.structure?.nom ?? i.service.nom} (${i.distanceKm ?? i.distance_km} km)`).join(' ; ');
  rows.push(`| ${set === 'fs' ? 'France services' : 'Démo Nièvre'} | « ${text} » | ${place.code} | ${nearest.nom} | ${rankA || '—'} / ${rankB || '—'} | ${a.total} / ${b.total} | ${top(b.items)} | ${score.static.ms.at(-1).toFixed(1)} / ${score.server.ms.at(-1).toFixed(1)} |`);
}
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const n = QUERIES.length;
const table = [
  '| Jeu | Mots | Commune | Attendu en premier | Rang statique / serveur | Résultats statique / serveur | Trois premiers (serveur) | ms statique / serveur |',
  '|---|---|---|---|---|---|---|---|',
  ...rows,
  '',
  `Premier résultat attendu : statique ${score.static.first}/${n}, serveur ${score.server.first}/${n} ; MRR : statique ${(score.static.rr / n).toFixed(2)}, serveur ${(score.server.rr / n).toFixed(2)}. ` +
    `Médiane : statique ${median(score.static.ms).toFixed(1)} ms, serveur ${median(score.server.ms).toFixed(1)} ms (${dbs.fs.kind}, une requête à la fois, page de 200). Node ${process.version}.`,
].join('\n');
console.log(table);
for (const db of Object.values(dbs)) await db.close();
if (process.argv.includes('--write')) {
  const readme = join(root, 'bench/README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- SERVER-RELEVANCE:START -->';
  const end = '<!-- SERVER-RELEVANCE:END -->';
  if (!text.includes(start)) throw new Error('bench/README.md: SERVER-RELEVANCE markers missing');
  writeFileSync(readme, text.slice(0, text.indexOf(start) + start.length) + '\n' + table + '\n' + text.slice(text.indexOf(end)));
}
