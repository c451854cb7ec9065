#!/usr/bin/env node
// How often a reload just after a keystroke loses the last characters of the liaison form (issue 15: « zero loss »).
// On the demo page at 375 px: quick typing (5 ms between keys, as the journey tests), then a reload after 0, 5, 20,
// 50 ms; « Reprendre le brouillon », and the field compared with what was typed. 20 tries per delay (RELAIS_TRIES).
// A « Quitter le site ? » dialog (beforeunload) is counted, then answered « Quitter » (the worst case: the person leaves)
// or, with RELAIS_STAY=1, « Rester », and the reload is then done again once the page says « enregistré ».
// Usage: node scripts/build.mjs (once), then node scripts/measure-liaison-reload.mjs
import { createDemoServer } from '../examples/server/server.mjs';
import { launchChromium } from './browser.mjs';

const TRIES = Number(process.env.RELAIS_TRIES ?? 20);
const DELAYS = (process.env.RELAIS_DELAYS ?? '0,5,20,50').split(',').map(Number);
const STAY = process.env.RELAIS_STAY === '1';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// a reload cancelled by « Rester » leaves puppeteer waiting for its navigation: that wait fails when the browser closes
process.on('unhandledRejection', (e) => {
  if (!/closed/i.test(String(e))) throw e;
});

const server = createDemoServer();
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();
const inForm = (page, fn, ...args) => page.evaluate(fn, ...args);
const waitFor = (page, sel) => page.waitForFunction((s) => document.querySelector('relais-liaison-form')?.shadowRoot?.querySelector(s), { timeout: 15000 }, sel);
const click = (page, re) =>
  inForm(page, (src) => [...document.querySelector('relais-liaison-form').shadowRoot.querySelectorAll('button')].find((b) => new RegExp(src).test(b.textContent)).click(), re);

const results = [];
try {
  for (const delay of DELAYS) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    let dialogs = 0;
    let pendingDialog = null;
    let dialogNow = false;
    page.on('dialog', (d) => {
      dialogs++;
      dialogNow = true;
      if (d.type() !== 'beforeunload') return d.dismiss();
      if (STAY) {
        pendingDialog = 'stayed';
        return d.dismiss();
      }
      return d.accept();
    });
    await page.setViewport({ width: 375, height: 800 });
    await page.goto(base + '/');
    await waitFor(page, '#tasks-title');
    await click(page, 'Qui oriente');
    await waitFor(page, '#f-emetteur_structure');
    let expected = '';
    let lost = 0;
    for (let i = 0; i < TRIES; i++) {
      await inForm(page, () => {
        const f = document.querySelector('relais-liaison-form').shadowRoot.querySelector('#f-emetteur_structure');
        f.focus();
        f.setSelectionRange(f.value.length, f.value.length);
      });
      const word = ` mot${i}`;
      await page.keyboard.type(word, { delay: 5 });
      expected += word;
      if (delay) await sleep(delay);
      pendingDialog = null;
      dialogNow = false;
      let asked;
      const dialog = new Promise((r) => (asked = r));
      page.once('dialog', () => asked('dialog'));
      const reloaded = page.reload({ timeout: 15000 }).catch((e) => e);
      // a dismissed dialog cancels the navigation: its promise would only end with its timeout
      const r = await Promise.race([reloaded, STAY ? dialog : new Promise(() => {})]);
      if (pendingDialog === 'stayed') {
        // the person stayed: the page is still there; once the save landed, the reload goes without a dialog
        await sleep(300);
        dialogNow = false;
        await page.reload({ timeout: 15000 });
        if (dialogNow) console.log('  a dialog again, 300 ms after the person stayed');
      } else if (r instanceof Error) throw r;
      await page.waitForFunction(() => document.querySelector('relais-liaison-form')?.shadowRoot?.querySelector('#tasks-title, #resume-title'), { timeout: 15000 });
      await click(page, 'Reprendre le brouillon');
      await waitFor(page, '#f-emetteur_structure');
      const got = await inForm(page, () => document.querySelector('relais-liaison-form').shadowRoot.querySelector('#f-emetteur_structure').value);
      if (got !== expected) {
        lost++;
        console.log(`  ${delay} ms, try ${i + 1}: « …${expected.slice(-12)} » came back as « …${got.slice(-12)} »${dialogNow ? ' (after a dialog)' : ' (no dialog)'}`);
        expected = got;
      }
    }
    results.push({ delay, tries: TRIES, lost, dialogs });
    console.log(`reload ${delay} ms after the last key: ${lost}/${TRIES} lost, ${dialogs} dialog(s)`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(JSON.stringify(results));
