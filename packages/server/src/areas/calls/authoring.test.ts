import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type {
  Application,
  AuditLogEntry,
  Call,
  CallDraft,
  CallReviewers,
  CallVersion,
  ManagedCall,
  PageOf,
  Problem,
} from '@nassij/contract';
import { listMail } from '../../mail/outbox.js';
import { DEMO_ACCOUNTS, type DemoAccountKey } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';
import { completeCallFields } from './fixtures.js';

type Server = Awaited<ReturnType<typeof tempServer>>;
interface Sent<T = unknown> {
  status: number;
  body: T;
  etag: string | null;
}

const DAY_MS = 86_400_000;
let server: Server;
/** The server's clock runs `offset` ms ahead of the real one: a test moves time by changing it. */
let offset = 0;
const now = () => new Date(Date.now() + offset);
const tokens = {} as Record<DemoAccountKey, string>;

async function send<T>(
  method: string,
  path: string,
  options: { as?: DemoAccountKey; json?: unknown; ifMatch?: string } = {},
): Promise<Sent<T>> {
  const headers: Record<string, string> = {};
  if (options.as) headers.authorization = `Bearer ${tokens[options.as]}`;
  if (options.ifMatch) headers['if-match'] = options.ifMatch;
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : undefined) as T,
    etag: response.headers.get('etag'),
  };
}

