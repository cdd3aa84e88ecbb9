// Indexes that the indicators' and open data's reads need on other areas' tables, created at every start
// by those areas' `prepare` (idempotent), only for the tables this server has.
import type { Db } from '../../db/db.js';
import { tableExists } from '../../db/tables.js';

/**
 * An index that a figure's query needs on another area's table, created at start (only when its table
 * exists). Kept here rather than in that area's migrations because only these reads need it.
 */
interface ReadIndex {
  table: string;
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

/**
 * Creates the {@link READ_INDEXES} whose table exists and that are missing; several processes may run it at
 * once (PostgreSQL serialises them with an advisory lock).
 *
 * @example
 * ```ts
 * const area: Area = { name: 'indicators', prepare: (db) => createFigureIndexes(db), … };
 * ```
 */
export async function createFigureIndexes(db: Db): Promise<void> {
  const wanted: ReadIndex[] = [];
  // Asked outside the transaction: on PostgreSQL a failed probe would abort it.
  for (const index of READ_INDEXES) if (await tableExists(db, index.table)) wanted.push(index);
  if (wanted.length === 0) return;
  await db.atomic(async () => {
    if (db.dialect === 'postgres')
      await db.one('SELECT pg_advisory_xact_lock(hashtext(?)) AS locked', ['nassij.figure_indexes']);
    for (const index of wanted) {
      // Checked first on PostgreSQL: CREATE INDEX IF NOT EXISTS would still lock the table for writes.
      if (db.dialect === 'postgres' && (await db.one('SELECT to_regclass(?) AS r', [index.name]))?.r)
        continue;
      await db.script(`CREATE INDEX IF NOT EXISTS ${index.name} ON ${index.sql}`);
    }
  });
}
