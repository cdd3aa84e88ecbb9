/**
 * Whether an error is a unique-constraint violation (a primary key or a UNIQUE index), on either dialect:
 * better-sqlite3 names it `SQLITE_CONSTRAINT_UNIQUE` or `SQLITE_CONSTRAINT_PRIMARYKEY`, PostgreSQL answers
 * SQLSTATE `23505`. For the rare write that races another and must tell "already there" from a failure;
 * prefer `INSERT … ON CONFLICT` where it says the same.
 *
 * @example
 * ```ts
 * try {
 *   await db.write('INSERT INTO accounts (id, email, …) VALUES (?, ?, …)', [id, email, …]);
 * } catch (error) {
 *   if (isUniqueViolation(error)) throw problem('conflict', 'This email is taken');
 *   throw error;
 * }
 * ```
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** SQLSTATEs after which a transaction can succeed when run again from the start. */
const RETRYABLE = new Set(['40001', '40P01']);

/**
 * Whether an error is a PostgreSQL serialization failure (`40001`) or deadlock (`40P01`), or the
 * `TransactionConflict` (db/postgres.ts) that stands for one: the transaction lost a race and running it again from
 * the start may succeed. A top-level `Db.atomic` on PostgreSQL already does so; this is for code that
 * reports the failure once the retries ran out (a 503 rather than a 500, say).
 *
 * @example
 * ```ts
 * try {
 *   await db.atomic(bookSeat);
 * } catch (error) {
 *   if (isTransactionConflict(error)) return serviceUnavailable('busy, try again');
 *   throw error;
 * }
 * ```
 */
export function isTransactionConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE.has(code);
}
