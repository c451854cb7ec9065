// Every example page, as a visitor's browser sees it: no console error, no CSP violation, the widgets work.
//   - examples/demo/hostile.html: strict CSP and hostile host CSS; every widget still looks like itself
//   - examples/demo/double.html: an older copy, the autoloader twice and the all-in-one module
//   - examples/demo/themes.html: themes and a partner charter
//   - examples/vite-app and examples/react-app: built with Vite from the npm packages, then served
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { serveStatic } from '../../scripts/browser.mjs';
import { useDemo } from './demo-harness.mjs';

const demo = useDemo();

/** Opens a page and records console errors, page errors and CSP violations. */
async function open(url) {
  const page = await demo.browser.newPage();
  const problems = [];
  const warnings = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text());
    if (m.type() === 'warn' || m.type() === 'warning') warnings.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const res = await page.goto(url);
  return { page, problems, warnings, res };
}
const rendered = (page, tag, selector) =>
  page.waitForFunction((t, s) => [...document.querySelectorAll(t)].some((el) => el.shadowRoot?.querySelector(s)), { timeout: 15000 }, tag, selector);

test('hostile page: strict CSP, hostile CSS; all five widgets render and keep their own looks', async () => {
  const { page, problems, res } = await open(`${demo.base}/hostile.html`);
  assert.match(res.headers()['content-security-policy'], /default-src 'self'; script-src 'self'; style-src 'self'/);
  await rendered(page, 'relais-directory', '.item');
  await rendered(page, 'relais-pathway', 'ol');
  await rendered(page, 'relais-eligibility', 'form, .results');
  await rendered(page, 'relais-liaison-form', '#tasks-title, #resume-title');
  await page.evaluate(() => document.querySelector('relais-map').scrollIntoView());
  await rendered(page, 'relais-map', '.leaflet-marker-icon');
  const looks = await page.evaluate(() => {
    const out = {};
    for (const tag of ['relais-directory', 'relais-map', 'relais-eligibility', 'relais-liaison-form', 'relais-pathway']) {
      const root = document.querySelector(tag).shadowRoot;
      const texts = [...root.querySelectorAll('p, li, label, span, h2, h3, button')].filter((e) => e.textContent.trim()).slice(0, 40);
      const divs = [...root.querySelectorAll('div')].filter((d) => !d.className.toString().startsWith('leaflet'));
      out[tag] = {
        red: texts.filter((e) => getComputedStyle(e).color === 'rgb(255, 0, 0)').length,
        comic: texts.filter((e) => /comic/i.test(getComputedStyle(e).fontFamily)).length,
        spaced: texts.filter((e) => getComputedStyle(e).letterSpacing !== 'normal' || getComputedStyle(e).lineHeight === `${3 * parseFloat(getComputedStyle(e).fontSize)}px`).length,
        padded: divs.filter((d) => getComputedStyle(d).paddingTop === '40px').length,
        yellowButtons: [...root.querySelectorAll('button')].filter((b) => getComputedStyle(b).backgroundColor === 'rgb(255, 255, 0)').length,
        checked: texts.length,
      };
    }
    // the host page itself is indeed hostile
    out.page = getComputedStyle(document.querySelector('main p')).color;
    return out;
  });
  assert.equal(looks.page, 'rgb(255, 0, 0)', 'the hostile CSS applies to the host page');
  for (const [tag, l] of Object.entries(looks)) {
    if (tag === 'page') continue;
    assert.ok(l.checked > 0, `${tag}: text was checked`);
    assert.deepEqual({ red: l.red, comic: l.comic, spaced: l.spaced, padded: l.padded, yellowButtons: l.yellowButtons }, { red: 0, comic: 0, spaced: 0, padded: 0, yellowButtons: 0 }, tag);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('three copies on one page: nothing throws, first definition wins, one warning per element naming the versions', async () => {
  const { page, problems, warnings } = await open(`${demo.base}/double.html`);
  await rendered(page, 'relais-directory', '.item');
  await rendered(page, 'relais-pathway', 'ol');
  const version = await page.evaluate(() => customElements.get('relais-directory').relaisVersion);
  assert.equal(version, '0.0.9', 'the older copy came first and kept its definition');
  const dir = warnings.filter((w) => /<relais-directory> est déjà défini/.test(w));
  assert.equal(dir.length, 1, warnings.join('\n'));
  const { version: current } = JSON.parse(readFileSync('packages/relais/package.json', 'utf8'));
  assert.ok(dir[0].includes('version 0.0.9') && dir[0].indexOf(`version ${current}`) > dir[0].indexOf('version 0.0.9'), dir[0]);
  assert.deepEqual(problems, []);
  await page.close();
});

test('auto theme: follows the colour scheme the page declares, not the visitor\'s system alone', async () => {
  const { page, problems } = await open(`${demo.base}/auto.html`);
  await rendered(page, 'relais-pathway', 'ol');
  const surface = () => page.evaluate(() => getComputedStyle(document.querySelector('relais-pathway')).backgroundColor);
  const text = () => page.evaluate(() => getComputedStyle(document.querySelector('relais-pathway').shadowRoot.querySelector('ol')).color);
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  assert.equal(await surface(), 'rgb(255, 255, 255)', 'a page that declares no dark mode keeps light widgets');
  // (through the CSSOM: the demo's CSP allows no inline style element)
  await page.evaluate(() => document.documentElement.style.setProperty('color-scheme', 'light dark'));
  assert.equal(await surface(), 'rgb(20, 23, 28)', 'color-scheme: light dark on the root + a dark system → dark widgets');
  assert.equal(await text(), 'rgb(238, 241, 245)');
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  assert.equal(await surface(), 'rgb(255, 255, 255)');
  await page.evaluate(() => {
    document.documentElement.style.removeProperty('color-scheme');
    const m = document.createElement('meta');
    m.name = 'color-scheme';
    m.content = 'dark';
    document.head.append(m);
  });
  assert.equal(await surface(), 'rgb(20, 23, 28)', '<meta name="color-scheme" content="dark"> → dark widgets');
  assert.deepEqual(problems, []);
  await page.close();
});

test('contrast check in development: a charter colour below 4.5:1 gets one French warning; the shipped themes and the example charter none', async () => {
  for (const path of ['/', '/themes.html', '/auto.html']) {
    const { page, warnings } = await open(`${demo.base}${path}`);
    await page.waitForFunction(() => document.querySelector('relais-pathway, relais-directory')?.shadowRoot?.querySelector('h2, h3, ol, .item'), { timeout: 15000 });
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(warnings.filter((w) => /contraste/.test(w)), [], path);
    await page.close();
  }
  const { page, warnings } = await open(`${demo.base}/auto.html`);
  await rendered(page, 'relais-pathway', 'ol');
  // a partner's brand red on the dark surface of a site in dark mode: about 3:1
  await page.evaluate(() => {
    document.documentElement.style.setProperty('color-scheme', 'dark');
    const div = document.createElement('div');
    div.style.setProperty('--relais-color-primary', '#c8102e');
    div.innerHTML = '<relais-pathway template-id="mdph" heading-level="2"></relais-pathway>';
    document.querySelector('relais-provider').append(div);
  });
  await new Promise((r) => setTimeout(r, 1000));
  const low = warnings.filter((w) => /contraste insuffisant/.test(w));
  assert.deepEqual(low.map((w) => /— (.+?) \(/.exec(w)?.[1]), ['lien', 'lien sur tuile', 'bouton principal'], low.join('\n'));
  assert.match(low[0], /<relais-pathway> — lien \(--relais-color-primary sur --relais-color-surface\) : 3,\d+:1, il faut au moins 4,5:1/);
  await page.close();
});

test('themes page: every section renders, dark and high-contrast tokens reach the widgets', async () => {
  const { page, problems } = await open(`${demo.base}/themes.html`);
  await rendered(page, 'relais-pathway', 'ol');
  await rendered(page, 'relais-directory', '.item');
  await rendered(page, 'relais-eligibility', 'form');
  const surfaces = await page.evaluate(() =>
    [...document.querySelectorAll('.theme-demo')].map((s) => getComputedStyle(s.querySelector('relais-directory, relais-pathway, relais-eligibility')).backgroundColor),
  );
  assert.deepEqual(surfaces, ['rgb(255, 255, 255)', 'rgb(255, 255, 255)', 'rgb(20, 23, 28)', 'rgb(255, 255, 255)']);
  const partnerPart = await page.evaluate(() => getComputedStyle(document.querySelector('.charte-val-fictif relais-eligibility').shadowRoot.querySelector('[part~="question"]')).borderInlineStartWidth);
  assert.equal(partnerPart, '6px', 'the partner charter styles a documented part');
  assert.deepEqual(problems, []);
  await page.close();
});

for (const [app, entry] of [['vite-app', 'relais-directory'], ['react-app', 'relais-directory']]) {
  test(`examples/${app}: builds with Vite from the npm packages and works`, async () => {
    const b = spawnSync('node_modules/.bin/vite', ['build', '--config', `examples/${app}/vite.config.mjs`], { encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr);
    const { server: s, origin } = await serveStatic(`examples/${app}/dist`);
    try {
      const { page, problems } = await open(`${origin}/index.html`);
      await rendered(page, entry, '.item');
      // a result opened: the app hears the typed event (a DOM listener in the Vite app, an onRelaisSelect prop in React)
      await page.evaluate(() => document.querySelector('relais-directory').shadowRoot.querySelector('.title-link').click());
      await page.waitForFunction(() => /Service choisi : \S+/.test(document.querySelector('#selection').textContent), { timeout: 5000 });
      if (app === 'react-app') await rendered(page, 'relais-pathway', 'ol');
      // the worker bundled by Vite from the npm package (new URL('./static-worker.js', import.meta.url))
      assert.equal(await page.evaluate(() => document.querySelector('relais-provider').client.indexedIn), 'worker');
      const lits = await page.evaluate(() => (window.litElementVersions ?? []).length);
      assert.equal(lits, 1, 'one copy of Lit in the app');
      assert.deepEqual(problems, []);
      await page.close();
    } finally {
      s.close();
    }
  });
}
