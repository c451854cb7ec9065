// Runs in headless Chromium (bench/run.mjs --only=prebuilt): the static source's two ways to become ready on the same
// data — the JSON file (parse, validation, index) and the prebuilt index (`relais-index`: checksum, decoding, restore)
// — and the keystrokes and relevance on both indexes, which must be the same.
import { normalizeDataset, ServiceIndex } from '@relais/core/headless';
import { decodeChunk, readManifest } from '@relais/core/prebuilt';

const QUERIES = ['ehpad nevers', 'aide a domicile', 'mdph', 'maison de retraite', 'clamcy', 'repit aidants', 'transport solidaire', 'portage de repas', 'accueil de jour', 'auxiliaire de vie'];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const gc = () => (globalThis.gc ? globalThis.gc() : undefined);
const now = () => performance.now();

function keystrokes(index) {
  const times = [];
  const tops = [];
  for (let rep = 0; rep < 3; rep++) {
    for (const q of QUERIES) {
      for (let n = 2; n <= q.length; n++) {
        const t = now();
        const r = index.search({ text: q.slice(0, n), pageSize: 20 });
        times.push(now() - t);
        if (rep === 0) tops.push(r.items.map((i) => i.service.id).join(','));
      }
    }
  }
  return { p50: pct(times, 50), p95: pct(times, 95), tops };
}

export async function run({ jsonUrl, manifestUrl, chunkCodes = [] }) {
  // each path measured on a clean heap (the other's data released first): a heap holding the other's gigabyte would
  // make the garbage collector, not the path, the measure
  // 1. the prebuilt index: the manifest and the file of every service, then checksum + decoding + restore
  gc();
  let t0 = now();
  const base = new URL(manifestUrl, location.href);
  const manifest = readManifest(await (await fetch(base.href)).json());
  const entry = manifest.all ?? manifest.chunks[0];
  let bytes = await (await fetch(new URL(entry.file, base).href)).arrayBuffer();
  let t1 = now();
  const chunk = await decodeChunk(bytes, entry);
  const t5 = now();
  let restored = ServiceIndex.fromSnapshot(chunk.snapshot);
  const t6 = now();
  const sha0 = now();
  await crypto.subtle.digest('SHA-256', bytes);
  const shaMs = now() - sha0;
  const prebuilt = { fetchMs: t1 - t0, decodeMs: t5 - t1, restoreMs: t6 - t5, shaMs, readyAfterBytesMs: t6 - t1, readyMs: t6 - t0, bytes: bytes.byteLength };
  const kp = keystrokes(restored);
  restored = null;
  bytes = null;
  // 2. the JSON file: fetch, then parse + validation + index once the bytes are here
  await new Promise((r) => setTimeout(r, 0));
  gc();
  t0 = now();
  const text = await (await fetch(jsonUrl)).text();
  t1 = now();
  const raw = JSON.parse(text);
  const t2 = now();
  const { structures, services } = normalizeDataset(raw);
  const t3 = now();
  const built = new ServiceIndex(structures, services);
  const t4 = now();
  const json = { fetchMs: t1 - t0, parseMs: t2 - t1, validateMs: t3 - t2, indexMs: t4 - t3, readyAfterBytesMs: t4 - t1, readyMs: t4 - t0, bytes: new TextEncoder().encode(text).byteLength };
  const ks = keystrokes(built);
  const same = kp.tops.length === ks.tops.length && kp.tops.every((t, i) => t === ks.tops[i]);
  // 3. a département page: its chunk alone
  const chunks = [];
  for (const code of chunkCodes) {
    const e = manifest.chunks.find((c) => c.code === code);
    if (!e) continue;
    const c0 = now();
    const b = await (await fetch(new URL(e.file, base).href)).arrayBuffer();
    const c1 = now();
    ServiceIndex.fromSnapshot((await decodeChunk(b, e)).snapshot);
    chunks.push({ code, services: e.services, bytes: e.bytes, readyAfterBytesMs: now() - c1, readyMs: now() - c0 });
  }
  return { size: services.length, json, prebuilt, keystrokes: { json: { p50: ks.p50, p95: ks.p95 }, prebuilt: { p50: kp.p50, p95: kp.p95 } }, sameResults: same, keystrokesCompared: ks.tops.length, chunks };
}
