// The SQL of an association's members and invitations: memberships (a core table, with the columns of
// `014_membership_roles`), the account roles they imply, and invitation links stored by their hash.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { type Invitation, type Member, type MembershipRole, ROLES, type Role } from '@nassij/contract';
import type { Db } from '../../db/db.js';

/** The account roles that memberships imply, recomputed by {@link syncAssociationRoles}. */
const ROLE_OF_MEMBERSHIP: Record<MembershipRole, Role> = {
  member: 'association_member',
  treasurer: 'association_treasurer',
  representative: 'association_representative',
};
const ASSOCIATION_ROLES = new Set<Role>(Object.values(ROLE_OF_MEMBERSHIP));

interface MemberRow {
  account_id: string;
  display_name: string;
  role: MembershipRole;
  invited_at: string | null;
  joined_at: string | null;
}

function toMember(row: MemberRow): Member {
  return {
    accountId: row.account_id,
    displayName: row.display_name,
    role: row.role,
    ...(row.invited_at ? { invitedAt: row.invited_at } : {}),
    ...(row.joined_at ? { acceptedAt: row.joined_at } : {}),
  };
}

/**
 * The members of an association, the representative first, then treasurers, then members, by name.
 *
 * @example
 * ```ts
 * const { items } = { items: await listMembers(db, 'asso_0001') };
 * ```
 */
export async function listMembers(db: Db, associationId: string): Promise<Member[]> {
  const rows = await db.all<MemberRow>(
    `SELECT m.account_id, a.display_name, m.role, m.invited_at, m.joined_at
     FROM memberships m JOIN accounts a ON a.id = m.account_id
     WHERE m.association_id = ?
     ORDER BY CASE m.role WHEN 'representative' THEN 0 WHEN 'treasurer' THEN 1 ELSE 2 END, a.display_name, m.account_id`,
    [associationId],
  );
  return rows.map(toMember);
}

/**
 * How many members an association has, and how many invitations to it are still open (neither accepted
 * nor expired): what `MAX_ASSOCIATION_MEMBERS` bounds.
 *
 * @example
 * ```ts
 * const { members, openInvitations } = await countMembersAndInvitations(db, 'asso_0001', now);
 * ```
 */
export async function countMembersAndInvitations(
  db: Db,
  associationId: string,
  now: Date,
): Promise<{ members: number; openInvitations: number }> {
  const [members, invitations] = await Promise.all([
    db.one<{ n: number }>('SELECT COUNT(*) AS n FROM memberships WHERE association_id = ?', [associationId]),
    db.one<{ n: number }>(
      `SELECT COUNT(*) AS n FROM association_invitations
       WHERE association_id = ? AND accepted_at IS NULL AND expires_at > ?`,
      [associationId, now.toISOString()],
    ),
  ]);
  return { members: Number(members?.n ?? 0), openInvitations: Number(invitations?.n ?? 0) };
}

/**
 * One member of an association, or `undefined`.
 *
 * @example
 * ```ts
 * const member = await readMember(db, 'asso_0001', 'acc_0002');
 * ```
 */
export async function readMember(
  db: Db,
  associationId: string,
  accountId: string,
): Promise<Member | undefined> {
  const row = await db.one<MemberRow>(
    `SELECT m.account_id, a.display_name, m.role, m.invited_at, m.joined_at
     FROM memberships m JOIN accounts a ON a.id = m.account_id
     WHERE m.association_id = ? AND m.account_id = ?`,
    [associationId, accountId],
  );
  return row ? toMember(row) : undefined;
}

/**
 * The display name of a member of the association whose account is not erased, or `undefined` when the
 * account is no such member: what a training registration shows of its participant (never the e-mail).
 *
 * @example
 * ```ts
 * const name = await memberDisplayName(db, 'asso_0001', 'acc_0002'); // 'Sara El Amrani'
 * ```
 */
export async function memberDisplayName(
  db: Db,
  associationId: string,
  accountId: string,
): Promise<string | undefined> {
  const row = await db.one<{ display_name: string }>(
    `SELECT a.display_name FROM memberships m JOIN accounts a ON a.id = m.account_id
      WHERE m.account_id = ? AND m.association_id = ? AND a.erased_at IS NULL`,
    [accountId, associationId],
  );
  return row?.display_name;
}

