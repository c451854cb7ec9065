#!/usr/bin/env node
// Screenshots of the demo and the built Storybook, to look at as a person would (kept out of git):
//   node scripts/screenshot.mjs   → .screenshots/*.png (desktop, 320 px, 200 % zoom, detail view, keyboard focus,
//   the hostile-CSS page and the themes page)
import { mkdirSync } from 'node:fs';
import { createDemoServer } from '../examples/server/server.mjs';
import { launchChromium } from './browser.mjs';

mkdirSync('.screenshots', { recursive: true });
const server = createDemoServer();
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();
const ready = (page) => page.waitForFunction(() => document.querySelector('relais-directory')?.shadowRoot?.querySelectorAll('.item').length > 0, { timeout: 15000 });
const shots = [
  ['demo-desktop', { width: 1200, height: 1600, deviceScaleFactor: 1 }],
  ['demo-320', { width: 320, height: 2200, deviceScaleFactor: 1 }],
  ['demo-zoom200', { width: 640, height: 1400, deviceScaleFactor: 2 }],
];
const errors = [];
try {
  for (const [name, viewport] of shots) {
    const page = await browser.newPage();
    page.on('console', (m) => m.type() === 'error' && errors.push(`${name}: ${m.text()}`));
    page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
    await page.setViewport(viewport);
    await page.goto(`${base}/`);
    await ready(page);
    await page.screenshot({ path: `.screenshots/${name}.png`, fullPage: false });
    await page.close();
  }
  // detail view, opened from the keyboard
  const page = await browser.newPage();
  await page.setViewport({ width: 1000, height: 1400 });
  await page.goto(`${base}/`);
  await ready(page);
  const steps = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    steps.push(await page.evaluate(() => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return `${a?.tagName.toLowerCase()}${a?.id ? '#' + a.id : ''} ${(a?.getAttribute('aria-label') || a?.textContent || '').trim().slice(0, 40)}`;
    }));
  }
  console.log('Tab order:\n  ' + steps.join('\n  '));
  await page.screenshot({ path: '.screenshots/demo-focus.png' });
  await page.evaluate(() => document.querySelector('relais-directory').shadowRoot.querySelector('.title-link').click());
  await new Promise((r) => setTimeout(r, 300));
  await page.screenshot({ path: '.screenshots/demo-detail.png' });
  await page.goto(`${base}/iife.html`);
  await ready(page);
  await page.screenshot({ path: '.screenshots/demo-iife.png' });
  // the example pages: strict CSP with hostile host CSS, and the themes (full page)
  for (const name of ['hostile', 'themes']) {
    await page.setViewport({ width: 1100, height: 1200 });
    await page.goto(`${base}/${name}.html`);
    await ready(page);
    await new Promise((r) => setTimeout(r, 500));
    await page.screenshot({ path: `.screenshots/example-${name}.png`, fullPage: true });
  }
} finally {
  await browser.close();
  server.close();
}
console.log(errors.length ? `Console errors:\n${errors.join('\n')}` : 'No console errors.');
