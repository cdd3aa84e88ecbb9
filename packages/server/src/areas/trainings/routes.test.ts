import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { encodeCursor } from '../../http/cursor.js';
import { DEMO_ACCOUNTS } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';
import { addMembers } from './fixtures.js';

type Server = Awaited<ReturnType<typeof tempServer>>;
interface SessionBody {
  id: string;
  seatsLeft: number;
  waitlistCount: number;
  registrationState: string;
  period: { start: string; end: string };
}
interface RegistrationBody {
  id: string;
  status: string;
  waitlistPosition?: number;
  history: { status: string; reason?: string }[];
  evaluation?: unknown;
  associationId: string;
}

let server: Server;
let member: string;
let representative: string;
let admin: string;

async function call(method: string, path: string, token?: string, body?: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function json<T>(response: Response, status: number): Promise<T> {
  const body = (await response.json()) as T;
  assert.equal(response.status, status, JSON.stringify(body));
  return body;
}

function register(
  token: string,
  sessionId: string,
  associationId: string,
  accountId: string,
): Promise<Response> {
  return call('POST', '/v1/registrations', token, {
    sessionId,
    associationId,
    participant: { accountId },
    consent: true,
  });
}

async function openSessions(): Promise<SessionBody[]> {
  const page = await json<{ items: SessionBody[] }>(
    await call('GET', '/v1/sessions?state=open&limit=100'),
    200,
  );
  return page.items;
}

/** Every item of a list, following `nextCursor` page by page; asserts no page is over `limit`. */
async function walk<T>(path: string, limit: number, token?: string): Promise<{ items: T[]; total: number }> {
  const items: T[] = [];
  let cursor: string | null = null;
  let total = -1;
  do {
    const page: { items: T[]; nextCursor: string | null; total: number } = await json(
      await call(
        'GET',
        `${path}${path.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
        token,
      ),
      200,
    );
    assert.ok(page.items.length <= limit);
    assert.ok(page.nextCursor === null || page.items.length === limit, 'a cursor only after a full page');
    items.push(...page.items);
    total = page.total;
    cursor = page.nextCursor;
  } while (cursor);
  return { items, total };
}

before(async () => {
  server = await tempServer({ rateLimit: false });
  member = await signInAs(server.url, DEMO_ACCOUNTS.member.email, DEMO_ACCOUNTS.member.password);
  representative = await signInAs(
    server.url,
    DEMO_ACCOUNTS.representative.email,
    DEMO_ACCOUNTS.representative.password,
  );
  admin = await signInAs(server.url, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
});
after(async () => {
  await server.stop();
});

describe('courses', () => {
  test('search returns at least 30 courses with facets and up to three next sessions', async () => {
    const page = await json<{
      items: { id: string; nextSessions?: unknown[] }[];
      total: number;
      facets: Record<string, { value: string; count: number }[]>;
    }>(await call('GET', '/v1/courses?limit=100'), 200);
    assert.ok(page.total >= 30);
    assert.equal(page.facets.competency?.length, 10);
    assert.deepEqual(
      page.facets.level?.map((f) => f.value),
      ['1', '2', '3'],
    );
    assert.equal(page.facets.region?.length, 12);
    assert.ok((page.facets.modality?.length ?? 0) >= 2);
    assert.ok(page.facets.language?.some((f) => f.value === 'zgh'));
    assert.ok(page.items.every((c) => (c.nextSessions?.length ?? 0) <= 3));
    assert.ok(page.items.some((c) => (c.nextSessions?.length ?? 0) > 0));
  });

  test('each course order pages by keyset through every course once, in the order the database gives', async () => {
    const orders = {
      title: 'SELECT id FROM courses ORDER BY title_sort, id',
      newest: 'SELECT id FROM courses ORDER BY created_at DESC, id DESC',
    };
    for (const [sort, sql] of Object.entries(orders)) {
      const expected = (await server.db.all<{ id: string }>(sql)).map((row) => row.id);
      const { items, total } = await walk<{ id: string }>(`/v1/courses?sort=${sort}`, 7);
      assert.deepEqual(
        items.map((c) => c.id),
        expected,
        sort,
      );
      assert.equal(total, expected.length);
    }
    // Next session first: the courses with an upcoming session by its start, then the others, each once.
    const { items, total } = await walk<{ id: string; nextSessions?: { period: { start: string } }[] }>(
      '/v1/courses?sort=next_session',
      6,
    );
    assert.equal(new Set(items.map((c) => c.id)).size, total);
    const firsts = items.map((c) => c.nextSessions?.[0]?.period.start ?? '~');
    assert.deepEqual(firsts, [...firsts].sort());
    // A cursor of one order is refused by another, and an offset cursor of old by all.
    const page = await json<{ nextCursor: string }>(await call('GET', '/v1/courses?sort=title&limit=5'), 200);
    assert.equal((await call('GET', `/v1/courses?sort=newest&cursor=${page.nextCursor}`)).status, 422);
    assert.equal((await call('GET', `/v1/courses?cursor=${encodeCursor({ offset: 5 })}`)).status, 422);
  });

  test('the region facet counts what the region filter keeps', async () => {
    const page = await json<{ facets: Record<string, { value: string; count: number }[]> }>(
      await call('GET', '/v1/courses?limit=1'),
      200,
    );
    for (const { value, count } of page.facets.region ?? []) {
      const filtered = await json<{ total: number }>(
        await call('GET', `/v1/courses?region=${value}&limit=1`),
        200,
      );
      assert.equal(count, filtered.total, value);
    }
  });

  test('filters by competency and level; the competency facet ignores its own filter', async () => {
    const page = await json<{
      items: { competencies: { code: string; level: number }[] }[];
      total: number;
      facets: Record<string, { value: string; count: number }[]>;
    }>(await call('GET', '/v1/courses?competency=advocacy&level=2'), 200);
    assert.ok(page.total >= 1);
    for (const course of page.items) {
      assert.ok(course.competencies.some((c) => c.code === 'advocacy'));
      assert.ok(course.competencies.some((c) => c.level === 2));
    }
    assert.ok((page.facets.competency?.length ?? 0) > 1);
  });

  test('free text finds courses in Arabic and French, and free=true keeps free ones', async () => {
    const ar = await json<{ total: number }>(
      await call('GET', `/v1/courses?q=${encodeURIComponent('الحكامة')}`),
      200,
    );
    assert.ok(ar.total >= 3);
    const fr = await json<{ total: number }>(await call('GET', '/v1/courses?q=gestion%20financiere'), 200);
    assert.ok(fr.total >= 1);
    const free = await json<{ items: { cost: { free: boolean } }[] }>(
      await call('GET', '/v1/courses?free=true&limit=100'),
      200,
    );
    assert.ok(free.items.length > 0 && free.items.every((c) => c.cost.free));
  });

  test('get returns a course with its upcoming sessions; unknown is 404; bad query is 422', async () => {
    const course = await json<{ sessions: SessionBody[]; upcomingSessionCount: number }>(
      await call('GET', `/v1/courses/${F.courses.first}`),
      200,
    );
    // The seed gives the course past sessions too: only those not started yet are embedded, soonest first.
    const all = await walk<SessionBody>(`/v1/sessions?courseId=${F.courses.first}`, 100);
    const now = Date.now();
    const upcoming = all.items.filter((s) => Date.parse(s.period.start) > now).map((s) => s.id);
    assert.ok(upcoming.length > 0 && upcoming.length < all.items.length, 'past and upcoming sessions');
    assert.deepEqual(
      course.sessions.map((s) => s.id),
      upcoming,
    );
    assert.equal(course.upcomingSessionCount, upcoming.length);
    assert.equal((await call('GET', `/v1/courses/${F.missing.course}`)).status, 404);
    assert.equal((await call('GET', '/v1/courses?level=7')).status, 422);
    assert.equal(
      (await call('GET', '/v1/courses?from=2026-05-01T00:00:00Z&to=2026-01-01T00:00:00Z')).status,
      422,
    );
  });

  test('the region filter keeps courses with an upcoming session there and shows only those sessions', async () => {
    type Found = {
      id: string;
      nextSessions?: { period: { start: string }; location: { kind: string; region?: string } }[];
    };
    for (const region of ['MA-09', 'MA-02']) {
      const page = await json<{ items: Found[]; total: number }>(
        await call('GET', `/v1/courses?region=${region}&limit=100`),
        200,
      );
      assert.ok(page.total > 0, region);
      const sessions = page.items.flatMap((c) => c.nextSessions ?? []);
      assert.ok(
        page.items.every((c) => (c.nextSessions?.length ?? 0) > 0),
        'no course without a session there',
      );
      assert.ok(sessions.every((s) => s.location.kind === 'on_site' && s.location.region === region));
    }
    // The dates narrow the sessions shown the same way.
    const from = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    const later = await json<{ items: Found[] }>(
      await call('GET', `/v1/courses?from=${from}&limit=100`),
      200,
    );
    const starts = later.items.flatMap((c) => c.nextSessions ?? []).map((s) => s.period.start);
    assert.ok(starts.length > 0 && starts.every((start) => start >= from));
  });

  test('sessions page by keyset in start order, every session once', async () => {
    const expected = (
      await server.db.all<{ id: string }>(
        "SELECT id FROM training_sessions WHERE region = 'MA-09' ORDER BY start_at, id",
      )
    ).map((row) => row.id);
    const { items, total } = await walk<{ id: string }>('/v1/sessions?region=MA-09', 4);
    assert.ok(expected.length > 4);
    assert.deepEqual(
      items.map((s) => s.id),
      expected,
    );
    assert.equal(total, expected.length);
    assert.equal((await call('GET', `/v1/sessions?cursor=${encodeCursor({ offset: 4 })}`)).status, 422);
  });

  test('sessions search filters by region and state; get reads one', async () => {
    const page = await json<{ items: { location: { region?: string } }[]; total: number }>(
      await call('GET', '/v1/sessions?region=MA-09&limit=100'),
      200,
    );
    assert.ok(page.total > 0 && page.items.every((s) => s.location.region === 'MA-09'));
    const open = await openSessions();
    assert.ok(open.length > 0 && open.every((s) => s.registrationState === 'open'));
    const first = open[0];
    assert.ok(first);
    assert.equal(
      (await json<{ id: string }>(await call('GET', `/v1/sessions/${first.id}`), 200)).id,
      first.id,
    );
    assert.equal((await call('GET', `/v1/sessions/${F.missing.session}`)).status, 404);
  });
});

describe('registrations', () => {
  test('register → confirmed; the same participant twice, even for another association → 409 already_registered', async () => {
    const session = await json<SessionBody>(
      await call('GET', `/v1/sessions/${F.sessions.openWithSeats}`),
      200,
    );
    const created = await json<RegistrationBody>(
      await register(member, session.id, F.associations.represented, F.accounts.member),
      201,
    );
    assert.equal(created.status, 'confirmed');
    const after = await json<SessionBody>(await call('GET', `/v1/sessions/${session.id}`), 200);
    assert.equal(after.seatsLeft, session.seatsLeft - 1);
    const twice = await json<{ code: string }>(
      await register(member, session.id, F.associations.memberOnly, F.accounts.member),
      409,
    );
    assert.equal(twice.code, 'already_registered');
  });

  test('the typed name of old is refused, naming /participant/accountId; a non-member account is 422', async () => {
    const session = (await openSessions())[0];
    assert.ok(session);
    const typed = await json<{ code: string; errors: { path: string; code: string }[] }>(
      await call('POST', '/v1/registrations', representative, {
        sessionId: session.id,
        associationId: F.associations.represented,
        participant: { name: 'Amina Test', email: 'amina@example.ma' },
        consent: true,
      }),
      422,
    );
    assert.equal(typed.code, 'validation_failed');
    assert.ok(
      typed.errors.some((e) => e.path === '/participant/accountId' && e.code === 'required'),
      JSON.stringify(typed.errors),
    );
    // The citizen is nobody's member: the representative cannot name them.
    const outsider = await json<{ code: string; errors: { path: string }[] }>(
      await register(representative, session.id, F.associations.represented, F.accounts.citizen),
      422,
    );
    assert.equal(outsider.code, 'participant_not_member');
    assert.deepEqual(
      outsider.errors.map((e) => e.path),
      ['/participant/accountId'],
    );
  });

  test('a member of another association cannot register for it (403); no consent is 422', async () => {
    const session = (await openSessions())[0];
    assert.ok(session);
    assert.equal(
      (await register(representative, session.id, F.associations.memberOnly, F.accounts.member)).status,
      403,
    );
    const noConsent = await call('POST', '/v1/registrations', member, {
      sessionId: session.id,
      associationId: F.associations.represented,
      participant: { accountId: F.accounts.member },
    });
    assert.equal(noConsent.status, 422);
    assert.equal(
      (await register(member, F.missing.session, F.associations.represented, F.accounts.member)).status,
      404,
    );
  });

  test('a closed session refuses registration with 409 invalid_state', async () => {
    const closed = await json<{ items: SessionBody[] }>(
      await call('GET', '/v1/sessions?state=closed&limit=1'),
      200,
    );
    const session = closed.items[0];
    assert.ok(session);
    const refused = await json<{ code: string }>(
      await register(member, session.id, F.associations.represented, F.accounts.member),
      409,
    );
    assert.equal(refused.code, 'invalid_state');
  });

  test('filling a session waitlists the next; cancelling promotes it; others may not read or cancel', async () => {
    const session = (await openSessions()).sort((a, b) => a.seatsLeft - b.seatsLeft)[0];
    assert.ok(session);
    // A seat per member: the members of the demo member's second association, and its representative
    // (the demo representative is not of it) who registers them.
    const [head] = await addMembers(server.db, F.associations.memberOnly, 1, { role: 'representative' });
    assert.ok(head);
    const headToken = await signInAs(server.url, head.email, head.password);
    const people = await addMembers(server.db, F.associations.memberOnly, session.seatsLeft + 1);
    const confirmed: RegistrationBody[] = [];
    for (const person of people.slice(0, session.seatsLeft)) {
      confirmed.push(
        await json<RegistrationBody>(
          await register(headToken, session.id, F.associations.memberOnly, person.id),
          201,
        ),
      );
    }
    assert.ok(confirmed.every((r) => r.status === 'confirmed'));
    const full = await json<SessionBody>(await call('GET', `/v1/sessions/${session.id}`), 200);
    assert.equal(full.seatsLeft, 0);
    assert.equal(full.registrationState, 'waitlist');
    const waiting = await json<RegistrationBody>(
      await register(headToken, session.id, F.associations.memberOnly, (people.at(-1) as { id: string }).id),
      201,
    );
    assert.equal(waiting.status, 'waitlisted');
    assert.equal(waiting.waitlistPosition, full.waitlistCount + 1);

    const mine = confirmed[0];
    assert.ok(mine);
    // The representative belongs to the represented association only.
    assert.equal((await call('GET', `/v1/registrations/${mine.id}`, representative)).status, 403);
    assert.equal((await call('POST', `/v1/registrations/${mine.id}/cancel`, representative, {})).status, 403);
    assert.equal((await call('GET', `/v1/registrations/${mine.id}`, admin)).status, 200);

    const cancelled = await json<RegistrationBody>(
      await call('POST', `/v1/registrations/${mine.id}/cancel`, member, { reason: 'Empêchement' }),
      200,
    );
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(cancelled.history.at(-1)?.status, 'cancelled');
    assert.match(cancelled.history.at(-1)?.reason ?? '', /Empêchement/);
    // The session was open (seats left), so nobody was in line before ours.
    assert.equal(full.waitlistCount, 0);
    const promoted = await json<RegistrationBody>(
      await call('GET', `/v1/registrations/${waiting.id}`, member),
      200,
    );
    assert.equal(promoted.status, 'confirmed');
    assert.equal(promoted.history.at(-1)?.status, 'confirmed');
    assert.equal(promoted.waitlistPosition, undefined);
    const again = await json<{ code: string }>(
      await call('POST', `/v1/registrations/${mine.id}/cancel`, member, {}),
      409,
    );
    assert.equal(again.code, 'invalid_state');
  });

  test('registrations page by keyset, newest first, every one once', async () => {
    const expected = (
      await server.db.all<{ id: string }>(
        'SELECT id FROM training_registrations WHERE association_id = ? ORDER BY created_at DESC, seq DESC',
        [F.associations.represented],
      )
    ).map((row) => row.id);
    assert.ok(expected.length > 2);
    const { items, total } = await walk<RegistrationBody>('/v1/registrations', 2, representative);
    assert.deepEqual(
      items.map((r) => r.id),
      expected,
    );
    assert.equal(total, expected.length);
  });

  test('list returns the registrations of my associations only, and refuses another association', async () => {
    const page = await json<{ items: RegistrationBody[]; total: number }>(
      await call('GET', '/v1/registrations?limit=100', representative),
      200,
    );
    assert.ok(page.total > 0 && page.items.every((r) => r.associationId === F.associations.represented));
    assert.equal(
      (await call('GET', `/v1/registrations?associationId=${F.associations.memberOnly}`, representative))
        .status,
      403,
    );
    assert.equal((await call('GET', '/v1/registrations')).status, 401);
  });

  test('evaluation: refused before the end, accepted once after attending, refused twice', async () => {
    const upcoming = await json<{ items: RegistrationBody[] }>(
      await call(
        'GET',
        `/v1/registrations?associationId=${F.associations.represented}&status=confirmed&limit=100`,
        member,
      ),
      200,
    );
    const early = upcoming.items[0];
    assert.ok(early);
    const tooEarly = await json<{ code: string }>(
      await call('POST', `/v1/registrations/${early.id}/evaluation`, member, { rating: 4 }),
      409,
    );
    assert.equal(tooEarly.code, 'invalid_state');

    const attended = await json<{ items: RegistrationBody[] }>(
      await call(
        'GET',
        `/v1/registrations?associationId=${F.associations.represented}&status=completed&status=attended&limit=100`,
        member,
      ),
      200,
    );
    const target = attended.items.find((r) => r.evaluation === undefined);
    assert.ok(target);
    assert.equal(
      (await call('POST', `/v1/registrations/${target.id}/evaluation`, member, { rating: 9 })).status,
      422,
    );
    const evaluated = await json<{ evaluation: { rating: number } }>(
      await call('POST', `/v1/registrations/${target.id}/evaluation`, member, { rating: 5, comment: 'مفيد' }),
      200,
    );
    assert.equal(evaluated.evaluation.rating, 5);
    const twice = await json<{ code: string }>(
      await call('POST', `/v1/registrations/${target.id}/evaluation`, member, { rating: 3 }),
      409,
    );
    assert.equal(twice.code, 'already_exists');
  });

  test('attendance requires an admin and issues the credential on completion', async () => {
    const past = await json<{ items: RegistrationBody[] }>(
      await call(
        'GET',
        `/v1/registrations?associationId=${F.associations.represented}&status=attended&status=completed&status=no_show&limit=100`,
        member,
      ),
      200,
    );
    const target = past.items[0];
    assert.ok(target);
    const body = { attendedHours: 6, status: 'completed' };
    assert.equal((await call('POST', `/v1/registrations/${target.id}/attendance`, member, body)).status, 403);
    const recorded = await json<{ status: string; attendance: { attendedHours: number } }>(
      await call('POST', `/v1/registrations/${target.id}/attendance`, admin, body),
      200,
    );
    assert.equal(recorded.status, 'completed');
    assert.equal(recorded.attendance.attendedHours, 6);
    const noShow = await call('POST', `/v1/registrations/${target.id}/attendance`, admin, {
      attendedHours: 3,
      status: 'no_show',
    });
    assert.equal(noShow.status, 422);
  });
});
