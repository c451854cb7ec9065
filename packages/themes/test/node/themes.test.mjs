// Every theme meets the contrast pairs (WCAG 2.2 AA), the token table is complete and matches the
// defaults the widgets use, and the CSS files are what the data says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TOKENS, THEMES, CONTRAST_PAIRS, tokenValue, themeCss, tokensTable } from '@relais/themes/tokens';
import { colour, contrast } from './contrast.mjs';

test('contrast computation matches known WCAG values', () => {
  assert.equal(contrast([0, 0, 0], [255, 255, 255]).toFixed(1), '21.0');
  assert.equal(contrast([0x76, 0x76, 0x76], [255, 255, 255]).toFixed(2), '4.54');
  assert.deepEqual(colour('var(--text-default-grey, #3a3a3a)'), [0x3a, 0x3a, 0x3a]);
  assert.deepEqual(colour('3px solid #0a5cc2'), [0x0a, 0x5c, 0xc2]);
  assert.deepEqual(colour('2px solid var(--focus, #0a76f6)'), [0x0a, 0x76, 0xf6]);
});

for (const theme of Object.keys(THEMES)) {
  test(`theme ${theme}: every colour pair meets WCAG 2.2 AA`, () => {
    const failures = [];
    for (const [fg, bg, min, what] of CONTRAST_PAIRS) {
      const ratio = contrast(colour(tokenValue(theme, fg)), colour(tokenValue(theme, bg)));
      if (ratio < min) failures.push(`${what} (${fg} sur ${bg}) : ${ratio.toFixed(2)} < ${min}`);
    }
    assert.deepEqual(failures, []);
  });
}

test('high-contrast theme: text reaches AAA (7:1)', () => {
  for (const fg of ['--relais-color-text', '--relais-color-muted', '--relais-color-primary', '--relais-color-danger', '--relais-color-success']) {
    const ratio = contrast(colour(tokenValue('high-contrast', fg)), colour(tokenValue('high-contrast', '--relais-color-surface')));
    assert.ok(ratio >= 7, `${fg}: ${ratio.toFixed(2)}`);
  }
});

test('a theme sets only documented tokens', () => {
  const names = new Set(TOKENS.map((t) => t.name));
  for (const [theme, { values }] of Object.entries(THEMES)) for (const k of Object.keys(values)) assert.ok(names.has(k), `${theme}: ${k} is not in TOKENS`);
});

// The widgets' sources: every --relais-* they read is in the table, with the same default.
const sources = readdirSync('packages')
  .filter((p) => p !== 'themes')
  .flatMap((p) => {
    try {
      return readdirSync(join('packages', p, 'src'), { recursive: true }).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join('packages', p, 'src', f), 'utf8'));
    } catch {
      return [];
    }
  })
  .join('\n');

test('every --relais-* property the widgets read is documented in TOKENS, and every token is read', () => {
  const used = new Set(sources.match(/--relais-[a-z0-9-]+/g));
  const documented = new Set(TOKENS.map((t) => t.name));
  assert.deepEqual([...used].filter((u) => !documented.has(u)).sort(), [], 'used but not documented');
  assert.deepEqual([...documented].filter((d) => !used.has(d)).sort(), [], 'documented but never read');
});

test('TOKENS defaults are the fallbacks the widgets use', () => {
  const fallbacks = new Map();
  for (const m of sources.matchAll(/var\((--relais-[a-z0-9-]+),\s*((?:[^()]|\([^()]*\))+)\)/g)) fallbacks.set(m[1], m[2].trim());
  for (const t of TOKENS) {
    const f = fallbacks.get(t.name);
    if (!f) continue;
    // component tokens fall back to a private --_r-* variable that stands for the global token
    const expected = t.default.replace(/var\(--relais-(?:color-)?([a-z0-9-]+)\)/, (_, n) => `var(--_r-${n})`);
    assert.equal(f, expected, t.name);
  }
});

test('the CSS files are generated from the data (:root and a class; auto follows the page\'s declared colour scheme)', () => {
  const dark = themeCss('dark');
  assert.match(dark, /^:root,\n\.relais-theme-dark \{$/m);
  assert.match(dark, /--relais-color-surface: #14171c;/);
  const auto = themeCss('auto');
  assert.doesNotMatch(auto, /prefers-color-scheme/, 'the visitor\'s system alone never turns the widgets dark');
  assert.ok(auto.indexOf('--relais-color-surface: #ffffff;') < auto.indexOf('@supports (color: light-dark(#000, #fff))'), 'light values first, for browsers without light-dark()');
  for (const t of TOKENS.filter((x) => x.group === 'couleur')) {
    assert.match(auto, new RegExp(`@property ${t.name} \\{\\n\\s+syntax: '<color>';\\n\\s+inherits: true;\\n\\s+initial-value: ${t.default};`), `${t.name} registered, so it resolves on the page's root`);
    assert.ok(auto.includes(`${t.name}: light-dark(${tokenValue('default', t.name)}, ${tokenValue('dark', t.name)});`), `${t.name}: light-dark(default, dark)`);
  }
  assert.match(auto, /--relais-focus-ring: 3px solid var\(--relais-color-primary\);/, 'the focus ring follows the primary colour');
  assert.doesNotMatch(themeCss('dsfr'), /@font-face|url\(/, 'the DSFR bridge never bundles fonts or assets');
  const built = readFileSync('packages/relais/dist/cdn/themes/high-contrast.css', 'utf8');
  assert.equal(built, themeCss('high-contrast'), 'the CDN file is up to date (npm run build)');
});

test('the README documents every token with its default (generated: node scripts/build-themes.mjs)', () => {
  const readme = readFileSync('packages/themes/README.md', 'utf8');
  const table = /<!-- tokens:start -->\n([\s\S]*?)<!-- tokens:end -->/.exec(readme)?.[1];
  assert.ok(table, 'tokens table markers');
  assert.equal(table, tokensTable());
});
