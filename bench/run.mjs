#!/usr/bin/env node
// `npm run bench`: benchmarks in headless Chromium, ours and the named peers side by side in one run.
//   node bench/run.mjs [--sizes=1000,10000,50000] [--full] (adds 200 000) [--only=search]
// Writes bench/results/*.json and the tables of bench/README.md (between the RESULTS markers).
import { writeFile, mkdir } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { build } from 'esbuild';
import { launchChromium, serveStatic } from '../scripts/browser.mjs';
import { esbuildSourceAliases } from '../scripts/source-aliases.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (k, d) => process.argv.find((a) => a.startsWith(`--${k}=`))?.slice(k.length + 3) ?? d;
let sizes = arg('sizes', '1000,10000,50000').split(',').map(Number);
if (process.argv.includes('--full')) sizes = [...new Set([...sizes, 200000])];
const only = arg('only', 'search,prebuilt,directory,map,widgets,eligibility,liaison').split(',');
const label = (n) => (n >= 1000 ? `${n / 1000}k` : String(n));

// 1. datasets (deterministic; generated when missing)
const missing = sizes.filter((n) => !existsSync(join(root, `bench/data/france-${label(n)}.json`)));
if (missing.length) spawnSync('node', [join(root, 'examples/data/generate.mjs'), '--bench', `--sizes=${missing.join(',')}`], { stdio: 'inherit' });
// their prebuilt indexes (`relais-index`, from core's dist), when missing
const PREBUILT_SIZES = sizes.filter((n) => n >= 10000);
for (const n of only.includes('prebuilt') ? PREBUILT_SIZES : []) {
  if (!existsSync(join(root, `bench/data/prebuilt-${label(n)}/manifest.json`))) spawnSync('node', [join(root, 'packages/core/bin/relais-index.mjs'), join(root, `bench/data/france-${label(n)}.json`), '-o', join(root, `bench/data/prebuilt-${label(n)}`)], { stdio: 'inherit' });
}

// 2. the browser bundle of the benchmark (our sources, through scripts/source-aliases.mjs, and the peers)
await mkdir(join(root, 'bench/results/build'), { recursive: true });
const tsconfigRaw = { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } };
for (const name of ['search-bench', 'prebuilt-bench', 'directory-bench', 'map-bench', 'eligibility-bench', 'liaison-bench']) {
  await build({ entryPoints: [join(root, `bench/${name}.js`)], bundle: true, format: 'esm', outfile: join(root, `bench/results/build/${name}.js`), conditions: ['browser', 'import'], plugins: [esbuildSourceAliases()], target: 'es2022', logLevel: 'warning', minify: true, tsconfigRaw });
}
// the static source's worker, next to the bundles (the client finds it at new URL('./static-worker.js', import.meta.url))
await build({ entryPoints: [join(root, 'packages/core/src/client/static-worker.ts')], bundle: true, format: 'esm', outfile: join(root, 'bench/results/build/static-worker.js'), conditions: ['browser', 'import'], plugins: [esbuildSourceAliases()], target: 'es2022', logLevel: 'warning', minify: true, tsconfigRaw });

// 3. a static server
const { server, origin } = await serveStatic(root);

