// The database adapters and the migration runner, on PGlite and (when RELAIS_TEST_DATABASE_URL is set) PostgreSQL.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, pendingMigrations, readMigrations, MigrationError, openPglite } from '../../dist/index.js';
import { DATABASES } from './databases.mjs';

for (const { name, open } of DATABASES) {
  describe(`database adapter: ${name}`, () => {
    let db;
    before(async () => {
      db = await open();
    });
    after(() => db?.close());

    test('parameterised queries: values in, typed values out (same on both adapters)', async () => {
      const [row] = await db.query(`select $1::int + 1 as n, $2::text[] as a, $3::jsonb as j, count(*) as c, '2024-08-01'::date as d from (values (1), (2)) v(x)`, [41, ['x', 'y'], JSON.stringify({ k: 'é' })]);
      assert.deepEqual(row, { n: 42, a: ['x', 'y'], j: { k: 'é' }, c: 2, d: '2024-08-01' });
      assert.deepEqual(await db.query('select 1 as x where false'), []);
    });

    test('the search extensions load and work (unaccent, pg_trgm, cube, earthdistance)', async () => {
      await migrate(db);
      const [r] = await db.query(
        `select relais_unaccent('Hôpital Œuvre Éloïse') as u, similarity('passeport', 'paseport') > 0.5 as typo,
                round((earth_distance(ll_to_earth(47.0, 3.5), ll_to_earth(48.0, 3.5)) / 1000)::numeric) as km,
                to_tsvector('relais_fr', 'Les hôpitaux') @@ to_tsquery('relais_fr', 'hopital') as fts`,
      );
      // one degree of latitude on the sphere of earthdistance (radius 6 378 168 m): 111.3 km
      assert.deepEqual(r, { u: 'Hopital OEuvre Eloise', typo: true, km: 111, fts: true });
    });

    test('transactions commit on success and roll back on error', async () => {
      await db.exec('create table t_tx (x int primary key); insert into t_tx values (1);');
      await db.transaction(async (tx) => {
        await tx.query('insert into t_tx values ($1)', [2]);
      });
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query('insert into t_tx values ($1)', [3]);
          await tx.query('insert into t_tx values ($1)', [1]); // duplicate key
        }),
      );
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query('insert into t_tx values ($1)', [4]);
          throw new Error('abandon');
        }),
        /abandon/,
      );
      assert.deepEqual((await db.query('select x from t_tx order by x')).map((r) => r.x), [1, 2]);
    });

    test('migrate() applies the files in order, once, each in a transaction, and records them', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'relais-mig-'));
      try {
        await writeFile(join(dir, '0002_b.sql'), 'insert into m_log values (2);');
        await writeFile(join(dir, '0001_a.sql'), 'create table m_log (n int); insert into m_log values (1);');
        await writeFile(join(dir, 'README.md'), 'not a migration');
        const first = await migrate(db, dir);
        assert.deepEqual(first.applied, ['0001_a', '0002_b']);
        assert.deepEqual((await db.query('select n from m_log order by n')).map((r) => r.n), [1, 2]);
        const again = await migrate(db, dir);
        assert.deepEqual(again, { applied: [], skipped: ['0001_a', '0002_b'] });
        assert.deepEqual(await pendingMigrations(db, dir), []);

        // a failing migration leaves nothing behind and stops the run; the next ones wait
        await writeFile(join(dir, '0003_c.sql'), 'insert into m_log values (3); insert into no_such_table values (1);');
        await writeFile(join(dir, '0004_d.sql'), 'insert into m_log values (4);');
        await assert.rejects(migrate(db, dir), (e) => e instanceof MigrationError && /0003_c/.test(e.message));
        assert.deepEqual((await db.query('select n from m_log order by n')).map((r) => r.n), [1, 2]);
        assert.deepEqual(await pendingMigrations(db, dir), ['0003_c', '0004_d']);

        // fixed: both apply
        await writeFile(join(dir, '0003_c.sql'), 'insert into m_log values (3);');
        assert.deepEqual((await migrate(db, dir)).applied, ['0003_c', '0004_d']);

        // an applied file edited afterwards is refused, in French
        await writeFile(join(dir, '0001_a.sql'), 'create table m_log (n bigint);');
        await assert.rejects(migrate(db, dir), /0001_a a été modifiée/);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    test('two runners at once (two instances starting together) apply each migration exactly once', { skip: name === 'PGlite' && 'one process, one connection' }, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'relais-mig-'));
      try {
        await writeFile(join(dir, '0001_race_a.sql'), 'create table race_log (n int); insert into race_log values (1);');
        await writeFile(join(dir, '0002_race_b.sql'), 'insert into race_log values (2);');
        const results = await Promise.all([migrate(db, dir), migrate(db, dir), migrate(db, dir)]);
        assert.deepEqual(results.flatMap((r) => r.applied).sort(), ['0001_race_a', '0002_race_b']);
        assert.deepEqual((await db.query('select n from race_log order by n')).map((r) => r.n), [1, 2]);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
}

test('readMigrations: the package migrations are numbered, ordered and unique', async () => {
  const ms = await readMigrations();
  assert.ok(ms.length >= 1);
  assert.equal(ms[0].name, '0001_extensions');
  assert.deepEqual(ms.map((m) => m.name), [...ms.map((m) => m.name)].sort());
  const dir = await mkdtemp(join(tmpdir(), 'relais-mig-'));
  try {
    await writeFile(join(dir, '0001_a.sql'), 'select 1;');
    await writeFile(join(dir, '0001_b.sql'), 'select 2;');
    await assert.rejects(readMigrations(dir), /numéro 0001/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('PGlite on disk: the data survives a restart', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'relais-pgdata-'));
  try {
    let db = await openPglite(join(dir, 'var', 'relais-data'));
    await migrate(db);
    await db.exec("create table keep (v text); insert into keep values ('gardé');");
    await db.close();
    db = await openPglite(join(dir, 'var', 'relais-data'));
    assert.deepEqual(await db.query('select v from keep'), [{ v: 'gardé' }]);
    assert.deepEqual((await migrate(db)).applied, []);
    await db.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
