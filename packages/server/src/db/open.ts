import type { Db } from './db.js';
import { openPostgres, type PostgresOptions } from './postgres.js';
import { openSqlite, type SqliteOptions } from './sqlite.js';

/** Options of {@link openDatabase}: each adapter reads its own. */
export interface OpenDatabaseOptions {
  /** Where the SQLite file lives when `spec` is not a PostgreSQL URL. */
  dataDir: string;
  sqlite?: SqliteOptions;
  postgres?: PostgresOptions;
}

/**
 * Whether a database spec names a PostgreSQL server (`postgres://…` or `postgresql://…`, any case).
 *
 * @example
 * ```ts
 * isPostgresUrl('postgresql://nassij@db.internal/nassij'); // true
 * isPostgresUrl('./data'); // false
 * ```
 */
export function isPostgresUrl(spec: string | undefined): spec is string {
  return spec !== undefined && /^postgres(?:ql)?:\/\//i.test(spec.trim());
}

/**
 * Opens the database the server runs on: a `postgres://` or `postgresql://` URL opens a PostgreSQL pool
 * ({@link openPostgres}); anything else, an empty spec included, opens SQLite in `options.dataDir`
 * ({@link openSqlite}), which stays the default so that `npm start` needs nothing installed. Either way
 * uploaded files stay in `dataDir`. Rejects with a `StartupError` when the database cannot be opened.
 *
 * A PostgreSQL URL may tune the pool in its query, so that one `--database` value says it all:
 * `pool_max` (connections per server process, default 10: keep processes × pool_max below the server's
 * `max_connections`), `statement_timeout` (ms, default 30000) and `application_name`.
 *
 * @example
 * ```ts
 * // Four server processes on one database: 4 × 20 connections.
 * await openDatabase('postgres://nassij@db.internal/nassij?pool_max=20', { dataDir: '/var/lib/nassij' });
 * ```
 *
 * @example
 * ```ts
 * const db = await openDatabase(process.env.DATABASE_URL ?? '', { dataDir: '.nassij-data' });
 * ```
 */
export async function openDatabase(spec: string | undefined, options: OpenDatabaseOptions): Promise<Db> {
  if (isPostgresUrl(spec)) return openPostgres(spec.trim(), options.postgres);
  return openSqlite(options.dataDir, options.sqlite);
}
