// Shared by the tests of the two liaison receivers (the reference one of the examples, tests/node/liaison-receiver,
// and @relais/server's, packages/server/test/node/liaison): a valid orientation sheet, and the walk through every
// answer of the contract (packages/core/liaison-openapi.json), each checked against the contract.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { buildConsentRecord, liaisonTemplates } from '../../packages/liaison/dist/headless.js';

/** The liaison contract. */
export const LIAISON_SPEC = JSON.parse(readFileSync(new URL('../../packages/core/liaison-openapi.json', import.meta.url), 'utf8'));

/** A valid orientation sheet (fictional person), with the consent record the form sends. */
export const orientationSheet = () => ({
  template: 'orientation',
  values: {
    emetteur_structure: 'CCAS de Clamecy (fictif)', emetteur_nom: 'Claire Petit, CESF', emetteur_telephone: '03 53 01 12 34',
    destinataire_structure: 'Plateforme de répit (fictive)', personne_nom: 'Jeanne Martin', personne_contact: 'via-emetteur',
    motif: 'Épuisement de l’aidant, demande de solutions de répit.', besoins: ['repit'], personne_informee: 'oui', accord_personne: true, accord_par: 'personne',
  },
  // the record the form sends (regime, answer, method, author, the recipient's sections)
  consent: buildConsentRecord(liaisonTemplates.orientation, { covered: 'oui', regime: 'hors-equipe', decision: 'consentement', method: 'oral', collectedBy: 'Claire Petit, CESF', by: 'personne', recipientName: 'Plateforme de répit (fictive)', textSha256: 'a'.repeat(64), copyGiven: true }, undefined, new Date('2026-11-23T10:00:00Z')),
});

/** A DLU-Dom sent to the home workers (« retour-intervenants »): the consent record and the values they need. */
export const dluForHomeWorkers = () => ({
  consent: buildConsentRecord(liaisonTemplates['dlu-domicile'], { covered: 'oui', regime: 'equipe-de-soins', decision: 'pas-d-opposition', method: 'oral', collectedBy: 'Infirmière du SSIAD', by: 'personne', recipient: 'retour-intervenants' }, 'aucune', new Date('2026-11-23T10:00:00Z')),
  values: { nom_naissance: 'MARTIN', prenoms: 'Jeanne', date_naissance: '1941-03-27', adresse: '12 rue des Forges, 58500 Clamecy', retour_orientation: 'domicile', retour_plan_soins: 'glace, repos' },
});

// The refusals (422) both receivers owe the contract, each written once; `post` is a partner's POST.

/** 422 in problem+json naming each faulty field: a wrong phone number (its French reason), a missing field, a withdrawn consent. */
export async function checkFaultyFields(post) {
  const bad = orientationSheet();
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
}

/** 422 for a consent record whose answer is an objection (« opposée au partage »). */
export async function checkObjection(post) {
  const consent = buildConsentRecord(liaisonTemplates.orientation, { covered: 'oui', regime: 'equipe-de-soins', decision: 'opposition', method: 'oral', collectedBy: 'Claire Petit, CESF', by: 'personne' });
  const res = await post({ ...orientationSheet(), consent });
  assert.equal(res.status, 422);
  assert.match((await res.json())['invalid-params'].find((p) => p.name === 'consent').reason, /opposée au partage/);
}

/** A DLU-Dom to the home workers: 201 for what they need; 422 naming each value the consent does not cover (diagnosis, NIR, door code, allergies). */
export async function checkUncoveredValues(post) {
  const { consent, values } = dluForHomeWorkers();
  assert.equal((await post({ template: 'dlu-domicile', values, consent })).status, 201, 'what the home workers need');
  const more = { ...values, retour_diagnostic: 'entorse', nir: '2 41 03 58 079 012 34', acces_logement: 'code 1234B', allergies: 'pénicilline' };
  const res = await post({ template: 'dlu-domicile', values: more, consent });
  assert.equal(res.status, 422);
  const params = (await res.json())['invalid-params'];
  assert.deepEqual(params.map((p) => p.name).sort(), ['acces_logement', 'allergies', 'nir', 'retour_diagnostic']);
  assert.match(params[0].reason, /ne fait pas partie de ce que la personne a accepté de transmettre/);
}

/** 201 with a receipt naming the idempotency key and the SHA-256 of what was kept; returns the key, the answer and the receipt. */
export async function checkReceipt(post) {
  const key = randomUUID();
  const res = await post(orientationSheet(), key);
  assert.equal(res.status, 201);
  const receipt = await res.json();
  assert.equal(receipt.id, key);
  assert.match(receipt.sha256, /^[0-9a-f]{64}$/);
  return { key, res, receipt };
}

