// The reference liaison receiver over real HTTP (loopback only).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createLiaisonReceiver } from '../../examples/server/liaison-receiver.mjs';

let server;
let base;
let dir;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'relais-liaison-'));
  const handle = createLiaisonReceiver({ dir, maxBytes: 64 * 1024 });
  server = createServer(async (req, res) => {
    if (!(await handle(req, res))) res.writeHead(404).end();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}/api/liaison`;
});
after(async () => {
  server.close();
  await rm(dir, { recursive: true, force: true });
});

const sheet = () => ({
  template: 'orientation',
  values: {
    emetteur_structure: 'CCAS de Clamecy (fictif)', emetteur_nom: 'Claire Petit, CESF', emetteur_telephone: '03 53 01 12 34',
    destinataire_structure: 'Plateforme de répit (fictive)', personne_nom: 'Jeanne Martin', personne_contact: 'via-emetteur',
    motif: 'Épuisement de l’aidant, demande de solutions de répit.', besoins: ['repit'], accord_personne: true, accord_par: 'personne',
  },
  consent: { by: 'personne', recipients: ['Plateforme de répit (fictive)'], sections: ['emetteur', 'personne', 'motif'], textVersion: '2026-1', at: '2026-11-23T10:00:00Z' },
});
const post = (body, key = randomUUID(), headers = {}) => fetch(base, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const stored = async () => (await readdir(dir)).filter((f) => f.endsWith('.json'));

test('201 with a receipt; the sheet is on disk', async () => {
  const key = randomUUID();
  const res = await post(sheet(), key);
  assert.equal(res.status, 201);
  const receipt = await res.json();
  assert.equal(receipt.id, key);
  assert.match(receipt.sha256, /^[0-9a-f]{64}$/);
  assert.ok((await stored()).includes(`${key}.json`));
});

test('409 on a replayed key, with the original receipt; still one copy', async () => {
  const key = randomUUID();
  const first = await (await post(sheet(), key)).json();
  const again = await post(sheet(), key);
  assert.equal(again.status, 409);
  assert.deepEqual(await again.json(), first);
  const concurrent = randomUUID();
  const results = await Promise.all([post(sheet(), concurrent), post(sheet(), concurrent), post(sheet(), concurrent)]);
  assert.deepEqual(results.map((r) => r.status).sort(), [201, 409, 409]);
  assert.equal((await stored()).filter((f) => f.startsWith(concurrent)).length, 1);
});

test('422 with the faulty fields in problem+json', async () => {
  const bad = sheet();
  bad.values.emetteur_telephone = '12';
  delete bad.values.motif;
  bad.consent.withdrawnAt = '2026-11-23T11:00:00Z';
  const res = await post(bad);
  assert.equal(res.status, 422);
  assert.match(res.headers.get('content-type'), /problem\+json/);
  const body = await res.json();
  const names = body['invalid-params'].map((p) => p.name);
  assert.deepEqual(names.sort(), ['consent.withdrawnAt', 'emetteur_telephone', 'motif']);
  assert.match(body['invalid-params'].find((p) => p.name === 'emetteur_telephone').reason, /numéro de téléphone à 10 chiffres, par exemple 03 86 12 34 56/);
});

test('413 when the body is too large, 400 for malformed JSON or a missing key, 415 for non-JSON', async () => {
  const huge = sheet();
  huge.values.motif = 'x'.repeat(100 * 1024);
  assert.equal((await post(huge)).status, 413);
  assert.equal((await post('{"template": "orientation", "values": ')).status, 400);
  assert.equal((await fetch(base, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sheet()) })).status, 400);
  assert.equal((await post('<fiche/>', randomUUID(), { 'content-type': 'text/xml' })).status, 415);
  assert.equal((await fetch(base)).status, 405);
});

test('issue 22: a record whose answer is an objection is refused; only the sections shared are validated', async () => {
  const { buildConsentRecord, liaisonTemplates } = await import('../../packages/liaison/dist/headless.js');
  const ori = liaisonTemplates.orientation;
  const record = (decision) => buildConsentRecord(ori, { regime: 'equipe-de-soins', decision, method: 'oral', collectedBy: 'Claire Petit, CESF', by: 'personne' });
  const objection = { ...sheet(), consent: record('opposition') };
  const res = await post(objection);
  assert.equal(res.status, 422);
  assert.match((await res.json())['invalid-params'].find((p) => p.name === 'consent').reason, /opposée au partage/);
  // the values of the shared sections only (the record names every section of the orientation)
  const shared = { ...sheet(), consent: record('pas-d-opposition') };
  const missing = await (await post(shared)).json();
  assert.deepEqual(missing['invalid-params'].map((p) => p.name), ['personne_informee'], 'a section the recipient needs is validated even if nothing was sent in it');
  shared.values.personne_informee = 'oui';
  assert.equal((await post(shared)).status, 201);
});
