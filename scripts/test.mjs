#!/usr/bin/env node
// `npm test`: build, size budgets, Storybook build, type-check, lint, headless unit tests (node:test) and browser tests (web-test-runner,
// Debian Chromium), then one line "N passed, N failed, N skipped" with the totals.
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync, rmSync, mkdirSync } from 'node:fs';
import { ensureBrowser } from './ensure-browser.mjs';

const steps = [];
const run = (name, cmd, args, env = {}) => {
  const t = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  steps.push({ name, ok, s: ((Date.now() - t) / 1000).toFixed(1) });
  return ok;
};
const bin = (t) => `node_modules/.bin/${t}`;

const only = process.argv.slice(2);
const want = (s) => only.length === 0 || only.includes(s);

process.env.CHROME_PATH = ensureBrowser();
mkdirSync('node_modules/.cache', { recursive: true });
if (want('build')) run('build', 'node', ['scripts/build.mjs']);
if (want('size')) run('size budgets (size-limit, gzip)', bin('size-limit'), []);
if (want('storybook')) run('storybook build', bin('storybook'), ['build', '-o', 'storybook-static', '--quiet', '--disable-telemetry']);
if (want('typecheck')) run('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
if (want('lint')) run('lint', 'node', ['scripts/lint.mjs']);

let node = { passed: 0, failed: 0, skipped: 0 };
if (want('node')) {
  const tap = 'node_modules/.cache/node-tests.tap';
  rmSync(tap, { force: true });
  const ok = run('unit tests (node)', process.execPath, ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...listNodeTests()]);
  if (existsSync(tap)) {
    const t = readFileSync(tap, 'utf8');
    const n = (k) => Number(new RegExp(`^# ${k} (\\d+)`, 'm').exec(t)?.[1] ?? 0);
    node = { passed: n('pass'), failed: n('fail') + n('cancelled'), skipped: n('skipped') + n('todo') };
  } else if (!ok) node.failed++;
}

let browser = { passed: 0, failed: 0, skipped: 0 };
if (want('browser')) {
  const summary = 'node_modules/.cache/wtr-summary.json';
  rmSync(summary, { force: true });
  const ok = run('browser tests (web-test-runner, Chromium)', bin('wtr'), ['--config', 'web-test-runner.config.mjs']);
  if (existsSync(summary)) browser = JSON.parse(readFileSync(summary, 'utf8'));
  if (!ok && browser.failed === 0) browser.failed++;
}

console.log('\nRésumé :');
for (const s of steps) console.log(`  ${s.ok ? '✔' : '✘'} ${s.name} (${s.s} s)`);
const failedSteps = steps.filter((s) => !s.ok && !/tests/.test(s.name)).length;
const passed = node.passed + browser.passed;
const failed = node.failed + browser.failed + failedSteps;
const skipped = node.skipped + browser.skipped;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(steps.every((s) => s.ok) && failed === 0 ? 0 : 1);

function listNodeTests() {
  const out = spawnSync('bash', ['-c', 'ls packages/*/test/node/*.test.mjs tests/node/*.test.mjs examples/**/*.test.mjs 2>/dev/null'], { encoding: 'utf8' });
  return out.stdout.split('\n').filter(Boolean);
}
