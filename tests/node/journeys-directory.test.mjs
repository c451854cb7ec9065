// Journeys into the directory on the demo page (issue 15, B1 and B2 of the journey review), at 1280 px and 375 px:
// - a daughter looking where to apply for her mother in Clamecy (« Trouver : Conseil départemental / maison des
//   solidarités près de chez vous », « Trouver : MDPH / MDA près de chez vous », the eligibility widget's hand-offs) is
//   taken to the results (scrolled into view, focus on their heading), and they are never empty — the office that
//   handles the request is found beyond 50 km and the page says so, with its phone number.
// The request goes through the provider's store, as the eligibility and pathway widgets send it.
// The screen each hand-off lands on at 375 px is saved in .screenshots/journey-handoff-<kind>-375.png (kept out of git).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { useDemo } from './demo-harness.mjs';

const demo = useDemo();
mkdirSync('.screenshots', { recursive: true });

for (const width of [1280, 375]) {
  test(`hand-off, ${width} px: « Trouver : … » lands on results that are never empty, and says why they are wider`, async () => {
    const page = await demo.browser.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.setViewport({ width, height: width < 600 ? 800 : 900 });
    const results = () => page.waitForFunction(() => document.querySelector('relais-directory')?.shadowRoot?.querySelectorAll('.item').length > 0, { timeout: 15000 });
    await page.goto(demo.base + '/');
    await results();
    const requests = [
      { from: 'eligibility', typologies: ['conseil-departemental'], commune: '58079', reason: 'Où faire la demande d’APA' },
      { from: 'eligibility', typologies: ['mdph-mda'], commune: '58079', reason: 'Où faire la demande de PCH' },
    ];
    const labels = requests.map((r) => r.typologies[0]);
    for (const label of labels) {
      await page.evaluate((r) => document.querySelector('relais-provider').store.requestDirectory(r), requests[labels.indexOf(label)]);
      // taken to the results: focus on their heading, on screen
      await page.waitForFunction(() => document.querySelector('relais-directory').shadowRoot.activeElement?.id === 'results-title', { timeout: 10000 });
      await page.waitForFunction(() => {
        const r = document.querySelector('relais-directory').shadowRoot.querySelector('#results-title').getBoundingClientRect();
        return r.top >= -1 && r.bottom <= innerHeight + 1;
      }, { timeout: 5000 });
      await page.waitForFunction(() => document.querySelector('relais-directory').shadowRoot.querySelector('.status')?.textContent.trim().length > 0 && document.querySelector('relais-directory').status === 'idle', { timeout: 10000 });
      const state = await page.evaluate(() => {
        const root = document.querySelector('relais-directory').shadowRoot;
        return {
          status: root.querySelector('.status').textContent.trim(),
          widened: root.querySelector('.widened')?.textContent.trim() ?? null,
          live: root.querySelector('#live').textContent.trim(),
          items: root.querySelectorAll('.item').length,
          phone: root.querySelector('.item a[href^="tel:"]')?.textContent.trim() ?? null,
        };
      });
      assert.ok(state.items > 0, `${label}: never zero results (${state.status})`);
      assert.doesNotMatch(state.status, /Aucun service/, label);
      if (state.widened) {
        assert.match(state.widened, /^Aucun service de ce type (à moins de 50 km de|ne déclare desservir) Clamecy : voici .*\(\d+ km\)/, label);
        assert.ok(state.live.includes(state.widened), label);
        assert.doesNotMatch(state.status, /près de/, `${label}: widened results are not said to be near`);
      }
      assert.ok(state.phone, `${label}: a phone number to call`);
      if (width === 375) await page.screenshot({ path: `.screenshots/journey-handoff-${label}-375.png` });
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    }
    assert.ok(labels.length > 0);
    assert.deepEqual(problems, []);
    await page.close();
  });
}
