// The databases the server's tests run on: PGlite in memory always, and a real PostgreSQL when
// RELAIS_TEST_DATABASE_URL is set (.ci/run sets it). Each PostgreSQL test database is a fresh database created for
// the test file and dropped at the end, so that test files running in parallel never see each other's tables.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openPglite, openPostgres } from '../../dist/index.js';

const ADMIN_URL = process.env.RELAIS_TEST_DATABASE_URL;

/** One entry per database kind: `{ name, open() }`; `open()` returns a new empty database (`Db`). */
export const DATABASES = [
  { name: 'PGlite', open: () => openPglite() },
  ...(ADMIN_URL ? [{ name: 'PostgreSQL', open: openFreshPostgres }] : []),
];

async function openFreshPostgres() {
  const name = `relais_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), { max: 4 });
  const close = db.close;
  db.close = async () => {
    await close();
    const a = postgres(ADMIN_URL, { max: 1, onnotice: () => undefined });
    await a.unsafe(`drop database if exists ${name}`);
    await a.end();
  };
  return db;
}
