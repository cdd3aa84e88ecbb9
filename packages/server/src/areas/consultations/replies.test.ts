// Replies at scale: a list or follow page embeds a contribution's first replies with `replyCount` and a
// cursor; `GET /v1/contributions/{id}/replies` pages through them all, oldest first, published only.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Contribution, EMBEDDED_REPLIES_MAX } from '@nassij/contract';
import { DEMO_ACCOUNTS } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';

type Server = Awaited<ReturnType<typeof tempServer>>;
interface RepliesPage {
  items: Contribution[];
  nextCursor: string | null;
}

let server: Server;
const tokens: Partial<Record<keyof typeof DEMO_ACCOUNTS, string>> = {};
const PARENT = F.contributions.publishedWithReplies;
/** Replies the test adds to {@link PARENT}, beyond the seed's: enough for several pages past the preview. */
const ADDED = EMBEDDED_REPLIES_MAX + 4;
const added: string[] = [];

async function call(
  method: string,
  path: string,
  options: { token?: string | undefined; body?: unknown } = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : {} };
}

async function get<T>(path: string, token?: string): Promise<T> {
  const response = await call('GET', path, { token });
  assert.equal(response.status, 200, `${path}: ${JSON.stringify(response.json)}`);
  return response.json as unknown as T;
}

