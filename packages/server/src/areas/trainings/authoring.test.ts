// A training programme end to end, against a real server: a course drafted (never public), published, a
// session scheduled, members registering by account (a non-member refused), the waitlist, the capacity, the
// attendance marked per participant per day and the statuses it gives once the session has ended. The
// server's clock is moved forward (never back) to see the session end, so the tests hold at any hour.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_ACCOUNTS } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

const DAY = 86_400_000;
let server: Server;
/** How far the server's clock runs ahead of the real one. */
let ahead = 0;
const SIGNED_IN = ['trainingManager', 'regionAdmin', 'member', 'representative', 'citizen', 'admin'] as const;
const tokens: Record<(typeof SIGNED_IN)[number], string> = {
  trainingManager: '',
  regionAdmin: '',
  member: '',
  representative: '',
  citizen: '',
  admin: '',
};

interface ManagedCourseBody {
  course: { id: string; title: { ar?: string; fr?: string }; durationHours: number };
  state: string;
  organisationId: string;
  sessions: { total: number; upcoming: number };
}
interface ManagedSessionBody {
  session: { id: string; capacity: number; seatsLeft: number; waitlistCount: number; status: string };
  joinUrl?: string;
  counts: { confirmed: number; waitlisted: number; attended: number };
}
interface RegistrationBody {
  id: string;
  status: string;
  waitlistPosition?: number;
  participant: { name: string; accountId?: string; email?: string };
  history: { status: string; reason?: string }[];
}
interface ProblemBody {
  code: string;
  errors?: { path: string; code: string }[];
}
interface SheetBody {
  days: string[];
  ended: boolean;
  lines: {
    registrationId: string;
    status: string;
    participant: { name: string };
    days: { day: string; present: boolean }[];
  }[];
}

