// What a release publishes: every package's tarball is complete and clean, the changesets version every package
// together with a CHANGELOG.md, and the SDK's VERSION constant is the packages' version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPack, checkChangesets, dataProblems, registrationProblems, sourceMapProblems, PACK_LIMITS } from '../../scripts/release-check.mjs';
import { sourceAliases, sourceSideEffects, tsconfigPaths } from '../../scripts/source-aliases.mjs';

const packages = readdirSync('packages').filter((p) => !p.startsWith('.'));

for (const p of packages) {
  test(`npm pack --dry-run packages/${p}: complete and clean`, () => {
    const r = checkPack(join('packages', p));
    assert.deepEqual(r.problems, []);
    assert.ok(r.files.some((f) => f.endsWith('.d.ts')), 'types are published');
    if (PACK_LIMITS[r.name]) assert.ok(r.size <= PACK_LIMITS[r.name], `${r.name}: ${r.size} bytes packed`);
  });
}

/** A throwaway package folder with the given files. */
function fixture(files) {
  const dir = mkdtempSync(join(tmpdir(), 'relais-release-fixture-'));
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  return dir;
}

test('release check: data shipped twice, or typed as itself, is found (the former @relais/core layout)', () => {
  // 12 départements of 12 000 characters each, in the source, the build and a declaration typed by the data
  const chunk = (i) => JSON.stringify(Array.from({ length: 600 }, (_, k) => `${i}${k}|Commune ${k}|58000`).join('\n'));
  const files = {};
  for (let i = 10; i < 22; i++) {
    files[`src/geo/communes/d${i}.ts`] = `export default ${chunk(i)};\n`;
    files[`dist/geo/communes/d${i}.js`] = `export default ${chunk(i)};\n//# sourceMappingURL=d${i}.js.map\n`;
    files[`dist/geo/communes/d${i}.d.ts`] = `declare const _default: ${chunk(i)};\nexport default _default;\n`;
  }
  const old = fixture(files);
  const once = fixture(Object.fromEntries(Object.entries(files).filter(([f]) => f.startsWith('dist/') && f.endsWith('.js'))));
  try {
    const problems = dataProblems(old, Object.keys(files));
    assert.ok(problems.some((p) => /data published twice \(src\/geo\/communes\/d10\.ts and dist\/geo\/communes\/d10\.js/.test(p)), problems.join('\n'));
    assert.ok(problems.includes('dist/geo/communes/d10.d.ts: a declaration whose type is data (type it as string)'), problems.join('\n'));
    assert.deepEqual(dataProblems(once, Object.keys(files).filter((f) => f.startsWith('dist/') && f.endsWith('.js'))), []);
  } finally {
    rmSync(old, { recursive: true, force: true });
    rmSync(once, { recursive: true, force: true });
  }
});

test('release check: an element package that does not register on import is found (the former @relais/liaison)', () => {
  const dir = fixture({ 'src/define.ts': "defineElement('relais-x', X);\n", 'src/index.ts': "export { X } from './x.js';\n" });
  try {
    const pkg = { exports: { '.': './dist/index.js', './define.js': './dist/define.js' }, sideEffects: ['./dist/define.js'] };
    assert.deepEqual(registrationProblems(dir, pkg), [
      'src/index.ts does not import ./define.js: the package does not register its element on import',
      'sideEffects does not list ./dist/index.js',
    ]);
    writeFileSync(join(dir, 'src/index.ts'), "import './define.js';\n\nexport { X } from './x.js';\n");
    assert.deepEqual(registrationProblems(dir, { ...pkg, sideEffects: ['./dist/define.js', './dist/index.js'] }), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('release check: a published source map pointing to an unpublished source is found; one carrying its sources is not', () => {
  const dir = fixture({
    'dist/x.js.map': JSON.stringify({ version: 3, file: 'x.js', sourceRoot: '', sources: ['../src/x.ts'], mappings: '' }),
    'dist/y.d.ts.map': JSON.stringify({ version: 3, file: 'y.d.ts', sources: ['y.ts'], mappings: '' }),
    'dist/cdn/z.js.map': JSON.stringify({ version: 3, file: 'z.js', sources: ['../../src/z.ts'], sourcesContent: ['export {};'], mappings: '' }),
  });
  try {
    assert.deepEqual(sourceMapProblems(dir, ['dist/x.js.map', 'dist/y.d.ts.map', 'dist/cdn/z.js.map', 'dist/y.ts']), [
      'dist/x.js.map points to ../src/x.ts, not published: leave the map out (files: "!dist/**/*.map")',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('source aliases (issue 17): every export of a built module has its source, written once for the dev tools and tsconfig.json', () => {
  const aliases = sourceAliases();
  assert.equal(aliases.get('@relais/core'), join(process.cwd(), 'packages/core/src/index.ts'));
  assert.equal(aliases.get('@relais/core/http'), join(process.cwd(), 'packages/core/src/client/remote-http.ts'));
  assert.equal(aliases.get('@relais/directory/define.js'), join(process.cwd(), 'packages/directory/src/define.ts'));
  assert.equal(aliases.get('relais'), join(process.cwd(), 'packages/relais/src/index.ts'));
  assert.ok(!aliases.has('@relais/core/rest-openapi.json'), 'JSON exports resolve to the published file');
  for (const p of packages) {
    const pkg = JSON.parse(readFileSync(join('packages', p, 'package.json'), 'utf8'));
    for (const [sub, entry] of Object.entries(pkg.exports ?? {})) {
      if (typeof entry === 'object' && /^\.\/dist\/[^*]+\.js$/.test(entry.default)) assert.ok(aliases.has(sub === '.' ? pkg.name : pkg.name + sub.slice(1)), `${pkg.name} ${sub}`);
    }
  }
  const tsconfig = JSON.parse(readFileSync('tsconfig.json', 'utf8'));
  assert.deepEqual(tsconfig.compilerOptions.paths, tsconfigPaths(), 'run node scripts/source-aliases.mjs --write-tsconfig');
  assert.equal(JSON.parse(readFileSync('tsconfig.base.json', 'utf8')).compilerOptions.customConditions, undefined, 'no "source" condition to resolve');
});

test('source aliases: a source has the side effects its package declares for its built file', () => {
  const at = (f) => sourceSideEffects(join(process.cwd(), f));
  assert.equal(at('packages/directory/src/define.ts'), true);
  assert.equal(at('packages/directory/src/index.ts'), true);
  assert.equal(at('packages/directory/src/directory.ts'), false);
  assert.equal(at('packages/core/src/element/context.ts?v=1'), true, 'a query string (Vite) is ignored');
  assert.equal(at('packages/core/src/index.ts'), false);
  assert.equal(at('packages/relais/src/cdn.ts'), true);
  assert.equal(at('packages/server/src/index.ts'), true, 'no sideEffects list: every module');
  assert.equal(at('stories/directory.stories.ts'), null);
});

test('changesets: valid, and `changeset version` gives one version and a CHANGELOG.md to every package', () => {
  const r = checkChangesets();
  assert.deepEqual(r.problems, []);
  const { version: current } = JSON.parse(readFileSync('packages/core/package.json', 'utf8'));
  if (r.changesets === 0) {
    // right after a release: nothing pending, and every package has the released version's notes
    for (const p of packages) assert.match(readFileSync(join('packages', p, 'CHANGELOG.md'), 'utf8'), new RegExp(`^## ${current.replace(/\./g, '\\.')}$`, 'm'), p);
    assert.match(readFileSync('CHANGELOG.md', 'utf8'), new RegExp(`^## ${current.replace(/\./g, '\\.')} — `, 'm'));
    return;
  }
  assert.match(r.changelogs['@relais/themes'], new RegExp(`## ${r.version.replace(/\./g, '\\.')}`));
  assert.ok(Object.values(r.changelogs).every((c) => c.length > 0), 'every package gets its CHANGELOG.md');
});

test('release notes: the root CHANGELOG.md section lists every pending changeset under the one next version', async () => {
  const { readChangesets, nextVersion, releaseSection } = await import('../../scripts/release-notes.mjs');
  assert.equal(nextVersion('0.2.0', [{ bumps: { '@relais/core': 'patch' } }]), '0.2.1');
  assert.equal(nextVersion('0.2.0', [{ bumps: { '@relais/core': 'patch' } }, { bumps: { relais: 'minor' } }]), '0.3.0');
  assert.equal(nextVersion('0.2.0', []), '0.2.0');
  const sets = readChangesets();
  const section = releaseSection('9.9.9', '2026-12-02', sets);
  assert.match(section, /^## 9\.9\.9 — 2026-12-02$/m);
  // each changeset's first line appears once, under a package heading
  for (const c of sets) assert.ok(section.includes(`- ${c.text.split('\n')[0]}`), c.file);
  for (const h of section.match(/^### .+$/gm) ?? []) assert.doesNotMatch(h, /['"]/);
});

test('the SDK VERSION constant is the packages’ version', () => {
  const { version } = JSON.parse(readFileSync('packages/core/package.json', 'utf8'));
  assert.match(readFileSync('packages/core/src/element/define.ts', 'utf8'), new RegExp(`export const VERSION: string = '${version.replace(/\./g, '\\.')}';`));
  for (const p of packages) assert.equal(JSON.parse(readFileSync(join('packages', p, 'package.json'), 'utf8')).version, version, `${p} has the same version`);
});
