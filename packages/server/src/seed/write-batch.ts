// Bulk loading through the areas' own store functions (`saveAssociation`, `writeCall`, `saveCourse`), which
// index for search and keep every side table right, without paying one network round trip per statement.
// On PostgreSQL each statement of such a function is a round trip, ten or so per item with the savepoint
// around it: 250,000 associations spent most of their time waiting on the network. Here the writes are
// queued as `EXECUTE` statements with their values written as literals and sent as one script, so a few
// thousand statements cost one round trip; each distinct statement is prepared once per script.
import pg from 'pg';
import type { Db, SqlValue } from '../db/db.js';
import { positionalParams } from '../db/postgres.js';

/** Queued SQL text past which a batch sends itself (bytes, about): large enough to amortise, small for memory. */
const FLUSH_AT_CHARS = 1_000_000;

/** A {@link Db} whose writes are held back until {@link WriteBatch.flush}, and that flush. */
export interface WriteBatch {
  /** Pass this to store functions; reads and scripts on it send the queued writes first. */
  readonly db: Db;
  /** Sends every queued write, in order, in the caller's transaction. */
  flush(): Promise<void>;
}

/** A value as a PostgreSQL literal: text (the parameter's type converts it, as a bound value would) or NULL. */
function literal(value: SqlValue): string {
  if (value === null || value === undefined) return 'NULL';
  // Flags are INTEGER columns on both dialects, as the adapter binds them.
  if (typeof value === 'boolean') return value ? "'1'" : "'0'";
  if (value instanceof Uint8Array) throw new TypeError('a write batch takes no binary values');
  return pg.escapeLiteral(String(value));
}

/**
 * Wraps `db` so that its writes are sent many at a time, inside the caller's transaction: on PostgreSQL
 * they are queued and sent as one script per megabyte or so (and by {@link WriteBatch.flush}); on SQLite,
 * whose statements cost no round trip, `db` is used as it is. For a seeder that is alone on its database:
 * nested `atomic` calls run in the caller's transaction without a savepoint (a failed write fails the whole
 * batch, at the flush that sends it), and a write answers `changes: 0` since it has not run yet, so only
 * store functions that do not look at `changes` may use it. Reads on the batch send the queued writes
 * first, so they see them. Create one per transaction run (inside `db.atomic`), and flush before it ends.
 *
 * @example
 * ```ts
 * await db.atomic(async () => {
 *   const batch = writeBatch(db);
 *   for (const association of associations) await saveAssociation(batch.db, association);
 *   await batch.flush();
 * });
 * ```
 */
export function writeBatch(db: Db): WriteBatch {
  if (db.dialect !== 'postgres') return { db, flush: async () => {} };
  /** Statement name by SQL text, for the script being built. */
  let prepared = new Map<string, string>();
  let queue: string[] = [];
  let chars = 0;
  let scripts = 0;

  const flush = async (): Promise<void> => {
    if (queue.length === 0) return;
    const names = [...prepared.values()];
    // Prepared statements outlive the transaction on its connection: they go at the end of the script.
    const script = `${queue.join(';\n')};\n${names.map((name) => `DEALLOCATE ${name}`).join(';\n')}`;
    queue = [];
    chars = 0;
    prepared = new Map();
    await db.script(script);
  };

  const batched: Db = {
    dialect: db.dialect,
    async all(sql, params) {
      await flush();
      return db.all(sql, params);
    },
    async one(sql, params) {
      await flush();
      return db.one(sql, params);
    },
    async write(sql, params = []) {
      let name = prepared.get(sql);
      if (name === undefined) {
        if (prepared.size === 0) scripts++;
        name = `nassij_batch_${scripts}_${prepared.size}`;
        prepared.set(sql, name);
        queue.push(`PREPARE ${name} AS ${positionalParams(sql)}`);
      }
      const statement =
        params.length === 0 ? `EXECUTE ${name}` : `EXECUTE ${name}(${params.map(literal).join(', ')})`;
      queue.push(statement);
      chars += statement.length;
      if (chars >= FLUSH_AT_CHARS) await flush();
      return { changes: 0 };
    },
    async script(sql) {
      await flush();
      await db.script(sql);
    },
    async atomic(fn) {
      // Inside the caller's transaction, a savepoint per item would cost round trips again.
      if (db.inTransaction) return fn();
      return db.atomic(async () => {
        const value = await fn();
        await flush();
        return value;
      });
    },
    afterCommit: (fn) => db.afterCommit(fn),
    get inTransaction() {
      return db.inTransaction;
    },
    async close() {
      await flush();
    },
  };
  return { db: batched, flush };
}
