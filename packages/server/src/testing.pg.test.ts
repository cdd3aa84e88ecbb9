// testDatabaseOptions and removeTestData against a real PostgreSQL server. Run by the PostgreSQL pass of
// `npm test` only, which sets NASSIJ_TEST_POSTGRES: without it this file fails rather than test nothing.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openPostgres } from './db/postgres.js';
import { removeTestData, testDatabaseOptions } from './testing.js';

const adminUrl = process.env.NASSIJ_TEST_POSTGRES;
const saved = process.env.NASSIJ_TEST_DATABASE;

before(() => {
  assert.ok(adminUrl, 'NASSIJ_TEST_POSTGRES must name a PostgreSQL admin URL (see scripts/lib/postgres.mjs)');
  process.env.NASSIJ_TEST_DATABASE = adminUrl;
});

after(() => {
  if (saved === undefined) delete process.env.NASSIJ_TEST_DATABASE;
  else process.env.NASSIJ_TEST_DATABASE = saved;
});

async function databaseExists(name: string): Promise<boolean> {
  const admin = await openPostgres(adminUrl as string, { max: 1 });
  try {
    return (await admin.one('SELECT 1 AS one FROM pg_database WHERE datname = ?', [name])) !== undefined;
  } finally {
    await admin.close();
  }
}

test('one fresh database per data directory, the same one when asked again, dropped with the directory', async () => {
  const first = await mkdtemp(join(tmpdir(), 'nassij-testing-'));
  const second = await mkdtemp(join(tmpdir(), 'nassij-testing-'));
  try {
    const a = await testDatabaseOptions(first);
    const again = await testDatabaseOptions(first);
    const b = await testDatabaseOptions(second);
    assert.match(a.database ?? '', /^postgres:\/\/.+\/nassij_t_[0-9a-f]{16}$/);
    assert.equal(again.database, a.database, 'a restart over the same directory finds the same data');
    assert.notEqual(b.database, a.database);
    // A pool left open (a server that was not closed) does not keep the database from being dropped.
    const left = await openPostgres(a.database as string, { max: 1 });
    await left.script('CREATE TABLE kept (id TEXT PRIMARY KEY); INSERT INTO kept VALUES (1)');
    const reopened = await openPostgres((await testDatabaseOptions(first)).database as string, { max: 1 });
    assert.deepEqual(await reopened.one('SELECT id FROM kept'), { id: '1' });
    await reopened.close();
    const name = new URL(a.database as string).pathname.slice(1);
    assert.equal(await databaseExists(name), true);
    await removeTestData(first);
    assert.equal(await databaseExists(name), false);
    assert.equal(existsSync(first), false);
    await left.close();
    // Asked again after removal: a new, empty database.
    const fresh = await testDatabaseOptions(first);
    assert.notEqual(fresh.database, a.database);
  } finally {
    await removeTestData(first);
    await removeTestData(second);
  }
});
