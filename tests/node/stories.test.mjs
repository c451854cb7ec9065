// Every built Storybook story renders and is axe-clean (WCAG 2.x A/AA rules), in Chromium.
// Needs `storybook build` first (npm test does it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, serveStatic } from '../../scripts/browser.mjs';

const dir = join(process.cwd(), 'storybook-static');
const axeSource = readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');
let server;
let browser;
let base;

before(async () => {
  ({ server, origin: base } = await serveStatic(dir));
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  server?.close();
});

const index = existsSync(join(dir, 'index.json')) ? JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) : { entries: {} };
const stories = Object.values(index.entries).filter((e) => e.type === 'story');

test('the Storybook build has stories', () => {
  assert.ok(stories.length >= 6, `found ${stories.length} stories; run storybook build first`);
});

// every story in the default theme, and again in each other theme of @relais/themes (the toolbar's global), so that
// axe's colour-contrast rule checks every theme on the rendered widgets
const THEMES = ['default', 'high-contrast', 'dark', 'dsfr'];
const runs = stories.flatMap((s) => THEMES.map((theme) => ({ s, theme })));

for (const { s, theme } of runs) {
  test(`story ${s.title} / ${s.name} [${theme}]: renders, axe-clean, no console error`, async () => {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${base}/iframe.html?id=${s.id}&viewMode=story&globals=theme:${theme}`);
    await page.waitForFunction(
      () => {
        const p = document.querySelector('relais-pathway')?.shadowRoot;
        if (p) return p.querySelector('ol, [role="alert"]');
        const lf = document.querySelector('relais-liaison-form')?.shadowRoot;
        if (lf) return lf.querySelector('#tasks-title, #resume-title, #unlock-title, [role="alert"]');
        const el = document.querySelector('relais-eligibility')?.shadowRoot;
        if (el) return el.querySelector('form, .results');
        const m = document.querySelector('relais-map')?.shadowRoot;
        if (m) return m.querySelector('.leaflet-marker-icon');
        const r = document.querySelector('relais-directory')?.shadowRoot;
        return r && (r.querySelector('.item') || r.querySelector('.empty') || r.querySelector('[part="error"]') || /Recherche en cours/.test(r.querySelector('.status')?.textContent ?? ''));
      },
      { timeout: 15000 },
    );
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      // Storybook's a11y addon may be running axe in the same page: wait for it.
      for (let attempt = 0; ; attempt++) {
        try {
          const r = await window.axe.run(document.querySelector('#storybook-root') ?? document.body, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
          return r.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target.join(' ')})`);
        } catch (e) {
          if (attempt > 20 || !/already running/.test(String(e))) throw e;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
    });
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
    const applied = await page.evaluate(() => document.querySelector('.story-theme')?.className ?? '');
    assert.match(applied, new RegExp(`relais-theme-${theme}\\b`), 'the theme global reached the story');
    await page.close();
  });
}
