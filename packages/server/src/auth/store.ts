// The SQL of the core routes that is not about tokens (those live in tokens.ts): an account's stored
// credentials for sign-in, and the probe the health check sends.
import type { Db } from '../db/db.js';

/** What sign-in checks a password against: the account, its password hash and whether its address is verified. */
export interface Credentials {
  id: string;
  password_hash: string;
  /** `NULL` until the sign-up link is opened; absent from a server without the accounts area. */
  email_verified_at?: string | null;
}

/**
 * The credentials of the account with this e-mail (already trimmed and lower-cased), or `undefined`.
 *
 * @example
 * ```ts
 * const row = await findCredentials(db, 'amina@example.ma');
 * const ok = await verifyPassword(body.password, row?.password_hash);
 * ```
 */
export async function findCredentials(db: Db, email: string): Promise<Credentials | undefined> {
  // Every column, because `email_verified_at` comes with the accounts area, which a server may leave out.
  return db.one<Credentials>('SELECT * FROM accounts WHERE email = ?', [email]);
}

/**
 * Sends the database the smallest query there is; throws when it does not answer.
 *
 * @example
 * ```ts
 * await pingDatabase(db); // resolves, or throws when the database is down
 * ```
 */
export async function pingDatabase(db: Db): Promise<void> {
  await db.one('SELECT 1 AS ok');
}
