#!/usr/bin/env node
// Load bench of @relais/server (issue 18, item 7): search latency under a bounded loopback load, beside the static
// engine, and the liaison receiver's throughput, on PGlite (temporary data directory) and on a real PostgreSQL.
//   npx tsc -b && node bench/server-load.mjs [--sizes=10000,50000,200000] [--engines=pglite,postgres]
//       [--clients=20] [--duration=30] [--senders=8] [--sheets=400] [--bound=900] [--write]
// Datasets: bench/data/france-{10k,50k,200k}.json from examples/data/generate.mjs --bench (made when missing).
// PostgreSQL: DATABASE_URL (a role with CREATEDB), else the URL `.ci/postgres.sh` prints; one database is created
// per configuration and dropped after. Each server runs in a child process (HTTP on 127.0.0.1, no rate limit); this
// process is the load (N clients, each one request at a time, for D seconds, then they stop) and the static engine
// (`ServiceIndex` of @relais/core/headless, same queries, in process, while no server runs). A configuration that does
// not get ready within --bound seconds (import included) is killed and reported with the reason.
// --write replaces the SERVER-LOAD section of bench/README.md. At most one bench at a time on a shared machine.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, cpus, loadavg, totalmem } from 'node:os';
import { join, dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { addPartnerAndReader, buildSheets, postSheet } from './server-liaison-sheets.mjs';

const self = fileURLToPath(import.meta.url);
const root = join(dirname(self), '..');
const arg = (k, d) => process.argv.find((a) => a.startsWith(`--${k}=`))?.slice(k.length + 3) ?? d;
const label = (n) => (n >= 1000 ? `${n / 1000}k` : String(n));
const quiet = { info() {}, warn() {}, error() {} };

if (process.argv[2] === '--child') {
  // a server: search (a dataset imported first) or receiver, on the database the parent names
  const { openDb, migrate, importDataset, createApp, directoryRoutes, liaisonRoutes, hashToken } = await import('../packages/server/dist/index.js');
  const env = process.env;
  const db = await openDb({ databaseUrl: env.BENCH_DB_URL || undefined, dataDir: env.BENCH_DATA_DIR || undefined });
  await migrate(db);
  const out = { kind: db.kind };
  if (env.BENCH_MODE === 'search') {
    const raw = JSON.parse(readFileSync(env.BENCH_DATA, 'utf8'));
    const t0 = performance.now();
    const report = await importDataset(db, raw, env.BENCH_DATA.split('/').pop());
    out.importMs = performance.now() - t0;
    out.imported = report.inserted ?? null;
  } else {
    await addPartnerAndReader(db, hashToken, { partner: 'bench-partner', partnerToken: env.BENCH_PARTNER_TOKEN, reader: 'bench-reader', readerToken: env.BENCH_READER_TOKEN });
  }
  const app = createApp({ db, log: quiet, config: { corsOrigins: [], rateLimitPerMinute: 0, trustProxy: false, shutdownTimeoutS: 5 }, routes: [env.BENCH_MODE === 'search' ? directoryRoutes : liaisonRoutes], basePath: '/api', env: { RELAIS_LIAISON_KEY: env.BENCH_KEY } });
  out.origin = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
  process.on('SIGTERM', () => app.close().then(() => process.exit(0), () => process.exit(1)));
  process.stdout.write(`${JSON.stringify(out)}\n`);
} else {
  const sizes = arg('sizes', '10000,50000,200000').split(',').map(Number);
  const engines = arg('engines', 'pglite,postgres').split(',');
  const CLIENTS = Number(arg('clients', '20'));
  const DURATION_S = Number(arg('duration', '30'));
  const SENDERS = Number(arg('senders', '8'));
  const SHEETS = Number(arg('sheets', '400'));
  const BOUND_S = Number(arg('bound', '900'));
  const REQUEST_TIMEOUT_MS = 60_000;
  const { normalizeDataset, ServiceIndex, resolveCommune } = await import('@relais/core/headless');
  const loadBefore = loadavg();
  const started = new Date();

  // PostgreSQL: the admin URL (CREATEDB), one database per configuration
  let adminUrl = process.env.DATABASE_URL ?? null;
  if (engines.includes('postgres') && !adminUrl) {
    try {
      adminUrl = execFileSync('bash', [join(root, '.ci/postgres.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      adminUrl = null;
    }
  }
  const { openPostgres } = await import('../packages/server/dist/index.js');
  let dbCount = 0;
  /** A fresh database (PGlite: a temporary data directory); `drop()` removes it. */
  async function freshDb(engine) {
    if (engine === 'pglite') {
      const dir = await mkdtemp(join(tmpdir(), 'relais-load-'));
      return { env: { BENCH_DATA_DIR: dir, BENCH_DB_URL: '' }, drop: () => rm(dir, { recursive: true, force: true }) };
    }
    if (!adminUrl) throw new Error('pas de PostgreSQL : DATABASE_URL absent et .ci/postgres.sh a échoué');
    const name = `relais_load_${process.pid}_${++dbCount}`;
    const admin = await openPostgres(adminUrl);
    await admin.query(`create database ${name}`);
    await admin.close();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      env: { BENCH_DB_URL: url.href, BENCH_DATA_DIR: '' },
      drop: async () => {
        const a = await openPostgres(adminUrl);
        await a.query(`drop database if exists ${name} with (force)`);
        await a.close();
      },
    };
  }

  /** Starts a server child; resolves when it is ready, rejects after BOUND_S seconds (the child is killed). */
  function startServer(env) {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [self, '--child'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`pas prêt en ${BOUND_S} s (import compris) : arrêté`));
      }, BOUND_S * 1000);
      child.stderr.on('data', (c) => (err += c));
      child.stdout.on('data', (c) => {
        out += c;
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (line) {
          clearTimeout(timer);
          resolve({ child, ...JSON.parse(line) });
        }
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`le serveur s’est arrêté (code ${code ?? signal}) : ${err.trim().split('\n').slice(-3).join(' ')}`));
      });
    });
  }
  const stopServer = (s) => new Promise((r) => (s.child.exitCode !== null ? r() : (s.child.once('exit', r), s.child.kill('SIGTERM'), setTimeout(() => s.child.kill('SIGKILL'), 10_000).unref())));

  const pct = (xs, p) => {
    if (!xs.length) return null;
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  };

  /**
   * The query mix, from the dataset itself: the communes with the most structures, the most common thematique
   * categories (the need tiles), points of structures for « autour de moi », the words people type (the keystroke
   * bench's queries), and pages 2 and 3. Each query: the HTTP parameters and the same SearchQuery for the static engine.
   */
  function queryMix(raw) {
    const byCommune = new Map();
    for (const s of raw.structures) if (s.code_insee) byCommune.set(s.code_insee, (byCommune.get(s.code_insee) ?? 0) + 1);
    const communes = [...byCommune].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 12).map(([c]) => c);
    const cats = new Map();
    for (const sv of raw.services) for (const t of new Set((sv.thematiques ?? []).map((x) => x.split('--')[0]))) cats.set(t, (cats.get(t) ?? 0) + 1);
    const tiles = [...cats].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 6).map(([c]) => c);
    const located = raw.structures.filter((s) => s.latitude != null && s.longitude != null);
    const points = Array.from({ length: 10 }, (_, i) => located[Math.floor((i * located.length) / 10)]).map((s) => ({ lat: s.latitude, lon: s.longitude }));
    const words = ['ehpad', 'aide a domicile', 'mdph', 'maison de retraite', 'repit aidants', 'transport solidaire', 'portage de repas', 'accueil de jour', 'auxiliaire de vie', 'clamcy'];
    const qs = [];
    const add = (kind, query) => {
      const p = new URLSearchParams();
      if (query.text) p.set('q', query.text);
      if (query.commune) p.set('code_commune', query.commune);
      for (const t of query.thematiques ?? []) p.append('thematiques', t);
      if (query.near) {
        p.set('lat', String(query.near.lat));
        p.set('lon', String(query.near.lon));
        p.set('rayon_km', String(query.near.radiusKm));
      }
      if (query.page) p.set('page', String(query.page));
      p.set('size', '20');
      qs.push({ kind, query: { ...query, pageSize: 20 }, params: p.toString() });
    };
    for (let i = 0; i < 20; i++) add('mots + commune', { text: words[i % words.length], commune: communes[i % communes.length] });
    for (let i = 0; i < 10; i++) add('tuile + commune', { thematiques: [tiles[i % tiles.length]], commune: communes[(i + 5) % communes.length] });
    for (let i = 0; i < 10; i++) add('autour de moi', { near: { ...points[i], radiusKm: 20 }, ...(i % 2 ? { text: words[(i + 3) % words.length] } : {}) });
    for (let i = 0; i < 10; i++) add('page suivante', { text: words[(i + 1) % words.length], commune: communes[(i + 2) % communes.length], page: 2 + (i % 2) });
    // interleaved so that every stretch of the run has the same mix
    return qs.map((q, i) => [(i * 7919) % qs.length, q]).sort((a, b) => a[0] - b[0]).map(([, q]) => q);
  }

  /** The static engine on the same queries: 5 passes, one query at a time. */
  async function staticRun(raw, mix) {
    const t0 = performance.now();
    const d = normalizeDataset(raw);
    const index = new ServiceIndex(d.structures, d.services);
    const buildMs = performance.now() - t0;
    const places = new Map();
    for (const q of mix) if (q.query.commune && !places.has(q.query.commune)) places.set(q.query.commune, await resolveCommune(q.query.commune));
    const ms = [];
    const totals = [];
    for (let pass = 0; pass < 5; pass++) {
      for (const q of mix) {
        const t = performance.now();
        const r = index.search(q.query, q.query.commune ? places.get(q.query.commune) : null);
        ms.push(performance.now() - t);
        if (pass === 0) totals.push(r.total);
      }
    }
    return { buildMs, p50: pct(ms, 50), p95: pct(ms, 95), p99: pct(ms, 99), totals };
  }

  /** CLIENTS clients, each one request at a time, for DURATION_S seconds; then they stop. */
  async function load(origin, mix) {
    // warm-up: every query once, one at a time (bounded)
    const warm = [];
    const warmStart = performance.now();
    for (const q of mix) {
      if (performance.now() - warmStart > 120_000) break; // bounded: the totals of the queries warmed only
      const t = performance.now();
      const res = await fetch(`${origin}/api/services?${q.params}`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      const body = await res.json();
      if (res.status !== 200) throw new Error(`réponse ${res.status} à ${q.params} : ${JSON.stringify(body).slice(0, 200)}`);
      warm.push({ ms: performance.now() - t, total: body.total });
    }
    const ms = [];
    const byKind = {};
    let errors = 0;
    let next = 0;
    const t0 = performance.now();
    const end = t0 + DURATION_S * 1000;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() < end) {
          const q = mix[next++ % mix.length];
          const t = performance.now();
          try {
            const res = await fetch(`${origin}/api/services?${q.params}`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
            await res.arrayBuffer();
            if (res.status !== 200) throw new Error(String(res.status));
            const d = performance.now() - t;
            ms.push(d);
            (byKind[q.kind] ??= []).push(d);
          } catch {
            errors++;
          }
        }
      }),
    );
    const wallS = (performance.now() - t0) / 1000;
    return {
      requests: ms.length,
      errors,
      rps: ms.length / wallS,
      p50: pct(ms, 50),
      p95: pct(ms, 95),
      p99: pct(ms, 99),
      byKind: Object.fromEntries(Object.entries(byKind).map(([k, xs]) => [k, { p50: pct(xs, 50), p95: pct(xs, 95) }])),
      warmMedian: pct(warm.map((w) => w.ms), 50),
      totals: warm.map((w) => w.total),
    };
  }

  /** SENDERS partners' clients send SHEETS sheets (each 201 expected). */
  async function receiver(engine) {
    const db = await freshDb(engine);
    const tokens = { BENCH_KEY: randomBytes(32).toString('base64'), BENCH_PARTNER_TOKEN: randomBytes(24).toString('hex'), BENCH_READER_TOKEN: randomBytes(24).toString('hex') };
    let server = null;
    try {
      server = await startServer({ ...db.env, ...tokens, BENCH_MODE: 'receiver' });
      const sheets = await buildSheets(SHEETS, 'du banc de charge');
      const ms = [];
      let errors = 0;
      let next = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: SENDERS }, async () => {
          while (next < sheets.length) {
            const s = sheets[next++];
            const t = performance.now();
            try {
              const r = await postSheet(server.origin, tokens.BENCH_PARTNER_TOKEN, s);
              if (r.status !== 201) throw new Error(String(r.status));
              ms.push(performance.now() - t);
            } catch {
              errors++;
            }
          }
        }),
      );
      const wallS = (performance.now() - t0) / 1000;
      return { engine, sheets: ms.length, errors, perSecond: ms.length / wallS, p50: pct(ms, 50), p95: pct(ms, 95) };
    } catch (e) {
      return { engine, failed: e.message };
    } finally {
      if (server) await stopServer(server);
      await db.drop();
    }
  }

  const receivers = [];
  // 1. datasets (the static bench's generator, deterministic)
  const missing = sizes.filter((n) => !existsSync(join(root, `bench/data/france-${label(n)}.json`)));
  if (missing.length) spawnSync(process.execPath, [join(root, 'examples/data/generate.mjs'), '--bench', `--sizes=${missing.join(',')}`], { stdio: 'inherit' });

  for (const engine of engines) {
    console.error(`récepteur : ${engine} (${SHEETS} fiches, ${SENDERS} partenaires en parallèle)…`);
    receivers.push(await receiver(engine));
    console.error(JSON.stringify(receivers.at(-1)));
  }

  const rows = [];
  for (const n of sizes) {
    const file = join(root, `bench/data/france-${label(n)}.json`);
    let raw = JSON.parse(readFileSync(file, 'utf8'));
    const mix = queryMix(raw);
    const services = raw.services.length;
    console.error(`${label(n)} : moteur statique…`);
    const st = await staticRun(raw, mix);
    raw = null; // the children read the file themselves
    rows.push({ size: services, engine: 'statique', ...st });
    for (const engine of engines) {
      console.error(`${label(n)} : ${engine} (import puis ${CLIENTS} clients pendant ${DURATION_S} s)…`);
      let db = null;
      let server = null;
      try {
        db = await freshDb(engine);
        server = await startServer({ ...db.env, BENCH_MODE: 'search', BENCH_DATA: file });
        const r = await load(server.origin, mix);
        // the same totals as the static engine on the same queries (page 1 totals; relevance is bench/server-relevance.mjs)
        const sameTotals = r.totals.filter((t, i) => t === st.totals[i]).length;
        rows.push({ size: services, engine, importMs: server.importMs, ...r, sameTotals: `${sameTotals}/${r.totals.length}` });
      } catch (e) {
        rows.push({ size: services, engine, failed: e.message });
      } finally {
        if (server) await stopServer(server).catch(() => {});
        if (db) await db.drop().catch(() => {});
      }
      console.error(JSON.stringify(rows.at(-1), (k, v) => (k === 'totals' ? undefined : v)));
      report(false);
    }
  }
  // 2. the table, written after each configuration (a run stopped midway keeps what it measured)
  function report(final) {
    const f = (x, d = 1) => (x == null ? '—' : x.toFixed(d));
    const lines = [
      `Measured ${started.toISOString().slice(0, 10)} on ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average ${loadBefore.map((x) => x.toFixed(2)).join(' / ')} before, ${loadavg().map((x) => x.toFixed(2)).join(' / ')} after (1 / 5 / 15 min; the machine is shared). ` +
        `${CLIENTS} clients on loopback for ${DURATION_S} s per configuration, each one request at a time, a mix of 50 queries (20 words + commune, 10 need tile + commune, 10 « autour de moi » 20 km, 10 pages 2–3; 20 results a page); the static engine runs the same queries in process, 5 passes, one at a time.`,
      '',
      '| services | engine | import (s) | requests | req/s | p50 (ms) | p95 (ms) | p99 (ms) | p50 / p95 vs static | same totals as static | note |',
      '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ];
    for (const r of rows) {
      const st = rows.find((x) => x.size === r.size && x.engine === 'statique');
      if (r.engine === 'statique') lines.push(`| ${r.size.toLocaleString('en')} | statique (ServiceIndex, in process) | build ${f(r.buildMs / 1000)} | | | ${f(r.p50, 2)} | ${f(r.p95, 2)} | ${f(r.p99, 2)} | 1× | | |`);
      else if (r.failed) lines.push(`| ${r.size.toLocaleString('en')} | ${r.engine} | | | | | | | | | **not measured**: ${r.failed} |`);
      else lines.push(`| ${r.size.toLocaleString('en')} | ${r.engine} | ${f(r.importMs / 1000)} | ${r.requests} | ${f(r.rps)} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${Math.round(r.p50 / st.p50)}× / ${Math.round(r.p95 / st.p95)}× | ${r.sameTotals} | ${r.errors ? `${r.errors} errors` : ''} |`);
    }
    lines.push('', `Receiver: ${SHEETS} sheets sent by ${SENDERS} concurrent partners' clients (one partner token, each sheet its own Idempotency-Key, encrypted at rest).`, '', '| engine | sheets stored | sheets/s | p50 (ms) | p95 (ms) | note |', '|---|---:|---:|---:|---:|---|');
    for (const r of receivers) lines.push(r.failed ? `| ${r.engine} | | | | | **not measured**: ${r.failed} |` : `| ${r.engine} | ${r.sheets} | ${f(r.perSecond)} | ${f(r.p50)} | ${f(r.p95)} | ${r.errors ? `${r.errors} errors` : ''} |`);
    const table = lines.join('\n');
    if (final) console.log(table);
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    writeFileSync(join(root, 'bench/results/server-load.json'), JSON.stringify({ date: started.toISOString(), rows, receivers }, null, 1));
    if (process.argv.includes('--write')) {
      const readme = join(root, 'bench/README.md');
      const text = readFileSync(readme, 'utf8');
      const start = '<!-- SERVER-LOAD:START -->';
      const end = '<!-- SERVER-LOAD:END -->';
      if (!text.includes(start)) throw new Error('bench/README.md: SERVER-LOAD markers missing');
      writeFileSync(readme, text.slice(0, text.indexOf(start) + start.length) + '\n' + table + '\n' + text.slice(text.indexOf(end)));
    }
  }
  report(true);
}
