// Runs in headless Chromium (bench/run.mjs): <relais-directory> on a large dataset.
import { createClient } from '@relais/core';
import '@relais/directory/define.js';

const QUERIES = ['ehpad nevers', 'aide a domicile', 'mdph', 'maison de retraite', 'repit aidants', 'portage de repas'];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

export async function run({ url }) {
  const data = await (await fetch(url)).json();
  const t0 = performance.now();
  const client = createClient({ source: 'static', data });
  await client.ready();
  const tReady = performance.now();
  const el = document.createElement('relais-directory');
  el.client = client;
  el.setAttribute('departements', '58');
  document.body.append(el);
  const rendered = () => el.shadowRoot?.querySelectorAll('.item').length > 0 && el.status === 'idle';
  while (!rendered()) await new Promise((r) => requestAnimationFrame(r));
  const tFirst = performance.now();
  const times = [];
  for (let rep = 0; rep < 2; rep++) {
    for (const q of QUERIES) {
      for (let n = 2; n <= q.length; n++) {
        el.text = q.slice(0, n);
        const s = performance.now();
        await el.runSearch();
        await el.updateComplete;
        times.push(performance.now() - s);
      }
    }
  }
  // with a commune: distance sort and eligibility zones
  el.place = { kind: 'commune', code: '58194', name: 'Nevers' };
  const withPlace = [];
  for (const q of QUERIES) {
    el.text = q;
    const s = performance.now();
    await el.runSearch();
    await el.updateComplete;
    withPlace.push(performance.now() - s);
  }
  el.remove();
  return { size: data.services.length, validateAndIndexMs: tReady - t0, firstRenderAfterReadyMs: tFirst - tReady, firstRenderAfterDataMs: tFirst - t0, p50: pct(times, 50), p95: pct(times, 95), max: Math.max(...times), placeP95: pct(withPlace, 95), samples: times.length };
}

/**
 * What loading a large static file costs the page: the longest main-thread task and the sum of long tasks (> 50 ms,
 * PerformanceObserver) from createClient to ready, with the index built on the page and in the Web Worker.
 */
export async function responsiveness({ url }) {
  const out = {};
  for (const worker of [false, true]) {
    const tasks = [];
    const obs = new PerformanceObserver((l) => tasks.push(...l.getEntries().map((e) => e.duration)));
    obs.observe({ type: 'longtask', buffered: false });
    const t0 = performance.now();
    const client = createClient({ source: 'static', url, worker, cacheTtlMs: 0 });
    await client.ready();
    const readyMs = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 100));
    obs.disconnect();
    out[worker ? 'worker' : 'page'] = { where: client.indexedIn, readyMs, longestTaskMs: tasks.length ? Math.max(...tasks) : 0, longTasksMs: tasks.reduce((a, b) => a + b, 0), longTasks: tasks.length };
  }
  return out;
}
