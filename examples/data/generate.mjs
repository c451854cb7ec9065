#!/usr/bin/env node
// Writes the demonstration datasets. Deterministic: same seed → same bytes.
//   node examples/data/generate.mjs            → examples/data/nievre.json (committed)
//   node examples/data/generate.mjs --bench    → also bench/data/france-{1k,10k,50k,200k}.json (not committed)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generator.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const write = (file, data) => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(data));
  console.log(`${file.replace(root + '/', '')}: ${data.structures.length} structures, ${data.services.length} services`);
};
write(join(root, 'examples/data/nievre.json'), { ...generate({ departements: ['58'], seed: 58, targetServices: 440 }), _meta: { description: 'Données de démonstration : structures et services fictifs sur les communes réelles de la Nièvre.', licence: 'Licence Ouverte 2.0 (format data·inclusion v1)' } });
if (process.argv.includes('--bench')) {
  const sizes = (process.argv.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '1000,10000,50000,200000').split(',').map(Number);
  for (const n of sizes) {
    const data = generate({ seed: 2026, targetServices: Math.round(n * 1.15) });
    // trim to the exact size, keeping whole structures consistent
    const step = data.services.length / n;
    data.services = Array.from({ length: n }, (_, i) => data.services[Math.floor(i * step)]);
    const keep = new Set(data.services.map((s) => s.structure_id));
    data.structures = data.structures.filter((s) => keep.has(s.id));
    write(join(root, `bench/data/france-${n >= 1000 ? n / 1000 + 'k' : n}.json`), data);
  }
}
