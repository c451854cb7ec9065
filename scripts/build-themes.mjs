#!/usr/bin/env node
// Writes the theme CSS files from packages/themes/src/tokens.ts (built to dist by tsc first):
// packages/themes/dist/css/<name>.css (npm) and packages/relais/dist/cdn/themes/<name>.css (CDN).
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { themeCss, THEMES, tokensTable } from '../packages/themes/dist/tokens.js';

const names = [...Object.keys(THEMES), 'auto'];
for (const dir of ['packages/themes/dist/css', 'packages/relais/dist/cdn/themes']) {
  mkdirSync(dir, { recursive: true });
  for (const n of names) writeFileSync(`${dir}/${n}.css`, themeCss(n));
}

// The README's token table, between its markers.
const readme = 'packages/themes/README.md';
const text = readFileSync(readme, 'utf8');
const next = text.replace(/(<!-- tokens:start -->\n)[\s\S]*?(<!-- tokens:end -->)/, `$1${tokensTable()}$2`);
if (next !== text) writeFileSync(readme, next);
