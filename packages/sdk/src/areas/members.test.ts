// `client.members` against the real reference server (demo seed), never a mock: the demo representative
// invites the demo citizen, who accepts with the token of the mailed link and later leaves; the
// representative hands over to the demo member; a reused link and an invitation to an address already there
// are refused with their codes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_ACCOUNTS } from '@nassij/server';
import { demoFixtures as F, tempServer } from '@nassij/server/testing';
import { createClient, type NassijClient } from '../client.js';
import { NassijApiError } from '../errors.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

const PEOPLE = ['citizen', 'member', 'representative'] as const;
let server: Server;
const clients = {} as Record<(typeof PEOPLE)[number], NassijClient>;
const association = F.associations.represented;

before(async () => {
  server = await tempServer({ rateLimit: false });
  for (const who of PEOPLE) {
    clients[who] = createClient({ baseUrl: server.url });
    await clients[who].auth.signIn(DEMO_ACCOUNTS[who].email, DEMO_ACCOUNTS[who].password);
  }
});
after(() => server.stop());

/** What `promise` rejected with, as an API error; fails the test when it resolved. */
async function apiError(promise: Promise<unknown>): Promise<NassijApiError> {
  const error = await promise.then(
    (value) => assert.fail(`expected a rejection, got ${JSON.stringify(value).slice(0, 200)}`),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof NassijApiError, String(error));
  return error;
}

/** The token of the last invitation mailed to `email`, read from the outbox as a person reads the mail. */
async function mailedToken(email: string): Promise<string> {
  const rows = await server.db.all<{ text_body: string }>(
    "SELECT text_body FROM mail_outbox WHERE recipient = ? AND kind = 'member.invitation' ORDER BY created_at DESC",
    [email],
  );
  const token = /invitation=([A-Za-z0-9_-]+)/.exec(rows[0]?.text_body ?? '')?.[1];
  assert.ok(token, 'the mail carries the link');
  return token;
}

describe('client.members', () => {
  test('invite, accept once, leave; hand over', async () => {
    const before = await clients.member.members.list(association);
    assert.equal(before.items[0]?.role, 'representative');
    assert.equal((await apiError(clients.citizen.members.list(association))).status, 403);
    const already = await apiError(
      clients.representative.members.invite(association, {
        email: DEMO_ACCOUNTS.member.email,
        role: 'member',
      }),
    );
    assert.equal(already.code, 'already_exists');

    const invitation = await clients.representative.members.invite(association, {
      email: DEMO_ACCOUNTS.citizen.email,
      role: 'treasurer',
    });
    assert.equal(invitation.role, 'treasurer');
    const token = await mailedToken(DEMO_ACCOUNTS.citizen.email);
    const member = await clients.citizen.members.accept(token);
    assert.equal(member.role, 'treasurer');
    assert.equal((await apiError(clients.citizen.members.accept(token))).code, 'link_used');
    assert.ok(
      (await clients.member.members.list(association)).items.some((m) => m.accountId === F.accounts.citizen),
    );

    const left = await clients.citizen.members.leave(association);
    assert.equal(left.accountId, F.accounts.citizen);
    assert.ok(left.leftAt);

    const after = await clients.representative.members.handOver(association, F.accounts.member);
    assert.deepEqual(
      after.items.map((m) => [m.accountId, m.role]),
      [
        [F.accounts.member, 'representative'],
        [F.accounts.representative, 'member'],
      ],
    );
    assert.equal(
      (await apiError(clients.representative.members.remove(association, F.accounts.member))).status,
      403,
    );
  });
});
