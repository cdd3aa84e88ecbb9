// Figures kept per data version, on the database the test pass runs on (SQLite, or PostgreSQL when
// NASSIJ_TEST_DATABASE names an admin URL).
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../testing.js';
import {
  DATA_VERSIONS_CHANNEL,
  dataVersionsMigration,
  installDataVersions,
  type VersionedTable,
} from './data-versions.js';
import type { Db, SqlValue } from './db.js';
import { isPostgresUrl } from './open.js';
import { openPostgres, postgresDdl } from './postgres.js';
import { openSqlite } from './sqlite.js';
import { cachedFigure, dataVersionReadsOf, figureCacheOf, VersionedCache } from './versioned-cache.js';

const at = (iso: string) => new Date(iso);

describe('VersionedCache', () => {
  test('serves an entry at its version until its boundary, from the instant it was computed', async () => {
    const cache = new VersionedCache(10);
    let runs = 0;
    const compute = async () => ({ value: ++runs, validUntil: '2027-01-01T10:00:00.000Z' });
    const get = (version: string, now: string) => cache.get('k', version, at(now), compute);
    assert.equal((await get('v1', '2027-01-01T09:00:00.000Z')).value, 1);
    assert.equal((await get('v1', '2027-01-01T09:59:59.999Z')).value, 1);
    // Another version, the boundary reached, or a clock set before the computation: computed again.
    assert.equal((await get('v2', '2027-01-01T09:30:00.000Z')).value, 2);
    assert.equal((await get('v2', '2027-01-01T10:00:00.000Z')).value, 3);
    assert.equal((await get('v2', '2027-01-01T09:00:00.000Z')).value, 4);
    assert.equal(cache.computed, 4);
    assert.equal(cache.computedByKind.get('k'), 4);
  });

  test('requests for the same stale entry share one computation; a failure is not kept', async () => {
    const cache = new VersionedCache(10);
    let runs = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const compute = async () => {
      runs += 1;
      await gate;
      return { value: runs };
    };
    const now = at('2027-01-01T09:00:00.000Z');
    const both = Promise.all([cache.get('k', 'v', now, compute), cache.get('k', 'v', now, compute)]);
    release();
    assert.deepEqual(
      (await both).map((entry) => entry.value),
      [1, 1],
    );
    await assert.rejects(
      cache.get('other', 'v', now, async () => {
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.equal((await cache.get('other', 'v', now, async () => ({ value: 'ok' }))).value, 'ok');
  });

  test('keeps at most its bound, dropping the oldest computed first', async () => {
    const cache = new VersionedCache(2);
    const now = at('2027-01-01T09:00:00.000Z');
    for (const key of ['a', 'b', 'c']) await cache.get(key, 'v', now, async () => ({ value: key }));
    const before = cache.computed;
    await cache.get('c', 'v', now, async () => ({ value: 'c' }));
    await cache.get('b', 'v', now, async () => ({ value: 'b' }));
    assert.equal(cache.computed, before);
    await cache.get('a', 'v', now, async () => ({ value: 'a' }));
    assert.equal(cache.computed, before + 1);
  });
});

describe('cachedFigure', () => {
  const adminUrl = process.env.NASSIJ_TEST_DATABASE;
  const postgres = isPostgresUrl(adminUrl);
  let dir: string;
  let database: TestDatabase | undefined;
  let db: Db;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nassij-figures-'));
    if (postgres) {
      database = await createTestDatabase(adminUrl as string);
      db = await openPostgres(database.url, { max: 4 });
    } else {
      db = openSqlite(dir, { readers: 1 });
    }
    await db.script(
      'CREATE TABLE courses (id TEXT PRIMARY KEY); CREATE TABLE associations (id TEXT PRIMARY KEY)',
    );
    const ddl = dataVersionsMigration.sql as string;
    await db.script(postgres ? postgresDdl(ddl) : ddl);
    await installDataVersions(db);
  });

  after(async () => {
    await db?.close();
    await database?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  const count = () =>
    cachedFigure(db, {
      key: 'courses|count',
      tables: ['courses'],
      compute: async () => ({
        value: Number((await db.one<{ n: number }>('SELECT COUNT(*) AS n FROM courses'))?.n),
      }),
    });

  test('a figure is read again only after its table is written', async () => {
    const cache = figureCacheOf(db);
    assert.equal(await count(), 0);
    const computed = cache.computed;
    assert.equal(await count(), 0);
    assert.equal(cache.computed, computed);
    await db.write('INSERT INTO courses (id) VALUES (?)', ['crs-a']);
    assert.equal(await count(), 1);
    assert.equal(cache.computed, computed + 1);
  });

  test('while nothing is committed, a cached figure reads no versions; a commit here is seen by the next request', async () => {
    const watch = db.watchChanges?.(DATA_VERSIONS_CHANNEL);
    assert.ok(watch, 'both databases watch their changes');
    // PostgreSQL listens on a connection of its own, opened on first use.
    for (const started = Date.now(); !watch.live; await new Promise((resolve) => setTimeout(resolve, 5)))
      if (Date.now() - started > 10_000) assert.fail('the watch never listened');
    const before = await count();
    await count();
    const reads = dataVersionReadsOf(db);
    for (let i = 0; i < 20; i++) assert.equal(await count(), before);
    assert.equal(dataVersionReadsOf(db), reads, 'no version read while nothing changed');
    // This process's own write: the very next request sees it, with no notification to wait for.
    await db.write('INSERT INTO courses (id) VALUES (?)', ['crs-seen-at-once']);
    assert.equal(await count(), before + 1);
    assert.equal(dataVersionReadsOf(db), reads + 1);
    // So does a transaction's, once committed.
    await db.atomic(() => db.write('INSERT INTO courses (id) VALUES (?)', ['crs-committed']));
    assert.equal(await count(), before + 2);
  });

  test('requests in flight together each see every write committed before they began', async () => {
    for (let round = 0; round < 5; round++) {
      await db.write('INSERT INTO courses (id) VALUES (?)', [`crs-round-${round}`]);
      const expected = Number((await db.one<{ n: number }>('SELECT COUNT(*) AS n FROM courses'))?.n);
      const seen = await Promise.all(Array.from({ length: 8 }, () => count()));
      assert.deepEqual(seen, Array(8).fill(expected));
    }
  });

  test('a figure asked for while another starts computing checks the versions that one read', async () => {
    // The same database, with its version reads counted (a handle of its own: its own figures and reads).
    // It watches no changes, as on SQLite: on PostgreSQL a process otherwise keeps the versions it read while
    // it hears of no commit, and every figure below would skip its read.
    let versionReads = 0;
    const counted = new Proxy(db, {
      get(target, property) {
        if (property === 'watchChanges') return undefined;
        const value = Reflect.get(target, property, target);
        if (property === 'one' || property === 'all')
          return (sql: string, params?: readonly SqlValue[]) => {
            if (sql.includes('FROM data_versions')) versionReads += 1;
            return target[property](sql, params);
          };
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const courses = async () =>
      Number((await counted.one<{ n: number }>('SELECT COUNT(*) AS n FROM courses'))?.n);
    /** A page whose counts are a figure of their own, over `countTables`, asked for before or after an await. */
    const page = (name: string, countTables: VersionedTable[], afterAwait = false) =>
      cachedFigure(counted, {
        key: `page|${name}`,
        tables: ['courses'],
        compute: async () => {
          if (afterAwait) await courses();
          const total = await cachedFigure(counted, {
            key: `total|${name}`,
            tables: countTables,
            compute: async () => ({ value: await courses() }),
          });
          return { value: { total } };
        },
      });
    await page('warm-up', ['courses']);
    const expected = await courses();

    versionReads = 0;
    assert.deepEqual(await page('nested', ['courses']), { total: expected });
    assert.equal(versionReads, 1);
    // Counts over a table the page does not read, or asked for after an await: their own read.
    versionReads = 0;
    assert.deepEqual(await page('wider', ['courses', 'associations']), { total: expected });
    assert.equal(versionReads, 2);
    versionReads = 0;
    assert.deepEqual(await page('later', ['courses'], true), { total: expected });
    assert.equal(versionReads, 2);
    assert.equal(figureCacheOf(counted).computedByKind.get('total'), 4);

    // Both figures still follow a committed write.
    await db.write('INSERT INTO courses (id) VALUES (?)', ['crs-nested']);
    assert.deepEqual(await page('nested', ['courses']), { total: expected + 1 });
  });

  test('inside a transaction nothing is kept: it may see writes that roll back', async () => {
    const before = await count();
    await assert.rejects(
      db.atomic(async () => {
        await db.write('INSERT INTO courses (id) VALUES (?)', ['crs-rolled-back']);
        assert.equal(await count(), before + 1);
        throw new Error('roll back');
      }),
      /roll back/,
    );
    assert.equal(await count(), before);
  });
});
