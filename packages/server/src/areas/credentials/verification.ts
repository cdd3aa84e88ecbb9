// Verifying a certificate on the server: the same offline check the SDK makes (contract
// `verifyOpenBadgeJws`) against the platform's keys, then what only the server knows: revocation.
import { type CredentialVerification, verifyOpenBadgeJws } from '@nassij/contract';
import type { Db } from '../../db/db.js';
import { publicKeySet } from './keys.js';

/** The certificate id a credential's `id` ends with (`…/v1/certificates/cert_x`), if it has that form. */
function certificateIdOf(credentialId: string | undefined): string | undefined {
  return credentialId ? /\/v1\/certificates\/([A-Za-z0-9_-]{1,64})$/.exec(credentialId)?.[1] : undefined;
}

/**
 * Verifies a certificate as received against the platform's keys, then says `revoked` when the platform
 * revoked the certificate after signing it.
 *
 * @example
 * ```ts
 * const result = await verifyWithPlatformKeys(db, certificate, new Date());
 * result.valid; // true
 * ```
 */
export async function verifyWithPlatformKeys(
  db: Db,
  received: unknown,
  now: Date,
): Promise<CredentialVerification> {
  const result = await verifyOpenBadgeJws(received, await publicKeySet(db), now);
  if (!result.valid) return result;
  const id = certificateIdOf(result.credentialId);
  const row = id
    ? await db.one<{ revoked_at: string | null }>('SELECT revoked_at FROM certificates WHERE id = ?', [id])
    : undefined;
  if (row?.revoked_at) {
    const { valid: _valid, ...found } = result;
    return { valid: false, reason: 'revoked', ...found };
  }
  return result;
}
