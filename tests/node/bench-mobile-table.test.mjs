// The mobile profile's table (bench/mobile-table.mjs): medians, the targets marked when missed, the block replaced
// between its markers and nowhere else. The timings themselves are measured by bench/mobile.mjs, never in tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { median, mobileTable, replaceBlock } from '../../bench/mobile-table.mjs';

const profile = { cpuSlowdown: 4, latencyMs: 170, downloadBps: 9e6 / 8, uploadBps: 1.5e6 / 8, viewport: { width: 375, height: 812, deviceScaleFactor: 2 } };
const row = (o) => ({ server: 'after', page: 'directory', interactions: ['typing'], loadBytes: 120400, loadSdkBytes: 90000, bytes: 130000, requests: 20, lcpMs: 1800, inpMs: 120, firstResultsMs: 2400, ...o });

test('median of odd and even counts', () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.ok(Number.isNaN(median([])));
});

test('the table states the profile and marks only the missed targets', () => {
  const t = mobileTable({ date: '2026-12-02T14:00:00Z', machine: 'test machine', runs: 3, profile, rows: [row({ server: 'before', firstResultsMs: 3400, inpMs: 250 }), row({}), row({ page: 'map', interactions: [], inpMs: null, firstResultsMs: null, lcpMs: 2600 })] });
  assert.match(t, /Measured 2026-12-02 on test machine; 3 cold loads/);
  assert.match(t, /CPU slowed 4×.*9 Mb\/s down, 1\.5 Mb\/s up, 170 ms latency.*375 × 812/);
  const lines = t.split('\n').filter((l) => l.startsWith('| `'));
  assert.equal(lines.length, 3);
  assert.match(lines[0], /before: uncompressed \| 120\.4 \| 90\.0 \| 130\.0 \| 20 \| 1,800 \| 3,400 \*\*✗\*\* \| 250 \*\*✗\*\* \| typing a query \|/);
  assert.match(lines[1], /after: brotli .*\| 1,800 \| 2,400 \| 120 \| typing a query \|/);
  assert.doesNotMatch(lines[1], /✗/);
  assert.match(lines[2], /`<relais-map>` alone .*\| 2,600 \*\*✗\*\* \| — \| — \| — \|/);
  assert.doesNotMatch(t, /Where the time/);
});

test('where the first results\' time goes: one line per directory row', () => {
  const parts = { htmlEnd: 183, scripts: 29, scriptsEnd: 2445, apiStart: 2281, apiEnd: 2462 };
  const t = mobileTable({ date: '2026-12-02T14:00:00Z', machine: 'm', runs: 5, profile, rows: [row({ firstResultsParts: parts, inpParts: { inputDelay: 5, processing: 231, presentation: 20 }, firstResultsMs: 2578 }), row({ page: 'map', interactions: [], firstResultsMs: null })] });
  const lines = t.split('\n').slice(t.split('\n').findIndex((l) => l.startsWith('| page | server | HTML')));
  assert.match(lines[2], /^\| `<relais-directory>` alone \| after \| 183 \| 29 \| 2,445 \| 2,281 → 2,462 \| 2,578 \| 5 \/ 231 \/ 20 \|$/);
  assert.equal(lines[3], '');
});

test('replaceBlock: only between its markers; missing markers refused in French', () => {
  const text = 'a\n<!-- MOBILE:START -->\nold\n<!-- MOBILE:END -->\nb\n<!-- SIZES:START -->\nx\n<!-- SIZES:END -->\n';
  assert.equal(replaceBlock(text, 'MOBILE', 'new $& $1\n'), 'a\n<!-- MOBILE:START -->\nnew $& $1\n<!-- MOBILE:END -->\nb\n<!-- SIZES:START -->\nx\n<!-- SIZES:END -->\n');
  assert.throws(() => replaceBlock('rien', 'MOBILE', 'x'), /Marqueurs .* absents/);
});
