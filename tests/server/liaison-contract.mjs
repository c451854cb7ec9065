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
