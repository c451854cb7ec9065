// Contributions (issue 19), over real protocols: HTTP on loopback, a real OpenID Connect provider (oidc-provider)
// signed into through its own pages, a real SMTP server (smtp-server) receiving the confirmation e-mail, on PGlite and
// on PostgreSQL when RELAIS_TEST_DATABASE_URL is set. Every response is checked against the contract.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { contributionCookie, createApp, createContributionRoutes, directoryRoutes, importDataset, moderatorsCommand, readContributionsConfig, todayInFrance } from '../../dist/index.js';
import { MIGRATED, memoryLogger } from './liaison-harness.mjs';
import { checked, driveProvider, Jar, loadPayloads, OWN, signInAndMailEnv, startProvider, startSmtp, SYNCED } from './contributions-harness.mjs';

const BACK_OFFICE = 'https://moderation.departement.example.fr';
const json = { 'content-type': 'application/json' };

for (const { name, open } of MIGRATED) {
  describe(`contributions (${name})`, () => {
    let db;
    let app;
    let base;
    let smtp;
    let provider;
    const log = memoryLogger();
    const env = {};
    const payloads = [];

    before(async () => {
      db = await open();
      await importDataset(db, OWN, 'cd-58-89.json');
      await importDataset(db, SYNCED, 'data-inclusion-api:58');
      payloads.push(...(await loadPayloads()));
      smtp = await startSmtp();
      app = createApp({
        db,
        config: { corsOrigins: ['*'], rateLimitPerMinute: 0, trustProxy: false, shutdownTimeoutS: 1 },
        log,
        routes: [directoryRoutes, createContributionRoutes()],
        env,
        credentialOrigins: [BACK_OFFICE],
      });
      base = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
      provider = await startProvider(`${base}/auth/callback`);
      Object.assign(env, signInAndMailEnv({ publicUrl: base, provider, smtp }), {
        RELAIS_MODERATION_ORIGINS: BACK_OFFICE,
        RELAIS_SUGGESTIONS_PER_HOUR: '100000',
      });
      await db.query(`insert into contrib_moderators (identifiant, kind, departements) values ('claire.martin@nievre.example.fr', 'courriel', '{58}'), ('agent-89', 'sub', '{89}')`);
    });
    after(async () => {
      await app?.close();
      await smtp?.close();
      await provider?.close();
    });

    const suggest = (id, body, headers = json) => fetch(`${base}/services/${encodeURIComponent(id)}/suggestions`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
    const getService = async (id) => (await fetch(`${base}/services/${encodeURIComponent(id)}`)).json();

    /** Signs in through the provider; returns the session's jar. */
    async function signIn(account) {
      const jar = new Jar();
      const r = await fetch(`${base}/auth/login?retour=${encodeURIComponent(`${BACK_OFFICE}/moderation`)}`, { redirect: 'manual' });
      await checked('GET', '/auth/login', r);
      assert.equal(r.status, 302);
      jar.take(r);
      const auth = new URL(r.headers.get('location'));
      assert.equal(auth.origin, provider.issuer);
      for (const p of ['state', 'nonce', 'code_challenge']) assert.ok(auth.searchParams.get(p).length >= 43, `${p} long`);
      assert.equal(auth.searchParams.get('code_challenge_method'), 'S256');
      assert.equal(auth.searchParams.get('scope'), 'openid email given_name usual_name');
      assert.equal(auth.searchParams.get('acr_values'), 'eidas1');
      const callback = await driveProvider(auth.href, account, `${base}/auth/callback`);
      const c = await fetch(callback, { redirect: 'manual', headers: { cookie: jar.header() } });
      jar.take(c);
      return { jar, res: c };
    }
    const mod = (jar, extra = {}) => ({ cookie: jar.header(), origin: BACK_OFFICE, ...json, ...extra });

    test('a suggestion is stored, the record does not change (202 per the contract)', async () => {
      const before = await getService('cd58--numerique');
      const r = await suggest('cd58--numerique', { auteur: 'usager', changements: [{ champ: 'telephone', valeur: '03 86 27 99 99' }], commentaire: 'Le numéro a changé.', contact: 'lecteur@example.fr' });
      const body = await checked('POST', '/services/{id}/suggestions', r);
      assert.equal(r.status, 202);
      assert.equal(body.statut, 'en_attente');
      assert.deepEqual(await getService('cd58--numerique'), before);
      const [row] = await db.query('select changements, contact from contrib_suggestions where id = $1', [body.id]);
      assert.deepEqual(row.changements, [{ champ: 'telephone', avant: '03 86 27 00 00', apres: '03 86 27 99 99' }]);
      assert.equal(row.contact, 'lecteur@example.fr');
    });

    test('refused: wrong type 415, oversized 413, unreadable 400, invalid 422 in French, unknown service 404', async () => {
      const t = await suggest('cd58--numerique', 'auteur=usager', { 'content-type': 'application/x-www-form-urlencoded' });
      await checked('POST', '/services/{id}/suggestions', t);
      assert.equal(t.status, 415);
      const big = await suggest('cd58--numerique', { auteur: 'usager', changements: [{ champ: 'description', valeur: 'x' }], commentaire: 'é'.repeat(9000) });
      await checked('POST', '/services/{id}/suggestions', big);
      assert.equal(big.status, 413);
      const bad = await suggest('cd58--numerique', '{"auteur":');
      await checked('POST', '/services/{id}/suggestions', bad);
      assert.equal(bad.status, 400);
      const inv = await suggest('cd58--numerique', { auteur: 'robot', changements: [{ champ: 'telephone', valeur: 'appelez-moi' }, { champ: 'couleur', valeur: 'bleu' }], extra: 1 });
      const p = await checked('POST', '/services/{id}/suggestions', inv);
      assert.equal(inv.status, 422);
      const by = Object.fromEntries(p.errors.map((e) => [e.champ, e.message]));
      assert.match(by.auteur, /usager, professionnel ou structure/);
      assert.match(by['changements[0].valeur'], /Numéro de téléphone/);
      assert.match(by['changements[1].champ'], /Champ inconnu/);
      assert.equal(by.extra, 'Propriété inconnue.');
      const none = await suggest('cd58--nexiste-pas', { auteur: 'usager', changements: [{ champ: 'description', valeur: 'x' }] });
      await checked('POST', '/services/{id}/suggestions', none);
      assert.equal(none.status, 404);
    });

    test('honeypot: 202 like any suggestion, nothing stored', async () => {
      const [{ n: n0 }] = await db.query('select count(*)::int as n from contrib_suggestions');
      const r = await suggest('cd58--numerique', { auteur: 'usager', changements: [{ champ: 'description', valeur: 'Achetez maintenant' }], site_web: 'https://spam.example' });
      const body = await checked('POST', '/services/{id}/suggestions', r);
      assert.equal(r.status, 202);
      assert.equal(body.statut, 'en_attente');
      const [{ n }] = await db.query('select count(*)::int as n from contrib_suggestions');
      assert.equal(n, n0);
    });

    test('sign-in: the provider’s login and consent, a session cookie, /auth/moi; a stranger gets 403', async () => {
      const { jar, res } = await signIn('agent-58');
      assert.equal(res.status, 302);
      assert.equal(res.headers.get('location'), `${BACK_OFFICE}/moderation`);
      const set = res.headers.getSetCookie().find((c) => c.startsWith('relais_session='));
      assert.match(set, /HttpOnly/);
      assert.match(set, /SameSite=Lax/);
      assert.doesNotMatch(set, /Secure/, 'http://127.0.0.1: pas de Secure');
      // the token is stored hashed only
      const token = jar.cookies.get('relais_session');
      const [{ n }] = await db.query('select count(*)::int as n from contrib_sessions where token_sha256 = $1', [token]);
      assert.equal(n, 0);
      const me = await fetch(`${base}/auth/moi`, { headers: { cookie: jar.header() } });
      const body = await checked('GET', '/auth/moi', me);
      assert.deepEqual(body, { sub: 'agent-58', nom: 'Claire Martin', courriel: 'claire.martin@nievre.example.fr', territoires: ['58'] });
      // the provider saw the token endpoint and the userinfo endpoint (signed JWT)
      assert.ok(provider.seen.some((u) => u.pathname === '/token'));
      assert.ok(provider.seen.some((u) => u.pathname === '/me'));
      const stranger = await signIn('agent-inconnu');
      const p = await checked('GET', '/auth/callback', stranger.res);
      assert.equal(stranger.res.status, 403);
      assert.match(p.detail, /modérateur d’aucun territoire/);
      const anon = await fetch(`${base}/auth/moi`);
      await checked('GET', '/auth/moi', anon);
      assert.equal(anon.status, 401);
      // a replayed callback (login already used) is refused
      const replay = await fetch(`${base}/auth/callback?code=x&state=y`, { redirect: 'manual', headers: { cookie: jar.header() } });
      await checked('GET', '/auth/callback', replay);
      assert.equal(replay.status, 400);
      // a callback whose state was changed (CSRF): refused, no session
      const forged = new Jar();
      const l = await fetch(`${base}/auth/login?retour=${encodeURIComponent(`${BACK_OFFICE}/x`)}`, { redirect: 'manual' });
      forged.take(l);
      const cb = new URL(await driveProvider(l.headers.get('location'), 'agent-58', `${base}/auth/callback`));
      cb.searchParams.set('state', 'x'.repeat(43));
      const f = await fetch(cb, { redirect: 'manual', headers: { cookie: forged.header() } });
      await checked('GET', '/auth/callback', f);
      assert.equal(f.status, 400);
      assert.ok(!f.headers.getSetCookie().some((c) => c.startsWith('relais_session=')));
      // CORS with credentials for the back office only
      const cors = await fetch(`${base}/auth/moi`, { headers: { cookie: jar.header(), origin: BACK_OFFICE } });
      assert.equal(cors.headers.get('access-control-allow-origin'), BACK_OFFICE);
      assert.equal(cors.headers.get('access-control-allow-credentials'), 'true');
      const preflight = await fetch(`${base}/contributions/x/acceptation`, { method: 'OPTIONS', headers: { origin: BACK_OFFICE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-credentials'), 'true');
      assert.match(preflight.headers.get('access-control-allow-headers'), /content-type/);
      const other = await fetch(`${base}/auth/moi`, { headers: { cookie: jar.header(), origin: 'https://autre.example' } });
      assert.equal(other.headers.get('access-control-allow-credentials'), null);
      const bad = await fetch(`${base}/auth/login?retour=${encodeURIComponent('https://evil.example/')}`, { redirect: 'manual' });
      await checked('GET', '/auth/login', bad);
      assert.equal(bad.status, 400);
    });

    test('suggestion → moderator accepts → the directory shows the new phone and today’s date; history who and when', async () => {
      const r = await suggest('cd58--numerique', { auteur: 'professionnel', changements: [{ champ: 'telephone', valeur: '03 86 27 12 34' }, { champ: 'horaires_accueil', valeur: 'Mo-Fr 09:00-12:00' }], contact: 'pro@example.fr' });
      const { id } = await checked('POST', '/services/{id}/suggestions', r);
      const { jar } = await signIn('agent-58');
      const list = await fetch(`${base}/contributions`, { headers: { cookie: jar.header() } });
      const page = await checked('GET', '/contributions', list);
      const item = page.items.find((c) => c.id === id);
      assert.equal(item.modifiable, true);
      assert.equal(item.contact, 'pro@example.fr');
      assert.deepEqual(
        item.changements.map((c) => [c.champ, c.libelle, c.avant, c.apres]),
        [
          ['telephone', 'Téléphone', '03 86 27 00 00', '03 86 27 12 34'],
          ['horaires_accueil', 'Horaires d’accueil', null, 'Mo-Fr 09:00-12:00'],
        ],
      );
      const t0 = Date.now();
      const n0 = smtp.messages.length;
      const a = await fetch(`${base}/contributions/${id}/acceptation`, { method: 'POST', headers: mod(jar), body: JSON.stringify({ champs: ['telephone'] }) });
      const acc = await checked('POST', '/contributions/{id}/acceptation', a);
      assert.equal(a.status, 200, JSON.stringify(acc));
      assert.equal(acc.contribution.statut, 'acceptee');
      assert.deepEqual(acc.contribution.decision.champs, ['telephone']);
      assert.equal(acc.contribution.decision.par, 'Claire Martin');
      assert.equal(acc.contribution.contact, null, 'contact effacé après la décision');
      const s = await getService('cd58--numerique');
      assert.equal(s.service.telephone, '03 86 27 12 34');
      assert.equal(s.service.horaires_accueil, null, 'champ non retenu');
      assert.equal(s.service.date_maj, todayInFrance());
      const h = await fetch(`${base}/services/cd58--numerique/historique`, { headers: { cookie: jar.header() } });
      const hist = await checked('GET', '/services/{id}/historique', h);
      assert.equal(hist.items[0].par, 'Claire Martin');
      assert.equal(hist.items[0].type, 'modification');
      assert.deepEqual([hist.items[0].champ, hist.items[0].avant, hist.items[0].apres, hist.items[0].contribution_id], ['telephone', '03 86 27 00 00', '03 86 27 12 34', id]);
      assert.ok(Math.abs(Date.parse(hist.items[0].le) - t0) < 60_000);
      // the notice reached the author
      const mail = await smtp.next(n0 + 1);
      assert.equal(mail.to.text, 'pro@example.fr');
      assert.match(mail.text, /a été acceptée/);
      // decided once
      const again = await fetch(`${base}/contributions/${id}/acceptation`, { method: 'POST', headers: mod(jar), body: '{}' });
      await checked('POST', '/contributions/{id}/acceptation', again);
      assert.equal(again.status, 409);
    });

    test('reject needs a reason; the reason is kept; 409 once decided', async () => {
      const r = await suggest('cd58--epicerie', { auteur: 'usager', changements: [{ champ: 'description', valeur: 'Fermé le lundi' }] });
      const { id } = await checked('POST', '/services/{id}/suggestions', r);
      const { jar } = await signIn('agent-58');
      const none = await fetch(`${base}/contributions/${id}/refus`, { method: 'POST', headers: mod(jar), body: JSON.stringify({ motif: '  ' }) });
      const p = await checked('POST', '/contributions/{id}/refus', none);
      assert.equal(none.status, 422);
      assert.match(p.errors[0].message, /motif/);
      const ok = await fetch(`${base}/contributions/${id}/refus`, { method: 'POST', headers: mod(jar), body: JSON.stringify({ motif: 'Information non vérifiable' }) });
      const body = await checked('POST', '/contributions/{id}/refus', ok);
      assert.equal(body.contribution.statut, 'refusee');
      assert.equal(body.contribution.decision.motif, 'Information non vérifiable');
      const s = await getService('cd58--epicerie');
      assert.equal(s.service.description, 'Aide aux démarches en ligne.');
      const list = await checked('GET', '/contributions', await fetch(`${base}/contributions?statut=refusee`, { headers: { cookie: jar.header() } }));
      assert.ok(list.items.some((c) => c.id === id));
      const again = await fetch(`${base}/contributions/${id}/refus`, { method: 'POST', headers: mod(jar), body: JSON.stringify({ motif: 'encore' }) });
      await checked('POST', '/contributions/{id}/refus', again);
      assert.equal(again.status, 409);
    });

    test('territories: a moderator of 89 cannot act on 58; origin, type and session are required', async () => {
      const r = await suggest('cd58--permanence', { auteur: 'usager', changements: [{ champ: 'description', valeur: 'Sur rendez-vous' }] });
      const { id } = await checked('POST', '/services/{id}/suggestions', r);
      const { jar } = await signIn('agent-89');
      const a = await fetch(`${base}/contributions/${id}/acceptation`, { method: 'POST', headers: mod(jar), body: '{}' });
      await checked('POST', '/contributions/{id}/acceptation', a);
      assert.equal(a.status, 403);
      const l = await fetch(`${base}/contributions?departement=58`, { headers: { cookie: jar.header() } });
      await checked('GET', '/contributions', l);
      assert.equal(l.status, 403);
      const mine = await checked('GET', '/contributions', await fetch(`${base}/contributions`, { headers: { cookie: jar.header() } }));
      assert.ok(!mine.items.some((c) => c.departement === '58'));
      const h = await fetch(`${base}/services/cd58--permanence/historique`, { headers: { cookie: jar.header() } });
      await checked('GET', '/services/{id}/historique', h);
      assert.equal(h.status, 403);
      const noOrigin = await fetch(`${base}/contributions/${id}/acceptation`, { method: 'POST', headers: { cookie: jar.header(), ...json }, body: '{}' });
      await checked('POST', '/contributions/{id}/acceptation', noOrigin);
      assert.equal(noOrigin.status, 403);
      const form = await fetch(`${base}/contributions/${id}/refus`, { method: 'POST', headers: { ...mod(jar), 'content-type': 'application/x-www-form-urlencoded' }, body: 'motif=x' });
      await checked('POST', '/contributions/{id}/refus', form);
      assert.equal(form.status, 415);
      const anon = await fetch(`${base}/contributions/${id}/refus`, { method: 'POST', headers: { origin: BACK_OFFICE, ...json }, body: '{"motif":"x"}' });
      await checked('POST', '/contributions/{id}/refus', anon);
      assert.equal(anon.status, 401);
      const s = await getService('cd58--permanence');
      assert.equal(s.service.description, 'Aide aux démarches en ligne.', 'rien n’a changé');
    });

    test('a synced record is not modified: 409, modifiable false, lien_source given', async () => {
      const r = await suggest('dora--jeunes', { auteur: 'structure', changements: [{ champ: 'telephone', valeur: '03 86 00 11 22' }] });
      const { id } = await checked('POST', '/services/{id}/suggestions', r);
      const { jar } = await signIn('agent-58');
      const page = await checked('GET', '/contributions', await fetch(`${base}/contributions?taille=100`, { headers: { cookie: jar.header() } }));
      const item = page.items.find((c) => c.id === id);
      assert.equal(item.modifiable, false);
      assert.equal(item.lien_source, 'https://dora.inclusion.beta.gouv.fr/structures/mission-locale');
      const a = await fetch(`${base}/contributions/${id}/acceptation`, { method: 'POST', headers: mod(jar), body: '{}' });
      const p = await checked('POST', '/contributions/{id}/acceptation', a);
      assert.equal(a.status, 409);
      assert.match(p.detail, /dora/);
      assert.equal((await getService('dora--jeunes')).service.telephone, null);
    });

    test('« a déménagé » updates the address; « n’existe plus » removes the service from the search, the row stays', async () => {
      const { jar } = await signIn('agent-58');
      const m = await checked('POST', '/services/{id}/suggestions', await suggest('cd58--epicerie', { auteur: 'structure', changements: [{ champ: 'demenage', valeur: '4 rue du Pont, 58500 Clamecy' }] }));
      const am = await fetch(`${base}/contributions/${m.id}/acceptation`, { method: 'POST', headers: mod(jar), body: '{}' });
      await checked('POST', '/contributions/{id}/acceptation', am);
      const s = (await getService('cd58--epicerie')).service;
      assert.deepEqual([s.adresse, s.code_postal, s.commune, s.code_insee], ['4 rue du Pont', '58500', 'Clamecy', '58079']);
      const f = await checked('POST', '/services/{id}/suggestions', await suggest('cd58--epicerie', { auteur: 'usager', changements: [{ champ: 'ferme', valeur: '' }] }));
      const af = await fetch(`${base}/contributions/${f.id}/acceptation`, { method: 'POST', headers: mod(jar), body: '{}' });
      await checked('POST', '/contributions/{id}/acceptation', af);
      assert.equal(af.status, 200);
      assert.equal((await fetch(`${base}/services/cd58--epicerie`)).status, 404);
      const search = await (await fetch(`${base}/services?q=epicerie`)).json();
      assert.ok(!search.items.some((i) => i.service.id === 'cd58--epicerie'));
      const [row] = await db.query('select closed_at is not null as closed from directory_services where id = $1', ['cd58--epicerie']);
      assert.equal(row.closed, true);
      const late = await suggest('cd58--epicerie', { auteur: 'usager', changements: [{ champ: 'description', valeur: 'x' }] });
      assert.equal(late.status, 404);
    });

    test('confirmation: e-mail through SMTP, its one-time link, the page (no script, strict CSP), confirm → date_maj today; reuse → 410', async () => {
      const { jar } = await signIn('agent-58');
      const n0 = smtp.messages.length;
      const r = await fetch(`${base}/services/cd58--permanence/demande-confirmation`, { method: 'POST', headers: mod(jar) });
      const body = await checked('POST', '/services/{id}/demande-confirmation', r);
      assert.equal(r.status, 202, JSON.stringify(body));
      assert.equal(body.envoyee_a, 'a***@mairie.example.fr');
      const days = (Date.parse(body.expire_le) - Date.now()) / 86_400_000;
      assert.ok(days > 29.9 && days <= 30, `30 jours (${days})`);
      const mail = await smtp.next(n0 + 1);
      assert.equal(mail.to.text, 'accueil@mairie.example.fr');
      assert.match(mail.subject, /Permanence logement/);
      assert.ok(mail.html && mail.text, 'texte et HTML');
      assert.doesNotMatch(mail.html, /<img/i, 'aucune image, aucun pixel');
      const link = /(http:\/\/127\.0\.0\.1:\d+\/confirmation\/[\w-]+)/.exec(mail.text)[1];
      assert.ok(mail.html.includes(`href="${link}"`));
      // only the hash is stored
      const token = link.split('/').pop();
      const [{ n }] = await db.query('select count(*)::int as n from contrib_confirmation_tokens where token_sha256 = $1', [token]);
      assert.equal(n, 0);
      const page = await fetch(link);
      const html = await checked('GET', '/confirmation/{jeton}', page);
      assert.equal(page.status, 200);
      const csp = page.headers.get('content-security-policy');
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /form-action 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.doesNotMatch(html, /<script/i);
      assert.match(html, /<html lang="fr">/);
      assert.match(html, /Permanence logement/);
      // the page's form (urlencoded), as a browser sends it
      const c = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'action=confirmer' });
      const done = await checked('POST', '/confirmation/{jeton}', c);
      assert.equal(c.status, 200);
      assert.match(done, /la fiche est confirmée/);
      assert.equal((await getService('cd58--permanence')).service.date_maj, todayInFrance());
      const hist = await checked('GET', '/services/{id}/historique', await fetch(`${base}/services/cd58--permanence/historique`, { headers: { cookie: jar.header() } }));
      assert.equal(hist.items[0].type, 'confirmation');
      assert.equal(hist.items[0].par, 'la structure');
      // one use
      const again = await fetch(link);
      await checked('GET', '/confirmation/{jeton}', again);
      assert.equal(again.status, 410);
      const post = await fetch(link, { method: 'POST', headers: json, body: JSON.stringify({ action: 'confirmer' }) });
      await checked('POST', '/confirmation/{jeton}', post);
      assert.equal(post.status, 410);
      // no address on the record nor its structure → 409; a synced record → 409
      const none = await fetch(`${base}/services/cd89--numerique/demande-confirmation`, { method: 'POST', headers: mod((await signIn('agent-89')).jar) });
      await checked('POST', '/services/{id}/demande-confirmation', none);
      assert.equal(none.status, 409);
      const synced = await fetch(`${base}/services/dora--jeunes/demande-confirmation`, { method: 'POST', headers: mod(jar) });
      await checked('POST', '/services/{id}/demande-confirmation', synced);
      assert.equal(synced.status, 409);
    });

    test('a correction through the link becomes a suggestion of the structure (the record waits for the moderator)', async () => {
      const { jar } = await signIn('agent-58');
      const n0 = smtp.messages.length;
      await checked('POST', '/services/{id}/demande-confirmation', await fetch(`${base}/services/cd58--numerique/demande-confirmation`, { method: 'POST', headers: mod(jar) }));
      const link = /(http:\/\/\S+\/confirmation\/[\w-]+)/.exec((await smtp.next(n0 + 1)).text)[1];
      const before = await getService('cd58--numerique');
      const bad = await fetch(link, { method: 'POST', headers: json, body: JSON.stringify({ action: 'corriger', changements: [{ champ: 'courriel', valeur: 'pas une adresse' }] }) });
      await checked('POST', '/confirmation/{jeton}', bad);
      assert.equal(bad.status, 422);
      const r = await fetch(link, { method: 'POST', headers: json, body: JSON.stringify({ action: 'corriger', changements: [{ champ: 'description', valeur: 'Ateliers le mardi.' }] }) });
      const body = await checked('POST', '/confirmation/{jeton}', r);
      assert.deepEqual(body, { statut: 'correction_recue' });
      assert.deepEqual(await getService('cd58--numerique'), before);
      const page = await checked('GET', '/contributions', await fetch(`${base}/contributions?taille=100`, { headers: { cookie: jar.header() } }));
      const item = page.items.find((c) => c.service_id === 'cd58--numerique' && c.auteur === 'structure');
      assert.equal(item.changements[0].apres, 'Ateliers le mardi.');
    });

    test('hostile payloads (security corpus) are refused or stored inert; the confirmation page escapes them', async () => {
      const statuses = {};
      const stored = [];
      for (const p of payloads) {
        const r = await suggest('cd58--recent', { auteur: 'usager', changements: [{ champ: 'description', valeur: p.value }], commentaire: p.value });
        const body = await checked('POST', '/services/{id}/suggestions', r);
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        assert.ok([202, 413, 422].includes(r.status), `${p.id} : ${r.status}`);
        if (r.status === 202) stored.push([p, body.id]);
      }
      assert.ok(stored.length >= payloads.length - 6, JSON.stringify(statuses));
      for (const [p, id] of stored) {
        const [row] = await db.query('select changements, commentaire from contrib_suggestions where id = $1', [id]);
        assert.equal(row.changements[0].apres, p.value.trim(), `${p.id} gardé tel quel`);
        assert.equal(row.commentaire, p.value.trim());
      }
      // a record whose texts carry the markup payloads: the page shows them as text
      const markup = payloads.filter((p) => ['html', 'attribute', 'svg', 'css', 'template'].includes(p.kind));
      await importDataset(
        db,
        {
          structures: [{ ...OWN.structures[0], id: 'cd58--hostile', nom: `CCAS ${markup[3].value}`, description: markup.map((p) => p.value).join(' ') }],
          services: [{ ...OWN.services[2], id: 'cd58--hostile-svc', structure_id: 'cd58--hostile', nom: `Service ${markup[0].value}`, description: markup.map((p) => p.value).join('\n'), horaires_accueil: markup[1].value, telephone: markup[2].value }],
        },
        'hostile.json',
      );
      const { jar } = await signIn('agent-58');
      const n0 = smtp.messages.length;
      const r = await fetch(`${base}/services/cd58--hostile-svc/demande-confirmation`, { method: 'POST', headers: mod(jar) });
      const sent = await checked('POST', '/services/{id}/demande-confirmation', r);
      assert.equal(r.status, 202, JSON.stringify(sent));
      const mail = await smtp.next(n0 + 1);
      for (const html of [mail.html]) {
        assert.doesNotMatch(html, /<script/i);
        assert.doesNotMatch(html, /<img/i);
      }
      const link = /(http:\/\/\S+\/confirmation\/[\w-]+)/.exec(mail.text)[1];
      const html = await (await fetch(link)).text();
      // every tag and attribute of the page is the page's own: the payloads only ever appear as text or quoted values
      const TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'h1', 'p', 'dl', 'dt', 'dd', 'em', 'form', 'input', 'button', 'fieldset', 'legend', 'label', 'textarea', 'span']);
      const ATTRS = new Set(['lang', 'charset', 'name', 'content', 'method', 'type', 'value', 'id', 'for', 'class', 'rows', 'maxlength', 'aria-describedby', 'role']);
      for (const [, tag, attrs] of html.matchAll(/<([a-z][a-z0-9]*)([^>]*)>/gi)) {
        assert.ok(TAGS.has(tag.toLowerCase()), `balise <${tag}>`);
        const rest = attrs.replace(/\s([a-z-]+)="[^"]*"/gi, (_m, n) => {
          assert.ok(ATTRS.has(n.toLowerCase()), `attribut ${n} sur <${tag}>`);
          return '';
        });
        assert.equal(rest.trim(), '', `attribut hors guillemets sur <${tag}>`);
      }
      const pwn = html.split('PWN').length - 1;
      assert.ok(pwn >= markup.length, `les charges sont affichées comme du texte (${pwn})`);
    });

    test('freshness: own records not updated for 12 months, oldest first; counts per structure and author', async () => {
      const { jar } = await signIn('agent-58');
      const f = await fetch(`${base}/fraicheur?mois=12`, { headers: { cookie: jar.header() } });
      const page = await checked('GET', '/fraicheur', f);
      const ids = page.items.map((i) => i.service_id);
      assert.ok(!ids.includes('cd58--recent'), 'récent');
      assert.ok(!ids.includes('cd58--numerique') && !ids.includes('cd58--permanence'), 'mis à jour ou confirmé aujourd’hui');
      assert.ok(!ids.includes('dora--jeunes'), 'fiche synchronisée');
      assert.ok(!ids.some((i) => i.startsWith('cd89')), 'autre département');
      assert.ok(ids.includes('cd58--hostile-svc'));
      const dates = page.items.map((i) => i.date_maj);
      assert.deepEqual(dates, [...dates].sort());
      const bad = await fetch(`${base}/fraicheur?mois=0`, { headers: { cookie: jar.header() } });
      await checked('GET', '/fraicheur', bad);
      assert.equal(bad.status, 400);
      const st = await checked('GET', '/statistiques/contributions', await fetch(`${base}/statistiques/contributions?departement=58`, { headers: { cookie: jar.header() } }));
      const clamecy = st.par_structure.find((s) => s.structure_id === 'cd58--ccas-clamecy');
      const [{ n }] = await db.query(`select count(*)::int as n from contrib_suggestions where structure_id = 'cd58--ccas-clamecy'`);
      assert.equal(clamecy.suggestions, n);
      assert.equal(clamecy.structure_nom, 'CCAS de Clamecy');
      assert.ok(clamecy.acceptees >= 3 && clamecy.refusees >= 1 && clamecy.confirmations >= 1, JSON.stringify(clamecy));
      const [{ u }] = await db.query(`select count(*)::int as u from contrib_suggestions where departement = '58' and auteur = 'usager'`);
      assert.equal(st.par_auteur.usager, u);
      const forbidden = await fetch(`${base}/statistiques/contributions?departement=89`, { headers: { cookie: jar.header() } });
      await checked('GET', '/statistiques/contributions', forbidden);
      assert.equal(forbidden.status, 403);
    });

    test('REST search: tri=date_maj lists the most recently updated first (the SDK’s « Fiches vérifiées récemment »)', async () => {
      const r = await fetch(`${base}/services?tri=date_maj&size=50`);
      assert.equal(r.status, 200);
      const dates = (await r.json()).items.map((i) => i.service.date_maj);
      assert.ok(dates.length > 3);
      assert.ok(new Set(dates).size > 1, 'several dates');
      assert.deepEqual(dates, [...dates].sort().reverse());
      const bad = await fetch(`${base}/services?tri=fraicheur`);
      assert.equal(bad.status, 400);
    });

    test('logout closes the session', async () => {
      const { jar } = await signIn('agent-58');
      const out = await fetch(`${base}/auth/logout`, { method: 'POST', headers: mod(jar) });
      await checked('POST', '/auth/logout', out);
      assert.equal(out.status, 204);
      const me = await fetch(`${base}/auth/moi`, { headers: { cookie: jar.header() } });
      assert.equal(me.status, 401);
    });

    test('1 000 suggestions from one address: 10 accepted (the hourly limit), then 429 with Retry-After', async () => {
      const limitedEnv = { ...env, RELAIS_SUGGESTIONS_PER_HOUR: '10' };
      const limited = createApp({ db, config: { corsOrigins: [], rateLimitPerMinute: 0, trustProxy: false, shutdownTimeoutS: 1 }, log, routes: [createContributionRoutes()], env: limitedEnv });
      const url = `http://127.0.0.1:${await limited.listen(0, '127.0.0.1')}`;
      const [{ n: n0 }] = await db.query('select count(*)::int as n from contrib_suggestions');
      const t0 = performance.now();
      const counts = {};
      let retryAfter = null;
      const body = JSON.stringify({ auteur: 'usager', changements: [{ champ: 'description', valeur: 'spam' }] });
      for (let i = 0; i < 1000; i += 50) {
        const batch = await Promise.all(Array.from({ length: 50 }, () => fetch(`${url}/services/cd58--numerique/suggestions`, { method: 'POST', headers: json, body })));
        for (const r of batch) {
          counts[r.status] = (counts[r.status] ?? 0) + 1;
          if (r.status === 429) retryAfter ??= r.headers.get('retry-after');
          await r.arrayBuffer();
        }
      }
      const ms = performance.now() - t0;
      // this app was given no credentialOrigins: RELAIS_MODERATION_ORIGINS of its env applies
      const pre = await fetch(`${url}/auth/moi`, { method: 'OPTIONS', headers: { origin: BACK_OFFICE, 'access-control-request-method': 'GET' } });
      assert.equal(pre.status, 204);
      assert.equal(pre.headers.get('access-control-allow-credentials'), 'true');
      // the server only: the database is the suite's
      await new Promise((r) => {
        limited.server.close(r);
        limited.server.closeAllConnections();
      });
      const [{ n }] = await db.query('select count(*)::int as n from contrib_suggestions');
      console.log(`# ${name}: 1 000 suggestions d’une adresse → ${JSON.stringify(counts)} en ${Math.round(ms)} ms`);
      assert.deepEqual(counts, { 202: 10, 429: 990 });
      assert.equal(n - n0, 10);
      assert.ok(Number(retryAfter) > 0 && Number(retryAfter) <= 3600);
    });

    test('moderators command (relais-server moderateurs ajouter | lister | retirer): roles take effect at once', async () => {
      const { jar } = await signIn('agent-89');
      assert.deepEqual((await (await fetch(`${base}/auth/moi`, { headers: { cookie: jar.header() } })).json()).territoires, ['89']);
      assert.match((await moderatorsCommand(db, ['ajouter', 'agent-89', '--departements', '89,58']))[0], /départements 89, 58/);
      assert.deepEqual((await (await fetch(`${base}/auth/moi`, { headers: { cookie: jar.header() } })).json()).territoires, ['58', '89']);
      const lines = await moderatorsCommand(db, ['lister']);
      assert.ok(lines.includes('agent-89\tsub\t89,58'));
      assert.ok(lines.includes('claire.martin@nievre.example.fr\tcourriel\t58'));
      await assert.rejects(moderatorsCommand(db, ['ajouter', 'x@y.fr', '--departements', 'Nièvre']), /codes de département/);
      assert.match((await moderatorsCommand(db, ['retirer', 'agent-89']))[0], /retiré/);
      const gone = await fetch(`${base}/contributions`, { headers: { cookie: jar.header() } });
      await checked('GET', '/contributions', gone);
      assert.equal(gone.status, 403, 'plus aucun territoire');
    });

    test('logs: events and counts, no personal data (no contact, name, e-mail, phone, token, IP address)', () => {
      const all = log.lines.join('\n');
      assert.ok(log.lines.some((l) => l.includes('suggestion_stored')) && log.lines.some((l) => l.includes('"sign_in"')));
      for (const secret of ['lecteur@example.fr', 'pro@example.fr', 'Claire', 'Martin', 'nievre.example.fr', 'mairie.example.fr', '03 86', '127.0.0.1', 'relais_session', 'PWN', 'cd58--numerique']) {
        assert.ok(!all.includes(secret), `journal : ${secret}`);
      }
    });
  });
}

