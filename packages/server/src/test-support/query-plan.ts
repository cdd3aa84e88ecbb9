// The plan of a statement, for tests that check an index serves a query (its order, its filter) on both
// databases.
import type { Db, SqlValue } from '../db/db.js';

/**
 * The plan of a statement as one text: SQLite's `EXPLAIN QUERY PLAN` details, or PostgreSQL's `EXPLAIN`
 * lines. PostgreSQL is told to avoid sequential scans (test tables are tiny, so a scan would win there):
 * the plan then shows whether an index can give the order.
 *
 * @example
 * ```ts
 * const plan = await planOf(db, 'SELECT id FROM audit_log WHERE target_type = ? ORDER BY at, seq', ['call']);
 * assert.doesNotMatch(plan, /TEMP B-TREE|Sort/);
 * ```
 */
export async function planOf(db: Db, sql: string, params: readonly SqlValue[]): Promise<string> {
  if (db.dialect === 'sqlite') {
    const rows = await db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params);
    return rows.map((row) => row.detail).join('\n');
  }
  return await db.atomic(async () => {
    await db.script('SET LOCAL enable_seqscan = off');
    const rows = await db.all<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  });
}
