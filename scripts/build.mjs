#!/usr/bin/env node
// Builds every package: the custom-elements manifests (from the sources) and the React wrappers generated from
// them, then TypeScript → dist (ESM + .d.ts, dependencies external), the CDN bundles of the all-in-one package
// with rollup, and the theme CSS files.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('node', ['scripts/analyze.mjs']);
run('node', ['scripts/generate-react.mjs']);
const pkgs = readdirSync('packages').filter((p) => existsSync(`packages/${p}/tsconfig.json`)).map((p) => `packages/${p}`);
run('node_modules/.bin/tsc', ['-b', ...pkgs]);
// the CDN folder is rollup's alone (and the themes', written after): emptied first, so that the chunks of an earlier
// build (other hashes, another version) are neither served nor packed
rmSync('packages/relais/dist/cdn', { recursive: true, force: true });
if (existsSync('rollup.config.js')) run('node_modules/.bin/rollup', ['-c', '--silent']);
// small React apps bundled from the built packages, for the size budgets (bench/react-bundle.mjs)
run('node', ['bench/react-bundle.mjs']);
run('node', ['scripts/build-themes.mjs']);
