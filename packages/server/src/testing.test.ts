// testDatabaseOptions without PostgreSQL; the PostgreSQL side is in testing.pg.test.ts.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { removeTestData, testDatabaseOptions } from './testing.js';

test('without a PostgreSQL admin URL a test server stays on SQLite in its data directory', async () => {
  const saved = process.env.NASSIJ_TEST_DATABASE;
  const dataDir = await mkdtemp(join(tmpdir(), 'nassij-testing-'));
  try {
    for (const value of [undefined, '', './elsewhere']) {
      if (value === undefined) delete process.env.NASSIJ_TEST_DATABASE;
      else process.env.NASSIJ_TEST_DATABASE = value;
      assert.deepEqual(await testDatabaseOptions(dataDir), {});
    }
  } finally {
    if (saved === undefined) delete process.env.NASSIJ_TEST_DATABASE;
    else process.env.NASSIJ_TEST_DATABASE = saved;
    await removeTestData(dataDir);
  }
  assert.equal(existsSync(dataDir), false);
  // Twice is harmless.
  await removeTestData(dataDir);
});
