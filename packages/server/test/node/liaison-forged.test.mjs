// Issue 14, « the receiver's tests cover … 50 forged POSTs », for @relais/server's receiver (the reference receiver has
// the same test in tests/node/liaison-receiver.test.mjs): forged calls are refused, store nothing, are not written to
// the access log (so they never eat a partner's rate limit or quota), and log no token or content.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID, randomBytes } from 'node:crypto';
import { buildConsentRecord, liaisonTemplates } from '@relais/liaison/headless';
import { createLiaisonRoutes, readLiaisonConfig, addPartner, addRecipient, revoke, renewToken, hashToken } from '../../dist/liaison/index.js';
import { MIGRATED, memoryLogger, serveRoutes } from './liaison-harness.mjs';

const sheet = (motif = 'Épuisement de l’aidant, demande de solutions de répit.') => ({
  template: 'orientation',
  values: {
    emetteur_structure: 'CCAS de Clamecy (fictif)', emetteur_nom: 'Claire Petit, CESF', emetteur_telephone: '03 53 01 12 34',
    destinataire_structure: 'Plateforme de répit (fictive)', personne_nom: 'Jeanne Martin', personne_contact: 'via-emetteur',
    motif, besoins: ['repit'], personne_informee: 'oui', accord_personne: true, accord_par: 'personne',
  },
  consent: buildConsentRecord(liaisonTemplates.orientation, { covered: 'oui', regime: 'hors-equipe', decision: 'consentement', method: 'oral', collectedBy: 'Claire Petit, CESF', by: 'personne', recipientName: 'Plateforme de répit (fictive)', textSha256: 'a'.repeat(64), copyGiven: true }, undefined, new Date('2026-11-23T10:00:00Z')),
});

for (const { name, open } of MIGRATED) {
  describe(`@relais/server liaison receiver on ${name}: forged calls`, () => {
    let db;
    let log;
    before(async () => {
      db = await open();
      log = memoryLogger();
    });
    after(async () => {
      await db.close();
    });

    test('50 forged POSTs (no token, guessed, altered, hashed, revoked, old and recipient tokens): 50 × 401 in French, nothing stored, nothing counted against the partner', async () => {
      const config = readLiaisonConfig({ RELAIS_LIAISON_KEY: randomBytes(32).toString('base64') });
      const s = await serveRoutes(createLiaisonRoutes({ config, now: () => Date.parse('2026-11-23T10:00:00Z') }), { db, log, env: {} });
      const url = `${s.origin}/api/liaison`;
      try {
        // a partner with a small rate and quota: forgeries must not use them up
        const { token } = await addPartner(db, { id: 'ccas-clamecy', ratePerMinute: 3, quotaPerDay: 3 });
        const { token: reader } = await addRecipient(db, { id: 'plateforme-repit', name: 'Plateforme de répit', partners: ['ccas-clamecy'] });
        const { token: gone } = await addPartner(db, { id: 'ancien-partenaire' });
        await revoke(db, 'partner', 'ancien-partenaire');
        const { token: renewedFrom } = await addPartner(db, { id: 'renouvele' });
        await renewToken(db, 'partner', 'renouvele');
        const forgeries = [
          '',
          `Bearer ${randomBytes(16).toString('hex')}`,
          `Bearer ${hashToken(token)}`,
          `Bearer ${token.slice(0, -1)}${token.endsWith('x') ? 'y' : 'x'}`,
          `Bearer ${token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase()}`,
          `Bearer ${reader}`,
          `Bearer ${gone}`,
          `Bearer ${renewedFrom}`,
          `Basic ${Buffer.from(`ccas-clamecy:${token}`).toString('base64')}`,
          `Bearer  ${token}`,
        ];
        const rowsBefore = (await db.query('SELECT count(*)::int AS n FROM liaison_sheets'))[0].n;
        const logBefore = (await db.query('SELECT count(*)::int AS n FROM liaison_access_log'))[0].n;
        const answers = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), authorization: forgeries[i % forgeries.length] }, body: JSON.stringify(sheet(`forgé ${i}`)) }),
          ),
        );
        assert.equal(answers.length, 50);
        assert.deepEqual([...new Set(answers.map((r) => r.status))], [401]);
        for (const r of answers) {
          assert.match(r.headers.get('www-authenticate') ?? '', /^Bearer/);
          assert.match(r.headers.get('content-type') ?? '', /problem\+json/);
          assert.match((await r.json()).detail, /Jeton de partenaire manquant ou invalide/);
        }
        assert.equal((await db.query('SELECT count(*)::int AS n FROM liaison_sheets'))[0].n, rowsBefore, 'nothing stored');
        assert.equal((await db.query('SELECT count(*)::int AS n FROM liaison_access_log'))[0].n, logBefore, 'forgeries are not counted as the partner’s calls');
        const logged = log.lines.join('\n');
        for (const secret of [token, reader, gone, 'forgé', 'Jeanne']) assert.ok(!logged.includes(secret), `${secret} logged`);
        // the partner keeps its whole minute and its whole day
        const real = [];
        for (let i = 0; i < 3; i++) real.push((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), authorization: `Bearer ${token}` }, body: JSON.stringify(sheet()) })).status);
        assert.deepEqual(real, [201, 201, 201]);
      } finally {
        await s.close();
      }
    });
  });
}
