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

/**
 * What an element runs on its first render beyond its static imports: the modules it always imports on first use
 * (by their file), and the client of a source, `static` or `remote` (REST and data·inclusion), for an element or
 * provider with source attributes. The autoloader preloads their chunks with the widget's (issue 21).
 */
const FIRST_RENDER = {
  // the directory's labels (directory.ts imports them as it loads)
  'relais-directory': [/core\/src\/labels\.ts$/],
  // the client of each source (client.ts), the pipeline that reads its answers, and ky for the HTTP ones
  static: [/core\/src\/client\/sources\.ts$/, /core\/src\/client\/pipeline\.ts$/],
  remote: [/core\/src\/client\/remote-sources\.ts$/, /core\/src\/client\/pipeline\.ts$/, /ky\/distribution\/index\.js$/],
};
/** The elements that place their `commune` on first render, with its département's communes (PlaceController). */
const COMMUNE_TAGS = ['relais-directory', 'relais-map'];

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** The numbers of one source-map segment (base64 VLQ). */
const vlqDecode = (seg) => {
  const out = [];
  let value = 0;
  let shift = 0;
  for (const ch of seg) {
    const digit = B64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = shift = 0;
    }
  }
  return out;
};
const vlqEncode = (nums) =>
  nums
    .map((n) => {
      let v = n < 0 ? (-n << 1) | 1 : n << 1;
      let s = '';
      do {
        let digit = v & 31;
        v >>>= 5;
        if (v) digit |= 32;
        s += B64[digit];
      } while (v);
      return s;
    })
    .join('');
/** Source-map mappings with the segments of `line` after `column` moved right by `delta` (text inserted there). */
function shiftColumns(mappings, line, column, delta) {
  const lines = mappings.split(';');
  let abs = 0;
  const segs = lines[line].split(',');
  for (let i = 0; i < segs.length; i++) {
    const nums = vlqDecode(segs[i]);
    abs += nums[0];
    if (abs > column) {
      // columns are relative to the previous segment of the line: moving the first one moves them all
      nums[0] += delta;
      segs[i] = vlqEncode(nums);
      break;
    }
  }
  lines[line] = segs.join(',');
  return lines.join(';');
}

/**
 * Writes manifest.json: for each entry, itself and the chunks it imports statically (what a page downloads before it
 * runs); and `preload`: for each element (and source), every file of its first render — the closure of its widget
 * entry and of the modules in FIRST_RENDER, the entry first (the files are requested in that order) — and the
 * elements that load their commune's département, which it also writes into the autoloader, in place of its placeholder.
 */
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
    const chunkOf = (re) => {
      const file = Object.keys(bundle).find((f) => bundle[f].type === 'chunk' && !bundle[f].isEntry && Object.keys(bundle[f].modules).some((id) => re.test(id)));
      if (!file) throw new Error(`relais-manifest: no chunk for ${re}`);
      return file;
    };
    const preload = {};
    for (const tag of Object.keys(ELEMENTS)) preload[tag] = [...closure(`widgets/${tag}.js`)];
    for (const [key, modules] of Object.entries(FIRST_RENDER)) {
      const seen = new Set(preload[key] ?? []);
      for (const re of modules) closure(chunkOf(re), seen);
      preload[key] = [...seen];
    }
    // the elements whose first render loads the communes of their `commune` attribute's département (communes/dNN.js)
    preload.commune = COMMUNE_TAGS;
    const loader = bundle['relais.js'];
    const json = JSON.stringify(preload);
    // file names are [\w/.-]: the JSON goes into a quoted string as it is
    if (/['\\\n]/.test(json)) throw new Error('relais-manifest: a file name needs escaping');
    const at = /(['"])__RELAIS_PRELOAD__\1/.exec(loader.code);
    if (!at) throw new Error('relais-manifest: the autoloader has no __RELAIS_PRELOAD__ placeholder');
    const literal = `'${json}'`;
    loader.code = loader.code.slice(0, at.index) + literal + loader.code.slice(at.index + at[0].length);
    // its source map follows (rollup 4 has already emitted it as an asset, relais.js.map)
    const shift = (m) => shiftColumns(m, loader.code.slice(0, at.index).split('\n').length - 1, at.index - loader.code.lastIndexOf('\n', at.index) - 1, literal.length - at[0].length);
    const mapFile = bundle['relais.js.map'];
    if (mapFile?.type === 'asset') {
      const map = JSON.parse(String(mapFile.source));
      map.mappings = shift(map.mappings);
      mapFile.source = JSON.stringify(map);
    } else if (loader.map) loader.map.mappings = shift(loader.map.mappings);
    this.emitFile({ type: 'asset', fileName: 'manifest.json', source: JSON.stringify({ entries, preload }, null, 1) + '\n' });
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
