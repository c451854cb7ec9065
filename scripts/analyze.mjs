#!/usr/bin/env node
// Generates custom-elements.json for each package that defines elements (Storybook controls, docs, React wrappers).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const cem = join(process.cwd(), 'node_modules/.bin/cem');
for (const p of readdirSync('packages')) {
  const dir = join('packages', p);
  const pkg = existsSync(join(dir, 'package.json')) ? JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) : null;
  if (!pkg?.customElements) continue;
  const r = spawnSync(cem, ['analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/**/*-data.ts', '--exclude', 'src/geo/communes/**', '--quiet'], { cwd: dir, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
