// The prebuilt index (packages/core/src/search/prebuilt.ts): its files round-trip, refuse damage with French errors,
// give the same search results as the JSON file (demo and real France Services data), load only the chunks of the
// départements a page serves, and the `relais-index` command writes them.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createClient, RelaisError, ServiceIndex, normalizeDataset } from '@relais/core/headless';
import { buildPrebuiltIndex, decodeChunk, encodeChunk, mergeChunks, NATIONAL_CHUNK } from '@relais/core/prebuilt';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const read = (f) => JSON.parse(readFileSync(join(root, f), 'utf8'));
const demo = read('examples/data/nievre-demo.json');
const fs = read('examples/data/france-services.json');

/** A fetch serving the built files at http://relais.test/index/… and counting what is asked. */
function serve(built) {
  const asked = [];
  const fetch = async (url) => {
    const name = new URL(url).pathname.replace('/index/', '');
    asked.push(name);
    if (name === 'manifest.json') return new Response(JSON.stringify(built.manifest), { headers: { 'content-type': 'application/json' } });
    const bytes = built.files.get(name);
    return bytes ? new Response(bytes, { headers: { 'content-type': 'application/octet-stream' } }) : new Response('absent', { status: 404 });
  };
  return { fetch, asked };
}

const QUERIES = ['ehpad nevers', 'aide a domicile', 'mdph', 'maison de retraite', 'clamcy', 'repit aidants', 'transport solidaire', 'portage de repas', 'accueil de jour', 'auxiliaire de vie', 'ehp', 'france services', 'carte grise', 'cni', 'caf', 'impots', 'retraite', 'pole emploi'];
const VARIANTS = [{}, { thematiques: ['autonomie'] }, { sort: 'name' }, { commune: '58086' }, { commune: '58194', typologies: ['ehpad'] }, { departements: ['58'] }, { departements: ['58', '89'] }, { departements: ['21'], publics: ['seniors'] }];
const view = (r) => ({ ids: r.items.map((i) => i.service.id), distances: r.items.map((i) => i.distanceKm), total: r.total, facets: r.facets, relaxed: r.relaxed, recognized: r.recognizedPlace?.code, elsewhere: r.elsewhere });

async function sameResults(raw) {
  const built = await buildPrebuiltIndex(raw);
  const { fetch } = serve(built);
  const json = createClient({ source: 'static', data: raw });
  const pre = createClient({ source: 'static', url: 'http://relais.test/index/manifest.json', fetch });
  let compared = 0;
  for (const text of QUERIES) {
    for (const v of VARIANTS) {
      const q = { text, pageSize: 30, ...v };
      assert.deepEqual(view(await pre.search(q)), view(await json.search(q)), JSON.stringify(q));
      compared++;
    }
  }
  const any = (await json.search({ pageSize: 1 })).items[0].service.id;
  assert.deepEqual(await pre.get(any), await json.get(any));
  assert.deepEqual(pre.diagnostics, json.diagnostics);
  return compared;
}

describe('prebuilt index: same results as the JSON file', () => {
  test('Nièvre demo data: every query and filter gives the same ids, order, totals and facets', async () => {
    assert.equal(await sameResults(demo), QUERIES.length * VARIANTS.length);
  });
  test('real France Services data (2 845 services, 102 chunks)', async () => {
    assert.equal(await sameResults(fs), QUERIES.length * VARIANTS.length);
  });
});

