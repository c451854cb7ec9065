// The webmasters' token reference (packages/themes/TOKENS.md) is generated from @relais/themes and the manifests, is up
// to date, lists every token with the widgets that read it, and is linked from the READMEs and published.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TOKENS, THEMES } from '@relais/themes/tokens';
import { generate } from '../../scripts/tokens-doc.mjs';

const doc = readFileSync('packages/themes/TOKENS.md', 'utf8');

test('packages/themes/TOKENS.md is what scripts/tokens-doc.mjs makes (run it after changing a token or a @cssprop)', () => {
  assert.equal(doc, generate());
});

test('every token is a row with its default and its value in each theme; component tokens name their widget', () => {
  const rows = doc.split('\n').filter((l) => l.startsWith('| `--relais-'));
  for (const t of TOKENS) {
    const row = rows.find((r) => r.startsWith(`| \`${t.name}\` |`));
    assert.ok(row, `${t.name} has a row`);
    assert.ok(row.includes(`\`${t.default.replace(/\|/g, '\\|')}\``), `${t.name}: default`);
    for (const th of Object.values(THEMES)) if (th.values[t.name] && th !== THEMES.default) assert.ok(row.includes(th.values[t.name]), `${t.name}: ${th.title}`);
    if (t.widget) assert.match(row, new RegExp(`\\| \`<${t.widget}>\` \\|$`), `${t.name}: read by <${t.widget}> only`);
    else assert.match(row, /\| tous les widgets \|$/, `${t.name}: a base token, read by every widget`);
  }
});

test('the reference is published with @relais/themes and linked from the READMEs', () => {
  assert.ok(JSON.parse(readFileSync('packages/themes/package.json', 'utf8')).files.includes('TOKENS.md'));
  assert.match(readFileSync('README.md', 'utf8'), /packages\/themes\/TOKENS\.md/);
  assert.match(readFileSync('packages/themes/README.md', 'utf8'), /\(TOKENS\.md\)/);
});
