#!/usr/bin/env node
// Writes the theme CSS files from packages/themes/src/tokens.ts (built to dist by tsc first):
// packages/themes/dist/css/<name>.css (npm) and packages/relais/dist/cdn/themes/<name>.css (CDN).
import { mkdirSync, writeFileSync } from 'node:fs';
import { themeCss, THEMES } from '../packages/themes/dist/tokens.js';

const names = [...Object.keys(THEMES), 'auto'];
for (const dir of ['packages/themes/dist/css', 'packages/relais/dist/cdn/themes']) {
  mkdirSync(dir, { recursive: true });
  for (const n of names) writeFileSync(`${dir}/${n}.css`, themeCss(n));
}
