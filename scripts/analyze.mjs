#!/usr/bin/env node
// Generates custom-elements.json for each package that defines elements (Storybook controls, docs, React wrappers),
// then the all-in-one `relais`'s: the declarations of every element it registers and re-exports (src/index.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The manifest of `relais`: one module, src/index.ts, which registers every element and re-exports its class. */
export function allInOneManifest(root = process.cwd()) {
  const relais = JSON.parse(readFileSync(join(root, 'packages/relais/package.json'), 'utf8'));
  const index = readFileSync(join(root, 'packages/relais/src/index.ts'), 'utf8');
  const declarations = [];
  let schemaVersion = '2.1.0';
  for (const dep of Object.keys(relais.dependencies ?? {}).sort()) {
    const dir = join(root, 'packages', dep.replace(/^@relais\//, ''));
    const own = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    if (!own.customElements) continue;
    const m = JSON.parse(readFileSync(join(dir, own.customElements), 'utf8'));
    schemaVersion = m.schemaVersion ?? schemaVersion;
    for (const mod of m.modules) for (const d of mod.declarations ?? []) if (d.customElement && d.tagName) declarations.push({ ...d, source: { package: dep, module: mod.path } });
  }
  declarations.sort((a, b) => a.tagName.localeCompare(b.tagName));
  const exported = (d) => new RegExp(`\\b${d.name}\\b`).test(index) || index.includes(`export * from '${d.source.package}'`);
  const missing = declarations.filter((d) => !exported(d));
  if (missing.length) throw new Error(`packages/relais/src/index.ts does not export ${missing.map((d) => d.name).join(', ')}`);
  return {
    schemaVersion,
    readme: '',
    modules: [
      {
        kind: 'javascript-module',
        path: 'src/index.ts',
        declarations: declarations.map((d) => Object.fromEntries(Object.entries(d).filter(([k]) => k !== 'source'))),
        exports: declarations.flatMap((d) => [
          { kind: 'js', name: d.name, declaration: { name: d.name, module: 'src/index.ts' } },
          { kind: 'custom-element-definition', name: d.tagName, declaration: { name: d.name, module: 'src/index.ts' } },
        ]),
      },
    ],
  };
}

/**
 * The analyzer applies a mixin's attributes and members to the elements that use it only within one package: those an
 * element takes from @relais/core (`SourceAttributesMixin`: `src`, `source`, `base-url`, `data`) are applied here, from
 * core's manifest, as inherited (`inheritedFrom`), before the element's own.
 */
export function applyCoreMixins(manifest, core) {
  const mixins = new Map(core.modules.flatMap((mod) => (mod.declarations ?? []).filter((d) => d.kind === 'mixin').map((d) => [d.name, { d, module: mod.path }])));
  for (const mod of manifest.modules) {
    for (const d of mod.declarations ?? []) {
      for (const ref of d.mixins ?? []) {
        const mixin = ref.package === '@relais/core' ? mixins.get(ref.name) : undefined;
        if (!mixin) continue;
        const inheritedFrom = { name: ref.name, package: '@relais/core', module: mixin.module };
        for (const key of ['attributes', 'members']) {
          const own = new Set((d[key] ?? []).map((x) => x.name));
          const added = (mixin.d[key] ?? []).filter((x) => !own.has(x.name)).map((x) => ({ ...x, inheritedFrom }));
          if (added.length) d[key] = [...added, ...(d[key] ?? [])];
        }
      }
    }
  }
  return manifest;
}

/**
 * A manifest as published (issue 17, the package surface): the initial value of a module-level constant longer than
 * 300 characters is left out — it is data the built module already carries (core's data·inclusion referentials, the
 * département centres: 28 kB in core's manifest); its type and description stay. Elements' members and attributes
 * keep their defaults (Storybook's controls, the docs). One line of JSON: the manifest is read by tools.
 */
export function publishedManifest(manifest) {
  // What an element's tools read (issue 17, @relais/core under 700 kB packed): the elements, the mixins they take and
  // the classes they extend. Functions, constants and other classes of the JavaScript API are described by the
  // package's .d.ts; listing them here again was most of core's 148 kB manifest.
  const elements = (manifest.modules ?? []).flatMap((mod) => (mod.declarations ?? []).filter((d) => d.customElement));
  const bases = new Set(elements.flatMap((d) => [d.superclass?.name, ...(d.mixins ?? []).map((m) => m.name)]).filter(Boolean));
  const kept = (d) => d.customElement || d.kind === 'mixin' || bases.has(d.name);
  const modules = [];
  for (const mod of manifest.modules ?? []) {
    const declarations = (mod.declarations ?? []).filter(kept);
    if (!declarations.length) continue;
    const names = new Set(declarations.map((d) => d.name));
    for (const d of declarations) if (d.kind === 'variable' && typeof d.default === 'string' && d.default.length > 300) delete d.default;
    modules.push({ ...mod, declarations, exports: (mod.exports ?? []).filter((e) => names.has(e.declaration?.name)) });
  }
  return `${JSON.stringify({ ...manifest, modules })}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cem = join(process.cwd(), 'node_modules/.bin/cem');
  for (const p of readdirSync('packages')) {
    const dir = join('packages', p);
    const pkg = existsSync(join(dir, 'package.json')) ? JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) : null;
    if (!pkg?.customElements || p === 'relais') continue;
    const r = spawnSync(cem, ['analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/**/*-data.ts', '--exclude', 'src/geo/communes/**', '--quiet'], { cwd: dir, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  const core = JSON.parse(readFileSync('packages/core/custom-elements.json', 'utf8'));
  for (const p of readdirSync('packages')) {
    const file = join('packages', p, 'custom-elements.json');
    if (p === 'relais' || !existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, publishedManifest(p === 'core' ? manifest : applyCoreMixins(manifest, core)));
  }
  writeFileSync('packages/relais/custom-elements.json', publishedManifest(allInOneManifest()));
}
