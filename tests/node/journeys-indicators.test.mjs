// The indicators end to end (issue 20, « Done when »), with the real parts and no double: @relais/server on PGlite
// (memory) with the directory and the indicators routes (RELAIS_INDICATORS=1, k = 5) and the demo data
// (examples/data/nievre-demo.json); the pages use the built CDN files (packages/relais/dist/cdn, `node scripts/build.mjs`)
// under a strict CSP, in Debian's Chromium.
//
// 1. The département's site: `<relais-provider source="rest" mesure-endpoint mesure-matomo>` around `<relais-directory>`
//    and `<relais-eligibility>`, with a stub `_paq` as Matomo's snippet makes it. 50 searches through the UI (need
//    tiles clicked, the directory's `commune` changed; some find nothing: « Se déplacer » near Clamecy…, over five EPCI)
//    and 20 eligibility runs answered through the questionnaire (two profiles); the page is hidden (`pagehide`: the
//    server sink sends what is pending) and the server counts them (GET /indicateurs, polled).
// 2. `<relais-indicators>` on that day shows the aggregates computed beforehand from the script: searches and searches
//    without a result per need, per need × EPCI, eligibility statuses per aide; a cell below k reads « moins de 5 ».
// 3. Matomo's queue received one `trackSiteSearch` per search (need, EPCI, result count) — « off without the
//    attribute » is packages/core/test/measure.test.ts.
// The dashboard's screenshot on these aggregates: packages/indicators/screenshot-demo.png, rewritten with
// RELAIS_SCREENSHOT=1 (`RELAIS_SCREENSHOT=1 node --test tests/node/journeys-indicators.test.mjs`).
// DEBUG_JOURNEY=1 prints the pages' console.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, directoryRoutes, importDataset, indicatorsRoutes, migrate, openPglite, todayInFrance } from '../../packages/server/dist/index.js';
import { createClient, loadChunk } from '../../packages/core/dist/headless.js';
import { NEEDS } from '../../packages/directory/dist/needs.js';
import { launchChromium } from '../../scripts/browser.mjs';

const CDN = resolve(fileURLToPath(new URL('../../packages/relais/dist/cdn', import.meta.url)));
// the README's picture is rewritten on demand only (RELAIS_SCREENSHOT=1): a plain run leaves the worktree clean
const SCREENSHOT = process.env.RELAIS_SCREENSHOT ? fileURLToPath(new URL('../../packages/indicators/screenshot-demo.png', import.meta.url)) : join(tmpdir(), `relais-indicators-demo-${process.pid}.png`);
const DEMO = JSON.parse(readFileSync(fileURLToPath(new URL('../../examples/data/nievre-demo.json', import.meta.url)), 'utf8'));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.map': 'application/json' };
const today = todayInFrance();
const K = 5;

// ---------- the script: what the person does in the directory, one search per step ----------
// Communes of the Nièvre and their EPCI: Clamecy and Armes (CC Haut Nivernais-Val d'Yonne), Nevers and its suburbs
// (Nevers Agglomération), Cosne-Cours-sur-Loire (CC Cœur de Loire), Sainte-Marie and Diennes-Aubigny (CC Amognes
// Cœur du Nivernais), Château-Chinon (Campagne) and Ouroux-en-Morvan (CC Morvan Sommets et Grands Lacs).
const CLAMECY = '58079';
const STEPS = [
  // the page opens on Clamecy, no tile: 1 search
  { tile: 'transport' }, // « Se déplacer » near Clamecy: nothing
  { commune: '58011' }, { commune: CLAMECY }, { commune: '58011' }, { commune: CLAMECY }, { commune: '58011' }, { commune: '58063' }, { commune: '58205' }, { commune: '58194' }, { commune: '58086' }, { commune: '58253' }, { commune: '58097' },
  { tile: 'transport' }, // tile off: a search without a need
  { tile: 'domicile' },
  { commune: '58194' }, { commune: '58303' }, { commune: '58278' }, { commune: '58117' }, { commune: '58160' }, { commune: CLAMECY }, { commune: '58086' }, { commune: '58011' }, { commune: '58205' },
  { tile: 'domicile' },
  { tile: 'information' }, // « Savoir à qui s'adresser » near Armes: nothing
  { commune: CLAMECY }, { commune: '58011' }, { commune: '58194' },
  { tile: 'information' },
  { tile: 'aidants' },
  { commune: '58303' }, { commune: '58278' }, { commune: '58117' }, { commune: '58160' }, { commune: '58086' }, { commune: '58011' },
  { tile: 'aidants' },
  { tile: 'lien' },
  { commune: '58063' }, { commune: '58205' }, { commune: '58194' }, { commune: '58303' }, { commune: '58253' }, { commune: '58097' },
  { tile: 'lien' },
  { tile: 'handicap' },
  { commune: '58194' }, { commune: '58086' }, { commune: CLAMECY },
];
const NONE = '(aucun)';

