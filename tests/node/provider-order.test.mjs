// The demo whatever order the CDN autoloader's chunks arrive in. The autoloader (relais.js) imports the chunk of each
// element on the page in parallel and each chunk defines its element when it has loaded: a widget inside
// <relais-provider> may be upgraded before the provider or after it. Both orders are forced here, deterministically:
// the chunks of one side are held (CDP Fetch) until the other side's elements are defined. In both orders the directory
// and the map must get the provider's client and the directory must search (before the fix, the provider-last order
// left both widgets without a client and the directory empty: about one real page load in 16).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useDemo } from './demo-harness.mjs';

const demo = useDemo();

/**
 * Opens the demo with the chunks of `held` (element names) held back until every element of `first` is defined
 * (or 10 s have passed: the test then fails on its own assertions, it never hangs).
 */
async function openInOrder(first, held) {
  const page = await demo.browser.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  const cdp = await page.createCDPSession();
  const released = [];
  cdp.on('Fetch.requestPaused', async (e) => {
    const path = new URL(e.request.url).pathname;
    if (held.some((tag) => path === `/relais/widgets/${tag}.js`)) {
      await page
        .waitForFunction((tags) => tags.every((t) => customElements.get(t)), { timeout: 10000 }, first)
        .then(() => released.push(path), () => released.push(`${path} (timeout)`));
    }
    await cdp.send('Fetch.continueRequest', { requestId: e.requestId }).catch(() => {}); // the page may be closing
  });
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*/relais/widgets/*' }] });
  await page.goto(demo.base + '/');
  return { page, problems, released };
}

const ORDERS = [
  { name: 'the widgets upgraded before the provider', first: ['relais-directory', 'relais-map'], held: ['relais-provider'] },
  { name: 'the provider upgraded before the widgets', first: ['relais-provider'], held: ['relais-directory', 'relais-map'] },
];

for (const { name, first, held } of ORDERS) {
  test(`demo /: ${name} — the directory and the map get the provider's client and the directory searches`, async () => {
    const { page, problems, released } = await openInOrder(first, held);
    try {
      await page.waitForFunction((tags) => tags.every((t) => customElements.get(t)), { timeout: 15000 }, ['relais-provider', 'relais-directory', 'relais-map']);
      // the forced order really happened: the held chunks were let through only after the others were defined
      assert.deepEqual(released.sort(), held.map((t) => `/relais/widgets/${t}.js`).sort());
      const results = await page
        .waitForFunction(() => document.querySelector('relais-directory')?.shadowRoot?.querySelectorAll('.item').length > 0, { timeout: 15000 })
        .then(() => true, () => false);
      const state = await page.evaluate(() => {
        const provider = document.querySelector('relais-provider');
        const directory = document.querySelector('relais-directory');
        const map = document.querySelector('relais-map');
        return {
          providerClient: !!provider.client,
          directoryHasProviderClient: !!provider.client && directory.client === provider.client,
          mapHasProviderClient: !!provider.client && map.client === provider.client,
          status: directory.shadowRoot?.querySelector('.status')?.textContent.trim() ?? '',
        };
      });
      assert.deepEqual(
        { results, ...state, status: /\d+ services? trouvés?/.test(state.status) },
        { results: true, providerClient: true, directoryHasProviderClient: true, mapHasProviderClient: true, status: true },
        `state: ${JSON.stringify(state)}`,
      );
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
}
