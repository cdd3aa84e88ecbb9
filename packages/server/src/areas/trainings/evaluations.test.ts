// What the staff read after a session, against a real server: its evaluations summed up without naming
// anyone, and the attendance sheet that knows which registration has its certificate. The seed's past
// sessions and registrations are read at any date; nothing here depends on the hour.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AttendanceSheet, Certificate, Registration, SessionEvaluations } from '@nassij/contract';
import { DEMO_ACCOUNTS, type DemoAccountKey } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';
import { EVALUATIONS_BACKFILL } from './migrations.js';

type Server = Awaited<ReturnType<typeof tempServer>>;
let server: Server;
const PEOPLE = ['trainingManager', 'regionAdmin', 'member', 'representative', 'admin'] as const;
const tokens = {} as Record<(typeof PEOPLE)[number], string>;

async function get<T>(path: string, as?: DemoAccountKey & keyof typeof tokens) {
  const response = await fetch(`${server.url}${path}`, {
    headers: as ? { authorization: `Bearer ${tokens[as]}` } : {},
  });
  const text = await response.text();
  return { status: response.status, text, body: (text ? JSON.parse(text) : undefined) as T };
}

async function post<T>(path: string, as: (typeof PEOPLE)[number], json?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${tokens[as]}`,
      ...(json === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  const text = await response.text();
  return { status: response.status, text, body: (text ? JSON.parse(text) : undefined) as T };
}

/** The evaluations stored for a session, straight from the rows: what the route must sum up. */
async function storedEvaluations(sessionId: string) {
  return (
    await server.db.all<{ data: string }>(
      'SELECT data FROM training_registrations WHERE session_id = ? ORDER BY seq',
      [sessionId],
    )
  )
    .map((row) => (JSON.parse(row.data) as Registration).evaluation)
    .filter((e) => e !== undefined);
}

/** Every comment of a session, page after page of `limit`. */
async function allComments(sessionId: string, limit: number): Promise<SessionEvaluations['comments']> {
  const comments: SessionEvaluations['comments'] = [];
  let cursor: string | null = null;
  do {
    const page: { body: SessionEvaluations } = await get<SessionEvaluations>(
      `/v1/sessions/${sessionId}/evaluations?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      'admin',
    );
    comments.push(...page.body.comments);
    cursor = page.body.nextCursor;
  } while (cursor);
  return comments;
}

/** A past session of `courses.first` (provided by the training manager's organisation) with evaluations. */
async function evaluatedSessionOfFirstCourse(): Promise<string> {
  const rows = await server.db.all<{ id: string; data: string }>(
    `SELECT s.id, r.data FROM training_sessions s JOIN training_registrations r ON r.session_id = s.id
      WHERE s.course_id = ? ORDER BY s.start_at, r.seq`,
    [F.courses.first],
  );
  const found = rows.find((row) => (JSON.parse(row.data) as Registration).evaluation);
  assert.ok(found, 'the seed has an evaluated registration of the first course');
  return found.id;
}

before(async () => {
  server = await tempServer({ rateLimit: false });
  for (const key of PEOPLE)
    tokens[key] = await signInAs(server.url, DEMO_ACCOUNTS[key].email, DEMO_ACCOUNTS[key].password);
});
after(() => server.stop());