// ---------- eligibility: two profiles, answered through the questionnaire ----------
/** An older person at home in Clamecy, GIR 3, modest income (the APA « probablement éligible », as in the law). */
const OLDER = {
  who: 'me', 'demandeur.age': 82, 'demandeur.gir': 3, 'demandeur.lieu_de_vie': 'domicile', 'demandeur.residence_stable_france': true, 'demandeur.en_couple': false,
  'foyer.ressources_mensuelles': 950, 'demandeur.taux_incapacite': 'aucun', 'aidant.activite_professionnelle': false, 'demandeur.difficultes_activites': 'deux-graves',
  'demandeur.criteres_pch_avant_60_ans': false, 'demandeur.en_activite': false, 'demandeur.inapte_travail': false, 'demandeur.rsdae': false, 'demandeur.frais_hebergement': 0,
  'demandeur.depcom': '58500', 'demandeur.sante_gene_travail': false, 'demandeur.mobilite_reduite': false, 'demandeur.enfants_a_charge': 0,
  'demandeur.a_charge_prestations_familiales': false, 'demandeur.aeeh_complement': false, 'demandeur.ressources_propres': 950,
  'demandeur.tierce_personne': 'non', 'aidant.salarie': false, 'demandeur.revenus_activite': 0,
};
/** A 70-year-old in Nevers, GIR 6, comfortable income. */
const AUTONOMOUS = { ...OLDER, 'demandeur.age': 70, 'demandeur.gir': 6, 'foyer.ressources_mensuelles': 2600, 'demandeur.ressources_propres': 2600, 'demandeur.difficultes_activites': 'aucune', 'demandeur.depcom': '58000' };
const RUNS = [...Array(12).fill(OLDER), ...Array(8).fill(AUTONOMOUS)];

let db, app, api, apiOrigin, pages, browser, pagesOrigin;
const violations = [];
/** Expected, computed before the browser runs. */
let planned;

before(async () => {
  db = await openPglite();
  await migrate(db);
  await importDataset(db, DEMO, 'nievre-demo.json');
  pages = createServer(servePages);
  await new Promise((r) => pages.listen(0, '127.0.0.1', r));
  pagesOrigin = `http://127.0.0.1:${pages.address().port}`;
  app = createApp({
    db,
    config: { corsOrigins: [pagesOrigin], rateLimitPerMinute: 0, trustProxy: false, shutdownTimeoutS: 1 },
    log: { info() {}, warn() {}, error() {} },
    routes: [directoryRoutes, indicatorsRoutes],
    env: { RELAIS_INDICATORS: '1', RELAIS_CORS_ORIGINS: pagesOrigin },
    basePath: '/api',
  });
  apiOrigin = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
  api = `${apiOrigin}/api`;
  planned = await plan();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await app?.close();
  pages?.close();
  await db?.close?.();
});

/**
 * The searches the script makes (need, commune), their EPCI (the commune data), and whether each finds nothing: asked
 * to the API directly, the way the directory asks (the need's thématiques, the commune, the département).
 */
