// The accessibility sweep of the example pages, as a person's browser shows them (Chromium, demo server, strict CSP):
//   - axe (WCAG 2.2 A/AA rules, shadow DOM included) on every example page (on the hostile page, inside the widgets:
//     its own red text is the point of the page);
//   - 320 px wide and 200 % zoom (a 1280 px window zoomed twice is 640 CSS px): nothing overflows sideways;
//   - forced colours (Windows high contrast): states shown by colour keep a system-colour outline or border;
//   - prefers-reduced-motion: the progress spinner stops.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useDemo } from './demo-harness.mjs';

const axeSource = readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');
const demo = useDemo();

const PAGES = ['/', '/iife.html', '/hostile.html', '/double.html', '/themes.html', '/auto.html', '/france.html'];
const READY = { 'relais-directory': '.item', 'relais-pathway': 'ol', 'relais-eligibility': 'form', 'relais-liaison-form': '#tasks-title, #resume-title' };

async function open(path, viewport = { width: 1200, height: 900 }) {
  const page = await demo.browser.newPage();
  await page.setViewport(viewport);
  await page.goto(demo.base + path);
  await page.waitForFunction(
    (ready) => Object.entries(ready).every(([tag, sel]) => [...document.querySelectorAll(tag)].every((el) => el.shadowRoot?.querySelector(sel))),
    { timeout: 20000 },
    READY,
  );
  return page;
}

/** axe in the page (it crosses open shadow roots), on `include` selectors or the whole document. */
async function axe(page, include) {
  await page.evaluate(axeSource);
  return page.evaluate(async (include) => {
    const r = await window.axe.run(include ? { include: include.map((s) => [s]) } : document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target.join(' ')})`);
  }, include);
}

for (const path of PAGES) {
  test(`${path}: axe-clean`, async () => {
    const page = await open(path);
    const include = path === '/hostile.html' ? ['relais-directory', 'relais-map', 'relais-eligibility', 'relais-liaison-form', 'relais-pathway'] : undefined;
    assert.deepEqual(await axe(page, include), []);
    await page.close();
  });
}

for (const [name, viewport] of [['320 px', { width: 320, height: 800 }], ['200 % zoom', { width: 640, height: 800, deviceScaleFactor: 2 }]]) {
  for (const path of ['/', '/themes.html']) {
    test(`${path} at ${name}: no sideways scrolling, no widget wider than the screen`, async () => {
      const page = await open(path, viewport);
      const r = await page.evaluate(() => {
        const out = { page: document.documentElement.scrollWidth, viewport: window.innerWidth, widgets: [] };
        for (const el of document.querySelectorAll('relais-directory, relais-map, relais-eligibility, relais-liaison-form, relais-pathway')) {
          const over = [...el.shadowRoot.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && getComputedStyle(e).position !== 'absolute' && !e.closest?.('.leaflet-container'));
          if (over.length) out.widgets.push(`${el.localName}: ${over.slice(0, 3).map((e) => `${e.localName}.${e.className}`).join(', ')}`);
        }
        return out;
      });
      assert.ok(r.page <= r.viewport, `page ${r.page} px wide in ${r.viewport} px`);
      assert.deepEqual(r.widgets, []);
      await page.close();
    });
  }
}

test('/ at 375 px: axe-clean (target sizes included), and « Aller au contenu » puts the focus on the content', async () => {
  const page = await open('/', { width: 375, height: 800 });
  assert.deepEqual(await axe(page), []);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Aller au contenu');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'contenu', { timeout: 5000 });
  await page.close();
});

test('forced colours: selected need tile, map markers and pathway markers keep a system-colour edge', async () => {
  const page = await demo.browser.newPage();
  // puppeteer's emulateMediaFeatures does not know forced-colors; the DevTools protocol does
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
  await page.setViewport({ width: 1200, height: 6000 });
  await page.goto(demo.base + '/');
  await page.waitForFunction(() => document.querySelector('relais-map')?.shadowRoot?.querySelector('.leaflet-marker-icon .pin, .leaflet-marker-icon.cluster, .leaflet-marker-icon .cluster'), { timeout: 20000 });
  const r = await page.evaluate(async () => {
    const dir = document.querySelector('relais-directory');
    dir.shadowRoot.querySelector('.tile').click();
    await dir.updateComplete;
    const tile = dir.shadowRoot.querySelector(".tile[aria-pressed='true']");
    const pin = document.querySelector('relais-map').shadowRoot.querySelector('.pin, .cluster');
    const marker = document.querySelector('relais-pathway').shadowRoot.querySelector('.marker');
    const cs = (e) => getComputedStyle(e);
    return {
      forced: matchMedia('(forced-colors: active)').matches,
      tile: tile && cs(tile).outlineStyle,
      pin: cs(pin).borderStyle,
      pinWidth: parseFloat(cs(pin).borderTopWidth),
      marker: cs(marker).borderStyle,
    };
  });
  assert.equal(r.forced, true);
  assert.equal(r.tile, 'solid', 'the selected tile is outlined');
  assert.notEqual(r.pin, 'none', 'map markers have a border');
  assert.ok(r.pinWidth >= 1);
  assert.notEqual(r.marker, 'none', 'pathway markers have a border');
  await page.close();
});

test('prefers-reduced-motion: the progress spinner does not spin', async () => {
  const names = {};
  for (const value of ['no-preference', 'reduce']) {
    const page = await demo.browser.newPage();
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value }]);
    await page.goto(demo.base + '/');
    await page.waitForFunction(() => document.querySelector('relais-directory')?.shadowRoot?.querySelector('.item'), { timeout: 20000 });
    names[value] = await page.evaluate(() => {
      const root = document.querySelector('relais-directory').shadowRoot;
      const probe = document.createElement('span');
      probe.className = 'spinner';
      root.querySelector('.root, section, div').append(probe);
      const n = getComputedStyle(probe).animationName;
      probe.remove();
      return n;
    });
    await page.close();
  }
  assert.equal(names['no-preference'], 'spin', 'the spinner spins by default');
  assert.equal(names.reduce, 'none');
});
