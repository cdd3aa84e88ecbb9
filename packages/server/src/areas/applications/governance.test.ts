import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type {
  Application,
  Attachment,
  Award,
  Call,
  CallDraft,
  PageOf,
  Problem,
  Review,
} from '@nassij/contract';
import { DEMO_ACCOUNTS, type DemoAccountKey } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';
import { completeCallFields } from '../calls/fixtures.js';
import { completeAnswers, pdfBytes, untilScanned } from './fixtures.js';

// One call's selection from end to end, as its staff, its reviewers and an applicant live it: eligibility
// check, declarations before reading, the call's number of reviews, a decision after closing by staff who
// did not review alone, the appeal window, the results made public, attachments opened through the API.

type Server = Awaited<ReturnType<typeof tempServer>>;
const DAY_MS = 86_400_000;
let server: Server;
let offset = 0;
const tokens = {} as Record<DemoAccountKey, string>;

async function send<T = unknown>(
  method: string,
  path: string,
  options: { as?: DemoAccountKey; json?: unknown; form?: FormData } = {},
): Promise<{ status: number; body: T; bytes: Uint8Array; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (options.as) headers.authorization = `Bearer ${tokens[options.as]}`;
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}),
    ...(options.form ? { body: options.form } : {}),
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const type = response.headers.get('content-type') ?? '';
  const body = (
    type.includes('json') && bytes.length > 0 ? JSON.parse(new TextDecoder().decode(bytes)) : undefined
  ) as T;
  return { status: response.status, body, bytes, headers: response.headers };
}

/** Moves the server's clock `ms` past the real time and signs everyone in again (tokens expire). */
async function travel(ms: number): Promise<void> {
  offset = ms;
  const keys = Object.keys(DEMO_ACCOUNTS) as DemoAccountKey[];
  const signed = await Promise.all(
    keys.map((key) => signInAs(server.url, DEMO_ACCOUNTS[key].email, DEMO_ACCOUNTS[key].password)),
  );
  keys.forEach((key, index) => {
    tokens[key] = signed[index] ?? '';
  });
}

before(async () => {
  server = await tempServer({ rateLimit: false, clock: () => new Date(Date.now() + offset) });
  await travel(0);
});
after(async () => {
  await server.stop();
});