async function call(
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function json<T>(response: Response, status: number): Promise<T> {
  const body = (await response.json()) as T;
  assert.equal(response.status, status, JSON.stringify(body));
  return body;
}

async function signInAll(): Promise<void> {
  for (const key of [
    'trainingManager',
    'regionAdmin',
    'member',
    'representative',
    'citizen',
    'admin',
  ] as const) {
    const account = DEMO_ACCOUNTS[key];
    tokens[key] = await signInAs(server.url, account.email, account.password);
  }
}

/** The server's "now". */
function serverNow(): Date {
  return new Date(Date.now() + ahead);
}

/** An instant `days` days from the server's now, at `hour` UTC. */
function dayAt(days: number, hour: number): string {
  const date = new Date(serverNow().getTime() + days * DAY);
  date.setUTCHours(hour, 0, 0, 0);
  return `${date.toISOString().slice(0, 19)}Z`;
}

const COURSE = {
  title: { ar: 'تدبير المتطوعين - دورة تجريبية', fr: 'Gestion des bénévoles - session pilote' },
  description: { ar: 'تكوين عملي في تدبير المتطوعين', fr: 'Formation pratique à la gestion des bénévoles' },
  objectives: [{ ar: 'إعداد خطة للتطوع', fr: 'Établir un plan de bénévolat' }],
  targetAudience: { ar: 'منسقو الجمعيات', fr: 'Coordinateurs associatifs' },
  competencies: [{ code: 'volunteer-management', level: 1 }],
  languages: ['ar', 'fr'],
  durationHours: 12,
  modality: 'online',
  cost: { free: true },
  credential: 'attestation',
};

function sessionBody(capacity: number, startInDays: number) {
  return {
    period: { start: dayAt(startInDays, 8), end: dayAt(startInDays + 1, 16) },
    place: { kind: 'online', joinUrl: 'https://meet.example.ma/nassij-pilot', platform: 'BigBlueButton' },
    capacity,
    registrationWindow: { opens: dayAt(-1, 8), closes: dayAt(startInDays - 1, 20) },
    trainers: [{ name: 'Khadija Ait Lahcen' }],
    language: 'ar',
  };
}

function register(token: string, sessionId: string, associationId: string, accountId: string) {
  return call('POST', '/v1/registrations', token, {
    sessionId,
    associationId,
    participant: { accountId },
    consent: true,
  });
}

before(async () => {
  server = await tempServer({ rateLimit: false, clock: () => serverNow() });
  await signInAll();
});
after(async () => {
  await server.stop();
});

describe('a training programme, from the draft course to completion', () => {
  let courseId = '';
  let etag = '';
  let sessionId = '';
  let memberRegistration = '';
  let representativeRegistration = '';

  test('a draft course: unknown competency and missing French refused, never public, listed for its staff', async () => {
    const provider = `/v1/organisations/${F.organisations.trainingProvider}/courses`;
    const unknown = await json<ProblemBody>(
      await call('POST', provider, tokens.trainingManager, {
        ...COURSE,
        competencies: [
          { code: 'volunteer-management', level: 1 },
          { code: 'juggling', level: 2 },
        ],
      }),
      422,
    );
    assert.equal(unknown.code, 'validation_failed');
    assert.deepEqual(
      unknown.errors?.map((e) => e.path),
      ['/competencies/1/code'],
    );
    const noFrench = await json<ProblemBody>(
      await call('POST', provider, tokens.trainingManager, { ...COURSE, title: { ar: 'عنوان' } }),
      422,
    );
    assert.ok(noFrench.errors?.some((e) => e.path === '/title/fr'));

    const created = await call('POST', provider, tokens.trainingManager, COURSE);
    const draft = await json<ManagedCourseBody>(created, 201);
    assert.equal(draft.state, 'draft');
    assert.equal(draft.organisationId, F.organisations.trainingProvider);
    courseId = draft.course.id;
    etag = created.headers.get('etag') ?? '';
    assert.ok(etag);

    assert.equal((await call('GET', `/v1/courses/${courseId}`)).status, 404);
    const search = await json<{ items: { id: string }[] }>(
      await call('GET', `/v1/courses?q=${encodeURIComponent('session pilote')}&limit=100`),
      200,
    );
    assert.ok(!search.items.some((c) => c.id === courseId), 'a draft is not in the catalogue');
    const drafts = await json<{ items: ManagedCourseBody[] }>(
      await call('GET', `${provider}?state=draft`, tokens.trainingManager),
      200,
    );
    assert.deepEqual(
      drafts.items.map((c) => c.course.id),
      [courseId],
    );
  });

  test('staff of another organisation, and members, are refused (403)', async () => {
    const provider = `/v1/organisations/${F.organisations.trainingProvider}/courses`;
    assert.equal((await call('POST', provider, tokens.regionAdmin, COURSE)).status, 403);
    assert.equal((await call('GET', provider, tokens.regionAdmin)).status, 403);
    assert.equal((await call('GET', `/v1/courses/${courseId}/draft`, tokens.regionAdmin)).status, 403);
    assert.equal((await call('POST', `/v1/courses/${courseId}/publish`, tokens.regionAdmin)).status, 403);
    assert.equal((await call('GET', `/v1/courses/${courseId}/draft`, tokens.member)).status, 403);
    // Its own organisation's admin may: the regional council's admin creates a course of the council.
    assert.equal(
      (
        await call(
          'POST',
          `/v1/organisations/${F.organisations.regionalCouncil}/courses`,
          tokens.regionAdmin,
          COURSE,
        )
      ).status,
      201,
    );
  });

  test('an update needs the current ETag; a session waits for publication', async () => {
    const path = `/v1/courses/${courseId}`;
    assert.equal((await call('PATCH', path, tokens.trainingManager, { durationHours: 14 })).status, 428);
    const stale = await call(
      'PATCH',
      path,
      tokens.trainingManager,
      { durationHours: 14 },
      { 'if-match': '"stale"' },
    );
    assert.equal(stale.status, 412);
    const updated = await call(
      'PATCH',
      path,
      tokens.trainingManager,
      { durationHours: 14 },
      { 'if-match': etag },
    );
    assert.equal((await json<ManagedCourseBody>(updated, 200)).course.durationHours, 14);
    assert.notEqual(updated.headers.get('etag'), etag);
    const early = await json<ProblemBody>(
      await call('POST', `${path}/sessions`, tokens.trainingManager, sessionBody(1, 10)),
      409,
    );
    assert.equal(early.code, 'invalid_state');

    const published = await json<ManagedCourseBody>(
      await call('POST', `${path}/publish`, tokens.trainingManager),
      200,
    );
    assert.equal(published.state, 'published');
    const pub = await json<{ id: string; durationHours: number }>(await call('GET', path), 200);
    assert.equal(pub.durationHours, 14);
    assert.equal((await call('POST', `${path}/publish`, tokens.trainingManager)).status, 409);
  });

  test('a session: a join link other than http(s) refused, the link never public', async () => {
    const path = `/v1/courses/${courseId}/sessions`;
    const bad = sessionBody(1, 10);
    const refused = await json<ProblemBody>(
      await call('POST', path, tokens.trainingManager, {
        ...bad,
        place: { ...bad.place, joinUrl: 'javascript:alert(1)' },
      }),
      422,
    );
    assert.ok(refused.errors?.some((e) => e.path === '/place/joinUrl'));
    const past = sessionBody(1, -3);
    assert.equal(
      (
        await call('POST', path, tokens.trainingManager, {
          ...past,
          registrationWindow: { opens: dayAt(-9, 8), closes: dayAt(-4, 8) },
        })
      ).status,
      422,
    );
    const created = await json<ManagedSessionBody>(
      await call('POST', path, tokens.trainingManager, sessionBody(1, 10)),
      201,
    );
    sessionId = created.session.id;
    assert.equal(created.joinUrl, 'https://meet.example.ma/nassij-pilot');
    const publicText = await (await call('GET', `/v1/sessions/${sessionId}`)).text();
    assert.ok(!publicText.includes('meet.example.ma'), publicText);
  });

  test('members register by account; a non-member is refused; the full session waitlists', async () => {
    // A member registering themself for an association they do not belong to, and a representative
    // registering an account that is not a member: both name a non-member.
    const refused = await json<ProblemBody>(
      await register(tokens.member, sessionId, F.associations.unaffiliated, DEMO_ACCOUNTS.member.id),
      422,
    );
    assert.equal(refused.code, 'participant_not_member');
    const notMember = await json<ProblemBody>(
      await register(tokens.representative, sessionId, F.associations.represented, DEMO_ACCOUNTS.citizen.id),
      422,
    );
    assert.equal(notMember.code, 'participant_not_member');
    assert.deepEqual(
      notMember.errors?.map((e) => e.path),
      ['/participant/accountId'],
    );
    // Registering is for associations' members: a citizen's own account is refused by role.
    assert.equal(
      (await register(tokens.citizen, sessionId, F.associations.represented, DEMO_ACCOUNTS.citizen.id))
        .status,
      403,
    );
    // A member registers themself only: registering another member is the representative's.
    assert.equal(
      (await register(tokens.member, sessionId, F.associations.represented, DEMO_ACCOUNTS.representative.id))
        .status,
      403,
    );

    const mine = await json<RegistrationBody>(
      await register(tokens.member, sessionId, F.associations.represented, DEMO_ACCOUNTS.member.id),
      201,
    );
    assert.equal(mine.status, 'confirmed');
    assert.equal(mine.participant.name, DEMO_ACCOUNTS.member.displayName);
    assert.equal(mine.participant.accountId, DEMO_ACCOUNTS.member.id);
    assert.equal(mine.participant.email, undefined);
    memberRegistration = mine.id;
    // The same person once a session, whichever association sends them.
    const twice = await json<ProblemBody>(
      await register(tokens.member, sessionId, F.associations.memberOnly, DEMO_ACCOUNTS.member.id),
      409,
    );
    assert.equal(twice.code, 'already_registered');

    const waiting = await json<RegistrationBody>(
      await register(
        tokens.representative,
        sessionId,
        F.associations.represented,
        DEMO_ACCOUNTS.representative.id,
      ),
      201,
    );
    assert.equal(waiting.status, 'waitlisted');
    assert.equal(waiting.waitlistPosition, 1);
    representativeRegistration = waiting.id;

    const own = await json<{ items: RegistrationBody[] }>(
      await call('GET', '/v1/me/registrations?limit=100', tokens.member),
      200,
    );
    assert.ok(own.items.some((r) => r.id === memberRegistration));
    assert.ok(!own.items.some((r) => r.id === representativeRegistration));
    assert.ok(own.items.every((r) => r.participant.accountId === DEMO_ACCOUNTS.member.id));
    assert.equal((await call('GET', '/v1/me/registrations')).status, 401);
  });

  test('more seats confirm the waitlist; a capacity below the confirmed is refused', async () => {
    const listed = await call('GET', `/v1/courses/${courseId}/sessions`, tokens.trainingManager);
    const page = await json<{ items: ManagedSessionBody[] }>(listed, 200);
    assert.deepEqual(page.items[0]?.counts, { confirmed: 1, waitlisted: 1, attended: 0 });
    const first = await call(
      'PATCH',
      `/v1/sessions/${sessionId}`,
      tokens.trainingManager,
      { capacity: 1 },
      {
        'if-match': '"stale"',
      },
    );
    assert.equal(first.status, 412);
    // The stale write answers with the current ETag; the staff's read of the session carries the same.
    const tag = first.headers.get('etag') ?? '';
    const read = await call('GET', `/v1/sessions/${sessionId}/managed`, tokens.trainingManager);
    assert.equal((await json<ManagedSessionBody>(read, 200)).joinUrl, 'https://meet.example.ma/nassij-pilot');
    assert.equal(read.headers.get('etag'), tag);
    assert.equal((await call('GET', `/v1/sessions/${sessionId}/managed`, tokens.regionAdmin)).status, 403);
    const grown = await call(
      'PATCH',
      `/v1/sessions/${sessionId}`,
      tokens.trainingManager,
      { capacity: 2 },
      {
        'if-match': tag,
      },
    );
    const session = await json<ManagedSessionBody>(grown, 200);
    assert.deepEqual(session.counts, { confirmed: 2, waitlisted: 0, attended: 0 });
    assert.equal(session.session.seatsLeft, 0);
    const promoted = await json<RegistrationBody>(
      await call('GET', `/v1/registrations/${representativeRegistration}`, tokens.representative),
      200,
    );
    assert.equal(promoted.status, 'confirmed');

    const below = await json<ProblemBody>(
      await call(
        'PATCH',
        `/v1/sessions/${sessionId}`,
        tokens.trainingManager,
        { capacity: 1 },
        {
          'if-match': grown.headers.get('etag') ?? '',
        },
      ),
      409,
    );
    assert.equal(below.code, 'capacity_below_confirmed');
    assert.equal(
      (
        await call(
          'PATCH',
          `/v1/sessions/${sessionId}`,
          tokens.regionAdmin,
          { capacity: 3 },
          { 'if-match': tag },
        )
      ).status,
      403,
    );
  });

  test('attendance: staff only, an unregistered person refused, no day before it comes', async () => {
    const path = `/v1/sessions/${sessionId}/attendance`;
    assert.equal((await call('GET', path, tokens.regionAdmin)).status, 403);
    assert.equal((await call('GET', path, tokens.member)).status, 403);
    const sheet = await json<SheetBody>(await call('GET', path, tokens.trainingManager), 200);
    assert.equal(sheet.days.length, 2);
    assert.equal(sheet.ended, false);
    assert.deepEqual(
      sheet.lines.map((line) => line.registrationId).sort(),
      [memberRegistration, representativeRegistration].sort(),
    );
    const [day1] = sheet.days as [string, string];
    const stranger = await json<ProblemBody>(
      await call('PUT', path, tokens.trainingManager, {
        marks: [
          { registrationId: memberRegistration, day: day1, present: true },
          { registrationId: F.registrations.upcomingOfRepresented, day: day1, present: true },
        ],
      }),
      422,
    );
    assert.equal(stranger.code, 'not_registered');
    assert.deepEqual(
      stranger.errors?.map((e) => e.path),
      ['/marks/1/registrationId'],
    );
    const tooEarly = await json<ProblemBody>(
      await call('PUT', path, tokens.trainingManager, {
        marks: [{ registrationId: memberRegistration, day: day1, present: true }],
      }),
      422,
    );
    assert.deepEqual(
      tooEarly.errors?.map((e) => e.path),
      ['/marks/0/day'],
    );
    const unchanged = await json<SheetBody>(await call('GET', path, tokens.trainingManager), 200);
    assert.ok(
      unchanged.lines.every((line) => line.days.length === 0),
      'nothing saved from refused marks',
    );
  });

  test('once the session has ended, marks per day give completed, no_show and attended', async () => {
    ahead += 13 * DAY;
    await signInAll();
    const path = `/v1/sessions/${sessionId}/attendance`;
    const { days } = await json<SheetBody>(await call('GET', path, tokens.trainingManager), 200);
    const [day1, day2] = days as [string, string];
    const outside = await json<ProblemBody>(
      await call('PUT', path, tokens.trainingManager, {
        marks: [{ registrationId: memberRegistration, day: '2001-01-01', present: true }],
      }),
      422,
    );
    assert.equal(outside.code, 'validation_failed');
    const sheet = await json<SheetBody>(
      await call('PUT', path, tokens.trainingManager, {
        marks: [
          { registrationId: memberRegistration, day: day1, present: true },
          { registrationId: memberRegistration, day: day2, present: true },
          { registrationId: representativeRegistration, day: day1, present: false },
          { registrationId: representativeRegistration, day: day2, present: false },
        ],
      }),
      200,
    );
    assert.equal(sheet.ended, true);
    const status = (id: string) => sheet.lines.find((line) => line.registrationId === id)?.status;
    assert.equal(status(memberRegistration), 'completed');
    assert.equal(status(representativeRegistration), 'no_show');

    const corrected = await json<SheetBody>(
      await call('PUT', path, tokens.trainingManager, {
        marks: [{ registrationId: representativeRegistration, day: day2, present: true }],
      }),
      200,
    );
    const line = corrected.lines.find((l) => l.registrationId === representativeRegistration);
    assert.equal(line?.status, 'attended');
    assert.deepEqual(line?.days, [
      { day: day1, present: false },
      { day: day2, present: true },
    ]);

    const completed = await json<RegistrationBody & { attendance?: { attendedHours: number } }>(
      await call('GET', `/v1/registrations/${memberRegistration}`, tokens.member),
      200,
    );
    assert.equal(completed.status, 'completed');
    assert.equal(completed.attendance?.attendedHours, 14);
    assert.equal(completed.history.at(-1)?.status, 'completed');

    // Only the participant (or the representative) evaluates, once.
    assert.equal(
      (
        await call('POST', `/v1/registrations/${representativeRegistration}/evaluation`, tokens.member, {
          rating: 4,
        })
      ).status,
      403,
    );
    assert.equal(
      (await call('POST', `/v1/registrations/${memberRegistration}/evaluation`, tokens.member, { rating: 5 }))
        .status,
      200,
    );
    assert.equal(
      (await call('POST', `/v1/registrations/${memberRegistration}/evaluation`, tokens.member, { rating: 5 }))
        .status,
      409,
    );
  });

  test('a cancelled session cancels its registrations and tells each participant by e-mail', async () => {
    const created = await json<ManagedSessionBody>(
      await call('POST', `/v1/courses/${courseId}/sessions`, tokens.trainingManager, sessionBody(5, 10)),
      201,
    );
    const id = created.session.id;
    const registration = await json<RegistrationBody>(
      await register(tokens.member, id, F.associations.memberOnly, DEMO_ACCOUNTS.member.id),
      201,
    );
    assert.equal((await call('POST', `/v1/sessions/${id}/cancel`, tokens.trainingManager, {})).status, 422);
    const cancelled = await json<ManagedSessionBody>(
      await call('POST', `/v1/sessions/${id}/cancel`, tokens.trainingManager, {
        reason: 'Formateur indisponible',
      }),
      200,
    );
    assert.equal(cancelled.session.status, 'cancelled');
    const after = await json<RegistrationBody>(
      await call('GET', `/v1/registrations/${registration.id}`, tokens.member),
      200,
    );
    assert.equal(after.status, 'cancelled');
    assert.equal(after.history.at(-1)?.reason, 'Formateur indisponible');
    const mails = await server.db.all<{ recipient: string; locale: string; text_body: string }>(
      "SELECT recipient, locale, text_body FROM mail_outbox WHERE kind = 'training.session-cancelled'",
    );
    assert.deepEqual(
      mails.map((m) => [m.recipient, m.locale]),
      [[DEMO_ACCOUNTS.member.email, DEMO_ACCOUNTS.member.locale]],
    );
    assert.ok(mails[0]?.text_body.includes('Formateur indisponible'));
    assert.equal(
      (await call('POST', `/v1/sessions/${id}/cancel`, tokens.trainingManager, { reason: 'x' })).status,
      409,
    );
  });

  test("the organisation's courses page by keyset, newest first, drafts and published alike", async () => {
    const path = `/v1/organisations/${F.organisations.trainingProvider}/courses`;
    const sector = F.organisations.trainingProvider.replace(/^org_/, '');
    const expected = (
      await server.db.all<{ id: string }>(
        `SELECT id FROM (SELECT id, created_at FROM courses WHERE provider_sector = ?
           UNION ALL SELECT id, created_at FROM course_drafts WHERE organisation_id = ?) c
         ORDER BY created_at DESC, id DESC`,
        [sector, F.organisations.trainingProvider],
      )
    ).map((row) => row.id);
    assert.ok(expected.includes(courseId) && expected.includes(F.courses.first));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: ManagedCourseBody[]; nextCursor: string | null; total: number } = await json(
        await call('GET', `${path}?limit=2${cursor ? `&cursor=${cursor}` : ''}`, tokens.trainingManager),
        200,
      );
      assert.ok(page.items.length <= 2);
      assert.equal(page.total, expected.length);
      seen.push(...page.items.map((c) => c.course.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, expected);
  });
});

describe('a course repeated often', () => {
  test('its public page embeds the next 20 sessions, counts the upcoming ones, and leaves the started ones out', async () => {
    const draft = await json<ManagedCourseBody>(
      await call(
        'POST',
        `/v1/organisations/${F.organisations.trainingProvider}/courses`,
        tokens.trainingManager,
        COURSE,
      ),
      201,
    );
    const path = `/v1/courses/${draft.course.id}`;
    await json(await call('POST', `${path}/publish`, tokens.trainingManager), 200);
    // One session a day from the day after tomorrow: 22 upcoming, two more than a page embeds.
    const scheduled: string[] = [];
    for (let day = 2; day < 24; day++)
      scheduled.push(
        (
          await json<ManagedSessionBody>(
            await call('POST', `${path}/sessions`, tokens.trainingManager, sessionBody(5, day)),
            201,
          )
        ).session.id,
      );
    type Detail = { sessions: { id: string; period: { start: string } }[]; upcomingSessionCount: number };
    const detail = await json<Detail>(await call('GET', path), 200);
    assert.deepEqual(
      detail.sessions.map((s) => s.id),
      scheduled.slice(0, 20),
      'the soonest twenty, in start order',
    );
    assert.equal(detail.upcomingSessionCount, 22);

    // An hour after the second one started (a day before the third), whatever the hour the test runs at:
    // the first two leave the page, the next ones come in.
    const shift = Date.parse(detail.sessions[1]?.period.start ?? '') + 3_600_000 - serverNow().getTime();
    ahead += shift;
    try {
      const later = await json<Detail>(await call('GET', path), 200);
      assert.deepEqual(
        later.sessions.map((s) => s.id),
        scheduled.slice(2, 22),
      );
      assert.equal(later.upcomingSessionCount, 20);
      // Every session stays listed, started or not, a page at a time.
      const all = await json<{ total: number }>(
        await call('GET', `/v1/sessions?courseId=${draft.course.id}`),
        200,
      );
      assert.equal(all.total, 22);
    } finally {
      ahead -= shift;
    }
  });
});
