import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Db, SqlValue } from './db.js';

/** Why the server could not start; the CLI prints `message` on one line and exits with code 2. */
export class StartupError extends Error {
  constructor(
    message: string,
    readonly code: 'DATA_DIR_NOT_WRITABLE' | 'EADDRINUSE' | 'BAD_OPTION',
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

/**
 * Creates `dataDir` when missing, checks it is writable, and opens `nassij.sqlite` in it with the pragmas
 * the platform relies on: WAL, foreign keys, a busy timeout and `synchronous=FULL` so that an
 * acknowledged write survives a crash. Throws a {@link StartupError} when the directory is not writable.
 *
 * @example
 * ```ts
 * const db = openSqlite('./data');
 * ```
 */
export function openSqlite(dataDir: string): Db {
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
  const sqlite = new Database(join(dir, 'nassij.sqlite'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = FULL');
  return wrap(sqlite);
}

function wrap(sqlite: Database.Database): Db {
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
  return {
    dialect: 'sqlite',
    query: <Row>(sql: string, params?: readonly SqlValue[]) => prepare(sql).all(...bindable(params)) as Row[],
    get: <Row>(sql: string, params?: readonly SqlValue[]) =>
      prepare(sql).get(...bindable(params)) as Row | undefined,
    run: (sql, params) => ({ changes: prepare(sql).run(...bindable(params)).changes }),
    exec: (sql) => {
      sqlite.exec(sql);
    },
    transaction: <T>(fn: () => T): T => sqlite.transaction(fn)(),
    close: () => {
      cache.clear();
      if (sqlite.open) sqlite.close();
    },
  };
}
