// One demo server and one Chromium for a Node test file: `const demo = useDemo();` then `demo.base`, `demo.browser`.
import { before, after } from 'node:test';
import { createDemoServer } from '../../examples/server/server.mjs';
import { launchChromium } from '../../scripts/browser.mjs';

export function useDemo() {
  const demo = { server: null, browser: null, base: '' };
  before(async () => {
    demo.server = createDemoServer();
    await new Promise((r) => demo.server.listen(0, '127.0.0.1', r));
    demo.base = `http://127.0.0.1:${demo.server.address().port}`;
    demo.browser = await launchChromium();
  });
  after(async () => {
    await demo.browser?.close();
    demo.server?.close();
  });
  return demo;
}

/**
 * Opens the demo page in a new tab `width` px wide (800 px high under 600 px, else 900), gathering the console's
 * errors and the page's exceptions in `problems`, and waits until `ready` (run in the page) holds (15 s at most).
 * `page`: a tab already made (e.g. in a context of its own).
 */
export async function openDemoPage(demo, width, ready, page) {
  page ??= await demo.browser.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.setViewport({ width, height: width < 600 ? 800 : 900 });
  await page.goto(demo.base + '/');
  await page.waitForFunction(ready, { timeout: 15000 });
  return { page, problems };
}

/**
 * The focused element through shadow roots: a number of its own (`uid`: two links alike are still two stops), its
 * widget (`host`), tag, id, class, type, value, whether it is the journey's marked target (`data-journey`), its name
 * (`label`, at most `max` characters) and whether it is on screen.
 */
export function focusedElement(page, max = 100) {
  return page.evaluate((max) => {
    let a = document.activeElement;
    let host = null;
    while (a?.shadowRoot?.activeElement) {
      host ??= a.tagName.toLowerCase();
      a = a.shadowRoot.activeElement;
    }
    const r = a?.getBoundingClientRect();
    window.__relaisIds ??= new WeakMap();
    if (a && !window.__relaisIds.has(a)) window.__relaisIds.set(a, (window.__relaisIds.n = (window.__relaisIds.n ?? 0) + 1));
    return {
      uid: a ? window.__relaisIds.get(a) : 0,
      host,
      tag: a?.tagName.toLowerCase(),
      id: a?.id ?? '',
      cls: typeof a?.className === 'string' ? a.className : '',
      type: a?.getAttribute?.('type') ?? '',
      value: a?.value ?? '',
      target: !!a?.hasAttribute?.('data-journey'),
      label: (a?.getAttribute?.('aria-label') || a?.textContent || '').trim().replace(/\s+/g, ' ').slice(0, max),
      inView: !!r && r.bottom > 0 && r.top < innerHeight && r.height > 0,
    };
  }, max);
}
