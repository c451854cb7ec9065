// The dashboard draws its tables, charts (uPlot) and map (Leaflet) under the demo's strict Content-Security-Policy
// (`style-src 'self'`: no style attribute set from a string, no inline script, no eval), from the CDN build, in
// Chromium: scripts/screenshot-indicators.mjs fails on any violation, and does fail when one is provoked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const built = existsSync('packages/relais/dist/cdn/widgets/relais-indicators.js');
const run = (...args) => spawnSync(process.execPath, ['scripts/screenshot-indicators.mjs', ...args], { encoding: 'utf8', timeout: 90_000 });

test('<relais-indicators> under a strict CSP: no violation, no error; a provoked violation is caught', { skip: !built && 'no CDN build (node scripts/build.mjs)' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'relais-indicators-csp-'));
  try {
    const ok = run('--out', join(dir, 'a.png'), '--width', '375');
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /no CSP violation, no error/);
    const bad = run('--out', join(dir, 'b.png'), '--provoke');
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, /style-src-attr/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
