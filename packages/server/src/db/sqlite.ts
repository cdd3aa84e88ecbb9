import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Db, SqlValue } from './db.js';
import type { ReadAnswer, ReadRequest } from './sqlite-reader.js';

/** Why the server could not start; the CLI prints `message` on one line and exits with code 2. */
export class StartupError extends Error {
  constructor(
    message: string,
    readonly code: 'DATA_DIR_NOT_WRITABLE' | 'EADDRINUSE' | 'BAD_OPTION' | 'DATABASE_UNAVAILABLE',
  ) {
    super(message);
    this.name = 'StartupError';
  }
}

function bindable(params: readonly SqlValue[] | undefined): unknown[] {
  return (params ?? []).map((value) => {
    if (value === undefined) return null;
    if (typeof value === 'boolean') return value ? 1 : 0;
    return value;
  });
}

/** Options of {@link openSqlite}. */
export interface SqliteOptions {
  /**
   * Reader threads for reads outside a transaction (default: the number of cores, at most 4). `0` reads on
   * the main connection, which a long query then blocks (and which waits while a transaction is open).
   */
  readers?: number;
}

/** The reader thread's module next to this one: `.js` once built, a tsx bootstrap when run from source. */
function readerModule(): URL {
  const built = new URL('./sqlite-reader.js', import.meta.url);
  return existsSync(fileURLToPath(built)) ? built : new URL('./sqlite-reader.source.mjs', import.meta.url);
}

/**
 * Creates `dataDir` when missing, checks it is writable, and opens `nassij.sqlite` in it with the pragmas
 * the platform relies on: WAL (readers never wait for the writer), foreign keys, a busy timeout and
 * `synchronous=FULL` so that an acknowledged write survives a crash. Writes and transactions run on one
 * connection, one at a time; reads outside a transaction run on reader threads over read-only connections,
 * so a slow query never stalls the event loop. Throws a {@link StartupError} when the directory is not
 * writable.
 *
 * @example
 * ```ts
 * const db = openSqlite('./data');
 * const rows = await db.all('SELECT id FROM calls');
 * await db.close();
 * ```
 */