describe('prebuilt index: the file format', () => {
  const { structures, services } = normalizeDataset(demo);
  const snapshot = new ServiceIndex(structures, services).toSnapshot();
  const chunk = { code: '58', snapshot, seq: Uint32Array.from(services, (_, i) => i), deps: services.map(() => '58') };
  const fails = (re) => (e) => e instanceof RelaisError && e.kind === 'invalid-payload' && re.test(e.message);

  test('round trip: the records, arrays and search are those written', async () => {
    const bytes = await encodeChunk(chunk);
    const back = await decodeChunk(bytes);
    assert.equal(back.code, '58');
    assert.deepEqual(back.snapshot.services, services);
    assert.deepEqual(back.snapshot.structures, snapshot.structures);
    for (const k of ['sorted', 'offsets', 'postDocs', 'postWeights', 'idf']) assert.deepEqual(back.snapshot.text[k], snapshot.text[k], k);
    assert.deepEqual(back.snapshot.text.synonyms, snapshot.text.synonyms);
    assert.deepEqual(back.snapshot.facets, snapshot.facets);
    assert.deepEqual(back.snapshot.lat, snapshot.lat);
    const restored = ServiceIndex.fromSnapshot(back.snapshot);
    const built = new ServiceIndex(structures, services);
    for (const text of QUERIES) assert.deepEqual(view(restored.search({ text })), view(built.search({ text })));
    // a Node Buffer at an odd offset is read too (copied to align the arrays)
    const odd = Buffer.concat([Buffer.from([0]), Buffer.from(bytes)]).subarray(1);
    assert.equal((await decodeChunk(odd)).snapshot.services.length, services.length);
  });

  test('a changed byte: the checksum refuses it, in French', async () => {
    const bytes = await encodeChunk(chunk);
    const bad = bytes.slice();
    bad[bad.length - 100] ^= 1;
    await assert.rejects(decodeChunk(bad), fails(/endommagé ou incomplet.*relais-index/));
    // the manifest's checksum must match too
    await assert.rejects(decodeChunk(bytes, { sha256: '0'.repeat(64) }), fails(/endommagé/));
  });

  test('a truncated file, a file of another kind: refused, in French', async () => {
    const bytes = await encodeChunk(chunk);
    await assert.rejects(decodeChunk(bytes.subarray(0, bytes.length - 8)), fails(/endommagé ou incomplet/));
    await assert.rejects(decodeChunk(bytes.subarray(0, 30)), fails(/endommagé ou incomplet/));
    await assert.rejects(decodeChunk(new TextEncoder().encode('{"structures":[],"services":[]}')), fails(/pas un index préconstruit/));
  });

  test('another format version or another SDK version: refused, naming the command to run again', async () => {
    const bytes = await encodeChunk(chunk);
    const text = new TextDecoder().decode(bytes.subarray(0, 400));
    const patch = (from, to) => {
      assert.equal(from.length, to.length);
      const at = text.indexOf(from);
      assert.ok(at > 0, from);
      const b = bytes.slice();
      b.set(new TextEncoder().encode(to), at);
      return b;
    };
    await assert.rejects(decodeChunk(patch('"version":1', '"version":9')), fails(/version de format que cette page ne lit pas \(9\).*relais-index/));
    const { version } = JSON.parse(readFileSync(join(root, 'packages/core/package.json'), 'utf8'));
    await assert.rejects(decodeChunk(patch(`"sdk":"${version}"`, `"sdk":"${'9.9.0'.padEnd(version.length, '0')}"`)), fails(/produit par Relais 9\.9\.0 et cette page utilise Relais/));
    // nothing half-loaded: a client given a damaged chunk rejects, and retries from scratch on the next call
    const built = await buildPrebuiltIndex(demo);
    const good = built.files.get('58.rix');
    built.files.set('58.rix', patch('"version":1', '"version":9'));
    const c = createClient({ source: 'static', url: 'http://relais.test/index/manifest.json', fetch: serve(built).fetch, retries: 0 });
    await assert.rejects(c.search({ text: 'ehpad' }), fails(/version de format/));
    built.files.set('58.rix', good);
    assert.ok((await c.search({ text: 'ehpad' })).total > 0);
  });

  test('a manifest of another version is refused in French', async () => {
    const built = await buildPrebuiltIndex(demo);
    built.manifest.version = 2;
    const c = createClient({ source: 'static', url: 'http://relais.test/index/manifest.json', fetch: serve(built).fetch });
    await assert.rejects(c.ready(), fails(/version de format que cette page ne lit pas \(2\)/));
  });
});

