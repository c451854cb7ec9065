// Vendors the official data·inclusion API v1 OpenAPI file into tests/contract/, in compact form, so that the project
// builds and tests without ../shared. Source: ../shared/data/data-inclusion-schema-v1/openapi-v1.json, read from the
// public repository gip-inclusion/data-inclusion (HEAD d4969e37, 2026-06-30; ../shared/research/directory_standards.md),
// Licence Ouverte 2.0 (copied beside it). Compact: prose (descriptions, examples, titles) removed, every path, parameter,
// schema, enum and constraint kept.
//   node scripts/vendor-di-openapi.mjs
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, '../shared/data/data-inclusion-schema-v1');
const to = join(root, 'tests/contract');
const spec = JSON.parse(readFileSync(join(from, 'openapi-v1.json'), 'utf8'));

const PROSE = new Set(['description', 'examples', 'example', 'title', 'summary']);
const strip = (v, inProperties = false) => {
  if (Array.isArray(v)) return v.map((x) => strip(x));
  if (!v || typeof v !== 'object') return v;
  // under `properties`, keys are field names (one may be called "description"): keep them all
  return Object.fromEntries(Object.entries(v).filter(([k]) => inProperties || !PROSE.has(k)).map(([k, x]) => [k, strip(x, k === 'properties' && !inProperties)]));
};

const out = {
  openapi: spec.openapi,
  info: { title: spec.info.title, version: spec.info.version, contact: spec.info.contact },
  'x-relais-vendored': {
    source: 'https://github.com/gip-inclusion/data-inclusion — api/src/data_inclusion/api (openapi.json of API v1)',
    snapshot: '2026-06-30 (commit d4969e37)',
    vendored: '2026-12-02, by scripts/vendor-di-openapi.mjs from ../shared/data/data-inclusion-schema-v1/openapi-v1.json',
    licence: 'Licence Ouverte 2.0 (Etalab) — GIP de l’inclusion / data·inclusion; see LICENCE-ouverte-2.0.md',
    compact: 'descriptions, examples, titles and summaries removed; paths, parameters, schemas, enums and constraints unchanged',
  },
  paths: strip(spec.paths),
  components: strip(spec.components),
};
writeFileSync(join(to, 'data-inclusion-openapi-v1.json'), JSON.stringify(out) + '\n');
copyFileSync(join(from, 'LICENCE-ouverte-2.0.md'), join(to, 'LICENCE-ouverte-2.0.md'));
console.log(`tests/contract/data-inclusion-openapi-v1.json: ${Object.keys(out.paths).length} paths, ${Object.keys(out.components.schemas).length} schemas`);
