// Writes the browser tests' counts to a file, for the one summary line printed by scripts/test.mjs.
import { writeFileSync, mkdirSync } from 'node:fs';

const walk = (suite, acc) => {
  for (const t of suite?.tests ?? []) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else acc.failed++;
  }
  for (const s of suite?.suites ?? []) walk(s, acc);
  return acc;
};

export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0 };
      for (const s of sessions) {
        walk(s.testResults, acc);
        // a file that failed to load or threw outside a test counts as one failure
        if (!s.passed && (s.errors?.length ?? 0) > 0) acc.failed++;
      }
      mkdirSync('node_modules/.cache', { recursive: true });
      writeFileSync('node_modules/.cache/wtr-summary.json', JSON.stringify(acc));
    },
  };
}
