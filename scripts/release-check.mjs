#!/usr/bin/env node
// Release checks, run by the tests (tests/node/release.test.mjs) and by `npm run release:check`:
//   1. `npm pack --dry-run` of every package: README, LICENSE, package.json, every `exports` target (all conditions),
//      types, the built `sideEffects` files and custom-elements.json are in the tarball; no tests, no build info, no
//      TypeScript sources (`src/`, a `source` export condition, a `sideEffects` source: the dev tools resolve the
//      sources through scripts/source-aliases.mjs), no source map pointing to a file left out of the tarball.
//      The package surface (issue 17): packed sizes within PACK_LIMITS; no data shipped twice (the same long string in
//      two published files) nor as a type (a declaration whose type is a long string); every element package registers
//      its element on import the same way (index imports ./define.js, both in `exports`, both built in `sideEffects`);
//      every entry of @relais/react starts with "use client" in its built file.
//   2. the pending changesets name real packages, and `changeset version` applied to a copy of the workspace gives
//      every package the same new version, a CHANGELOG.md and updated internal dependencies (the "fixed" group).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packages = readdirSync(join(root, 'packages')).filter((p) => existsSync(join(root, 'packages', p, 'package.json')));
const readJson = (f) => JSON.parse(readFileSync(f, 'utf8'));

/**
 * Packed size limits (bytes, `npm pack` gzip): each package's measured size + 2 % (measured 2 December 2026), but
 * @relais/core's: the 700 kB of issue 17. @relais/core: 1 826 kB with the commune data three times, 942 kB with the
 * data once, 765 kB with the data in columns (507 kB of it) and no JavaScript source maps, 807 kB with the contracts
 * of the contributions and indicators and issue 20's measurement; 695.4 kB since only the build ships (no `src/`, no
 * declaration maps pointing to it: −99 kB) and the custom-elements manifests leave out the initial values of long
 * constants, data the built modules already carry, on one line (−13 kB). The data is 525 kB of the 695: the limit
 * leaves room for code, not for a second copy of it. 692.4 kB after issue 21's prebuilt index (+20 kB of code) with the
 * manifests reduced to what element tools read (the elements, their mixins and base classes: core's 148 → 11 kB).
 * contributions 23.2 kB (its render modules, issue 17) and relais 2 657.7 kB (the prebuilt loader chunk, the split
 * elements' modules, issue 21's faster search) remeasured on a clean build, + 2 %.
 */
export const PACK_LIMITS = {
  '@relais/contributions': 23_700,
  '@relais/core': 700_000,
  '@relais/directory': 73_000,
  '@relais/eligibility': 87_000,
  '@relais/indicators': 37_000,
  '@relais/liaison': 145_000,
  '@relais/map': 37_000,
  '@relais/pathway': 52_000,
  '@relais/react': 6_000,
  relais: 2_711_000,
  '@relais/server': 112_000, // 109.4 kB measured after the compression module (issue 21), + 2 %
  '@relais/themes': 12_000,
};

/**
 * Problems of data in the published files: a declaration whose type is a long string, or more than 100 kB of long
 * strings (10 000 characters or more) published twice (two published files each carrying a dataset, as a source and
 * its build once did). A small string in two files (a stylesheet) is not counted.
 */
export function dataProblems(pkgDir, files) {
  const problems = [];
  const seen = new Map();
  const twice = [];
  for (const f of files.filter((x) => /\.(m?js|ts)$/.test(x))) {
    const text = readFileSync(join(pkgDir, f), 'utf8');
    if (f.endsWith('.d.ts')) {
      if (/"(?:[^"\\\n]|\\.){1000,}"/.test(text)) problems.push(`${f}: a declaration whose type is data (type it as string)`);
      continue;
    }
    for (const m of text.matchAll(/"(?:[^"\\\n]|\\.){10000,}"/g)) {
      const other = seen.get(m[0]);
      if (other && other !== f) twice.push([other, f, m[0].length]);
      else seen.set(m[0], f);
    }
  }
  const bytes = twice.reduce((a, t) => a + t[2], 0);
  if (bytes > 100_000) problems.push(`${(bytes / 1000).toFixed(0)} kB of data published twice (${twice.slice(0, 2).map(([a, b]) => `${a} and ${b}`).join(', ')}…): ship it once`);
  return problems;
}

