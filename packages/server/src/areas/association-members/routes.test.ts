import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type Account,
  type Invitation,
  MAX_ASSOCIATION_MEMBERS,
  type Member,
  type MemberList,
  type MyAssociations,
  type Problem,
} from '@nassij/contract';
import { isMemberOf, isRepresentativeOf, isTreasurerOf, submitsReportsOf } from '../../auth/standing.js';
import { send } from '../../bench/kit.js';
import { readAudit } from '../../db/audit.js';
import { listMail } from '../../mail/outbox.js';
import { DEMO_ACCOUNTS } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';

type Server = Awaited<ReturnType<typeof tempServer>>;
type Who = 'citizen' | 'member' | 'representative' | 'admin' | 'moderator';

const DAY = 86_400_000;

describe('the members of an association', () => {
  let server: Server;
  // The server's clock: the real time, moved forward by one test to see an invitation expire.
  let shiftMs = 0;
  const tokens: Partial<Record<Who, string>> = {};
  const as = (who: Who) => ({ token: tokens[who] });
  const represented = F.associations.represented;
  const membersOf = async (associationId: string, who: Who) => {
    const answer = await send(server.url, 'GET', `/v1/associations/${associationId}/members`, as(who));
    assert.equal(answer.status, 200, answer.text);
    return (answer.json as MemberList).items;
  };
  const invite = (who: Who, json: unknown, associationId = represented) =>
    send(server.url, 'POST', `/v1/associations/${associationId}/invitations`, { ...as(who), json });
  const invitationCount = async () => (await server.db.all('SELECT id FROM association_invitations')).length;
  /** The token of the last invitation mailed to `email`. */
  const mailedToken = async (email: string) => {
    const mail = await listMail(server.db, { to: email, kind: 'member.invitation' });
    const last = mail[mail.length - 1];
    const token = /invitation=([A-Za-z0-9_-]+)/.exec(last?.text ?? '')?.[1];
    assert.ok(token, 'the mail carries the link');
    return token;
  };
  const accept = (who: Who, token: string) =>
    send(server.url, 'POST', `/v1/invitations/${token}/accept`, as(who));

  before(async () => {
    server = await tempServer({ rateLimit: false, clock: () => new Date(Date.now() + shiftMs) });
    for (const who of ['citizen', 'member', 'representative', 'admin', 'moderator'] as const)
      tokens[who] = await signInAs(server.url, DEMO_ACCOUNTS[who].email, DEMO_ACCOUNTS[who].password);
  });
  after(() => server.stop());

  test('only the members of the association read its members', async () => {
    const members = await membersOf(represented, 'member');
    assert.deepEqual(
      members.map((m) => [m.accountId, m.role]),
      [
        [F.accounts.representative, 'representative'],
        [F.accounts.member, 'member'],
      ],
    );
    for (const who of ['citizen', 'admin'] as const)
      assert.equal(
        (await send(server.url, 'GET', `/v1/associations/${represented}/members`, as(who))).status,
        403,
        who,
      );
    assert.equal((await send(server.url, 'GET', `/v1/associations/${represented}/members`)).status, 401);
    assert.equal(
      (await send(server.url, 'GET', `/v1/associations/${F.missing.association}/members`, as('member')))
        .status,
      404,
    );
  });

  test('bad invitations create nothing: not the representative, already a member, same role elsewhere', async () => {
    const before = await invitationCount();
    const byMember = await invite('member', { email: 'sara@example.ma', role: 'member' });
    assert.equal(byMember.status, 403, byMember.text);
    const here = await invite('representative', { email: DEMO_ACCOUNTS.member.email, role: 'treasurer' });
    assert.equal(here.status, 409);
    assert.equal((here.json as Problem).code, 'already_exists');
    // The demo moderator becomes treasurer of another association (arranged in the database).
    await server.db.write(
      "INSERT INTO memberships (account_id, association_id, role) VALUES (?, ?, 'treasurer')",
      [F.accounts.moderator, F.associations.memberOnly],
    );
    const elsewhere = await invite('representative', {
      email: DEMO_ACCOUNTS.moderator.email.toUpperCase(),
      role: 'treasurer',
    });
    assert.equal(elsewhere.status, 409, elsewhere.text);
    assert.equal((elsewhere.json as Problem).code, 'already_member_elsewhere');
    const badRole = await invite('representative', { email: 'sara@example.ma', role: 'president' });
    assert.equal(badRole.status, 422);
    assert.equal(await invitationCount(), before, 'no invitation was stored');
    assert.equal((await listMail(server.db, { kind: 'member.invitation' })).length, 0, 'no mail was queued');
  });

  test('an invitation is accepted once, by the invited address only, and gives the role it names', async () => {
    const sent = await invite('representative', { email: DEMO_ACCOUNTS.citizen.email, role: 'member' });
    assert.equal(sent.status, 201, sent.text);
    const invitation = sent.json as Invitation;
    assert.equal(invitation.role, 'member');
    assert.equal(invitation.invitedBy, F.accounts.representative);
    const mail = await listMail(server.db, { to: DEMO_ACCOUNTS.citizen.email, kind: 'member.invitation' });
    assert.equal(mail.length, 1);
    assert.equal(mail[0]?.locale, DEMO_ACCOUNTS.citizen.locale, "in the invited account's language");
    const token = await mailedToken(DEMO_ACCOUNTS.citizen.email);

    const unknown = await accept('citizen', 'x'.repeat(43));
    assert.equal(unknown.status, 400);
    assert.equal((unknown.json as Problem).code, 'link_invalid');
    const other = await accept('moderator', token);
    assert.equal(other.status, 403, other.text);

    const accepted = await accept('citizen', token);
    assert.equal(accepted.status, 200, accepted.text);
    const member = accepted.json as Member;
    assert.equal(member.accountId, F.accounts.citizen);
    assert.equal(member.role, 'member');
    assert.equal(member.invitedAt, invitation.createdAt);
    const mine = (await send(server.url, 'GET', '/v1/me/associations', as('citizen'))).json as MyAssociations;
    assert.equal(mine.items.find((m) => m.association.id === represented)?.role, 'member');

    const reused = await accept('citizen', token);
    assert.equal(reused.status, 410);
    assert.equal((reused.json as Problem).code, 'link_used');

    // A plain member neither invites nor hands over.
    assert.equal((await invite('citizen', { email: 'sara@example.ma', role: 'member' })).status, 403);
    const handOver = await send(server.url, 'POST', `/v1/associations/${represented}/hand-over`, {
      ...as('citizen'),
      json: { accountId: F.accounts.citizen },
    });
    assert.equal(handOver.status, 403);
    assert.equal((await readAudit(server.db, { action: 'member.accept', targetId: represented })).length, 1);
  });

  test('an invitation expires after a week', async () => {
    const sent = await invite('representative', { email: DEMO_ACCOUNTS.admin.email, role: 'member' });
    assert.equal(sent.status, 201, sent.text);
    const token = await mailedToken(DEMO_ACCOUNTS.admin.email);
    shiftMs = 8 * DAY;
    try {
      // Bearer tokens live 12 hours: sign in again on the later day.
      const later = await signInAs(server.url, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
      const late = await send(server.url, 'POST', `/v1/invitations/${token}/accept`, { token: later });
      assert.equal(late.status, 410, late.text);
      assert.equal((late.json as Problem).code, 'link_expired');
    } finally {
      shiftMs = 0;
    }
    assert.ok(
      !(await membersOf(represented, 'representative')).some((m) => m.accountId === F.accounts.admin),
    );
  });

  test('removal, leaving and the hand-over', async () => {
    const removedByMember = await send(
      server.url,
      'DELETE',
      `/v1/associations/${represented}/members/${F.accounts.citizen}`,
      as('member'),
    );
    assert.equal(removedByMember.status, 403);
    const repLeaves = await send(
      server.url,
      'DELETE',
      `/v1/associations/${represented}/members/${F.accounts.representative}`,
      as('representative'),
    );
    assert.equal(repLeaves.status, 409);
    assert.equal((repLeaves.json as Problem).code, 'invalid_state');

    const removed = await send(
      server.url,
      'DELETE',
      `/v1/associations/${represented}/members/${F.accounts.citizen}`,
      as('representative'),
    );
    assert.equal(removed.status, 200, removed.text);
    assert.ok((removed.json as Member).leftAt);
    assert.ok(!(await membersOf(represented, 'member')).some((m) => m.accountId === F.accounts.citizen));
    assert.equal((await readAudit(server.db, { action: 'member.remove', targetId: represented })).length, 1);

    const toStranger = await send(server.url, 'POST', `/v1/associations/${represented}/hand-over`, {
      ...as('representative'),
      json: { accountId: F.accounts.citizen },
    });
    assert.equal(toStranger.status, 404);
    const handed = await send(server.url, 'POST', `/v1/associations/${represented}/hand-over`, {
      ...as('representative'),
      json: { accountId: F.accounts.member },
    });
    assert.equal(handed.status, 200, handed.text);
    const roles = new Map((handed.json as MemberList).items.map((m) => [m.accountId, m.role]));
    assert.equal(roles.get(F.accounts.member), 'representative');
    assert.equal(roles.get(F.accounts.representative), 'member');
    const me = (await send(server.url, 'GET', '/v1/auth/me', as('representative'))).json as Account;
    assert.ok(!me.roles.includes('association_representative'), 'the account role follows the membership');
    assert.equal((await invite('representative', { email: 'sara@example.ma', role: 'member' })).status, 403);

    const left = await send(
      server.url,
      'DELETE',
      `/v1/associations/${represented}/members/${F.accounts.representative}`,
      as('representative'),
    );
    assert.equal(left.status, 200, left.text);
    assert.equal((await readAudit(server.db, { action: 'member.leave', targetId: represented })).length, 1);
  });

  test('rights by role: members draft, treasurers also submit financial reports, representatives sign', () => {
    const account = (role: 'member' | 'treasurer' | 'representative'): Account => ({
      id: 'acc_test',
      email: 'test@example.ma',
      displayName: 'Test',
      roles: ['association_member'],
      memberships: [{ associationId: represented, role }],
    });
    for (const role of ['member', 'treasurer', 'representative'] as const)
      assert.ok(isMemberOf(account(role), represented), role);
    assert.deepEqual(
      (['member', 'treasurer', 'representative'] as const).map((role) => [
        isTreasurerOf(account(role), represented),
        isRepresentativeOf(account(role), represented),
        submitsReportsOf(account(role), represented, 'financial'),
        submitsReportsOf(account(role), represented, 'progress'),
      ]),
      [
        [false, false, false, false],
        [true, false, true, false],
        [false, true, true, true],
      ],
    );
    assert.ok(!submitsReportsOf(account('treasurer'), F.associations.memberOnly, 'financial'));
  });
});

describe('the members of an association are bounded', () => {
  let server: Server;
  const tokens: Partial<Record<'citizen' | 'representative', string>> = {};
  const represented = F.associations.represented;
  const count = async (sql: string) =>
    Number((await server.db.one<{ n: number }>(sql, [represented]))?.n ?? 0);
  const members = () => count('SELECT COUNT(*) AS n FROM memberships WHERE association_id = ?');
  const invitations = () =>
    count('SELECT COUNT(*) AS n FROM association_invitations WHERE association_id = ?');

  before(async () => {
    server = await tempServer({ rateLimit: false });
    for (const who of ['citizen', 'representative'] as const)
      tokens[who] = await signInAs(server.url, DEMO_ACCOUNTS[who].email, DEMO_ACCOUNTS[who].password);
  });
  after(() => server.stop());

  test('open invitations and members count toward MAX_ASSOCIATION_MEMBERS: past it, 409 member_limit_reached', async () => {
    const invite = (email: string) =>
      send(server.url, 'POST', `/v1/associations/${represented}/invitations`, {
        token: tokens.representative,
        json: { email, role: 'member' },
      });
    const sent = await invite(DEMO_ACCOUNTS.citizen.email);
    assert.equal(sent.status, 201, sent.text);
    const mail = await listMail(server.db, { to: DEMO_ACCOUNTS.citizen.email, kind: 'member.invitation' });
    const token = /invitation=([A-Za-z0-9_-]+)/.exec(mail.at(-1)?.text ?? '')?.[1];
    assert.ok(token);

    // Open invitations up to the bound (written directly: what many invitations would leave).
    const expiresAt = new Date(Date.now() + 3 * DAY).toISOString();
    const room = MAX_ASSOCIATION_MEMBERS - (await members()) - (await invitations());
    await server.db.atomic(async () => {
      for (let i = 0; i < room; i++)
        await server.db.write(
          `INSERT INTO association_invitations (id, token_hash, association_id, email, role, invited_by, created_at, expires_at)
           VALUES (?, ?, ?, ?, 'member', ?, ?, ?)`,
          [
            `inv_test_cap_${i}`,
            `hash_test_cap_${i}`,
            represented,
            `cap-${i}@test.nassij.ma`,
            F.accounts.representative,
            new Date().toISOString(),
            expiresAt,
          ],
        );
    });
    const before = await invitations();
    const refused = await invite('one-too-many@test.nassij.ma');
    assert.equal(refused.status, 409, refused.text);
    assert.equal((refused.json as Problem).code, 'member_limit_reached');
    assert.equal(await invitations(), before, 'nothing created');

    // Members up to the bound: the citizen's invitation, sent while there was room, cannot pass it.
    const missing = MAX_ASSOCIATION_MEMBERS - (await members());
    await server.db.atomic(async () => {
      for (let i = 0; i < missing; i++) {
        await server.db.write(
          `INSERT INTO accounts (id, email, display_name, password_hash, roles, created_at)
           VALUES (?, ?, ?, 'x', '["citizen","association_member"]', ?)`,
          [`acc_test_cap_${i}`, `cap-member-${i}@test.nassij.ma`, `Membre ${i}`, new Date().toISOString()],
        );
        await server.db.write(
          "INSERT INTO memberships (account_id, association_id, role) VALUES (?, ?, 'member')",
          [`acc_test_cap_${i}`, represented],
        );
      }
    });
    const full = await send(server.url, 'POST', `/v1/invitations/${token}/accept`, { token: tokens.citizen });
    assert.equal(full.status, 409, full.text);
    assert.equal((full.json as Problem).code, 'member_limit_reached');
    assert.equal(await members(), MAX_ASSOCIATION_MEMBERS);

    // The list is the whole bounded set in one answer.
    const list = await send(server.url, 'GET', `/v1/associations/${represented}/members`, {
      token: tokens.representative,
    });
    assert.equal(list.status, 200, list.text);
    assert.equal((list.json as MemberList).items.length, MAX_ASSOCIATION_MEMBERS);
  });
});
