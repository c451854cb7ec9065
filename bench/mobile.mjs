#!/usr/bin/env node
// The mobile profile (issue 21): the demo page and each widget alone, as a mid-range phone on a rural 4G connection
// sees them — Chromium through the DevTools protocol with the CPU slowed 4× (Emulation.setCPUThrottlingRate), the
// network at 9 Mb/s down, 1.5 Mb/s up and 170 ms of round trip (Network.emulateNetworkConditions) and a 375 × 812
// mobile viewport. Each load is cold (a new browser context: no HTTP cache). Measured per page: bytes transferred
// (compressed, as on the wire: Network.loadingFinished encodedDataLength), LCP and INP with the `web-vitals` library
// (its IIFE injected before the page's scripts), INP of real input (typing a query in the directory, answering an
// eligibility question with page.click / page.keyboard), and the time from navigation to the first directory results.
// The demo server runs twice: without compression (as before issue 21) and with it, so that the table is a real
// before/after.
//   node bench/mobile.mjs [--runs=3] [--servers=before,after] [--pages=demo,directory,…] [--write]
// Writes bench/results/mobile.json; --write also rewrites the table of bench/README.md (between the MOBILE markers).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { launchChromium } from '../scripts/browser.mjs';
import { keepPageOffline } from '../scripts/offline-tiles.mjs';
import { createDemoServer } from '../examples/server/server.mjs';
import { median, mobileTable, replaceBlock } from './mobile-table.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (k, d) => process.argv.find((a) => a.startsWith(`--${k}=`))?.slice(k.length + 3) ?? d;
const RUNS = Number(arg('runs', '3'));
const SERVERS = arg('servers', 'before,after').split(',');
/** The profile: what the table's header states. */
export const PROFILE = {
  cpuSlowdown: 4,
  latencyMs: 170,
  downloadBps: 9e6 / 8,
  uploadBps: 1.5e6 / 8,
  viewport: { width: 375, height: 812, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
};
/**
 * Pages: the demo page, and each widget alone with the element and attributes it has on the demo page (`body`),
 * written from one template into bench/results/mobile/ and served by the demo server under /bench/mobile/; what
 * « ready » and the interactions are.
 */
const PROVIDER = (el) => `<relais-provider source="rest" base-url="/api/">${el}</relais-provider>`;
const NOTICE = JSON.stringify({ controller: 'CCAS de démonstration (fictif)', contact: 'contact@ccas-demo.example, 03 86 00 00 01', dpo: 'dpo@ccas-demo.example', retention: '2 ans après la fin de l’accompagnement (démonstration : effacé au redémarrage)', receiver: 'le serveur de démonstration de Relais (aucune structure réelle)', access: 'personne : données de démonstration' });
const PAGES = {
  demo: { path: '/', directory: true, interactions: ['typing', 'answer'] },
  directory: { title: 'Annuaire', body: PROVIDER('<relais-directory commune="58079" departements="58" heading-level="2"></relais-directory>'), directory: true, interactions: ['typing'] },
  map: { title: 'Carte', body: PROVIDER('<relais-map commune="58079" heading-level="2"></relais-map>'), ready: ['relais-map', '.leaflet-marker-icon'], interactions: [] },
  eligibility: { title: 'Éligibilité', body: '<relais-eligibility heading-level="2" catalogues="/data/catalogues/ccas-val-de-nievre.json,/data/catalogues/departement-58-aide-menagere.json" departements="58"></relais-eligibility>', ready: ['relais-eligibility', 'form'], interactions: ['answer'] },
  liaison: { title: 'Fiche de liaison', body: `<relais-liaison-form template-id="orientation" endpoint="/api/liaison" heading-level="2" notice='${NOTICE}'></relais-liaison-form>`, ready: ['relais-liaison-form', '#tasks-title'], interactions: [] },
  pathway: { title: 'Parcours', body: '<relais-pathway template-id="apa-domicile" simulate commune="58079" heading-level="2"></relais-pathway>', ready: ['relais-pathway', 'ol'], interactions: [] },
};
const PAGES_DIR = join(root, 'bench/results/mobile');
await mkdir(PAGES_DIR, { recursive: true });
for (const [name, def] of Object.entries(PAGES)) {
  if (!def.body) continue;
  def.path = `/bench/mobile/${name}.html`;
  await writeFile(
    join(PAGES_DIR, `${name}.html`),
    `<!doctype html>\n<html lang="fr">\n<head>\n<meta charset="utf-8" />\n<meta name="viewport" content="width=device-width, initial-scale=1" />\n<title>${def.title} seul — banc mobile Relais</title>\n<link rel="stylesheet" href="/site.css" />\n<script type="module" src="/relais/relais.js"></script>\n</head>\n<body>\n<main>\n<h1>${def.title}</h1>\n${def.body}\n</main>\n</body>\n</html>\n`,
  );
}
const pages = arg('pages', Object.keys(PAGES).join(',')).split(',');
const QUERY = 'aide a domicile';

// the IIFE build (global `webVitals`), read from the package's folder (not in its `exports`)
const webVitals = await readFile(join(root, 'node_modules/web-vitals/dist/web-vitals.attribution.iife.js'), 'utf8');
// web-vitals before any script of the page: every LCP candidate and every INP change (reportAllChanges), interactions
// from 16 ms (the Event Timing minimum; the library's default of 40 ms would hide the small ones)
const VITALS = `${webVitals}
window.__vitals = { lcp: null, lcpTarget: null, inp: null, inpTarget: null, inpReports: [] };
webVitals.onLCP((m) => { window.__vitals.lcp = m.value; window.__vitals.lcpTarget = m.attribution && m.attribution.target || null; }, { reportAllChanges: true });
webVitals.onINP((m) => { const a = m.attribution || {}; window.__vitals.inp = m.value; window.__vitals.inpTarget = a.interactionTarget || null; window.__vitals.inpParts = { type: a.interactionType, inputDelay: a.inputDelay, processing: a.processingDuration, presentation: a.presentationDelay }; window.__vitals.inpReports.push(m.value); }, { reportAllChanges: true, durationThreshold: 16 });`;

/** The first element matching `sel` in the shadow root of the first `tag`, as a handle (null when absent). */
const inWidget = async (page, tag, sel) => {
  const h = await page.evaluateHandle((t, s) => document.querySelector(t)?.shadowRoot?.querySelector(s) ?? null, tag, sel);
  return h.asElement();
};
/** Polls in the page (each animation frame) until `tag`'s shadow root has `sel`; resolves with performance.now() then. */
const waitIn = (page, tag, sel, timeout = 60000) =>
  page.evaluate(
    (t, s, timeout) =>
      new Promise((resolve, reject) => {
        const tick = () => {
          if (document.querySelector(t)?.shadowRoot?.querySelector(s)) return resolve(performance.now());
          if (performance.now() > timeout) return reject(new Error(`${t} ${s} : absent après ${timeout} ms`));
          requestAnimationFrame(tick);
        };
        tick();
      }),
    tag,
    sel,
    timeout,
  );
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

/** One cold load of one page under the profile. */
async function load(browser, base, name) {
  const def = PAGES[name];
  const context = await browser.createBrowserContext();
  try {
    const page = await keepPageOffline(await context.newPage());
    page.setDefaultTimeout(120000);
    await page.setViewport(PROFILE.viewport);
    await page.evaluateOnNewDocument(VITALS);
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: PROFILE.latencyMs, downloadThroughput: PROFILE.downloadBps, uploadThroughput: PROFILE.uploadBps });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown });
    const urls = new Map();
    const bytes = { total: 0, sdk: 0, requests: 0 };
    cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
    cdp.on('Network.loadingFinished', (e) => {
      const url = urls.get(e.requestId) ?? '';
      if (!url.startsWith(base)) return; // local map tiles and data: URLs are not the SDK's
      bytes.total += e.encodedDataLength;
      bytes.requests++;
      if (url.startsWith(`${base}/relais/`)) bytes.sdk += e.encodedDataLength;
    });
    await page.goto(base + def.path, { waitUntil: 'load' });
    const out = { page: name };
    if (def.directory) {
      out.firstResultsMs = await waitIn(page, 'relais-directory', '.item');
      // where that time goes: the page's scripts (last script received before the results) and the search answer
      out.firstResultsParts = await page.evaluate((t) => {
        const entries = performance.getEntriesByType('resource').filter((e) => e.startTime < t);
        const scripts = entries.filter((e) => e.initiatorType === 'script' || e.name.endsWith('.js') || e.initiatorType === 'link');
        const api = entries.find((e) => e.name.includes('/api/services'));
        const nav = performance.getEntriesByType('navigation')[0];
        return { htmlEnd: nav?.responseEnd ?? null, scriptsEnd: Math.max(0, ...scripts.map((e) => e.responseEnd)), scripts: scripts.length, apiStart: api?.startTime ?? null, apiEnd: api?.responseEnd ?? null };
      }, out.firstResultsMs);
    } else out.readyMs = await waitIn(page, ...def.ready);
    // LCP is final at the first input: read it once the page has settled, before interacting
    await pause(1500);
    const v0 = await page.evaluate(() => window.__vitals);
    out.lcpMs = v0.lcp;
    out.lcpTarget = v0.lcpTarget;
    // the load's bytes; interactions then fetch more (a query's results, Leaflet when the map scrolls into view)
    out.loadBytes = bytes.total;
    out.loadSdkBytes = bytes.sdk;
    for (const what of def.interactions) {
      if (what === 'typing') {
        const status = () => page.evaluate(() => document.querySelector('relais-directory').shadowRoot.querySelector('.status')?.textContent ?? '');
        const before = await status();
        const input = await inWidget(page, 'relais-directory', '#what');
        await input.click();
        await page.keyboard.type(QUERY, { delay: 150 });
        // the results of the whole query, after the directory's typing debounce
        await page.waitForFunction((b) => (document.querySelector('relais-directory').shadowRoot.querySelector('.status')?.textContent ?? '') !== b, { timeout: 30000 }, before);
        out.typedResults = await status();
        await pause(1500);
      } else if (what === 'answer') {
        if (name === 'demo') await page.evaluate(() => document.querySelector('relais-eligibility').scrollIntoView());
        const radio = await inWidget(page, 'relais-eligibility', 'label[for="answer-0"]');
        if (radio) await radio.click();
        else {
          await (await inWidget(page, 'relais-eligibility', '#answer')).click();
          await page.keyboard.type('70', { delay: 150 });
        }
        await (await inWidget(page, 'relais-eligibility', 'button.primary')).click();
        await pause(1500);
      }
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const v1 = await page.evaluate(() => window.__vitals);
    out.inpMs = def.interactions.length ? (v1.inp ?? 0) : null;
    out.inpBelow16 = def.interactions.length > 0 && v1.inp === null;
    out.inpTarget = v1.inpTarget;
    out.inpParts = v1.inpParts ?? null;
    out.interactions = def.interactions;
    Object.assign(out, { bytes: bytes.total, sdkBytes: bytes.sdk, requests: bytes.requests });
    return out;
  } finally {
    await context.close();
  }
}