describe('prebuilt index: chunks by département', () => {
  test('a page serving some départements downloads only their chunks, and finds what the JSON file finds there', async () => {
    const built = await buildPrebuiltIndex(fs);
    assert.ok(built.manifest.chunks.length > 90);
    assert.equal(built.manifest.chunks.reduce((n, c) => n + c.services, 0), built.manifest.services);
    const { fetch, asked } = serve(built);
    const pre = createClient({ source: 'static', url: 'http://relais.test/index/manifest.json', fetch, departements: ['58', '89'] });
    const json = createClient({ source: 'static', data: fs });
    for (const text of QUERIES) {
      for (const departements of [['58'], ['89'], ['58', '89']]) {
        const q = { text, departements, pageSize: 30 };
        assert.deepEqual(view(await pre.search(q)), view(await json.search(q)), JSON.stringify(q));
      }
    }
    const national = built.manifest.chunks.some((c) => c.code === NATIONAL_CHUNK) ? [`${NATIONAL_CHUNK}.rix`] : [];
    assert.deepEqual(asked.sort(), ['58.rix', '89.rix', 'manifest.json', ...national].sort());
    const bytes = built.manifest.chunks.filter((c) => ['58', '89'].includes(c.code)).reduce((n, c) => n + c.bytes, 0);
    assert.ok(bytes < built.manifest.all.bytes / 20, `${bytes} octets pour 2 départements`);
    // without départements, the file of every service alone
    const all = serve(built);
    await createClient({ source: 'static', url: 'http://relais.test/index/manifest.json', fetch: all.fetch }).ready();
    assert.deepEqual(all.asked, ['manifest.json', 'france.rix']);
  });

  test('remote-only services go to the national chunk, and merging chunks keeps the source order', async () => {
    const raw = structuredClone(demo);
    raw.services[3].modes_accueil = ['a-distance'];
    raw.services[10].modes_accueil = ['a-distance'];
    const built = await buildPrebuiltIndex(raw);
    const national = built.manifest.chunks.find((c) => c.code === NATIONAL_CHUNK);
    assert.equal(national?.services, 2);
    const chunks = await Promise.all(built.manifest.chunks.map((c) => decodeChunk(built.files.get(c.file))));
    const merged = mergeChunks(chunks);
    const { structures, services } = normalizeDataset(raw);
    assert.deepEqual(merged.items.map((i) => i.service.id), services.map((s) => s.id));
    const whole = new ServiceIndex(structures, services);
    for (const text of QUERIES) assert.deepEqual(view(merged.search({ text, pageSize: 40 })), view(whole.search({ text, pageSize: 40 })));
  });
});

test('relais-index: validates, writes the manifest and chunks, prints a French summary', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'relais-index-'));
  try {
    const r = spawnSync(process.execPath, [join(root, 'packages/core/bin/relais-index.mjs'), join(root, 'examples/data/france-services.json'), '-o', dir], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Index préconstruit : 2\s845 services, .* 102 morceaux .* et un fichier complet/);
    assert.match(r.stdout, /Validation : .* enregistrements lus/);
    const files = readdirSync(dir);
    assert.ok(files.includes('manifest.json') && files.includes('58.rix') && files.includes('france.rix'));
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    assert.equal(manifest.format, 'relais-index');
    const chunk = await decodeChunk(readFileSync(join(dir, '58.rix')), manifest.chunks.find((c) => c.code === '58'));
    assert.ok(chunk.deps.length > 0 && chunk.deps.every((d) => d === '58'));
    const usage = spawnSync(process.execPath, [join(root, 'packages/core/bin/relais-index.mjs'), 'x.json'], { encoding: 'utf8' });
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /Indiquez le dossier de sortie/);
    const missing = spawnSync(process.execPath, [join(root, 'packages/core/bin/relais-index.mjs'), join(dir, 'absent.json'), '-o', dir], { encoding: 'utf8' });
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /fichier introuvable/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
