// A strict test double of `GET /indicateurs` built from the contract (packages/core/indicators-openapi.json), never
// from the element's code: the server side is written by another hand, so <relais-indicators> is tested against the
// contract alone.
// - every request is checked against the operation: its path, required parameters (`du`, `au`), formats and pattern
//   (`departement`), no parameter the contract does not name; a request that breaks it answers 422 and is logged;
// - the period rule of the contract (`au` included, 366 days at most after `du`, not before it) answers 400 in the
//   contract's Problem shape (application/problem+json);
// - the answer is a fixture of packages/indicators/test/fixtures/<name>.json for the period asked (`du`/`au` echoed),
//   and is itself validated against the `Indicators` schema before it is sent: a fixture that breaks the contract is
//   a 500 (the test fails instead of passing on a wrong fixture). `_broken` answers a deliberately non-conforming body,
//   to test how the element refuses it.
// Mounted under a prefix (`/ind`): the element's endpoint is `${origin}/ind/<fixture>`. GET /ind/_requests lists the
// requests and their contract errors (then ?clear=1).
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkRequest, validate } from './openapi-check.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** The contract, as the other helper's server implements it. */
export const INDICATORS_SPEC = JSON.parse(readFileSync(join(root, 'packages/core/indicators-openapi.json'), 'utf8'));
const OP = INDICATORS_SPEC.paths['/indicateurs'].get;

const days = (du, au) => Math.round((Date.parse(`${au}T00:00:00Z`) - Date.parse(`${du}T00:00:00Z`)) / 86_400_000);

/** The errors of a request to GET /indicateurs (empty when it follows the contract). */
export function checkIndicatorsRequest(searchParams) {
  const { errors, ignored } = checkRequest(INDICATORS_SPEC, '/indicateurs', searchParams);
  const out = [...errors];
  for (const p of OP.parameters) if (p.required && !searchParams.has(p.name)) out.push({ type: 'missing', loc: ['query', p.name], msg: 'Field required', input: null });
  for (const name of ignored) out.push({ type: 'extra_forbidden', loc: ['query', name], msg: 'Parameter not in the contract', input: searchParams.get(name) });
  for (const p of OP.parameters) if (searchParams.getAll(p.name).length > 1) out.push({ type: 'repeated', loc: ['query', p.name], msg: 'Parameter given more than once', input: searchParams.getAll(p.name) });
  return out;
}

/** The errors of an answer against the contract's `Indicators` schema (strict: nothing the schema does not name). */
export function checkIndicatorsResponse(body) {
  return validate(INDICATORS_SPEC, { $ref: '#/components/schemas/Indicators' }, body, ['response']);
}

const send = (res, status, body, type = 'application/json; charset=utf-8') => {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
  return true;
};
const problem = (res, status, title, detail, errors) => {
  const body = { type: 'about:blank', title, status, detail, ...(errors ? { errors } : {}) };
  const bad = validate(INDICATORS_SPEC, { $ref: '#/components/schemas/Problem' }, body, ['problem'], false);
  if (bad.length) throw new Error(`indicators double: its own problem does not follow the contract: ${JSON.stringify(bad[0])}`);
  return send(res, status, body, 'application/problem+json; charset=utf-8');
};

export function createIndicatorsDouble({ prefix = '/ind' } = {}) {
  const log = [];
  return async (req, res, url) => {
    if (url.pathname === `${prefix}/_requests`) {
      const out = [...log];
      if (url.searchParams.get('clear')) log.length = 0;
      return send(res, 200, out);
    }
    const m = new RegExp(`^${prefix}/([\\w-]+)/indicateurs$`).exec(url.pathname);
    if (!m) return false;
    const errors = req.method === 'GET' ? checkIndicatorsRequest(url.searchParams) : [{ type: 'method', loc: ['method'], msg: `${req.method} is not the contract's GET`, input: req.method }];
    const entry = { fixture: m[1], query: url.search, errors, status: 0, responseErrors: [] };
    log.push(entry);
    if (log.length > 200) log.shift();
    if (errors.length) return (entry.status = 422), problem(res, 422, 'Requête non conforme', 'La requête ne suit pas le contrat des indicateurs.', errors.map((e, index) => ({ index, message: `${e.loc.join('.')}: ${e.msg}` })));
    const du = url.searchParams.get('du');
    const au = url.searchParams.get('au');
    const span = days(du, au);
    if (span < 0 || span > 366) return (entry.status = 400), problem(res, 400, 'Période invalide', span < 0 ? '`au` est avant `du`.' : 'La période dépasse 366 jours.');
    if (m[1] === '_broken') return (entry.status = 200), send(res, 200, { k: 5, du, au, besoins: 'tous' });
    const file = join(root, 'packages/indicators/test/fixtures', `${m[1]}.json`);
    if (!existsSync(file)) return (entry.status = 404), send(res, 404, { detail: 'fixture inconnue' });
    const body = { ...JSON.parse(readFileSync(file, 'utf8')), du, au };
    entry.responseErrors = checkIndicatorsResponse(body);
    if (entry.responseErrors.length) return (entry.status = 500), send(res, 500, { detail: 'la fixture ne suit pas le contrat', errors: entry.responseErrors.slice(0, 5) });
    entry.status = 200;
    return send(res, 200, body);
  };
}
