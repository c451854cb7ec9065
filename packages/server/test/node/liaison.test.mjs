// The liaison receiver of @relais/server on the database, over real HTTP (loopback only): the contract of
// packages/core/liaison-openapi.json with the SDK's real templates and consent records (@relais/liaison/headless),
// the recipient structure's reading, retention and the access log. On PGlite, and on PostgreSQL when configured.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID, randomBytes, createHash } from 'node:crypto';
import { Outbox } from '../../../liaison/dist/outbox.js';
import { createApp } from '../../dist/index.js';
import { syncRoutes } from '../../dist/sync/index.js';
import { liaisonRoutes, createLiaisonRoutes, readLiaisonConfig, addPartner, addRecipient, revoke, renewToken, purgeLiaison, liaisonCommand, canonicalJson, hashToken } from '../../dist/liaison/index.js';
import { MIGRATED, memoryLogger, serveRoutes } from './liaison-harness.mjs';
import { checkBadRequests, checkFaultyFields, checkKeyConflict, checkReceipt, checkReplays, checkLiaisonContract, checkObjection, checkUncoveredValues, orientationSheet } from '../../../../tests/server/liaison-contract.mjs';

const KEY = randomBytes(32).toString('base64');

const sheet = orientationSheet;
const PERSONAL = ['Jeanne', 'Martin', 'Épuisement', 'Claire Petit', '03 53 01 12 34', 'répit'];

