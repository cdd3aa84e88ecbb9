import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import type { ChangeWatch, Db, SqlValue } from './db.js';
import { isTransactionConflict } from './errors.js';
import { ChannelWatch } from './postgres-changes.js';
import { StartupError } from './sqlite.js';

/** Options of {@link openPostgres}. */
export interface PostgresOptions {
  /**
   * Connections in the pool (default 10, or `pool_max` in the URL's query). A transaction holds one for as
   * long as it runs. Each server process has its own pool: N processes × `max` must stay below the server's
   * `max_connections` (100 by default, 3 of them kept for superusers), so 10 leaves room for 9 processes.
   * A process that caches figures also keeps one connection outside the pool, listening for other
   * processes' commits (`Db.watchChanges`).
   */
  max?: number;
  /** How long opening waits for the server before giving up (default 10 s). */
  connectTimeoutMs?: number;
  /**
   * The longest a statement may run before PostgreSQL cancels it (default 30 s; 0: no limit). A runaway query
   * then fails its request instead of holding a pooled connection for ever. `script` (migrations) is exempt.
   * `statement_timeout` in the URL's query wins, as for any setting pg reads there.
   */
  statementTimeoutMs?: number;
  /**
   * How long a transaction may sit idle (its code awaiting something else than the database) before
   * PostgreSQL ends its session and frees its locks (default 60 s; 0: no limit).
   */
  idleInTransactionTimeoutMs?: number;
  /** Shown in `pg_stat_activity.application_name` (default `nassij-server`). */
  applicationName?: string;
  /**
   * How many times a top-level {@link Db.atomic} runs `fn` again after a serialization failure or a deadlock
   * (default 5), after a short random back-off; then the last failure is thrown.
   */
  retries?: number;
  /**
   * After this many lost races in a row (default 2), a top-level {@link Db.atomic} runs `fn` alone: it waits
   * until the transactions under way end, and the ones that start meanwhile wait for it, in every process
   * sharing the database. SERIALIZABLE compares reads and writes by index page, so busy writers of
   * neighbouring rows (supports of a consultation's contributions) can keep failing each other; running
   * alone cannot fail that way. It waits at most a second for the others, then runs as usual.
   */
  serialAfter?: number;
  /**
   * Told about errors of idle pooled connections (the server restarted, an administrator ended them). Such a
   * connection is dropped from the pool and the next call opens a new one, so the default ignores them; give
   * a logger here to see them.
   */
  onIdleError?: (error: Error) => void;
}

/**
 * Thrown by a nested {@link Db.atomic} (a savepoint) when its transaction lost a race (serialization failure
 * or deadlock), and by any later statement of that transaction. Rolling back to the savepoint would not help:
 * PostgreSQL requires the whole transaction to run again, which the top-level `atomic` does even when code in
 * between catches this error. `code` is the original SQLSTATE, `cause` the original error.
 *
 * @example
 * ```ts
 * await db.atomic(async () => {
 *   try {
 *     await db.atomic(() => takeSeat(db, callId));
 *   } catch (error) {
 *     if (error instanceof TransactionConflict) throw error; // the top-level atomic runs everything again
 *   }
 * });
 * ```
 */
export class TransactionConflict extends Error {
  readonly code: string;
  constructor(readonly original: Error & { code?: string }) {
    super(`The transaction must run again (${original.code}: ${original.message})`, { cause: original });
    this.name = 'TransactionConflict';
    this.code = original.code ?? '40001';
  }
}

interface Segment {
  /** SQL text outside any literal, quoted identifier or comment: only there do `?` and type names count. */
  code: boolean;
  text: string;
}

const DOLLAR_TAG = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/;

/** Splits SQL into code and the parts that must be left alone: '…' literals, "…" identifiers, comments, $$…$$. */
function segments(sql: string): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  let i = 0;
  const skipTo = (end: number) => {
    if (i > start) out.push({ code: true, text: sql.slice(start, i) });
    out.push({ code: false, text: sql.slice(i, end) });
    i = end;
    start = end;
  };
  while (i < sql.length) {
    const char = sql[i];
    const next = sql[i + 1];
    if (char === "'" || char === '"') {
      // A doubled quote inside is an escaped quote: the scan simply closes and reopens there.
      let end = i + 1;
      while (end < sql.length) {
        if (sql[end] === char) {
          if (sql[end + 1] === char) end += 2;
          else break;
        } else end += 1;
      }
      skipTo(Math.min(end + 1, sql.length));
    } else if (char === '-' && next === '-') {
      const newline = sql.indexOf('\n', i);
      skipTo(newline < 0 ? sql.length : newline);
    } else if (char === '/' && next === '*') {
      const close = sql.indexOf('*/', i + 2);
      skipTo(close < 0 ? sql.length : close + 2);
    } else if (char === '$' && DOLLAR_TAG.test(sql.slice(i, i + 66))) {
      const tag = (DOLLAR_TAG.exec(sql.slice(i, i + 66)) as RegExpExecArray)[0];
      const close = sql.indexOf(tag, i + tag.length);
      skipTo(close < 0 ? sql.length : close + tag.length);
    } else i += 1;
  }
  if (start < sql.length) out.push({ code: true, text: sql.slice(start) });
  return out;
}

