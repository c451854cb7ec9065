// CDN builds of the all-in-one package. Library builds (one file per module, dependencies external,
// .d.ts) are done by `tsc -b` in scripts/build.mjs. Everything lands in packages/relais/dist/cdn/:
//   relais.js                 the autoloader (ESM): loads only the widgets present on the page
//   widgets/<tag>.js          one entry per element, sharing split chunks (chunks/*-[hash].js)
//   relais-all.js             every element and the public API in one ESM entry (same chunks)
//   relais.iife.js            classic script (global `Relais`) for CMSs that strip type="module"
//   chunks/static-worker.js   the Web Worker that indexes a static file off the page (used by both builds)
//   vendor/leaflet.js, vendor/supercluster.js, communes/dNN.js, data/epci.js, i18n/<widget>.en.js
//                             loaded on demand, by both the ESM and the IIFE builds
//   manifest.json             for each entry, the files it loads before it runs (size budgets, preload)
// The CDN path carries the version (relais@0.1.0/), the shared chunks a content hash.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { sourceAliasPlugin, sourceSideEffects } from './scripts/source-aliases.mjs';

const out = 'packages/relais/dist/cdn';
const onwarn = (w, warn) => {
  if (['CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED', 'INVALID_ANNOTATION'].includes(w.code)) return;
  warn(w);
};
/**
 * Our packages' `sideEffects` lists (built files), applied to their sources (scripts/source-aliases.mjs): the
 * TypeScript plugin resolves the sources itself, so rollup would otherwise keep every module with a top-level call
 * (zod's config, schema construction) wherever the package's index is imported.
 */
