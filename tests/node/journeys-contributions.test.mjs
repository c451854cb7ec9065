// The collaborative directory end to end (issue 19, « Done when »), with the real server and no double:
// @relais/server on PGlite (memory) with a small data set of the département's own records (source `cd58`), a real
// OpenID Connect provider (oidc-provider, signed into through its own login and consent pages in the browser) and a
// real SMTP server (smtp-server), both from the server tests' harness; the pages use the built CDN files
// (packages/relais/dist/cdn, `node scripts/build.mjs`) under a strict CSP, in Debian's Chromium.
//
// Deployment mirrored (what a département runs): the API on its own origin, under a path of its reverse proxy
// (http://127.0.0.1:<api>/api, « relais.departement.fr/api »); the public directory embedded in the département's
// website, another site (http://localhost:<pages>): it needs no cookie, only the API's public CORS (`*`); the back
// office on a sibling origin of the API (http://127.0.0.1:<pages>, « moderation.departement.fr »), declared in
// RELAIS_MODERATION_ORIGINS: cross-origin but same-site, so the session cookie (HttpOnly, SameSite=Lax, Path=/api)
// travels with `credentials: 'include'`, CORS allows credentials for that origin only, and no third-party cookie is
// needed (browsers block them). Ports do not count for cookies' sites, as sub-domains of one registrable domain.
//
// 1. A person, keyboard only, opens a service, « Signaler une erreur », proposes a new phone number, sends, hears the
//    thanks; the moderator signs in, sees before/after, accepts; the directory shows the new number and « Mis à jour
//    le <today> »; the history (moderator's session, cross-origin) shows who and when. axe on both pages.
// 2. An entry not confirmed for 12 months shows « À vérifier »; the moderator asks for a confirmation; the e-mail
//    reaches the SMTP server; its link, opened in the browser, confirms; the badge is gone (checked at 375 px).
// DEBUG_JOURNEY=1 prints the pages' console.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, createContributionRoutes, directoryRoutes, importDataset, migrate, openPglite, todayInFrance } from '../../packages/server/dist/index.js';
import { SPEC, signInAndMailEnv, startProvider, startSmtp } from '../../packages/server/test/node/contributions-harness.mjs';
import { validate } from '../server/openapi-check.mjs';
import { launchChromium } from '../../scripts/browser.mjs';
import { keepPageOffline } from '../../scripts/offline-tiles.mjs';