/**
 * Rewrites the `?` placeholders of portable SQL into PostgreSQL's `$1…$n`, leaving alone any `?` inside a
 * string literal, a quoted identifier or a comment.
 *
 * @example
 * ```ts
 * positionalParams("SELECT id FROM calls WHERE status = ? AND title <> 'why?' LIMIT ?");
 * // "SELECT id FROM calls WHERE status = $1 AND title <> 'why?' LIMIT $2"
 * ```
 */
export function positionalParams(sql: string): string {
  let n = 0;
  return segments(sql)
    .map((part) => (part.code ? part.text.replace(/\?/g, () => `$${++n}`) : part.text))
    .join('');
}

const DDL_TYPES: ReadonlyArray<readonly [RegExp, string]> = [
  // SQLite's INTEGER is 64-bit; PostgreSQL's is 32-bit, too small for money in centimes or epoch millis.
  [/\bINTEGER\b/gi, 'BIGINT'],
  [/\bREAL\b/gi, 'DOUBLE PRECISION'],
  [/\bBLOB\b/gi, 'BYTEA'],
];

/**
 * Translates a portable migration (see `Migration` in `db.ts`) into PostgreSQL DDL: the column types
 * `INTEGER` → `BIGINT` (64-bit, as on SQLite), `REAL` → `DOUBLE PRECISION`, `BLOB` → `BYTEA`, outside
 * literals and comments. Everything else is left as written: the portable subset (`TEXT`, `CHECK`,
 * `REFERENCES … ON DELETE CASCADE`, `DEFAULT`, partial indexes, `ALTER TABLE … ADD COLUMN`) means the same on
 * both. A migration that needs more gives `{ sqlite, postgres }` instead.
 *
 * @example
 * ```ts
 * postgresDdl('CREATE TABLE files (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, score REAL)');
 * // 'CREATE TABLE files (sha256 TEXT PRIMARY KEY, size BIGINT NOT NULL, score DOUBLE PRECISION)'
 * ```
 */
export function postgresDdl(sql: string): string {
  return segments(sql)
    .map((part) =>
      part.code
        ? DDL_TYPES.reduce((text, [type, target]) => text.replace(type, target), part.text)
        : part.text,
    )
    .join('');
}

/** The statements marked by {@link preparedStatement}, each with the name it is prepared under. */
const preparedNames = new Map<string, string>();

/**
 * Marks `sql` as a hot statement: on PostgreSQL each pooled connection parses and plans it once, under a
 * name, then only binds and runs it, which halves the database's time for a small read such as the data
 * versions every cached answer checks. Returns `sql` unchanged, to keep as a module constant; SQLite's
 * adapter keeps every statement prepared already. For a few fixed statements only: each connection keeps
 * every marked statement for as long as it lives, and after five runs PostgreSQL may plan one for any
 * parameter values, so a statement whose best plan depends on its values (a search) must not be marked.
 *
 * @example
 * ```ts
 * const COUNT_OPEN = preparedStatement("SELECT COUNT(*) AS n FROM calls WHERE status = 'open'");
 * const open = await db.one<{ n: number }>(COUNT_OPEN);
 * ```
 */
export function preparedStatement(sql: string): string {
  if (!preparedNames.has(sql)) preparedNames.set(sql, `nassij_${preparedNames.size + 1}`);
  return sql;
}

function bindable(params: readonly SqlValue[] | undefined): unknown[] {
  return (params ?? []).map((value) => {
    if (value === undefined) return null;
    // Flags are INTEGER columns on both dialects; PostgreSQL would refuse 'true' for a BIGINT.
    if (typeof value === 'boolean') return value ? 1 : 0;
    return value;
  });
}