test('a call’s selection runs stage by stage, and its results become public', async () => {
  // The regional council publishes a call that asks for two reviews and assigns two reviewers.
  const fields = completeCallFields(new Date(Date.now() + offset), { opensInDays: 1 });
  const draft = await send<CallDraft>('POST', '/v1/calls', { as: 'regionCallManager', json: fields });
  assert.equal(draft.status, 201);
  const published = await send<Call>('POST', `/v1/calls/${draft.body.id}/publish`, {
    as: 'regionCallManager',
  });
  assert.equal(published.status, 200, JSON.stringify(published.body));
  const call = published.body;
  assert.deepEqual(call.review, { reviewsPerApplication: 2, appealDays: 15 });
  const assigned = await send('PUT', `/v1/calls/${call.id}/reviewers`, {
    as: 'regionCallManager',
    json: { accountIds: [F.accounts.regionReviewer, F.accounts.reviewer] },
  });
  assert.equal(assigned.status, 200, JSON.stringify(assigned.body));

  // The call opens; the association applies with its statutes.
  await travel(2 * DAY_MS);
  const started = await send<Application>('POST', '/v1/applications', {
    as: 'representative',
    json: { callId: call.id, associationId: F.associations.represented },
  });
  assert.equal(started.status, 201, JSON.stringify(started.body));
  const id = started.body.id;
  const statutes = pdfBytes('statuts-signes');
  const form = new FormData();
  form.set('documentId', 'statutes');
  form.set('file', new File([statutes], 'statuts.pdf'));
  const uploaded = await send<Attachment>('POST', `/v1/applications/${id}/attachments`, {
    as: 'representative',
    form,
  });
  assert.equal(uploaded.status, 201, JSON.stringify(uploaded.body));
  const current = await untilScanned(() =>
    send<Application>('GET', `/v1/applications/${id}`, { as: 'representative' }),
  );
  const saved = await fetch(`${server.url}/v1/applications/${id}`, {
    method: 'PATCH',
    headers: {
      authorization: `Bearer ${tokens.representative}`,
      'content-type': 'application/json',
      'if-match': current.headers.get('etag') ?? '',
    },
    body: JSON.stringify({ answers: completeAnswers(call) }),
  });
  assert.equal(saved.status, 200, await saved.text());
  const submitted = await send('POST', `/v1/applications/${id}/submit`, { as: 'representative' });
  assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
  for (let i = 0; i < 100; i++) {
    const read = await send<Application>('GET', `/v1/applications/${id}`, { as: 'representative' });
    if (read.body.attachments.every((attachment) => attachment.scanState !== 'pending')) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }

  // Nothing is decided while the call is open.
  const early = await send<Problem>('POST', `/v1/applications/${id}/decision`, {
    as: 'regionCallManager',
    json: { outcome: 'rejected', reason: 'Hors sujet' },
  });
  assert.equal(early.status, 409);
  assert.equal(early.body.code, 'call_still_open');

  await travel(40 * DAY_MS);
  assert.equal((await send<Call>('GET', `/v1/calls/${call.id}`)).body.status, 'closed');

  // Reviewers read nothing before declaring; staff of another organisation nothing at all.
  const attachmentPath = `/v1/applications/${id}/attachments/${uploaded.body.id}`;
  for (const path of [`/v1/applications/${id}`, attachmentPath]) {
    const answer = await send<Problem>('GET', path, { as: 'regionReviewer' });
    assert.equal(answer.body?.code, 'declaration_required', path);
    assert.equal((await send('GET', path, { as: 'ministryCallManager' })).status, 403, path);
  }
  const own = await send('GET', attachmentPath, { as: 'representative' });
  assert.equal(own.status, 200);
  assert.deepEqual(own.bytes, statutes, 'the applicant gets its file back byte for byte');

  // The eligibility check, by the call's staff only.
  const foreignCheck = await send('POST', `/v1/applications/${id}/eligibility-check`, {
    as: 'ministryCallManager',
    json: { admissible: true },
  });
  assert.equal(foreignCheck.status, 403);
  const checked = await send<Application>('POST', `/v1/applications/${id}/eligibility-check`, {
    as: 'regionCallManager',
    json: { admissible: true },
  });
  assert.equal(checked.status, 200, JSON.stringify(checked.body));
  assert.equal(checked.body.status, 'under_review');

  // Two reviews, each after its reviewer's declaration.
  const scores = call.criteria.map((criterion) => ({ criterionId: criterion.id, score: criterion.maxScore }));
  for (const reviewer of ['regionReviewer', 'reviewer'] as const) {
    const declared = await send('PUT', `/v1/applications/${id}/conflict-declaration`, {
      as: reviewer,
      json: { declared: false },
    });
    assert.equal(declared.status, 200, JSON.stringify(declared.body));
    const file = await send('GET', attachmentPath, { as: reviewer });
    assert.equal(file.status, 200);
    assert.deepEqual(file.bytes, statutes);
    assert.match(file.headers.get('content-disposition') ?? '', /^attachment;/);
    const review = await send<Review>('POST', `/v1/applications/${id}/reviews`, {
      as: reviewer,
      json: { conflictOfInterest: { declared: false }, scores },
    });
    assert.equal(review.status, 201, JSON.stringify(review.body));
    if (reviewer === 'regionReviewer') {
      const incomplete = await send<Problem>('POST', `/v1/applications/${id}/decision`, {
        as: 'regionCallManager',
        json: { outcome: 'rejected', reason: 'Budget' },
      });
      assert.equal(incomplete.status, 409);
      assert.equal(incomplete.body.code, 'reviews_incomplete');
      const changed = await send('PUT', `/v1/applications/${id}/conflict-declaration`, {
        as: reviewer,
        json: { declared: true },
      });
      assert.equal(changed.status, 409, 'a declaration stays once the review is written');
    }
  }

  // Results cannot come out before every admissible application is decided.
  const tooSoon = await send<Problem>('POST', `/v1/calls/${call.id}/results`, {
    as: 'regionCallManager',
    json: {},
  });
  assert.equal(tooSoon.status, 409);
  assert.equal(tooSoon.body.code, 'reviews_incomplete');

  const amount = fields.budget?.maxAward ?? { amount: '100000.00', currency: 'MAD' };
  const decided = await send<Application>('POST', `/v1/applications/${id}/decision`, {
    as: 'regionCallManager',
    json: { outcome: 'awarded', amount, conditions: 'Rapport final sous 12 mois', reason: 'Projet solide' },
  });
  assert.equal(decided.status, 200, JSON.stringify(decided.body));
  const seen = await send<Application>('GET', `/v1/applications/${id}`, { as: 'representative' });
  assert.equal(seen.body.decision?.reason, 'Projet solide');
  const decidedAt = Date.parse(seen.body.decision?.decidedAt ?? '');
  const appealUntil = Date.parse(seen.body.decision?.appealUntil ?? '');
  assert.ok(
    appealUntil - decidedAt > 14 * DAY_MS && appealUntil - decidedAt < 16 * DAY_MS,
    'fifteen days to appeal',
  );
  assert.equal(seen.body.reviews, undefined, 'the applicant does not read the reviews');

  const beforeResults = await send<PageOf<Award>>('GET', `/v1/calls/${call.id}/awards`);
  assert.equal(beforeResults.body.items.length, 0, 'no award is public before the results');
  const results = await send<Call>('POST', `/v1/calls/${call.id}/results`, {
    as: 'regionCallManager',
    json: {},
  });
  assert.equal(results.status, 200, JSON.stringify(results.body));
  assert.equal(results.body.status, 'awarded');
  assert.equal(results.body.stats.awarded, 1);
  const awards = await send<PageOf<Award>>('GET', `/v1/calls/${call.id}/awards`);
  assert.deepEqual(
    awards.body.items.map((award) => [award.applicationId, award.amount.amount]),
    [[id, amount.amount]],
  );
  const again = await send('POST', `/v1/calls/${call.id}/results`, { as: 'regionCallManager', json: {} });
  assert.equal(again.status, 409);
  const openData = await send<{ call_id: string; association_id: string; amount: string }[]>(
    'GET',
    '/v1/open-data/awards?format=json',
  );
  assert.deepEqual(
    openData.body
      .filter((record) => record.call_id === call.id)
      .map((record) => [record.association_id, record.amount]),
    [[F.associations.represented, amount.amount]],
    'the results are open data',
  );
});

