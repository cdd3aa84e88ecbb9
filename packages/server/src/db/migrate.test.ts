import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { isNewDatabase, migrate } from './migrate.js';
import { coreMigration } from './migrations/001_core.js';
import { openSqlite, StartupError } from './sqlite.js';

test('migrations apply once and are idempotent', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'nassij-migrate-'));
  try {
    const db = openSqlite(dir);
    assert.equal(await isNewDatabase(db), true);
    const extra = { id: '002_extra', sql: 'CREATE TABLE extra (id TEXT PRIMARY KEY)' };
    assert.deepEqual(await migrate(db, [extra, coreMigration]), ['001_core', '002_extra']);
    assert.deepEqual(await migrate(db, [coreMigration, extra]), []);
    assert.equal(await isNewDatabase(db), false);
    await db.write('INSERT INTO extra (id) VALUES (?)', ['x']);
    assert.deepEqual(await db.all('SELECT id FROM extra'), [{ id: 'x' }]);
    assert.equal((await db.one<{ journal_mode: string }>('PRAGMA journal_mode'))?.journal_mode, 'wal');
    assert.equal((await db.one<{ foreign_keys: number }>('PRAGMA foreign_keys'))?.foreign_keys, 1);
    await db.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a failing migration rolls back and is not recorded', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'nassij-migrate-'));
  try {
    const db = openSqlite(dir);
    const broken = { id: '002_broken', sql: 'CREATE TABLE half (id TEXT); CREATE TABLE oops (' };
    await assert.rejects(migrate(db, [coreMigration, broken]));
    assert.deepEqual(
      (await db.all<{ id: string }>('SELECT id FROM schema_migrations')).map((row) => row.id),
      ['001_core'],
    );
    await assert.rejects(db.all('SELECT * FROM half'), /no such table/);
    await db.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('an unwritable data directory is a clear StartupError', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'nassij-migrate-'));
  try {
    const file = join(dir, 'not-a-dir');
    await writeFile(file, '');
    assert.throws(
      () => openSqlite(join(file, 'data')),
      (error: unknown) =>
        error instanceof StartupError &&
        error.code === 'DATA_DIR_NOT_WRITABLE' &&
        /not writable/.test(error.message),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
