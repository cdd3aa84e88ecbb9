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
export async function tableExists(db: Db, table: string): Promise<boolean> {
  try {
    await db.all(`SELECT 1 FROM ${table} WHERE 1 = 0`);
    return true;
  } catch {
    return false;
  }
}

/**
 * The names of the database's own tables, sorted (byte order): not SQLite's internal `sqlite_*` tables, not
 * `schema_migrations`. On PostgreSQL, the base tables of the current schema. Search index tables are
 * included; `isSearchTable` in `search/search.ts` tells them apart.
 *
 * @example
 * ```ts
 * for (const table of await listTables(db)) console.log(table);
 * ```
 */
export async function listTables(db: Db): Promise<string[]> {
  const rows =
    db.dialect === 'postgres'
      ? await db.all<{ name: string }>(
          `SELECT table_name AS name FROM information_schema.tables
           WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
        )
      : await db.all<{ name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        );
  return rows
    .map((row) => row.name)
    .filter((name) => name !== 'schema_migrations')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