const OID = { bool: 16, int8: 20, numeric: 1700 } as const;
const toNumber = (text: string): number => Number(text);

/**
 * Per-pool parsers that make rows look as they do on SQLite, without touching pg's global parsers (another
 * library in the process may rely on them): `count(*)` and BIGINT columns (int8) and `sum`/`avg` (numeric)
 * as numbers rather than strings, and the booleans of expressions such as `EXISTS (…)` as 1/0 like SQLite.
 * Like better-sqlite3's default, an int8 beyond 2^53 loses precision; no column holds such a value.
 */
const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (format === 'binary') return pg.types.getTypeParser(oid, 'binary');
    if (oid === OID.int8 || oid === OID.numeric) return toNumber;
    if (oid === OID.bool) return (text: string) => (text === 't' ? 1 : 0);
    return pg.types.getTypeParser(oid, 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** Hides the password of a connection URL, for messages. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the given URL';
  }
}

/** One run of a top-level transaction, shared by its savepoints. */
interface Transaction {
  client: pg.PoolClient;
  /** Whether BEGIN was sent: it goes with the first statement, so a transaction that runs none costs nothing. */
  begun: boolean;
  /** Whether this run holds the serial lane alone (see `serialAfter`), rather than sharing it. */
  alone: boolean;
  /** Shared by every nesting level, so savepoint names never repeat in it. */
  savepoints: number;
  /** The serialization failure or deadlock that dooms this run: the whole `fn` runs again. */
  conflict?: Error;
  /**
   * The statement last sent on this connection, settled or not: a transaction is one connection, which runs
   * one statement at a time, so statements asked for at once (`Promise.all` of reads inside `atomic`) wait for
   * each other here instead of piling up in `pg` (which warns, and would send BEGIN twice).
   */
  tail: Promise<unknown>;
}

/** An open transaction or savepoint; `open` turns false when it ends. */
interface Scope {
  transaction: Transaction;
  open: boolean;
  parent: Scope | undefined;
  /**
   * A statement of this level that failed. PostgreSQL then refuses every statement until the level is rolled
   * back (SQLite only undoes the statement), so code that caught the error and went on must not commit.
   */
  failed?: Error;
  /** What to run once the top-level transaction commits (kept on the top-level scope of each attempt). */
  afterCommit?: (() => void)[];
}

/**
 * Why a transaction was rolled back although its `fn` resolved: a statement failed, its error was caught
 * and the code went on. PostgreSQL had aborted the transaction at that statement (SQLite would only have
 * undone the statement), so committing is impossible; the fix is to run the statement that may fail in its
 * own nested `db.atomic`, a savepoint, and catch the error outside it.
 */
class AbortedTransaction extends Error {
  constructor(readonly failure: Error & { code?: string }) {
    super(
      `The transaction was rolled back: a statement failed (${failure.code ?? ''} ${failure.message}) and its error was caught without a savepoint; run a statement that may fail in its own db.atomic`,
      { cause: failure },
    );
    this.name = 'AbortedTransaction';
  }
}

/**
 * Listens for the errors of a connection taken from the pool. pg leaves them to whoever holds it: one that
 * dies between two statements (the server ended an idle transaction or restarted, an administrator ended
 * it) would otherwise emit an unhandled 'error' and end the process. The holder releases it as broken.
 */
function dropOnError(client: pg.PoolClient, onError: (error: Error) => void): (error: Error) => void {
  client.on('error', onError);
  return onError;
}

/**
 * The serial lane, an advisory lock: every SERIALIZABLE transaction holds it shared while it runs; a
 * transaction that lost `serialAfter` races takes it alone for its next run (see {@link PostgresOptions}).
 */
const LANE = "hashtext('nassij.serial-lane')";
/**
 * A first statement that picks a weaker isolation (`script` puts its own `SET LOCAL` before it): such a
 * transaction takes no part in SERIALIZABLE's comparisons, so it takes no lane.
 */
const WEAKER_ISOLATION = /(?:^|;)\s*SET\s+TRANSACTION\s+ISOLATION\s+LEVEL\s+(?:READ|REPEATABLE)\b/i;
/** How long a run that must go alone waits for the transactions under way (ms), before it runs as usual. */
const LANE_WAIT_MS = 1000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The pause before running a transaction again: random ("full jitter") up to 4, 8, 16, 32, 64 ms, so that
 * two transactions that collided do not collide again in step.
 */
const backoffMs = (attempt: number): number => 1 + Math.random() * Math.min(100, 4 * 2 ** attempt);

