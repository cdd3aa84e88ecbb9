// `client.documents.list` and `iterate` against the real reference server (demo seed), never a mock: a member
// of the demo association reads its vault one page at a time.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_ACCOUNTS } from '@nassij/server';
import { demoFixtures as F, tempServer } from '@nassij/server/testing';
import { createClient, type NassijClient } from '../client.js';

type Server = Awaited<ReturnType<typeof tempServer>>;
let server: Server;
let member: NassijClient;

before(async () => {
  server = await tempServer({ rateLimit: false });
  member = createClient({ baseUrl: server.url });
  await member.auth.signIn(DEMO_ACCOUNTS.member.email, DEMO_ACCOUNTS.member.password);
});
after(() => server.stop());

describe('client.documents pages', () => {
  test('list gives one page and its cursor; iterate walks the whole vault once', async () => {
    const association = F.associations.represented;
    const whole = await member.documents.list(association, { limit: 100 });
    assert.equal(whole.nextCursor, null);
    assert.ok(whole.items.length > 1, 'the demo vault has several documents');
    assert.ok(whole.items.some((document) => document.id === F.vaultDocuments.statutesOfRepresented));

    const first = await member.documents.list(association, { limit: 1 });
    assert.equal(first.items.length, 1);
    assert.ok(first.nextCursor);

    const walked = await member.documents.iterate(association, { limit: 1 }).collect({ limit: 500 });
    assert.deepEqual(
      walked.map((document) => document.id),
      whole.items.map((document) => document.id),
    );
  });
});
