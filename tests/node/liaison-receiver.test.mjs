// The reference liaison receiver over real HTTP (loopback only).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID, randomBytes } from 'node:crypto';
import { createLiaisonReceiver, hashToken, openStoredSheet } from '../../examples/server/liaison-receiver.mjs';
import { checkBadRequests, checkFaultyFields, checkKeyConflict, checkReceipt, checkReplays, checkLiaisonContract, checkObjection, checkUncoveredValues, dluForHomeWorkers, orientationSheet } from '../server/liaison-contract.mjs';
import { buildConsentRecord, liaisonTemplates } from '../../packages/liaison/dist/headless.js';

// Two partners, each with its own token; only the tokens' hashes are configured.
const TOKEN = 'ccas-clamecy-3f8d1c0b9a7e4f21';
const OTHER = 'france-services-cosne-77aa01bc';
const encryptionKey = randomBytes(32);
let clock = Date.parse('2026-11-23T10:00:00Z');
const servers = [];
async function serve(opts) {
  const d = await mkdtemp(join(tmpdir(), 'relais-liaison-'));
  const handle = createLiaisonReceiver({ dir: d, maxBytes: 64 * 1024, encryptionKey, now: () => clock, ...opts });
  const server = createServer(async (req, res) => {
    if (!(await handle(req, res))) res.writeHead(404).end();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  servers.push({ server, d });
  return { url: `http://127.0.0.1:${server.address().port}/api/liaison`, dir: d };
}
let base;
let dir;
before(async () => {
  ({ url: base, dir } = await serve({
    partners: [
      { id: 'ccas-clamecy', tokenSha256: hashToken(TOKEN), ratePerMinute: 1000, quotaPerDay: 1000 },
      { id: 'fs-cosne', tokenSha256: hashToken(OTHER), ratePerMinute: 1000, quotaPerDay: 1000 },
    ],
  }));
});
after(async () => {
  for (const { server, d } of servers) {
    server.close();
    await rm(d, { recursive: true, force: true });
  }
});

const sheet = orientationSheet;
const post = (body, key = randomUUID(), headers = {}, url = base) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key, authorization: `Bearer ${TOKEN}`, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const stored = async () => (await readdir(dir)).filter((f) => f.endsWith('.json'));

test('201 with a receipt; the sheet is on disk', async () => {
  const { key } = await checkReceipt(post);
  assert.ok((await stored()).includes(`${key}.json`));
});

test('409 on a replayed key, with the original receipt; still one copy', async () => {
  const concurrent = await checkReplays(post);
  assert.equal((await stored()).filter((f) => f.startsWith(concurrent)).length, 1);
});

test('422 with the faulty fields in problem+json', () => checkFaultyFields(post));

test('413 when the body is too large, 400 for malformed JSON or a missing key, 415 for non-JSON', () => checkBadRequests(post, base, TOKEN));

test('issue 22: a record whose answer is an objection is refused; only the sections shared are validated', async () => {
  await checkObjection(post);
  // the values of the shared sections only (the record names every section of the orientation)
  const consent = buildConsentRecord(liaisonTemplates.orientation, { covered: 'oui', regime: 'equipe-de-soins', decision: 'pas-d-opposition', method: 'oral', collectedBy: 'Claire Petit, CESF', by: 'personne' });
  const shared = { ...sheet(), consent };
  delete shared.values.personne_informee;
  const missing = await (await post(shared)).json();
  assert.deepEqual(missing['invalid-params'].map((p) => p.name), ['personne_informee'], 'a section the recipient needs is validated even if nothing was sent in it');
  shared.values.personne_informee = 'oui';
  assert.equal((await post(shared)).status, 201);
});

test('review F11: a consent without its record (regime, method, author) is refused; so is any value the consent does not cover', async () => {
  // the old outbox consent: no regime, no method, no author
  const old = sheet();
  old.consent = { by: 'personne', recipients: ['Plateforme de répit (fictive)'], sections: ['emetteur', 'personne', 'motif'], textVersion: '2026-1', at: '2026-11-23T10:00:00Z' };
  const r1 = await post(old);
  assert.equal(r1.status, 422);
  const reasons = (await r1.json())['invalid-params'].filter((p) => p.name === 'consent').map((p) => p.reason);
  assert.ok(reasons.some((x) => /Cadre du partage manquant/.test(x)));
  assert.ok(reasons.some((x) => /Mode de recueil manquant/.test(x)));
  assert.ok(reasons.some((x) => /Nom du professionnel/.test(x)));
  // a DLU-Dom sent to the home workers: the diagnosis, the NIR, the door code and a section not named are refused
  await checkUncoveredValues(post);
  const dlu = liaisonTemplates['dlu-domicile'];
  const { consent, values } = dluForHomeWorkers();
  // a section the recipient does not get, named in the consent anyway
  const r3 = await post({ template: 'dlu-domicile', values, consent: { ...consent, sections: [...consent.sections, 'sante'] } });
  assert.equal(r3.status, 422);
  assert.match((await r3.json())['invalid-params'].find((p) => p.name === 'consent.sections').reason, /« sante » n’est pas transmise à ce destinataire/);
  // review F12: the person does not know she is referred
  const unaware = sheet();
  unaware.values.personne_informee = 'non';
  const r4 = await post(unaware);
  assert.equal(r4.status, 422);
  assert.match((await r4.json())['invalid-params'].find((p) => p.name === 'personne_informee').reason, /informez-la avant d’envoyer la fiche/);
  // review F8: information impossible needs its reason and follow-up; its author is « aucun »
  const urg = buildConsentRecord(dlu, { covered: 'oui', regime: 'equipe-de-soins', decision: 'information-impossible', method: 'oral', collectedBy: 'Infirmière du SSIAD', recipient: 'retour-intervenants', impossibleReason: 'Inconsciente', followUp: 'Le SSIAD, à son retour' }, 'aucune');
  assert.equal((await post({ template: 'dlu-domicile', values, consent: urg })).status, 201);
  const r5 = await post({ template: 'dlu-domicile', values, consent: { ...urg, followUp: '' } });
  assert.equal(r5.status, 422);
});

// ---- issue 14: a receiver a département could deploy ----

test('auth: no token, a wrong token or a malformed header is 401 (French problem); the configuration holds no token', async () => {
  for (const authorization of [undefined, 'Bearer mauvais-jeton-0000000000', `Basic ${Buffer.from('a:b').toString('base64')}`, `Bearer ${TOKEN}x`, `bearer${TOKEN}`]) {
    const res = await post(sheet(), randomUUID(), authorization === undefined ? { authorization: '' } : { authorization });
    assert.equal(res.status, 401, String(authorization));
    assert.match(res.headers.get('www-authenticate'), /^Bearer/);
    assert.match((await res.json()).detail, /Jeton de partenaire manquant ou invalide/);
  }
  const { authorization, ...noAuth } = { authorization: 'x', 'content-type': 'application/json', 'idempotency-key': randomUUID() };
  assert.ok(authorization);
  assert.equal((await fetch(base, { method: 'POST', headers: noAuth, body: JSON.stringify(sheet()) })).status, 401);
  assert.equal((await post(sheet(), randomUUID(), { authorization: `Bearer ${OTHER}` })).status, 201);
  assert.throws(() => createLiaisonReceiver({ dir, partners: [{ id: 'x', tokenSha256: TOKEN }], encryptionKey }), /SHA-256/);
  assert.throws(() => createLiaisonReceiver({ dir, encryptionKey }), /au moins un partenaire/);
  assert.throws(() => createLiaisonReceiver({ dir, partners: [{ id: 'x', tokenSha256: hashToken(TOKEN) }] }), /encryptionKey/);
});

test('50 forged POSTs (no token, guessed tokens, other partner hashes as tokens): 50 × 401, nothing stored', async () => {
  const before = (await stored()).length;
  const forged = Array.from({ length: 50 }, (_, i) => {
    const h = [{ authorization: '' }, { authorization: `Bearer ${randomBytes(16).toString('hex')}` }, { authorization: `Bearer ${hashToken(TOKEN)}` }, { authorization: `Bearer ${TOKEN.slice(0, -1)}x` }, { authorization: `Bearer ${TOKEN.toUpperCase()}` }][i % 5];
    const body = sheet();
    body.values.motif = `forgé ${i}`;
    return post(body, randomUUID(), h);
  });
  const statuses = (await Promise.all(forged)).map((r) => r.status);
  assert.deepEqual([...new Set(statuses)], [401]);
  assert.equal(statuses.length, 50);
  assert.equal((await stored()).length, before);
  // the partner is not locked out by someone else's forgeries
  assert.equal((await post(sheet())).status, 201);
});

test('rate limit and daily quota per partner: 429 with a French message; another partner is not affected', async () => {
  const limited = await serve({ partners: [{ id: 'a', tokenSha256: hashToken(TOKEN), ratePerMinute: 3, quotaPerDay: 1000 }, { id: 'b', tokenSha256: hashToken(OTHER), ratePerMinute: 3, quotaPerDay: 2 }] });
  const statuses = [];
  for (let i = 0; i < 5; i++) statuses.push((await post(sheet(), randomUUID(), {}, limited.url)).status);
  assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
  const tooMany = await post(sheet(), randomUUID(), {}, limited.url);
  assert.match((await tooMany.json()).detail, /Trop d’envois en une minute/);
  assert.equal(tooMany.headers.get('retry-after'), '60');
  // partner b: its own minute, its own quota of 2 sheets a day
  const b = { authorization: `Bearer ${OTHER}` };
  assert.equal((await post(sheet(), randomUUID(), b, limited.url)).status, 201);
  assert.equal((await post(sheet(), randomUUID(), b, limited.url)).status, 201);
  const over = await post(sheet(), randomUUID(), b, limited.url);
  assert.equal(over.status, 429);
  assert.match((await over.json()).detail, /quota de 2 fiches pour aujourd’hui/);
  // the next day (and the next minute), the quota starts again
  clock += 86_400_000;
  assert.equal((await post(sheet(), randomUUID(), b, limited.url)).status, 201);
  assert.equal((await post(sheet(), randomUUID(), {}, limited.url)).status, 201);
  assert.equal((await readdir(limited.dir)).filter((f) => f.endsWith('.json')).length, 7);
});

test('the same key with another body: 409 with a French problem, nothing overwritten; the same body: the original receipt', async () => {
  const { key, first } = await checkKeyConflict(post);
  const same = await post(sheet(), key);
  assert.equal(same.status, 409);
  assert.deepEqual(await same.json(), first);
  // another partner reusing this key never gets this partner's receipt
  const theirs = await post(sheet(), key, { authorization: `Bearer ${OTHER}` });
  assert.equal(theirs.status, 409);
  assert.equal((await theirs.json()).id, undefined);
  const kept = openStoredSheet(await readFile(join(dir, `${key}.json`), 'utf8'), encryptionKey);
  assert.equal(kept.values.motif, sheet().values.motif);
});

test('idempotency keys differing only in case are one key: 201 then 409, never a 500, one file', async () => {
  const key = randomUUID();
  const variants = [key.toUpperCase(), key, ` ${key.toUpperCase()} `];
  const results = await Promise.all(variants.map((k) => post(sheet(), k)));
  assert.deepEqual(results.map((r) => r.status).sort(), [201, 409, 409]);
  const receipts = await Promise.all(results.map((r) => r.json()));
  assert.deepEqual(new Set(receipts.map((r) => r.id)), new Set([key]));
  assert.equal((await stored()).filter((f) => f.toLowerCase().startsWith(key)).length, 1);
  const later = await post(sheet(), key.toUpperCase());
  assert.equal(later.status, 409);
  assert.equal((await later.json()).id, key);
});

test('only the template\'s fields are stored, encrypted at rest; the receipt hashes what was stored', async () => {
  const key = randomUUID();
  const body = sheet();
  body.values.numero_secu = '2 55 12 58 079 001 23';
  body.values.__proto__x = 'x';
  body.extra = { tracking: 'abc' };
  body.consent.ip = '203.0.113.9';
  const res = await post(body, key);
  assert.equal(res.status, 201);
  const receipt = await res.json();
  const text = await readFile(join(dir, `${key}.json`), 'utf8');
  for (const secret of ['Jeanne', 'Martin', 'Épuisement', 'numero_secu', '203.0.113.9', 'tracking']) assert.ok(!text.includes(secret), `${secret} in clear`);
  const kept = openStoredSheet(text, encryptionKey);
  assert.equal(kept.values.personne_nom, 'Jeanne Martin');
  assert.equal(kept.values.numero_secu, undefined);
  assert.equal(kept.values.__proto__x, undefined);
  assert.equal(kept.extra, undefined);
  assert.deepEqual(Object.keys(kept.consent).sort(), ['at', 'by', 'collectedBy', 'copyGiven', 'decision', 'legalBasis', 'method', 'recipientId', 'recipients', 'regime', 'sections', 'template', 'templateVersion', 'textSha256', 'textVersion']);
  const { createHash } = await import('node:crypto');
  const { canonicalJson } = await import('../../examples/server/liaison-receiver.mjs');
  assert.equal(receipt.sha256, createHash('sha256').update(canonicalJson(kept)).digest('hex'));
  // a changed file (another partner written into it) does not decrypt
  const tampered = JSON.parse(text);
  tampered.partner = 'fs-cosne';
  assert.throws(() => openStoredSheet(JSON.stringify(tampered), encryptionKey));
  assert.throws(() => openStoredSheet(text, randomBytes(32)));
});

test('every answer follows the OpenAPI contract (packages/core/liaison-openapi.json)', () => checkLiaisonContract(post, base));

test('anonymous mode (demo and tests only): no token accepted, a wrong token still refused, limits if given', async () => {
  const demo = await serve({ anonymous: { ratePerMinute: 2 }, encryptionKey: undefined });
  const noToken = { authorization: '' };
  const res = await fetch(demo.url, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() }, body: JSON.stringify(sheet()) });
  assert.equal(res.status, 201);
  assert.equal((await post(sheet(), randomUUID(), { authorization: `Bearer ${TOKEN}` }, demo.url)).status, 401);
  assert.equal((await post(sheet(), randomUUID(), noToken, demo.url)).status, 401);
  const anon = () => fetch(demo.url, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() }, body: JSON.stringify(sheet()) });
  // refused calls do not count: the second accepted one is still within 2 a minute, the third is not
  assert.equal((await anon()).status, 201);
  assert.equal((await anon()).status, 429);
});
