// `client.syntheses` against the real reference server (demo seed), never a mock: the staff of the
// organisation that holds a consultation write its synthesis with If-Match and publish it once closed;
// another organisation's staff are refused.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_ACCOUNTS } from '@nassij/server';
import { demoFixtures as F, tempServer } from '@nassij/server/testing';
import { createClient, type NassijClient } from '../client.js';
import { NassijApiError, NassijConflictError } from '../errors.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

let server: Server;
const STAFF = ['ministryConsultationManager', 'regionAdmin', 'admin'] as const;
const clients = {} as Record<(typeof STAFF)[number] | 'anonymous', NassijClient>;

before(async () => {
  server = await tempServer({ rateLimit: false });
  clients.anonymous = createClient({ baseUrl: server.url });
  for (const key of STAFF) {
    clients[key] = createClient({ baseUrl: server.url });
    await clients[key].auth.signIn(DEMO_ACCOUNTS[key].email, DEMO_ACCOUNTS[key].password);
  }
});
after(() => server.stop());

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return await promise.then(
    (value) => assert.fail(`expected a rejection, got ${JSON.stringify(value).slice(0, 200)}`),
    (error: unknown) => error,
  );
}

function assertApiError(error: unknown, status: number, code: string): asserts error is NassijApiError {
  assert.ok(error instanceof NassijApiError, String(error));
  assert.equal(error.status, status);
  assert.equal(error.code, code);
}

test('the consultation manager saves a draft with If-Match; a stale ETag is a conflict to merge', async () => {
  const syntheses = clients.ministryConsultationManager.syntheses;
  const id = F.consultations.draftLaw;
  const { data: empty, etag } = await syntheses.getDraft(id);
  assert.equal(empty.revision, 0);
  const { groups, total } = await syntheses.candidateGroups(id);
  assert.ok(total > 0 && groups.length > 0);
  const [group] = groups;
  assert.ok(group);
  const page = await syntheses.candidates(
    id,
    group.articleId === null ? { wholeText: true } : { articleId: group.articleId },
  );
  assert.equal(page.total, group.count);
  const first = page.items[0]?.contributionId as string;
  const saved = await syntheses.update(
    id,
    {
      summary: { ar: 'حصيلة أولية' },
      articles: [],
      decisions: [{ contributionId: first, outcome: 'accepted' }],
    },
    { ifMatch: etag },
  );
  assert.equal(saved.data.revision, 1);
  assert.notEqual(saved.etag, etag);
  const stale = await rejection(syntheses.update(id, { articles: [], decisions: [] }, { ifMatch: etag }));
  assert.ok(stale instanceof NassijConflictError);
  assert.ok(syntheses.isDraftConflict(stale));
  assert.equal(stale.current?.revision, 1);
  assert.equal(stale.etag, saved.etag);
  assertApiError(await rejection(syntheses.publish(id)), 409, 'invalid_state');
  assertApiError(await rejection(clients.regionAdmin.syntheses.getDraft(id)), 403, 'forbidden');
  assertApiError(await rejection(clients.anonymous.syntheses.candidates(id)), 401, 'unauthenticated');
});

test('a platform admin publishes the synthesis of a closed consultation once every recommendation is answered', async () => {
  const syntheses = clients.admin.syntheses;
  const id = F.consultations.closed;
  const { etag } = await syntheses.getDraft(id);
  const { total } = await syntheses.candidateGroups(id);
  // A page of one at a time: the iterator follows every cursor to the end, with no repeat.
  const candidates = await syntheses.iterateCandidates(id, { limit: 1 }).collect({ limit: 5000 });
  assert.ok(candidates.length > 1, 'the closed consultation has recommendations or amendments');
  assert.equal(candidates.length, total);
  assert.equal(new Set(candidates.map((c) => c.contributionId)).size, candidates.length);
  const reason = { fr: 'Repris dans le plan d’action', ar: 'أُدرج في مخطط العمل' };
  const partial = await syntheses.update(
    id,
    {
      summary: { fr: 'Synthèse' },
      articles: [],
      decisions: candidates
        .slice(1)
        .map((c) => ({ contributionId: c.contributionId, outcome: 'accepted', reason })),
    },
    { ifMatch: etag },
  );
  const incomplete = await rejection(syntheses.publish(id));
  assertApiError(incomplete, 422, 'synthesis_incomplete');
  const missing = candidates[0]?.contributionId;
  assert.deepEqual(
    incomplete.fieldErrors.map((f) => f.path),
    [`/decisions/${missing}/outcome`, `/decisions/${missing}/reason`],
  );
  await syntheses.update(
    id,
    {
      summary: partial.data.summary,
      articles: partial.data.articles,
      decisions: candidates.map((c) => ({
        contributionId: c.contributionId,
        outcome: 'not_retained',
        reason,
      })),
    },
    { ifMatch: partial.etag },
  );
  const synthesis = await syntheses.publish(id);
  assert.equal(synthesis.recommendations.length, candidates.length);
  assert.ok(synthesis.frozen);
  assert.deepEqual(await clients.anonymous.consultations.synthesis(id), synthesis);
  assert.equal((await clients.anonymous.consultations.get(id)).phase, 'synthesis_published');
});
