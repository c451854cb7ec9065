#!/usr/bin/env node
// Builds every package: TypeScript → dist (ESM + .d.ts, dependencies external), then the CDN bundles
// of the all-in-one package with rollup, then the custom-elements manifests.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const pkgs = readdirSync('packages').filter((p) => existsSync(`packages/${p}/tsconfig.json`)).map((p) => `packages/${p}`);
run('node_modules/.bin/tsc', ['-b', ...pkgs]);
if (existsSync('rollup.config.js')) run('node_modules/.bin/rollup', ['-c', '--silent']);
if (existsSync('scripts/analyze.mjs')) run('node', ['scripts/analyze.mjs']);
