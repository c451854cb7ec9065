// The demo as a newcomer sees it: the reference server, the built CDN bundle, a strict CSP, in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useDemo } from './demo-harness.mjs';

const demo = useDemo();

for (const path of ['/', '/iife.html']) {
  test(`demo ${path}: results render under a strict CSP with no console error`, async () => {
    const page = await demo.browser.newPage();
    const problems = [];
    page.on('console', (m) => (m.type() === 'error' || /Content Security Policy/i.test(m.text())) && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    const res = await page.goto(demo.base + path);
    assert.match(res.headers()['content-security-policy'], /script-src 'self'/);
    await page.waitForFunction(() => document.querySelector('relais-directory')?.shadowRoot?.querySelectorAll('.item').length > 0, { timeout: 15000 });
    const status = await page.evaluate(() => document.querySelector('relais-directory').shadowRoot.querySelector('.status').textContent);
    assert.match(status, /\d+ services? trouvés?/);
    // the sample file is validated and indexed in a Web Worker (under the strict CSP: worker-src falls back to 'self')
    const where = await page.evaluate(async () => {
      const c = document.querySelector('relais-provider')?.client ?? window.Relais.createClient({ source: 'static', url: '/data/nievre.json' });
      await c.ready();
      return c.indexedIn;
    });
    assert.equal(where, 'worker');
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('the reference REST API answers the contract, with problem+json errors', async () => {
  const ok = await (await fetch(`${demo.base}/api/services?q=ehpad&code_commune=58079&size=2`)).json();
  assert.equal(ok.items.length, 2);
  assert.equal(typeof ok.items[0].distance_km, 'number');
  const bad = await fetch(`${demo.base}/api/services?size=0&bbox=1,2`);
  assert.equal(bad.status, 400);
  assert.match(bad.headers.get('content-type'), /problem\+json/);
  const body = await bad.json();
  assert.deepEqual(body['invalid-params'].map((p) => p.name).sort(), ['bbox', 'size']);
  assert.equal((await fetch(`${demo.base}/api/services?code_commune=99999`)).status, 422);
  assert.equal((await fetch(`${demo.base}/api/services/inconnu`)).status, 404);
  assert.equal((await fetch(`${demo.base}/../../etc/passwd`)).status, 404);
});
