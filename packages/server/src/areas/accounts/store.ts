// The SQL of account sign-up and self-management: new accounts, their verification, and the one-time links
// (`one_time_tokens`) sent by e-mail. Handlers call these inside their own `db.atomic`.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Locale } from '@nassij/contract';
import { hashToken, toInstant } from '../../auth/tokens.js';
import type { Db } from '../../db/db.js';

/** What a one-time link may do. */
export type LinkPurpose = 'verify_email' | 'reset_password' | 'change_email';

/** How long a link of each purpose lives. */
export const LINK_LIFETIME_MS: Record<LinkPurpose, number> = {
  verify_email: 24 * 60 * 60 * 1000,
  change_email: 24 * 60 * 60 * 1000,
  reset_password: 60 * 60 * 1000,
};

/** An account as the flows of this area read it. */
export interface AccountLine {
  id: string;
  email: string;
  display_name: string;
  locale: string | null;
  email_verified_at: string | null;
  password_hash: string;
}

const ACCOUNT_COLUMNS = 'id, email, display_name, locale, email_verified_at, password_hash';

/**
 * The account with this address (trimmed, lower case), or `undefined`.
 *
 * @example
 * ```ts
 * const owner = await findAccountByEmail(db, 'amina@example.ma');
 * ```
 */
export async function findAccountByEmail(db: Db, email: string): Promise<AccountLine | undefined> {
  return db.one<AccountLine>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE email = ?`, [email]);
}

/**
 * The account with this id, or `undefined`.
 *
 * @example
 * ```ts
 * const line = await findAccountById(db, auth.id);
 * ```
 */
export async function findAccountById(db: Db, id: string): Promise<AccountLine | undefined> {
  return db.one<AccountLine>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = ?`, [id]);
}

/**
 * Creates a citizen account whose address is not verified yet; returns its id, or `undefined` when the
 * address already has an account (also when another sign-up took it a moment ago: the insert says so rather
 * than failing the transaction).
 *
 * @example
 * ```ts
 * const id = await insertUnverifiedAccount(db, { email, displayName, locale: 'fr', passwordHash }, now);
 * ```
 */
export async function insertUnverifiedAccount(
  db: Db,
  account: { email: string; displayName: string; locale: Locale; passwordHash: string },
  now: Date,
): Promise<string | undefined> {
  const id = `acc_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
  const inserted = await db.write(
    `INSERT INTO accounts (id, email, display_name, password_hash, roles, locale, created_at, email_verified_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL) ON CONFLICT (email) DO NOTHING`,
    [
      id,
      account.email,
      account.displayName,
      account.passwordHash,
      JSON.stringify(['citizen']),
      account.locale,
      toInstant(now),
    ],
  );
  return inserted.changes > 0 ? id : undefined;
}

/**
 * Gives an account that signed up but never verified its address the name, language and password of a new
 * sign-up with the same address. Whoever signed up first never proved the address: keeping their password
 * would let them pre-register someone else's address and take the account over once its owner opens the
 * link. Returns whether the account was still unverified.
 *
 * @example
 * ```ts
 * await renewUnverifiedSignUp(db, owner.id, { displayName, locale: 'ar', passwordHash });
 * ```
 */
export async function renewUnverifiedSignUp(
  db: Db,
  accountId: string,
  account: { displayName: string; locale: Locale; passwordHash: string },
): Promise<boolean> {
  return (
    (
      await db.write(
        `UPDATE accounts SET display_name = ?, locale = ?, password_hash = ?
         WHERE id = ? AND email_verified_at IS NULL`,
        [account.displayName, account.locale, account.passwordHash, accountId],
      )
    ).changes > 0
  );
}

/**
 * Issues a one-time link token (32 random bytes, base64url) for an account; only its sha256 is stored.
 * Earlier unused links of the same purpose expire now: only the newest works.
 *
 * @example
 * ```ts
 * const token = await issueLink(db, { accountId, purpose: 'verify_email' }, now);
 * ```
 */
export async function issueLink(
  db: Db,
  link: { accountId: string; purpose: LinkPurpose; newEmail?: string },
  now: Date,
): Promise<string> {
  await expireLinks(db, link.accountId, [link.purpose], now);
  const token = randomBytes(32).toString('base64url');
  await db.write(
    `INSERT INTO one_time_tokens (hash, purpose, account_id, new_email, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
    [
      hashToken(token),
      link.purpose,
      link.accountId,
      link.newEmail ?? null,
      toInstant(now),
      toInstant(new Date(now.getTime() + LINK_LIFETIME_MS[link.purpose])),
    ],
  );
  return token;
}

