// The people of an association on the platform: its members with their role, and the invitations its
// representative sends by e-mail. Only the association's own members read the list (law 09-08: members are
// never part of the public record).
import * as z from 'zod/mini';
import { Email, Id } from '../shared/ids.js';
import { Instant } from '../shared/instant.js';
import { MembershipRole } from './auth.js';

/** How long an invitation link stays valid, in milliseconds (7 days). */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * A member of an association as its members see it: the account, its display name, its role and when it was
 * invited, accepted and (on the answer of a removal) left. A member who came in by a verified claim has no
 * `invitedAt`.
 *
 * @example
 * ```ts
 * const member: Member = { accountId: 'acc_0002', displayName: 'Youssef Benali', role: 'treasurer',
 *   invitedAt: '2026-12-01T09:00:00Z', acceptedAt: '2026-12-01T10:12:00Z' };
 * ```
 */
export const Member = /* @__PURE__ */ (() =>
  z.strictObject({
    accountId: Id,
    displayName: z.string().check(z.minLength(1), z.maxLength(120)),
    role: MembershipRole,
    invitedAt: z.optional(Instant),
    acceptedAt: z.optional(Instant),
    leftAt: z.optional(Instant),
  }))();
export type Member = z.infer<typeof Member>;

/**
 * Most members an association has on the platform, open invitations included: the accounts that act for it
 * (its board, its staff), not its thousands of adherents. So the members list is one bounded answer, never
 * paged: an invitation beyond it, and an acceptance that would pass it, answer 409 `member_limit_reached`.
 * (A claim verified by the platform still makes its claimant the representative, one more at most.)
 */
export const MAX_ASSOCIATION_MEMBERS = 200;

/**
 * Response of `GET /v1/associations/{associationId}/members`: every member, the representative first; at
 * most {@link MAX_ASSOCIATION_MEMBERS} (plus a representative a verified claim made).
 *
 * @example
 * ```ts
 * const { items } = await client.members.list(associationId);
 * items.find((member) => member.role === 'representative')?.displayName;
 * ```
 */
export const MemberList = /* @__PURE__ */ (() => z.strictObject({ items: z.array(Member) }))();
export type MemberList = z.infer<typeof MemberList>;

/**
 * An invitation to join an association with a role, sent by e-mail with a one-time link (the token is in
 * the mail only, never in the API); valid until `expiresAt`, then `link_expired`; once accepted,
 * `link_used`.
 *
 * @example
 * ```ts
 * const invitation = await client.members.invite(associationId, { email: 'sara@example.ma', role: 'member' });
 * invitation.expiresAt; // a week from now
 * ```
 */
export const Invitation = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    associationId: Id,
    email: Email,
    role: MembershipRole,
    invitedBy: Id,
    createdAt: Instant,
    expiresAt: Instant,
    acceptedAt: z.optional(Instant),
  }))();
export type Invitation = z.infer<typeof Invitation>;

/**
 * Body of `POST /v1/associations/{associationId}/invitations`.
 *
 * @example
 * ```ts
 * InviteMember.parse({ email: 'sara@example.ma', role: 'treasurer' });
 * ```
 */
export const InviteMember = /* @__PURE__ */ (() =>
  z.strictObject({
    email: z.pipe(z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254)), Email),
    role: MembershipRole,
  }))();
export type InviteMember = z.infer<typeof InviteMember>;

/**
 * Path params of `POST /v1/invitations/{token}/accept`: the one-time token of the mailed link.
 *
 * @example
 * ```ts
 * InvitationTokenParams.parse({ token: new URL(link).searchParams.get('token') });
 * ```
 */
export const InvitationTokenParams = /* @__PURE__ */ (() =>
  z.strictObject({
    token: z.string().check(z.regex(/^[A-Za-z0-9_-]{20,128}$/, { message: 'The token of the mailed link' })),
  }))();
export type InvitationTokenParams = z.infer<typeof InvitationTokenParams>;

/**
 * Path params of `/v1/associations/{associationId}/members/{accountId}`.
 *
 * @example
 * ```ts
 * MemberParams.parse({ associationId: 'asso_0001', accountId: 'acc_0002' });
 * ```
 */
export const MemberParams = /* @__PURE__ */ (() => z.strictObject({ associationId: Id, accountId: Id }))();
export type MemberParams = z.infer<typeof MemberParams>;

/**
 * Body of `POST /v1/associations/{associationId}/hand-over`: the member who becomes the representative (the
 * representative who hands over stays a member).
 *
 * @example
 * ```ts
 * HandOver.parse({ accountId: 'acc_0002' });
 * ```
 */
export const HandOver = /* @__PURE__ */ (() => z.strictObject({ accountId: Id }))();
export type HandOver = z.infer<typeof HandOver>;
