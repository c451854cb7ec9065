// Runs in headless Chromium (bench/run.mjs): the same data and queries for the Relais engine and its peers.
import { normalizeDataset, ServiceIndex, termLabel, fold } from '@relais/core/headless';
import MiniSearch from 'minisearch';
import { Index as FlexIndex, Charset } from 'flexsearch';
import Fuse from 'fuse.js';

const QUERIES = ['ehpad nevers', 'aide a domicile', 'mdph', 'maison de retraite', 'clamcy', 'repit aidants', 'transport solidaire', 'portage de repas', 'accueil de jour', 'auxiliaire de vie'];
// What a person expects in the first 10 results (structure kinds or thematiques), to compare relevance.
const EXPECT = {
  'ehpad nevers': (i) => i.structure?.typologie === 'ehpad' && /nevers/i.test(i.service.commune ?? ''),
  'aide a domicile': (i) => i.service.thematiques.includes('autonomie--aide-et-accompagnement-a-domicile'),
  mdph: (i) => i.structure?.typologie === 'mdph-mda',
  'maison de retraite': (i) => ['ehpad', 'residence-autonomie'].includes(i.structure?.typologie),
  clamcy: (i) => i.service.commune === 'Clamecy',
  'repit aidants': (i) => i.service.thematiques.includes('autonomie--repit-des-aidants'),
  'transport solidaire': (i) => i.service.thematiques.includes('autonomie--transport-accompagne'),
  'portage de repas': (i) => i.service.thematiques.includes('autonomie--portage-de-repas'),
  'accueil de jour': (i) => i.service.thematiques.includes('autonomie--accueil-de-jour'),
  'auxiliaire de vie': (i) => i.service.thematiques.includes('autonomie--aide-et-accompagnement-a-domicile'),
};

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const gc = () => (globalThis.gc ? globalThis.gc() : undefined);
const heap = () => performance.memory?.usedJSHeapSize ?? 0;

function docText(item) {
  const { service: s, structure: st } = item;
  return {
    id: s.id,
    nom: s.nom,
    structure: st?.nom ?? '',
    lieu: `${s.commune ?? ''} ${s.code_postal ?? ''}`,
    genre: [st?.typologie ? termLabel('typologies', st.typologie) : '', ...s.thematiques.map((t) => termLabel('thematiques', t))].join(' '),
    description: s.description ?? '',
  };
}

function keystrokes() {
  const out = [];
  for (const q of QUERIES) for (let n = 2; n <= q.length; n++) out.push(q.slice(0, n));
  return out;
}

export async function run({ url, engines }) {
  const t0 = performance.now();
  const raw = await (await fetch(url)).json();
  const tParse = performance.now() - t0;
  let t = performance.now();
  const { structures, services } = normalizeDataset(raw);
  const tValidate = performance.now() - t;
  const results = { size: services.length, parseMs: tParse, validateMs: tValidate, engines: {} };
  const byId = new Map(structures.map((s) => [s.id, s]));
  const items = services.map((service) => ({ service, structure: byId.get(service.structure_id) ?? null }));
  const idIndex = new Map(items.map((it, i) => [it.service.id, i]));
  const docs = items.map(docText);
  const keys = keystrokes();

  const measure = async (name, build, search, opts = {}) => {
    gc();
    const h0 = heap();
    const b0 = performance.now();
    const engine = build();
    const buildMs = performance.now() - b0;
    gc();
    const mem = heap() - h0;
    const times = [];
    const list = opts.fullQueriesOnly ? QUERIES : keys;
    // each keystroke's best pass: what the engine costs when nothing else takes the CPU (a shared machine's other
    // processes add their pauses to single samples)
    const best = new Array(list.length).fill(Infinity);
    for (let rep = 0; rep < (opts.reps ?? 3); rep++) {
      for (let j = 0; j < list.length; j++) {
        const s0 = performance.now();
        search(engine, list[j]);
        const dt = performance.now() - s0;
        times.push(dt);
        best[j] = Math.min(best[j], dt);
      }
      await new Promise((r) => setTimeout(r, 0));
    }
    let hits = 0;
    for (const q of QUERIES) {
      const top = search(engine, q).slice(0, 10);
      if (top.length && top.filter(EXPECT[q]).length >= Math.min(5, top.length)) hits++;
    }
    results.engines[name] = { buildMs, memMB: mem / 1048576, p50: pct(times, 50), p95: pct(times, 95), bestP95: pct(best, 95), max: Math.max(...times), relevance: `${hits}/${QUERIES.length}`, samples: times.length, note: opts.fullQueriesOnly ? 'full queries only' : '' };
  };

  if (engines.includes('relais')) {
    await measure(
      'relais',
      () => new ServiceIndex(structures, services),
      (idx, q) => idx.search({ text: q, pageSize: 20 }).items,
    );
  }
  if (engines.includes('minisearch')) {
    await measure(
      'minisearch',
      () => {
        const ms = new MiniSearch({ fields: ['nom', 'structure', 'lieu', 'genre', 'description'], idField: 'id', processTerm: (t) => fold(t) });
        ms.addAll(docs);
        return ms;
      },
      (ms, q) => ms.search(q, { prefix: true, fuzzy: 0.2, combineWith: 'AND', boost: { nom: 3, structure: 2, lieu: 1.5, genre: 1.5 } }).slice(0, 20).map((r) => items[idIndex.get(r.id)]),
    );
  }
  if (engines.includes('flexsearch')) {
    await measure(
      'flexsearch',
      () => {
        const ix = new FlexIndex({ tokenize: 'forward', encoder: Charset.LatinBalance });
        docs.forEach((d, i) => ix.add(i, `${d.nom} ${d.structure} ${d.lieu} ${d.genre} ${d.description}`));
        return ix;
      },
      (ix, q) => ix.search(q, { limit: 20, suggest: true }).map((i) => items[i]),
    );
  }
  if (engines.includes('fuse')) {
    await measure(
      'fuse.js',
      () => new Fuse(docs, { keys: [{ name: 'nom', weight: 3 }, { name: 'structure', weight: 2 }, { name: 'lieu', weight: 1.5 }, { name: 'genre', weight: 1.5 }, { name: 'description', weight: 0.5 }], threshold: 0.3, ignoreLocation: true }),
      (f, q) => f.search(q, { limit: 20 }).map((r) => items[r.refIndex]),
      services.length > 10000 ? { reps: 1, fullQueriesOnly: true } : { reps: 1 },
    );
  }
  return results;
}