const moduleSideEffects = (id) => sourceSideEffects(id) ?? true;
const treeshake = { moduleSideEffects };
const plugins = () => [
  // the workspace packages from their sources, not their dist/ (scripts/source-aliases.mjs)
  sourceAliasPlugin(),
  // one copy of each shared dependency, whichever package asks for it
  nodeResolve({ exportConditions: ['browser', 'import', 'default'], extensions: ['.ts', '.js', '.mjs'], dedupe: ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/context', '@lit/task', 'zod', 'ky'] }),
  esbuild({ target: 'es2021', tsconfig: 'tsconfig.base.json', loaders: { '.ts': 'ts' } }),
  terser({ format: { comments: false }, compress: { passes: 2 } }),
];

/** Files loaded on demand by both builds, under a stable name next to the script. */
const ON_DEMAND = [
  [/core\/data\/communes\/(d\w+)\.js$/, (m) => `communes/${m[1]}.js`],
  [/core\/data\/epci\.js$/, () => 'data/epci.js'],
  [/leaflet\/dist\/leaflet-src\.esm\.js$/, () => 'vendor/leaflet.js'],
  [/supercluster\/index\.js$/, () => 'vendor/supercluster.js'],
  // the indicators' charts (with uPlot) and map of unmet needs: loaded when a dashboard has figures to draw
  [/indicators\/src\/(chart|unmet-map|epci-centres)\.ts$/, (m) => `indicators/${m[1]}.js`],
  // the liaison sheets' templates and consent rules: loaded when a sheet, or the consent step, is shown
  [/liaison\/src\/templates\/(dlu-domicile|orientation)\.ts$/, (m) => `liaison/${m[1]}.js`],
  [/liaison\/src\/consent\.ts$/, () => 'liaison/consent.js'],
  // each widget's English messages (messages-en.ts): loaded only where an element speaks English (one i18n policy)
  [/packages\/(\w+)\/src\/messages-en\.ts$/, (m) => `i18n/${m[1]}.en.js`],
  // the English of the directory's suggestion form and freshness badge, beside the directory's
  [/packages\/directory\/src\/suggest-messages-en\.ts$/, () => 'i18n/directory-suggest.en.js'],
  // ky, for the remote sources and the liaison outbox only (self-contained: the classic script loads it as well)
  [/ky\/distribution\/index\.js$/, () => 'vendor/ky.js'],
];
const onDemandName = (id) => {
  for (const [re, name] of ON_DEMAND) {
    const m = re.exec(id ?? '');
    if (m) return name(m);
  }
  return null;
};

const ELEMENTS = {
  'relais-provider': 'packages/core/src/provider-define.ts',
  'relais-directory': 'packages/directory/src/define.ts',
  'relais-map': 'packages/map/src/define.ts',
  'relais-eligibility': 'packages/eligibility/src/define.ts',
  'relais-liaison-form': 'packages/liaison/src/define.ts',
  'relais-pathway': 'packages/pathway/src/define.ts',
  'relais-contributions': 'packages/contributions/src/define.ts',
  'relais-indicators': 'packages/indicators/src/define.ts',
};

/** Writes manifest.json: for each entry, itself and the chunks it imports statically (what a page downloads before it runs). */
const manifest = () => ({
  name: 'relais-manifest',
  generateBundle(_options, bundle) {
    const closure = (file, seen = new Set()) => {
      if (seen.has(file)) return seen;
      seen.add(file);
      for (const dep of bundle[file]?.imports ?? []) closure(dep, seen);
      return seen;
    };
    const entries = {};
    for (const [file, chunk] of Object.entries(bundle)) {
      if (chunk.type === 'chunk' && chunk.isEntry) entries[chunk.name] = [...closure(file)].sort();
    }
    this.emitFile({ type: 'asset', fileName: 'manifest.json', source: JSON.stringify({ entries }, null, 1) + '\n' });
  },
});

/**
 * No source map for the data files (communes, EPCI): a map of a data string is the data again (its sourcesContent),
 * which doubled the commune data in the published `relais` package, for nothing to debug.
 */
const DATA_FILE = /^(communes|data)\/[^/]+\.js$/;
const noDataMaps = () => ({
  name: 'relais-no-data-maps',
  generateBundle(_options, bundle) {
    for (const [file, chunk] of Object.entries(bundle)) {
      if (chunk.type !== 'chunk' || !DATA_FILE.test(file)) continue;
      delete bundle[`${file}.map`];
      chunk.code = chunk.code.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
    }
  },
});

/** In the IIFE, on-demand files are native dynamic imports of the ESM build's files, next to the script. */
const onDemandFromScriptBase = () => ({
  name: 'relais-on-demand-external',
  async resolveDynamicImport(specifier, importer) {
    if (typeof specifier !== 'string') return null;
    const resolved = await this.resolve(specifier, importer, { skipSelf: true });
    const name = onDemandName(resolved?.id);
    return name ? { id: `__RELAIS_BASE__${name}`, external: true } : null;
  },
  renderDynamicImport({ targetModuleId }) {
    if (targetModuleId?.startsWith('__RELAIS_BASE__')) return { left: 'import(__relaisBase+', right: ')' };
    return null;
  },
  // import.meta.url stands for the ESM build's chunks folder, where the static source's worker is
  resolveImportMeta(prop) {
    return prop === 'url' ? '(__relaisBase+"chunks/")' : null;
  },
  renderChunk(code) {
    return { code: code.replace(/["']__RELAIS_BASE__([\w/.-]+\.js)["']/g, '"$1"'), map: null };
  },
});

export default [
  {
    input: {
      relais: 'packages/relais/src/loader.ts',
      'relais-all': 'packages/relais/src/cdn.ts',
      // the static source's Web Worker, found by the client at new URL('./static-worker.js', import.meta.url)
      'chunks/static-worker': 'packages/core/src/client/static-worker.ts',
      ...Object.fromEntries(Object.entries(ELEMENTS).map(([tag, file]) => [`widgets/${tag}`, file])),
    },
    onwarn,
    treeshake,
    plugins: [...plugins(), manifest(), noDataMaps()],
    // the autoloader builds the widget URLs itself: the widget entries keep their names
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: out,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: (c) => onDemandName(c.facadeModuleId) ?? 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
  },
  {
    input: 'packages/relais/src/cdn.ts',
    onwarn,
    treeshake,
    plugins: [onDemandFromScriptBase(), ...plugins()],
    output: {
      file: `${out}/relais.iife.js`,
      format: 'iife',
      name: 'Relais',
      inlineDynamicImports: true,
      intro: 'var __relaisBase=(document.currentScript&&document.currentScript.src||location.href).replace(/[^/]*$/,"");',
      sourcemap: true,
    },
  },
];