test('the only reviewer of an application may not decide on it', async () => {
  await travel(0);
  const fields = {
    ...completeCallFields(new Date(Date.now() + offset), { opensInDays: 1 }),
    review: { reviewsPerApplication: 1, appealDays: 10 },
  };
  const draft = await send<CallDraft>('POST', '/v1/calls', {
    as: 'admin',
    json: { ...fields, organisationId: F.organisations.regionalCouncil },
  });
  const call = (await send<Call>('POST', `/v1/calls/${draft.body.id}/publish`, { as: 'admin' })).body;
  await travel(2 * DAY_MS);
  const started = await send<Application>('POST', '/v1/applications', {
    as: 'representative',
    json: { callId: call.id, associationId: F.associations.represented },
  });
  const id = started.body.id;
  const form = new FormData();
  form.set('documentId', 'statutes');
  form.set('file', new File([pdfBytes('seul-relecteur')], 'statuts.pdf'));
  assert.equal(
    (await send('POST', `/v1/applications/${id}/attachments`, { as: 'representative', form })).status,
    201,
  );
  const current = await untilScanned(() =>
    send<Application>('GET', `/v1/applications/${id}`, { as: 'representative' }),
  );
  const saved = await fetch(`${server.url}/v1/applications/${id}`, {
    method: 'PATCH',
    headers: {
      authorization: `Bearer ${tokens.representative}`,
      'content-type': 'application/json',
      'if-match': current.headers.get('etag') ?? '',
    },
    body: JSON.stringify({ answers: completeAnswers(call) }),
  });
  assert.equal(saved.status, 200, await saved.text());
  const submitted = await send('POST', `/v1/applications/${id}/submit`, { as: 'representative' });
  assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
  await travel(40 * DAY_MS);
  assert.equal(
    (
      await send('POST', `/v1/applications/${id}/eligibility-check`, {
        as: 'admin',
        json: { admissible: true },
      })
    ).status,
    200,
  );
  await send('PUT', `/v1/applications/${id}/conflict-declaration`, {
    as: 'admin',
    json: { declared: false },
  });
  const scores = call.criteria.map((criterion) => ({ criterionId: criterion.id, score: 1 }));
  const review = await send('POST', `/v1/applications/${id}/reviews`, {
    as: 'admin',
    json: { conflictOfInterest: { declared: false }, scores },
  });
  assert.equal(review.status, 201, JSON.stringify(review.body));
  const alone = await send<Problem>('POST', `/v1/applications/${id}/decision`, {
    as: 'admin',
    json: { outcome: 'rejected', reason: 'Score insuffisant' },
  });
  assert.equal(alone.status, 403);
  assert.equal(alone.body.code, 'conflict_of_interest');
  const byManager = await send('POST', `/v1/applications/${id}/decision`, {
    as: 'regionCallManager',
    json: { outcome: 'rejected', reason: 'Score insuffisant' },
  });
  assert.equal(byManager.status, 200, JSON.stringify(byManager.body));
});
