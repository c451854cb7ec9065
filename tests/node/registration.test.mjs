// Every element package registers its element on import, the same way: `import '@relais/<pkg>'` (and a named import
// from it) registers the element even through a bundler that honours `sideEffects`, `./define.js` registers it alone,
// and the headless entries register nothing. Checked on the built packages (dist/), as a site's bundler sees them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';

const ELEMENTS = [
  ['directory', 'relais-directory', 'RelaisDirectory'],
  ['map', 'relais-map', 'RelaisMap'],
  ['eligibility', 'relais-eligibility', 'RelaisEligibility'],
  ['liaison', 'relais-liaison-form', 'RelaisLiaisonForm'],
  ['pathway', 'relais-pathway', 'RelaisPathway'],
  ['contributions', 'relais-contributions', 'RelaisContributions'],
  ['indicators', 'relais-indicators', 'RelaisIndicators'],
];

/** Bundles `code` as a site would (package `exports` and `sideEffects`, dist files); only the package itself is bundled. */
async function bundle(pkg, code) {
  const own = new RegExp(`/packages/${pkg}/`);
  const b = await rollup({
    input: 'entry',
    plugins: [
      { name: 'entry', resolveId: (id) => (id === 'entry' ? id : null), load: (id) => (id === 'entry' ? code : null) },
      nodeResolve({ exportConditions: ['browser', 'import', 'default'] }),
    ],
    // everything outside the package (core, lit…) stays an import: what matters is what the package's own files keep
    external: (id, importer) => importer !== undefined && importer !== 'entry' && !id.startsWith('.') && !own.test(id),
    onwarn: () => {},
  });
  const { output } = await b.generate({ format: 'es', inlineDynamicImports: true });
  await b.close();
  return output.map((c) => c.code ?? '').join('\n');
}
const registers = (code, tag) => new RegExp(`defineElement\\(['"]${tag}['"]`).test(code);

for (const [pkg, tag, cls] of ELEMENTS) {
  test(`@relais/${pkg}: the same entries and sideEffects as every element package`, () => {
    const json = JSON.parse(readFileSync(join('packages', pkg, 'package.json'), 'utf8'));
    for (const entry of ['.', './define.js']) assert.ok(json.exports[entry], `exports["${entry}"]`);
    assert.deepEqual([...json.sideEffects].sort(), ['./dist/define.js', './dist/index.js'], 'sideEffects: index and define, built (the sources are not published)');
    assert.match(readFileSync(join('packages', pkg, 'src/index.ts'), 'utf8'), /^import '\.\/define\.js';$/m, 'src/index.ts imports ./define.js');
  });

  test(`import '@relais/${pkg}' registers <${tag}> through a bundler; ./headless registers nothing`, async () => {
    assert.ok(existsSync(join('packages', pkg, 'dist/index.js')), 'build first (npx tsc -b)');
    assert.ok(registers(await bundle(pkg, `import '@relais/${pkg}';`), tag), `import '@relais/${pkg}'`);
    assert.ok(registers(await bundle(pkg, `import { ${cls} } from '@relais/${pkg}'; console.log(${cls});`), tag), `import { ${cls} }`);
    assert.ok(registers(await bundle(pkg, `import '@relais/${pkg}/define.js';`), tag), `import '@relais/${pkg}/define.js'`);
    const json = JSON.parse(readFileSync(join('packages', pkg, 'package.json'), 'utf8'));
    if (json.exports['./headless']) assert.ok(!registers(await bundle(pkg, `import * as h from '@relais/${pkg}/headless'; console.log(h);`), tag), 'headless registers nothing');
  });
}