const CDN = resolve(fileURLToPath(new URL('../../packages/relais/dist/cdn', import.meta.url)));
const axeSource = readFileSync(fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)), 'utf8');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.map': 'application/json' };
const today = todayInFrance();
const monthsAgo = (n) => {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 10);
};
/** « 2 décembre 2026 » (« 1er » on the first), as the directory writes it. */
const frenchDate = (iso) => new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`)).replace(/^1 /, '1er ');

const structure = { source: 'cd58', id: 'cd58--ccas-clamecy', nom: 'CCAS de Clamecy', date_maj: monthsAgo(2), adresse: '1 place de la Mairie', commune: 'Clamecy', code_postal: '58500', code_insee: '58079', latitude: 47.46, longitude: 3.52, telephone: '03 86 00 00 00', courriel: 'accueil@clamecy.example.fr' };
const service = (id, nom, extra) => ({ source: 'cd58', id, structure_id: structure.id, nom, description: 'Accueil et accompagnement.', date_maj: monthsAgo(2), type: 'accompagnement', thematiques: ['numerique--acceder-a-des-services-en-ligne'], frais: 'gratuit', publics: ['tous-publics'], modes_accueil: ['en-presentiel'], zone_eligibilite: [], code_insee: '58079', code_postal: '58500', commune: 'Clamecy', ...extra });
const DATA = {
  structures: [structure],
  services: [
    service('cd58--numerique', 'Point numérique de Clamecy', { telephone: '03 86 27 00 00' }),
    service('cd58--permanence', 'Permanence logement de Clamecy', { date_maj: '2023-01-15' }),
    service('cd58--epicerie', 'Épicerie solidaire de Clamecy', {}),
  ],
};
const NEW_PHONE = '03 86 99 88 77';

let db, app, api, apiOrigin, smtp, provider, pages, browser;
let directoryUrl, moderationUrl, pagesOrigin;
const violations = [];

before(async () => {
  db = await openPglite();
  await migrate(db);
  await importDataset(db, DATA, 'cd58.json');
  await db.query(`insert into contrib_moderators (identifiant, kind, departements) values ('claire.martin@nievre.example.fr', 'courriel', '{58}')`);
  smtp = await startSmtp();
  pages = createServer(servePages);
  await new Promise((r) => pages.listen(0, '127.0.0.1', r));
  const port = pages.address().port;
  pagesOrigin = `http://127.0.0.1:${port}`;
  // as a deployment sets it: the back office's origin, read when the app is created (CORS with credentials)
  const env = { RELAIS_MODERATION_ORIGINS: pagesOrigin };
  app = createApp({
    db,
    // the directory is public (any site may embed it); credentials only for the back office
    config: { corsOrigins: ['*'], rateLimitPerMinute: 0, trustProxy: false, shutdownTimeoutS: 1 },
    log: { info() {}, warn() {}, error() {} },
    routes: [directoryRoutes, createContributionRoutes()],
    env,
    // behind the département's reverse proxy, under a path
    basePath: '/api',
  });
  apiOrigin = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
  api = `${apiOrigin}/api`;
  provider = await startProvider(`${api}/auth/callback`);
  Object.assign(env, signInAndMailEnv({ publicUrl: api, provider, smtp }));
  directoryUrl = `http://localhost:${port}/annuaire.html`;
  moderationUrl = `${pagesOrigin}/moderation.html`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await app?.close();
  await smtp?.close();
  await provider?.close();
  pages?.close();
  await db?.close?.();
});

/** The département's pages: the directory, the back office, the CDN files; a strict CSP (no inline, no eval). */
async function servePages(req, res) {
  const path = new URL(req.url, 'http://x').pathname;
  const csp = `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self' ${apiOrigin}; form-action 'none'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'`;
  const page = (title, body) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><script type="module" src="/cdn/relais.js"></script></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
  let body = null;
  let type = TYPES['.html'];
  if (path === '/annuaire.html') body = page('Annuaire des services de la Nièvre', `<relais-directory source="rest" base-url="${api}" departements="58"></relais-directory>`);
  else if (path === '/moderation.html') body = page('Modération de l’annuaire', `<relais-contributions endpoint="${api}" departement="58"></relais-contributions>`);
  else if (path.startsWith('/cdn/')) {
    const file = normalize(join(CDN, decodeURIComponent(path.slice(5))));
    if (file.startsWith(CDN + sep)) body = await readFile(file).catch(() => null);
    type = TYPES[extname(file)] ?? 'application/octet-stream';
  }
  if (!body) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': type, 'content-security-policy': csp, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
  res.end(body);
}