for (const { name, open } of MIGRATED) {
  describe(`liaison receiver on ${name}`, () => {
    let db;
    let log;
    let srv;
    let base;
    let TOKEN;
    let OTHER;
    let READER;
    let clock = Date.parse('2026-11-23T10:00:00Z');
    const config = readLiaisonConfig({ RELAIS_LIAISON_KEY: KEY, RELAIS_LIAISON_MAX_BYTES: String(64 * 1024) });
    const servers = [];
    const serve = async (routesOpts, env) => {
      const s = await serveRoutes(createLiaisonRoutes({ now: () => clock, ...routesOpts }), { db, log, env });
      servers.push(s);
      return s.origin;
    };
    before(async () => {
      db = await open();
      log = memoryLogger();
      ({ token: TOKEN } = await addPartner(db, { id: 'ccas-clamecy', ratePerMinute: 1000, quotaPerDay: 1000 }));
      ({ token: OTHER } = await addPartner(db, { id: 'fs-cosne', ratePerMinute: 1000, quotaPerDay: 1000 }));
      ({ token: READER } = await addRecipient(db, { id: 'plateforme-repit', name: 'Plateforme de répit', partners: ['ccas-clamecy'] }));
      srv = await serve({ config });
      base = `${srv}/api/liaison`;
    });
    after(async () => {
      for (const s of servers) await s.close();
      await db.close();
    });

    const post = (body, key = randomUUID(), headers = {}, url = base) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key, authorization: `Bearer ${TOKEN}`, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    const count = async (key) => (await db.query('SELECT count(*)::int AS n FROM liaison_sheets WHERE id = $1::uuid', [key]))[0].n;
    const read = (id, token = READER) => fetch(`${srv}/api/destinataire/fiches/${id}`, { headers: { authorization: `Bearer ${token}` } });

    test('201 with a receipt and its Location; one row; the database holds only token hashes', async () => {
      const { key, res, receipt } = await checkReceipt(post);
      assert.equal(receipt.receivedAt, new Date(clock).toISOString());
      assert.equal(res.headers.get('location'), `/api/liaison/${key}`);
      assert.equal(await count(key), 1);
      const partners = await db.query('SELECT token_sha256 FROM liaison_partners ORDER BY id');
      assert.deepEqual(partners.map((p) => p.token_sha256), [hashToken(TOKEN), hashToken(OTHER)]);
      assert.ok(!JSON.stringify(await db.query('SELECT * FROM liaison_partners')).includes(TOKEN));
    });

    test('409 on a replayed key with the original receipt; three concurrent sends: 201, 409, 409 and one row', async () => {
      const concurrent = await checkReplays(post);
      assert.equal(await count(concurrent), 1);
    });

    test('the SDK\'s real outbox (@relais/liaison Outbox) against the receiver: sent with its receipt, a lost answer replayed, a refusal explained', async () => {
      // the partner's own server adds its token (a token in a browser is no secret: liaison-openapi.json)
      const withToken = (u, init) => {
        const req = new Request(u, init);
        req.headers.set('authorization', `Bearer ${TOKEN}`);
        return fetch(req);
      };
      const outbox = new Outbox(base, { device: 'shared', fetch: withToken, dbName: `outbox-${randomUUID()}` });
      try {
        const s = sheet();
        const key = await outbox.enqueue(s.template, s.values, s.consent);
        const sent = await outbox.send(key);
        assert.equal(sent.state, 'sent', sent.reason);
        assert.equal(sent.replayed, false);
        assert.equal(sent.receipt.id, key);
        assert.deepEqual(await outbox.pending(), []);
        // the answer was lost: the same sheet queued again under its key gets the original receipt, one row
        await outbox.enqueue(s.template, s.values, s.consent, { key });
        const again = await outbox.send(key);
        assert.equal(again.state, 'sent');
        assert.equal(again.replayed, true);
        assert.deepEqual(again.receipt, sent.receipt);
        assert.equal(await count(key), 1);
        // a sheet the receiver refuses leaves the outbox with the French reasons for the form
        const bad = sheet();
        bad.values.emetteur_telephone = '12';
        const badKey = await outbox.enqueue(bad.template, bad.values, bad.consent);
        const refused = await outbox.send(badKey);
        assert.equal(refused.state, 'rejected');
        assert.match(refused.errors.find((e) => e.field === 'emetteur_telephone').message, /numéro de téléphone à 10 chiffres/);
        assert.equal(await count(badKey), 0);
      } finally {
        outbox.close();
      }
    });

    test('the same key with another body: 409 problem, nothing overwritten; another partner never gets the receipt', async () => {
      const { key } = await checkKeyConflict(post);
      const theirs = await post(sheet(), key, { authorization: `Bearer ${OTHER}` });
      assert.equal(theirs.status, 409);
      assert.equal((await theirs.json()).id, undefined);
      const kept = await (await read(key)).json();
      assert.equal(kept.values.motif, sheet().values.motif);
    });

    test('idempotency keys differing only in case are one key: 201 then 409, never a 500', async () => {
      const key = randomUUID();
      const results = await Promise.all([key.toUpperCase(), key, ` ${key.toUpperCase()} `].map((k) => post(sheet(), k)));
      assert.deepEqual(results.map((r) => r.status).sort(), [201, 409, 409]);
      assert.deepEqual(new Set((await Promise.all(results.map((r) => r.json()))).map((r) => r.id)), new Set([key]));
      assert.equal(await count(key), 1);
    });

    test('422 with the faulty fields; a field the consent does not cover is refused; an objection is refused', async () => {
      await checkFaultyFields(post);
      await checkUncoveredValues(post);
      await checkObjection(post);
      const unknown = await post({ ...sheet(), template: 'inconnu' });
      assert.equal(unknown.status, 422);
      assert.equal((await unknown.json()).title, 'Modèle inconnu');
    });

    test('413, 400 (malformed JSON, missing key), 415, 405', async () => {
      const get = await checkBadRequests(post, base, TOKEN);
      assert.equal(get.headers.get('allow'), 'POST');
    });

    test('auth: no token, a wrong, malformed or revoked token is 401; a renewed token replaces the old one', async () => {
      for (const authorization of ['', 'Bearer mauvais-jeton-0000000000', `Basic ${Buffer.from('a:b').toString('base64')}`, `Bearer ${TOKEN}x`, `Bearer ${hashToken(TOKEN)}`]) {
        const res = await post(sheet(), randomUUID(), { authorization });
        assert.equal(res.status, 401, authorization);
        assert.match(res.headers.get('www-authenticate'), /^Bearer/);
        assert.match((await res.json()).detail, /Jeton de partenaire manquant ou invalide/);
      }
      const { token } = await addPartner(db, { id: 'ephemere' });
      assert.equal((await post(sheet(), randomUUID(), { authorization: `Bearer ${token}` })).status, 201);
      const renewed = await renewToken(db, 'partner', 'ephemere');
      assert.equal((await post(sheet(), randomUUID(), { authorization: `Bearer ${token}` })).status, 401);
      assert.equal((await post(sheet(), randomUUID(), { authorization: `Bearer ${renewed}` })).status, 201);
      assert.equal(await revoke(db, 'partner', 'ephemere'), true);
      assert.equal((await post(sheet(), randomUUID(), { authorization: `Bearer ${renewed}` })).status, 401);
    });

    test('rate limit and daily quota per partner (exact under concurrent sends), French messages; the next day starts again', async () => {
      const { token: a } = await addPartner(db, { id: 'limite-a', ratePerMinute: 3, quotaPerDay: 1000 });
      const { token: b } = await addPartner(db, { id: 'limite-b', ratePerMinute: 1000, quotaPerDay: 4 });
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await post(sheet(), randomUUID(), { authorization: `Bearer ${a}` })).status);
      assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
      const tooMany = await post(sheet(), randomUUID(), { authorization: `Bearer ${a}` });
      assert.match((await tooMany.json()).detail, /Trop d’envois en une minute/);
      assert.equal(tooMany.headers.get('retry-after'), '60');
      const burst = await Promise.all(Array.from({ length: 8 }, () => post(sheet(), randomUUID(), { authorization: `Bearer ${b}` })));
      assert.deepEqual(burst.map((r) => r.status).sort(), [201, 201, 201, 201, 429, 429, 429, 429]);
      const over = burst.find((r) => r.status === 429);
      assert.match((await over.json()).detail, /quota de 4 fiches pour aujourd’hui/);
      assert.equal((await db.query("SELECT count(*)::int AS n FROM liaison_sheets WHERE partner_id = 'limite-b'"))[0].n, 4);
      clock += 86_400_000;
      assert.equal((await post(sheet(), randomUUID(), { authorization: `Bearer ${b}` })).status, 201);
      assert.equal((await post(sheet(), randomUUID(), { authorization: `Bearer ${a}` })).status, 201);
    });

    test('only the template\'s fields are stored, encrypted at rest; the receipt hashes what the recipient reads', async () => {
      const key = randomUUID();
      const body = sheet();
      body.values.numero_secu = '2 55 12 58 079 001 23';
      body.extra = { tracking: 'abc' };
      body.consent.ip = '203.0.113.9';
      const receipt = await (await post(body, key)).json();
      const raw = JSON.stringify((await db.query('SELECT *, encode(data, \'escape\') AS clear FROM liaison_sheets WHERE id = $1::uuid', [key]))[0]);
      for (const secret of [...PERSONAL, 'numero_secu', '203.0.113.9', 'tracking']) assert.ok(!raw.includes(secret), `${secret} in clear`);
      const res = await read(key);
      assert.equal(res.status, 200);
      const got = await res.json();
      assert.deepEqual(got.receipt, receipt);
      assert.equal(got.partner, 'ccas-clamecy');
      assert.equal(got.values.personne_nom, 'Jeanne Martin');
      assert.equal(got.values.numero_secu, undefined);
      assert.equal(got.extra, undefined);
      assert.equal(got.consent.ip, undefined);
      const { receipt: r, partner, ...stored } = got;
      assert.ok(r && partner);
      assert.equal(receipt.sha256, createHash('sha256').update(canonicalJson(stored)).digest('hex'));
      // a row moved to another partner, or read with another key, does not decrypt
      await db.query("UPDATE liaison_sheets SET partner_id = 'fs-cosne' WHERE id = $1::uuid", [key]);
      const moved = await serve({ config }); // same key
      await addRecipient(db, { id: 'lit-tout', name: 'Lecteur', partners: ['fs-cosne'] }).then(async ({ token }) => {
        const r2 = await fetch(`${moved}/api/destinataire/fiches/${key}`, { headers: { authorization: `Bearer ${token}` } });
        assert.equal(r2.status, 500, 'the associated data binds the sheet to its partner');
      });
      await db.query("UPDATE liaison_sheets SET partner_id = 'ccas-clamecy' WHERE id = $1::uuid", [key]);
      const otherKey = await serve({ config: readLiaisonConfig({ RELAIS_LIAISON_KEY: randomBytes(32).toString('base64') }) });
      assert.equal((await fetch(`${otherKey}/api/destinataire/fiches/${key}`, { headers: { authorization: `Bearer ${READER}` } })).status, 500);
    });

    test('key rotation: a sheet stored under the old key is read once it is listed in RELAIS_LIAISON_OLD_KEYS', async () => {
      const key = randomUUID();
      await post(sheet(), key);
      const next = randomBytes(32).toString('base64');
      const rotated = await serve({ config: readLiaisonConfig({ RELAIS_LIAISON_KEY: next, RELAIS_LIAISON_KEY_ID: 'k2', RELAIS_LIAISON_OLD_KEYS: `k1:${KEY}` }) });
      const res = await fetch(`${rotated}/api/destinataire/fiches/${key}`, { headers: { authorization: `Bearer ${READER}` } });
      assert.equal(res.status, 200);
      assert.equal((await res.json()).values.personne_nom, 'Jeanne Martin');
      const newKey = randomUUID();
      assert.equal((await post(sheet(), newKey, {}, `${rotated}/api/liaison`)).status, 201);
      assert.equal((await db.query('SELECT kid FROM liaison_sheets WHERE id = $1::uuid', [newKey]))[0].kid, 'k2');
      assert.throws(() => readLiaisonConfig({ RELAIS_LIAISON_KEY: 'trop-courte' }), /32 octets/);
    });

    test('the recipient structure: 401 without its token, lists and reads only its partners\' sheets, erases one', async () => {
      const mine = randomUUID();
      const theirs = randomUUID();
      await post(sheet(), mine);
      await post(sheet(), theirs, { authorization: `Bearer ${OTHER}` });
      assert.equal((await fetch(`${srv}/api/destinataire/fiches`)).status, 401);
      assert.equal((await read(mine, TOKEN)).status, 401, 'a partner token does not read');
      const listed = await (await fetch(`${srv}/api/destinataire/fiches?limite=500`, { headers: { authorization: `Bearer ${READER}` } })).json();
      const ids = listed.items.map((i) => i.id);
      assert.ok(ids.includes(mine));
      assert.ok(!ids.includes(theirs));
      assert.ok(listed.items.every((i) => i.partner === 'ccas-clamecy' && !('values' in i)));
      assert.equal((await read(theirs)).status, 404);
      assert.equal((await read('pas-un-uuid')).status, 404);
      const later = await (await fetch(`${srv}/api/destinataire/fiches?depuis=${encodeURIComponent(listed.items.at(-1).receivedAt)}`, { headers: { authorization: `Bearer ${READER}` } })).json();
      assert.ok(!later.items.some((i) => i.id === listed.items.at(-1).id));
      assert.equal((await fetch(`${srv}/api/destinataire/fiches?depuis=hier`, { headers: { authorization: `Bearer ${READER}` } })).status, 400);
      assert.equal((await fetch(`${srv}/api/destinataire/fiches?curseur=x`, { headers: { authorization: `Bearer ${READER}` } })).status, 400);
      // pages of 3 (the test clock stands still: many sheets share one millisecond): none skipped, none repeated
      const paged = [];
      let cursor = '';
      for (let i = 0; i < 200; i++) {
        const page = await (await fetch(`${srv}/api/destinataire/fiches?limite=3${cursor}`, { headers: { authorization: `Bearer ${READER}` } })).json();
        paged.push(...page.items.map((it) => it.id));
        if (!page.suivant) break;
        cursor = `&curseur=${encodeURIComponent(page.suivant)}`;
      }
      assert.deepEqual(paged, ids);
      assert.ok(listed.items.filter((it) => it.receivedAt === listed.items[0].receivedAt).length > 3, 'a page boundary falls inside one millisecond');
      // the receipt's Location reads the same sheet
      assert.equal((await fetch(`${srv}/api/liaison/${mine}`, { headers: { authorization: `Bearer ${READER}` } })).status, 200);
      assert.equal((await fetch(`${srv}/api/destinataire/fiches/${mine}`, { method: 'DELETE', headers: { authorization: `Bearer ${READER}` } })).status, 204);
      assert.equal((await read(mine)).status, 404);
      assert.equal(await count(mine), 0);
      assert.equal((await fetch(`${srv}/api/destinataire/fiches/${theirs}`, { method: 'DELETE', headers: { authorization: `Bearer ${READER}` } })).status, 404);
      assert.equal(await count(theirs), 1);
    });

    test('the access log and the log lines hold ids and statuses, never content, tokens or addresses', async () => {
      const key = randomUUID();
      await post(sheet(), key);
      await read(key);
      const rows = await db.query('SELECT * FROM liaison_access_log ORDER BY id');
      const actions = new Set(rows.map((r) => `${r.actor_kind}:${r.action}`));
      for (const a of ['partner:stored', 'partner:replay', 'partner:conflict', 'partner:invalid', 'partner:rate-limited', 'partner:quota', 'recipient:read', 'recipient:list', 'recipient:erase']) assert.ok(actions.has(a), a);
      assert.ok(rows.some((r) => r.sheet_id === key && r.action === 'read' && r.actor_id === 'plateforme-repit'));
      const text = JSON.stringify(rows) + log.lines.join('\n');
      for (const secret of [...PERSONAL, TOKEN, OTHER, READER, '127.0.0.1']) assert.ok(!text.includes(secret), `${secret} logged`);
      assert.deepEqual(Object.keys(rows[0]).sort(), ['action', 'actor_id', 'actor_kind', 'at', 'id', 'sheet_id', 'status']);
    });

    test('retention: the purge deletes sheets and log lines past their delays, and logs itself; the CLI entry', async () => {
      const old = randomUUID();
      const saved = clock;
      clock = Date.parse('2026-01-05T10:00:00Z');
      await post(sheet(), old);
      clock = saved;
      const fresh = randomUUID();
      await post(sheet(), fresh);
      const r = await purgeLiaison(db, { retentionDays: 30, logRetentionDays: 180, now: clock });
      assert.equal(r.sheets, 1);
      assert.equal(r.logLines, 1, 'the January line of the access log');
      assert.equal(await count(old), 0);
      assert.equal(await count(fresh), 1);
      assert.ok((await db.query("SELECT 1 FROM liaison_access_log WHERE actor_kind = 'system' AND action = 'purge' AND status = 1")).length);
      // the CLI: nothing left past 30 days from now; a token printed once, stored hashed
      const lines = await liaisonCommand(db, { RELAIS_LIAISON_RETENTION_DAYS: '30' }, ['purge']);
      assert.match(lines[0], /Fiches effacées .* : 0/);
      const added = await liaisonCommand(db, {}, ['add-partner', 'mairie-nevers', '--quota', '50']);
      const token = added[1];
      assert.match(token, /^rlp_[\w-]{43}$/);
      assert.deepEqual(await db.query("SELECT quota_per_day, token_sha256 FROM liaison_partners WHERE id = 'mairie-nevers'"), [{ quota_per_day: 50, token_sha256: hashToken(token) }]);
      await liaisonCommand(db, {}, ['add-recipient', 'mdph-58', '--partners', 'mairie-nevers,ccas-clamecy', '--templates', 'orientation', '--name', 'MDPH de la Nièvre']);
      assert.deepEqual(await db.query("SELECT partners, templates FROM liaison_recipients WHERE id = 'mdph-58'"), [{ partners: ['mairie-nevers', 'ccas-clamecy'], templates: ['orientation'] }]);
      await assert.rejects(liaisonCommand(db, {}, ['add-recipient', 'vide']), /au moins un partenaire/);
      await assert.rejects(liaisonCommand(db, {}, ['add-partner', 'Pas Valide']), /Identifiant de partenaire invalide/);
      await assert.rejects(liaisonCommand(db, { RELAIS_LIAISON_RETENTION_DAYS: '0' }, ['purge']), /RELAIS_LIAISON_RETENTION_DAYS/);
      await assert.rejects(liaisonCommand(db, {}, ['inconnue']), /Commandes : liaison purge/);
    });

    test('every answer follows the OpenAPI contract (packages/core/liaison-openapi.json)', () => checkLiaisonContract(post, base));

    test('anonymous mode (demo only): no token accepted within its rate, a wrong token still refused; unconfigured: 503', async () => {
      const demo = await serve({}, { RELAIS_LIAISON_ANONYMOUS: '1', RELAIS_LIAISON_ANONYMOUS_RATE: '2' });
      const anon = () => fetch(`${demo}/api/liaison`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() }, body: JSON.stringify(sheet()) });
      assert.equal((await anon()).status, 201);
      assert.equal((await post(sheet(), randomUUID(), { authorization: 'Bearer pas-un-jeton-connu-000' }, `${demo}/api/liaison`)).status, 401);
      assert.equal((await anon()).status, 201);
      assert.equal((await anon()).status, 429);
      const none = await serve({}, {});
      const res = await post(sheet(), randomUUID(), {}, `${none}/api/liaison`);
      assert.equal(res.status, 503);
      assert.match((await res.json()).detail, /n’est pas configuré/);
    });

    test('mounted in the server\'s app (createApp) beside the sync routes: CORS preflight, receipt, recipient reading', async () => {
      const app = createApp({
        db,
        log,
        config: { corsOrigins: ['https://www.nievre.fr'], rateLimitPerMinute: 1000, trustProxy: false, shutdownTimeoutS: 5 },
        routes: [liaisonRoutes, syncRoutes],
        env: { RELAIS_LIAISON_KEY: KEY },
        basePath: '/api',
      });
      const port = await app.listen(0, '127.0.0.1');
      try {
        const origin = `http://127.0.0.1:${port}`;
        const pre = await fetch(`${origin}/api/liaison`, { method: 'OPTIONS', headers: { origin: 'https://www.nievre.fr', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' } });
        assert.ok(pre.status < 300);
        assert.match(pre.headers.get('access-control-allow-headers'), /idempotency-key/);
        const key = randomUUID();
        const res = await post(sheet(), key, { origin: 'https://www.nievre.fr' }, `${origin}/api/liaison`);
        assert.equal(res.status, 201);
        assert.equal(res.headers.get('access-control-allow-origin'), 'https://www.nievre.fr');
        assert.equal((await post(sheet(), key, {}, `${origin}/api/liaison`)).status, 409);
        const got = await fetch(`${origin}/api/liaison/${key}`, { headers: { authorization: `Bearer ${READER}` } });
        assert.equal(got.status, 200);
        assert.equal((await got.json()).values.personne_nom, 'Jeanne Martin');
        assert.equal((await fetch(`${origin}/api/liaison`)).status, 405);
        assert.equal((await fetch(`${origin}/api/sync/status`)).status, 200);
      } finally {
        await new Promise((r) => app.server.close(r));
      }
    });
  });
}