/**
 * Sets an account's role in an association, creating the membership when there is none, and brings its
 * account roles up to date. `invitedAt` is kept when the membership exists.
 *
 * @example
 * ```ts
 * await putMembership(db, { associationId, accountId, role: 'representative', joinedAt: now });
 * ```
 */
export async function putMembership(
  db: Db,
  membership: {
    associationId: string;
    accountId: string;
    role: MembershipRole;
    joinedAt: Date;
    invitedAt?: string;
  },
): Promise<void> {
  const updated = await db.write(
    'UPDATE memberships SET role = ? WHERE account_id = ? AND association_id = ?',
    [membership.role, membership.accountId, membership.associationId],
  );
  if (updated.changes === 0)
    await db.write(
      'INSERT INTO memberships (account_id, association_id, role, invited_at, joined_at) VALUES (?, ?, ?, ?, ?)',
      [
        membership.accountId,
        membership.associationId,
        membership.role,
        membership.invitedAt ?? null,
        membership.joinedAt.toISOString(),
      ],
    );
  await syncAssociationRoles(db, membership.accountId);
}

/**
 * Records when a member was invited, on a membership that exists already (a representative's, which
 * {@link makeRepresentative} creates without it). Returns whether there was such a membership.
 *
 * @example
 * ```ts
 * await recordInvitedAt(db, invitation.associationId, account.id, invitation.createdAt);
 * ```
 */
export async function recordInvitedAt(
  db: Db,
  associationId: string,
  accountId: string,
  invitedAt: string,
): Promise<boolean> {
  const updated = await db.write(
    'UPDATE memberships SET invited_at = ? WHERE account_id = ? AND association_id = ?',
    [invitedAt, accountId, associationId],
  );
  return updated.changes > 0;
}

/**
 * Makes `accountId` the association's one representative: any other representative becomes a plain
 * member. Returns the accounts that stopped representing it.
 *
 * @example
 * ```ts
 * const former = await makeRepresentative(db, associationId, claim.accountId, now);
 * ```
 */
export async function makeRepresentative(
  db: Db,
  associationId: string,
  accountId: string,
  now: Date,
): Promise<string[]> {
  const former = (
    await db.all<{ account_id: string }>(
      "SELECT account_id FROM memberships WHERE association_id = ? AND role = 'representative' AND account_id <> ?",
      [associationId, accountId],
    )
  ).map((row) => row.account_id);
  for (const other of former)
    await putMembership(db, { associationId, accountId: other, role: 'member', joinedAt: now });
  await putMembership(db, { associationId, accountId, role: 'representative', joinedAt: now });
  return former;
}

/**
 * Ends a membership and brings the account's roles up to date; returns whether there was one.
 *
 * @example
 * ```ts
 * await deleteMembership(db, 'asso_0001', 'acc_0002');
 * ```
 */
export async function deleteMembership(db: Db, associationId: string, accountId: string): Promise<boolean> {
  const deleted = await db.write('DELETE FROM memberships WHERE association_id = ? AND account_id = ?', [
    associationId,
    accountId,
  ]);
  await syncAssociationRoles(db, accountId);
  return deleted.changes > 0;
}

/**
 * Brings the association roles of an account (`association_member`, `association_treasurer`,
 * `association_representative`) in line with its memberships, keeping its other roles: the routes that
 * require a role read them, so they change in the same transaction as the memberships.
 *
 * @example
 * ```ts
 * await syncAssociationRoles(db, 'acc_0002');
 * ```
 */
export async function syncAssociationRoles(db: Db, accountId: string): Promise<void> {
  const account = await db.one<{ roles: string }>('SELECT roles FROM accounts WHERE id = ?', [accountId]);
  if (!account) return;
  const held = await db.all<{ role: MembershipRole }>(
    'SELECT DISTINCT role FROM memberships WHERE account_id = ?',
    [accountId],
  );
  const roles = new Set((JSON.parse(account.roles) as Role[]).filter((role) => !ASSOCIATION_ROLES.has(role)));
  // Any membership makes an association member, whatever its role (as the demo accounts have it).
  if (held.length > 0) roles.add('association_member');
  for (const { role } of held) roles.add(ROLE_OF_MEMBERSHIP[role]);
  const ordered = ROLES.filter((role) => roles.has(role));
  const next = JSON.stringify(ordered);
  if (next !== account.roles) await db.write('UPDATE accounts SET roles = ? WHERE id = ?', [next, accountId]);
}