/** Problems of an element package's registration: `import '<pkg>'` and `<pkg>/define.js` both register, as in every one. */
export function registrationProblems(pkgDir, pkg) {
  if (!existsSync(join(pkgDir, 'src/define.ts'))) return [];
  const problems = [];
  if (!pkg.exports?.['./define.js']) problems.push('no "./define.js" export');
  if (!/^import '\.\/define\.js';$/m.test(readFileSync(join(pkgDir, 'src/index.ts'), 'utf8'))) problems.push('src/index.ts does not import ./define.js: the package does not register its element on import');
  for (const s of ['./dist/index.js', './dist/define.js']) if (!pkg.sideEffects?.includes?.(s)) problems.push(`sideEffects does not list ${s}`);
  return problems;
}

/** Export conditions used anywhere in a package.json `exports` field. */
function exportConditions(exp) {
  if (!exp || typeof exp !== 'object') return [];
  return Object.entries(exp).flatMap(([k, v]) => [...(k.startsWith('.') ? [] : [k]), ...exportConditions(v)]);
}

/**
 * Published source maps (`.map`) that point to a file the tarball leaves out, without carrying its text
 * (`sourcesContent`): a map of dist/x.js to ../src/x.ts once the sources are no longer published.
 */
export function sourceMapProblems(pkgDir, files) {
  const published = new Set(files);
  const problems = [];
  for (const f of files.filter((x) => x.endsWith('.map'))) {
    const map = JSON.parse(readFileSync(join(pkgDir, f), 'utf8'));
    const missing = (map.sources ?? []).filter((s, i) => map.sourcesContent?.[i] == null && !/^[a-z]+:/.test(s) && !published.has(posix.normalize(posix.join(posix.dirname(f), map.sourceRoot ?? '', s))));
    if (missing.length) problems.push(`${f} points to ${missing[0]}, not published: leave the map out (files: "!dist/**/*.map")`);
  }
  return problems;
}

/** Export targets of a package.json `exports` field (every condition, wildcards left out). */
function exportTargets(exp) {
  if (typeof exp === 'string') return [exp];
  return Object.values(exp ?? {}).flatMap(exportTargets);
}

