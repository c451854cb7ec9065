// Shared by the benches of the liaison receiver of @relais/server (server-liaison-crash.mjs, server-load.mjs):
// valid sheets of the `orientation` template with a consent record, a partner and a reader for the receiver, and the
// send with its Idempotency-Key. Fictional people only.
import { randomUUID } from 'node:crypto';

/** `count` valid sheets, each with its own idempotency key: `{ key, body }` (body: the JSON text to POST). */
export async function buildSheets(count, label = 'du banc d’essai') {
  const { buildConsentRecord, liaisonTemplates } = await import('../packages/liaison/dist/headless.js');
  const consent = buildConsentRecord(liaisonTemplates.orientation, { covered: 'oui', regime: 'hors-equipe', decision: 'consentement', method: 'oral', collectedBy: 'Claire Petit, CESF', by: 'personne', recipientName: 'Plateforme de répit (fictive)', textSha256: 'a'.repeat(64), copyGiven: true });
  return Array.from({ length: count }, (_, i) => ({
    key: randomUUID(),
    body: JSON.stringify({
      template: 'orientation',
      values: {
        emetteur_structure: 'CCAS de Clamecy (fictif)', emetteur_nom: 'Claire Petit, CESF', emetteur_telephone: '03 53 01 12 34',
        destinataire_structure: 'Plateforme de répit (fictive)', personne_nom: `Personne fictive ${i}`, personne_contact: 'via-emetteur',
        motif: `Fiche d’essai numéro ${i} ${label}.`, besoins: ['repit'], personne_informee: 'oui', accord_personne: true, accord_par: 'personne',
      },
      consent,
    }),
  }));
}

/** Registers a partner (no practical rate limit or quota) and a reader of its sheets, by their tokens. */
export async function addPartnerAndReader(db, hashToken, { partner, partnerToken, reader, readerToken }) {
  await db.query('INSERT INTO liaison_partners (id, token_sha256, rate_per_minute, quota_per_day) VALUES ($1, $2, 1000000, 1000000) ON CONFLICT (id) DO NOTHING', [partner, hashToken(partnerToken)]);
  await db.query("INSERT INTO liaison_recipients (id, name, token_sha256, partners) VALUES ($1, 'Lecteur', $2, $3::text[]) ON CONFLICT (id) DO NOTHING", [reader, hashToken(readerToken), [partner]]);
}

/** POSTs one sheet; resolves `{ status, body }`. */
export async function postSheet(origin, token, sheet) {
  const res = await fetch(`${origin}/api/liaison`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': sheet.key, authorization: `Bearer ${token}` }, body: sheet.body });
  return { status: res.status, body: await res.json() };
}
