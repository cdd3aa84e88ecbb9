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
 * Whether the account is a member (of any role) of the association: what drafting an application and
 * registering for a training ask.
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
 * Whether the account represents the association: it alone submits and signs for it, invites members and
 * hands over.
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

/**
 * Whether the account is the association's treasurer. Besides what any member does (draft applications,
 * register for trainings), a treasurer submits the financial reports owed after an award.
 *
 * @example
 * ```ts
 * if (report.kind === 'financial' && isTreasurerOf(auth, award.associationId)) allowSubmission();
 * ```
 */
export function isTreasurerOf(auth: Account | null, associationId: string): boolean {
  return (
    auth?.memberships.some(
      (membership) => membership.associationId === associationId && membership.role === 'treasurer',
    ) ?? false
  );
}

/**
 * Whether the account may submit a report of this kind for the association: the representative submits
 * every report, the treasurer the financial ones; a plain member none.
 *
 * @example
 * ```ts
 * if (!submitsReportsOf(auth, award.associationId, requirement.kind)) throw problem('forbidden');
 * ```
 */
export function submitsReportsOf(auth: Account | null, associationId: string, kind: string): boolean {
  return (
    isRepresentativeOf(auth, associationId) || (kind === 'financial' && isTreasurerOf(auth, associationId))
  );
}
