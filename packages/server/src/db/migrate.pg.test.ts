// Migrations on PostgreSQL: run by the PostgreSQL pass of `npm test` only, where NASSIJ_TEST_DATABASE names
// an admin URL (.ci/run provides the server).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '../testing.js';
import { migrate } from './migrate.js';
import { coreMigration } from './migrations/001_core.js';
import { isPostgresUrl } from './open.js';
import { openPostgres } from './postgres.js';

const ADMIN_URL = process.env.NASSIJ_TEST_DATABASE ?? '';
if (!isPostgresUrl(ADMIN_URL))
  throw new Error('migrate.pg.test.ts needs NASSIJ_TEST_DATABASE (a postgres:// admin URL)');

test('two processes migrating one PostgreSQL database at once apply each migration once', async () => {
  const database = await createTestDatabase(ADMIN_URL);
  const [a, b] = [await openPostgres(database.url), await openPostgres(database.url)];
  try {
    // Plain text migrations go through postgresDdl: INTEGER is 64-bit there as on SQLite.
    const slow = {
      id: '002_slow',
      sql: 'CREATE TABLE slow (id TEXT PRIMARY KEY, n INTEGER NOT NULL); SELECT pg_sleep(0.2);',
    };
    const all = [coreMigration, slow, { id: '003_after', sql: 'CREATE TABLE after_slow (id TEXT)' }];
    const [left, right] = await Promise.all([migrate(a, all), migrate(b, all)]);
    assert.deepEqual([...left, ...right].sort(), ['001_core', '002_slow', '003_after']);
    const type = await a.one<{ data_type: string }>(
      "SELECT data_type FROM information_schema.columns WHERE table_name = 'slow' AND column_name = 'n'",
    );
    assert.equal(type?.data_type, 'bigint');
    assert.deepEqual(await migrate(b, all), []);
  } finally {
    await a.close();
    await b.close();
    await database.drop();
  }
});
