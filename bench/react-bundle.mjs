#!/usr/bin/env node
// What a React application pays to use @relais/react: a small app rendering one wrapper, bundled from the built
// packages (dist/, their `exports` and `sideEffects`) as a site's bundler would, React left out (the app has it
// anyway), minified. Written to bench/dist/react/<name>/ by `node scripts/build.mjs`; the size budgets
// (bench/size-budgets.mjs) count the entry and the chunks it imports statically (on-demand chunks such as the
// commune data are left out, as in the CDN budgets).
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const OUT = join(dirname(fileURLToPath(import.meta.url)), 'dist/react');

/** The apps measured: one wrapper from its own entry, and the same wrapper from the root entry (every element). */
export const APPS = {
  'directory-entry': { from: '@relais/react/directory', use: 'RelaisDirectory' },
  'directory-root': { from: '@relais/react', use: 'RelaisDirectory' },
};

const appCode = ({ from, use }) => `import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { ${use} } from '${from}';
createRoot(document.getElementById('root')).render(createElement(${use}, { lang: 'fr' }));
`;

/** Bundles one app into OUT/<name>/; returns the files the entry loads before it runs (relative to OUT). */
export async function bundleApp(name, app = APPS[name]) {
  const dir = join(OUT, name);
  rmSync(dir, { recursive: true, force: true });
  const b = await rollup({
    input: 'app',
    plugins: [
      { name: 'app', resolveId: (id) => (id === 'app' ? id : null), load: (id) => (id === 'app' ? appCode(app) : null) },
      nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'], dedupe: ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/context', '@lit/task', 'zod'] }),
      terser({ format: { comments: false }, compress: { passes: 2 } }),
    ],
    external: (id) => /^react(-dom)?(\/|$)/.test(id),
    onwarn: (w, warn) => {
      if (['CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED', 'INVALID_ANNOTATION', 'MODULE_LEVEL_DIRECTIVE'].includes(w.code)) return;
      warn(w);
    },
  });
  const { output } = await b.write({ dir, format: 'es', entryFileNames: 'app.js', chunkFileNames: '[name]-[hash].js' });
  await b.close();
  const chunks = new Map(output.filter((c) => c.type === 'chunk').map((c) => [c.fileName, c]));
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const d of chunks.get(f)?.imports ?? []) if (chunks.has(d)) visit(d); // React stays external
  };
  visit('app.js');
  const files = [...seen].sort().map((f) => `${name}/${f}`);
  writeFileSync(join(dir, 'closure.json'), JSON.stringify(files) + '\n');
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(OUT, { recursive: true });
  for (const name of Object.keys(APPS)) console.log(`${name}: ${(await bundleApp(name)).length} files`);
}