/** A page that records CSP violations and script errors. */
async function open(url, width = 1280, context = browser) {
  const page = context === browser ? await browser.newPage() : await keepPageOffline(await context.newPage());
  await page.setViewport({ width, height: width < 600 ? 800 : 900 });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => (window.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('pageerror', (e) => violations.push(`pageerror ${e.message}`));
  if (process.env.DEBUG_JOURNEY) page.on('console', (m) => console.log(`[${width}] ${m.type()} ${m.text()} ${m.location()?.url ?? ''}`));
  await page.goto(url);
  return page;
}
const cspOf = async (page) => (await page.evaluate(() => window.__csp ?? [])).filter((v) => !v.includes(provider.issuer));

async function axe(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

/** In the directory's shadow root. */
const inRoot = (tag) => (page, fn, ...args) => page.evaluate(`(${fn})(document.querySelector('${tag}').shadowRoot, ...${JSON.stringify(args)})`);
const dir = inRoot('relais-directory');
const contrib = inRoot('relais-contributions');
const activeId = (page) => dir(page, (root) => root.activeElement?.id || root.activeElement?.className || '');

async function results(page) {
  await page.waitForFunction(() => document.querySelector('relais-directory')?.shadowRoot?.querySelectorAll('.item .title-link').length >= 3, { timeout: 15000 });
}

/** Tabs (keyboard) until `pred(root)` holds in the element's shadow root; fails after `max` presses. */
async function tabTo(page, what, pred, max = 80, within = dir) {
  for (let i = 0; i < max; i++) {
    if (await within(page, pred)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`clavier : ${what} jamais atteint`);
}

/** Opens the back office and signs in through the provider's own login and consent pages. */
async function signIn(width = 1280) {
  // a browser profile of its own (the moderator's computer)
  const page = await open(moderationUrl, width, await browser.createBrowserContext());
  await page.waitForFunction(() => document.querySelector('relais-contributions')?.shadowRoot?.querySelector('a.sign-in'), { timeout: 15000 }).catch(async (e) => {
    const seen = await page.evaluate(() => [document.querySelector('relais-contributions')?.shadowRoot?.textContent ?? 'pas de shadowRoot', ...(window.__csp ?? [])]);
    throw new Error(`« Se connecter » absent : ${seen.join(' / ').replace(/\s+/g, ' ').slice(0, 600)}`, { cause: e });
  });
  const href = await contrib(page, (root) => root.querySelector('a.sign-in').href);
  assert.ok(href.startsWith(`${api}/auth/login?`), href);
  await Promise.all([page.waitForNavigation(), contrib(page, (root) => root.querySelector('a.sign-in').click())]);
  assert.ok(page.url().startsWith(provider.issuer), `le fournisseur : ${page.url()}`);
  // its login page, then its consent page
  await page.type('input[name=login]', 'agent-58');
  await page.type('input[name=password]', 'peu-importe');
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  if (page.url().startsWith(provider.issuer)) await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('button[type=submit]')]);
  assert.equal(page.url(), moderationUrl, 'back to the back office');
  await page.waitForFunction(() => /Claire Martin/.test(document.querySelector('relais-contributions')?.shadowRoot?.querySelector('.account')?.textContent ?? ''), { timeout: 15000 });
  return page;
}

test('a person suggests a new phone number (keyboard only); the moderator signs in, accepts; the directory and the history show it', async () => {
  const page = await open(directoryUrl);
  await results(page);
  // keyboard only: to the service, its detail, « Signaler une erreur », the phone, the author, send
  await tabTo(page, 'le service', (root) => root.activeElement?.classList.contains('title-link') && /Point numérique/.test(root.activeElement.textContent));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('relais-directory').shadowRoot.querySelector('#suggest-toggle'), { timeout: 10000 });
  await tabTo(page, '« Signaler une erreur »', (root) => root.activeElement?.id === 'suggest-toggle');
  assert.match(await dir(page, (root) => root.querySelector('#suggest-toggle').textContent), /Signaler une erreur/);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('relais-directory').shadowRoot.querySelector('.suggest-form'), { timeout: 10000 });
  await tabTo(page, 'la case téléphone', (root) => root.activeElement?.id === 'suggest-champ-telephone', 5);
  await page.keyboard.press('Space');
  await tabTo(page, 'le nouveau numéro', (root) => root.activeElement?.id === 'suggest-value-telephone', 5);
  assert.match(await dir(page, (root) => root.querySelector('#suggest-value-telephone-current').textContent), /03 86 27 00 00/);
  await page.keyboard.type(NEW_PHONE);
  await tabTo(page, '« une personne qui utilise le service »', (root) => root.activeElement?.id === 'suggest-auteur-usager', 20);
  await page.keyboard.press('Space');
  await tabTo(page, 'le bouton Envoyer', (root) => root.activeElement?.type === 'submit', 10);
  assert.deepEqual(await axe(page), [], 'axe, the form open');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('relais-directory').shadowRoot.querySelector('#suggest-thanks'), { timeout: 10000 });
  assert.equal(await dir(page, (root) => root.querySelector('#suggest-live').textContent.trim()), 'Merci, votre proposition sera relue avant publication.');
  assert.equal(await activeId(page), 'suggest-thanks');
  // nothing changes before a moderator accepts
  const before = await (await fetch(`${api}/services/cd58--numerique`)).json();
  assert.equal(before.service.telephone, '03 86 27 00 00');

  // the moderator: signs in, sees before/after, accepts
  const mod = await signIn();
  await mod.waitForFunction(() => document.querySelector('relais-contributions').shadowRoot.querySelector('article.contribution'), { timeout: 10000 });
  const row = await contrib(mod, (root) => {
    const a = root.querySelector('article.contribution');
    const tr = [...a.querySelectorAll('tr')].find((r) => r.querySelector('td.after'));
    return { text: a.textContent, before: tr.querySelector('td.before').textContent.trim(), after: tr.querySelector('td.after').textContent.trim() };
  });
  assert.match(row.text, /Point numérique de Clamecy/);
  assert.deepEqual([row.before, row.after], ['03 86 27 00 00', NEW_PHONE]);
  assert.deepEqual(await axe(mod), [], 'axe, the back office');
  // the moderator too, by keyboard: to « Accepter les informations cochées », Enter
  await tabTo(mod, '« Accepter »', (root) => root.activeElement?.classList.contains('accept'), 40, contrib);
  await mod.keyboard.press('Enter');
  await mod.waitForFunction(() => /Proposition acceptée pour « Point numérique de Clamecy »/.test(document.querySelector('relais-contributions').shadowRoot.querySelector('[role=status]').textContent), { timeout: 10000 });
  // the queue is empty: the focus goes to its heading, the count says 0
  assert.match(await contrib(mod, (root) => `${root.activeElement?.id} ${root.querySelector('[role=tab]').textContent}`), /-panel-queue-title\s+Propositions à relire \(0\)/);

  // the history, through the moderator's session (cross-origin, with credentials)
  const history = await mod.evaluate(async (url) => {
    const r = await fetch(url, { credentials: 'include' });
    return { status: r.status, body: await r.json() };
  }, `${api}/services/cd58--numerique/historique`);
  assert.equal(history.status, 200);
  const route = SPEC.paths['/services/{id}/historique'].get.responses['200'].content['application/json'].schema;
  assert.deepEqual(validate(SPEC, route, history.body), [], 'the history as the contract says');
  const entry = history.body.items[0];
  assert.deepEqual([entry.type, entry.champ, entry.avant, entry.apres, entry.par], ['modification', 'telephone', '03 86 27 00 00', NEW_PHONE, 'Claire Martin']);
  assert.ok(entry.contribution_id);
  assert.equal(new Date(entry.le).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' }), today);
  assert.deepEqual(await cspOf(mod), []);
  // the session cookie: HttpOnly, SameSite=Lax, on the API's host only
  const [session] = (await mod.browserContext().cookies()).filter((c) => c.name === 'relais_session');
  assert.deepEqual([session?.domain, session?.path, session?.httpOnly, session?.sameSite], ['127.0.0.1', '/api', true, 'Lax']);
  // the public site (another site, not a back office): its pages cannot use the moderator's session
  const elsewhere = await mod.browserContext().newPage();
  await elsewhere.goto(directoryUrl);
  const stolen = await elsewhere.evaluate((url) => fetch(url, { credentials: 'include' }).then((r) => r.status, (e) => e.name), `${api}/services/cd58--numerique/historique`);
  assert.equal(stolen, 'TypeError', 'CORS refuses credentials to an undeclared origin');
  await mod.browserContext().close();

  // the directory, reloaded: the new number and « Mis à jour le <today> »
  await page.reload();
  await results(page);
  const item = await dir(page, (root) => [...root.querySelectorAll('.item')].find((i) => /Point numérique/.test(i.textContent)).textContent);
  assert.ok(item.includes(NEW_PHONE), item);
  assert.match(item, new RegExp(`Mis à jour le ${frenchDate(today)}`));
  // « Fiches vérifiées récemment » with the REST source: tri=date_maj, the entry just updated first, the stale one last
  const titles = () => dir(page, (root) => [...root.querySelectorAll('.item .title-link')].map((a) => a.textContent.trim().split(' — ')[0]));
  assert.equal((await titles())[0], 'Épicerie solidaire de Clamecy', 'by name at first');
  await dir(page, (root) => {
    const sort = root.querySelector('#sort');
    sort.value = 'updated';
    sort.dispatchEvent(new Event('change'));
  });
  await page.waitForFunction(() => document.querySelector('relais-directory').shadowRoot.querySelector('.item .title-link')?.textContent.startsWith('Point numérique'), { timeout: 10000 });
  assert.deepEqual(await titles(), ['Point numérique de Clamecy', 'Épicerie solidaire de Clamecy', 'Permanence logement de Clamecy']);
  assert.deepEqual(await cspOf(page), []);
  await page.close();
  assert.deepEqual(violations, []);
});

