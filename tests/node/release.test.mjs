// What a release publishes: every package's tarball is complete and clean, the changesets version every package
// together with a CHANGELOG.md, and the SDK's VERSION constant is the packages' version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkPack, checkChangesets } from '../../scripts/release-check.mjs';

const packages = readdirSync('packages').filter((p) => !p.startsWith('.'));

for (const p of packages) {
  test(`npm pack --dry-run packages/${p}: complete and clean`, () => {
    const r = checkPack(join('packages', p));
    assert.deepEqual(r.problems, []);
    assert.ok(r.files.some((f) => f.endsWith('.d.ts')), 'types are published');
  });
}

test('changesets: valid, and `changeset version` gives one version and a CHANGELOG.md to every package', () => {
  const r = checkChangesets();
  assert.deepEqual(r.problems, []);
  assert.ok(r.changesets > 0);
  assert.match(r.changelogs['@relais/themes'], new RegExp(`## ${r.version.replace(/\./g, '\\.')}`));
  assert.match(r.changelogs['@relais/core'], /autoloader|autochargeur|fetch/i, 'the core changelog tells the changes');
});

test('the SDK VERSION constant is the packages’ version', () => {
  const { version } = JSON.parse(readFileSync('packages/core/package.json', 'utf8'));
  assert.match(readFileSync('packages/core/src/element/define.ts', 'utf8'), new RegExp(`export const VERSION: string = '${version.replace(/\./g, '\\.')}';`));
  for (const p of packages) assert.equal(JSON.parse(readFileSync(join('packages', p, 'package.json'), 'utf8')).version, version, `${p} has the same version`);
});
