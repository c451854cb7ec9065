// Theming is a documented surface: every part a widget exposes is documented in its custom-elements.json (and
// every documented part exists), every component token a widget reads is documented on it, and the example
// partner theme uses only --relais-* tokens and documented ::part()s, with AA contrast.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tokenValue, CONTRAST_PAIRS, TOKENS } from '@relais/themes/tokens';

const WIDGETS = { directory: 'relais-directory', map: 'relais-map', eligibility: 'relais-eligibility', liaison: 'relais-liaison-form', pathway: 'relais-pathway', contributions: 'relais-contributions' };
WIDGETS.indicators = 'relais-indicators';
const manifest = (p) => JSON.parse(readFileSync(join('packages', p, 'custom-elements.json'), 'utf8'));
const declaration = (p, tag) => manifest(p).modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
// every .ts of the package's src, subfolders included (the directory's templates live in render/)
const source = (p) => readdirSync(join('packages', p, 'src'), { recursive: true }).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join('packages', p, 'src', f), 'utf8')).join('\n');

for (const [pkg, tag] of Object.entries(WIDGETS)) {
  test(`<${tag}>: parts in the templates = parts documented; its component tokens documented`, () => {
    const d = declaration(pkg, tag);
    assert.ok(d, `${tag} in custom-elements.json`);
    const documented = new Set((d.cssParts ?? []).map((p) => p.name));
    const src = source(pkg);
    const used = new Set([...src.matchAll(/\bpart="([^"$]+)"/g)].flatMap((m) => m[1].split(/\s+/)));
    assert.deepEqual([...used].filter((u) => !documented.has(u)).sort(), [], 'used but not documented (@csspart)');
    assert.deepEqual([...documented].filter((u) => !used.has(u)).sort(), [], 'documented but not in any template');
    for (const p of d.cssParts) assert.ok(p.description?.length > 5, `part ${p.name} has a description`);
    const props = new Set((d.cssProperties ?? []).map((p) => p.name));
    const own = TOKENS.filter((t) => t.widget === tag).map((t) => t.name);
    assert.deepEqual(own.filter((t) => !props.has(t)), [], 'component tokens without @cssprop');
  });
}

// the example partner theme: a token block and ::part() rules, nothing else
const partner = readFileSync('examples/demo/charte-departement.css', 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
const rules = [...partner.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => ({ selector: m[1].trim(), body: m[2] }));

test('partner theme: only --relais-* tokens, and ::part() of documented parts', () => {
  assert.ok(rules.length >= 2);
  const parts = Object.fromEntries(Object.entries(WIDGETS).map(([p, tag]) => [tag, new Set(declaration(p, tag).cssParts.map((x) => x.name))]));
  for (const { selector, body } of rules) {
    const decls = body.split(';').map((d) => d.trim()).filter(Boolean).map((d) => d.split(':')[0].trim());
    const m = /(relais-[\w-]+)::part\(([\w-]+)\)$/.exec(selector);
    if (m) {
      assert.ok(parts[m[1]]?.has(m[2]), `${selector}: ${m[2]} is a documented part of <${m[1]}>`);
    } else {
      assert.match(selector, /^\.[\w-]+$/, `${selector}: a token block is a single class`);
      for (const d of decls) assert.ok(TOKENS.some((t) => t.name === d), `${d} is a documented token`);
    }
  }
});

test('partner theme: its colours meet the same contrast pairs as the shipped themes', async () => {
  const { contrastOf } = await import('../../packages/themes/test/node/contrast.mjs');
  const values = Object.fromEntries(rules.filter((r) => !r.selector.includes('::part')).flatMap((r) => r.body.split(';').map((d) => d.split(':').map((x) => x.trim())).filter(([k]) => k)));
  const value = (name) => values[name] ?? tokenValue('default', name);
  const failures = CONTRAST_PAIRS.map(([fg, bg, min, what]) => [what, contrastOf(value(fg), value(bg)), min]).filter(([, r, min]) => r < min);
  assert.deepEqual(failures, []);
});