export function openSqlite(dataDir: string, options: SqliteOptions = {}): Db {
  const dir = resolve(dataDir);
  try {
    mkdirSync(dir, { recursive: true });
    // A probe write: access(W_OK) lies for root and on read-only mounts.
    const probe = join(dir, `.write-probe-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new StartupError(`The data directory ${dir} is not writable (${reason})`, 'DATA_DIR_NOT_WRITABLE');
  }
  const file = join(dir, 'nassij.sqlite');
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = FULL');
  // Statement journals (triggers, cascades) in memory rather than a temporary file: +100 µs per insert saved.
  sqlite.pragma('temp_store = MEMORY');
  // Table statistics for the planner (without them it picked the wrong index on large tables): gathered on
  // a sample at open when stale, and again at close.
  sqlite.pragma('analysis_limit = 1000');
  sqlite.pragma('optimize = 0x10002');
  const readers = options.readers ?? Math.min(4, availableParallelism());
  return wrap(sqlite, readers > 0 ? new ReaderPool(file, readers) : undefined);
}

/** A small FIFO lock: the main connection runs one transaction (or lone write) at a time. */
class Lock {
  #held = false;
  readonly #waiting: Array<() => void> = [];
  get held(): boolean {
    return this.#held;
  }
  acquire(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }
  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }
}

class SqliteReadError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'SqliteError';
  }
}

interface Reader {
  worker: Worker;
  inFlight: number;
  /** The reads this reader owes an answer to. */
  ids: Set<number>;
}

/** Reader threads, each with its own read-only connection; a read goes to the least busy one. */
class ReaderPool {
  readonly #workers: Reader[] = [];
  readonly #pending = new Map<number, { resolve(rows: unknown): void; reject(error: Error): void }>();
  #nextId = 1;
  #closed = false;
  readonly #file: string;
  readonly #size: number;

  constructor(file: string, size: number) {
    this.#file = file;
    this.#size = size;
  }

  #spawn(): Reader {
    // A clean thread: the process's preloads (`--import`, test hooks) are not the reader's business.
    const worker = new Worker(readerModule(), { workerData: { file: this.#file }, execArgv: [] });
    worker.unref();
    const slot: Reader = { worker, inFlight: 0, ids: new Set() };
    const mine = slot.ids;
    worker.on('message', (answer: ReadAnswer) => {
      const waiter = this.#pending.get(answer.id);
      if (!waiter) return;
      this.#pending.delete(answer.id);
      mine.delete(answer.id);
      slot.inFlight--;
      if ('error' in answer) waiter.reject(new SqliteReadError(answer.error.message, answer.error.code));
      else waiter.resolve(answer.rows);
    });
    const fail = (error: Error) => {
      // A reader that dies fails its reads and is replaced on the next one.
      const index = this.#workers.indexOf(slot);
      if (index >= 0) this.#workers.splice(index, 1);
      for (const id of mine) {
        this.#pending.get(id)?.reject(error);
        this.#pending.delete(id);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`A database reader stopped (exit ${code})`)));
    this.#workers.push(slot);
    return slot;
  }

  read(mode: 'all' | 'one', sql: string, params: unknown[]): Promise<unknown> {
    // A late read (a timer, a request finishing during shutdown) must not start a thread after close().
    if (this.#closed)
      return Promise.reject(new SqliteReadError('The database connection is not open', undefined));
    // The least busy reader; a new one (up to the pool's size) rather than queueing behind a busy one.
    let chosen: Reader | undefined;
    for (const reader of this.#workers) if (!chosen || reader.inFlight < chosen.inFlight) chosen = reader;
    if (!chosen || (chosen.inFlight > 0 && this.#workers.length < this.#size)) chosen = this.#spawn();
    const id = this.#nextId++;
    chosen.inFlight++;
    chosen.ids.add(id);
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      (chosen as Reader).worker.postMessage({ id, mode, sql, params } satisfies ReadRequest);
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    const workers = this.#workers.splice(0);
    await Promise.all(workers.map(({ worker }) => worker.terminate()));
  }
}

/** An open transaction or savepoint; `open` turns false when it ends. */
interface Scope {
  open: boolean;
  parent: Scope | undefined;
  /** What to run once the top-level transaction commits (kept on the top-level scope). */
  afterCommit?: (() => void)[];
}

function wrap(sqlite: Database.Database, readers: ReaderPool | undefined): Db {
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = sqlite.prepare(sql);
      if (cache.size > 500) cache.clear();
      cache.set(sql, statement);
    }
    return statement;
  };
  const lock = new Lock();
  const scope = new AsyncLocalStorage<Scope>();
  let savepoints = 0;
  // The database file belongs to this process (one server per data directory): its own commits are every
  // change there is, counted as they happen. A write from outside (an operator's sqlite3) is not heard; the
  // caches that trust this read again at least once a second (`db/versioned-cache.ts`).
  const changes = { live: true, generation: 0 };
  const committed = () => {
    changes.generation += 1;
  };
  // The transaction the caller runs in. A callback scheduled inside a transaction (a timer, a promise
  // chain left running) keeps the context after the transaction ended: it then counts as outside.
  const current = (): Scope | undefined => {
    let s = scope.getStore();
    while (s && !s.open) s = s.parent;
    return s;
  };

  const readMain = (mode: 'all' | 'one', sql: string, params: unknown[]): unknown =>
    mode === 'all' ? prepare(sql).all(...params) : prepare(sql).get(...params);

  async function read(mode: 'all' | 'one', sql: string, params?: readonly SqlValue[]): Promise<unknown> {
    const values = bindable(params);
    if (current()) return readMain(mode, sql, values);
    if (readers) return readers.read(mode, sql, values);
    // Without readers, a read waits for an open transaction so that it never sees uncommitted rows.
    if (lock.held) {
      await lock.acquire();
      try {
        return readMain(mode, sql, values);
      } finally {
        lock.release();
      }
    }
    return readMain(mode, sql, values);
  }

  async function exclusive<T>(fn: () => T): Promise<T> {
    await lock.acquire();
    try {
      return fn();
    } finally {
      lock.release();
    }
  }

  const db: Db = {
    dialect: 'sqlite',
    all: <Row>(sql: string, params?: readonly SqlValue[]) => read('all', sql, params) as Promise<Row[]>,
    one: <Row>(sql: string, params?: readonly SqlValue[]) =>
      read('one', sql, params) as Promise<Row | undefined>,
    async write(sql, params) {
      const values = bindable(params);
      if (current()) return { changes: prepare(sql).run(...values).changes };
      try {
        return await exclusive(() => ({ changes: prepare(sql).run(...values).changes }));
      } finally {
        committed();
      }
    },
    async script(sql) {
      if (current()) sqlite.exec(sql);
      else {
        try {
          await exclusive(() => sqlite.exec(sql));
        } finally {
          committed();
        }
      }
    },
    async atomic<T>(fn: () => Promise<T>): Promise<T> {
      const outer = current();
      if (outer) {
        const name = `sp${++savepoints}`;
        const inner: Scope = { open: true, parent: outer };
        sqlite.exec(`SAVEPOINT ${name}`);
        try {
          const result = await scope.run(inner, fn);
          sqlite.exec(`RELEASE ${name}`);
          return result;
        } catch (error) {
          sqlite.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
          throw error;
        } finally {
          inner.open = false;
        }
      }
      await lock.acquire();
      try {
        const top: Scope = { open: true, parent: undefined, afterCommit: [] };
        sqlite.exec('BEGIN IMMEDIATE');
        try {
          const result = await scope.run(top, fn);
          sqlite.exec('COMMIT');
          committed();
          top.open = false;
          for (const after of top.afterCommit ?? []) after();
          return result;
        } catch (error) {
          if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
          throw error;
        } finally {
          top.open = false;
        }
      } finally {
        lock.release();
      }
    },
    afterCommit(fn) {
      let top = current();
      while (top?.parent) top = top.parent;
      if (top?.afterCommit) top.afterCommit.push(fn);
      else fn();
    },
    get inTransaction() {
      return current() !== undefined;
    },
    watchChanges: () => changes,
    async close() {
      changes.live = false;
      changes.generation += 1;
      await readers?.close();
      cache.clear();
      if (sqlite.open) {
        sqlite.pragma('optimize');
        sqlite.close();
      }
    },
  };
  return db;
}
