import type { Migration } from '../db.js';

/**
 * Rate limits shared by every server process on one database (see `http/rate-limit.ts`), in portable DDL:
 * `rate_buckets` holds a token bucket per limiter (`pool`: writes, sign-ins) and key (an account or a
 * client address), `at` the instant of its last take in epoch milliseconds and `ok` whether that take got a
 * token (what the take's `RETURNING` reads). `sign_in_failures` counts failed sign-ins per e-mail with the
 * current back-off (`delay_ms`) and the instant until which attempts are refused. Each row is read and
 * written by its primary key; the sweeps that delete rows of keys idle for a while scan the table, which
 * holds only the keys active within the last refill window (minutes) or day.
 */
export const rateLimitsMigration: Migration = {
  id: '007_rate_limits',
  sql: `
CREATE TABLE rate_buckets (
  pool TEXT NOT NULL,
  bucket TEXT NOT NULL,
  tokens REAL NOT NULL,
  at INTEGER NOT NULL,
  ok INTEGER NOT NULL,
  PRIMARY KEY (pool, bucket)
);
CREATE TABLE sign_in_failures (
  email TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  delay_ms INTEGER NOT NULL,
  last_at INTEGER NOT NULL,
  until_at INTEGER NOT NULL,
  refused INTEGER NOT NULL
);
`,
};