/** Reads `pool_max` from a URL's query (pg ignores parameters it does not know). */
function poolMaxFromUrl(url: string): number | undefined {
  try {
    const value = new URL(url).searchParams.get('pool_max');
    const n = value === null ? Number.NaN : Number(value);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Opens a pool of connections to a PostgreSQL database and checks that it answers. Every call takes a
 * connection from the pool; inside {@link Db.atomic} every call made while `fn` runs (in any function,
 * across `await`s) uses that transaction's connection, kept in an `AsyncLocalStorage`, and nested `atomic`
 * calls are savepoints. A callback left running after its transaction ended (a timer, a promise chain)
 * counts as outside it again, as on SQLite.
 *
 * Transactions run at SERIALIZABLE: writes used to run one at a time (SQLite's single writer), and handlers
 * that check then act ("seats left", "one application per call") rely on it. When PostgreSQL detects that
 * two transactions collided (serialization failure 40001, deadlock 40P01), the top-level `atomic` rolls
 * back and runs `fn` again from the start, up to `retries` times after a short random pause, and alone once
 * it lost `serialAfter` times (see {@link PostgresOptions}), so `fn` must do nothing it cannot do twice
 * besides database calls. A failure inside a nested savepoint dooms the whole transaction (a
 * {@link TransactionConflict}), even if code in between catches it.
 *
 * Portable SQL with `?` placeholders works as on SQLite. Rejects with a {@link StartupError}
 * (`DATABASE_UNAVAILABLE`) when the server cannot be reached or refuses the login.
 *
 * @example
 * ```ts
 * const db = await openPostgres('postgres://nassij:secret@127.0.0.1:5432/nassij?pool_max=20');
 * const { changes } = await db.write('UPDATE calls SET status = ? WHERE id = ?', ['closed', 'call_0001']);
 * await db.close();
 * ```
 */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Db> {
  // Checked with one plain connection first: a pool would wait forever for a server that never answers.
  const probe = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
  });
  try {
    await probe.connect();
    await probe.query('SELECT 1');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new StartupError(
      `Cannot reach the PostgreSQL database ${redact(url)} (${reason})`,
      'DATABASE_UNAVAILABLE',
    );
  } finally {
    await probe.end().catch(() => undefined);
  }
  const statementTimeout = options.statementTimeoutMs ?? 30_000;
  const idleTimeout = options.idleInTransactionTimeoutMs ?? 60_000;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? poolMaxFromUrl(url) ?? 10,
    types: TYPES,
    application_name: options.applicationName ?? 'nassij-server',
    // Sent when each connection starts: no extra round trip per statement. 0 means "no limit" to PostgreSQL.
    statement_timeout: statementTimeout,
    idle_in_transaction_session_timeout: idleTimeout,
  });
  // Without a listener, an idle connection's error (a restart of the server) would crash the process.
  pool.on('error', (error) => options.onIdleError?.(error));
  return wrap(pool, options.retries ?? 5, options.serialAfter ?? 2, (channel) => {
    return new ChannelWatch(url, channel, options.applicationName ?? 'nassij-server');
  });
}

/**
 * A statement that cannot change a table: a plain `SELECT` (our code writes through `INSERT`, `UPDATE`,
 * `DELETE`, and `WITH … DELETE`, never through a function called from a `SELECT`).
 */
const READ_ONLY = /^\s*SELECT\b/i;

