// @relais/react is generated from the custom-elements manifests: the committed wrappers are up to date, every element
// and event of the manifests has its wrapper and its on<Event> prop, each element has its own entry
// (`@relais/react/directory`…) that registers that element only, every entry starts with "use client" (sources and
// built files), and the root entry still gives every wrapper and registers every element.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { generate, elements } from '../../scripts/generate-react.mjs';

const files = generate();
const TAGS = elements().map((e) => e.tag);

test('packages/react/src is what the generator makes from custom-elements.json', () => {
  for (const [f, text] of Object.entries(files)) assert.equal(readFileSync(join('packages/react/src', f), 'utf8'), text, `${f}: run node scripts/generate-react.mjs`);
});

test('one wrapper per element, one prop per event, each in its own entry', () => {
  for (const [entry, cls, tag, events] of [
    ['directory', 'RelaisDirectory', 'relais-directory', ['onRelaisSearch', 'onRelaisSelect', 'onRelaisError', 'onRelaisDataWarning']],
    ['map', 'RelaisMap', 'relais-map', ['onRelaisSelect', 'onRelaisViewport']],
    ['eligibility', 'RelaisEligibility', 'relais-eligibility', ['onRelaisResult']],
    ['liaison-form', 'RelaisLiaisonForm', 'relais-liaison-form', ['onRelaisDraftSaved', 'onRelaisSubmit']],
    ['pathway', 'RelaisPathway', 'relais-pathway', ['onRelaisStepSelect']],
    ['contributions', 'RelaisContributions', 'relais-contributions', ['onRelaisContributionDecided', 'onRelaisConfirmationRequested', 'onRelaisError']],
    ['indicators', 'RelaisIndicators', 'relais-indicators', ['onRelaisError']],
    ['provider', 'RelaisProvider', 'relais-provider', ['onRelaisError']],
  ]) {
    const src = files[`${entry}.ts`];
    assert.ok(src, `${entry}.ts`);
    const block = src.slice(src.indexOf(`export const ${cls} =`));
    assert.match(block, new RegExp(`tagName: '${tag}'`), cls);
    for (const e of events) assert.match(block.slice(0, block.indexOf('});')), new RegExp(`${e}: '`), `${cls}.${e}`);
    assert.match(files['index.ts'], new RegExp(`^export \\{ ${cls} \\} from './${entry}\\.js';$`, 'm'), `the root entry re-exports ${cls}`);
  }
});

test('package.json: an export, sideEffects (built) and "use client" (source and built) for every entry', () => {
  const pkg = JSON.parse(readFileSync('packages/react/package.json', 'utf8'));
  for (const f of Object.keys(files)) {
    const name = f.replace(/\.ts$/, '');
    const key = name === 'index' ? '.' : `./${name}`;
    assert.deepEqual(pkg.exports[key], { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` }, `exports["${key}"]`);
    assert.ok(pkg.sideEffects.includes(`./dist/${name}.js`), `sideEffects lists ./dist/${name}.js`);
    assert.match(files[f], /^'use client';\n/, `src/${f} starts with "use client"`);
    assert.ok(existsSync(`packages/react/dist/${name}.js`), 'build first (npx tsc -b packages/react)');
    assert.match(readFileSync(`packages/react/dist/${name}.js`, 'utf8'), /^'use client';\n/, `dist/${name}.js keeps "use client" first`);
  }
});

/** The element tags registered by a bundle of `code` (built packages, their exports and sideEffects; lit, React… left out). */
async function registered(code) {
  const b = await rollup({
    input: 'app',
    plugins: [
      { name: 'app', resolveId: (id) => (id === 'app' ? id : null), load: (id) => (id === 'app' ? code : null) },
      nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] }),
    ],
    external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('@relais/') && id !== 'app',
    onwarn: () => {},
  });
  const { output } = await b.generate({ format: 'es' });
  await b.close();
  const text = output.map((c) => c.code ?? '').join('\n');
  return TAGS.filter((t) => new RegExp(`defineElement\\(['"]${t}['"]`).test(text));
}

for (const e of elements()) {
  test(`import { ${e.cls} } from '@relais/react/${e.entry}' registers <${e.tag}> only`, async () => {
    assert.deepEqual(await registered(`import { ${e.cls} } from '@relais/react/${e.entry}'; console.log(${e.cls});`), [e.tag]);
  });
}

test('the root entry still registers every element, whichever wrapper is used', async () => {
  assert.deepEqual(await registered(`import { RelaisDirectory } from '@relais/react'; console.log(RelaisDirectory);`), TAGS);
});