/**
 * Whether an account with this e-mail holds `role` in an association other than `associationId`.
 *
 * @example
 * ```ts
 * if (await holdsRoleElsewhere(db, 'sara@example.ma', 'treasurer', associationId)) throw problem('already_member_elsewhere');
 * ```
 */
export async function holdsRoleElsewhere(
  db: Db,
  email: string,
  role: MembershipRole,
  associationId: string,
): Promise<boolean> {
  const row = await db.one(
    `SELECT 1 AS held FROM memberships m JOIN accounts a ON a.id = m.account_id
     WHERE a.email = ? AND m.role = ? AND m.association_id <> ? LIMIT 1`,
    [email, role, associationId],
  );
  return row !== undefined;
}

/**
 * The id of the account that is a member of the association under this e-mail, or `undefined`.
 *
 * @example
 * ```ts
 * if (await memberByEmail(db, associationId, 'sara@example.ma')) throw problem('already_exists');
 * ```
 */
export async function memberByEmail(
  db: Db,
  associationId: string,
  email: string,
): Promise<string | undefined> {
  const row = await db.one<{ account_id: string }>(
    `SELECT m.account_id FROM memberships m JOIN accounts a ON a.id = m.account_id
     WHERE a.email = ? AND m.association_id = ?`,
    [email, associationId],
  );
  return row?.account_id;
}

interface InvitationRow {
  id: string;
  association_id: string;
  email: string;
  role: MembershipRole;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
}

function toInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    associationId: row.association_id,
    email: row.email,
    role: row.role,
    invitedBy: row.invited_by,
    createdAt: row.created_at.replace(/\.\d{3}Z$/, 'Z'),
    expiresAt: row.expires_at.replace(/\.\d{3}Z$/, 'Z'),
    ...(row.accepted_at ? { acceptedAt: row.accepted_at.replace(/\.\d{3}Z$/, 'Z') } : {}),
  };
}

/** The sha256 (hex) under which an invitation token is stored; the token itself is only in the mail. */
function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Stores a new invitation and returns it with its one-time token (32 random bytes, base64url), which goes
 * into the mail and nowhere else.
 *
 * @example
 * ```ts
 * const { invitation, token } = await insertInvitation(db, { associationId, email, role, invitedBy: auth.id, now });
 * ```
 */
export async function insertInvitation(
  db: Db,
  input: {
    associationId: string;
    email: string;
    role: MembershipRole;
    invitedBy: string;
    now: Date;
    lifetimeMs: number;
  },
): Promise<{ invitation: Invitation; token: string }> {
  const token = randomBytes(32).toString('base64url');
  const row: InvitationRow = {
    id: `inv_${randomUUID().replaceAll('-', '')}`,
    association_id: input.associationId,
    email: input.email,
    role: input.role,
    invited_by: input.invitedBy,
    created_at: input.now.toISOString(),
    expires_at: new Date(input.now.getTime() + input.lifetimeMs).toISOString(),
    accepted_at: null,
  };
  await db.write(
    `INSERT INTO association_invitations (id, token_hash, association_id, email, role, invited_by, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      row.id,
      tokenHash(token),
      row.association_id,
      row.email,
      row.role,
      row.invited_by,
      row.created_at,
      row.expires_at,
    ],
  );
  return { invitation: toInvitation(row), token };
}

/**
 * The invitation of a token, or `undefined`.
 *
 * @example
 * ```ts
 * const invitation = await invitationByToken(db, params.token);
 * ```
 */
export async function invitationByToken(db: Db, token: string): Promise<Invitation | undefined> {
  const row = await db.one<InvitationRow>(
    `SELECT id, association_id, email, role, invited_by, created_at, expires_at, accepted_at
     FROM association_invitations WHERE token_hash = ?`,
    [tokenHash(token)],
  );
  return row ? toInvitation(row) : undefined;
}

/**
 * Marks an invitation accepted, only if it was not yet: returns whether this call took it (a concurrent
 * accept of the same link loses and answers `link_used`).
 *
 * @example
 * ```ts
 * if (!(await markInvitationAccepted(db, invitation.id, auth.id, now))) throw problem('link_used');
 * ```
 */
export async function markInvitationAccepted(
  db: Db,
  invitationId: string,
  accountId: string,
  now: Date,
): Promise<boolean> {
  const taken = await db.write(
    'UPDATE association_invitations SET accepted_at = ?, accepted_by = ? WHERE id = ? AND accepted_at IS NULL',
    [now.toISOString(), accountId, invitationId],
  );
  return taken.changes > 0;
}
