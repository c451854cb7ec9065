// CDN builds of the all-in-one package. Library builds (one file per module, dependencies external,
// .d.ts) are done by `tsc -b` in scripts/build.mjs.
//   packages/relais/dist/cdn/relais.js        ESM, split chunks, for <script type="module">
//   packages/relais/dist/cdn/relais.iife.js   classic script (global `Relais`) for CMSs that strip type="module"
// Both load the commune gazetteer by département, on demand, from packages/relais/dist/cdn/communes/.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';

const out = 'packages/relais/dist/cdn';
const onwarn = (w, warn) => {
  if (['CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED', 'INVALID_ANNOTATION'].includes(w.code)) return;
  warn(w);
};
const plugins = () => [
  nodeResolve({ exportConditions: ['source', 'browser', 'import', 'default'], extensions: ['.ts', '.js', '.mjs'] }),
  esbuild({ target: 'es2021', tsconfig: 'tsconfig.base.json', loaders: { '.ts': 'ts' } }),
  terser({ format: { comments: false }, compress: { passes: 2 } }),
];

/** In the IIFE, commune chunks are native dynamic imports of the ESM build's files, next to the script. */
const communesFromScriptBase = () => ({
  name: 'relais-communes-external',
  resolveDynamicImport(specifier, importer) {
    if (typeof specifier !== 'string') return null;
    const m = /\.\/communes\/(d[\w]+)\.js$/.exec(specifier);
    if (m && importer?.includes('communes-index')) return { id: `__RELAIS_BASE__communes/${m[1]}.js`, external: true };
    if (specifier === './epci-data.js' && importer?.includes('gazetteer')) return { id: '__RELAIS_BASE__data/epci.js', external: true };
    return null;
  },
  renderDynamicImport({ targetModuleId }) {
    if (targetModuleId?.startsWith('__RELAIS_BASE__')) {
      return { left: 'import(__relaisBase+', right: ')' };
    }
    return null;
  },
  renderChunk(code) {
    return { code: code.replace(/["']__RELAIS_BASE__((communes\/d\w+|data\/epci)\.js)["']/g, '"$1"'), map: null };
  },
});

export default [
  {
    input: { relais: 'packages/relais/src/cdn.ts' },
    onwarn,
    plugins: plugins(),
    output: {
      dir: out,
      format: 'es',
      entryFileNames: '[name].js',
      // Data chunks get stable names (the IIFE loads the same files); the CDN path carries the version.
      chunkFileNames: (c) =>
        c.facadeModuleId && /geo\/communes\/d\w+\.ts$/.test(c.facadeModuleId)
          ? 'communes/[name].js'
          : c.facadeModuleId?.endsWith('epci-data.ts')
            ? 'data/epci.js'
            : 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
  },
  {
    input: 'packages/relais/src/cdn.ts',
    onwarn,
    plugins: [communesFromScriptBase(), ...plugins()],
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
