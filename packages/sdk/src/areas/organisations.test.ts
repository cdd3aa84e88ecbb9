// `client.organisations.staff` and `iterateStaff` against the real reference server (demo seed), never a mock:
// the ministry's admin pages through its reviewer pool (its own reviewers and the independent ones).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_ACCOUNTS } from '@nassij/server';
import { demoFixtures as F, tempServer } from '@nassij/server/testing';
import { createClient, type NassijClient } from '../client.js';
import { NassijApiError } from '../errors.js';

type Server = Awaited<ReturnType<typeof tempServer>>;
let server: Server;
let admin: NassijClient;

before(async () => {
  server = await tempServer({ rateLimit: false });
  admin = createClient({ baseUrl: server.url });
  await admin.auth.signIn(DEMO_ACCOUNTS.ministryAdmin.email, DEMO_ACCOUNTS.ministryAdmin.password);
});
after(() => server.stop());

describe('client.organisations staff', () => {
  test('staff pages by name; iterateStaff walks every page once', async () => {
    const whole = await admin.organisations.staff(F.organisations.ministry, { role: 'reviewer', limit: 100 });
    assert.equal(whole.nextCursor, null);
    const ids = whole.items.map((person) => person.accountId);
    assert.ok(ids.includes(F.accounts.reviewer) && ids.includes(F.accounts.ministryReviewer));

    const first = await admin.organisations.staff(F.organisations.ministry, { role: 'reviewer', limit: 1 });
    assert.equal(first.items.length, 1);
    assert.ok(first.nextCursor, 'more than one reviewer: a cursor to the next page');
    const second = await admin.organisations.staff(F.organisations.ministry, {
      role: 'reviewer',
      limit: 1,
      cursor: first.nextCursor,
    });
    assert.deepEqual(
      [...first.items, ...second.items].map((person) => person.accountId),
      ids.slice(0, 2),
    );

    const walked = await admin.organisations
      .iterateStaff(F.organisations.ministry, { role: 'reviewer', limit: 1 })
      .collect({ limit: 1000 });
    assert.deepEqual(
      walked.map((person) => person.accountId),
      ids,
    );
  });

  test('another organisation’s staff are a typed 403', async () => {
    const refused = await admin.organisations.staff(F.organisations.regionalCouncil).catch((error) => error);
    assert.ok(refused instanceof NassijApiError);
    assert.equal(refused.status, 403);
  });
});
