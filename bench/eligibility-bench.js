// Runs in headless Chromium (bench/run.mjs): the eligibility engine on the national catalogue, and on the national
// catalogue merged with the two demo local catalogues, for random answer sets (every fact answered or not).
import { evaluate, nationalCatalogue, prepareCatalogue, mergeCatalogues, parseCatalogue, FACTS } from '@relais/eligibility/headless';

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** A deterministic pseudo-random generator (mulberry32). */
function rng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function answers(rand) {
  const a = {};
  for (const f of FACTS) {
    if (rand() < 0.3) continue; // not answered
    if (f.type === 'number') a[f.id] = Math.round((f.min ?? 0) + rand() * ((f.max ?? 5000) - (f.min ?? 0)));
    else if (f.type === 'boolean') a[f.id] = rand() < 0.5;
    else if (f.type === 'choice') a[f.id] = f.options[Math.floor(rand() * f.options.length)].value;
    else if (f.type === 'commune') a[f.id] = rand() < 0.5 ? '58079' : '75056';
  }
  return a;
}

export async function run({ locals }) {
  const out = {};
  const catalogues = {
    national: prepareCatalogue(nationalCatalogue),
    'national + 2 local': prepareCatalogue(mergeCatalogues(nationalCatalogue, ...(await Promise.all(locals.map(async (u) => parseCatalogue(await (await fetch(u)).json())))))),
  };
  for (const [name, catalogue] of Object.entries(catalogues)) {
    const rand = rng(2026);
    const sets = Array.from({ length: 3000 }, () => answers(rand));
    for (let i = 0; i < 200; i++) evaluate(catalogue, sets[i], { date: '2026-11-23' }); // warm-up
    const times = [];
    for (const s of sets) {
      const t = performance.now();
      evaluate(catalogue, s, { date: '2026-11-23' });
      times.push(performance.now() - t);
    }
    out[name] = { benefits: catalogue.benefits.length, runs: sets.length, p50: pct(times, 50), p95: pct(times, 95), max: Math.max(...times) };
  }
  return out;
}
