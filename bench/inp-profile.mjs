// CPU profile, Event Timing entries over 100 ms and long animation frames of typing the bench's query in <relais-directory> alone
// (4× CPU, the mobile network profile): `node bench/inp-profile.mjs [page path]` after `npm run build` (issue 21).
import { launchChromium } from '../scripts/browser.mjs';
import { keepPageOffline } from '../scripts/offline-tiles.mjs';
import { createDemoServer } from '../examples/server/server.mjs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const page_ = process.argv[2] ?? '/bench/mobile/directory.html';
const server = createDemoServer({ compression: true, mounts: [['/bench/mobile/', join(root, 'bench/results/mobile')]] });
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();
try {
  const ctx = await browser.createBrowserContext();
  const page = await keepPageOffline(await ctx.newPage());
  await page.evaluateOnNewDocument(() => {
    window.__ev = []; window.__loaf = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.interactionId) window.__ev.push({ name: e.name, start: Math.round(e.startTime), dur: e.duration, ps: Math.round(e.processingStart - e.startTime), pe: Math.round(e.processingEnd - e.startTime) }); }).observe({ type: 'event', durationThreshold: 16, buffered: true });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__loaf.push({ start: Math.round(e.startTime), dur: Math.round(e.duration), scripts: e.scripts.map((s) => `${s.invoker} ${s.sourceFunctionName} ${s.sourceURL.split('/').pop()} ${Math.round(s.duration)}`) }); }).observe({ type: 'long-animation-frame', buffered: true });
  });
  await page.setViewport({ width: 375, height: 812, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 170, downloadThroughput: 9e6 / 8, uploadThroughput: 1.5e6 / 8 });
  await page.goto(base + page_, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('relais-directory')?.shadowRoot?.querySelector('.item'), { timeout: 60000 });
  await new Promise((r) => setTimeout(r, 1500));
  const input = (await page.evaluateHandle(() => document.querySelector('relais-directory').shadowRoot.querySelector('#what'))).asElement();
  await input.click();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.keyboard.type('aide a domicile', { delay: 150 });
  await new Promise((r) => setTimeout(r, 3000));
  const { profile } = await cdp.send('Profiler.stop');
  const { __ev, __loaf } = await page.evaluate(() => ({ __ev: window.__ev, __loaf: window.__loaf }));
  const from = Math.min(...__ev.map((e) => e.start));
  console.log('events', JSON.stringify(__ev.filter((e) => e.dur > 100)));
  for (const l of __loaf.filter((l) => l.start > from - 200 && l.dur > 80)) console.log('loaf', l.start, l.dur, l.scripts.join(' | '));
  const self = new Map();
  const dt = profile.timeDeltas;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const t = new Map();
  profile.samples.forEach((id, i) => t.set(id, (t.get(id) ?? 0) + (dt[i] ?? 0)));
  let total = 0;
  for (const [id, us] of t) {
    const n = byId.get(id);
    const f = n.callFrame;
    if (f.functionName === '(idle)' || f.functionName === '(program)') continue;
    total += us;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + us);
  }
  console.log(`busy (sampled, throttled) ${(total / 1000).toFixed(0)} ms during typing + 3 s`);
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(us / 1000).toFixed(1).padStart(7)} ms  ${k}`);
} finally {
  await browser.close();
  server.close();
  server.closeAllConnections?.();
}
