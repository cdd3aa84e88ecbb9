// The members of an association: its own members read the list; the representative invites by e-mail (a
// one-time link), removes members and hands over; a member leaves. Each change is in the audit log.

import { AssociationParams } from '../resources/association.js';
import {
  HandOver,
  Invitation,
  InvitationTokenParams,
  InviteMember,
  Member,
  MemberList,
  MemberParams,
} from '../resources/association-member.js';
import { route } from './route.js';

/** `GET /v1/associations/{associationId}/members` — the members, for the association's members only. */
export const listMembers = /* @__PURE__ */ (() =>
  route({
    id: 'members.list',
    method: 'GET',
    path: '/v1/associations/{associationId}/members',
    tag: 'association-members',
    summary: 'List the members of an association',
    description:
      'Members of the association only (law 09-08: who belongs to an association is personal data); others, platform admins included, get 403.',
    auth: 'required',
    params: AssociationParams,
    errors: ['not_found', 'forbidden'],
    response: {
      status: 200,
      schema: MemberList,
      description: 'The members, the representative first (at most `MAX_ASSOCIATION_MEMBERS`)',
    },
  }))();

/** `POST /v1/associations/{associationId}/invitations` — the representative invites someone by e-mail. */
export const inviteMember = /* @__PURE__ */ (() =>
  route({
    id: 'members.invite',
    method: 'POST',
    path: '/v1/associations/{associationId}/invitations',
    tag: 'association-members',
    summary: 'Invite a member by e-mail',
    description:
      'The representative only. The address is mailed a one-time link valid 7 days. An address already a member here answers 409 `already_exists`; one that holds the same role in another association, 409 `already_member_elsewhere`; an association whose members and open invitations number `MAX_ASSOCIATION_MEMBERS` (200), 409 `member_limit_reached`. Inviting a representative hands over once the invitation is accepted.',
    auth: 'required',
    params: AssociationParams,
    body: InviteMember,
    errors: [
      'validation_failed',
      'not_found',
      'forbidden',
      'already_exists',
      'already_member_elsewhere',
      'member_limit_reached',
    ],
    idempotent: true,
    response: { status: 201, schema: Invitation, description: 'The invitation sent' },
  }))();

/** `POST /v1/invitations/{token}/accept` — the invited account joins the association. */
export const acceptInvitation = /* @__PURE__ */ (() =>
  route({
    id: 'members.accept',
    method: 'POST',
    path: '/v1/invitations/{token}/accept',
    tag: 'association-members',
    summary: 'Accept an invitation',
    description:
      'By the signed-in account whose verified e-mail is the invited address (403 `forbidden` for another, 403 `email_not_verified` before verification). An unknown link answers 400 `link_invalid`, an expired one 410 `link_expired`, a used one 410 `link_used`, as e-mail verification links do. An association that has `MAX_ASSOCIATION_MEMBERS` members already answers 409 `member_limit_reached`.',
    auth: 'required',
    params: InvitationTokenParams,
    errors: [
      'not_found',
      'forbidden',
      'email_not_verified',
      'link_invalid',
      'link_expired',
      'link_used',
      'already_exists',
      'already_member_elsewhere',
      'member_limit_reached',
    ],
    idempotent: true,
    response: { status: 200, schema: Member, description: 'The new member' },
  }))();

/** `DELETE /v1/associations/{associationId}/members/{accountId}` — remove a member, or leave. */
export const removeMember = /* @__PURE__ */ (() =>
  route({
    id: 'members.remove',
    method: 'DELETE',
    path: '/v1/associations/{associationId}/members/{accountId}',
    tag: 'association-members',
    summary: 'Remove a member, or leave',
    description:
      'The representative removes a member; any member removes themself (leaves). The representative cannot leave, nor be removed, without handing over first (409 `invalid_state`).',
    auth: 'required',
    params: MemberParams,
    errors: ['not_found', 'forbidden', 'invalid_state'],
    idempotent: true,
    response: { status: 200, schema: Member, description: 'The member as they left' },
  }))();

/** `POST /v1/associations/{associationId}/hand-over` — the representative hands over to a member. */
export const handOver = /* @__PURE__ */ (() =>
  route({
    id: 'members.handOver',
    method: 'POST',
    path: '/v1/associations/{associationId}/hand-over',
    tag: 'association-members',
    summary: 'Hand the representation over to another member',
    description:
      'The representative only, to an existing member (404 `not_found` otherwise); the former representative stays a member.',
    auth: 'required',
    params: AssociationParams,
    body: HandOver,
    errors: ['validation_failed', 'not_found', 'forbidden', 'invalid_state'],
    idempotent: true,
    response: { status: 200, schema: MemberList, description: 'The members after the hand-over' },
  }))();

/** The routes of an association's members and invitations. */
export const associationMemberRoutes = [
  listMembers,
  inviteMember,
  acceptInvitation,
  removeMember,
  handOver,
] as const;