async function plan() {
  const epciOf = new Map((await loadChunk('58')).map((c) => [c.code, c.epci]));
  const client = createClient({ source: 'rest', baseUrl: api });
  const searches = [];
  let commune = CLAMECY;
  let needs = [];
  const push = async () => {
    const thematiques = needs.flatMap((id) => NEEDS.find((n) => n.id === id).thematiques);
    const { total } = await client.search({ thematiques: thematiques.length ? thematiques : undefined, commune, departements: ['58'], pageSize: 1 });
    searches.push({ besoin: needs.length === 1 ? needs[0] : NONE, commune, epci: epciOf.get(commune), total });
  };
  await push();
  for (const s of STEPS) {
    if (s.tile) needs = needs.includes(s.tile) ? needs.filter((n) => n !== s.tile) : [...needs, s.tile];
    else commune = s.commune;
    await push();
  }
  return searches;
}

/** The pages: the site with the widgets, the dashboard, Matomo's snippet (a file: no inline script), the CDN files. */
async function servePages(req, res) {
  const url = new URL(req.url, 'http://x');
  const path = url.pathname;
  const csp = `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self' ${apiOrigin}; form-action 'none'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'`;
  const page = (title, body, head = '') => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>${head}<script type="module" src="/cdn/relais.js"></script></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
  let body = null;
  let type = TYPES['.html'];
  if (path === '/site.html') {
    body = page(
      'Trouver de l’aide dans la Nièvre',
      `<relais-provider source="rest" base-url="${api}" mesure-endpoint="${api}/indicateurs/evenements" mesure-matomo>
        <relais-directory commune="${CLAMECY}" departements="58" heading-level="2"></relais-directory>
        <relais-eligibility heading-level="2" departements="58"></relais-eligibility>
      </relais-provider>`,
      '<script src="/matomo-snippet.js"></script>',
    );
  } else if (path === '/matomo-snippet.js') {
    // Matomo's snippet, without loading matomo.js: the queue the tracker would read
    body = 'var _paq = window._paq = window._paq || [];\n_paq.push(["disableCookies"]);\n';
    type = TYPES['.js'];
  } else if (path === '/tableau.html') {
    body = page('Indicateurs de la Nièvre', `<relais-indicators endpoint="${api}" departement="58" du="${url.searchParams.get('du')}" au="${url.searchParams.get('au')}" tile-url="none"></relais-indicators>`);
  } else if (path.startsWith('/cdn/')) {
    const file = normalize(join(CDN, decodeURIComponent(path.slice(5))));
    if (file.startsWith(CDN + sep)) body = await readFile(file).catch(() => null);
    type = TYPES[extname(file)] ?? 'application/octet-stream';
  }
  if (!body) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': type, 'content-security-policy': csp, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
  res.end(body);
}

