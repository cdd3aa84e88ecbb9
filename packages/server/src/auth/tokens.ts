import { createHash, randomBytes } from 'node:crypto';
import type { Account, Membership, Role } from '@nassij/contract';
import type { Db } from '../db/db.js';

/** How long a bearer token lives. */
export const TOKEN_LIFETIME_MS = 12 * 60 * 60 * 1000;

/**
 * An instant as the contract writes it: ISO 8601 UTC to the second, with `Z`.
 *
 * @example
 * ```ts
 * toInstant(new Date(0)); // '1970-01-01T00:00:00Z'
 * ```
 */
export function toInstant(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The sha256 (hex) under which a token is stored; the token itself is never stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Issues an opaque bearer token (32 random bytes, base64url) for an account, valid 12 hours.
 *
 * @example
 * ```ts
 * const { token, expiresAt } = issueToken(db, 'acc_0001', new Date());
 * ```
 */
export async function issueToken(
  db: Db,
  accountId: string,
  now: Date,
): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = toInstant(new Date(now.getTime() + TOKEN_LIFETIME_MS));
  await db.write('INSERT INTO tokens (hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [
    hashToken(token),
    accountId,
    toInstant(now),
    expiresAt,
  ]);
  return { token, expiresAt };
}

/**
 * Revokes a token; returns whether it was live.
 *
 * @example
 * ```ts
 * revokeToken(db, token, new Date());
 * ```
 */
export async function revokeToken(db: Db, token: string, now: Date): Promise<boolean> {
  return (
    (
      await db.write('UPDATE tokens SET revoked_at = ? WHERE hash = ? AND revoked_at IS NULL', [
        toInstant(now),
        hashToken(token),
      ])
    ).changes > 0
  );
}

/**
 * Revokes every live token of an account; returns how many were live.
 *
 * @example
 * ```ts
 * const revoked = revokeAccountTokens(db, 'acc_0002', new Date());
 * ```
 */
export async function revokeAccountTokens(db: Db, accountId: string, now: Date): Promise<number> {
  return (
    await db.write('UPDATE tokens SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL', [
      toInstant(now),
      accountId,
    ])
  ).changes;
}

/**
 * Revokes every live token of an account except one (the session asking); returns how many were live.
 *
 * @example
 * ```ts
 * const revoked = await revokeOtherTokens(db, 'acc_0002', currentToken, new Date());
 * ```
 */
export async function revokeOtherTokens(db: Db, accountId: string, keep: string, now: Date): Promise<number> {
  return (
    await db.write(
      'UPDATE tokens SET revoked_at = ? WHERE account_id = ? AND hash <> ? AND revoked_at IS NULL',
      [toInstant(now), accountId, hashToken(keep)],
    )
  ).changes;
}

interface AccountRow {
  id: string;
  email: string;
  display_name: string;
  roles: string;
  locale: string | null;
  created_at: string;
  /** The organisations area's column; absent from a server without that area. */
  organisation_id?: string | null;
  /** The privacy area's column; absent from a server without that area. */
  erased_at?: string | null;
  /** The accounts area's column (`NULL` until the sign-up link is opened); absent from a server without it. */
  email_verified_at?: string | null;
}

/** An account as the contract's `Account`, with what the API does not show of it. */
export interface AccountRecord {
  account: Account;
  createdAt: string;
  /** When its personal data was erased. */
  erasedAt?: string;
}

/**
 * Reads an account (with its memberships and, for staff, its organisation) and its creation instant, or
 * `undefined`. With `erasure` (the privacy area's column `erased_at`), also when it was erased.
 *
 * @example
 * ```ts
 * const record = readAccount(db, 'acc_0001', { erasure: true });
 * ```
 */
export async function readAccount(
  db: Db,
  accountId: string,
  options: { erasure?: boolean } = {},
): Promise<AccountRecord | undefined> {
  // Every column, because areas a server may leave out add some (`organisation_id`, `erased_at`): naming a
  // missing one would fail, and probing for it would cost a query per request.
  const row = await db.one<AccountRow>('SELECT * FROM accounts WHERE id = ?', [accountId]);
  if (!row) return undefined;
  const memberships = await db.all<{ association_id: string; role: Membership['role'] }>(
    'SELECT association_id, role FROM memberships WHERE account_id = ? ORDER BY association_id',
    [accountId],
  );
  return {
    account: {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      roles: JSON.parse(row.roles) as Role[],
      ...(row.organisation_id ? { organisationId: row.organisation_id } : {}),
      memberships: memberships.map((m) => ({ associationId: m.association_id, role: m.role })),
      ...(row.locale ? { locale: row.locale as Account['locale'] } : {}),
      // Without the accounts area no one signs up: every account was made by an operator, hence verified.
      emailVerified: row.email_verified_at !== null,
    },
    createdAt: row.created_at,
    ...(options.erasure && row.erased_at ? { erasedAt: row.erased_at } : {}),
  };
}

/**
 * Loads an account as the contract's `Account` (with its memberships), or `undefined`.
 *
 * @example
 * ```ts
 * const account = loadAccount(db, 'acc_0001');
 * ```
 */
export async function loadAccount(db: Db, accountId: string): Promise<Account | undefined> {
  return (await readAccount(db, accountId))?.account;
}

/** Outcome of reading a bearer token. */
export type TokenCheck =
  | { ok: true; account: Account }
  | { ok: false; code: 'unauthenticated' | 'token_expired' };

/**
 * Resolves a bearer token to its account: unknown or revoked → `unauthenticated`, past expiry → `token_expired`.
 *
 * @example
 * ```ts
 * const check = checkToken(db, token, new Date());
 * ```
 */
export async function checkToken(db: Db, token: string, now: Date): Promise<TokenCheck> {
  const row = await db.one<{ account_id: string; expires_at: string; revoked_at: string | null }>(
    'SELECT account_id, expires_at, revoked_at FROM tokens WHERE hash = ?',
    [hashToken(token)],
  );
  if (!row || row.revoked_at) return { ok: false, code: 'unauthenticated' };
  if (row.expires_at <= toInstant(now)) return { ok: false, code: 'token_expired' };
  const account = await loadAccount(db, row.account_id);
  return account ? { ok: true, account } : { ok: false, code: 'unauthenticated' };
}

/**
 * The token of an `Authorization: Bearer …` header, or `undefined` when absent or of another scheme.
 *
 * @example
 * ```ts
 * bearerToken('Bearer abc'); // 'abc'
 * ```
 */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)\s*$/i.exec(header ?? '');
  return match?.[1];
}
