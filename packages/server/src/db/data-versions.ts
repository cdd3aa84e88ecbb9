// Data versions: a counter per input table, bumped by a trigger in the same transaction as every write to
// that table, so that derived figures (indicators, the open data catalogue) can be kept until an input
// actually changes. A trigger rather than a helper that each store calls: writes come from handlers, seeds,
// the demo date shift, retention jobs, erasure and tests, and a single forgotten call would serve stale
// figures. The version becomes visible exactly when the write commits, in every process sharing the
// database (PostgreSQL), so a process never keeps a figure past a committed change.
import type { Db, Migration } from './db.js';
import { preparedStatement } from './postgres.js';
import { tableExists } from './tables.js';

/** The tables that indicators and open data figures read; each gets a version trigger when it exists. */
export const VERSIONED_TABLES = [
  'associations',
  'association_domains',
  'calls',
  'call_regions',
  'awards',
  'applications',
  'application_history',
  'consultations',
  'consultation_versions',
  'contributions',
  'contribution_supports',
  'courses',
  'training_sessions',
  'training_registrations',
  'award_reports',
  'disbursements',
] as const;

/** A table whose writes are counted. */
export type VersionedTable = (typeof VERSIONED_TABLES)[number];

/**
 * The row every counter starts with, and where {@link compactDataVersions} folds the rows of connections that
 * ended. SQLite has one writer at a time, so it bumps this row only.
 */
const BASE_SLOT = 0;

/**
 * The channel every version bump notifies on PostgreSQL: delivered when the writing transaction commits
 * (once per transaction, however many statements bumped), it tells every process sharing the database that
 * the versions it read may be out of date (`db/versioned-cache.ts`), so that none has to ask again on every
 * request.
 */
export const DATA_VERSIONS_CHANNEL = 'nassij_data_versions';

/**
 * On PostgreSQL each connection bumps a row of its own, keyed by its backend's process id, so that two
 * transactions never update the same row: under SERIALIZABLE the second would fail (40001) once the first
 * commits, and a random slot out of a few still collided for most of 8 concurrent writers. A connection runs
 * one transaction at a time and sees its own previous commits, and the bump is an upsert, which takes no
 * predicate lock (an UPDATE of this small table scans it whole, and that read made every write transaction
 * conflict with every other). The version of a table is the sum of its rows.
 */
const PG_FUNCTION_BODY = `
BEGIN
  INSERT INTO data_versions (name, slot, version) VALUES (TG_TABLE_NAME, pg_backend_pid(), 1)
  ON CONFLICT (name, slot) DO UPDATE SET version = data_versions.version + 1;
  PERFORM pg_notify('${DATA_VERSIONS_CHANNEL}', '');
  RETURN NULL;
END
`;

/**
 * The counters: one row per (table, slot); a slot is a PostgreSQL connection's process id, or
 * {@link BASE_SLOT}. Kept apart from the tables it counts, so that the triggers,
 * installed for whichever areas a server mounts, are the only thing that touches other areas' schema.
 */
export const dataVersionsMigration: Migration = {
  id: '070_data_versions',
  sql: `CREATE TABLE data_versions (
  name TEXT NOT NULL,
  slot INTEGER NOT NULL,
  version INTEGER NOT NULL,
  PRIMARY KEY (name, slot)
);`,
};

function sqliteTriggers(table: VersionedTable): string {
  // Row triggers (SQLite has no statement triggers): one small UPDATE of a row the writer already holds.
  return (['INSERT', 'UPDATE', 'DELETE'] as const)
    .map(
      (event) => `CREATE TRIGGER IF NOT EXISTS data_version_${table}_${event.toLowerCase()}
AFTER ${event} ON ${table} BEGIN
  UPDATE data_versions SET version = version + 1 WHERE name = '${table}' AND slot = 0;
END;`,
    )
    .join('\n');
}

const PG_FUNCTION = `CREATE OR REPLACE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$${PG_FUNCTION_BODY}$$;`;

