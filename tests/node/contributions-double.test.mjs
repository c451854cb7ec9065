// The contributions double (tests/server/contributions-double.mjs) is strict: a request outside the contract
// (packages/core/contributions-openapi.json) is logged with its errors, an answer outside it never leaves, and the
// behaviour follows the contract's descriptions (honeypot, 429 + Retry-After, session, 409 for another source).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createContributionsDouble, checkContractRequest, checkContractResponse, matchRoute } from '../server/contributions-double.mjs';

const double = createContributionsDouble({ prefix: '/c' });
const server = createServer((req, res) => void double(req, res, new URL(req.url, 'http://x')).then((done) => done || (res.writeHead(404), res.end())));
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/c`;
after(() => server.close());
const post = (path, body, headers = { 'content-type': 'application/json' }) => fetch(`${base}${path}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
const log = async () => (await fetch(`${base}/_requests?clear=1`)).json();
const SERVICE = 'relais-demo--s000001-1';

test('a request outside the contract is logged with its errors', async () => {
  await fetch(`${base}/_test/reset`);
  const r = await post(`/services/${SERVICE}/suggestions`, { auteur: 'voisin', changements: [{ champ: 'telephone', valeur: '03 86 12 34 56', extra: 1 }] });
  assert.equal(r.status, 422);
  const [entry] = await log();
  assert.deepEqual(entry.errors.map((e) => e.loc.join('.')).sort(), ['body.auteur', 'body.changements.0.extra']);
  const p = await r.json();
  assert.deepEqual(p.errors.map((e) => e.champ).sort(), ['auteur', 'telephone']);
  assert.deepEqual(checkContractRequest('GET', '/contributions', new URLSearchParams('statut=ouverte'), undefined, '').errors.map((e) => e.loc.join('.')), ['query.statut']);
  assert.equal(matchRoute('DELETE', '/contributions').op, null);
});

test('an answer outside the contract is caught', () => {
  const route = matchRoute('GET', '/auth/moi');
  assert.deepEqual(checkContractResponse(route, 200, 'application/json', { sub: 's', nom: 'n', territoires: ['58'] }), []);
  assert.ok(checkContractResponse(route, 200, 'application/json', { sub: 's', nom: 'n' }).length > 0, 'territoires missing');
  assert.ok(checkContractResponse(route, 500, 'application/problem+json', { title: 't', status: 500, detail: 'd' }).length > 0, '500 not declared');
});

test('honeypot: 202 and nothing kept; a valid suggestion is kept for the moderator', async () => {
  await fetch(`${base}/_test/reset`);
  const trap = await post(`/services/${SERVICE}/suggestions`, { auteur: 'usager', changements: [{ champ: 'ferme', valeur: '' }], site_web: 'http://spam.example' });
  assert.equal(trap.status, 202);
  const real = await post(`/services/${SERVICE}/suggestions`, { auteur: 'usager', changements: [{ champ: 'telephone', valeur: '03 86 12 34 56' }] });
  assert.equal(real.status, 202);
  const session = await fetch(`${base}/_test/session?territoires=58`);
  const cookie = session.headers.get('set-cookie').split(';')[0];
  const page = await (await fetch(`${base}/contributions`, { headers: { cookie } })).json();
  assert.equal(page.total, 1);
  assert.deepEqual(page.items[0].changements, [{ champ: 'telephone', libelle: 'Téléphone', avant: '03 53 01 88 54', apres: '03 86 12 34 56' }]);
  for (const e of await log()) assert.deepEqual([e.errors, e.responseErrors ?? []], [[], []], `${e.method} ${e.path}`);
});

test('429 with Retry-After past the limit; 401 without a session; 415 without JSON', async () => {
  await fetch(`${base}/_test/reset?limite=1`);
  const body = { auteur: 'usager', changements: [{ champ: 'ferme', valeur: '' }] };
  assert.equal((await post(`/services/${SERVICE}/suggestions`, body)).status, 202);
  const r = await post(`/services/${SERVICE}/suggestions`, body);
  assert.equal(r.status, 429);
  assert.equal(r.headers.get('retry-after'), '900');
  assert.equal((await fetch(`${base}/auth/moi`)).status, 401);
  assert.equal((await post(`/services/${SERVICE}/suggestions`, 'x=1', { 'content-type': 'application/x-www-form-urlencoded' })).status, 415);
});
