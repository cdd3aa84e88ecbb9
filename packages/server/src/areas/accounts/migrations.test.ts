import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { migrate } from '../../db/migrate.js';
import { CORE_MIGRATIONS } from '../../db/migrations/index.js';
import { openDatabase } from '../../db/open.js';
import { removeTestData, testDatabaseOptions } from '../../testing.js';
import { accountLifecycleMigration } from './migrations.js';

const insertAccount = (id: string, email: string, createdAt: string) =>
  [
    `INSERT INTO accounts (id, email, display_name, password_hash, roles, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    [id, email, 'Amina', 'scrypt$x', '["citizen"]', createdAt],
  ] as const;

test('009_account_lifecycle: accounts made before it, or otherwise than by sign-up, count as verified', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'nassij-accounts-migration-'));
  const { database } = await testDatabaseOptions(dataDir);
  const db = await openDatabase(database, { dataDir });
  try {
    await migrate(db, CORE_MIGRATIONS);
    await db.write(...insertAccount('acc_before', 'before@example.ma', '2025-01-02T03:04:05Z'));
    await migrate(db, [...CORE_MIGRATIONS, accountLifecycleMigration]);

    const before = await db.one<{ email_verified_at: string | null }>(
      'SELECT email_verified_at FROM accounts WHERE id = ?',
      ['acc_before'],
    );
    assert.equal(before?.email_verified_at, '2025-01-02T03:04:05Z');
    // An insert that does not name the column (the demo seed, an operator's script) is verified…
    await db.write(...insertAccount('acc_seeded', 'seeded@example.ma', '2026-06-01T00:00:00Z'));
    const seeded = await db.one<{ email_verified_at: string | null }>(
      'SELECT email_verified_at FROM accounts WHERE id = ?',
      ['acc_seeded'],
    );
    assert.notEqual(seeded?.email_verified_at, null);
    // …and only sign-up's explicit NULL is not.
    await db.write(
      `INSERT INTO accounts (id, email, display_name, password_hash, roles, created_at, email_verified_at)
       VALUES (?, ?, ?, ?, ?, ?, NULL)`,
      ['acc_signed_up', 'new@example.ma', 'Amina', 'scrypt$x', '["citizen"]', '2026-06-01T00:00:00Z'],
    );
    const pending = await db.all<{ id: string }>('SELECT id FROM accounts WHERE email_verified_at IS NULL');
    assert.deepEqual(pending, [{ id: 'acc_signed_up' }]);

    await assert.rejects(
      db.write(
        `INSERT INTO one_time_tokens (hash, purpose, account_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
        ['h', 'sign_in', 'acc_signed_up', '2026-06-01T00:00:00Z', '2026-06-02T00:00:00Z'],
      ),
      'a purpose outside the three is refused',
    );
  } finally {
    await db.close();
    await removeTestData(dataDir);
  }
});