const browser = await launchChromium();
const chromeVersion = await browser.version();
const results = {
  date: new Date().toISOString(),
  machine: `${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${chromeVersion}`,
  profile: PROFILE,
  runs: RUNS,
  // timings move with the machine's load (a shared machine): the 1-minute load average before and after the run
  load: { before: os.loadavg()[0], after: null },
  rows: [],
};
try {
  for (const mode of SERVERS) {
    const server = createDemoServer({ compression: mode === 'after', mounts: [['/bench/mobile/', PAGES_DIR]] });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${server.address().port}`;
    try {
      for (const name of pages) {
        // one load not counted: the server compresses each file at its first request (then from memory)
        await load(browser, base, name).catch(() => undefined);
        const runs = [];
        for (let i = 0; i < RUNS; i++) {
          const r = await load(browser, base, name);
          console.log(`${mode} ${name} #${i + 1}: ${(r.loadBytes / 1000).toFixed(0)} kB (${(r.bytes / 1000).toFixed(0)} kB with the interactions), LCP ${r.lcpMs?.toFixed(0)} ms, ${r.firstResultsMs ? `first results ${r.firstResultsMs.toFixed(0)} ms, ` : ''}INP ${r.inpMs ?? '—'} ms`);
          runs.push(r);
        }
        const m = (k) => median(runs.map((r) => r[k]).filter((x) => typeof x === 'number'));
        results.rows.push({
          server: mode,
          page: name,
          interactions: PAGES[name].interactions,
          bytes: m('bytes'),
          sdkBytes: m('sdkBytes'),
          loadBytes: m('loadBytes'),
          loadSdkBytes: m('loadSdkBytes'),
          requests: m('requests'),
          lcpMs: m('lcpMs'),
          lcpTarget: runs.map((r) => r.lcpTarget).find(Boolean) ?? null,
          inpMs: PAGES[name].interactions.length ? m('inpMs') : null,
          inpTarget: runs.map((r) => r.inpTarget).find(Boolean) ?? null,
          firstResultsMs: PAGES[name].directory ? m('firstResultsMs') : null,
          firstResultsParts: PAGES[name].directory ? Object.fromEntries(['htmlEnd', 'scriptsEnd', 'scripts', 'apiStart', 'apiEnd'].map((k) => [k, median(runs.map((r) => r.firstResultsParts?.[k]).filter((x) => typeof x === 'number'))])) : null,
          inpParts: PAGES[name].interactions.length ? Object.fromEntries(['inputDelay', 'processing', 'presentation'].map((k) => [k, median(runs.map((r) => r.inpParts?.[k]).filter((x) => typeof x === 'number'))])) : null,
          readyMs: PAGES[name].directory ? null : m('readyMs'),
          runs,
        });
      }
    } finally {
      server.close();
      server.closeAllConnections?.();
    }
  }
} finally {
  await browser.close();
}
results.load.after = os.loadavg()[0];
await mkdir(join(root, 'bench/results'), { recursive: true });
await writeFile(join(root, 'bench/results/mobile.json'), JSON.stringify(results, null, 2));
const table = mobileTable(results);
console.log(table);
if (process.argv.includes('--write')) {
  const readme = join(root, 'bench/README.md');
  await writeFile(readme, replaceBlock(await readFile(readme, 'utf8'), 'MOBILE', table));
}