test('« À vérifier », « Demander une confirmation », the e-mail through SMTP, its link confirms in the browser, the badge goes (375 px)', async () => {
  const page = await open(directoryUrl);
  await results(page);
  const stale = () => dir(page, (root) => [...root.querySelectorAll('.item')].find((i) => /Permanence logement/.test(i.textContent)).querySelector('.stale')?.textContent ?? null);
  assert.match(await stale(), /^À vérifier/);

  const mod = await signIn(375);
  await contrib(mod, (root) => [...root.querySelectorAll('[role=tab]')].find((t) => /vérifier|Fraîcheur|fraîcheur/i.test(t.textContent)).click());
  await mod.waitForFunction(() => document.querySelector('relais-contributions').shadowRoot.querySelector('table.fresh button.ask'), { timeout: 10000 });
  const sent0 = smtp.messages.length;
  await contrib(mod, (root) => [...root.querySelectorAll('table.fresh tr')].find((r) => /Permanence logement/.test(r.textContent)).querySelector('button.ask').click());
  await mod.waitForFunction(() => document.querySelector('relais-contributions').shadowRoot.querySelector('table.fresh .success'), { timeout: 10000 });
  assert.deepEqual(await axe(mod), [], 'axe, the freshness tab at 375 px');
  await mod.browserContext().close();

  const mail = await smtp.next(sent0 + 1);
  assert.equal(mail.to.value[0].address, 'accueil@clamecy.example.fr');
  const link = new RegExp(`(${api.replace(/\./g, '\\.')}/confirmation/[\\w-]+)`).exec(mail.text)?.[1];
  assert.ok(link, mail.text);

  const confirm = await browser.newPage();
  await confirm.goto(link);
  assert.match(await confirm.$eval('h1', (h) => h.textContent), /Permanence logement de Clamecy/);
  assert.deepEqual(await axe(confirm), [], 'axe, the confirmation page');
  const [first] = await confirm.$$('form button[type=submit]');
  await Promise.all([confirm.waitForNavigation(), first.click()]);
  assert.match(await confirm.$eval('h1', (h) => h.textContent), /la fiche est confirmée/);
  await confirm.close();

  // one step at 375 px: the directory, reloaded, no longer shows the badge; axe-clean
  await page.setViewport({ width: 375, height: 800 });
  await page.reload();
  await results(page);
  assert.equal(await stale(), null);
  assert.match(await dir(page, (root) => [...root.querySelectorAll('.item')].find((i) => /Permanence logement/.test(i.textContent)).textContent), new RegExp(`Mis à jour le ${frenchDate(today)}`));
  assert.deepEqual(await axe(page), [], 'axe at 375 px');
  assert.deepEqual(await cspOf(page), []);
  await page.close();
  assert.deepEqual(violations, []);
});
