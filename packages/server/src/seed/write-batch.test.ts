// The write batch of the scale seeder, on the database the test pass runs on: SQLite (where it is the
// database itself), or PostgreSQL when NASSIJ_TEST_DATABASE names an admin URL (writes sent as scripts).
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Db } from '../db/db.js';
import { isPostgresUrl } from '../db/open.js';
import { openPostgres } from '../db/postgres.js';
import { openSqlite } from '../db/sqlite.js';
import { createTestDatabase, type TestDatabase } from '../testing.js';
import { writeBatch } from './write-batch.js';

const adminUrl = process.env.NASSIJ_TEST_DATABASE;
const postgres = isPostgresUrl(adminUrl);
let dir: string;
let database: TestDatabase | undefined;
let db: Db;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nassij-write-batch-'));
  if (postgres) {
    database = await createTestDatabase(adminUrl as string);
    db = await openPostgres(database.url, { max: 2 });
  } else {
    db = openSqlite(dir, { readers: 0 });
  }
  await db.script(
    'CREATE TABLE batch_items (id TEXT PRIMARY KEY, label TEXT, n BIGINT, flag INTEGER, note TEXT)',
  );
});

after(async () => {
  await db?.close();
  await database?.drop();
  await rm(dir, { recursive: true, force: true });
});

const rowsOf = (prefix: string) =>
  db.all<{ id: string; label: string | null; n: number | null; flag: number | null; note: string | null }>(
    'SELECT id, label, n, flag, note FROM batch_items WHERE id LIKE ? ORDER BY id',
    [`${prefix}%`],
  );

test('batched writes land in order with their values as given, and reads on the batch see them', async () => {
  const insert = 'INSERT INTO batch_items (id, label, n, flag, note) VALUES (?, ?, ?, ?, ?)';
  const seen = await db.atomic(async () => {
    const batch = writeBatch(db);
    await batch.db.write(insert, ['v-1', "it's a 'quote'", 42, true, 'back\\slash \\x41']);
    await batch.db.write(insert, ['v-2', 'جمعية الأمل ⵜⴰⵎⴰⵣⵉⵖⵜ', 12_345_678_901_234n, false, null]);
    await batch.db.write(insert, ['v-3', '$1 ? $$ -- not a comment', -7, undefined, 'why?']);
    // A nested transaction, as store functions open one per item, runs in the caller's.
    await batch.db.atomic(() =>
      batch.db.write("UPDATE batch_items SET note = 'updated?' WHERE id = ?", ['v-2']),
    );
    const read = await batch.db.all<{ id: string }>(
      "SELECT id FROM batch_items WHERE id LIKE 'v-%' ORDER BY id",
    );
    await batch.db.write('DELETE FROM batch_items WHERE id = ?', ['v-3']);
    await batch.flush();
    return read.map((row) => row.id);
  });
  assert.deepEqual(seen, ['v-1', 'v-2', 'v-3']);
  const rows = await rowsOf('v-');
  assert.deepEqual(
    rows.map((row) => ({ ...row, n: String(row.n) })),
    [
      { id: 'v-1', label: "it's a 'quote'", n: '42', flag: 1, note: 'back\\slash \\x41' },
      { id: 'v-2', label: 'جمعية الأمل ⵜⴰⵎⴰⵣⵉⵖⵜ', n: '12345678901234', flag: 0, note: 'updated?' },
    ],
  );
  if (postgres) {
    // The statements it prepared on the transaction's connection are gone with the script.
    const left = await db.atomic(async () => {
      const batch = writeBatch(db);
      await batch.db.write("UPDATE batch_items SET flag = 2 WHERE id = 'v-1'");
      await batch.flush();
      return db.one<{ n: number }>(
        "SELECT count(*) AS n FROM pg_prepared_statements WHERE name LIKE 'nassij_batch%'",
      );
    });
    assert.equal(Number(left?.n), 0);
    assert.equal((await rowsOf('v-1'))[0]?.flag, 2);
  }
});

test('a batch larger than one script is sent whole', async () => {
  const note = 'x'.repeat(500);
  await db.atomic(async () => {
    const batch = writeBatch(db);
    for (let i = 0; i < 3_000; i++)
      await batch.db.write('INSERT INTO batch_items (id, note) VALUES (?, ?)', [
        `m-${String(i).padStart(4, '0')}`,
        note,
      ]);
    await batch.flush();
  });
  const rows = await rowsOf('m-');
  assert.equal(rows.length, 3_000);
  assert.equal(rows.at(-1)?.id, 'm-2999');
  assert.ok(rows.every((row) => row.note === note));
});

test('a failing write fails the transaction, which leaves nothing behind', async () => {
  const insert = 'INSERT INTO batch_items (id, label) VALUES (?, ?)';
  await assert.rejects(
    db.atomic(async () => {
      const batch = writeBatch(db);
      await batch.db.write(insert, ['f-1', 'first']);
      await batch.db.write(insert, ['f-1', 'the same id again']);
      await batch.flush();
    }),
    /duplicate|UNIQUE/i,
  );
  assert.deepEqual(await rowsOf('f-'), []);
});
