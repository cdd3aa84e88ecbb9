import {
  acceptInvitation,
  handOver,
  inviteMember,
  listMembers,
  type MembershipRole,
  me as meRoute,
  removeMember,
} from '@nassij/contract';
import type { Transport } from '../transport.js';
import type { RequestOptions, RouteResult } from '../types.js';

/** The routes `client.members` wraps. */
export const membersRoutes = [listMembers, inviteMember, acceptInvitation, removeMember, handOver] as const;

/**
 * `client.members`: the people of an association. Its members read the list; the representative invites
 * by e-mail (a one-time link valid 7 days), removes members and hands over; a member leaves. Refusals are
 * typed errors: `already_member_elsewhere`, `already_exists` and `member_limit_reached` (409: members and open
 * invitations number at most `MAX_ASSOCIATION_MEMBERS`), `link_expired` and `link_used` (410),
 * `forbidden` (403) for a role that may not.
 *
 * @example
 * ```ts
 * await client.members.invite(associationId, { email: 'sara@example.ma', role: 'treasurer' });
 * await sara.members.accept(tokenFromTheMail);
 * ```
 */
export interface MembersArea {
  /**
   * The members of an association, the representative first (its members only).
   *
   * @example
   * ```ts
   * const { items } = await client.members.list(associationId);
   * ```
   */
  list(associationId: string, options?: RequestOptions): Promise<RouteResult<typeof listMembers>>;
  /**
   * Invites an address with a role (the representative); the address is mailed a one-time link.
   *
   * @example
   * ```ts
   * const invitation = await client.members.invite(associationId, { email: 'sara@example.ma', role: 'member' });
   * ```
   */
  invite(
    associationId: string,
    body: { email: string; role: MembershipRole },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof inviteMember>>;
  /**
   * Accepts an invitation with the token of its link (the signed-in account must be the invited address).
   *
   * @example
   * ```ts
   * const member = await client.members.accept(new URL(link).searchParams.get('invitation')!);
   * ```
   */
  accept(token: string, options?: RequestOptions): Promise<RouteResult<typeof acceptInvitation>>;
  /**
   * Removes a member (the representative).
   *
   * @example
   * ```ts
   * const gone = await client.members.remove(associationId, accountId);
   * gone.leftAt; // now
   * ```
   */
  remove(
    associationId: string,
    accountId: string,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof removeMember>>;
  /**
   * Leaves the association (any member but the representative, who hands over first).
   *
   * @example
   * ```ts
   * await client.members.leave(associationId);
   * ```
   */
  leave(associationId: string, options?: RequestOptions): Promise<RouteResult<typeof removeMember>>;
  /**
   * Hands the representation over to another member (the representative, who stays a member).
   *
   * @example
   * ```ts
   * const { items } = await client.members.handOver(associationId, successorId);
   * ```
   */
  handOver(
    associationId: string,
    accountId: string,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof handOver>>;
}

/**
 * Builds `client.members` over a transport.
 *
 * @example
 * ```ts
 * const members = membersArea(client.transport);
 * ```
 */
export function membersArea(t: Transport): MembersArea {
  return {
    list: (associationId, options) => t.op(listMembers, { params: { associationId } }, options),
    invite: (associationId, body, options) =>
      t.op(inviteMember, { params: { associationId }, body }, options),
    accept: (token, options) => t.op(acceptInvitation, { params: { token } }, options),
    remove: (associationId, accountId, options) =>
      t.op(removeMember, { params: { associationId, accountId } }, options),
    // The signed-in account's id, read first: the route names the member who leaves.
    leave: async (associationId, options) => {
      const { id } = await t.op(meRoute, {}, options);
      return t.op(removeMember, { params: { associationId, accountId: id } }, options);
    },
    handOver: (associationId, accountId, options) =>
      t.op(handOver, { params: { associationId }, body: { accountId } }, options),
  };
}
