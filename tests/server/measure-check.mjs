// Checks measurement events against the contracts, from the tests (node and, through the test server, the browser):
// each event against packages/core/measurement-v1.schema.json (Ajv, JSON Schema 2020-12, formats as the server checks
// them), the batch against POST /indicateurs/evenements of packages/core/indicators-openapi.json (validated by
// openapi-check.mjs), and every event against a deny-list of keys and value shapes that would single out a person.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { validate } from './openapi-check.mjs';

const core = join(dirname(fileURLToPath(import.meta.url)), '../../packages/core');
export const MEASUREMENT_SCHEMA = JSON.parse(readFileSync(join(core, 'measurement-v1.schema.json'), 'utf8'));
export const INDICATORS_SPEC = JSON.parse(readFileSync(join(core, 'indicators-openapi.json'), 'utf8'));

// Ajv 8 is a dependency of @relais/server (the root's ajv is eslint's Ajv 6)
const { Ajv2020 } = createRequire(join(core, '../server/package.json'))('ajv/dist/2020');
const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addFormat('date', (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)));
const checkEventSchema = ajv.compile(MEASUREMENT_SCHEMA);
const envelope = structuredClone(INDICATORS_SPEC.paths['/indicateurs/evenements'].post.requestBody.content['application/json'].schema);
envelope.properties.evenements.items = {};
const checkEnvelope = ajv.compile(envelope);

/** Keys that never appear in a measurement event, at any depth. */
export const DENIED_KEYS = /^(text|texte|q|query|mots?|words?|lat|lon|lng|latitude|longitude|position|coords?|commune|depcom|adresse|address|reponses?|answers?|email|nom|name|telephone|phone|user(id)?|session|ip|url|href|date|heure|time|timestamp|draftid|receiptid)$/i;

/** Errors of one event: schema, deny-listed keys and value shapes (coordinates, 5-digit commune codes, words typed). */
export function eventErrors(event, typed = []) {
  const errors = [];
  if (!checkEventSchema(event)) errors.push(...checkEventSchema.errors.map((e) => `schema: ${e.instancePath} ${e.message}`));
  const walk = (v, path) => {
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${path}/${i}`));
    if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (DENIED_KEYS.test(k)) errors.push(`denied key ${path}/${k}`);
        walk(x, `${path}/${k}`);
      }
      return;
    }
    if (typeof v === 'number' && !Number.isInteger(v)) errors.push(`a decimal number (a coordinate?) at ${path}`);
    if (typeof v === 'string') {
      if (/^(\d{5}|2[AB]\d{3})$/.test(v)) errors.push(`a commune code at ${path}: ${v}`);
      if (/-?\d{1,3}\.\d{3,}/.test(v)) errors.push(`a coordinate at ${path}: ${v}`);
      if (/\s/.test(v) && path !== '/jour') errors.push(`free text at ${path}: ${v}`);
      for (const w of typed) if (w && v.toLowerCase().includes(w.toLowerCase())) errors.push(`typed words at ${path}: ${v}`);
    }
  };
  walk(event, '');
  return errors;
}

/** Errors of a request body of POST /indicateurs/evenements (the OpenAPI envelope, then each event). */
export function batchErrors(body, typed = []) {
  const op = INDICATORS_SPEC.paths['/indicateurs/evenements'].post;
  const schema = structuredClone(op.requestBody.content['application/json'].schema);
  schema.properties.evenements.items = {}; // a $ref to the event schema, checked by Ajv below
  const errors = validate(INDICATORS_SPEC, schema, body).map((e) => `openapi: ${e.loc.join('/')} ${e.msg}`);
  // openapi-check.mjs knows no maxItems: the envelope is checked by Ajv too
  if (!checkEnvelope(body)) errors.push(...checkEnvelope.errors.map((e) => `openapi: ${e.instancePath} ${e.message}`));
  for (const [i, e] of (Array.isArray(body?.evenements) ? body.evenements : []).entries()) errors.push(...eventErrors(e, typed).map((x) => `#${i} ${x}`));
  return errors;
}

const runs = new Map();
const MAX_BYTES = 64 * 1024;

/**
 * Test-server routes: `POST /measure/<run>/indicateurs/evenements` answers as the contract says (415, 413, 400 with the
 * errors, else 202 `{ comptes }`) and keeps the batch; `GET /measure/<run>/received` gives the batches and errors;
 * `?status=503` on the POST answers that status (retries).
 */
export async function measureRoute(req, res, url) {
  const m = /^\/measure\/([\w-]+)\/(indicateurs\/evenements|received)$/.exec(url.pathname);
  if (!m) return false;
  const run = runs.get(m[1]) ?? { batches: [], errors: [], refused: 0, headers: [] };
  runs.set(m[1], run);
  const json = (status, body) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
    return true;
  };
  if (m[2] === 'received') return json(200, run);
  if (req.method !== 'POST') return json(405, { title: 'Méthode non permise' });
  const chunks = [];
  for await (const c of req) chunks.push(c);
  const raw = Buffer.concat(chunks);
  run.headers.push({ cookie: req.headers.cookie ?? null, contentType: req.headers['content-type'] ?? null, referer: req.headers.referer ?? null });
  const status = Number(url.searchParams.get('status'));
  if (status >= 400) {
    run.refused++;
    return json(status, { title: 'Refusé (test)' });
  }
  if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) return json(415, { title: 'Type de contenu non pris en charge' });
  if (raw.length > MAX_BYTES) return json(413, { title: 'Lot trop volumineux' });
  let body;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return json(400, { title: 'JSON illisible' });
  }
  const errors = batchErrors(body);
  if (errors.length) {
    run.errors.push(...errors);
    return json(400, { title: 'Lot invalide', erreurs: errors });
  }
  run.batches.push(body.evenements);
  return json(202, { comptes: body.evenements.length });
}
