// Data versions: a counter per input table, bumped by a trigger in the same transaction as every write to
// that table, so that derived figures (indicators, the open data catalogue) can be kept until an input
// actually changes. A trigger rather than a helper that each store calls: writes come from handlers, seeds,
// the demo date shift, retention jobs, erasure and tests, and a single forgotten call would serve stale
// figures. The version becomes visible exactly when the write commits, in every process sharing the
// database (PostgreSQL), so a process never keeps a figure past a committed change.
import type { Db, Migration } from '../../db/db.js';
import { tableExists } from '../../db/tables.js';

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
] as const;

/** A table whose writes are counted. */
export type VersionedTable = (typeof VERSIONED_TABLES)[number];

/**
 * On PostgreSQL a transaction bumps one of this many rows per table (chosen by its transaction id): the
 * row stays locked until the transaction commits, and spreading the counter keeps concurrent writers of
 * one table (contributions during a busy consultation) from queueing behind a single row. The version of
 * a table is the sum of its slots. SQLite has one writer at a time, so it uses slot 0 only.
 */
const PG_SLOTS = 16;

/**
 * The counters: one row per (table, slot). Kept apart from the tables it counts, so that the triggers,
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

const PG_FUNCTION = `CREATE OR REPLACE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_versions SET version = version + 1
  WHERE name = TG_TABLE_NAME AND slot = (txid_current() % ${PG_SLOTS})::integer;
  RETURN NULL;
END
$$;`;

function postgresTrigger(table: VersionedTable): string {
  // A statement trigger: a bulk write bumps once. BEFORE, so that the counter row is locked before any row
  // of the statement, which keeps the lock order the same in every transaction.
  return `CREATE TRIGGER data_version_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();`;
}

/**
 * Installs the version triggers on every {@link VERSIONED_TABLES} table the database has (areas may be
 * left out of a server), their counter rows, and the indexes the figures' reads need. Idempotent and safe to run from several processes at
 * once (PostgreSQL serialises it with an advisory lock); a process whose triggers all exist changes
 * nothing. Returns the tables whose writes are counted.
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
      if (missing.length > 0) {
        await db.script(PG_FUNCTION);
        for (const table of missing) await db.script(postgresTrigger(table));
      }
    } else {
      await db.script(present.map(sqliteTriggers).join('\n'));
    }
    for (const index of READ_INDEXES) {
      if (!present.includes(index.table)) continue;
      // Checked first on PostgreSQL: CREATE INDEX IF NOT EXISTS would still lock the table for writes.
      if (db.dialect === 'postgres' && (await db.one('SELECT to_regclass(?) AS r', [index.name]))?.r)
        continue;
      await db.script(`CREATE INDEX IF NOT EXISTS ${index.name} ON ${index.sql}`);
    }
    const slots = db.dialect === 'postgres' ? PG_SLOTS : 1;
    for (const table of present) {
      for (let slot = 0; slot < slots; slot += 1) {
        await db.write(
          'INSERT INTO data_versions (name, slot, version) VALUES (?, ?, 0) ON CONFLICT (name, slot) DO NOTHING',
          [table, slot],
        );
      }
    }
  });
  return present;
}

/**
 * An index that a figure's query needs on another area's table, created with the triggers (only when
 * its table exists). Kept here rather than in that area's migrations because only these reads need it.
 */
interface ReadIndex {
  table: VersionedTable;
  name: string;
  sql: string;
}

/**
 * The indexes of the indicators' and open data's reads at national scale: awards by decision (the year's
 * figures, and the 360Giving package's keyset order), submissions by date, sessions by end (the time
 * boundary of `trainings_held`), published contributions in id order (the export's keyset pages, whole or
 * for one consultation), and the newest change of a published contribution (the catalogue's
 * `lastUpdated`, a MAX read from the end of the index instead of a scan of a million rows).
 */
const READ_INDEXES: readonly ReadIndex[] = [
  { table: 'awards', name: 'awards_by_decided', sql: 'awards (decided_at, id)' },
  {
    table: 'application_history',
    name: 'application_history_by_status',
    sql: 'application_history (status, at)',
  },
  { table: 'training_sessions', name: 'training_sessions_by_end', sql: 'training_sessions (end_at)' },
  {
    // The export's keyset order over published contributions: a page is a range read after the last id.
    // Without it the planner reads every published row through another (moderation_state, …) index and
    // sorts them by id for each page: 0.5 s a page at 200 000 rows. Not partial: SQLite's planner, without
    // statistics, prefers an index whose leading column the query pins over a partial one.
    table: 'contributions',
    name: 'contributions_by_state_id',
    sql: 'contributions (moderation_state, id)',
  },
  {
    table: 'contributions',
    name: 'contributions_by_consultation_state_id',
    sql: 'contributions (consultation_id, moderation_state, id)',
  },
  {
    table: 'contributions',
    name: 'contributions_by_state_changed',
    sql: 'contributions (moderation_state, (COALESCE(decided_at, edited_at, created_at)))',
  },
];

/** The version of each counted table: it grows with every committed write to that table. */
export type DataVersions = ReadonlyMap<string, number>;

/**
 * The current version of every counted table, in one query.
 *
 * @example
 * ```ts
 * const versions = await readDataVersions(db);
 * versionOf(versions, ['awards', 'associations']); // 'awards:12|associations:40'
 * ```
 */
export async function readDataVersions(db: Db): Promise<DataVersions> {
  const rows = await db.all<{ name: string; v: number }>(
    'SELECT name, SUM(version) AS v FROM data_versions GROUP BY name',
  );
  return new Map(rows.map((row) => [row.name, Number(row.v)]));
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