/** A page that records CSP violations and script errors. */
async function open(url, width = 1280) {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 900 });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => (window.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`));
    // what the widgets tell (measured by the provider): recorded to compare with the plan
    window.__searches = [];
    window.__results = [];
    document.addEventListener('relais-search', (e) => window.__searches.push({ need: e.need ?? null, commune: e.filters.commune, total: e.total }), true);
    document.addEventListener('relais-result', (e) => window.__results.push(e.results.map((r) => ({ ...r }))), true);
  });
  page.on('pageerror', (e) => violations.push(`pageerror ${e.message}`));
  if (process.env.DEBUG_JOURNEY) page.on('console', (m) => console.log(`${m.type()} ${m.text()} ${m.location()?.url ?? ''}`));
  await page.goto(url);
  return page;
}
const cspOf = (page) => page.evaluate(() => window.__csp ?? []);
const indicators = () => fetch(`${api}/indicateurs?du=${today}&au=${today}&departement=58`).then((r) => r.json());

/** Waits until the directory has told its `n`-th search. */
const searchCount = (page, n) => page.waitForFunction((n) => window.__searches.length >= n, { timeout: 15000 }, n);

test('50 searches and 20 eligibility runs on the demo reach <relais-indicators> as the expected aggregates; Matomo receives the site searches', async () => {
  assert.equal(planned.length, 50, 'the script makes 50 searches');
  const zero = planned.filter((s) => s.total === 0);
  assert.ok(zero.length >= 8, `searches without a result: ${zero.length}`);
  assert.ok(new Set(planned.map((s) => s.epci)).size >= 5, 'several EPCI');

  // ---------- 1. the site: searches through the directory ----------
  const site = await open(`${pagesOrigin}/site.html`);
  await searchCount(site, 1);
  let n = 1;
  for (const s of STEPS) {
    if (s.tile) {
      await site.evaluate((id) => {
        const root = document.querySelector('relais-directory').shadowRoot;
        const label = { transport: 'Se déplacer', domicile: 'Être aidé à la maison', information: 'Savoir à qui s’adresser', aidants: 'Souffler quand on aide un proche', lien: 'Rompre l’isolement', handicap: 'Handicap : travail, vie sociale, enfance' }[id];
        const tile = [...root.querySelectorAll('button[part=need]')].find((b) => b.textContent.trim() === label);
        if (!tile) throw new Error(`tuile ${id} absente`);
        tile.click();
      }, s.tile);
    } else {
      await site.evaluate((code) => document.querySelector('relais-directory').setAttribute('commune', code), s.commune);
    }
    await searchCount(site, ++n);
  }
  const seen = await site.evaluate(() => window.__searches);
  assert.deepEqual(
    seen.map((s) => [s.need ?? NONE, s.commune, s.total === 0]),
    planned.map((s) => [s.besoin, s.commune, s.total === 0]),
    'the directory made the planned searches, with the results the API gives',
  );

  // ---------- eligibility: 20 runs through the questionnaire ----------
  for (const [i, answers] of RUNS.entries()) {
    await site.evaluate(async (answers, i) => {
      const el = document.querySelector('relais-eligibility');
      const root = el.shadowRoot;
      const until = async (pred, what) => {
        for (let t = 0; t < 400; t++) {
          if (pred()) return;
          await new Promise((r) => setTimeout(r, 10));
        }
        throw new Error(`éligibilité : ${what}`);
      };
      if (i > 0) {
        const again = [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Recommencer');
        if (!again) throw new Error('« Recommencer » absent');
        again.click();
      }
      await until(() => el.current === 'who' && root.querySelector('form'), 'première question');
      for (let q = 0; q < 30 && el.current; q++) {
        const id = el.current;
        if (!(id in answers)) throw new Error(`question imprévue ${id}`);
        await el.updateComplete;
        const text = root.querySelector('#answer');
        if (text) {
          text.value = String(answers[id]);
          text.dispatchEvent(new Event('input', { bubbles: true }));
        } else {
          const radio = [...root.querySelectorAll('input[name="answer"]')].find((r) => r.value === String(answers[id]));
          if (!radio) throw new Error(`réponse ${answers[id]} absente pour ${id}`);
          radio.click();
        }
        root.querySelector('button[type="submit"]').click();
        await until(() => el.current !== id || root.querySelector('#answer-error'), `réponse à ${id}`);
        if (root.querySelector('#answer-error')) throw new Error(`${id} : ${root.querySelector('#answer-error').textContent}`);
      }
      await until(() => window.__results.length === i + 1, 'résultats');
    }, answers, i);
  }
  const results = await site.evaluate(() => window.__results);
  if (process.env.DEBUG_JOURNEY) console.log(JSON.stringify([results[0], results[12]]));
  assert.equal(results.length, 20);
  // the law, not the engine: the APA at home « probablement éligible » in GIR 3, not in GIR 6 (CASF L232-2, R232-3);
  // the ASPA for a person alone with 950 € a month, not with 2 600 € (CSS L815-1, D815-2)
  const status = (run, id) => run.find((r) => r.id === id)?.status;
  assert.deepEqual([status(results[0], 'apa-domicile'), status(results[12], 'apa-domicile')], ['probable', 'not_eligible']);
  assert.deepEqual([status(results[0], 'aspa'), status(results[12], 'aspa')], ['eligible', 'not_eligible']);
  // every run of a profile gives the same results (the same answers)
  for (const [i, run] of results.entries()) assert.deepEqual(run, results[i < 12 ? 0 : 12], `run ${i + 1}`);

  // ---------- the page is left: the sink sends what is pending; the server counts ----------
  // the searches the server will publish (needs searched ≥ k times, the searches without a need included)
  const perNeed = new Map();
  for (const s of planned) perNeed.set(s.besoin, (perNeed.get(s.besoin) ?? 0) + 1);
  const shownSearches = [...perNeed.values()].filter((n) => n >= K).reduce((a, n) => a + n, 0);
  await site.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
  const deadline = Date.now() + 20000;
  let report;
  for (;;) {
    report = await indicators();
    const counted = report.besoins.reduce((a, b) => a + (b.recherches.n ?? 0), 0);
    const runs = report.eligibilite.filter((r) => r.aide === 'apa-domicile').reduce((a, r) => a + (r.n.n ?? 0), 0);
    if (counted === shownSearches && runs === 20) break;
    if (Date.now() > deadline) assert.fail(`not counted: ${JSON.stringify(report.besoins)}`);
    await new Promise((r) => setTimeout(r, 200));
  }

  // ---------- 3. Matomo's queue: one site search per search (need or thématiques, EPCI, result count) ----------
  const paq = await site.evaluate(() => window._paq.filter((c) => c[0] === 'trackSiteSearch'));
  assert.equal(paq.length, 50);
  assert.deepEqual(
    paq.map((c) => [c[2], c[3]]),
    planned.map((s) => [s.epci, s.total]),
  );
  assert.deepEqual(paq.map((c) => c[1]).filter((k) => NEEDS.some((x) => x.id === k)), planned.filter((s) => s.besoin !== NONE).map((s) => s.besoin));
  const events = await site.evaluate(() => window._paq.filter((c) => c[0] === 'trackEvent' && c[1] === 'Relais éligibilité').length);
  assert.equal(events, 12 * results[0].length + 8 * results[12].length);
  assert.deepEqual(await cspOf(site), []);
  await site.close();

  // ---------- 2. the expected aggregates, from the plan ----------
  const label = (id) => (id === NONE ? NONE : NEEDS.find((x) => x.id === id).label);
  const shown = (v) => (v < K ? `moins de ${K}` : new Intl.NumberFormat('fr-FR').format(v));
  const byNeed = new Map();
  for (const s of planned) {
    if (s.besoin === NONE) continue;
    const m = byNeed.get(s.besoin) ?? { recherches: 0, sans: 0 };
    m.recherches++;
    if (s.total === 0) m.sans++;
    byNeed.set(s.besoin, m);
  }
  const expectedNeeds = [...byNeed].map(([id, m]) => [label(id), shown(m.recherches), shown(m.sans)]).sort();
  // eligibility: every aide's status, 12 and 8 runs
  const elig = new Map();
  for (const run of results) for (const r of run) elig.set(`${r.id} ${r.status}`, (elig.get(`${r.id} ${r.status}`) ?? 0) + 1);

  const board = await open(`${pagesOrigin}/tableau.html?du=${today}&au=${today}`);
  await board.waitForFunction(() => document.querySelector('relais-indicators')?.shadowRoot?.querySelector('#section-besoins table tbody tr'), { timeout: 15000 });
  await board.evaluate((labels) => {
    document.querySelector('relais-indicators').labels = labels;
  }, Object.fromEntries(NEEDS.map((x) => [x.id, x.label])));
  await board.waitForFunction(() => /Se déplacer/.test(document.querySelector('relais-indicators').shadowRoot.querySelector('#section-besoins').textContent), { timeout: 5000 });
  const table = (id) =>
    board.evaluate((id) => [...document.querySelector('relais-indicators').shadowRoot.querySelectorAll(`#section-${id} table tbody tr`)].map((tr) => [...tr.children].map((c) => c.textContent.trim())), id);

  // needs searched: searches and searches without a result per need (the searches without a need aside)
  const needs = (await table('besoins')).filter((r) => !r[0].includes('aucun'));
  assert.deepEqual(needs.filter((r) => expectedNeeds.some((e) => e[0] === r[0])).sort(), expectedNeeds);
  // a cell below the threshold is hidden: « moins de 5 », never its count
  assert.ok(needs.some((r) => r.includes('moins de 5')), JSON.stringify(needs));

  // unmet needs by need × EPCI: the cells at or above k as planned (the others masked, some also by the subtraction rule)
  const unmet = await table('besoins-non-couverts');
  const cells = new Map();
  for (const s of planned) {
    const key = `${s.besoin} ${s.epci}`;
    const c = cells.get(key) ?? { besoin: s.besoin, epci: s.epci, recherches: 0, sans: 0 };
    c.recherches++;
    if (s.total === 0) c.sans++;
    cells.set(key, c);
  }
  const json = await indicators();
  const epciNames = new Map(json.besoins_non_couverts.filter((r) => r.zone.code).map((r) => [r.zone.code, r.zone.nom]));
  const transportClamecy = cells.get(`transport ${planned[1].epci}`);
  assert.ok(transportClamecy.sans >= K, 'the script makes ≥ 5 « Se déplacer » searches without a result in the EPCI of Clamecy');
  const row = unmet.find((r) => r[0] === 'Se déplacer' && r[1] === epciNames.get(planned[1].epci));
  assert.deepEqual(row, ['Se déplacer', epciNames.get(planned[1].epci), String(transportClamecy.sans), String(transportClamecy.recherches)]);
  for (const r of unmet) {
    const c = [...cells.values()].find((c) => label(c.besoin) === r[0] && epciNames.get(c.epci) === r[1]);
    assert.ok(c, `a row of the plan: ${r.join(' | ')}`);
    if (r[2] !== `moins de ${K}`) assert.equal(r[2], String(c.sans), r.join(' | '));
    if (r[3] !== `moins de ${K}`) assert.equal(r[3], String(c.recherches), r.join(' | '));
  }
  assert.ok(unmet.some((r) => r.includes(`moins de ${K}`)), 'masked cells in the unmet needs');

  // eligibility outcomes: statuses per aide, 12 + 8 runs
  const STATUS = { eligible: 'Éligible', probable: 'Probablement éligible', unknown: 'À préciser', not_eligible: 'Non éligible' };
  const eligRows = await table('eligibilite');
  for (const [key, count] of elig) {
    const [aide, statut] = key.split(' ');
    const r = eligRows.find((r) => r[0] === aide && r[1] === STATUS[statut]);
    assert.ok(r, `${aide} ${statut} in the table`);
    assert.equal(r[2], shown(count), `${aide} ${statut}`);
  }
  assert.equal(eligRows.find((r) => r[0] === 'apa-domicile' && r[1] === 'Probablement éligible')?.[2], '12');
  assert.equal(eligRows.find((r) => r[0] === 'apa-domicile' && r[1] === 'Non éligible')?.[2], '8');
  assert.equal(eligRows.find((r) => r[0] === 'aspa' && r[1] === 'Éligible')?.[2], '12');

  // the map of unmet needs draws its circle (the one cell at or above k), the charts their bars, before the picture
  await board.waitForFunction(() => {
    const root = document.querySelector('relais-indicators').shadowRoot;
    return root.querySelector('#unmet-map .leaflet-interactive') && root.querySelector('#chart-besoins svg, #chart-besoins canvas');
  }, { timeout: 10000 });
  assert.doesNotMatch(await board.evaluate(() => document.querySelector('relais-indicators').shadowRoot.textContent), /n’a pas pu être affiché/);
  await board.screenshot({ path: SCREENSHOT, fullPage: true });
  if (!process.env.RELAIS_SCREENSHOT) rmSync(SCREENSHOT);
  assert.deepEqual(await cspOf(board), []);
  await board.close();
  assert.deepEqual(violations, []);
});