// 4. Chromium
// the peers at 200 000 services take minutes in one call: a protocol timeout above puppeteer's 3 minutes
const browser = await launchChromium(['--enable-precise-memory-info', '--js-flags=--expose-gc'], { protocolTimeout: 30 * 60_000 });
const chromeVersion = await browser.version();
const results = { date: new Date().toISOString(), machine: `${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${chromeVersion}`, search: [], prebuilt: [], directory: [], map: [], widgets: null, eligibility: null, liaison: null };
try {
  for (const n of only.includes('search') ? sizes : []) {
    const page = await browser.newPage();
    await page.goto(`${origin}/bench/blank.html`);
    const engines = n > 50000 ? ['relais', 'minisearch', 'flexsearch'] : ['relais', 'minisearch', 'flexsearch', 'fuse'];
    console.log(`search ${label(n)}: ${engines.join(', ')}…`);
    const r = await page.evaluate(async (url, engines) => (await import('/bench/results/build/search-bench.js')).run({ url, engines }), `/bench/data/france-${label(n)}.json`, engines);
    results.search.push(r);
    await page.close();
  }
  for (const n of only.includes('prebuilt') ? PREBUILT_SIZES : []) {
    const page = await browser.newPage();
    await page.goto(`${origin}/bench/blank.html`);
    console.log(`prebuilt ${label(n)}…`);
    const r = await page.evaluate(async (jsonUrl, manifestUrl) => (await import('/bench/results/build/prebuilt-bench.js')).run({ jsonUrl, manifestUrl, chunkCodes: ['58', '75', '59'] }), `/bench/data/france-${label(n)}.json`, `/bench/data/prebuilt-${label(n)}/manifest.json`);
    // sizes on disk, raw and gzip (what a server sends compressed)
    const { gzipSync } = await import('node:zlib');
    const gz = (file) => gzipSync(readFileSync(file)).byteLength;
    const manifest = JSON.parse(readFileSync(join(root, `bench/data/prebuilt-${label(n)}/manifest.json`), 'utf8'));
    r.files = { json: { raw: r.json.bytes, gzip: gz(join(root, `bench/data/france-${label(n)}.json`)) }, prebuilt: { raw: r.prebuilt.bytes, gzip: gz(join(root, `bench/data/prebuilt-${label(n)}/${(manifest.all ?? manifest.chunks[0]).file}`)) } };
    for (const c of r.chunks) c.gzip = gz(join(root, `bench/data/prebuilt-${label(n)}/${c.code}.rix`));
    const sorted = manifest.chunks.map((c) => c.bytes).sort((a, b) => a - b);
    r.chunkStats = { count: manifest.chunks.length, median: sorted[sorted.length >> 1], max: sorted.at(-1), total: sorted.reduce((a, b) => a + b, 0) };
    results.prebuilt.push(r);
    await page.close();
  }
  for (const n of only.includes('directory') ? sizes.filter((x) => x >= 10000) : []) {
    const page = await browser.newPage();
    await page.goto(`${origin}/bench/blank.html`);
    console.log(`directory ${label(n)}…`);
    const d = await page.evaluate(async (url) => (await import('/bench/results/build/directory-bench.js')).run({ url }), `/bench/data/france-${label(n)}.json`);
    await page.close();
    const page2 = await browser.newPage();
    await page2.goto(`${origin}/bench/blank.html`);
    d.responsiveness = await page2.evaluate(async (url) => (await import('/bench/results/build/directory-bench.js')).responsiveness({ url }), `/bench/data/france-${label(n)}.json`);
    await page2.close();
    results.directory.push(d);
  }
  for (const n of only.includes('map') ? sizes.filter((x) => x >= 10000) : []) {
    for (const [engine, pageUrl] of [['relais', '/bench/blank.html'], ['markercluster', '/bench/map-markercluster.html']]) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1000, height: 800 });
      await page.goto(`${origin}${pageUrl}`);
      console.log(`map ${label(n)} ${engine}…`);
      results.map.push({ size: n, ...(await page.evaluate(async (url, engine) => (await import('/bench/results/build/map-bench.js'))[engine]({ url }), `/bench/data/france-${label(n)}.json`, engine)) });
      await page.close();
    }
  }
  if (only.includes('eligibility')) {
    const page = await browser.newPage();
    await page.goto(`${origin}/bench/blank.html`);
    console.log('eligibility…');
    results.eligibility = await page.evaluate(async (locals) => (await import('/bench/results/build/eligibility-bench.js')).run({ locals }), ['/packages/eligibility/catalogues/ccas-val-de-nievre.json', '/packages/eligibility/catalogues/departement-58-aide-menagere.json']);
    await page.close();
  }
  if (only.includes('liaison')) {
    const page = await browser.newPage();
    await page.goto(`${origin}/bench/blank.html`);
    console.log('liaison autosave…');
    results.liaison = await page.evaluate(async () => (await import('/bench/results/build/liaison-bench.js')).run());
    await page.close();
  }
  if (only.includes('widgets')) results.widgets = await firstRenders(browser);
} finally {
  await browser.close();
  server.close();
}

/**
 * Time from the start of the autoloader's download to each widget's first interactive render on the demo page
 * (the CCAS site, CDN build, strict CSP), over repeated cold loads (no HTTP cache), in a viewport tall enough for
 * every widget to be visible at once (the map loads Leaflet only when visible).
 */
