/** A value bound to a `?` placeholder. Booleans are stored as 0/1 and `undefined` as NULL by adapters. */
export type SqlValue = string | number | bigint | boolean | null | undefined | Uint8Array;

/**
 * The one database interface every area uses, on SQLite and on PostgreSQL: `?` placeholders and portable
 * SQL only (no pragmas, FTS or `rowid` here; those live in the adapters and in `search/`). Every method is
 * asynchronous: on SQLite, reads outside a transaction run on reader threads so that a slow query never
 * stalls the server, and on PostgreSQL every call goes through a connection pool.
 *
 * A transaction is scoped, not threaded: inside `db.atomic(async () => …)` every call on the same `db`
 * (in any function, across `await`s) runs in that transaction, because the adapter keeps it in an
 * `AsyncLocalStorage`. Nested `atomic` calls are savepoints. Keep a transaction short: on SQLite, other
 * writes wait for it.
 *
 * @example
 * ```ts
 * const row = await db.one<{ email: string }>('SELECT email FROM accounts WHERE id = ?', ['acc_0001']);
 * await db.atomic(async () => {
 *   await db.write('UPDATE accounts SET locale = ? WHERE id = ?', ['fr', 'acc_0001']);
 *   await audit(db, { action: 'account.updated', … });
 * });
 * ```
 */
export interface Db {
  /** Which SQL dialect is behind the interface, for the rare statement that must differ. */
  readonly dialect: 'sqlite' | 'postgres';
  /** All rows of a query. */
  all<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** The first row of a query, or `undefined`. */
  one<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<Row | undefined>;
  /** Runs a write; `changes` is the number of rows affected. */
  write(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
  /** Runs several statements without parameters (migrations). */
  script(sql: string): Promise<void>;
  /**
   * Runs `fn` in a transaction: committed when its promise resolves, rolled back when it rejects. Every
   * call on this `db` made while `fn` runs belongs to the transaction. Nests as savepoints. On PostgreSQL a
   * transaction runs at SERIALIZABLE and `fn` runs again from the start when it lost a race (up to five
   * times), so `fn` must do nothing outside the database that cannot be repeated: defer it with
   * {@link Db.afterCommit}.
   */
  atomic<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Runs `fn` once the caller's transaction has committed (never when it rolls back), or now outside a
   * transaction: for work outside the database that must see the commit, such as deleting a file that no
   * row references any more. `fn` is not awaited by the transaction; it reports its own failures.
   */
  afterCommit(fn: () => void): void;
  /** Whether the caller runs inside {@link Db.atomic}. */
  readonly inTransaction: boolean;
  /**
   * A watch of the commits that may have changed the database, for caches that would otherwise ask the
   * database whether anything changed on every request. It counts this process's commits at once; on
   * PostgreSQL also, through `LISTEN channel` on a connection of its own, every process's commits whose
   * writes notify that channel (the same channel gives the same watch). SQLite's file belongs to one
   * process: its own commits are all the changes, and `channel` is not used.
   */
  watchChanges?(channel: string): ChangeWatch;
  /** Closes the connections (and reader threads). */
  close(): Promise<void>;
}

/**
 * What a process knows of the commits on a database (see {@link Db.watchChanges}).
 *
 * @example
 * ```ts
 * const watch = db.watchChanges?.('nassij_data_versions');
 * const seen = watch?.generation;
 * // later: unchanged if the watch was live all along and nothing was committed anywhere since
 * const unchanged = watch?.live === true && watch.generation === seen;
 * ```
 */
export interface ChangeWatch {
  /**
   * Whether other processes' commits are being heard: false before the listening connection is ready and
   * after it was lost, until it listens again. Only while live does an unchanged generation mean "no commit".
   */
  readonly live: boolean;
  /**
   * Grows at every commit of this process that may have written (before the committing call returns), at
   * every notification on the channel (when the notifying transaction commits) and whenever listening
   * starts or stops.
   */
  readonly generation: number;
}

/**
 * A versioned schema change: `id` sorts in application order (`001_core`, `010_calls`), `sql` is portable DDL
 * (`TEXT`, `INTEGER` — 64-bit on both —, `REAL`, `BLOB`), or one text per dialect when they must differ.
 * SQL lives in `.ts` modules so the build copies it with the code.
 *
 * @example
 * ```ts
 * export const migration: Migration = { id: '010_calls', sql: 'CREATE TABLE calls (id TEXT PRIMARY KEY)' };
 * ```
 */
export interface Migration {
  id: string;
  sql: string | { sqlite: string; postgres: string };
}
