// Figures kept per data version when several processes share one PostgreSQL database: each process hears
// of commits (its own at once, the others' through LISTEN/NOTIFY) and reads the versions again only then.
// Run by the PostgreSQL pass of `npm test` only, which sets NASSIJ_TEST_POSTGRES (.ci/run always does):
// without it this file fails rather than pass having tested nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../testing.js';
import { DATA_VERSIONS_CHANNEL, dataVersionsMigration, installDataVersions } from './data-versions.js';
import type { Db } from './db.js';
import { openPostgres, postgresDdl } from './postgres.js';
import { cachedFigure, dataVersionReadsOf } from './versioned-cache.js';

const adminUrl = process.env.NASSIJ_TEST_POSTGRES;
// `db` is this process; `other` another process sharing the database (a pool and connections of its own).
let database: TestDatabase;
let db: Db;
let other: Db;

before(async () => {
  assert.ok(adminUrl, 'NASSIJ_TEST_POSTGRES must name a PostgreSQL admin URL (see scripts/lib/postgres.mjs)');
  database = await createTestDatabase(adminUrl as string);
  db = await openPostgres(database.url, { max: 4, applicationName: 'nassij-this' });
  other = await openPostgres(database.url, { max: 2, applicationName: 'nassij-other' });
  await db.script(
    postgresDdl(`${dataVersionsMigration.sql as string}; CREATE TABLE courses (id TEXT PRIMARY KEY)`),
  );
  await installDataVersions(db);
});

after(async () => {
  await other?.close();
  await db?.close();
  await database?.drop();
});

const count = () =>
  cachedFigure(db, {
    key: 'courses|count',
    tables: ['courses'],
    compute: async () => ({
      value: Number((await db.one<{ n: number }>('SELECT COUNT(*) AS n FROM courses'))?.n),
    }),
  });
const watch = () => {
  const found = db.watchChanges?.(DATA_VERSIONS_CHANNEL);
  assert.ok(found, 'PostgreSQL watches changes');
  return found;
};
/** Waits (polling, at most 10 s) until `check` holds. */
const until = async (check: () => boolean, what: string) => {
  for (const started = Date.now(); !check(); ) {
    if (Date.now() - started > 10_000) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};
const listeners = async () =>
  (
    await other.all<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'nassij-this (changes)'",
    )
  ).map((row) => row.pid);

test("another process's commit is heard when it commits, and the next figure reads again", async () => {
  await until(() => watch().live, 'the watch to listen');
  const before = await count();
  const generation = watch().generation;
  await other.atomic(async () => {
    await other.write('INSERT INTO courses (id) VALUES (?)', ['crs-there']);
    await other.write('INSERT INTO courses (id) VALUES (?)', ['crs-there-too']);
  });
  await until(() => watch().generation > generation, "the other process's notification");
  assert.equal(await count(), before + 2);
  // A rolled-back write notifies nobody and changes nothing.
  const after = watch().generation;
  await assert.rejects(
    other.atomic(async () => {
      await other.write('INSERT INTO courses (id) VALUES (?)', ['crs-rolled-back']);
      throw new Error('roll back');
    }),
    /roll back/,
  );
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(watch().generation, after);
  assert.equal(await count(), before + 2);
});

test('without its listening connection a process reads the versions on every request, then listens again', async () => {
  await until(() => watch().live, 'the watch to listen');
  const before = await count();
  const [pid] = await listeners();
  assert.ok(pid, 'one listening connection');
  // The database refuses new connections for a while (the pools keep theirs), so the process stays deaf.
  await other.script(`ALTER DATABASE ${database.name} CONNECTION LIMIT 0`);
  try {
    await other.one('SELECT pg_terminate_backend(?) AS ended', [pid]);
    await until(() => !watch().live, 'the loss to be noticed');
    // Nobody hears this commit: only reading the versions again can see it.
    await other.write('INSERT INTO courses (id) VALUES (?)', ['crs-unheard']);
    const reads = dataVersionReadsOf(db);
    assert.equal(await count(), before + 1);
    assert.equal(await count(), before + 1);
    assert.equal(dataVersionReadsOf(db), reads + 2, 'a read per request while deaf');
    assert.equal(watch().live, false);
  } finally {
    await other.script(`ALTER DATABASE ${database.name} CONNECTION LIMIT -1`);
  }
  await until(() => watch().live, 'listening again');
  assert.notEqual((await listeners())[0], pid);
  const generation = watch().generation;
  await other.write('INSERT INTO courses (id) VALUES (?)', ['crs-heard-again']);
  await until(() => watch().generation > generation, 'the notification, heard again');
  assert.equal(await count(), before + 2);
});
