import type { Db, Migration } from './db.js';
import { postgresDdl } from './postgres.js';

const SCHEMA_TABLE =
  'CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)';

/**
 * The key of the PostgreSQL advisory lock that migrations hold: any constant works as long as every
 * process uses the same one ("nassij" in ASCII).
 */
const MIGRATION_LOCK = 0x6e61_7373_696a;

/**
 * Runs `fn` in a transaction that, on PostgreSQL, first takes the migration lock: two server processes
 * starting at once on one database then migrate one after the other (the lock ends with the transaction).
 * SQLite needs nothing: its write transactions already run one at a time (`BEGIN IMMEDIATE`).
 */
function underMigrationLock<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const outermost = !db.inTransaction;
  return db.atomic(async () => {
    if (db.dialect === 'postgres') {
      // The adapter's transactions are SERIALIZABLE: their snapshot would be taken by the lock's statement,
      // before it waits, and the check that follows would not see what the process holding the lock
      // committed. READ COMMITTED takes a new snapshot per statement, after the wait.
      if (outermost) await db.script('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
      await db.all(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    }
    return fn();
  });
}

/**
 * The `schema_migrations` row of a database copied from a prepared one that no server has started yet: the
 * test harness (`testing.ts`) migrates and seeds a template once and gives each test server a copy, which
 * must start as the database it copies would have (as new: no file sweep or reminder pass at start). Not a
 * migration: {@link isNewDatabase} reads it and {@link migrate} removes it, so only a first start sees it.
 */
export const UNSTARTED_COPY_MARK = '~unstarted_copy';

/** Creates `schema_migrations` when missing; under the lock, since PostgreSQL's IF NOT EXISTS can race. */
function ensureSchemaTable(db: Db): Promise<void> {
  return underMigrationLock(db, () => db.script(SCHEMA_TABLE));
}

/** A migration's SQL for the database's dialect; portable text becomes PostgreSQL DDL there. */
function sqlFor(db: Db, migration: Migration): string {
  if (typeof migration.sql !== 'string') return migration.sql[db.dialect];
  return db.dialect === 'postgres' ? postgresDdl(migration.sql) : migration.sql;
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, in `id` order, each in its own
 * transaction. Returns the ids applied now; running it again applies nothing. On PostgreSQL each migration
 * transaction holds an advisory lock and checks again that the migration is still to apply, so several
 * processes may start together on one database: each migration runs once, and a process that waited finds
 * it done.
 *
 * @example
 * ```ts
 * const applied = await migrate(db, [coreMigration, ...AREAS.flatMap((area) => area.migrations)]);
 * ```
 */
export async function migrate(db: Db, migrations: readonly Migration[]): Promise<string[]> {
  await ensureSchemaTable(db);
  const seen = new Set<string>();
  for (const migration of migrations) {
    if (seen.has(migration.id)) throw new Error(`Two migrations share the id ${migration.id}`);
    seen.add(migration.id);
  }
  // A prepared copy stops counting as new with its first start (see UNSTARTED_COPY_MARK).
  await db.write('DELETE FROM schema_migrations WHERE id = ?', [UNSTARTED_COPY_MARK]);
  const done = new Set(
    (await db.all<{ id: string }>('SELECT id FROM schema_migrations')).map((row) => row.id),
  );
  const applied: string[] = [];
  for (const migration of [...migrations].sort((a, b) => a.id.localeCompare(b.id))) {
    if (done.has(migration.id)) continue;
    const ran = await underMigrationLock(db, async () => {
      // Another process may have applied it while this one waited for the lock.
      const already = await db.one('SELECT id FROM schema_migrations WHERE id = ?', [migration.id]);
      if (already) return false;
      await db.script(sqlFor(db, migration));
      await db.write('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)', [
        migration.id,
        new Date().toISOString(),
      ]);
      return true;
    });
    if (ran) applied.push(migration.id);
  }
  return applied;
}

/**
 * Whether the database has never been migrated (a new data directory), or is a prepared copy no server has
 * started yet ({@link UNSTARTED_COPY_MARK}), checked before {@link migrate}.
 *
 * @example
 * ```ts
 * const fresh = await isNewDatabase(db);
 * ```
 */
export async function isNewDatabase(db: Db): Promise<boolean> {
  await ensureSchemaTable(db);
  if (await db.one('SELECT id FROM schema_migrations WHERE id = ?', [UNSTARTED_COPY_MARK])) return true;
  return (await db.one('SELECT id FROM schema_migrations LIMIT 1')) === undefined;
}