describe('contributions settings', () => {
  test('defaults, ProConnect scopes, and French errors naming the variable', () => {
    const c = readContributionsConfig({ RELAIS_PUBLIC_URL: 'https://annuaire.nievre.fr/api/', RELAIS_OIDC_ISSUER: 'https://proconnect.gouv.fr/api/v2', RELAIS_OIDC_CLIENT_ID: 'id', RELAIS_OIDC_CLIENT_SECRET: 's' });
    assert.equal(c.publicUrl, 'https://annuaire.nievre.fr/api');
    assert.equal(c.oidc.scopes, 'openid email given_name usual_name');
    assert.equal(c.oidc.tokenAuth, 'client_secret_post');
    assert.equal(c.suggestionsPerHour, 10);
    assert.equal(c.confirmationDays, 30);
    assert.throws(() => readContributionsConfig({ RELAIS_PUBLIC_URL: 'http://annuaire.nievre.fr' }), /RELAIS_PUBLIC_URL/);
    assert.throws(() => readContributionsConfig({ RELAIS_MODERATION_ORIGINS: 'https://a.fr/chemin' }), /RELAIS_MODERATION_ORIGINS/);
    assert.throws(() => readContributionsConfig({ RELAIS_OIDC_ISSUER: 'https://op.example' }), /RELAIS_OIDC_CLIENT_ID/);
    assert.throws(() => readContributionsConfig({ RELAIS_SMTP_URL: 'smtp://h:25' }), /RELAIS_SMTP_FROM/);
    assert.throws(() => readContributionsConfig({ RELAIS_SUGGESTIONS_PER_HOUR: 'dix' }), /RELAIS_SUGGESTIONS_PER_HOUR/);
  });

  test('session cookie: HttpOnly, Lax, Secure except on http://localhost; None + Secure for a back office on another site', () => {
    const local = readContributionsConfig({ RELAIS_PUBLIC_URL: 'http://localhost:8787/api' });
    assert.equal(contributionCookie(local, 'relais_session', 't', 60), 'relais_session=t; Path=/api; Max-Age=60; HttpOnly; SameSite=Lax');
    const site = readContributionsConfig({ RELAIS_PUBLIC_URL: 'https://annuaire.nievre.fr' });
    assert.equal(contributionCookie(site, 'relais_session', 't', 60), 'relais_session=t; Path=/; Max-Age=60; HttpOnly; SameSite=Lax; Secure');
    const cross = readContributionsConfig({ RELAIS_PUBLIC_URL: 'https://annuaire.nievre.fr', RELAIS_SESSION_CROSS_SITE: '1' });
    assert.equal(contributionCookie(cross, 'relais_session', 't', 60), 'relais_session=t; Path=/; Max-Age=60; HttpOnly; SameSite=None; Secure');
    // the sign-in in progress stays Lax: it comes back through a top-level redirect
    assert.match(contributionCookie(cross, 'relais_connexion', 't', 60, true), /SameSite=Lax; Secure$/);
  });
});
