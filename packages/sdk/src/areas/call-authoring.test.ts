// `client.calls`' staff methods and `client.organisations` against the real reference server (demo seed),
// never a mock: a call manager writes a draft, publishes it, amends and closes it; another organisation's
// staff are refused every step.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CallDraftFields } from '@nassij/contract';
import { DEMO_ACCOUNTS } from '@nassij/server';
import { completeCallFields, demoFixtures as F, tempServer } from '@nassij/server/testing';
import { createClient, type NassijClient } from '../client.js';
import { NassijApiError, NassijConflictError, NassijValidationError } from '../errors.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

const DAY_MS = 86_400_000;
let server: Server;
/** The server's clock runs `offset` ms ahead of the real one: a test moves time by changing it. */
let offset = 0;
const now = () => new Date(Date.now() + offset);

const STAFF = ['ministryCallManager', 'regionCallManager', 'ministryAdmin'] as const;
const clients = {} as Record<(typeof STAFF)[number] | 'anonymous', NassijClient>;

/** Signs the staff in at the server's current time (tokens expire when its clock moves on). */
async function signInStaff(): Promise<void> {
  await Promise.all(
    STAFF.map(async (key) => {
      const account = DEMO_ACCOUNTS[key];
      await clients[key].auth.signIn(account.email, account.password);
    }),
  );
}

before(async () => {
  server = await tempServer({ rateLimit: false, clock: now });
  clients.anonymous = createClient({ baseUrl: server.url });
  for (const key of STAFF) clients[key] = createClient({ baseUrl: server.url });
  await signInStaff();
});
after(() => server.stop());

/** What `promise` rejected with; fails the test when it resolved. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return await promise.then(
    (value) => assert.fail(`expected a rejection, got ${JSON.stringify(value).slice(0, 200)}`),
    (error: unknown) => error,
  );
}

/** Asserts an API error with this status and code. */
function assertApiError(error: unknown, status: number, code: string, what: string): void {
  assert.ok(error instanceof NassijApiError, `${what}: ${String(error)}`);
  assert.equal(error.status, status, `${what}: status`);
  assert.equal(error.code, code, `${what}: code`);
}

const manager = () => clients.ministryCallManager;

/** A call of the ministry published now, opening `opensInDays` days after the server's clock. */
async function publishedCall(opensInDays = 2): Promise<{ id: string; fields: CallDraftFields }> {
  const fields = completeCallFields(now(), { opensInDays });
  const draft = await manager().calls.create(fields);
  assert.deepEqual(draft.problems, []);
  const call = await manager().calls.publish(draft.id);
  return { id: call.id, fields };
}