function postgresTrigger(table: VersionedTable): string {
  // A statement trigger: a bulk write bumps once. BEFORE, so that the counter row is locked before any row
  // of the statement, which keeps the lock order the same in every transaction.
  return `CREATE TRIGGER data_version_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();`;
}

/**
 * Installs the version triggers on every {@link VERSIONED_TABLES} table the database has (areas may be
 * left out of a server), their counter rows, and the indexes the figures' reads need. Idempotent and safe
 * to run from several processes at once (PostgreSQL serialises it with an advisory lock); a process whose
 * triggers all exist changes nothing but for {@link compactDataVersions}. Returns the tables whose writes
 * are counted.
 *
 * @example
 * ```ts
 * const watched = await installDataVersions(db); // ['associations', 'association_domains', 'calls', …]
 * ```
 */
export async function installDataVersions(db: Db): Promise<VersionedTable[]> {
  const present: VersionedTable[] = [];
  // Asked outside the transaction: on PostgreSQL a failed probe would abort it.
  for (const table of VERSIONED_TABLES) if (await tableExists(db, table)) present.push(table);
  if (present.length === 0) return present;
  await db.atomic(async () => {
    if (db.dialect === 'postgres') {
      await db.one('SELECT pg_advisory_xact_lock(hashtext(?)) AS locked', ['nassij.data_versions']);
      const missing: VersionedTable[] = [];
      for (const table of present) {
        const found = await db.one(
          "SELECT 1 AS found FROM pg_trigger WHERE tgrelid = to_regclass(?) AND tgname = 'data_version_bump'",
          [table],
        );
        if (!found) missing.push(table);
      }
      // An older body (one of a few shared slots) is replaced in place: the triggers call it by name.
      const current = await db.one<{ body: string }>(
        "SELECT prosrc AS body FROM pg_proc WHERE oid = to_regprocedure('data_version_bump()')",
      );
      if (current?.body !== PG_FUNCTION_BODY) await db.script(PG_FUNCTION);
      for (const table of missing) await db.script(postgresTrigger(table));
    } else {
      await db.script(present.map(sqliteTriggers).join('\n'));
    }
    for (const table of present) {
      await db.write(
        'INSERT INTO data_versions (name, slot, version) VALUES (?, ?, 0) ON CONFLICT (name, slot) DO NOTHING',
        [table, BASE_SLOT],
      );
    }
  });
  // The rows left by connections of earlier runs are folded now. Best effort: the versions stay right
  // without it, and a failure must not turn the caches off.
  await compactDataVersions(db).catch(() => 0);
  return present;
}

/** The version of each counted table: it grows with every committed write to that table. */
export type DataVersions = ReadonlyMap<string, number>;

/**
 * Above this many counter rows, {@link readDataVersions} folds those of ended connections (see
 * {@link compactDataVersions}): a server opens new connections all the time (its pool closes idle ones), and
 * every connection that wrote leaves a row per table it wrote. Live ones stay far below: a row per table and
 * connection.
 */
const COMPACT_ABOVE_ROWS = 1024;

/**
 * Every counter row as `table:version`, comma-separated, in one text that {@link readDataVersions} sums
 * (table names hold neither `:` nor `,`). Every cached answer runs it: one row is less to send and decode
 * than a row per table, the database groups nothing, and PostgreSQL plans it once per connection
 * (measured against the grouped read: under half the database's time, a third less of the server's).
 */
const READ_VERSIONS = preparedStatement(
  "SELECT string_agg(name || ':' || version, ',') AS pairs FROM data_versions",
);

/** Per database handle: how many rows make {@link readDataVersions} compact next. */
const compactAt = new WeakMap<Db, number>();

/**
 * The current version of every counted table, in one query. On PostgreSQL, once the counter rows pile up
 * (connections come and go), it also folds those of ended connections (outside transactions only).
 *
 * @example
 * ```ts
 * const versions = await readDataVersions(db);
 * versionOf(versions, ['awards', 'associations']); // 'awards:12|associations:40'
 * ```
 */
