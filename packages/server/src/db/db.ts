/** A value bound to a `?` placeholder. Booleans are stored as 0/1 and `undefined` as NULL by adapters. */
export type SqlValue = string | number | bigint | boolean | null | undefined | Uint8Array;

/**
 * The small, portable database interface every area uses: `?` placeholders and portable SQL only
 * (no SQLite pragmas or FTS here; those live in the adapter module). It is synchronous because
 * better-sqlite3 is, and a transaction must not span an `await`; a PostgreSQL adapter would make these
 * methods async, which is a mechanical change for callers.
 *
 * @example
 * ```ts
 * const row = db.get<{ email: string }>('SELECT email FROM accounts WHERE id = ?', ['acc_0001']);
 * db.transaction(() => db.run('UPDATE accounts SET locale = ? WHERE id = ?', ['fr', 'acc_0001']));
 * ```
 */
export interface Db {
  /** Which SQL dialect is behind the interface, for the rare migration that must differ. */
  readonly dialect: 'sqlite' | 'postgres';
  /** All rows of a query. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Row[];
  /** The first row of a query, or `undefined`. */
  get<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Row | undefined;
  /** Runs a write; `changes` is the number of rows affected. */
  run(sql: string, params?: readonly SqlValue[]): { changes: number };
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): void;
  /** Runs `fn` in a transaction: committed when it returns, rolled back when it throws. Nests as savepoints. */
  transaction<T>(fn: () => T): T;
  /** Closes the connection. */
  close(): void;
}

/**
 * A versioned schema change: `id` sorts in application order (`001_core`, `010_calls`), `sql` is portable DDL.
 * SQL lives in `.ts` modules so the build copies it with the code.
 *
 * @example
 * ```ts
 * export const migration: Migration = { id: '010_calls', sql: 'CREATE TABLE calls (id TEXT PRIMARY KEY)' };
 * ```
 */
export interface Migration {
  id: string;
  sql: string;
}
