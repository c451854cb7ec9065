// Crash test of the liaison receiver of @relais/server (issue 18, item 7): the receiver runs in a child process on
// PGlite with a data directory; 200 sheets are sent (8 at a time, each with its own Idempotency-Key); the child is
// killed with SIGKILL mid-way; it is restarted on the same data directory and every sheet not acknowledged is sent
// again with the same key. Then: every acknowledged sheet is stored exactly once, with the receipt first given, and
// every sheet is stored once in all. Loopback only, bounded (2 minutes at most).
//   node bench/server-liaison-crash.mjs            (after `npx tsc -b packages/server packages/liaison`)
// Exit code 0 when every check holds; the figures are printed as JSON on the last line.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { addPartnerAndReader, buildSheets, postSheet } from './server-liaison-sheets.mjs';

const SHEETS = 200;
const CONCURRENCY = 8;
const KILL_AFTER = Number(process.env.CRASH_KILL_AFTER ?? 80 + Math.floor(Math.random() * 40));
const self = fileURLToPath(import.meta.url);

if (process.argv[2] === '--child') {
  // the receiver: the server's app (createApp) with the liaison routes, on PGlite with a data directory
  const { openPglite, migrate, createApp, liaisonRoutes, hashToken } = await import('../packages/server/dist/index.js');
  const db = await openPglite(process.env.CRASH_DATA_DIR);
  await migrate(db);
  await addPartnerAndReader(db, hashToken, { partner: 'crash-partner', partnerToken: process.env.CRASH_PARTNER_TOKEN, reader: 'crash-reader', readerToken: process.env.CRASH_READER_TOKEN });
  const quiet = { info() {}, warn() {}, error() {} };
  const app = createApp({ db, log: quiet, config: { corsOrigins: [], rateLimitPerMinute: 100_000, trustProxy: false, shutdownTimeoutS: 5 }, routes: [liaisonRoutes], basePath: '/api', env: { RELAIS_LIAISON_KEY: process.env.CRASH_KEY } });
  const origin = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
  process.stdout.write(`${JSON.stringify({ origin })}\n`);
} else {
  const started = Date.now();
  const deadline = setTimeout(() => {
    console.error('Délai de 2 minutes dépassé : test arrêté.');
    process.exit(2);
  }, 120_000);
  const dir = await mkdtemp(join(tmpdir(), 'relais-crash-'));
  const env = { ...process.env, CRASH_DATA_DIR: dir, CRASH_KEY: randomBytes(32).toString('base64'), CRASH_PARTNER_TOKEN: randomBytes(24).toString('hex'), CRASH_READER_TOKEN: randomBytes(24).toString('hex') };

  const startChild = () =>
    new Promise((resolve, reject) => {
      const t0 = Date.now();
      const child = spawn(process.execPath, [self, '--child'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (c) => {
        out += c;
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (line) resolve({ child, origin: JSON.parse(line).origin, startMs: Date.now() - t0 });
      });
      child.on('exit', (code) => reject(new Error(`le récepteur s’est arrêté (code ${code}) avant d’être prêt`)));
    });

  const sheets = await buildSheets(SHEETS, 'du test d’arrêt brutal');
  const acked = new Map(); // key -> the receipt first given
  const send = async (origin, s) => {
    const res = await postSheet(origin, env.CRASH_PARTNER_TOKEN, s);
    const body = res.body;
    if (res.status !== 201 && !(res.status === 409 && body.id === s.key)) throw new Error(`réponse ${res.status} pour ${s.key} : ${JSON.stringify(body).slice(0, 200)}`);
    if (!acked.has(s.key)) acked.set(s.key, body);
    return res.status;
  };

  // 1. send until KILL_AFTER are acknowledged, then SIGKILL with requests in flight
  const first = await startChild();
  let killed = false;
  let lost = 0;
  let next = 0;
  const t1 = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (!killed && next < SHEETS) {
        const s = sheets[next++];
        try {
          await send(first.origin, s);
          if (!killed && acked.size >= KILL_AFTER) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        } catch {
          lost++;
        }
      }
    }),
  );
  const beforeKill = acked.size;
  const sendMs = Date.now() - t1;
  await new Promise((r) => (first.child.exitCode !== null || first.child.signalCode ? r() : first.child.once('exit', r)));

  // 2. restart on the same data directory; resend every sheet not acknowledged, with its own key
  const second = await startChild();
  const statuses = { 201: 0, 409: 0 };
  const pending = sheets.filter((s) => !acked.has(s.key));
  for (let i = 0; i < pending.length; i += CONCURRENCY) {
    for (const st of await Promise.all(pending.slice(i, i + CONCURRENCY).map((s) => send(second.origin, s)))) statuses[st]++;
  }
  // a sheet acknowledged before the crash, sent again: the same receipt (409), no second copy
  const replays = await Promise.all(
    sheets.filter((s) => acked.has(s.key)).slice(0, 10).map(async (s) => {
      const res = await postSheet(second.origin, env.CRASH_PARTNER_TOKEN, s);
      return { status: res.status, same: JSON.stringify(res.body) === JSON.stringify(acked.get(s.key)) };
    }),
  );

  // 3. what is stored, read by the recipient structure
  const list = await (await fetch(`${second.origin}/api/destinataire/fiches?limite=500`, { headers: { authorization: `Bearer ${env.CRASH_READER_TOKEN}` } })).json();
  second.child.kill('SIGTERM');
  const stored = new Map();
  const copies = new Map();
  for (const it of list.items) {
    copies.set(it.id, (copies.get(it.id) ?? 0) + 1);
    stored.set(it.id, it);
  }
  const failures = [];
  if (!killed) failures.push('le récepteur n’a pas été arrêté pendant les envois');
  for (const [key, receipt] of acked) {
    const s = stored.get(key);
    if (!s) failures.push(`fiche acquittée absente : ${key}`);
    else if (copies.get(key) !== 1) failures.push(`fiche ${key} enregistrée ${copies.get(key)} fois`);
    else if (s.receivedAt !== receipt.receivedAt || s.sha256 !== receipt.sha256) failures.push(`fiche ${key} : l’accusé enregistré diffère de celui donné`);
  }
  if (list.items.length !== SHEETS) failures.push(`${list.items.length} fiches enregistrées pour ${SHEETS} envoyées`);
  if (acked.size !== SHEETS) failures.push(`${acked.size} fiches acquittées sur ${SHEETS}`);
  if (!replays.every((r) => r.status === 409 && r.same)) failures.push('un renvoi d’une fiche acquittée n’a pas reçu son accusé d’origine');
  await rm(dir, { recursive: true, force: true });
  clearTimeout(deadline);
  const figures = {
    sheets: SHEETS,
    acknowledgedBeforeKill: beforeKill,
    failedInFlightAtKill: lost,
    resentAfterRestart: pending.length,
    resentStoredNow: statuses[201],
    resentAlreadyStored: statuses[409],
    storedRows: list.items.length,
    duplicates: [...copies.values()].filter((n) => n > 1).length,
    sheetsPerSecondBeforeKill: Math.round((beforeKill / sendMs) * 1000),
    childStartMs: [first.startMs, second.startMs],
    totalMs: Date.now() - started,
    ok: failures.length === 0,
  };
  for (const f of failures.slice(0, 20)) console.error(`ÉCHEC : ${f}`);
  console.log(JSON.stringify(figures));
  process.exit(failures.length ? 1 : 0);
}