/** A new draft of the regional council with every field filled, and its ETag. */
async function completeDraft(options: { opensInDays?: number } = {}): Promise<Sent<CallDraft>> {
  const created = await send<CallDraft>('POST', '/v1/calls', {
    as: 'regionCallManager',
    json: completeCallFields(now(), options),
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created;
}

async function publish(draft: Sent<CallDraft>): Promise<Call> {
  const published = await send<Call>('POST', `/v1/calls/${draft.body.id}/publish`, {
    as: 'regionCallManager',
  });
  assert.equal(published.status, 200, JSON.stringify(published.body));
  return published.body;
}

const reason = { ar: 'سبب', fr: 'Motif de la décision' };

/** Signs every demo account in at the server's current time (tokens expire when the clock moves on). */
async function signInAll(): Promise<void> {
  const keys = Object.keys(DEMO_ACCOUNTS) as DemoAccountKey[];
  const signed = await Promise.all(
    keys.map((key) => signInAs(server.url, DEMO_ACCOUNTS[key].email, DEMO_ACCOUNTS[key].password)),
  );
  keys.forEach((key, index) => {
    tokens[key] = signed[index] ?? '';
  });
}

/** Moves the server's clock to `ms` after the real time, with fresh tokens. */
async function travel(ms: number): Promise<void> {
  offset = ms;
  await signInAll();
}

before(async () => {
  server = await tempServer({ rateLimit: false, clock: now });
  await signInAll();
});
after(async () => {
  await server.stop();
});

describe('a draft call', () => {
  test('is created for the caller’s organisation, lists what is missing, and is not public', async () => {
    const created = await send<CallDraft>('POST', '/v1/calls', {
      as: 'regionCallManager',
      json: { title: { ar: 'دعم الجمعيات' } },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.organisationId, F.organisations.regionalCouncil);
    assert.equal(created.body.state, 'draft');
    const paths = created.body.problems.map((problem) => problem.path);
    for (const path of ['/title/fr', '/summary', '/budget', '/criteria', '/form', '/dates/opensAt'])
      assert.ok(paths.includes(path), `${path} in ${paths.join(' ')}`);
    assert.ok(!paths.includes('/title/ar'), 'the Arabic title is given');
    assert.equal((await send('GET', `/v1/calls/${created.body.id}`)).status, 404);
    const search = await send<PageOf<{ id: string }>>('GET', '/v1/calls?limit=100&sort=newest');
    assert.ok(!search.body.items.some((call) => call.id === created.body.id));
    const asOther = await send('GET', `/v1/calls/${created.body.id}/draft`, { as: 'ministryCallManager' });
    assert.equal(asOther.status, 403);
  });

  test('a platform admin names the organisation; staff cannot create for another one', async () => {
    const missing = await send<Problem>('POST', '/v1/calls', { as: 'admin', json: {} });
    assert.equal(missing.status, 422);
    assert.equal(missing.body.errors?.[0]?.path, '/organisationId');
    const named = await send<CallDraft>('POST', '/v1/calls', {
      as: 'admin',
      json: { organisationId: F.organisations.ministry },
    });
    assert.equal(named.status, 201);
    assert.equal(named.body.organisationId, F.organisations.ministry);
    const other = await send('POST', '/v1/calls', {
      as: 'regionCallManager',
      json: { organisationId: F.organisations.ministry },
    });
    assert.equal(other.status, 403);
    const reviewer = await send('POST', '/v1/calls', { as: 'regionReviewer', json: {} });
    assert.equal(reviewer.status, 403, 'a reviewer does not write calls');
  });

  test('is edited with If-Match: 428 without, 412 when stale, null clears a field', async () => {
    const draft = await completeDraft();
    const path = `/v1/calls/${draft.body.id}`;
    const json = { programme: { ar: 'برنامج', fr: 'Programme' } };
    assert.equal((await send('PATCH', path, { as: 'regionCallManager', json })).status, 428);
    const saved = await send<CallDraft>('PATCH', path, {
      as: 'regionCallManager',
      json,
      ifMatch: draft.etag ?? '',
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.deepEqual(saved.body.fields.programme, json.programme);
    assert.equal(saved.body.revision, draft.body.revision + 1);
    const stale = await send<Problem & { current?: CallDraft }>('PATCH', path, {
      as: 'regionCallManager',
      json: { programme: null },
      ifMatch: draft.etag ?? '',
    });
    assert.equal(stale.status, 412);
    assert.equal(stale.body.current?.revision, saved.body.revision);
    const cleared = await send<CallDraft>('PATCH', path, {
      as: 'regionCallManager',
      json: { programme: null },
      ifMatch: saved.etag ?? '',
    });
    assert.equal(cleared.status, 200);
    assert.equal(cleared.body.fields.programme, undefined);
    const unknown = await send<Problem>('PATCH', path, {
      as: 'regionCallManager',
      json: { titel: {} },
      ifMatch: cleared.etag ?? '',
    });
    assert.equal(unknown.status, 422);
    assert.equal(unknown.body.errors?.[0]?.code, 'unknown_field');
  });
});

describe('publishing', () => {
  test('refuses an incomplete call, naming every field, and publishes nothing', async () => {
    const draft = await completeDraft();
    const fields = completeCallFields(now());
    const criteria = (fields.criteria ?? []).map((criterion, index) => ({
      ...criterion,
      weight: index === 0 ? 50 : 40,
    }));
    const past = new Date(now().getTime() - DAY_MS).toISOString();
    const broken = await send<CallDraft>('PATCH', `/v1/calls/${draft.body.id}`, {
      as: 'regionCallManager',
      json: {
        criteria,
        summary: { ar: 'ملخص فقط بالعربية' },
        dates: { ...fields.dates, closes: { at: past, timeZone: 'Africa/Casablanca' } },
      },
      ifMatch: draft.etag ?? '',
    });
    assert.equal(broken.status, 200);
    const refused = await send<Problem>('POST', `/v1/calls/${draft.body.id}/publish`, {
      as: 'regionCallManager',
    });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.code, 'validation_failed');
    const byPath = new Map((refused.body.errors ?? []).map((error) => [error.path, error]));
    assert.equal(byPath.get('/criteria')?.params?.sum, 90, 'the weights add up to 90');
    assert.equal(byPath.get('/summary/fr')?.code, 'required');
    assert.equal(byPath.get('/dates/closes/at')?.code, 'invalid_value', 'the closing date is past');
    assert.equal((await send('GET', `/v1/calls/${draft.body.id}`)).status, 404, 'nothing was published');
    const again = await send<CallDraft>('GET', `/v1/calls/${draft.body.id}/draft`, {
      as: 'regionCallManager',
    });
    assert.equal(again.body.state, 'draft');
  });

  test('publishes a complete call, whose status then moves with the clock alone', async () => {
    const draft = await completeDraft({ opensInDays: 2 });
    assert.deepEqual(draft.body.problems, []);
    const call = await publish(draft);
    assert.equal(call.status, 'forecast');
    assert.equal(call.version, 1);
    assert.equal(call.funder.organisationId, F.organisations.regionalCouncil);
    assert.match(call.reference, /^MA-[A-Z]+-\d{4}-\d{4}$/);
    const listed = await send<PageOf<{ id: string }>>(
      'GET',
      '/v1/calls?limit=100&status=forecast&sort=newest',
    );
    assert.ok(
      listed.body.items.some((item) => item.id === call.id),
      'the public list shows it',
    );
    const twice = await send<Problem>('POST', `/v1/calls/${call.id}/publish`, { as: 'regionCallManager' });
    assert.equal(twice.status, 409);
    const edit = await send<Problem>('PATCH', `/v1/calls/${call.id}`, {
      as: 'regionCallManager',
      json: { programme: null },
      ifMatch: (await send('GET', `/v1/calls/${call.id}/draft`, { as: 'regionCallManager' })).etag ?? '',
    });
    assert.equal(edit.status, 409, 'a published call is amended, not edited');
    assert.equal(edit.body.code, 'invalid_state');
    try {
      await travel(3 * DAY_MS);
      assert.equal((await send<Call>('GET', `/v1/calls/${call.id}`)).body.status, 'open');
      await travel(40 * DAY_MS);
      assert.equal((await send<Call>('GET', `/v1/calls/${call.id}`)).body.status, 'closed');
    } finally {
      await travel(0);
    }
  });
});

describe('a published call', () => {
  test('is amended publicly: a new version with its summary, kept in the history', async () => {
    const call = await publish(await completeDraft());
    const later = new Date(Date.parse(call.dates.closes?.at ?? '') + 7 * DAY_MS).toISOString();
    const { publishedAt: _published, ...dates } = call.dates;
    const summary = { ar: 'تمديد أجل إيداع الطلبات', fr: 'Report de la date limite' };
    const amended = await send<Call>('POST', `/v1/calls/${call.id}/amendments`, {
      as: 'regionCallManager',
      json: {
        changes: { dates: { ...dates, closes: { at: later, timeZone: 'Africa/Casablanca' } } },
        summary,
      },
    });
    assert.equal(amended.status, 200, JSON.stringify(amended.body));
    assert.equal(amended.body.version, 2);
    assert.equal(amended.body.dates.closes?.at, later);
    assert.deepEqual(amended.body.amendments.at(-1), {
      version: 2,
      at: amended.body.amendments.at(-1)?.at,
      summary,
      fields: ['dates'],
    });
    const versions = await send<PageOf<CallVersion>>('GET', `/v1/calls/${call.id}/versions`);
    assert.deepEqual(
      versions.body.items.map((version) => version.version),
      [1, 2],
    );
    assert.equal(versions.body.items[0]?.call.dates.closes?.at, call.dates.closes?.at, 'version 1 as it was');
    assert.deepEqual(versions.body.items[1]?.amendment?.summary, summary);
  });

  test('its history is paged by version, oldest first, without a repeat or a gap', async () => {
    const call = await publish(await completeDraft());
    const { publishedAt: _published, ...dates } = call.dates;
    // Three amendments, each moving the deadline a week later: versions 1 to 4.
    for (const week of [1, 2, 3]) {
      const later = new Date(Date.parse(call.dates.closes?.at ?? '') + week * 7 * DAY_MS).toISOString();
      const amended = await send<Call>('POST', `/v1/calls/${call.id}/amendments`, {
        as: 'regionCallManager',
        json: {
          changes: { dates: { ...dates, closes: { at: later, timeZone: 'Africa/Casablanca' } } },
          summary: { ar: 'تمديد', fr: `Report de ${week} semaine(s)` },
        },
      });
      assert.equal(amended.status, 200, JSON.stringify(amended.body));
    }
    const path = `/v1/calls/${call.id}/versions`;
    const whole = await send<PageOf<CallVersion>>('GET', path);
    assert.deepEqual(
      whole.body.items.map((version) => version.version),
      [1, 2, 3, 4],
    );
    assert.equal(whole.body.nextCursor, null, 'the default page holds them all');
    const pages: number[][] = [];
    let cursor: string | null = null;
    do {
      const page: Sent<PageOf<CallVersion>> = await send(
        'GET',
        `${path}?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      assert.equal(page.status, 200, JSON.stringify(page.body));
      pages.push(page.body.items.map((version) => version.version));
      cursor = page.body.nextCursor;
    } while (cursor && pages.length < 5);
    assert.deepEqual(pages, [[1, 2, 3], [4]], 'two pages, the last one without a cursor');
    const second = await send<PageOf<CallVersion>>('GET', `${path}?limit=2`);
    const rest = await send<PageOf<CallVersion>>('GET', `${path}?limit=2&cursor=${second.body.nextCursor}`);
    assert.deepEqual(
      rest.body.items.map((version) => [version.version, version.amendment?.summary.fr]),
      [
        [3, 'Report de 2 semaine(s)'],
        [4, 'Report de 3 semaine(s)'],
      ],
    );
    assert.equal(rest.body.nextCursor, null, 'no cursor to an empty page');
    assert.equal((await send('GET', `${path}?limit=101`)).status, 422);
    const managed = await send<PageOf<ManagedCall>>(
      'GET',
      `/v1/organisations/${F.organisations.regionalCouncil}/calls?limit=1`,
      { as: 'regionCallManager' },
    );
    assert.ok(managed.body.nextCursor, 'the regional council has more than one call');
    const foreign = await send<Problem>('GET', `${path}?cursor=${managed.body.nextCursor}`);
    assert.equal(foreign.status, 422, 'a cursor of another list is refused');
    assert.equal(foreign.body.errors?.[0]?.path, '/cursor');
  });

  test('an amendment must leave the call complete, and an open call keeps its opening date', async () => {
    const call = await publish(await completeDraft({ opensInDays: 1 }));
    const incomplete = await send<Problem>('POST', `/v1/calls/${call.id}/amendments`, {
      as: 'regionCallManager',
      json: { changes: { criteria: [] }, summary: reason },
    });
    assert.equal(incomplete.status, 422);
    assert.equal(incomplete.body.errors?.[0]?.path, '/changes/criteria');
    try {
      await travel(2 * DAY_MS);
      const { publishedAt: _published, ...dates } = call.dates;
      const moved = await send<Problem>('POST', `/v1/calls/${call.id}/amendments`, {
        as: 'regionCallManager',
        json: {
          changes: { dates: { ...dates, opensAt: new Date(now().getTime() + DAY_MS).toISOString() } },
          summary: reason,
        },
      });
      assert.equal(moved.status, 422);
      assert.ok(
        moved.body.errors?.some(
          (error) => error.path === '/changes/dates/opensAt' && error.code === 'not_allowed',
        ),
      );
    } finally {
      await travel(0);
    }
  });

  test('a closing date cannot move earlier once associations have applied', async () => {
    const call = await publish(await completeDraft({ opensInDays: 1 }));
    try {
      await travel(2 * DAY_MS);
      const started = await send<{ id: string }>('POST', '/v1/applications', {
        as: 'representative',
        json: { callId: call.id, associationId: F.associations.represented },
      });
      assert.equal(started.status, 201, JSON.stringify(started.body));
      const { publishedAt: _published, ...dates } = call.dates;
      const sooner = new Date(Date.parse(call.dates.closes?.at ?? '') - 5 * DAY_MS).toISOString();
      const refused = await send<Problem>('POST', `/v1/calls/${call.id}/amendments`, {
        as: 'regionCallManager',
        json: {
          changes: { dates: { ...dates, closes: { at: sooner, timeZone: 'Africa/Casablanca' } } },
          summary: reason,
        },
      });
      assert.equal(refused.status, 422);
      assert.ok(
        refused.body.errors?.some(
          (error) => error.path === '/changes/dates/closes/at' && error.code === 'not_allowed',
        ),
      );
      // A later date is fine, and the association that started applying sees what changed and why.
      const later = new Date(Date.parse(call.dates.closes?.at ?? '') + 5 * DAY_MS).toISOString();
      const summary = { ar: 'تمديد الأجل', fr: 'Report de la date limite' };
      const moved = await send('POST', `/v1/calls/${call.id}/amendments`, {
        as: 'regionCallManager',
        json: {
          changes: { dates: { ...dates, closes: { at: later, timeZone: 'Africa/Casablanca' } } },
          summary,
        },
      });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      const application = await send<Application>('GET', `/v1/applications/${started.body.id}`, {
        as: 'representative',
      });
      assert.deepEqual(
        application.body.callAmendments?.map((amendment) => amendment.summary),
        [summary],
      );
      // Every member of the association with the draft is told by e-mail, in their language.
      const members = await server.db.all<{ email: string; locale: string | null }>(
        'SELECT a.email, a.locale FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE m.association_id = ?',
        [F.associations.represented],
      );
      assert.ok(members.length > 0);
      for (const member of members) {
        const told = (await listMail(server.db, { to: member.email, kind: 'call.amended' })).filter((mail) =>
          mail.subject.includes(call.reference),
        );
        assert.equal(told.length, 1, `${member.email} is told once`);
        assert.equal(told[0]?.locale, member.locale ?? 'ar');
        assert.ok(told[0]?.text.includes(summary[told[0].locale === 'fr' ? 'fr' : 'ar']));
      }
      const cancelled = await send('POST', `/v1/calls/${call.id}/cancel`, {
        as: 'regionCallManager',
        json: { reason },
      });
      assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
      const representative = DEMO_ACCOUNTS.representative.email;
      const cancellations = await listMail(server.db, { to: representative, kind: 'call.cancelled' });
      assert.equal(cancellations.filter((mail) => mail.subject.includes(call.reference)).length, 1);
    } finally {
      await travel(0);
    }
  });

  test('closes early and is cancelled with a public reason; then it cannot be amended', async () => {
    const call = await publish(await completeDraft({ opensInDays: 1 }));
    const notOpen = await send<Problem>('POST', `/v1/calls/${call.id}/close`, {
      as: 'regionCallManager',
      json: { reason },
    });
    assert.equal(notOpen.status, 409, 'a call not open yet is cancelled, not closed');
    try {
      await travel(2 * DAY_MS);
      const closed = await send<Call>('POST', `/v1/calls/${call.id}/close`, {
        as: 'regionCallManager',
        json: { reason },
      });
      assert.equal(closed.status, 200, JSON.stringify(closed.body));
      assert.equal(closed.body.status, 'closed');
      assert.equal(closed.body.closure?.kind, 'closed_early');
      assert.deepEqual(closed.body.closure?.reason, reason);
      assert.equal(closed.body.version, 2);
      const amend = await send<Problem>('POST', `/v1/calls/${call.id}/amendments`, {
        as: 'regionCallManager',
        json: { changes: {}, summary: reason },
      });
      assert.equal(amend.status, 409);
      const cancelled = await send<Call>('POST', `/v1/calls/${call.id}/cancel`, {
        as: 'regionCallManager',
        json: { reason },
      });
      assert.equal(cancelled.status, 200);
      assert.equal(cancelled.body.status, 'cancelled');
      const publicRead = await send<Call>('GET', `/v1/calls/${call.id}`);
      assert.equal(publicRead.body.status, 'cancelled');
      const versions = await send<PageOf<CallVersion>>('GET', `/v1/calls/${call.id}/versions`);
      assert.equal(versions.body.items.length, 3);
    } finally {
      await travel(0);
    }
  });

  test('a decided call cannot be cancelled', async () => {
    const refused = await send<Problem>('POST', `/v1/calls/${F.calls.awarded}/cancel`, {
      as: 'admin',
      json: { reason },
    });
    assert.equal(refused.status, 409);
  });

  test('staff of another organisation get 403 on every write; the audit log keeps every action', async () => {
    const draft = await completeDraft();
    const call = await publish(draft);
    const { publishedAt: _published, ...dates } = call.dates;
    const writes: [string, string, unknown][] = [
      ['GET', `/v1/calls/${call.id}/draft`, undefined],
      ['PATCH', `/v1/calls/${call.id}`, {}],
      ['POST', `/v1/calls/${call.id}/publish`, undefined],
      ['POST', `/v1/calls/${call.id}/amendments`, { changes: { dates }, summary: reason }],
      ['POST', `/v1/calls/${call.id}/close`, { reason }],
      ['POST', `/v1/calls/${call.id}/cancel`, { reason }],
      ['GET', `/v1/calls/${call.id}/reviewers`, undefined],
      ['PUT', `/v1/calls/${call.id}/reviewers`, { accountIds: [] }],
    ];
    for (const [method, path, json] of writes) {
      for (const as of ['ministryCallManager', 'ministryAdmin'] as const) {
        const answer = await send(method, path, { as, json, ifMatch: '"x"' });
        assert.equal(answer.status, 403, `${as} ${method} ${path}`);
      }
    }
    const audit = await send<PageOf<AuditLogEntry>>('GET', `/v1/admin/audit?targetId=${call.id}&limit=50`, {
      as: 'admin',
    });
    assert.equal(audit.status, 200);
    const actions = audit.body.items.map((entry) => entry.action).sort();
    assert.deepEqual(actions, ['call.create', 'call.publish']);
    assert.ok(audit.body.items.every((entry) => entry.actorId === F.accounts.regionCallManager));
  });
});

describe('reviewers', () => {
  test('are assigned per call from the organisation or the independent pool, and see only their calls', async () => {
    const call = await publish(await completeDraft());
    const path = `/v1/calls/${call.id}/reviewers`;
    const foreign = await send<Problem>('PUT', path, {
      as: 'regionAdmin',
      json: { accountIds: [F.accounts.ministryReviewer, F.accounts.citizen] },
    });
    assert.equal(foreign.status, 422);
    assert.deepEqual(
      foreign.body.errors?.map((error) => [error.path, error.code]),
      [
        ['/accountIds/0', 'not_allowed'],
        ['/accountIds/1', 'not_allowed'],
      ],
    );
    const set = await send<CallReviewers>('PUT', path, {
      as: 'regionAdmin',
      json: { accountIds: [F.accounts.regionReviewer, F.accounts.reviewer] },
    });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.deepEqual(
      set.body.items.map((item) => item.accountId).sort(),
      [F.accounts.regionReviewer, F.accounts.reviewer].sort(),
    );
    const regional = set.body.items.find((item) => item.accountId === F.accounts.regionReviewer);
    assert.equal(regional?.organisationId, F.organisations.regionalCouncil);
    const read = await send<CallReviewers>('GET', path, { as: 'regionCallManager' });
    assert.equal(read.body.items.length, 2);
  });

  test('a reviewer not assigned to a call is refused its applications; an assigned one sees them', async () => {
    const path = `/v1/calls/${F.calls.underReview}/applications`;
    assert.equal((await send('GET', path, { as: 'regionReviewer' })).status, 403);
    assert.equal((await send('GET', path, { as: 'reviewer' })).status, 200);
  });
});

describe('an organisation’s calls', () => {
  test('are listed for its staff, drafts included, with applications by stage; not for others', async () => {
    const draft = await send<CallDraft>('POST', '/v1/calls', {
      as: 'regionCallManager',
      json: { title: { ar: 'مسودة للائحة', fr: 'Brouillon pour la liste' } },
    });
    const published = await publish(await completeDraft());
    const path = `/v1/organisations/${F.organisations.regionalCouncil}/calls`;
    const all = await send<PageOf<ManagedCall>>('GET', `${path}?limit=100`, { as: 'regionAdmin' });
    assert.equal(all.status, 200, JSON.stringify(all.body));
    assert.ok(all.body.items.every((call) => call.organisationId === F.organisations.regionalCouncil));
    const listedDraft = all.body.items.find((call) => call.id === draft.body.id);
    assert.equal(listedDraft?.state, 'draft');
    assert.equal(listedDraft?.problemCount, draft.body.problems.length);
    const listedCall = all.body.items.find((call) => call.id === published.id);
    assert.equal(listedCall?.status, 'forecast');
    assert.equal(listedCall?.reference, published.reference);
    assert.equal(listedCall?.problemCount, 0);
    const drafts = await send<PageOf<ManagedCall>>('GET', `${path}?state=draft&limit=100`, {
      as: 'regionCallManager',
    });
    assert.ok(drafts.body.items.length > 0 && drafts.body.items.every((call) => call.state === 'draft'));
    // Pages follow one another without a gap or a repeat.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Sent<PageOf<ManagedCall>> = await send(
        'GET',
        `${path}?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        {
          as: 'regionCallManager',
        },
      );
      seen.push(...page.body.items.map((call) => call.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.deepEqual(
      seen,
      all.body.items.map((call) => call.id),
    );
    assert.equal((await send('GET', path, { as: 'ministryCallManager' })).status, 403);
    assert.equal((await send('GET', path, { as: 'regionReviewer' })).status, 403);
    assert.equal(
      (await send('GET', `/v1/organisations/${F.missing.organisation}/calls`, { as: 'admin' })).status,
      404,
    );
  });

  test('are read from an index in their order, with no sort at query time', async () => {
    const db = server.db;
    if (db.dialect === 'postgres') {
      // The planner of a small test database scans the table anyway: check the index itself.
      const index = await db.one<{ indexdef: string }>(
        "SELECT indexdef FROM pg_indexes WHERE indexname = 'call_drafts_by_organisation_changed'",
      );
      assert.match(index?.indexdef ?? '', /\(organisation_id, updated_at DESC, id DESC\)/);
      return;
    }
    // The query of `calls.managed` on a page after the first: most recently changed first, then id.
    const plan = await db.all<{ detail: string }>(
      `EXPLAIN QUERY PLAN SELECT d.id, c.data FROM call_drafts d LEFT JOIN calls c ON c.id = d.id
       WHERE d.organisation_id = ? AND ((d.updated_at, d.id) < (?, ?))
       ORDER BY d.updated_at DESC, d.id DESC LIMIT ?`,
      [F.organisations.regionalCouncil, now().toISOString(), 'call_test_b', 21],
    );
    const details = plan.map((row) => row.detail).join('\n');
    assert.match(details, /call_drafts_by_organisation_changed/);
    assert.doesNotMatch(details, /TEMP B-TREE/);
  });

  test('a seeded call under review shows its applications by stage', async () => {
    const call = await send<Call>('GET', `/v1/calls/${F.calls.underReview}`);
    const organisationId = call.body.funder.organisationId;
    const listed = await send<PageOf<ManagedCall>>(
      'GET',
      `/v1/organisations/${organisationId}/calls?limit=100&state=published`,
      {
        as: 'admin',
      },
    );
    const row = listed.body.items.find((item) => item.id === F.calls.underReview);
    assert.ok(row, 'the seeded call is among its organisation’s calls');
    assert.ok(row.applications.underReview > 0);
    assert.ok(row.reviewers >= 1, 'the demo reviewer is assigned');
  });
});

describe('a call’s audit trail', () => {
  test('is exported as CSV and JSON for the organisation’s admins, with before and after; not for others', async () => {
    const call = await publish(await completeDraft());
    const later = new Date(Date.parse(call.dates.closes?.at ?? '') + 3 * DAY_MS).toISOString();
    const { publishedAt: _published, ...dates } = call.dates;
    const amended = await send('POST', `/v1/calls/${call.id}/amendments`, {
      as: 'regionCallManager',
      json: {
        changes: { dates: { ...dates, closes: { at: later, timeZone: 'Africa/Casablanca' } } },
        summary: reason,
      },
    });
    assert.equal(amended.status, 200);
    const response = await fetch(`${server.url}/v1/calls/${call.id}/audit?format=csv`, {
      headers: { authorization: `Bearer ${tokens.regionAdmin}` },
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
    const lines = (await response.text()).trimEnd().split('\r\n');
    assert.equal(
      lines[0],
      'at,actor_id,organisation_id,action,target_type,target_id,reason,before,after,details,request_id',
    );
    assert.deepEqual(
      lines.slice(1).map((line) => line.split(',')[3]),
      ['call.create', 'call.publish', 'call.amend'],
      'oldest first',
    );
    assert.ok(lines.slice(1).every((line) => line.split(',')[2] === F.organisations.regionalCouncil));
    const json = await send<AuditLogEntry[]>('GET', `/v1/calls/${call.id}/audit?format=json`, {
      as: 'admin',
    });
    assert.equal(json.status, 200);
    const amend = json.body.find((line) => line.action === 'call.amend');
    assert.equal(
      (amend?.details?.before as { dates?: Call['dates'] })?.dates?.closes?.at,
      call.dates.closes?.at,
    );
    assert.equal((amend?.details?.after as { dates?: Call['dates'] })?.dates?.closes?.at, later);
    for (const as of ['ministryAdmin', 'regionCallManager', 'regionReviewer'] as const)
      assert.equal((await send('GET', `/v1/calls/${call.id}/audit`, { as })).status, 403, as);
  });
});
