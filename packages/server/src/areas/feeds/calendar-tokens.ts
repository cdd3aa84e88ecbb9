// The per-account calendar secret: issued (or rotated) by its owner, stored as a sha256 digest only.
import { randomBytes } from 'node:crypto';
import { hashToken, readAccount } from '../../auth/tokens.js';
import type { Db } from '../../db/db.js';

/**
 * Issues a new calendar secret for an account, replacing any earlier one (whose address then answers 404).
 * 32 random bytes, base64url: as hard to guess as a bearer token.
 *
 * @example
 * ```ts
 * const token = await rotateCalendarToken(db, account.id, '2026-12-05T09:00:00Z');
 * ```
 */
export async function rotateCalendarToken(db: Db, accountId: string, at: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.write(
    `INSERT INTO calendar_tokens (account_id, token_hash, created_at) VALUES (?, ?, ?)
     ON CONFLICT (account_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at`,
    [accountId, hashToken(token), at],
  );
  return token;
}

/**
 * The account a calendar secret belongs to, with its memberships; `undefined` for an unknown or replaced
 * secret, and for an erased account.
 *
 * @example
 * ```ts
 * const account = await calendarOwner(db, params.calendarToken);
 * if (!account) throw problem('not_found');
 * ```
 */
export async function calendarOwner(db: Db, token: string) {
  const row = await db.one<{ account_id: string }>(
    'SELECT account_id FROM calendar_tokens WHERE token_hash = ?',
    [hashToken(token)],
  );
  if (!row) return undefined;
  // Without the privacy area the column is absent and `erasedAt` never set: the same call serves both.
  const record = await readAccount(db, row.account_id, { erasure: true });
  if (!record || record.erasedAt) return undefined;
  return record.account;
}
