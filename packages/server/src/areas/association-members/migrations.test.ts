// `014_membership_roles` over a database that already holds memberships, on SQLite (the table is rebuilt) and,
// when NASSIJ_TEST_DATABASE names a PostgreSQL admin URL, on PostgreSQL (the constraint is replaced).
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Db } from '../../db/db.js';
import { migrate } from '../../db/migrate.js';
import { coreMigration } from '../../db/migrations/001_core.js';
import { isPostgresUrl } from '../../db/open.js';
import { openPostgres } from '../../db/postgres.js';
import { openSqlite } from '../../db/sqlite.js';
import { createTestDatabase } from '../../testing.js';
import { membershipRolesMigration } from './migrations.js';

const ADMIN_URL = process.env.NASSIJ_TEST_DATABASE ?? '';

/** A fresh database of the dialect under test, and how to remove it. */
async function freshDatabase(): Promise<{ db: Db; remove(): Promise<void> }> {
  if (isPostgresUrl(ADMIN_URL)) {
    const database = await createTestDatabase(ADMIN_URL);
    const db = await openPostgres(database.url);
    const remove = async () => {
      await db.close();
      await database.drop();
    };
    return { db, remove };
  }
  const dir = await mkdtemp(join(tmpdir(), 'nassij-014-'));
  const db = openSqlite(dir);
  const remove = async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  };
  return { db, remove };
}

test('014 keeps every membership and its index, and lets a membership hold a treasurer', async () => {
  const { db, remove } = await freshDatabase();
  try {
    await migrate(db, [coreMigration]);
    for (const id of ['account-a', 'account-b'])
      await db.write(
        "INSERT INTO accounts (id, email, display_name, password_hash, roles, created_at) VALUES (?, ?, ?, 'x', '[]', '2026-01-01T00:00:00Z')",
        [id, `${id}@example.ma`, id],
      );
    await db.write(
      "INSERT INTO memberships (account_id, association_id, role) VALUES ('account-a', 'first-association', 'representative')",
    );
    await db.write(
      "INSERT INTO memberships (account_id, association_id, role) VALUES ('account-b', 'first-association', 'member')",
    );
    await assert.rejects(
      db.write(
        "INSERT INTO memberships (account_id, association_id, role) VALUES ('account-b', 'second-association', 'treasurer')",
      ),
      'before 014 a treasurer is refused',
    );

    assert.deepEqual(await migrate(db, [coreMigration, membershipRolesMigration]), ['014_membership_roles']);
    assert.deepEqual(
      await db.all(
        'SELECT account_id, association_id, role, invited_at, joined_at FROM memberships ORDER BY account_id',
      ),
      [
        {
          account_id: 'account-a',
          association_id: 'first-association',
          role: 'representative',
          invited_at: null,
          joined_at: null,
        },
        {
          account_id: 'account-b',
          association_id: 'first-association',
          role: 'member',
          invited_at: null,
          joined_at: null,
        },
      ],
    );
    await db.write(
      "INSERT INTO memberships (account_id, association_id, role) VALUES ('account-b', 'second-association', 'treasurer')",
    );
    await assert.rejects(
      db.write(
        "INSERT INTO memberships (account_id, association_id, role) VALUES ('account-a', 'second-association', 'president')",
      ),
    );
    await assert.rejects(
      db.write(
        "INSERT INTO memberships (account_id, association_id, role) VALUES ('account-a', 'first-association', 'member')",
      ),
      'the primary key holds',
    );
    const index =
      db.dialect === 'postgres'
        ? await db.one(
            "SELECT indexname AS name FROM pg_indexes WHERE indexname = 'memberships_by_association'",
          )
        : await db.one(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'memberships_by_association'",
          );
    assert.ok(index, 'the index by association is kept');
    // Accounts still cascade to their memberships.
    await db.write("DELETE FROM accounts WHERE id = 'account-b'");
    assert.equal((await db.all("SELECT role FROM memberships WHERE account_id = 'account-b'")).length, 0);
  } finally {
    await remove();
  }
});
