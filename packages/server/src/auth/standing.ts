// What an account may do for an association or the platform, read from the account itself (no database):
// the predicates every area's handlers share. Staff rights per organisation are `runsCallsOf` (organisations
// area); reviewer assignment per call is `reviewsCall` (calls area).
import type { Account } from '@nassij/contract';

/**
 * Whether the account is a platform admin.
 *
 * @example
 * ```ts
 * if (!isAdmin(auth)) throw problem('forbidden');
 * ```
 */
export function isAdmin(auth: Account | null): boolean {
  return auth?.roles.includes('admin') ?? false;
}

/**
 * Whether the account is a member (of any role) of the association.
 *
 * @example
 * ```ts
 * if (!isMemberOf(auth, application.associationId)) throw problem('forbidden');
 * ```
 */
export function isMemberOf(auth: Account | null, associationId: string): boolean {
  return auth?.memberships.some((membership) => membership.associationId === associationId) ?? false;
}

/**
 * Whether the account represents the association (signs and submits for it).
 *
 * @example
 * ```ts
 * if (!isRepresentativeOf(auth, award.associationId)) throw problem('forbidden');
 * ```
 */
export function isRepresentativeOf(auth: Account | null, associationId: string): boolean {
  return (
    auth?.memberships.some(
      (membership) => membership.associationId === associationId && membership.role === 'representative',
    ) ?? false
  );
}