/**
 * Ends the unused links of an account (of some purposes, or all): they answer `link_expired` from now on.
 *
 * @example
 * ```ts
 * await expireLinks(db, accountId, ['reset_password', 'change_email'], now);
 * ```
 */
export async function expireLinks(
  db: Db,
  accountId: string,
  purposes: readonly LinkPurpose[],
  now: Date,
): Promise<number> {
  const at = toInstant(now);
  return (
    await db.write(
      `UPDATE one_time_tokens SET expires_at = ? WHERE account_id = ? AND used_at IS NULL AND expires_at > ?
       AND purpose IN (${purposes.map(() => '?').join(', ')})`,
      [at, accountId, at, ...purposes],
    )
  ).changes;
}

/** A stored link, as {@link readLink} finds it. */
export interface LinkLine {
  hash: string;
  purpose: LinkPurpose;
  account_id: string;
  new_email: string | null;
  expires_at: string;
  used_at: string | null;
}

/** What a link token is worth now. */
export type LinkCheck =
  | { ok: true; link: LinkLine }
  | { ok: false; code: 'link_invalid' | 'link_expired' | 'link_used' };

/**
 * Checks a link token for some purposes: unknown, altered or of another purpose → `link_invalid`, opened
 * already → `link_used`, past its lifetime → `link_expired`.
 *
 * @example
 * ```ts
 * const check = await readLink(db, body.token, ['reset_password'], now);
 * if (!check.ok) throw problem(check.code);
 * ```
 */
export async function readLink(
  db: Db,
  token: string,
  purposes: readonly LinkPurpose[],
  now: Date,
): Promise<LinkCheck> {
  const link = await db.one<LinkLine>(
    'SELECT hash, purpose, account_id, new_email, expires_at, used_at FROM one_time_tokens WHERE hash = ?',
    [hashToken(token)],
  );
  if (!link || !purposes.includes(link.purpose)) return { ok: false, code: 'link_invalid' };
  if (link.used_at !== null) return { ok: false, code: 'link_used' };
  if (link.expires_at <= toInstant(now)) return { ok: false, code: 'link_expired' };
  return { ok: true, link };
}

/**
 * Marks a link used; `false` when another request used it first (the caller answers `link_used`).
 *
 * @example
 * ```ts
 * if (!(await useLink(db, check.link.hash, now))) throw problem('link_used');
 * ```
 */
export async function useLink(db: Db, hash: string, now: Date): Promise<boolean> {
  return (
    (
      await db.write('UPDATE one_time_tokens SET used_at = ? WHERE hash = ? AND used_at IS NULL', [
        toInstant(now),
        hash,
      ])
    ).changes > 0
  );
}

/**
 * Marks an account's address verified (once: a later call keeps the first instant).
 *
 * @example
 * ```ts
 * await markVerified(db, accountId, now);
 * ```
 */
export async function markVerified(db: Db, accountId: string, now: Date): Promise<void> {
  await db.write('UPDATE accounts SET email_verified_at = ? WHERE id = ? AND email_verified_at IS NULL', [
    toInstant(now),
    accountId,
  ]);
}

/**
 * Moves an account to a new, verified address; `false` when another account holds it. Two confirmations
 * racing for one address cannot both take it: the unique index on `accounts.email` refuses the second
 * update, which the caller reads with `isUniqueViolation`.
 *
 * @example
 * ```ts
 * if (!(await moveEmail(db, accountId, 'amina.b@example.ma', now))) throw problem('already_exists');
 * ```
 */
export async function moveEmail(db: Db, accountId: string, email: string, now: Date): Promise<boolean> {
  if (await db.one('SELECT id FROM accounts WHERE email = ? AND id <> ?', [email, accountId])) return false;
  return (
    (
      await db.write('UPDATE accounts SET email = ?, email_verified_at = ? WHERE id = ?', [
        email,
        toInstant(now),
        accountId,
      ])
    ).changes > 0
  );
}

/**
 * Replaces an account's password hash.
 *
 * @example
 * ```ts
 * await setPasswordHash(db, accountId, await hashPassword(body.password));
 * ```
 */
export async function setPasswordHash(db: Db, accountId: string, passwordHash: string): Promise<void> {
  await db.write('UPDATE accounts SET password_hash = ? WHERE id = ?', [passwordHash, accountId]);
}