/** 409 (JSON) with the original receipt on a replayed key; three concurrent sends under one key: 201, 409, 409, one receipt. Returns that key. */
export async function checkReplays(post) {
  const key = randomUUID();
  const first = await (await post(orientationSheet(), key)).json();
  const again = await post(orientationSheet(), key);
  assert.equal(again.status, 409);
  assert.match(again.headers.get('content-type'), /^application\/json/);
  assert.deepEqual(await again.json(), first);
  const concurrent = randomUUID();
  const results = await Promise.all([1, 2, 3].map(() => post(orientationSheet(), concurrent)));
  assert.deepEqual(results.map((r) => r.status).sort(), [201, 409, 409]);
  const receipts = await Promise.all(results.map((r) => r.json()));
  assert.equal(new Set(receipts.map((r) => JSON.stringify(r))).size, 1, 'every answer carries the same receipt');
  return concurrent;
}

/** The same key with another body: 409 with a French problem; returns the key and the first receipt. */
export async function checkKeyConflict(post) {
  const key = randomUUID();
  const first = await (await post(orientationSheet(), key)).json();
  const other = orientationSheet();
  other.values.motif = 'Une autre fiche, envoyée avec la même clé.';
  const res = await post(other, key);
  assert.equal(res.status, 409);
  assert.match(res.headers.get('content-type'), /problem\+json/);
  assert.match((await res.json()).detail, /a déjà servi pour une autre fiche/);
  return { key, first };
}

/** 413 for a body over 64 KiB, 400 for malformed JSON or a missing idempotency key, 415 for XML, 405 for a GET (its answer returned). */
export async function checkBadRequests(post, url, token) {
  const huge = orientationSheet();
  huge.values.motif = 'x'.repeat(100 * 1024);
  assert.equal((await post(huge)).status, 413);
  assert.equal((await post('{"template": "orientation", "values": ')).status, 400);
  assert.equal((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(orientationSheet()) })).status, 400);
  assert.equal((await post('<fiche/>', randomUUID(), { 'content-type': 'text/xml' })).status, 415);
  const get = await fetch(url);
  assert.equal(get.status, 405);
  return get;
}

/**
 * Sends one request per answer of the contract (201, 409 replay, 409 conflict, 422, 401, 400, 415, 413, 405) and checks
 * each against `LIAISON_SPEC`: status documented, content type, required properties, patterns, documented headers.
 * @param {(body: unknown, key?: string, headers?: Record<string, string>) => Promise<Response>} post a partner's POST
 * @param {string} url the receiver's address
 */
export async function checkLiaisonContract(post, url) {
  const spec = LIAISON_SPEC;
  assert.equal(spec.openapi, '3.1.0');
  const op = spec.paths['/api/liaison'].post;
  assert.deepEqual(op.security, [{ partnerToken: [] }]);
  assert.equal(spec.components.securitySchemes.partnerToken.scheme, 'bearer');
  const resolve = (s) => (s.$ref ? resolve(s.$ref.split('/').slice(1).reduce((o, k) => o[k], spec)) : s);
  const check = async (res, label) => {
    const doc = op.responses[String(res.status)];
    assert.ok(doc, `${label}: status ${res.status} is not in the contract`);
    const type = res.headers.get('content-type').split(';')[0];
    const content = resolve(doc).content;
    assert.ok(content[type], `${label}: ${type} for ${res.status}`);
    const schema = resolve(content[type].schema);
    const body = await res.json();
    for (const k of schema.required ?? []) assert.ok(k in body, `${label}: ${k} required`);
    for (const [k, p] of Object.entries(schema.properties ?? {})) if (p.pattern && k in body) assert.match(body[k], new RegExp(p.pattern), `${label}: ${k}`);
    for (const h of Object.keys(doc.headers ?? {})) if (res.status !== 201 || h !== 'Location') assert.ok(res.headers.get(h), `${label}: header ${h}`);
  };
  const key = randomUUID();
  await check(await post(orientationSheet(), key), '201');
  await check(await post(orientationSheet(), key), '409 replay');
  const other = orientationSheet();
  other.values.motif = 'autre';
  await check(await post(other, key), '409 conflict');
  const bad = orientationSheet();
  delete bad.values.motif;
  await check(await post(bad), '422');
  await check(await post(orientationSheet(), randomUUID(), { authorization: '' }), '401');
  await check(await post('{', randomUUID()), '400');
  await check(await post('<x/>', randomUUID(), { 'content-type': 'text/xml' }), '415');
  const huge = orientationSheet();
  huge.values.motif = 'x'.repeat(100 * 1024);
  await check(await post(huge), '413');
  await check(await fetch(url), '405');
  // the request body schema names the fields the receivers read
  const req = resolve(op.requestBody.content['application/json'].schema);
  assert.deepEqual(req.required, ['template', 'values', 'consent']);
  assert.ok(op.parameters.some((p) => resolve(p).name === 'Idempotency-Key' && resolve(p).required));
}
