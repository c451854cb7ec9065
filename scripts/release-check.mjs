#!/usr/bin/env node
// Release checks, run by the tests (tests/node/release.test.mjs) and by `npm run release:check`:
//   1. `npm pack --dry-run` of every package: README, LICENSE, package.json, every `exports` target (all conditions),
//      types, the built `sideEffects` files and custom-elements.json are in the tarball; no tests, no build info.
//   2. the pending changesets name real packages, and `changeset version` applied to a copy of the workspace gives
//      every package the same new version, a CHANGELOG.md and updated internal dependencies (the "fixed" group).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packages = readdirSync(join(root, 'packages')).filter((p) => existsSync(join(root, 'packages', p, 'package.json')));
const readJson = (f) => JSON.parse(readFileSync(f, 'utf8'));

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
  const files = JSON.parse(r.stdout)[0].files.map((f) => f.path);
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
  if (pkg.license !== 'MIT') problems.push('licence is not MIT');
  return { name: pkg.name, version: pkg.version, problems, files };
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
      const m = /^"([^"]+)": (major|minor|patch)$/.exec(line.trim());
      if (!m) problems.push(`${f}: « ${line} » is not "package": major|minor|patch`);
      else if (!names.has(m[1])) problems.push(`${f}: unknown package ${m[1]}`);
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
    console.log(`${r.problems.length ? '✘' : '✔'} ${r.name}@${r.version}: ${r.files.length} files${r.problems.length ? `\n    ${r.problems.join('\n    ')}` : ''}`);
    failed ||= r.problems.length > 0;
  }
  const c = checkChangesets();
  console.log(`${c.problems.length ? '✘' : '✔'} ${c.changesets} changesets → version ${c.version} for every package${c.problems.length ? `\n    ${c.problems.join('\n    ')}` : ''}`);
  process.exit(failed || c.problems.length ? 1 : 0);
}
