// The sync on the database: its lease (one run at a time, whatever the instances), its report in `sync_runs`, the
// status route and the schedule's settings; against the spec-enforcing data·inclusion double over loopback.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createDataInclusionDouble } from '../../../../tests/server/data-inclusion-double.mjs';
import { runDataInclusionSync, startSyncSchedule, syncRoutes, SYNC_SOURCE } from '../../dist/sync/index.js';
import { importDataset, refreshWords, searchDirectory } from '../../dist/index.js';
import { diRecords } from '../../../../tests/server/data-inclusion-double.mjs';
import { MIGRATED, memoryLogger, serveRoutes } from './liaison-harness.mjs';

const TOKEN = 'di-server-token-sync-db-41';
let api;
let baseUrl;
before(async () => {
  const double = createDataInclusionDouble({ prefix: '/di', token: TOKEN });
  api = createServer(async (req, res) => {
    if (!(await double(req, res, new URL(req.url, 'http://127.0.0.1')))) res.writeHead(404).end();
  });
  await new Promise((r) => api.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${api.address().port}/di`;
});
after(() => api.close());

/** Records what the directory's importer is handed (the importer itself is the directory module's, tested there). */
function recordingWriter() {
  const calls = [];
  const write = async (_db, dataset, origin) => {
    calls.push({ origin, structures: dataset.structures.length, services: dataset.services.length });
    const counts = (n) => ({ inserted: n, updated: 0, unchanged: 0, olderIgnored: 0 });
    return { structures: counts(dataset.structures.length), services: counts(dataset.services.length), skipped: 0 };
  };
  return { calls, write };
}

for (const { name, open } of MIGRATED) {
  describe(`sync on ${name}`, () => {
    let db;
    before(async () => (db = await open()));
    after(() => db.close());
    const env = () => ({ DI_API_TOKEN: TOKEN, DI_API_URL: baseUrl, RELAIS_DEPARTEMENT: '58', DI_SYNC_PAGE_SIZE: '200' });

    test('no token: no run; a run keeps its report, structures handed to the directory before services', async () => {
      const log = memoryLogger();
      assert.equal(await runDataInclusionSync({ db, env: {}, directory: recordingWriter(), log }), null);
      const w = recordingWriter();
      const report = await runDataInclusionSync({ db, env: env(), directory: w, log });
      assert.equal(report.complete, true);
      assert.deepEqual(report.errors, []);
      assert.ok(w.calls.every((c) => c.origin === 'data-inclusion-api:58'));
      const firstService = w.calls.findIndex((c) => c.services > 0);
      assert.ok(firstService > 0 && w.calls.slice(0, firstService).every((c) => c.structures > 0 && c.services === 0));
      assert.ok(w.calls.every((c) => c.structures + c.services <= 200), 'one page at a time');
      const rows = await db.query('SELECT source, departement, finished_at, complete, report FROM sync_runs');
      assert.equal(rows.length, 1);
      assert.equal(rows[0].source, SYNC_SOURCE);
      assert.equal(rows[0].complete, true);
      assert.ok(rows[0].finished_at);
      assert.deepEqual(rows[0].report.services, report.services);
      assert.ok(!log.lines.join('\n').includes(TOKEN));
      assert.ok(log.lines.some((l) => l.includes('"sync.done"')));
    });

    test('the lease: while a run is unfinished another one is skipped; a run left unfinished for hours no longer blocks', async () => {
      await db.query("INSERT INTO sync_runs (source, departement, started_at) VALUES ($1, '58', now())", [SYNC_SOURCE]);
      const log = memoryLogger();
      assert.equal(await runDataInclusionSync({ db, env: env(), directory: recordingWriter(), log }), null);
      assert.ok(log.lines.some((l) => l.includes('already-running')));
      await db.query("UPDATE sync_runs SET started_at = now() - interval '3 hours' WHERE finished_at IS NULL");
      const report = await runDataInclusionSync({ db, env: env(), directory: recordingWriter() });
      assert.equal(report?.complete, true);
      assert.equal((await db.query('SELECT count(*)::int AS n FROM sync_runs WHERE finished_at IS NULL'))[0].n, 0);
      // two instances: while the first one is writing, the second is skipped
      let writing;
      let release;
      const inside = new Promise((r) => (writing = r));
      const held = new Promise((r) => (release = r));
      const slow = recordingWriter();
      const first = runDataInclusionSync({ db, env: env(), directory: { write: async (...a) => (writing(), await held, slow.write(...a)) } });
      await inside;
      assert.equal(await runDataInclusionSync({ db, env: env(), directory: recordingWriter() }), null);
      release();
      assert.equal((await first).complete, true);
    });

    test('a failed run is recorded with its French error; the status route shows the runs and never the token', async () => {
      const report = await runDataInclusionSync({ db, env: { ...env(), DI_API_TOKEN: 'mauvais-jeton-du-serveur' }, directory: recordingWriter() });
      assert.equal(report.complete, false);
      assert.match(report.errors[0].message, /refuse le jeton/);
      const srv = await serveRoutes(syncRoutes, { db, log: memoryLogger(), env: env() });
      try {
        const res = await fetch(`${srv.origin}/api/sync/status`);
        assert.equal(res.status, 200);
        const text = await res.text();
        assert.ok(!text.includes(TOKEN) && !text.includes('mauvais-jeton-du-serveur'));
        const body = JSON.parse(text);
        assert.equal(body.configured, true);
        assert.equal(body.runs[0].complete, false);
        assert.equal(body.runs[0].report.errors[0].status, 401);
        assert.ok(body.runs.length <= 5);
      } finally {
        await srv.close();
      }
    });

    test('into the directory through its importer: every record with its source, searchable; a second run unchanged; withdrawal of what the API dropped, never of a file import', async () => {
      const directory = { write: importDataset, afterWithdraw: refreshWords };
      const records = diRecords();
      const kept = records.filter((s) => !s.duplicateOf);
      const first = await runDataInclusionSync({ db, env: env(), directory });
      assert.deepEqual(first.errors, []);
      assert.equal(first.services.created, kept.length);
      assert.equal(first.services.invalid, 0);
      const rows = await db.query('SELECT id, source FROM directory_services ORDER BY id');
      assert.equal(rows.length, kept.length);
      assert.deepEqual(new Map(rows.map((r) => [r.id, r.source])), new Map(kept.map((s) => [s.id, s.source]).sort((a, b) => (a[0] < b[0] ? -1 : 1))));
      assert.equal((await db.query("SELECT count(*)::int AS n FROM directory_services WHERE structure_id LIKE 'dora--%'"))[0].n, 0, 'duplicates left out');
      const found = await searchDirectory(db, { text: kept[0].nom, pageSize: 5 }, null);
      assert.ok(found.items.some((h) => (h.service?.id ?? h.id) === kept[0].id), 'a synced service is found by its name');
      const second = await runDataInclusionSync({ db, env: env(), directory });
      assert.equal(second.services.created + second.services.updated, 0);
      assert.equal(second.services.unchanged, kept.length);
      // a record the API no longer lists (written by an earlier sync), and one from a file import: only the first goes
      const old = { ...kept[0], id: 'ancienne--fiche', nom: 'Service fermé depuis', structure_id: kept[0].structure_id };
      await importDataset(db, { structures: [], services: [old] }, 'data-inclusion-api:58');
      const fromFile = { ...kept[0], id: 'fichier--fiche', nom: 'Service importé d’un fichier' };
      await importDataset(db, { structures: [], services: [fromFile] }, 'nievre.json');
      const word = async () => (await db.query("SELECT count(*)::int AS n FROM directory_words WHERE word = 'ferm'"))[0].n;
      assert.equal(await word(), 1, 'the word of the dropped service is known before the run');
      const third = await runDataInclusionSync({ db, env: env(), directory });
      assert.equal(third.services.withdrawn, 1);
      const ids = new Set((await db.query('SELECT id FROM directory_services')).map((r) => r.id));
      assert.ok(!ids.has('ancienne--fiche'));
      assert.ok(ids.has('fichier--fiche'));
      assert.equal(await word(), 0, 'the words are refreshed');
    });

    test('the schedule: nothing without a token or an interval; fewer than 15 minutes refused in French', () => {
      const o = { db, directory: recordingWriter() };
      assert.equal(typeof startSyncSchedule({ ...o, env: env() }), 'function');
      assert.throws(() => startSyncSchedule({ ...o, env: { ...env(), DI_SYNC_INTERVAL_MINUTES: '5' } }), /au moins 15 minutes/);
      const stop = startSyncSchedule({ ...o, env: { ...env(), DI_SYNC_INTERVAL_MINUTES: '60' } });
      stop();
    });
  });
}
