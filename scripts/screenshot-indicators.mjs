#!/usr/bin/env node
// The screenshot of <relais-indicators> shown in packages/indicators/README.md, taken from the CDN build
// (`node scripts/build.mjs` first) under the demo's strict Content-Security-Policy (no inline script or style, no
// eval): the page fails when the browser reports a CSP violation or an error, so the charts (uPlot) and the map
// (Leaflet) are checked to draw within the policy.
//   node scripts/screenshot-indicators.mjs [--out packages/indicators/screenshot.png] [--width 1280] [--provoke]
// `--provoke` sets a style attribute from a string on purpose: the script must then fail (its check can fail).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, dirname, extname, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : def);
const out = arg('--out', join(root, 'packages/indicators/screenshot.png'));
const width = Number(arg('--width', 1280));
const provoke = process.argv.includes('--provoke');
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";
const cdn = join(root, 'packages/relais/dist/cdn');
const page = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Indicateurs — Nièvre</title>
<script src="/watch.js"></script></head>
<body><main><relais-indicators departement="58" tile-url="none"></relais-indicators></main>
<script type="module" src="/page.js"></script></body></html>`;
// before any module: every violation of the policy, wherever in a shadow tree it happens (the event is composed)
const watch = `document.addEventListener('securitypolicyviolation', (e) => (window.__violations ??= []).push(e.violatedDirective + ' ' + (e.blockedURI || e.sample)));`;
// the names a département would give: aides from the national catalogue, then the templates' and steps' names of
// the fixture (nievre-labels.json, which the story uses too)
const script = `import '/relais/widgets/relais-indicators.js';
const el = document.querySelector('relais-indicators');
el.labels = ${JSON.stringify({
  'apa-domicile': 'APA à domicile',
  pch: 'Prestation de compensation du handicap (PCH)',
  ajpa: 'Allocation journalière du proche aidant (AJPA)',
  aah: 'Allocation aux adultes handicapés (AAH)',
  ...JSON.parse(await readFile(join(root, 'packages/indicators/test/fixtures/nievre-labels.json'), 'utf8')),
})};
el.data = await (await fetch('/fixture.json')).json();
${provoke ? "document.body.setAttribute('style', 'color: red');" : ''}
`;

const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://localhost').pathname;
  const send = (type, body) => {
    res.writeHead(200, { 'content-type': type, 'content-security-policy': CSP, 'x-content-type-options': 'nosniff' });
    res.end(body);
  };
  if (path === '/') return send('text/html; charset=utf-8', page);
  if (path === '/watch.js') return send('text/javascript; charset=utf-8', watch);
  if (path === '/page.js') return send('text/javascript; charset=utf-8', script);
  if (path === '/fixture.json') return send('application/json', await readFile(join(root, 'packages/indicators/test/fixtures/nievre.json')));
  if (path.startsWith('/relais/')) {
    const file = normalize(join(cdn, path.slice('/relais/'.length)));
    const body = file.startsWith(cdn + sep) ? await readFile(file).catch(() => null) : null;
    if (body) return send(extname(file) === '.js' ? 'text/javascript; charset=utf-8' : 'application/json', body);
  }
  res.writeHead(404);
  res.end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await launchChromium();
const errors = [];
try {
  const p = await browser.newPage();
  p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  p.on('pageerror', (e) => errors.push(e.message));
  await p.setViewport({ width, height: 900, deviceScaleFactor: 1 });
  await p.goto(`http://127.0.0.1:${server.address().port}/`);
  await p.waitForFunction(
    () => {
      const r = document.querySelector('relais-indicators')?.shadowRoot;
      return r && r.querySelectorAll('[part="chart"] canvas').length === 5 && r.querySelectorAll('path[role="img"]').length === 6;
    },
    { timeout: 40000 },
  );
  await new Promise((r) => setTimeout(r, 500));
  const violations = await p.evaluate(() => window.__violations ?? []);
  if (violations.length || errors.length) throw new Error(`under the strict CSP: ${[...violations, ...errors].join('\n')}`);
  await p.screenshot({ path: out, fullPage: true });
  console.log(`${out} (${width} px wide): no CSP violation, no error`);
} finally {
  await browser.close();
  server.close();
}
