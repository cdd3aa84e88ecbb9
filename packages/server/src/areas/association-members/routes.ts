// The routes of an association's members: the list (its members only), invitations by e-mail with a one-time
// link, acceptance by the invited account, removal and leaving, and the hand-over of the representation.
// Every check comes before the first write: a refused request leaves nothing behind (a refusal keeps what a
// handler wrote before it). Every change is audited in its transaction, and its mail queued there too.
import {
  type Account,
  acceptInvitation,
  handOver,
  INVITATION_LIFETIME_MS,
  inviteMember,
  type Locale,
  listMembers,
  MAX_ASSOCIATION_MEMBERS,
  normaliseEmail,
  pickText,
  removeMember,
} from '@nassij/contract';
import { isMemberOf, isRepresentativeOf } from '../../auth/standing.js';
import { audit } from '../../db/audit.js';
import type { Db } from '../../db/db.js';
import type { ApiApp, HandlerInput } from '../../http/app.js';
import { problem } from '../../http/problem.js';
import { enqueueMail } from '../../mail/outbox.js';
import { findAccountByEmail } from '../accounts/store.js';
import { associationName } from '../associations/store.js';
import { invitationMail } from './mail-messages.js';
import {
  countMembersAndInvitations,
  deleteMembership,
  holdsRoleElsewhere,
  insertInvitation,
  invitationByToken,
  listMembers as listMembersOf,
  makeRepresentative,
  markInvitationAccepted,
  memberByEmail,
  putMembership,
  readMember,
  recordInvitedAt,
} from './store.js';

/** The signed-in account; every route here requires a token, so there always is one. */
function signedIn(auth: Account | null): Account {
  if (!auth) throw problem('unauthenticated');
  return auth;
}

/** The association's names, or 404. */
async function existingAssociation(db: Db, associationId: string) {
  const name = await associationName(db, associationId);
  if (!name) throw problem('not_found', `No association ${associationId}`);
  return name;
}

function requireRepresentative(auth: Account, associationId: string): void {
  if (!isRepresentativeOf(auth, associationId))
    throw problem('forbidden', 'Only the representative of the association may do this');
}

/**
 * An account whose address is not confirmed acts for no association. `emailVerified` absent (a server
 * before accounts could sign up) counts as confirmed, as the demo accounts are.
 */
function requireVerified(auth: Account): void {
  if (auth.emailVerified === false)
    throw problem('email_not_verified', 'Confirm your e-mail address first, with the link we sent you');
}

/** The locale of the account with this address, when there is one. */
async function localeOfAddress(db: Db, email: string): Promise<Locale | undefined> {
  const row = await findAccountByEmail(db, email);
  return (row?.locale as Locale | null | undefined) ?? undefined;
}

/** `GET /v1/associations/{associationId}/members` */
async function listMembersHandler({ params, auth, db }: HandlerInput<typeof listMembers>) {
  await existingAssociation(db, params.associationId);
  // Members only, admins included: who belongs to an association is personal data (law 09-08).
  if (!isMemberOf(auth, params.associationId))
    throw problem('forbidden', 'Only the members of the association see its members');
  return { body: { items: await listMembersOf(db, params.associationId) } };
}

/** `POST /v1/associations/{associationId}/invitations` */
function inviteHandler(app: ApiApp) {
  return async ({ params, body, auth, db, now, requestId, c }: HandlerInput<typeof inviteMember>) => {
    const inviter = signedIn(auth);
    const names = await existingAssociation(db, params.associationId);
    requireRepresentative(inviter, params.associationId);
    const email = normaliseEmail(body.email);
    if (await memberByEmail(db, params.associationId, email))
      throw problem('already_exists', 'This address is already a member of the association');
    if (await holdsRoleElsewhere(db, email, body.role, params.associationId))
      throw problem(
        'already_member_elsewhere',
        `This address is already ${body.role} of another association`,
      );
    // Open invitations count: each may become a member, and the list of members is one bounded answer.
    const held = await countMembersAndInvitations(db, params.associationId, now);
    if (held.members + held.openInvitations >= MAX_ASSOCIATION_MEMBERS)
      throw problem(
        'member_limit_reached',
        `The association has ${held.members} members and ${held.openInvitations} open invitations, the most it may have (${MAX_ASSOCIATION_MEMBERS})`,
      );
    const { invitation, token } = await insertInvitation(db, {
      associationId: params.associationId,
      email,
      role: body.role,
      invitedBy: inviter.id,
      now,
      lifetimeMs: INVITATION_LIFETIME_MS,
    });
    const locale = (await localeOfAddress(db, email)) ?? inviter.locale ?? 'ar';
    const mail = invitationMail(locale, {
      association: pickText(names, locale).text,
      inviter: inviter.displayName,
      role: body.role,
      url: `${app.publicUrl(c)}/my-association/?invitation=${token}&lang=${locale}`,
      days: Math.round(INVITATION_LIFETIME_MS / 86_400_000),
    });
    await enqueueMail(db, { to: email, locale, kind: 'member.invitation', ...mail });
    await audit(db, {
      at: now,
      accountId: inviter.id,
      action: 'member.invite',
      targetType: 'invitation',
      targetId: invitation.id,
      requestId,
      details: { associationId: params.associationId, role: body.role },
    });
    return { status: 201, body: invitation };
  };
}

