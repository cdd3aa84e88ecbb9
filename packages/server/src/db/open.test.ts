import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { isPostgresUrl, openDatabase } from './open.js';
import { StartupError } from './sqlite.js';

test('postgres:// and postgresql:// URLs name PostgreSQL, anything else does not', () => {
  assert.equal(isPostgresUrl('postgres://nassij:pw@127.0.0.1:5432/nassij'), true);
  assert.equal(isPostgresUrl('postgresql://db.internal/nassij?sslmode=require'), true);
  assert.equal(isPostgresUrl('  POSTGRES://db/nassij'), true);
  assert.equal(isPostgresUrl('./data'), false);
  assert.equal(isPostgresUrl('/var/lib/postgres/data'), false);
  assert.equal(isPostgresUrl('mysql://db/nassij'), false);
  assert.equal(isPostgresUrl(''), false);
  assert.equal(isPostgresUrl(undefined), false);
});

test('without a PostgreSQL URL the database is SQLite in the data directory', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'nassij-open-'));
  try {
    for (const spec of [undefined, '', 'sqlite']) {
      const db = await openDatabase(spec, { dataDir: dir, sqlite: { readers: 0 } });
      assert.equal(db.dialect, 'sqlite');
      await db.script('CREATE TABLE IF NOT EXISTS t (n INTEGER)');
      await db.write('INSERT INTO t (n) VALUES (?)', [1]);
      await db.close();
    }
    assert.ok(existsSync(join(dir, 'nassij.sqlite')));
    const db = await openDatabase('', { dataDir: dir });
    assert.deepEqual(await db.one('SELECT count(*) AS n FROM t'), { n: 3 });
    await db.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a PostgreSQL URL goes to PostgreSQL, not to a SQLite file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'nassij-open-'));
  try {
    // Port 1 on the loopback: refused at once, so the URL was tried as a PostgreSQL server.
    await assert.rejects(
      openDatabase('postgresql://nassij:pw@127.0.0.1:1/nassij', { dataDir: dir }),
      (error: unknown) => error instanceof StartupError && error.code === 'DATABASE_UNAVAILABLE',
    );
    assert.equal(existsSync(join(dir, 'nassij.sqlite')), false);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
