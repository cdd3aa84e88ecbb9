import type { Db } from './db.js';

/**
 * Whether a table exists (areas may be left out of a server), asked portably: a query that reads no row.
 * Call it outside a transaction where a failed statement would abort the transaction.
 *
 * @example
 * ```ts
 * if (tableExists(db, 'contributions')) countContributions(db);
 * ```
 */
export function tableExists(db: Db, table: string): boolean {
  try {
    db.query(`SELECT 1 FROM ${table} WHERE 1 = 0`);
    return true;
  } catch {
    return false;
  }
}
