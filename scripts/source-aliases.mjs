// The workspace packages resolved to their TypeScript sources, for the dev tools only (issue 17).
//
// The published packages carry their build alone (`dist/`): no `src/`, no `source` export condition. Storybook (Vite),
// the browser tests (web-test-runner), the CDN build (rollup), the benchmarks (esbuild) and the root type-check still
// run on the sources without a prior build: each maps `@relais/<pkg>[/<entry>]` to the source of the built file its
// package.json `exports` names (`./dist/x.js` → `./src/x.ts`, tsc's rootDir src → outDir dist). Written once, here;
// the root tsconfig.json's `paths` are generated from the same map (`node scripts/source-aliases.mjs --write-tsconfig`,
// checked by tests/node/release.test.mjs).
//
// Tree-shaking: a package's `sideEffects` list names built files. A bundler that reads a source would find it absent
// from the list and drop it when nothing is imported from it (`import './define.js'` registers an element), so the
// bundler plugins below give each source the side effects of its built file (`sourceSideEffects`).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packagesDir = join(root, 'packages');
const posix = (p) => p.split(sep).join('/');

/** @returns {{ dir: string, pkg: any }[]} every workspace package, read once */
let cache = null;
function workspace() {
  cache ??= readdirSync(packagesDir)
    .filter((p) => existsSync(join(packagesDir, p, 'package.json')))
    .map((p) => ({ dir: join(packagesDir, p), pkg: JSON.parse(readFileSync(join(packagesDir, p, 'package.json'), 'utf8')) }));
  return cache;
}

/** The built file an export entry resolves to for an ES module import (`default`, `import`), or null. */
function builtTarget(entry) {
  if (typeof entry === 'string') return entry;
  if (!entry || typeof entry !== 'object') return null;
  for (const c of ['import', 'default']) {
    const t = builtTarget(entry[c]);
    if (t) return t;
  }
  return null;
}

/**
 * Specifier → absolute path of its TypeScript source, for every export of every workspace package whose target is a
 * built module (`./dist/x.js` with a `./src/x.ts`). Wildcards (`./cdn/*`, `./*.css`) and JSON files are left out:
 * they resolve to real files as published.
 * @returns {Map<string, string>}
 */
export function sourceAliases() {
  const aliases = new Map();
  for (const { dir, pkg } of workspace()) {
    // `"exports": "./dist/x.js"` or conditions only stand for the package's "." entry
    const subpaths = pkg.exports && typeof pkg.exports === 'object' && Object.keys(pkg.exports).some((k) => k.startsWith('.'));
    const exp = subpaths ? pkg.exports : { '.': pkg.exports ?? pkg.main };
    for (const [sub, entry] of Object.entries(exp)) {
      const target = builtTarget(entry);
      const m = /^\.\/dist\/([^*]+)\.js$/.exec(target ?? '');
      if (!m) continue;
      const src = join(dir, 'src', `${m[1]}.ts`);
      if (!existsSync(src)) throw new Error(`${pkg.name}: the export "${sub}" (${target}) has no source src/${m[1]}.ts`);
      aliases.set(sub === '.' ? pkg.name : `${pkg.name}${sub.slice(1)}`, src);
    }
  }
  return aliases;
}

/** A `sideEffects` pattern as a RegExp on a package-relative path (webpack's rule: no slash matches any folder). */
function sideEffectsPattern(pattern) {
  const p = pattern.replace(/^\.\//, '');
  const re = p.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*\*\/?|\*/g, (s) => (s === '*' ? '[^/]*' : '(?:.*/)?'));
  return new RegExp(p.includes('/') ? `^${re}$` : `(?:^|/)${re}$`);
}

/**
 * The side effects of a workspace source, as its package declares them for its built file: true or false for a file
 * under packages/<pkg>/src/ (true when the package has no `sideEffects` list), null for any other file.
 * @param {string} file absolute path (a query string, as Vite adds, is ignored)
 * @returns {boolean | null}
 */