describe('a call manager runs a call through the SDK', () => {
  let callId = '';
  let fields: CallDraftFields = {};

  test('creates a draft, sees what is missing, fills it with If-Match, meets a conflict, publishes', async () => {
    const title = { ar: 'دعم مشاريع الشباب', fr: 'Soutien aux projets des jeunes' };
    const draft = await manager().calls.create({ title });
    assert.equal(draft.organisationId, F.organisations.ministry, "the caller's organisation");
    assert.equal(draft.state, 'draft');
    const paths = draft.problems.map((problem) => problem.path);
    for (const path of ['/summary', '/budget', '/criteria', '/form', '/dates/opensAt'])
      assert.ok(paths.includes(path), `${path} is missing: ${paths.join(' ')}`);
    assert.ok(!paths.some((path) => path.startsWith('/title')), 'the title is given in both languages');

    // Publishing now is refused with every missing field named, and nothing becomes public.
    const refused = await rejection(manager().calls.publish(draft.id));
    assert.ok(refused instanceof NassijValidationError, String(refused));
    assert.equal(refused.status, 422);
    assert.deepEqual(
      refused.fieldErrors.map((error) => error.path),
      paths,
      'the refusal names what the draft listed',
    );
    assertApiError(await rejection(clients.anonymous.calls.get(draft.id)), 404, 'not_found', 'a draft');

    // Fill it from the version read, then clear the contact: each save hands back the next ETag.
    fields = completeCallFields(now());
    let { etag } = await manager().calls.getDraftWithEtag(draft.id);
    const filled = await manager().calls.update(draft.id, fields, { ifMatch: etag });
    assert.deepEqual(filled.data.problems, []);
    assert.notEqual(filled.etag, etag);
    const stale = filled.etag;
    const cleared = await manager().calls.update(draft.id, { contact: null }, { ifMatch: filled.etag });
    assert.equal(cleared.data.fields.contact, undefined, 'null clears the field');
    assert.deepEqual(
      cleared.data.problems.map((problem) => `${problem.path}:${problem.code}`),
      ['/contact:required'],
    );
    assert.equal(cleared.data.fields.budget?.total.amount, fields.budget?.total.amount, 'the rest is kept');

    // A second tab saving from the version before the clearing meets a conflict with the current draft.
    const conflict = await rejection(
      manager().calls.update(draft.id, { fiscalYear: fields.fiscalYear }, { ifMatch: stale }),
    );
    assert.ok(conflict instanceof NassijConflictError, String(conflict));
    assert.ok(manager().calls.isDraftConflict(conflict));
    assert.equal(conflict.current?.revision, cleared.data.revision);
    assert.equal(conflict.etag, cleared.etag);
    ({ etag } = await manager().calls.update(
      draft.id,
      { contact: fields.contact ?? null },
      { ifMatch: conflict.etag ?? '' },
    ));

    const published = await manager().calls.publish(draft.id, { ifMatch: etag });
    assert.equal(published.id, draft.id);
    assert.equal(published.status, 'forecast', 'it opens in two days');
    assert.equal(published.version, 1);
    assert.equal(published.funder.organisationId, F.organisations.ministry);
    assert.equal((await manager().calls.getDraft(draft.id)).state, 'published');
    // A published call is amended, not edited, even from its latest version.
    const latest = await manager().calls.getDraftWithEtag(draft.id);
    const updateAfter = await rejection(
      manager().calls.update(draft.id, { fiscalYear: 2030 }, { ifMatch: latest.etag }),
    );
    assertApiError(updateAfter, 409, 'invalid_state', 'editing a published call');

    const seen = await clients.anonymous.calls.get(draft.id);
    assert.equal(seen.status, 'forecast');
    assert.deepEqual(seen.title, fields.title, 'as the update wrote it');
    const forecast = await clients.anonymous.calls
      .iterate({ status: ['forecast'], limit: 100 })
      .collect({ limit: 1000 });
    assert.ok(
      forecast.some((call) => call.id === draft.id),
      'the public list shows it',
    );
    callId = draft.id;
  });

  test('amends it publicly; the versions list both; it cannot close before it opens', async () => {
    assert.ok(callId, 'the call of the test before');
    const later = new Date(Date.parse(fields.dates?.closes?.at ?? '') + 7 * DAY_MS).toISOString();
    const summary = { ar: 'تمديد أجل إيداع الطلبات', fr: 'Report de la date limite de dépôt' };
    const amended = await manager().calls.amend(callId, {
      changes: { dates: { ...fields.dates, closes: { at: later, timeZone: 'Africa/Casablanca' } } },
      summary,
    });
    assert.equal(amended.version, 2);
    assert.equal(amended.dates.closes?.at, later);
    assert.deepEqual(amended.amendments.at(-1)?.summary, summary);

    const versions = await clients.anonymous.calls.versions(callId);
    assert.deepEqual(
      versions.items.map((version) => version.version),
      [1, 2],
    );
    assert.equal(versions.items[0]?.amendment, undefined);
    assert.deepEqual(versions.items[1]?.amendment?.summary, summary);
    assert.equal(versions.items[0]?.call.dates.closes?.at, fields.dates?.closes?.at, 'version 1 as it read');

    const tooEarly = await rejection(manager().calls.close(callId, { fr: 'Budget épuisé' }));
    assertApiError(tooEarly, 409, 'invalid_state', 'closing a call not open yet');
    const resultsEarly = await rejection(manager().calls.publishResults(callId));
    assertApiError(resultsEarly, 409, 'call_still_open', 'results of a call not closed');
  });

  test('once open by the clock, it closes early with a public reason, then publishes its results', async () => {
    assert.ok(callId, 'the call of the tests before');
    offset = 3 * DAY_MS;
    await signInStaff();
    assert.equal((await clients.anonymous.calls.get(callId)).status, 'open', 'opened with no job running');
    const reason = { ar: 'استنفاد الميزانية المرصودة', fr: 'Le budget prévu est épuisé' };
    const closed = await manager().calls.close(callId, reason);
    assert.equal(closed.status, 'closed');
    assert.equal(closed.closure?.kind, 'closed_early');
    assert.deepEqual(closed.closure?.reason, reason);
    assert.equal((await clients.anonymous.calls.get(callId)).status, 'closed');
    assert.deepEqual(
      (await clients.anonymous.calls.versions(callId)).items.map((version) => version.version),
      [1, 2, 3],
    );
    const amendClosed = await rejection(
      manager().calls.amend(callId, { changes: { fiscalYear: fields.fiscalYear }, summary: reason }),
    );
    assertApiError(amendClosed, 409, 'invalid_state', 'amending a closed call');

    // No application was made, so none is left undecided: the (empty) results can be published.
    const summary = { fr: 'Aucune demande reçue avant la clôture' };
    const awarded = await manager().calls.publishResults(callId, { summary });
    assert.equal(awarded.status, 'awarded');
    assert.deepEqual(awarded.amendments.at(-1)?.summary, summary);
    assert.deepEqual(
      (await clients.anonymous.calls.versions(callId)).items.map((version) => version.version),
      [1, 2, 3, 4],
    );
    // A page at a time: the cursor of the first page of three leads to the fourth version, the last.
    const first = await clients.anonymous.calls.versions(callId, { limit: 3 });
    assert.deepEqual(
      first.items.map((version) => version.version),
      [1, 2, 3],
    );
    assert.ok(first.nextCursor, 'a cursor to the rest');
    const last = await clients.anonymous.calls.versions(callId, { limit: 3, cursor: first.nextCursor });
    assert.deepEqual(
      last.items.map((version) => version.version),
      [4],
    );
    assert.equal(last.nextCursor, null);
    const iterated = await clients.anonymous.calls
      .iterateVersions(callId, { limit: 1 })
      .collect({ limit: 10 });
    assert.deepEqual(
      iterated.map((version) => version.version),
      [1, 2, 3, 4],
      'one version per page, in order, none twice',
    );
  });

  test('a create sent again with the same idempotency key makes one draft', async () => {
    const idempotencyKey = crypto.randomUUID();
    const body = { title: { ar: 'طلب واحد', fr: 'Un seul appel' } };
    const first = await manager().calls.create(body, { idempotencyKey });
    const again = await manager().calls.create(body, { idempotencyKey });
    assert.equal(again.id, first.id);
    const other = await manager().calls.create(body);
    assert.notEqual(other.id, first.id, 'a new key is a new draft');
  });

  test('cancels a published call with a reason', async () => {
    const { id } = await publishedCall();
    const reason = { fr: 'Programme suspendu par la loi de finances' };
    const cancelled = await clients.ministryAdmin.calls.cancel(id, reason);
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(cancelled.closure?.kind, 'cancelled');
    assert.deepEqual(cancelled.closure?.reason, reason);
    assert.equal((await clients.anonymous.calls.get(id)).status, 'cancelled');
  });

  test('assigns reviewers of its organisation or independent ones, not those of another', async () => {
    const { id } = await publishedCall();
    const assigned = await manager().calls.setReviewers(id, [
      F.accounts.ministryReviewer,
      F.accounts.reviewer,
    ]);
    assert.deepEqual(
      assigned.items.map((reviewer) => reviewer.accountId).sort(),
      [F.accounts.ministryReviewer, F.accounts.reviewer].sort(),
    );
    const read = await manager().calls.reviewers(id);
    assert.deepEqual(
      read.items.map((reviewer) => reviewer.accountId).sort(),
      assigned.items.map((r) => r.accountId).sort(),
    );
    const foreign = await rejection(manager().calls.setReviewers(id, [F.accounts.regionReviewer]));
    assert.ok(foreign instanceof NassijValidationError, String(foreign));
    assert.equal((await manager().calls.reviewers(id)).items.length, 2, 'a refused list changes nothing');
  });
});

