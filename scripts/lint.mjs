#!/usr/bin/env node
// ESLint (typescript-eslint, eslint-plugin-lit, eslint-plugin-wc) and lit-analyzer on the element sources.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const walk = (d) => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status === 0;
let ok = run('node_modules/.bin/eslint', ['--max-warnings=0', '.']);
const litFiles = readdirSync('packages')
  .flatMap((p) => { try { return walk(join('packages', p, 'src')); } catch { return []; } })
  .filter((f) => f.endsWith('.ts') && !f.includes('/geo/communes/') && !f.endsWith('-data.ts'));
if (litFiles.length) ok = run('node_modules/.bin/lit-analyzer', ['--strict', '--rules.no-missing-import', 'off', ...litFiles]) && ok;
process.exit(ok ? 0 : 1);