/** `POST /v1/invitations/{token}/accept` */
async function acceptHandler({ params, auth, db, now, requestId }: HandlerInput<typeof acceptInvitation>) {
  const account = signedIn(auth);
  const invitation = await invitationByToken(db, params.token);
  if (!invitation) throw problem('link_invalid', 'This invitation link is not valid');
  if (invitation.acceptedAt) throw problem('link_used', 'This invitation was already accepted');
  if (Date.parse(invitation.expiresAt) <= now.getTime())
    throw problem('link_expired', 'This invitation has expired; ask the representative for a new one');
  requireVerified(account);
  if (account.email.toLowerCase() !== invitation.email)
    throw problem('forbidden', 'This invitation was sent to another address');
  if (isMemberOf(account, invitation.associationId))
    throw problem('already_exists', 'You are already a member of this association');
  if (await holdsRoleElsewhere(db, invitation.email, invitation.role, invitation.associationId))
    throw problem('already_member_elsewhere', `You are already ${invitation.role} of another association`);
  // An invitation sent before the association was full (others accepted meanwhile) cannot pass the bound.
  if (
    (await countMembersAndInvitations(db, invitation.associationId, now)).members >= MAX_ASSOCIATION_MEMBERS
  )
    throw problem('member_limit_reached', 'The association has the most members it may have');
  if (!(await markInvitationAccepted(db, invitation.id, account.id, now)))
    throw problem('link_used', 'This invitation was already accepted');
  const former =
    invitation.role === 'representative'
      ? await makeRepresentative(db, invitation.associationId, account.id, now)
      : [];
  if (invitation.role !== 'representative')
    await putMembership(db, {
      associationId: invitation.associationId,
      accountId: account.id,
      role: invitation.role,
      joinedAt: now,
      invitedAt: invitation.createdAt,
    });
  else await recordInvitedAt(db, invitation.associationId, account.id, invitation.createdAt);
  await audit(db, {
    at: now,
    accountId: account.id,
    action: 'member.accept',
    targetType: 'association',
    targetId: invitation.associationId,
    requestId,
    details: { invitationId: invitation.id, role: invitation.role, formerRepresentatives: former },
  });
  const member = await readMember(db, invitation.associationId, account.id);
  if (!member) throw new Error('The membership just written is missing');
  return { body: member };
}

/** `DELETE /v1/associations/{associationId}/members/{accountId}`: removal by the representative, or leaving. */
async function removeHandler({ params, auth, db, now, requestId }: HandlerInput<typeof removeMember>) {
  const actor = signedIn(auth);
  await existingAssociation(db, params.associationId);
  const leaving = params.accountId === actor.id;
  if (!leaving) requireRepresentative(actor, params.associationId);
  const member = await readMember(db, params.associationId, params.accountId);
  if (!member) throw problem('not_found', `No member ${params.accountId} in this association`);
  if (member.role === 'representative')
    throw problem('invalid_state', 'The representative hands over to another member before leaving');
  await deleteMembership(db, params.associationId, params.accountId);
  await audit(db, {
    at: now,
    accountId: actor.id,
    action: leaving ? 'member.leave' : 'member.remove',
    targetType: 'association',
    targetId: params.associationId,
    requestId,
    details: { memberId: params.accountId, role: member.role },
  });
  return { body: { ...member, leftAt: now.toISOString().replace(/\.\d{3}Z$/, 'Z') } };
}

/** `POST /v1/associations/{associationId}/hand-over` */
async function handOverHandler({ params, body, auth, db, now, requestId }: HandlerInput<typeof handOver>) {
  const actor = signedIn(auth);
  await existingAssociation(db, params.associationId);
  requireRepresentative(actor, params.associationId);
  if (body.accountId === actor.id) throw problem('invalid_state', 'You already represent the association');
  const successor = await readMember(db, params.associationId, body.accountId);
  if (!successor) throw problem('not_found', `No member ${body.accountId} in this association`);
  await makeRepresentative(db, params.associationId, body.accountId, now);
  await audit(db, {
    at: now,
    accountId: actor.id,
    action: 'member.handOver',
    targetType: 'association',
    targetId: params.associationId,
    requestId,
    details: { from: actor.id, to: body.accountId, before: { role: successor.role } },
  });
  return { body: { items: await listMembersOf(db, params.associationId) } };
}

/**
 * Binds the members routes.
 *
 * @example
 * ```ts
 * registerMemberRoutes(app);
 * ```
 */
export function registerMemberRoutes(app: ApiApp): void {
  app.bind(listMembers, listMembersHandler);
  app.bind(inviteMember, inviteHandler(app));
  app.bind(acceptInvitation, acceptHandler);
  app.bind(removeMember, removeHandler);
  app.bind(handOver, handOverHandler);
}