/** Every reply of `parentId` through pages of `limit`, with the cursors each page gave. */
async function everyReply(
  parentId: string,
  limit: number,
  options: { from?: string; token?: string } = {},
): Promise<{ items: Contribution[]; pages: RepliesPage[] }> {
  const pages: RepliesPage[] = [];
  let cursor = options.from;
  do {
    const query = `limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const page = await get<RepliesPage>(`/v1/contributions/${parentId}/replies?${query}`, options.token);
    pages.push(page);
    cursor = page.nextCursor ?? undefined;
    assert.ok(pages.length < 50, 'the pages end');
  } while (cursor);
  return { items: pages.flatMap((p) => p.items), pages };
}

async function parentInList(token?: string): Promise<Contribution> {
  const page = await get<{ items: Contribution[] }>(
    `/v1/consultations/${F.consultations.draftLaw}/contributions?limit=100&sort=newest`,
    token,
  );
  const parent = page.items.find((c) => c.id === PARENT);
  assert.ok(parent, 'the parent is in the list');
  return parent;
}

before(async () => {
  server = await tempServer({ rateLimit: false });
  for (const key of ['citizen', 'member', 'reviewer', 'moderator'] as const) {
    const account = DEMO_ACCOUNTS[key];
    tokens[key] = await signInAs(server.url, account.email, account.password);
  }
  // Signed-in replies are published at once; two authors, so that no hourly limit is near.
  for (let i = 0; i < ADDED; i++) {
    const created = await call('POST', `/v1/consultations/${F.consultations.draftLaw}/contributions`, {
      token: i % 2 === 0 ? tokens.citizen : tokens.member,
      body: { kind: 'comment', parentId: PARENT, body: `Réponse numéro ${i + 1}`, consent: true },
    });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    added.push((created.json.contribution as Contribution).id);
  }
});
after(() => server.stop());

describe('replies', () => {
  test('a list embeds the first replies, oldest first, with the exact count and a cursor to the rest', async () => {
    const page = await get<{ items: Contribution[] }>(
      `/v1/consultations/${F.consultations.draftLaw}/contributions?limit=100`,
    );
    for (const item of page.items) {
      const replies = item.replies ?? [];
      assert.ok(replies.length <= EMBEDDED_REPLIES_MAX, item.id);
      assert.equal(typeof item.replyCount, 'number', item.id);
      assert.ok((item.replyCount ?? 0) >= replies.length, item.id);
      // A cursor exactly when some replies are not embedded.
      assert.equal(
        typeof item.repliesNextCursor === 'string',
        (item.replyCount ?? 0) > replies.length,
        item.id,
      );
    }
    const parent = page.items.find((c) => c.id === PARENT) as Contribution;
    const all = await everyReply(PARENT, 100);
    assert.equal(parent.replies?.length, EMBEDDED_REPLIES_MAX);
    assert.equal(parent.replyCount, all.items.length);
    assert.ok(all.items.length >= ADDED);
    assert.deepEqual(
      parent.replies?.map((r) => r.id),
      all.items.slice(0, EMBEDDED_REPLIES_MAX).map((r) => r.id),
      'the embedded replies are the first ones',
    );
    const follow = await get<Contribution>(`/v1/contributions/${PARENT}`);
    assert.deepEqual(
      follow.replies?.map((r) => r.id),
      parent.replies?.map((r) => r.id),
    );
    assert.equal(follow.replyCount, parent.replyCount);
    // A reply has no replies of its own, so carries neither.
    const reply = await get<Contribution>(`/v1/contributions/${added[0]}`);
    assert.equal(reply.replies, undefined);
    assert.equal(reply.replyCount, undefined);
  });

  test('pages of 2 go through every reply in order, without repeat or gap, and end with null', async () => {
    const whole = await everyReply(PARENT, 100);
    assert.equal(whole.pages.length, 1);
    assert.equal(whole.pages[0]?.nextCursor, null);
    const paged = await everyReply(PARENT, 2);
    assert.deepEqual(
      paged.items.map((r) => r.id),
      whole.items.map((r) => r.id),
    );
    assert.equal(new Set(paged.items.map((r) => r.id)).size, paged.items.length);
    assert.ok(
      paged.pages.slice(0, -1).every((p) => p.items.length === 2 && typeof p.nextCursor === 'string'),
    );
    assert.equal(paged.pages.at(-1)?.nextCursor, null);
    assert.ok((paged.pages.at(-1)?.items.length ?? 0) > 0, 'never a cursor to an empty page');
    for (let i = 1; i < paged.items.length; i++) {
      assert.ok(
        (paged.items[i - 1] as Contribution).createdAt <= (paged.items[i] as Contribution).createdAt,
        'oldest first',
      );
    }
    assert.ok(
      paged.items.every((r) => r.parentId === PARENT && r.moderation.state === 'published'),
      'published replies of this parent only',
    );
    // The replies added last come last, in the order they were sent (same instant or not).
    assert.deepEqual(
      paged.items.slice(-ADDED).map((r) => r.id),
      added,
    );

    const parent = await parentInList();
    const rest = await everyReply(PARENT, 3, { from: parent.repliesNextCursor as string });
    assert.deepEqual(
      [...(parent.replies ?? []), ...rest.items].map((r) => r.id),
      whole.items.map((r) => r.id),
      'the embedded replies, then the rest from the cursor, are every reply',
    );
  });

  test('hidden replies are neither counted nor listed; replies of a contribution the public may not follow are not found', async () => {
    const moderator = tokens.moderator as string;
    const hidden = added[1] as string;
    const before = await parentInList();
    const decided = await call('POST', `/v1/contributions/${hidden}/moderation`, {
      token: moderator,
      body: { decision: 'hide', reason: 'Hors sujet' },
    });
    assert.equal(decided.status, 200, JSON.stringify(decided.json));
    const afterHiding = await parentInList();
    assert.equal(afterHiding.replyCount, (before.replyCount ?? 0) - 1);
    const listed = (await everyReply(PARENT, 2)).items.map((r) => r.id);
    assert.equal(listed.includes(hidden), false);
    assert.equal(listed.length, afterHiding.replyCount);

    // A contribution the public may not follow: its replies are not found either, as on its follow page.
    const pending = F.contributions.pendingComment;
    assert.equal((await call('GET', `/v1/contributions/${pending}/replies`)).status, 404);
    assert.equal(
      (await call('GET', `/v1/contributions/${pending}/replies`, { token: tokens.citizen })).status,
      404,
    );
    const seen = await call('GET', `/v1/contributions/${pending}/replies`, { token: moderator });
    assert.equal(seen.status, 200);
    assert.deepEqual(seen.json, { items: [], nextCursor: null });
    assert.equal((await call('GET', '/v1/contributions/ctb_test_missing/replies')).status, 404);
  });

  test('cursors of another list or tampered ones are refused; a signed-in reader sees what they support', async () => {
    const list = await get<{ nextCursor: string | null }>(
      `/v1/consultations/${F.consultations.draftLaw}/contributions?limit=1&sort=newest`,
    );
    assert.equal(typeof list.nextCursor, 'string');
    for (const cursor of [list.nextCursor as string, 'bogus', 'eyJ2IjoxfQ']) {
      const refused = await call('GET', `/v1/contributions/${PARENT}/replies?cursor=${cursor}`);
      assert.equal(refused.status, 422, cursor);
      assert.equal(refused.json.code, 'validation_failed');
    }
    assert.equal((await call('GET', `/v1/contributions/${PARENT}/replies?limit=101`)).status, 422);

    const reader = tokens.reviewer as string;
    const supported = added.at(-1) as string;
    assert.equal(
      (await call('POST', `/v1/contributions/${supported}/supports`, { token: reader })).status,
      201,
    );
    const mine = (await everyReply(PARENT, 4, { token: reader })).items;
    assert.ok(mine.every((r) => typeof r.supportedByMe === 'boolean'));
    assert.deepEqual(
      mine.filter((r) => r.supportedByMe).map((r) => r.id),
      [supported],
    );
    const anonymous = (await everyReply(PARENT, 4)).items;
    assert.ok(anonymous.every((r) => r.supportedByMe === undefined));
  });
});
