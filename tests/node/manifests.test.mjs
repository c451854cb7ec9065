// The custom-elements manifests are the package surface that editors, Storybook and the React wrappers read: every
// `--relais-*` property an element's CSS reads is documented on it (and nothing else), with the token table's default;
// every event has its type (an Event class of the SDK with that name); the all-in-one `relais` has its manifest.
// Needs `node scripts/analyze.mjs` first (npm test does it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TOKENS } from '@relais/themes/tokens';
import { allInOneManifest } from '../../scripts/analyze.mjs';

const WIDGETS = { directory: 'relais-directory', map: 'relais-map', eligibility: 'relais-eligibility', liaison: 'relais-liaison-form', pathway: 'relais-pathway', contributions: 'relais-contributions' };
WIDGETS.indicators = 'relais-indicators';
const read = (f) => readFileSync(f, 'utf8');
const manifest = (p) => JSON.parse(read(join('packages', p, 'custom-elements.json')));
const elements = (p) => manifest(p).modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
const sources = (p) => readdirSync(join('packages', p, 'src')).filter((f) => f.endsWith('.ts')).map((f) => read(join('packages', p, 'src', f)));
/** The `--relais-*` properties that CSS text reads (inside `var()`), comments left out. */
const reads = (text) => new Set([...text.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/var\(\s*(--relais-[a-z0-9-]+)/g)].map((m) => m[1]));

for (const [pkg, tag] of Object.entries(WIDGETS)) {
  test(`<${tag}>: the manifest documents exactly the --relais-* properties its CSS reads`, () => {
    const d = elements(pkg).find((x) => x.tagName === tag);
    assert.ok(d, `${tag} in packages/${pkg}/custom-elements.json`);
    const src = sources(pkg).join('\n');
    // the element's styles: its own (every file of the package) and, when it spreads them, RelaisElement's
    const inherits = /static override styles = \[\.\.\.RelaisElement\.styles/.test(src);
    const css = reads(src + (inherits ? read('packages/core/src/element/base.ts') : ''));
    const documented = new Set((d.cssProperties ?? []).map((p) => p.name));
    assert.ok(css.size >= 20, `${tag} reads ${css.size} tokens`);
    assert.deepEqual([...css].filter((n) => !documented.has(n)).sort(), [], 'read by the CSS but not documented (@cssprop)');
    assert.deepEqual([...documented].filter((n) => !css.has(n)).sort(), [], 'documented but read by no CSS');
    for (const p of d.cssProperties) {
      const token = TOKENS.find((t) => t.name === p.name);
      assert.ok(token, `${p.name} is in the token table (@relais/themes)`);
      assert.equal(p.default, token.default, `${p.name}: the manifest's default is the token table's`);
      assert.ok(p.description?.length > 3, `${p.name} has a description`);
    }
  });
}

// every Event class of the SDK, by the name it is dispatched under
const eventClasses = new Map(
  ['core', ...Object.keys(WIDGETS)].flatMap((p) => [...(p === 'core' ? [read('packages/core/src/element/events.ts')] : sources(p)).join('\n').matchAll(/export class (\w+) extends Event \{\s*static readonly eventName = '([\w-]+)'/g)].map((m) => [m[2], m[1]])),
);

test('every event in the manifests has its type: the SDK class dispatched under that name', () => {
  assert.ok(eventClasses.size >= 9, `${eventClasses.size} event classes found`);
  let n = 0;
  for (const p of ['core', ...Object.keys(WIDGETS)]) {
    for (const d of elements(p)) {
      for (const e of d.events ?? []) {
        n++;
        assert.equal(e.type?.text, eventClasses.get(e.name), `<${d.tagName}> ${e.name}`);
      }
    }
  }
  assert.ok(n >= 15, `${n} events checked`);
});

test('relais (all-in-one) has a custom-elements.json, up to date, with every element it registers', () => {
  const pkg = JSON.parse(read('packages/relais/package.json'));
  assert.equal(pkg.customElements, 'custom-elements.json');
  assert.ok(pkg.files.includes('custom-elements.json'), 'published');
  const shipped = JSON.parse(read('packages/relais/custom-elements.json'));
  assert.deepEqual(shipped, allInOneManifest(), 'run node scripts/analyze.mjs');
  const tags = shipped.modules.flatMap((m) => m.declarations).map((d) => d.tagName).sort();
  const expected = ['core', ...Object.keys(WIDGETS)].flatMap((p) => elements(p).map((d) => d.tagName)).sort();
  assert.deepEqual(tags, expected);
  assert.deepEqual(tags, ['relais-contributions', 'relais-directory', 'relais-eligibility', 'relais-indicators', 'relais-liaison-form', 'relais-map', 'relais-pathway', 'relais-provider']);
  const defs = shipped.modules[0].exports.filter((x) => x.kind === 'custom-element-definition').map((x) => x.name).sort();
  assert.deepEqual(defs, tags);
  const map = shipped.modules[0].declarations.find((d) => d.tagName === 'relais-map');
  assert.equal(map.cssProperties.length, elements('map')[0].cssProperties.length);
});

test('the source attributes, declared once in core (SourceAttributesMixin), are documented on the directory and the map', () => {
  for (const pkg of ['directory', 'map']) {
    const d = elements(pkg)[0];
    assert.deepEqual(d.mixins, [{ name: 'SourceAttributesMixin', package: '@relais/core' }], `<${d.tagName}> takes the mixin`);
    for (const name of ['src', 'source', 'base-url']) {
      const a = d.attributes.find((x) => x.name === name);
      assert.ok(a?.description?.length > 10, `<${d.tagName}> documents the attribute ${name}`);
      assert.equal(a.inheritedFrom?.name, 'SourceAttributesMixin');
    }
    const data = d.members.find((m) => m.name === 'data');
    assert.ok(data?.description && !data.attribute, `<${d.tagName}> documents the data property (no attribute)`);
  }
});
