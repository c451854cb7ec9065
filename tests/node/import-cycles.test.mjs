// No import cycle in the sources of any package (packages/*/src): every relative `import`, `export … from` and
// `import type` is an edge, and a cycle — even through types alone — fails with its path. A dynamic `import()` is not
// an edge: a lazily loaded chunk that imports back from its loader (the English catalogues, the contrast check) is
// evaluated after it and makes no cycle. Read with the TypeScript compiler's parser, no build needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** The files a source file imports statically (relative specifiers resolved, `./x.js` → `./x.ts`), each once. */
export function importsOf(file, text = readFileSync(file, 'utf8')) {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const specs = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) specs.push(node.moduleSpecifier.text);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) specs.push(node.argument.literal.text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  const files = specs
    .filter((s) => s.startsWith('.'))
    .map((s) => resolve(dirname(file), s).replace(/\.js$/, '.ts'))
    .filter((f) => existsSync(f));
  return [...new Set(files)];
}

/** Every cycle of the graph (one per strongly connected component met), as a list of files. */
export function findCycles(graph) {
  const state = new Map(); // 1: on the stack, 2: done
  const stack = [];
  const cycles = [];
  const visit = (f) => {
    state.set(f, 1);
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      if (state.get(g) === 1) cycles.push([...stack.slice(stack.indexOf(g)), g]);
      else if (!state.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, 2);
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f);
  return cycles;
}

const tsFiles = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

test('the cycle finder: a cycle through a type-only import is found, a lazy chunk importing back is not a cycle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relais-cycles-'));
  try {
    const files = {
      'client.ts': "import type { Options } from './types.js';\nimport type * as S from './sources.js';\nexport const load = () => import('./sources.js');\n",
      'sources.ts': "import type { Client } from './client.js';\nexport type { Client };\n",
      'types.ts': 'export interface Options { a: number }\n',
      'messages.ts': "export const en = () => import('./messages-en.js');\nexport type Key = 'a';\n",
      'messages-en.ts': "import type { Key } from './messages.js';\nimport 'lit';\nexport const k: Key = 'a';\n",
    };
    for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
    const graph = new Map(Object.keys(files).map((f) => [join(dir, f), importsOf(join(dir, f))]));
    assert.deepEqual(graph.get(join(dir, 'client.ts')), [join(dir, 'types.ts'), join(dir, 'sources.ts')]);
    assert.deepEqual(graph.get(join(dir, 'messages.ts')), []);
    assert.deepEqual(findCycles(graph).map((c) => c.map((f) => relative(dir, f))), [['client.ts', 'sources.ts', 'client.ts']]);
    graph.set(join(dir, 'sources.ts'), [join(dir, 'types.ts')]);
    assert.deepEqual(findCycles(graph), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('no import cycle in packages/*/src', () => {
  const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
  const graph = new Map();
  for (const pkg of readdirSync(join(root, 'packages'))) {
    const src = join(root, 'packages', pkg, 'src');
    if (!existsSync(src)) continue;
    for (const f of tsFiles(src)) graph.set(f, importsOf(f));
  }
  assert.ok(graph.size > 100, `${graph.size} source files read`);
  const cycles = findCycles(graph).map((c) => c.map((f) => relative(root, f)).join(' → '));
  assert.deepEqual(cycles, []);
});