export function sourceSideEffects(file) {
  const path = posix(file.split('?')[0]);
  const ws = workspace().find(({ dir }) => path.startsWith(`${posix(dir)}/src/`));
  if (!ws) return null;
  const list = ws.pkg.sideEffects;
  if (!Array.isArray(list)) return list !== false;
  const built = `dist/${path.slice(posix(ws.dir).length + '/src/'.length).replace(/\.tsx?$/, '.js')}`;
  return list.some((s) => sideEffectsPattern(s).test(built));
}

const isBare = (s) => !/^(?:\.{1,2}\/|\/|[a-zA-Z]:[\\/]|\0)/.test(s);

/**
 * Rollup / Vite (Rolldown) plugin: the workspace packages from their sources, each source with the side effects of
 * its built file (also when a source imports another by a relative path).
 */
export function sourceAliasPlugin() {
  const aliases = sourceAliases();
  return {
    name: 'relais-source-aliases',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const file = aliases.get(source);
      if (file) return { id: file, moduleSideEffects: sourceSideEffects(file) };
      // a source reached otherwise (a relative import, an entry given by its path): its side effects all the same
      if (isBare(source) && !options?.isEntry) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external) return resolved;
      const sideEffects = sourceSideEffects(resolved.id);
      return sideEffects === null ? resolved : { ...resolved, moduleSideEffects: sideEffects };
    },
  };
}

/** esbuild plugin: the same aliases and side effects as `sourceAliasPlugin`. */
export function esbuildSourceAliases() {
  const aliases = sourceAliases();
  return {
    name: 'relais-source-aliases',
    setup(build) {
      build.onResolve({ filter: /^(?:@relais\/|relais$)/ }, (args) => {
        const file = aliases.get(args.path);
        return file ? { path: file, sideEffects: sourceSideEffects(file) } : undefined;
      });
      build.onResolve({ filter: /^\.\.?\// }, async (args) => {
        if (args.pluginData?.relaisSourceAliases || sourceSideEffects(args.importer) === null) return undefined;
        const r = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { relaisSourceAliases: true } });
        if (r.errors.length || r.external) return undefined;
        const sideEffects = sourceSideEffects(r.path);
        return { path: r.path, namespace: r.namespace, sideEffects: sideEffects ?? r.sideEffects };
      });
    },
  };
}

/**
 * @web/dev-server (web-test-runner) plugin: the workspace packages from their sources, as URLs under `rootDir` (the
 * esbuild plugin compiles the TypeScript). Put it before the other plugins.
 * @param {string} [rootDir] the server's root directory (the repository by default)
 */
export function wdsSourceAliases(rootDir = root) {
  const aliases = sourceAliases();
  return {
    name: 'relais-source-aliases',
    resolveImport({ source }) {
      const file = aliases.get(source);
      return file ? `/${posix(relative(rootDir, file))}` : undefined;
    },
  };
}

/** TypeScript `paths` of the same aliases, relative to the repository root (the root tsconfig.json's type-check). */
export function tsconfigPaths() {
  return Object.fromEntries([...sourceAliases()].sort(([a], [b]) => a.localeCompare(b)).map(([spec, file]) => [spec, [`./${posix(relative(root, file))}`]]));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--write-tsconfig')) {
    const file = join(root, 'tsconfig.json');
    const tsconfig = JSON.parse(readFileSync(file, 'utf8'));
    tsconfig.compilerOptions.paths = tsconfigPaths();
    // one line per path
    writeFileSync(file, `${JSON.stringify(tsconfig, null, 2).replace(/\[\n\s+("[^"\n]*")\n\s+\]/g, '[$1]')}\n`);
    console.log(`tsconfig.json: ${Object.keys(tsconfig.compilerOptions.paths).length} paths`);
  } else {
    for (const [spec, file] of sourceAliases()) console.log(`${spec} → ${posix(relative(root, file))}`);
  }
}