async function firstRenders(browser) {
  const { createDemoServer } = await import('../examples/server/server.mjs');
  const demo = createDemoServer();
  await new Promise((r) => demo.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${demo.address().port}`;
  const READY = {
    'relais-directory': '.item',
    'relais-map': '.leaflet-marker-icon',
    'relais-eligibility': 'form',
    'relais-liaison-form': '#tasks-title',
    'relais-pathway': 'ol',
  };
  const runs = [];
  try {
    for (let i = 0; i < 7; i++) {
      const page = await browser.newPage();
      await page.setCacheEnabled(false);
      await page.setViewport({ width: 1200, height: 6000 });
      await page.goto(`${base}/`);
      const t = await page.evaluate(async (ready) => {
        const out = {};
        const start = performance.now();
        while (Object.keys(out).length < Object.keys(ready).length && performance.now() - start < 20000) {
          for (const [tag, sel] of Object.entries(ready)) if (!(tag in out) && document.querySelector(tag)?.shadowRoot?.querySelector(sel)) out[tag] = performance.now();
          await new Promise((r) => requestAnimationFrame(r));
        }
        const loader = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/relais/relais.js'));
        const t0 = loader?.startTime ?? 0;
        const bytes = performance.getEntriesByType('resource').filter((e) => e.name.includes('/relais/')).reduce((a, e) => a + (e.transferSize || 0), 0);
        return { ...Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v - t0])), bytes };
      }, READY);
      runs.push(t);
      await page.close();
    }
  } finally {
    demo.close();
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const max = (xs) => Math.max(...xs);
  return { runs: runs.length, bytes: med(runs.map((r) => r.bytes)), widgets: Object.fromEntries(Object.keys(READY).map((tag) => [tag, { ready: READY[tag], median: med(runs.map((r) => r[tag] ?? NaN)), max: max(runs.map((r) => r[tag] ?? NaN)) }])) };
}
await writeFile(join(root, 'bench/results/search.json'), JSON.stringify(results, null, 2));

// 5. the table
const f = (x, d = 1) => (x === undefined ? '—' : x.toFixed(d));
let table = `Measured ${results.date.slice(0, 10)} on ${results.machine}.\n\n`;
table += '| services | engine | index build (ms) | heap (MB) | keystroke p50 (ms) | keystroke p95 (ms) | max (ms) | vs Relais p95 | p95 of each keystroke’s best pass (ms) | vs Relais | relevance (top 10) |\n|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n';
for (const r of results.search) {
  const ours = r.engines.relais;
  for (const [name, e] of Object.entries(r.engines)) {
    table += `| ${r.size.toLocaleString('en')} | ${name}${e.note ? ` (${e.note})` : ''} | ${f(e.buildMs, 0)} | ${f(e.memMB)} | ${f(e.p50, 2)} | ${f(e.p95, 2)} | ${f(e.max, 1)} | ${name === 'relais' ? '1×' : `${(e.p95 / ours.p95).toFixed(1)}×`} | ${f(e.bestP95, 2)} | ${name === 'relais' ? '1×' : `${(e.bestP95 / ours.bestP95).toFixed(1)}×`} | ${e.relevance} |\n`;
  }
  table += `| ${r.size.toLocaleString('en')} | *(JSON parse / validation of the dataset)* | ${f(r.parseMs, 0)} / ${f(r.validateMs, 0)} | | | | | | | | |\n`;
}
let ptable = `Measured ${results.date.slice(0, 10)} on ${results.machine}.\n\n`;
ptable += '| services | path | file (MB, raw / gzip) | fetch (ms, loopback) | after the bytes: until ready (ms) | of which | keystroke p50 / p95 (ms) | same results |\n|---:|---|---:|---:|---:|---|---:|---|\n';
const mb = (b) => (b / 1e6).toFixed(1);
for (const r of results.prebuilt) {
  ptable += `| ${r.size.toLocaleString('en')} | JSON: parse + validate + index | ${mb(r.files.json.raw)} / ${mb(r.files.json.gzip)} | ${f(r.json.fetchMs, 0)} | ${f(r.json.readyAfterBytesMs, 0)} | parse ${f(r.json.parseMs, 0)}, validation ${f(r.json.validateMs, 0)}, index ${f(r.json.indexMs, 0)} | ${f(r.keystrokes.json.p50, 2)} / ${f(r.keystrokes.json.p95, 2)} | |\n`;
  ptable += `| ${r.size.toLocaleString('en')} | prebuilt: fetch → ready | ${mb(r.files.prebuilt.raw)} / ${mb(r.files.prebuilt.gzip)} | ${f(r.prebuilt.fetchMs, 0)} | **${f(r.prebuilt.readyAfterBytesMs, 0)}** | checksum + decoding ${f(r.prebuilt.decodeMs, 0)} (SHA-256 alone ${f(r.prebuilt.shaMs, 0)}), restore ${f(r.prebuilt.restoreMs, 0)} | ${f(r.keystrokes.prebuilt.p50, 2)} / ${f(r.keystrokes.prebuilt.p95, 2)} | ${r.sameResults ? `yes (${r.keystrokesCompared} keystrokes, top 20)` : '**no**'} |\n`;
}
ptable += '\nA département page (`departements="58"`): the chunks it downloads instead of the file of every service.\n\n| services in the data | chunks | chunk | its services | bytes (kB, raw / gzip) | after the bytes: until ready (ms) | share of the whole file | median / largest chunk (kB) |\n|---:|---:|---|---:|---:|---:|---:|---:|\n';
for (const r of results.prebuilt) for (const c of r.chunks) ptable += `| ${r.size.toLocaleString('en')} | ${r.chunkStats.count} | ${c.code} | ${c.services.toLocaleString('en')} | ${(c.bytes / 1000).toFixed(0)} / ${(c.gzip / 1000).toFixed(0)} | ${f(c.readyAfterBytesMs, 0)} | ${((100 * c.bytes) / r.files.prebuilt.raw).toFixed(2)} % | ${(r.chunkStats.median / 1000).toFixed(0)} / ${(r.chunkStats.max / 1000).toFixed(0)} |\n`;
let dtable = `Measured ${results.date.slice(0, 10)} on ${results.machine}.\n\n`;
dtable += '| services | validate + index (ms) | first results rendered after index (ms) | after data in memory (ms) | keystroke → rendered p50 (ms) | p95 (ms) | max (ms) | with a commune p95 (ms) |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n';
for (const d of results.directory) dtable += `| ${d.size.toLocaleString('en')} | ${f(d.validateAndIndexMs, 0)} | ${f(d.firstRenderAfterReadyMs, 0)} | ${f(d.firstRenderAfterDataMs, 0)} | ${f(d.p50, 1)} | ${f(d.p95, 1)} | ${f(d.max, 1)} | ${f(d.placeP95, 1)} |\n`;
dtable += '\nLoading the file by URL (fetch, JSON, validation, index), on the page and in the Web Worker: what the page\'s main thread is blocked for (long tasks > 50 ms).\n\n| services | indexed | until ready (ms) | longest main-thread task (ms) | long tasks, total (ms) |\n|---:|---|---:|---:|---:|\n';
for (const d of results.directory) for (const [k, r] of Object.entries(d.responsiveness ?? {})) dtable += `| ${d.size.toLocaleString('en')} | ${k === 'worker' ? `in the worker (${r.where})` : 'on the page'} | ${f(r.readyMs, 0)} | ${f(r.longestTaskMs, 0)} | ${f(r.longTasksMs, 0)} |\n`;
let mtable = `Measured ${results.date.slice(0, 10)} on ${results.machine}.\n\n`;
mtable += '| services | engine | points drawn | first clustered render (ms) | markers in the first view | re-cluster on pan/zoom p50 (ms) | p95 (ms) | max (ms) | vs Relais p95 |\n|---:|---|---:|---:|---:|---:|---:|---:|---:|\n';
for (const m of results.map) {
  const ours = results.map.find((x) => x.size === m.size && x.engine.startsWith('relais'));
  mtable += `| ${m.size.toLocaleString('en')} | ${m.engine} | ${m.points.toLocaleString('en')} | ${f(m.firstRenderMs, 0)} | ${m.markersFirst} | ${f(m.p50, 1)} | ${f(m.p95, 1)} | ${f(m.max, 1)} | ${m === ours ? '1×' : `${(m.p95 / ours.p95).toFixed(1)}×`} |\n`;
}
let wtable = '';
if (results.widgets) {
  wtable = `Measured ${results.date.slice(0, 10)} on ${results.machine}; ${results.widgets.runs} cold loads of the demo page (no HTTP cache, loopback), ${(results.widgets.bytes / 1000).toFixed(0)} kB of SDK transferred (median, uncompressed by the demo server).\n\n| widget | ready when | from the autoloader's request, median (ms) | max (ms) |\n|---|---|---:|---:|\n`;
  for (const [tag, w] of Object.entries(results.widgets.widgets)) wtable += `| \`<${tag}>\` | \`${w.ready}\` rendered | ${f(w.median, 0)} | ${f(w.max, 0)} |\n`;
}
let etable = '';
if (results.eligibility) {
  etable = `Measured ${results.date.slice(0, 10)} on ${results.machine}.\n\n| catalogue | benefits | evaluations | p50 (ms) | p95 (ms) | max (ms) |\n|---|---:|---:|---:|---:|---:|\n`;
  for (const [name, e] of Object.entries(results.eligibility)) etable += `| ${name} | ${e.benefits} | ${e.runs.toLocaleString('en')} | ${f(e.p50, 3)} | ${f(e.p95, 3)} | ${f(e.max, 2)} |\n`;
}
let ltable = '';
if (results.liaison) {
  const l = results.liaison;
  ltable = `Measured ${results.date.slice(0, 10)} on ${results.machine}.\n\n| what | count | mean (ms) | p50 (ms) | p95 (ms) | max (ms) |\n|---|---:|---:|---:|---:|---:|\n| keystroke in a field (input handling, autosave scheduling) | ${l.keystrokes} | ${f(l.keyMean, 3)} | ${f(l.keyP50, 1)} | ${f(l.keyP95, 1)} | ${f(l.keyMax, 1)} |\n| encrypted save of the whole sheet (${(l.sheetBytes / 1000).toFixed(1)} kB of values; AES-GCM + IndexedDB) | ${l.saves} | ${f(l.saveMean, 2)} | ${f(l.saveP50, 1)} | ${f(l.saveP95, 1)} | ${f(l.saveMax, 1)} |\n`;
}
const readme = join(root, 'bench/README.md');
const text = readFileSync(readme, 'utf8');
let out = text;
if (results.search.length) out = out.replace(/<!-- SEARCH:START -->[\s\S]*<!-- SEARCH:END -->/, `<!-- SEARCH:START -->\n${table}<!-- SEARCH:END -->`);
if (results.prebuilt.length) out = out.replace(/<!-- PREBUILT:START -->[\s\S]*<!-- PREBUILT:END -->/, `<!-- PREBUILT:START -->\n${ptable}<!-- PREBUILT:END -->`);
if (results.directory.length) out = out.replace(/<!-- DIRECTORY:START -->[\s\S]*<!-- DIRECTORY:END -->/, `<!-- DIRECTORY:START -->\n${dtable}<!-- DIRECTORY:END -->`);
if (results.map.length) out = out.replace(/<!-- MAP:START -->[\s\S]*<!-- MAP:END -->/, `<!-- MAP:START -->\n${mtable}<!-- MAP:END -->`);
if (wtable) out = out.replace(/<!-- WIDGETS:START -->[\s\S]*<!-- WIDGETS:END -->/, `<!-- WIDGETS:START -->\n${wtable}<!-- WIDGETS:END -->`);
if (etable) out = out.replace(/<!-- ELIGIBILITY:START -->[\s\S]*<!-- ELIGIBILITY:END -->/, `<!-- ELIGIBILITY:START -->\n${etable}<!-- ELIGIBILITY:END -->`);
if (ltable) out = out.replace(/<!-- LIAISON:START -->[\s\S]*<!-- LIAISON:END -->/, `<!-- LIAISON:START -->\n${ltable}<!-- LIAISON:END -->`);
await writeFile(readme, out);
console.log(wtable);
console.log(etable);
console.log(ltable);
console.log(table);
console.log(dtable);
console.log(mtable);