describe('a session’s evaluations', () => {
  test('the course’s staff and admins read them; others, anonymous readers and unknown sessions do not', async () => {
    const sessionId = await evaluatedSessionOfFirstCourse();
    const path = `/v1/sessions/${sessionId}/evaluations`;
    const staff = await get<SessionEvaluations>(path, 'trainingManager');
    assert.equal(staff.status, 200, staff.text);
    assert.equal((await get(path, 'admin')).status, 200);
    for (const other of ['regionAdmin', 'member', 'representative'] as const) {
      const refused = await get<{ code: string }>(path, other);
      assert.equal(refused.status, 403, `${other}: ${refused.text}`);
      assert.equal(refused.body.code, 'forbidden');
    }
    assert.equal((await get(path)).status, 401);
    assert.equal((await get(`/v1/sessions/${F.missing.session}/evaluations`, 'trainingManager')).status, 404);
  });

  test('count, average to one decimal, distribution and comments match the stored evaluations', async () => {
    const sessionId = await evaluatedSessionOfFirstCourse();
    const stored = await storedEvaluations(sessionId);
    const { body } = await get<SessionEvaluations>(
      `/v1/sessions/${sessionId}/evaluations`,
      'trainingManager',
    );
    assert.equal(body.sessionId, sessionId);
    assert.equal(body.count, stored.length);
    const sum = stored.reduce((total, e) => total + e.rating, 0);
    assert.equal(body.averageRating, Math.round((sum / stored.length) * 10) / 10);
    assert.equal(
      Object.values(body.distribution).reduce((a, b) => a + b, 0),
      stored.length,
    );
    for (const rating of [1, 2, 3, 4, 5] as const)
      assert.equal(
        body.distribution[String(rating) as keyof SessionEvaluations['distribution']],
        stored.filter((e) => e.rating === rating).length,
      );
    const withComment = stored.filter((e) => e.comment);
    const comments = await allComments(sessionId, 100);
    assert.deepEqual(comments.map((c) => c.comment).sort(), withComment.map((e) => e.comment).sort());
    const times = comments.map((c) => c.submittedAt);
    assert.deepEqual(times, [...times].sort(), 'oldest first');
  });

  test('comments come a page at a time, oldest first, without repeat or gap; the summary counts them all', async () => {
    // The session with the most comments: the seed dates them all at the session's end, so registration
    // order alone separates them, across pages too.
    const most = await server.db.one<{ session_id: string }>(
      `SELECT session_id FROM training_registrations WHERE data LIKE '%"comment"%'
        GROUP BY session_id ORDER BY COUNT(*) DESC, session_id LIMIT 1`,
    );
    assert.ok(most, 'the seed has comments');
    const sessionId = most.session_id;
    const stored = await storedEvaluations(sessionId);
    const expected = stored
      .filter((e) => e.comment)
      // Oldest first; the stored list is in registration order, which breaks ties (a stable sort keeps it).
      .sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0))
      .map((e) => ({ rating: e.rating, comment: e.comment, submittedAt: e.submittedAt }));
    assert.ok(expected.length >= 3, 'the seed gives the session a few comments');
    const pages: SessionEvaluations[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; text: string; body: SessionEvaluations } = await get<SessionEvaluations>(
        `/v1/sessions/${sessionId}/evaluations?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        'admin',
      );
      assert.equal(page.status, 200, page.text);
      assert.ok(page.body.comments.length <= 2);
      pages.push(page.body);
      cursor = page.body.nextCursor;
    } while (cursor && pages.length < 100);
    assert.equal(pages.at(-1)?.nextCursor, null, 'the last page says so');
    assert.equal(pages.length, Math.ceil(expected.length / 2), 'full pages, and no empty one at the end');
    assert.deepEqual(
      pages.flatMap((page) => page.comments),
      expected,
    );
    for (const page of pages) {
      assert.equal(page.count, stored.length, 'every page sums up every evaluation');
      assert.deepEqual(page.distribution, pages[0]?.distribution);
    }
    const damaged = await get<{ code: string }>(
      `/v1/sessions/${sessionId}/evaluations?cursor=not-a-cursor`,
      'admin',
    );
    assert.equal(damaged.status, 422, damaged.text);
  });

  test('the migration copies the evaluations written before it from the registrations into their columns', async () => {
    const most = await server.db.one<{ session_id: string }>(
      `SELECT session_id FROM training_registrations WHERE data LIKE '%"comment"%'
        GROUP BY session_id ORDER BY COUNT(*) DESC, session_id LIMIT 1`,
    );
    assert.ok(most, 'the seed has comments');
    const path = `/v1/sessions/${most.session_id}/evaluations?limit=100`;
    const read = async () => (await get<SessionEvaluations>(path, 'admin')).body;
    const before = await read();
    assert.ok(before.count > 0 && before.comments.length > 0);
    // As a database from before the columns: the evaluations are in `data` only, and the route reads none.
    await server.db.write(
      `UPDATE training_registrations SET evaluation_rating = NULL, evaluated_at = NULL, evaluation_comment = NULL
        WHERE session_id = ?`,
      [most.session_id],
    );
    assert.equal((await read()).count, 0);
    await server.db.script(EVALUATIONS_BACKFILL[server.db.dialect]);
    assert.deepEqual(await read(), before);
  });

  test('a new evaluation is counted, its comment shown without its author; a session without any says so', async () => {
    const registration = (
      await get<Registration>(`/v1/registrations/${F.registrations.attendedOfRepresented}`, 'member')
    ).body;
    const path = `/v1/sessions/${registration.sessionId}/evaluations`;
    const before = (await get<SessionEvaluations>(path, 'admin')).body;
    const comment = 'Des cas pratiques utiles — ⵜⴰⵏⵎⵎⵉⵔⵜ';
    const evaluated = await post(`/v1/registrations/${registration.id}/evaluation`, 'member', {
      rating: 2,
      comment,
    });
    assert.equal(evaluated.status, 200, evaluated.text);
    const after = await get<SessionEvaluations>(path, 'admin');
    assert.equal(after.body.count, before.count + 1);
    assert.equal(after.body.distribution['2'], before.distribution['2'] + 1);
    const mine = (await allComments(registration.sessionId, 100)).filter((c) => c.comment === comment);
    assert.equal(mine.length, 1);
    assert.deepEqual(Object.keys(mine[0] ?? {}).sort(), ['comment', 'rating', 'submittedAt']);
    for (const secret of [
      DEMO_ACCOUNTS.member.displayName,
      DEMO_ACCOUNTS.member.email,
      F.accounts.member,
      registration.id,
      registration.participant.name,
    ])
      assert.ok(!after.text.includes(secret), `nothing names the participant (${secret})`);

    // The open session nobody has attended yet: no average, every rating at zero.
    const none = await get<SessionEvaluations>(
      `/v1/sessions/${F.sessions.openWithSeats}/evaluations`,
      'trainingManager',
    );
    assert.equal(none.status, 200, none.text);
    assert.deepEqual(none.body, {
      sessionId: F.sessions.openWithSeats,
      count: 0,
      distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
      comments: [],
      nextCursor: null,
    });
  });
});

describe('the attendance sheet and certificates', () => {
  test('a line carries the id of the certificate issued for it, after a reload; the others none', async () => {
    const registration = (
      await get<Registration>(`/v1/registrations/${F.registrations.completedOfMember}`, 'member')
    ).body;
    const sheetPath = `/v1/sessions/${registration.sessionId}/attendance`;
    const line = (sheet: AttendanceSheet) => sheet.lines.find((l) => l.registrationId === registration.id);
    const before = (await get<AttendanceSheet>(sheetPath, 'admin')).body;
    assert.ok(line(before), 'the completed registration holds a line');
    assert.equal(line(before)?.certificateId, undefined, 'no certificate yet');

    const issued = await post<Certificate>(`/v1/registrations/${registration.id}/certificate`, 'member');
    assert.equal(issued.status, 201, issued.text);
    const after = await get<AttendanceSheet>(sheetPath, 'admin');
    assert.equal(after.status, 200, after.text);
    assert.equal(line(after.body)?.certificateId, issued.body.id);
    const issuedFor = new Set(
      (
        await server.db.all<{ registration_id: string }>(
          'SELECT registration_id FROM certificates WHERE session_id = ?',
          [registration.sessionId],
        )
      ).map((row) => row.registration_id),
    );
    assert.ok(
      after.body.lines.every((l) => (l.certificateId !== undefined) === issuedFor.has(l.registrationId)),
      'a line has a certificate id exactly when one was issued for it',
    );
  });
});