/** Problems found in the tarball of one package. */
export function checkPack(pkgDir) {
  const pkg = readJson(join(pkgDir, 'package.json'));
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: pkgDir, encoding: 'utf8' });
  if (r.status !== 0) return { name: pkg.name, problems: [`npm pack failed: ${r.stderr.slice(0, 300)}`], files: [] };
  const packed = JSON.parse(r.stdout)[0];
  const files = packed.files.map((f) => f.path);
  const has = (f) => files.includes(f.replace(/^\.\//, ''));
  const problems = [];
  for (const f of ['package.json', 'README.md', 'LICENSE']) if (!has(f)) problems.push(`${f} missing`);
  for (const t of exportTargets(pkg.exports)) {
    if (t.includes('*')) {
      const prefix = t.replace(/^\.\//, '').split('*')[0];
      if (!files.some((f) => f.startsWith(prefix))) problems.push(`no file for export ${t}`);
    } else if (!has(t)) problems.push(`export target ${t} missing`);
  }
  for (const f of [pkg.main, pkg.types].filter(Boolean)) if (!has(f)) problems.push(`${f} missing`);
  if (pkg.customElements && !has(pkg.customElements)) problems.push(`${pkg.customElements} missing`);
  for (const s of Array.isArray(pkg.sideEffects) ? pkg.sideEffects : []) if (!s.includes('*') && !has(s)) problems.push(`sideEffects file ${s} missing`);
  for (const f of files) if (/(^|\/)test\/|\.tsbuildinfo$|\.test\.|(^|\/)node_modules\//.test(f)) problems.push(`${f} should not be published`);
  // the sources stay in the repository (issue 17): Storybook, the tests and the CDN build read them through
  // scripts/source-aliases.mjs, not through the published package
  const sources = files.filter((f) => /^src\//.test(f) || (/\.tsx?$/.test(f) && !/\.d\.ts$/.test(f)));
  if (sources.length) problems.push(`${sources.length} TypeScript sources published (${sources.slice(0, 2).join(', ')}…): only the build ships`);
  if (exportConditions(pkg.exports).includes('source')) problems.push('a "source" export condition: the sources are not published');
  for (const s of Array.isArray(pkg.sideEffects) ? pkg.sideEffects : []) if (/^(\.\/)?src\//.test(s)) problems.push(`sideEffects lists the source ${s}: name the built file`);
  problems.push(...sourceMapProblems(pkgDir, files));
  if (pkg.license !== 'MIT') problems.push('licence is not MIT');
  const limit = PACK_LIMITS[pkg.name];
  if (limit && packed.size > limit) problems.push(`packs to ${(packed.size / 1000).toFixed(1)} kB, over its limit of ${limit / 1000} kB`);
  problems.push(...dataProblems(pkgDir, files), ...registrationProblems(pkgDir, pkg));
  if (pkg.name === '@relais/react') {
    for (const [key, exp] of Object.entries(pkg.exports ?? {})) {
      if (typeof exp !== 'object' || !exp.default) continue;
      if (!has(exp.default) || !/^(?:\/\/[^\n]*\n|\s)*'use client';/.test(readFileSync(join(pkgDir, exp.default), 'utf8'))) problems.push(`${key} (${exp.default}) does not start with "use client"`);
    }
  }
  return { name: pkg.name, version: pkg.version, problems, files, size: packed.size, unpackedSize: packed.unpackedSize };
}

/** Applies the pending changesets to a copy of the workspace; returns the new versions and changelogs. */
export function checkChangesets() {
  const problems = [];
  const names = new Set(packages.map((p) => readJson(join(root, 'packages', p, 'package.json')).name));
  const sets = readdirSync(join(root, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');
  for (const f of sets) {
    const front = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(join(root, '.changeset', f), 'utf8'));
    if (!front) {
      problems.push(`${f}: no front matter`);
      continue;
    }
    for (const line of front[1].split('\n').filter(Boolean)) {
      const m = /^(["'])([^"']+)\1: (major|minor|patch)$/.exec(line.trim()); // YAML: either quote
      if (!m) problems.push(`${f}: « ${line} » is not "package": major|minor|patch`);
      else if (!names.has(m[2])) problems.push(`${f}: unknown package ${m[2]}`);
    }
    if (front[2].trim().length < 20) problems.push(`${f}: the summary is too short`);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'relais-release-'));
  try {
    writeFileSync(join(tmp, 'package.json'), readFileSync(join(root, 'package.json')));
    cpSync(join(root, '.changeset'), join(tmp, '.changeset'), { recursive: true });
    for (const p of packages) {
      mkdirSync(join(tmp, 'packages', p), { recursive: true });
      cpSync(join(root, 'packages', p, 'package.json'), join(tmp, 'packages', p, 'package.json'));
      // the notes of the versions already released (right after a release, with nothing pending, they are all there is)
      if (existsSync(join(root, 'packages', p, 'CHANGELOG.md'))) cpSync(join(root, 'packages', p, 'CHANGELOG.md'), join(tmp, 'packages', p, 'CHANGELOG.md'));
    }
    const r = spawnSync(join(root, 'node_modules/.bin/changeset'), ['version'], { cwd: tmp, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    if (r.status !== 0) problems.push(`changeset version failed: ${(r.stderr || r.stdout).slice(0, 400)}`);
    const after = packages.map((p) => ({ p, pkg: readJson(join(tmp, 'packages', p, 'package.json')), changelog: existsSync(join(tmp, 'packages', p, 'CHANGELOG.md')) ? readFileSync(join(tmp, 'packages', p, 'CHANGELOG.md'), 'utf8') : null }));
    const versions = new Set(after.map((a) => a.pkg.version));
    if (versions.size !== 1) problems.push(`versions differ after changeset version: ${[...versions].join(', ')}`);
    for (const a of after) {
      if (!a.changelog) problems.push(`${a.pkg.name}: no CHANGELOG.md`);
      for (const [dep, range] of Object.entries(a.pkg.dependencies ?? {})) if (names.has(dep) && range !== a.pkg.version) problems.push(`${a.pkg.name}: ${dep}@${range} not updated to ${a.pkg.version}`);
    }
    return { problems, version: [...versions][0], changesets: sets.length, changelogs: Object.fromEntries(after.map((a) => [a.pkg.name, a.changelog])) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let failed = false;
  for (const p of packages) {
    const r = checkPack(join(root, 'packages', p));
    console.log(`${r.problems.length ? '✘' : '✔'} ${r.name}@${r.version}: ${r.files.length} files, ${(r.size / 1000).toFixed(1)} kB packed${r.problems.length ? `\n    ${r.problems.join('\n    ')}` : ''}`);
    failed ||= r.problems.length > 0;
  }
  const c = checkChangesets();
  console.log(`${c.problems.length ? '✘' : '✔'} ${c.changesets} changesets → version ${c.version} for every package${c.problems.length ? `\n    ${c.problems.join('\n    ')}` : ''}`);
  process.exit(failed || c.problems.length ? 1 : 0);
}