function wrap(
  pool: pg.Pool,
  retries: number,
  serialAfter: number,
  openWatch: (channel: string) => ChannelWatch,
): Db {
  const scope = new AsyncLocalStorage<Scope>();
  const converted = new Map<string, string>();
  let closed: Promise<void> | undefined;
  const watches = new Map<string, ChannelWatch>();
  /** A commit of this process that may have written: every watch hears of it before the caller goes on. */
  const committed = () => {
    for (const watch of watches.values()) watch.changed();
  };

  // The transaction level the caller runs in. A callback scheduled inside a transaction keeps the context
  // after the transaction ended: it then belongs to the first level still open, or to none (the pool). Its
  // connection went back to the pool and may be running someone else's transaction by now.
  const current = (): Scope | undefined => {
    let s = scope.getStore();
    while (s && !s.open) s = s.parent;
    return s;
  };

  const positional = (sql: string): string => {
    let text = converted.get(sql);
    if (text === undefined) {
      text = positionalParams(sql);
      if (converted.size > 500) converted.clear();
      converted.set(sql, text);
    }
    return text;
  };

  /** Runs one statement (or a parameterless script) where the caller is: its transaction, else the pool. */
  async function run(level: Scope | undefined, query: string | pg.QueryConfig): Promise<pg.QueryResult> {
    if (!level) {
      // Outside a transaction a statement commits on its own.
      if (READ_ONLY.test(typeof query === 'string' ? query : query.text)) return pool.query(query);
      try {
        return await pool.query(query);
      } finally {
        committed();
      }
    }
    const { transaction } = level;
    // A doomed run only wastes time until its top-level atomic starts it again.
    if (transaction.conflict) throw new TransactionConflict(transaction.conflict);
    const turn = transaction.tail.then(async () => {
      if (transaction.conflict) throw new TransactionConflict(transaction.conflict);
      if (!transaction.begun) await begin(transaction, query);
      return transaction.client.query(query);
    });
    transaction.tail = turn.catch(() => undefined);
    try {
      return await turn;
    } catch (error) {
      // A run doomed while this statement waited its turn: the conflict is recorded already.
      if (error instanceof TransactionConflict) throw error;
      if (isTransactionConflict(error)) transaction.conflict ??= error as Error;
      else level.failed ??= error as Error;
      throw error;
    }
  }

  /**
   * Starts the transaction just before its first statement: BEGIN and the shared lane in one round trip, as
   * BEGIN alone took before. The lane's statement takes the snapshot before it waits, so the transactions waiting for a run alone have read
   * nothing it could collide with: the run alone cannot lose (they may, and run again). A transaction that
   * picks a weaker isolation as its first statement (rate limits, migrations) takes no lane.
   */
  async function begin(transaction: Transaction, first: string | pg.QueryConfig): Promise<void> {
    transaction.begun = true;
    const weaker = typeof first === 'string' && WEAKER_ISOLATION.test(first);
    await transaction.client.query(
      weaker || transaction.alone
        ? 'BEGIN ISOLATION LEVEL SERIALIZABLE'
        : `BEGIN ISOLATION LEVEL SERIALIZABLE; SELECT pg_advisory_xact_lock_shared(${LANE})`,
    );
  }

  /**
   * Takes the serial lane alone for one run, outside any transaction (a session lock), so that the run's
   * snapshot comes after every transaction it waited for. `false` when the others did not end in time.
   */
  async function takeLane(client: pg.PoolClient): Promise<boolean> {
    try {
      // One round trip; if the wait times out, the implicit transaction rolls the SET back too.
      await client.query(
        `SET lock_timeout = ${LANE_WAIT_MS}; SELECT pg_advisory_lock(${LANE}); RESET lock_timeout`,
      );
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === '55P03') return false;
      throw error;
    }
  }

  const query = (sql: string, params?: readonly SqlValue[]): Promise<pg.QueryResult> => {
    const name = preparedNames.get(sql);
    const text = positional(sql);
    const values = bindable(params);
    return run(current(), name === undefined ? { text, values } : { name, text, values });
  };

  /** A savepoint in the caller's transaction. */
  async function nested<T>(outer: Scope, fn: () => Promise<T>): Promise<T> {
    const { transaction } = outer;
    if (transaction.conflict) throw new TransactionConflict(transaction.conflict);
    const name = `sp${++transaction.savepoints}`;
    const inner: Scope = { transaction, open: true, parent: outer };
    await run(outer, `SAVEPOINT ${name}`);
    let result: T;
    try {
      result = await scope.run(inner, fn);
    } catch (error) {
      inner.open = false;
      // Rolling back to the savepoint cannot save a run that lost a race: PostgreSQL wants it all again.
      if (transaction.conflict) throw new TransactionConflict(transaction.conflict);
      await run(outer, `ROLLBACK TO SAVEPOINT ${name}`);
      await run(outer, `RELEASE SAVEPOINT ${name}`);
      throw error;
    }
    inner.open = false;
    if (transaction.conflict) throw new TransactionConflict(transaction.conflict);
    if (inner.failed) {
      // fn caught a failed statement and resolved: what it did after that never ran, so it must not count.
      await run(outer, `ROLLBACK TO SAVEPOINT ${name}`);
      await run(outer, `RELEASE SAVEPOINT ${name}`);
      throw new AbortedTransaction(inner.failed);
    }
    await run(outer, `RELEASE SAVEPOINT ${name}`);
    return result;
  }

  type Attempt<T> = { done: true; value: T } | { done: false; conflict: Error };

  /** One run of a top-level transaction on a connection of its own. */
  async function attempt<T>(fn: () => Promise<T>, alone: boolean): Promise<Attempt<T>> {
    const client = await pool.connect();
    // A connection whose ROLLBACK failed may still be in a transaction: it leaves the pool for good.
    let broken: Error | undefined;
    const onError = dropOnError(client, (error) => {
      broken ??= error;
    });
    const transaction: Transaction = {
      client,
      savepoints: 0,
      begun: false,
      alone: false,
      tail: Promise.resolve(),
    };
    const rollback = async () => {
      if (!transaction.begun) return;
      await client.query('ROLLBACK').then(
        () => undefined,
        (error: Error) => {
          broken = error;
        },
      );
    };
    let laneTaken = false;
    try {
      laneTaken = alone && (await takeLane(client));
      transaction.alone = laneTaken;
      const top: Scope = { transaction, open: true, parent: undefined, afterCommit: [] };
      let value: T;
      try {
        value = await scope.run(top, fn);
      } catch (error) {
        top.open = false;
        await rollback();
        const conflict =
          transaction.conflict ?? (isTransactionConflict(error) ? (error as Error) : undefined);
        if (conflict) return { done: false, conflict };
        throw error;
      }
      top.open = false;
      // fn resolved although the run lost a race (code in between caught the failure): run it again.
      if (transaction.conflict) {
        await rollback();
        return { done: false, conflict: transaction.conflict };
      }
      if (top.failed) {
        // PostgreSQL would answer COMMIT with a silent ROLLBACK: say so instead of pretending it committed.
        await rollback();
        throw new AbortedTransaction(top.failed);
      }
      try {
        if (transaction.begun) {
          await client.query('COMMIT');
          committed();
        }
      } catch (error) {
        // A failed COMMIT ends the transaction; SERIALIZABLE reports some collisions only here.
        if (isTransactionConflict(error)) return { done: false, conflict: error as Error };
        throw error;
      }
      for (const after of top.afterCommit ?? []) after();
      return { done: true, value };
    } finally {
      if (laneTaken) {
        // If this fails the connection is dropped, and PostgreSQL frees its locks with its session.
        await client.query(`SELECT pg_advisory_unlock(${LANE})`).catch((error: Error) => {
          broken ??= error;
        });
      }
      client.removeListener('error', onError);
      client.release(broken);
    }
  }

  const db: Db = {
    dialect: 'postgres',
    all: async <Row>(sql: string, params?: readonly SqlValue[]) => (await query(sql, params)).rows as Row[],
    one: async <Row>(sql: string, params?: readonly SqlValue[]) =>
      (await query(sql, params)).rows[0] as Row | undefined,
    async write(sql, params) {
      return { changes: (await query(sql, params)).rowCount ?? 0 };
    },
    async script(sql) {
      // Without parameters, pg uses the simple protocol, which runs several statements in one call.
      // Migrations may build an index over millions of rows: no statement timeout for them.
      const level = current();
      if (level) {
        await run(level, `SET LOCAL statement_timeout = 0; ${sql}`);
        await run(level, 'SET LOCAL statement_timeout = DEFAULT');
        return;
      }
      const client = await pool.connect();
      let broken: Error | undefined;
      const onError = dropOnError(client, (error) => {
        broken ??= error;
      });
      try {
        await client.query('SET statement_timeout = 0');
        await client.query(sql);
      } finally {
        committed();
        // Back to the connection's own limit before anyone else gets it; if that fails, it is not reused.
        await client.query('RESET statement_timeout').catch((error: Error) => {
          broken ??= error;
        });
        client.removeListener('error', onError);
        client.release(broken);
      }
    },
    async atomic<T>(fn: () => Promise<T>): Promise<T> {
      const outer = current();
      if (outer) return nested(outer, fn);
      for (let n = 0; ; n++) {
        const outcome = await attempt(fn, n >= serialAfter);
        if (outcome.done) return outcome.value;
        if (n >= retries) throw outcome.conflict;
        await sleep(backoffMs(n));
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
    watchChanges(channel): ChangeWatch {
      let watch = watches.get(channel);
      if (!watch) {
        watch = openWatch(channel);
        // Opened after close: never listens, never live.
        if (closed !== undefined) void watch.close();
        watches.set(channel, watch);
      }
      return watch;
    },
    close() {
      // pg's Pool.end() throws when called twice; closing twice is harmless elsewhere, so here too.
      closed ??= Promise.all([...watches.values()].map((watch) => watch.close())).then(() => pool.end());
      return closed;
    },
  };
  return db;
}
