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