export async function readDataVersions(db: Db): Promise<DataVersions> {
  const read = await db.one<{ pairs: string | null }>(READ_VERSIONS);
  const versions = new Map<string, number>();
  let total = 0;
  for (const pair of read?.pairs ? read.pairs.split(',') : []) {
    const colon = pair.lastIndexOf(':');
    const name = pair.slice(0, colon);
    versions.set(name, (versions.get(name) ?? 0) + Number(pair.slice(colon + 1)));
    total += 1;
  }
  if (db.dialect === 'postgres' && !db.inTransaction) {
    if (total > (compactAt.get(db) ?? COMPACT_ABOVE_ROWS)) {
      // The next compaction waits until the live rows left double, so that a server with many live
      // connections does not compact on every read. The versions read above stay right: compacting keeps
      // every sum, and a failed compaction changes nothing.
      const folded = await compactDataVersions(db).catch(() => 0);
      compactAt.set(db, Math.max(COMPACT_ABOVE_ROWS, 2 * (total - folded)));
    }
  }
  return versions;
}

/**
 * Folds the counter rows of PostgreSQL connections that ended into each table's base row, in one statement,
 * so that every table's version (the sum of its rows) stays the same while the table stops growing. A row
 * whose connection turns out to be alive (its process id was reused meanwhile) may be folded too: that
 * connection's next bump creates it again. Runs at READ COMMITTED outside a transaction, so that it waits for a bump
 * holding a row rather than failing; SQLite has nothing to fold. Returns the number of rows folded.
 *
 * @example
 * ```ts
 * await compactDataVersions(db); // 37
 * ```
 */
export async function compactDataVersions(db: Db): Promise<number> {
  if (db.dialect !== 'postgres') return 0;
  const outside = !db.inTransaction;
  return await db.atomic(async () => {
    if (outside) await db.script('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
    const folded = await db.one<{ n: number }>(
      `WITH gone AS (
        DELETE FROM data_versions
        WHERE slot <> ? AND slot NOT IN (SELECT pid FROM pg_stat_activity WHERE pid IS NOT NULL)
        RETURNING name, version
      ), based AS (
        INSERT INTO data_versions (name, slot, version)
        SELECT name, ?, SUM(version) FROM gone GROUP BY name
        ON CONFLICT (name, slot) DO UPDATE SET version = data_versions.version + excluded.version
      )
      SELECT COUNT(*) AS n FROM gone`,
      [BASE_SLOT, BASE_SLOT],
    );
    return Number(folded?.n ?? 0);
  });
}

/**
 * A key that changes whenever one of `tables` is written: compare it with the key a figure was computed
 * at. A table without a counter is one the server does not have (its area is not mounted: nothing can
 * write it), read as `-`; callers only trust versions once {@link installDataVersions} has succeeded.
 *
 * @example
 * ```ts
 * if (versionOf(await readDataVersions(db), ['awards']) !== cached.version) recompute();
 * ```
 */
export function versionOf(versions: DataVersions, tables: readonly string[]): string {
  return tables.map((table) => `${table}:${versions.get(table) ?? '-'}`).join('|');
}

const installed = new WeakMap<Db, Promise<boolean>>();

/**
 * {@link installDataVersions} once per database handle, shared by the areas that cache figures: resolves
 * `true` when versions can be trusted, `false` (after telling `onError`) when the install failed, in which
 * case callers compute every time rather than risk a stale figure.
 *
 * @example
 * ```ts
 * if (await dataVersionsReady(db, (error) => log.error('data versions', { error }))) useCache();
 * ```
 */
export function dataVersionsReady(db: Db, onError: (error: unknown) => void): Promise<boolean> {
  let ready = installed.get(db);
  if (!ready) {
    ready = installDataVersions(db).then(
      () => true,
      (error: unknown) => {
        onError(error);
        return false;
      },
    );
    installed.set(db, ready);
  }
  return ready;
}
