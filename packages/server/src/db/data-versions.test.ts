// The data versions on the database the test pass runs on: SQLite, or PostgreSQL when NASSIJ_TEST_DATABASE
// names an admin URL (the PostgreSQL pass of `npm test`).
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../testing.js';
import {
  compactDataVersions,
  dataVersionsMigration,
  installDataVersions,
  readDataVersions,
} from './data-versions.js';
import type { Db } from './db.js';
import { isPostgresUrl } from './open.js';
import { openPostgres, postgresDdl } from './postgres.js';
import { openSqlite } from './sqlite.js';

const adminUrl = process.env.NASSIJ_TEST_DATABASE;
const postgres = isPostgresUrl(adminUrl);
let dir: string;
let database: TestDatabase | undefined;
let db: Db;

/** Opens another handle on the test's database (PostgreSQL: a pool of its own). */
async function openAnother(options: { max: number; retries?: number }): Promise<Db> {
  if (!database) throw new Error('PostgreSQL only');
  return await openPostgres(database.url, options);
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nassij-data-version-'));
  if (postgres) {
    database = await createTestDatabase(adminUrl as string);
    db = await openPostgres(database.url, { max: 4 });
  } else {
    db = openSqlite(dir, { readers: 0 });
  }
  // Two of the counted tables, reduced to what the tests write.
  await db.script(
    'CREATE TABLE courses (id TEXT PRIMARY KEY); CREATE TABLE associations (id TEXT PRIMARY KEY)',
  );
  const ddl = dataVersionsMigration.sql as string;
  await db.script(postgres ? postgresDdl(ddl) : ddl);
  assert.deepEqual(await installDataVersions(db), ['associations', 'courses']);
});

after(async () => {
  await db?.close();
  await database?.drop();
  await rm(dir, { recursive: true, force: true });
});

const versionOfTable = async (table: string) => (await readDataVersions(db)).get(table) ?? -1;

test('a committed write bumps the version of its table only; a rolled-back one bumps nothing', async () => {
  const courses = await versionOfTable('courses');
  const associations = await versionOfTable('associations');
  await db.write('INSERT INTO courses (id) VALUES (?)', ['crs-committed']);
  assert.ok((await versionOfTable('courses')) > courses);
  assert.equal(await versionOfTable('associations'), associations);

  const committed = await versionOfTable('courses');
  await assert.rejects(
    db.atomic(async () => {
      await db.write('INSERT INTO courses (id) VALUES (?)', ['crs-rolled-back']);
      throw new Error('changed my mind');
    }),
    /changed my mind/,
  );
  assert.equal(await versionOfTable('courses'), committed);
});

test('concurrent writers of one table never collide on its counter, and every commit counts', async () => {
  const writers = 8;
  const before = await versionOfTable('courses');
  if (postgres) {
    // No retry: a collision would fail a writer. Every transaction has begun (taken its snapshot) before
    // any writes, so each one's bump meets the others' uncommitted or freshly committed ones.
    const own = await openAnother({ max: writers, retries: 0 });
    try {
      let started = 0;
      let allStarted = () => {};
      const everyoneStarted = new Promise<void>((resolve) => {
        allStarted = resolve;
      });
      await Promise.all(
        Array.from({ length: writers }, (_, i) =>
          own.atomic(async () => {
            await own.one('SELECT 1 AS started');
            if (++started === writers) allStarted();
            await everyoneStarted;
            await own.write('INSERT INTO courses (id) VALUES (?)', [`crs-concurrent-${i}`]);
          }),
        ),
      );
    } finally {
      await own.close();
    }
  } else {
    // SQLite runs one write transaction at a time: they queue rather than overlap.
    await Promise.all(
      Array.from({ length: writers }, (_, i) =>
        db.atomic(() => db.write('INSERT INTO courses (id) VALUES (?)', [`crs-concurrent-${i}`])),
      ),
    );
  }
  assert.equal(await versionOfTable('courses'), before + writers);
});

test('a version is the sum of its table’s counter rows', async () => {
  const before = await readDataVersions(db);
  // Rows as connections that ended leave them on PostgreSQL (slots no live process has); read alike on SQLite.
  await db.write(
    "INSERT INTO data_versions (name, slot, version) VALUES ('associations', 200000001, 5), ('associations', 200000002, 7)",
  );
  assert.deepEqual(
    await readDataVersions(db),
    new Map([...before, ['associations', (before.get('associations') ?? 0) + 12]]),
  );
});

test('compacting folds the rows of ended connections and keeps every version', async () => {
  const versions = await readDataVersions(db);
  if (!postgres) {
    assert.equal(await compactDataVersions(db), 0);
    assert.deepEqual(await readDataVersions(db), versions);
    return;
  }
  // A connection writes, then ends: its row stays behind until compacted.
  const own = await openAnother({ max: 1 });
  const pid = (await own.one<{ pid: number }>('SELECT pg_backend_pid() AS pid'))?.pid;
  await own.write('INSERT INTO associations (id) VALUES (?)', ['asc-from-an-ended-connection']);
  await own.close();
  for (let wait = 0; wait < 100; wait++) {
    const alive = await db.one('SELECT 1 AS alive FROM pg_stat_activity WHERE pid = ?', [pid as number]);
    if (!alive) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const associations = (versions.get('associations') ?? 0) + 1;
  assert.equal(await versionOfTable('associations'), associations);
  assert.ok(
    await db.one("SELECT 1 AS kept FROM data_versions WHERE name = 'associations' AND slot = ?", [
      pid as number,
    ]),
  );
  assert.ok((await compactDataVersions(db)) >= 1);
  assert.equal(
    await db.one("SELECT 1 AS kept FROM data_versions WHERE name = 'associations' AND slot = ?", [
      pid as number,
    ]),
    undefined,
  );
  assert.deepEqual(await readDataVersions(db), new Map([...versions, ['associations', associations]]));
});

test('reading the versions compacts once the rows pile up, without changing a version', async () => {
  if (!postgres) return;
  // 1 100 rows as ended connections leave them: process ids no live backend has (above Linux's pid_max).
  await db.write(
    `INSERT INTO data_versions (name, slot, version)
     SELECT 'courses', 100000000 + i, 2 FROM generate_series(1, 1100) AS i`,
  );
  const before = await readDataVersions(db);
  const rows = async () => (await db.one<{ n: number }>('SELECT COUNT(*) AS n FROM data_versions'))?.n ?? 0;
  assert.ok((await rows()) < 100, `${await rows()} rows left`);
  assert.deepEqual(await readDataVersions(db), before);
});

test('an older counter function (a few shared slots) is replaced when installing', async () => {
  if (!postgres) return;
  await db.script(`CREATE OR REPLACE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_versions SET version = version + 1 WHERE name = TG_TABLE_NAME AND slot = (txid_current() % 16)::integer;
  RETURN NULL;
END
$$;`);
  await installDataVersions(db);
  const body = await db.one<{ body: string }>(
    "SELECT prosrc AS body FROM pg_proc WHERE proname = 'data_version_bump'",
  );
  assert.match(body?.body ?? '', /pg_backend_pid\(\)/);
  const courses = await versionOfTable('courses');
  await db.write('INSERT INTO courses (id) VALUES (?)', ['crs-after-the-upgrade']);
  assert.equal(await versionOfTable('courses'), courses + 1);
});