describe('a draft with dates in the past', () => {
  test('can still be read and saved with If-Match, its problems naming the past dates', async () => {
    const yesterday = new Date(now().getTime() - DAY_MS).toISOString();
    const draft = await manager().calls.create({ dates: { opensAt: yesterday } });
    assert.ok(
      draft.problems.some((problem) => problem.path === '/dates/opensAt' && problem.code === 'invalid_value'),
    );
    const first = await manager().calls.getDraftWithEtag(draft.id);
    const second = await manager().calls.getDraftWithEtag(draft.id);
    assert.equal(second.etag, first.etag, 'the same draft read twice has the same ETag');
    const saved = await manager().calls.update(draft.id, { fiscalYear: 2030 }, { ifMatch: first.etag });
    assert.equal(saved.data.fields.fiscalYear, 2030);
  });
});

describe("another organisation's call manager", () => {
  test('is refused with 403 forbidden on every staff route of the call', async () => {
    const { id, fields } = await publishedCall();
    const draft = await manager().calls.create({ title: { ar: 'مسودة', fr: 'Brouillon' } });
    const { etag } = await manager().calls.getDraftWithEtag(draft.id);
    const other = clients.regionCallManager.calls;
    const reason = { fr: 'Tentative' };
    const attempts: [string, () => Promise<unknown>][] = [
      ['getDraft', () => other.getDraft(draft.id)],
      ['update', () => other.update(draft.id, { fiscalYear: 2030 }, { ifMatch: etag })],
      ['publish', () => other.publish(draft.id)],
      ['amend', () => other.amend(id, { changes: { fiscalYear: fields.fiscalYear }, summary: reason })],
      ['close', () => other.close(id, reason)],
      ['cancel', () => other.cancel(id, reason)],
      ['reviewers', () => other.reviewers(id)],
      ['setReviewers', () => other.setReviewers(id, [F.accounts.regionReviewer])],
      ['publishResults', () => other.publishResults(id)],
    ];
    for (const [name, attempt] of attempts)
      assertApiError(await rejection(attempt()), 403, 'forbidden', name);
    // Nothing of it happened.
    assert.equal((await clients.anonymous.calls.get(id)).version, 1);
    assert.equal((await manager().calls.getDraft(draft.id)).revision, 1);
  });

  test('cannot start a draft for the ministry', async () => {
    const error = await rejection(
      clients.regionCallManager.calls.create({ organisationId: F.organisations.ministry }),
    );
    assertApiError(error, 403, 'forbidden', 'create for another organisation');
  });
});

describe('client.organisations', () => {
  test('lists and reads the organisations, filtered by level and region', async () => {
    const regional = await clients.anonymous.organisations.search({ level: ['regional'], limit: 100 });
    assert.ok(regional.items.length > 0);
    assert.ok(regional.items.every((organisation) => organisation.level === 'regional'));
    assert.ok(regional.items.some((organisation) => organisation.id === F.organisations.regionalCouncil));
    const souss = await clients.anonymous.organisations
      .iterate({ region: ['MA-09'], limit: 2 })
      .collect({ limit: 100 });
    assert.ok(souss.every((organisation) => organisation.region === 'MA-09'));
    assert.ok(souss.some((organisation) => organisation.id === F.organisations.regionalCouncil));
    const ministry = await clients.anonymous.organisations.get(F.organisations.ministry);
    assert.equal(ministry.level, 'national');
    assert.equal(ministry.region, undefined);
    assertApiError(
      await rejection(clients.anonymous.organisations.get(F.missing.organisation)),
      404,
      'not_found',
      'an unknown organisation',
    );
  });
});
