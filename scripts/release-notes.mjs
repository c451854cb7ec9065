#!/usr/bin/env node
// Part of `npm run version`, run before `changeset version` consumes the changesets: writes the release's section at
// the top of the root CHANGELOG.md — every pending changeset, grouped by package, under the version all the packages
// will get (one fixed version for @relais/* and relais, the highest bump wins) — so that a site that embeds Relais
// reads one page for the whole SDK; each package's own CHANGELOG.md is written by `changeset version`.
//   node scripts/release-notes.mjs [--date YYYY-MM-DD] [--dry-run]
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ORDER = ['major', 'minor', 'patch'];

/** Pending changesets: `{ file, bumps: { pkg: bump }, text }`. */
export function readChangesets(dir = '.changeset') {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((file) => {
      const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(join(dir, file), 'utf8'));
      if (!m) throw new Error(`${file} : en-tête de changeset illisible`);
      const bumps = Object.fromEntries([...m[1].matchAll(/^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/gm)].map((x) => [x[1].trim(), x[2]]));
      return { file, bumps, text: m[2].trim() };
    });
}

/** The version every package gets: the current one bumped by the highest bump of the changesets. */
export function nextVersion(current, changesets) {
  const bump = ORDER.find((b) => changesets.some((c) => Object.values(c.bumps).includes(b)));
  const [maj, min, pat] = current.split('.').map(Number);
  if (!bump) return current;
  // 0.x: a « major » of a package still in 0.x is taken as it is (changesets does the same)
  return bump === 'major' ? `${maj + 1}.0.0` : bump === 'minor' ? `${maj}.${min + 1}.0` : `${maj}.${min}.${pat + 1}`;
}

/** The Markdown section of the release. */
export function releaseSection(version, date, changesets) {
  const byPkg = new Map();
  for (const c of changesets) {
    // a changeset that names several packages is listed once, under the first
    const pkg = Object.keys(c.bumps).sort()[0] ?? '(sans paquet)';
    if (!byPkg.has(pkg)) byPkg.set(pkg, []);
    byPkg.get(pkg).push(c);
  }
  const lines = [`## ${version} — ${date}`, ''];
  for (const pkg of [...byPkg.keys()].sort()) {
    lines.push(`### ${pkg}`, '');
    for (const c of byPkg.get(pkg)) {
      const others = Object.keys(c.bumps).filter((p) => p !== pkg).sort();
      const [first, ...rest] = c.text.split('\n');
      lines.push(`- ${first}`, ...rest.map((l) => (l ? `  ${l}` : '')));
      if (others.length) lines.push(`  (aussi : ${others.join(', ')})`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--date');
  const date = i > 0 ? process.argv[i + 1] : new Date().toISOString().slice(0, 10);
  const changesets = readChangesets();
  const { version: current } = JSON.parse(readFileSync('packages/core/package.json', 'utf8'));
  const version = nextVersion(current, changesets);
  const section = releaseSection(version, date, changesets);
  if (process.argv.includes('--dry-run')) {
    process.stdout.write(section);
  } else {
    const head = '# Journal des versions de Relais\n\nToutes les versions, pour tout le SDK (chaque paquet a aussi son CHANGELOG.md ; les notes sont écrites en anglais, pour les équipes techniques). Les paquets `@relais/*` et `relais` ont toujours la même version.\n\n';
    const old = existsSync('CHANGELOG.md') ? readFileSync('CHANGELOG.md', 'utf8').replace(head, '') : '';
    writeFileSync('CHANGELOG.md', head + section + '\n' + old);
    console.log(`CHANGELOG.md : ${version}, ${changesets.length} changesets`);
  }
}
