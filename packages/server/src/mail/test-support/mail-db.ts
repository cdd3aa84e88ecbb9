// A database with the core tables (mail_outbox among them) for the mail tests: SQLite in a temporary
// directory, or a fresh PostgreSQL database when NASSIJ_TEST_DATABASE is set, opened as many times as a test
// needs (two handles stand for two server processes).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../db/db.js';
import { migrate } from '../../db/migrate.js';
import { CORE_MIGRATIONS } from '../../db/migrations/index.js';
import { openDatabase } from '../../db/open.js';
import { removeTestData, testDatabaseOptions } from '../../testing.js';

/** A migrated test database and its data directory. */
export interface MailTestDb {
  dir: string;
  db: Db;
  /** Opens one more handle on the same database (another process's). */
  open(): Promise<Db>;
  /** Closes every handle and removes the data. */
  remove(): Promise<void>;
}

/**
 * Makes a migrated database for a mail test.
 *
 * @example
 * ```ts
 * const data = await mailTestDb();
 * await enqueueMail(data.db, mail);
 * await data.remove();
 * ```
 */
export async function mailTestDb(): Promise<MailTestDb> {
  const dir = await mkdtemp(join(tmpdir(), 'nassij-mail-'));
  const { database } = await testDatabaseOptions(dir);
  const handles: Db[] = [];
  const open = async () => {
    const db = await openDatabase(database, { dataDir: dir });
    handles.push(db);
    return db;
  };
  const db = await open();
  await migrate(db, CORE_MIGRATIONS);
  return {
    dir,
    db,
    open,
    async remove() {
      await Promise.all(handles.map((handle) => handle.close()));
      await removeTestData(dir);
    },
  };
}
