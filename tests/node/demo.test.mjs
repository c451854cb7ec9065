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
    if (path === '/') {
      // the demo page reads the server's REST API (npm start: @relais/server; here the reference implementation)
      assert.equal(await page.evaluate(() => document.querySelector('relais-provider').client.source), 'rest');
    } else {
      // the sample file is validated and indexed in a Web Worker (under the strict CSP: worker-src falls back to 'self')
      const where = await page.evaluate(async () => {
        const c = window.Relais.createClient({ source: 'static', url: '/data/nievre.json' });
        await c.ready();
        return c.indexedIn;
      });
      assert.equal(where, 'worker');
    }
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

/** Waits for results, then returns the visible items: title and the « Mis à jour … · Source : … » line. */
async function items(page) {
  await page.waitForFunction(() => document.querySelector('relais-directory')?.shadowRoot?.querySelectorAll('.item').length > 0, { timeout: 20000 });
  return page.evaluate(() => [...document.querySelector('relais-directory').shadowRoot.querySelectorAll('.item')].map((li) => ({ title: li.querySelector('.title-link').textContent.trim(), updated: li.querySelector('.updated').textContent.trim() })));
}

/** Opens a demo page and types words in the directory's search field (the demo keeps typed words out of its URLs: `sync-url`, not `sync-url="text"`). */
async function searchFor(page, path, words) {
  await page.goto(demo.base + path);
  await items(page);
  await page.evaluate((w) => {
    const input = document.querySelector('relais-directory').shadowRoot.querySelector('#what');
    input.value = w;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.form.requestSubmit();
  }, words);
}

test('demo /: real and fictional records side by side, each labelled with its source (FINESS says janvier 2021)', async () => {
  const page = await demo.browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await searchFor(page, '/', 'ehpad');
  const banner = await page.evaluate(() => document.querySelector('.demo-banner').textContent);
  assert.match(banner, /Réelles/);
  assert.match(banner, /Fictives/);
  assert.match(banner, /FINESS, janvier 2021/);
  // « ehpad »: the real EHPAD of the FINESS file, each with its date beside it
  await page.waitForFunction(() => /EHPAD/.test(document.querySelector('relais-directory')?.shadowRoot?.querySelector('.item .title-link')?.textContent ?? ''), { timeout: 20000 });
  const ehpad = await items(page);
  assert.ok(ehpad.length > 0);
  for (const i of ehpad.filter((x) => /EHPAD/.test(x.title))) assert.match(i.updated, /Source : FINESS, janvier 2021$/, i.title);
  // « carte grise » near Clamecy: the real France services of Clamecy first, labelled as ANCT data
  await searchFor(page, '/', 'carte grise');
  await page.waitForFunction(() => /France services/.test(document.querySelector('relais-directory')?.shadowRoot?.querySelector('.item .title-link')?.textContent ?? ''), { timeout: 20000 });
  const cg = await items(page);
  assert.match(cg[0].title, /France services de Clamecy/);
  assert.match(cg[0].updated, /Source : ANCT – liste des France services, 01\/08\/2024$/);
  // and the fictional records say so
  await searchFor(page, '/', 'ccas');
  await page.waitForFunction(() => /CCAS/.test(document.querySelector('relais-directory')?.shadowRoot?.querySelector('.item .title-link')?.textContent ?? ''), { timeout: 20000 });
  const ccas = await items(page);
  assert.match(ccas[0].updated, /Source : Donnée fictive \(démonstration\)$/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('demo /france.html: the 2 845 real France services sites, searchable by démarche', async () => {
  const page = await demo.browser.newPage();
  const problems = [];
  page.on('console', (m) => (m.type() === 'error' || /Content Security Policy/i.test(m.text())) && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${demo.base}/france.html`);
  await items(page);
  const status = await page.evaluate(() => document.querySelector('relais-directory').shadowRoot.querySelector('.status').textContent);
  assert.match(status.replace(/\s/g, ''), /2845servicestrouvés/);
  await searchFor(page, '/france.html', 'passeport');
  await page.waitForFunction(() => /France services/.test(document.querySelector('relais-directory')?.shadowRoot?.querySelector('.item .title-link')?.textContent ?? ''), { timeout: 20000 });
  const found = await items(page);
  assert.ok(found.every((i) => /Source : ANCT – liste des France services, 01\/08\/2024$/.test(i.updated)));
  assert.deepEqual(problems, []);
  await page.close();
});
