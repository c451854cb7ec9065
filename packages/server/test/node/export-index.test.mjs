// `relais-server export-index`: the directory's records written as a prebuilt index (@relais/core/prebuilt) that the
// static source loads, with the same results as the static source on the imported file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@relais/core/headless';
import { decodeChunk } from '@relais/core/prebuilt';
import { migrate, importFile, exportPrebuiltIndex, writePrebuiltIndex } from '../../dist/index.js';
import { DATABASES } from './databases.mjs';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const DEMO_FILE = `${root}examples/data/nievre-demo.json`;

for (const { name, open } of DATABASES) {
  test(`export-index (${name}): the imported services as a prebuilt index, searched as the JSON file is`, async () => {
    const db = await open();
    const dir = mkdtempSync(join(tmpdir(), 'relais-export-'));
    try {
      await migrate(db);
      await importFile(db, DEMO_FILE);
      const built = await exportPrebuiltIndex(db);
      await writePrebuiltIndex(dir, built);
      assert.deepEqual(readdirSync(dir).sort(), ['58.rix', 'manifest.json']);
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      assert.equal(manifest.format, 'relais-index');
      const chunk = await decodeChunk(readFileSync(join(dir, '58.rix')), manifest.chunks[0]);
      assert.equal(chunk.snapshot.services.length, manifest.services);
      const fetch = async (url) => {
        const file = join(dir, new URL(url).pathname.split('/').pop());
        return new Response(readFileSync(file), { headers: { 'content-type': file.endsWith('.json') ? 'application/json' : 'application/octet-stream' } });
      };
      const pre = createClient({ source: 'static', url: 'http://relais.test/index/manifest.json', fetch });
      // the file imported, services in the database's order (by id), as the export writes them
      const raw = JSON.parse(readFileSync(DEMO_FILE, 'utf8'));
      raw.services.sort((a, b) => (a.id < b.id ? -1 : 1));
      const json = createClient({ source: 'static', data: raw });
      for (const text of ['ehpad', 'aide a domicile', 'maison de retraite', 'repit', 'clamcy', 'portage repas']) {
        for (const v of [{}, { commune: '58086' }, { sort: 'name' }]) {
          const a = await pre.search({ text, ...v, pageSize: 30 });
          const b = await json.search({ text, ...v, pageSize: 30 });
          assert.deepEqual(a.items.map((i) => i.service.id), b.items.map((i) => i.service.id), `${text} ${JSON.stringify(v)}`);
          assert.deepEqual(a.facets, b.facets);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await db.close();
    }
  });
}

test('relais-server export-index <dossier>: the command writes the files and a French summary', async () => {
  const { spawnSync } = await import('node:child_process');
  const data = mkdtempSync(join(tmpdir(), 'relais-data-'));
  const out = join(data, 'index');
  try {
    const env = { ...process.env, RELAIS_DATA_DIR: data, DATABASE_URL: '', RELAIS_LOG: 'silent' };
    const cli = join(root, 'packages/server/dist/cli.js');
    assert.equal(spawnSync(process.execPath, [cli, 'import', DEMO_FILE], { env, encoding: 'utf8' }).status, 0);
    const r = spawnSync(process.execPath, [cli, 'export-index', out], { env, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Index préconstruit : 418 services, .*1 morceau \(1 département\)/);
    assert.deepEqual(readdirSync(out).sort(), ['58.rix', 'manifest.json']);
    const usage = spawnSync(process.execPath, [cli, 'export-index'], { env, encoding: 'utf8' });
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /Indiquez le dossier de sortie/);
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
});
