// The autoloader's preload lists (issue 21): the build writes into relais.js, for each element, the files of its first
// render, which the autoloader asks for at once with <link rel="modulepreload">. Checked on the built CDN files
// (node scripts/build.mjs), against an import graph read from the files themselves, not from rollup's metadata:
// every file in an element's static import closure is in its list, and so are the chunks of the modules its first
// render always imports (the directory's labels, the client of each source with ky and the pipeline).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname, relative, normalize } from 'node:path';

const CDN = 'packages/relais/dist/cdn';
const TAGS = ['relais-provider', 'relais-directory', 'relais-map', 'relais-eligibility', 'relais-liaison-form', 'relais-pathway', 'relais-contributions', 'relais-indicators'];

/** The lists written into the built autoloader. */
function lists() {
  const code = readFileSync(join(CDN, 'relais.js'), 'utf8');
  assert.ok(!code.includes('__RELAIS_PRELOAD__'), 'the placeholder is replaced');
  const m = /'(\{"relais-provider"[^']*\})'/.exec(code);
  assert.ok(m, 'relais.js carries the preload lists');
  return JSON.parse(m[1]);
}

/** The files `file` imports statically (import … from, import "…", export … from), not import(). */
function staticImports(file) {
  const code = readFileSync(join(CDN, file), 'utf8');
  const out = new Set();
  for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
    out.add(normalize(relative(CDN, join(CDN, dirname(file), m[1]))).replaceAll('\\', '/'));
  }
  return out;
}
const closure = (file, seen = new Set()) => {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const dep of staticImports(file)) closure(dep, seen);
  return seen;
};
/** The dynamic import() targets of `file`. */
const dynamicImports = (file) => [...readFileSync(join(CDN, file), 'utf8').matchAll(/import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)].map((m) => normalize(relative(CDN, join(CDN, dirname(file), m[1]))).replaceAll('\\', '/'));

test('every element: its whole static import closure is in its preload list, every listed file exists', { skip: !existsSync(join(CDN, 'relais.js')) && 'run node scripts/build.mjs first' }, () => {
  const l = lists();
  for (const tag of TAGS) {
    const files = closure(`widgets/${tag}.js`);
    assert.ok(files.size > 1, `${tag}: a real closure (${files.size} files)`);
    for (const f of files) assert.ok(l[tag].includes(f), `${tag}: ${f} preloaded`);
  }
  const { commune, ...files } = l;
  for (const [key, list] of Object.entries(files)) for (const f of list) assert.ok(existsSync(join(CDN, f)), `${key}: ${f} exists`);
  // the elements that load their commune's département are elements, and the directory is one
  for (const tag of commune) assert.ok(TAGS.includes(tag), tag);
  assert.ok(commune.includes('relais-directory'));
  // each list starts with its widget's entry: the file the autoloader imports, asked for first
  for (const tag of TAGS) assert.equal(l[tag][0], `widgets/${tag}.js`);
  // only chunks and widget entries: never another element's widget, never the IIFE nor a worker
  for (const tag of TAGS) for (const f of l[tag]) assert.ok(f === `widgets/${tag}.js` || !f.startsWith('widgets/'), `${tag}: ${f}`);
  for (const list of Object.values(files)) for (const f of list) assert.ok(!/iife|static-worker/.test(f), f);
});

test('the first render: the directory’s labels, and each source’s client with its own dynamic imports', { skip: !existsSync(join(CDN, 'relais.js')) && 'run node scripts/build.mjs first' }, () => {
  const l = lists();
  // the directory's dynamic imports that are taken on load: the labels (directory.ts), found in the built files
  const dirDynamic = [...closure('widgets/relais-directory.js')].flatMap(dynamicImports);
  const labels = dirDynamic.filter((f) => /labels/.test(f));
  assert.equal(labels.length, 1, 'one labels chunk imported by the directory');
  for (const f of closure(labels[0])) assert.ok(l['relais-directory'].includes(f), `labels: ${f}`);
  // the client (client.ts) imports one of two chunks; each list has that chunk's closure, the pipeline's and ky for HTTP
  assert.ok(l.remote.includes('vendor/ky.js'), 'ky with the remote sources');
  assert.ok(!l.static.includes('vendor/ky.js'), 'no ky for a static file');
  for (const key of ['static', 'remote']) {
    for (const f of l[key]) for (const dep of closure(f)) assert.ok(l[key].includes(dep), `${key}: ${dep}, imported by ${f}`);
    // the pipeline (a dynamic import of the client's chunk) is in the list with its closure
    const heads = l[key].flatMap(dynamicImports).filter((f) => !/communes\/|data\/|vendor\/ky|i18n\//.test(f));
    assert.ok(heads.length > 0, `${key}: the client's chunk imports more on first use`);
  }
  const remoteDynamic = l.remote.flatMap(dynamicImports);
  assert.ok(remoteDynamic.includes('vendor/ky.js'), 'the remote client imports ky on first use, and ky is in the list');
});
