// `client.contributions` replies against the real reference server (demo seed), never a mock: a list carries
// the first replies with `replyCount` and `repliesNextCursor`; `replies` and `iterateReplies` read the rest.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { EMBEDDED_REPLIES_MAX } from '@nassij/contract';
import { DEMO_ACCOUNTS } from '@nassij/server';
import { demoFixtures as F, tempServer } from '@nassij/server/testing';
import { createClient, type NassijClient } from '../client.js';
import { NassijApiError } from '../errors.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

let server: Server;
let reader: NassijClient;
let citizen: NassijClient;
const PARENT = F.contributions.publishedWithReplies;
const added: string[] = [];

before(async () => {
  server = await tempServer({ rateLimit: false });
  reader = createClient({ baseUrl: server.url });
  citizen = createClient({ baseUrl: server.url });
  await citizen.auth.signIn(DEMO_ACCOUNTS.citizen.email, DEMO_ACCOUNTS.citizen.password);
  // More replies than a list embeds, so that some are only reached through the replies route.
  for (let i = 0; i < EMBEDDED_REPLIES_MAX + 2; i++) {
    const receipt = await citizen.contributions.create(F.consultations.draftLaw, {
      kind: 'comment',
      parentId: PARENT,
      body: `Réponse ${i + 1}`,
      consent: true,
    });
    added.push(receipt.contribution.id);
  }
});
after(() => server.stop());

test('iterateReplies reads every reply oldest first; replies continues from the cursor of the list', async () => {
  const all = await reader.contributions.iterateReplies(PARENT, { limit: 2 }).collect({ limit: 1000 });
  assert.equal(new Set(all.map((r) => r.id)).size, all.length);
  assert.deepEqual(
    all.slice(-added.length).map((r) => r.id),
    added,
  );
  const parent = (await reader.contributions.list(F.consultations.draftLaw, { limit: 100 })).items.find(
    (c) => c.id === PARENT,
  );
  assert.ok(parent);
  assert.equal(parent.replyCount, all.length);
  assert.equal(parent.replies?.length, EMBEDDED_REPLIES_MAX);
  assert.equal(typeof parent.repliesNextCursor, 'string');
  const rest = await reader.contributions.replies(PARENT, {
    cursor: parent.repliesNextCursor ?? undefined,
    limit: 100,
  });
  assert.equal(rest.nextCursor, null);
  assert.deepEqual(
    [...(parent.replies ?? []), ...rest.items].map((r) => r.id),
    all.map((r) => r.id),
  );
});

test('replies of a contribution the reader may not follow are not found', async () => {
  const error = await reader.contributions.replies(F.contributions.pendingComment).then(
    () => assert.fail('expected not_found'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof NassijApiError);
  assert.equal(error.status, 404);
  assert.equal(error.code, 'not_found');
});
