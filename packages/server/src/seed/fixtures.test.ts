// The time-travel suite: the demo seed holds the same structure at any instant, and every role the fixture
// manifest claims is true there. Each instant gets a server of its own whose clock starts at that instant.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type Application,
  type Association,
  type Call,
  type Consultation,
  type Contribution,
  casablancaDate,
  casablancaDaysUntil,
  type EligibilityResult,
  type MyAssociations,
  type Organisation,
  type Registration,
  type Session,
} from '@nassij/contract';
import { describeAuthorizationMatrix } from '../audit/authorization-matrix.js';
import { send } from '../bench/kit.js';
import { listTables } from '../db/tables.js';
import { isSearchTable } from '../search/search.js';
import { clockFrom, signInAs, tempServer } from '../testing.js';
import { DEMO_ACCOUNTS } from './demo.js';
import { demoFixtures as F } from './fixtures.js';
import { DEMO_ANCHOR, demoShiftFor, shiftInstant } from './time-shift.js';

/** Instants where a clock-dependent seed used to break, and some far away. */
const INSTANTS = [
  '2026-12-04T15:59:00Z', // a session used to end "today at 16:00 UTC"
  '2026-12-04T16:01:00Z',
  '2026-12-31T22:59:00Z', // 23:59 in Casablanca: still the old year there
  '2026-12-31T23:01:00Z', // 00:01 on 1 January in Casablanca: a new (fiscal) year
  '2027-01-04T10:00:00Z',
  '2027-02-20T12:00:00Z', // Ramadan 2027: Morocco on UTC+0
  '2031-06-15T10:00:00Z',
];

type Server = Awaited<ReturnType<typeof tempServer>>;

/**
 * Bookkeeping the server keeps about its own activity, not seeded data: change counters of the indicators'
 * inputs (their rows appear with the first writes after start, which depend on the instant) and rate-limit
 * buckets.
 */
const BOOKKEEPING = new Set(['data_versions', 'rate_buckets', 'sign_in_failures']);

/** The tables the seed fills, without the search index (its words are checked through the API). */
async function seededTables(server: Server): Promise<string[]> {
  return (await listTables(server.db)).filter((name) => !isSearchTable(name) && !BOOKKEEPING.has(name));
}

/** Every row of every table without its dates: what must not depend on the instant of seeding. */
async function structureOf(server: Server): Promise<string[]> {
  const instantOrDate = /\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z)?/g;
  const year = /\b20\d\d\b/g;
  const rows: string[] = [];
  for (const name of await seededTables(server)) {
    const table: string[] = [];
    for (const row of await server.db.all<Record<string, unknown>>(`SELECT * FROM "${name}"`))
      table.push(
        `${name} ${JSON.stringify(row, (key, value) =>
          // Fiscal years move with the calendar year; password hashes have a random salt.
          key === 'fiscal_year' ? 'Y' : key === 'password_hash' ? 'hash' : value,
        )
          .replace(instantOrDate, 'D')
          .replace(year, 'Y')}`,
      );
    // Neither dialect promises an order without ORDER BY and not every table has a key: rows compare as a
    // sorted list (equal lists, equal multisets of rows).
    rows.push(...table.sort());
  }
  return rows;
}

describe('demo seed: structure independent of the instant', () => {
  test('seeded at two instants a year and a half apart, only dates and years differ', async () => {
    const a = await tempServer({ clock: clockFrom('2026-12-04T16:01:00Z') });
    const b = await tempServer({ clock: clockFrom('2028-05-20T07:30:00Z') });
    try {
      const left = await structureOf(a);
      const right = await structureOf(b);
      assert.ok(left.length > 1000, `the seed has data (${left.length} rows)`);
      assert.equal(left.length, right.length);
      for (let i = 0; i < left.length; i++) assert.equal(left[i], right[i]);
      // Dates moved by the same whole number of days in Casablanca.
      const callA = await a.db.one<{ closes_at: string }>('SELECT closes_at FROM calls WHERE id = ?', [
        F.calls.openEligible,
      ]);
      const callB = await b.db.one<{ closes_at: string }>('SELECT closes_at FROM calls WHERE id = ?', [
        F.calls.openEligible,
      ]);
      const days =
        demoShiftFor(new Date('2028-05-20T07:30:00Z')).days -
        demoShiftFor(new Date('2026-12-04T16:01:00Z')).days;
      assert.equal(shiftInstant(callA?.closes_at ?? '', days), callB?.closes_at);
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  test('nothing is seeded on the anchor day itself, so every date is past or future at any hour', async () => {
    const server = await tempServer({ clock: () => DEMO_ANCHOR });
    try {
      const day = casablancaDate(DEMO_ANCHOR);
      const instant = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z/g;
      const found: string[] = [];
      for (const row of await structureRows(server))
        for (const match of row.text.matchAll(instant))
          if (casablancaDate(match[0]) === day) found.push(`${row.table}: ${match[0]}`);
      assert.deepEqual(found.slice(0, 10), []);
    } finally {
      await server.stop();
    }
  });

  test('a deadline at 23:59 in Casablanca stays at 23:59 there when moved into Ramadan', () => {
    // 2026-06-30 is UTC+1; 2027-02-24 falls in Ramadan 2027 (UTC+0).
    assert.equal(shiftInstant('2026-06-30T22:59:00Z', 239), '2027-02-24T23:59:00Z');
    assert.equal(shiftInstant('2026-06-30T22:59:00.000Z', 0), '2026-06-30T22:59:00.000Z');
  });
});

async function structureRows(server: Server): Promise<{ table: string; text: string }[]> {
  const rows = await Promise.all(
    (await seededTables(server)).map(async (name) =>
      (await server.db.all<Record<string, unknown>>(`SELECT * FROM "${name}"`)).map((row) => ({
        table: name,
        text: JSON.stringify(row),
      })),
    ),
  );
  return rows.flat();
}

test('the manifest names the demo accounts as seeded', () => {
  for (const [key, account] of Object.entries(DEMO_ACCOUNTS))
    assert.equal(F.accounts[key as keyof typeof F.accounts], account.id, key);
});

for (const at of INSTANTS) {
  describe(`fixture manifest at ${at}`, () => {
    let server: Server;
    let now: Date;
    const token: Partial<Record<'representative' | 'member' | 'reviewer' | 'moderator', string>> = {};

    before(async () => {
      server = await tempServer({ rateLimit: false, clock: clockFrom(at) });
      now = new Date(at);
      for (const key of ['representative', 'member', 'reviewer', 'moderator'] as const)
        token[key] = await signInAs(server.url, DEMO_ACCOUNTS[key].email, DEMO_ACCOUNTS[key].password);
    });
    after(() => server.stop());

    async function get<T>(path: string, as?: keyof typeof token): Promise<T> {
      const answer = await send(server.url, 'GET', path, { token: as ? token[as] : undefined });
      assert.equal(answer.status, 200, `${path}: ${answer.text.slice(0, 200)}`);
      return answer.json as T;
    }
    const eligible = (callId: string) =>
      get<EligibilityResult>(
        `/v1/calls/${callId}/eligibility?associationId=${F.associations.represented}`,
        'representative',
      );
    const applicationsOf = async (associationId: string) =>
      (
        await get<{ items: { callId: string }[] }>(
          `/v1/applications?associationId=${associationId}&limit=100`,
          'representative',
        )
      ).items;

    test('associations: the demo accounts belong where the manifest says', async () => {
      const mine = (as: 'representative' | 'member') =>
        get<MyAssociations>('/v1/me/associations', as).then((body) =>
          body.items.map((mine) => mine.association.id).sort(),
        );
      assert.deepEqual(await mine('representative'), [F.associations.represented]);
      assert.deepEqual(await mine('member'), [F.associations.represented, F.associations.memberOnly].sort());
      await get(`/v1/associations/${F.associations.unaffiliated}`);
    });

    test('associations: where they are, how old, and found by name as claimed', async () => {
      const represented = await get<Association>(`/v1/associations/${F.associations.represented}`);
      assert.equal(represented.region, 'MA-09');
      assert.ok(represented.name.ar?.includes('\u0651'), `a shadda in ${represented.name.ar}`);
      const found = await get<{ items: { id: string }[] }>(
        `/v1/associations?q=${encodeURIComponent('جمعية تيفاوين')}&limit=100`,
      );
      assert.ok(found.items.some((item) => item.id === F.associations.represented));

      const young = await get<Association>(`/v1/associations/${F.associations.memberOnly}`);
      assert.equal(young.region, 'MA-06');
      const today = casablancaDate(now);
      const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
      assert.ok(young.foundedOn > yearAgo && young.foundedOn < today, `founded on ${young.foundedOn}`);
      const tooYoung = await get<EligibilityResult>(
        `/v1/calls/${F.calls.openEligible}/eligibility?associationId=${F.associations.memberOnly}`,
        'member',
      );
      assert.equal(tooYoung.eligible, false);
      assert.equal(tooYoung.reasons.find((r) => r.code === 'too_young')?.params.minimumYears, 2);
    });

    test('organisations: the ministry runs the open call, the council is in Souss-Massa, staff as claimed', async () => {
      const call = await get<Call>(`/v1/calls/${F.calls.openEligible}`);
      const ministry = await get<Organisation>(`/v1/organisations/${F.organisations.ministry}`);
      assert.equal(ministry.sectorCode, call.funder.sectorCode);
      assert.equal(ministry.level, 'national');
      const council = await get<Organisation>(`/v1/organisations/${F.organisations.regionalCouncil}`);
      assert.deepEqual([council.level, council.region], ['regional', 'MA-09']);
      const staff = await server.db.all<{ id: string; organisation_id: string }>(
        'SELECT id, organisation_id FROM accounts WHERE organisation_id IS NOT NULL ORDER BY id',
      );
      const A = F.accounts;
      assert.deepEqual(
        staff.map((row) => [row.id, row.organisation_id]),
        [
          [A.ministryAdmin, F.organisations.ministry],
          [A.ministryCallManager, F.organisations.ministry],
          [A.ministryReviewer, F.organisations.ministry],
          [A.ministryConsultationManager, F.organisations.ministry],
          [A.regionAdmin, F.organisations.regionalCouncil],
          [A.regionCallManager, F.organisations.regionalCouncil],
          [A.regionReviewer, F.organisations.regionalCouncil],
          [A.trainingManager, F.organisations.trainingProvider],
        ].sort(),
      );
      await send(server.url, 'GET', `/v1/organisations/${F.missing.organisation}`).then((answer) =>
        assert.equal(answer.status, 404),
      );
    });

    test('calls: open, eligible and without applications where claimed', async () => {
      const applied = new Set((await applicationsOf(F.associations.represented)).map((a) => a.callId));
      for (const id of [F.calls.openEligible, F.calls.closingTomorrow, ...F.calls.openForDrafts]) {
        const call = await get<Call>(`/v1/calls/${id}`);
        assert.equal(call.status, 'open', id);
        assert.deepEqual(await eligible(id), { eligible: true, reasons: [] }, id);
        if (id !== F.calls.closingTomorrow) assert.ok(!applied.has(id), `${id} has no application yet`);
      }
      const first = await get<Call>(`/v1/calls/${F.calls.openEligible}`);
      assert.equal(first.coverage, 'national');
      assert.equal(first.instrument, 'grant');
      assert.ok(casablancaDaysUntil(first.dates.closes?.at ?? '', now) > 7);
      assert.deepEqual(
        first.requiredDocuments.filter((d) => d.requirement === 'mandatory').map((d) => [d.id, d.mediaTypes]),
        [
          ['statutes', ['application/pdf']],
          ['budget', ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']],
        ],
      );
      const soon = await get<Call>(`/v1/calls/${F.calls.closingTomorrow}`);
      assert.equal(casablancaDaysUntil(soon.dates.closes?.at ?? '', now), 1);
      assert.equal(soon.coverage, 'national');
      const soonest = await get<{ items: Call[] }>('/v1/calls?status=open&sort=closing_soonest&limit=2');
      assert.equal(soonest.items[0]?.id, F.calls.closingTomorrow);
      assert.notEqual(soonest.items[1]?.dates.closes?.at, soon.dates.closes?.at, 'no other call closes then');
    });

    test('calls: closed, under review and awarded ones with their applications', async () => {
      assert.equal((await get<Call>(`/v1/calls/${F.calls.closedReceived}`)).status, 'closed');
      const received = await get<{ items: Application[] }>(
        `/v1/calls/${F.calls.closedReceived}/applications?limit=100`,
        'reviewer',
      );
      assert.ok(received.items.length > 0);
      assert.ok(received.items.every((a) => ['received', 'eligibility_check'].includes(a.status)));
      assert.equal((await get<Call>(`/v1/calls/${F.calls.underReview}`)).status, 'under_review');
      const reviewed = await get<{ items: Application[] }>(
        `/v1/calls/${F.calls.underReview}/applications?limit=100`,
        'reviewer',
      );
      assert.ok(reviewed.items.length > 0 && reviewed.items.every((a) => a.status === 'under_review'));
      assert.equal((await get<Call>(`/v1/calls/${F.calls.awarded}`)).status, 'awarded');
      const awards = await get<{ items: unknown[] }>(`/v1/awards?callId=${F.calls.awarded}`);
      assert.ok(awards.items.length > 0);
      const application = await get<Application>(
        `/v1/applications/${F.applications.awardedOfRepresented}`,
        'representative',
      );
      assert.equal(application.status, 'awarded');
      assert.equal(application.associationId, F.associations.represented);
      assert.equal(application.attachments.length, 2);
    });

    test('consultations: each in the phase and mode claimed', async () => {
      const c = (id: string) => get<Consultation>(`/v1/consultations/${id}`);
      const draftLaw = await c(F.consultations.draftLaw);
      assert.equal(draftLaw.phase, 'contributions_open');
      assert.equal(draftLaw.participationMode, 'open');
      assert.equal(draftLaw.versions.length, 2);
      assert.ok(draftLaw.questions.length > 0);
      const byWords = await get<{ items: { id: string }[] }>(
        `/v1/consultations?q=${encodeURIComponent('التشاور العمومي')}`,
      );
      assert.ok(byWords.items.some((item) => item.id === F.consultations.draftLaw));
      const registered = await c(F.consultations.registeredOnly);
      assert.deepEqual(
        [registered.phase, registered.participationMode, registered.scope],
        ['contributions_open', 'registered', 'regional'],
      );
      const regionalOpen = await get<{ items: { id: string }[] }>(
        '/v1/consultations?phase=contributions_open&scope=regional&limit=100',
      );
      assert.deepEqual(
        regionalOpen.items.map((item) => item.id),
        [F.consultations.registeredOnly],
      );
      const associations = await c(F.consultations.associationsOnly);
      assert.deepEqual(
        [associations.phase, associations.participationMode],
        ['contributions_open', 'associations_only'],
      );
      assert.equal((await c(F.consultations.upcoming)).phase, 'upcoming');
      assert.equal((await c(F.consultations.information)).phase, 'information');
      const closed = await c(F.consultations.closed);
      assert.equal(closed.phase, 'closed');
      assert.equal(closed.synthesis, undefined);
      assert.equal((await c(F.consultations.synthesisPublished)).phase, 'synthesis_published');
      await get(`/v1/consultations/${F.consultations.synthesisPublished}/synthesis`);
    });

    test('contributions: published, answered, hidden and pending as claimed', async () => {
      const ctb = (id: string, as?: 'moderator') => get<Contribution>(`/v1/contributions/${id}`, as);
      const answered = await ctb(F.contributions.answeredAmendment);
      assert.equal(answered.kind, 'amendment');
      assert.ok(answered.officialResponse);
      const withReplies = await ctb(F.contributions.publishedWithReplies);
      assert.equal(withReplies.moderation.state, 'published');
      assert.ok(withReplies.supports > 0);
      assert.ok((withReplies.replies ?? []).length > 0);
      const recommendation = await ctb(F.contributions.unansweredRecommendation);
      assert.deepEqual(
        [recommendation.kind, recommendation.moderation.state],
        ['recommendation', 'published'],
      );
      assert.equal(recommendation.officialResponse, undefined);
      const queue = await get<{ items: Contribution[] }>(
        '/v1/moderation/contributions?limit=100',
        'moderator',
      );
      const pending = new Map(queue.items.map((item) => [item.id, item]));
      assert.equal(pending.get(F.contributions.pendingComment)?.kind, 'comment');
      assert.equal(pending.get(F.contributions.pendingRecommendation)?.kind, 'recommendation');
      const hidden = await server.db.one<{ moderation_state: string }>(
        'SELECT moderation_state FROM contributions WHERE id = ?',
        [F.contributions.hidden],
      );
      assert.equal(hidden?.moderation_state, 'hidden');
    });

    test('trainings: an open session with seats, an upcoming and an attended registration', async () => {
      // The course embeds its upcoming sessions only; `GET /v1/sessions?courseId=` lists them all.
      const all = await get<{ items: Session[] }>(`/v1/sessions?courseId=${F.courses.first}&limit=100`);
      assert.equal(all.items.length, 4);
      assert.ok(all.items.some((s) => s.id === F.sessions.openWithSeats));
      assert.ok(
        all.items.some((s) => Date.parse(s.period.end) < now.getTime()),
        'a past session',
      );
      const first = await get<{ sessions: Session[]; upcomingSessionCount: number }>(
        `/v1/courses/${F.courses.first}`,
      );
      assert.ok(first.sessions.length > 0, 'a future session');
      assert.ok(first.sessions.every((s) => Date.parse(s.period.start) > now.getTime()));
      assert.ok(first.sessions.some((s) => s.id === F.sessions.openWithSeats));
      assert.equal(first.upcomingSessionCount, first.sessions.length);
      await get(`/v1/courses/${F.courses.secondEdition}`);
      const session = await get<Session>(`/v1/sessions/${F.sessions.openWithSeats}`);
      assert.equal(session.courseId, F.courses.first);
      assert.deepEqual([session.status, session.registrationState], ['scheduled', 'open']);
      assert.ok(session.seatsLeft > 0);
      assert.ok(Date.parse(session.registrationWindow.opens) < now.getTime());
      assert.ok(Date.parse(session.registrationWindow.closes) > now.getTime());
      const demoRegistered = await server.db.one<{ n: number }>(
        'SELECT COUNT(*) AS n FROM training_registrations WHERE session_id = ? AND association_id IN (?, ?)',
        [F.sessions.openWithSeats, F.associations.represented, F.associations.memberOnly],
      );
      assert.equal(demoRegistered?.n, 0);

      const upcoming = await get<Registration>(
        `/v1/registrations/${F.registrations.upcomingOfRepresented}`,
        'member',
      );
      assert.equal(upcoming.status, 'confirmed');
      assert.equal(upcoming.associationId, F.associations.represented);
      const upcomingSession = await get<Session>(`/v1/sessions/${upcoming.sessionId}`);
      assert.ok(Date.parse(upcomingSession.period.start) > now.getTime());

      const attended = await get<Registration>(
        `/v1/registrations/${F.registrations.attendedOfRepresented}`,
        'member',
      );
      assert.equal(attended.status, 'attended');
      assert.equal(attended.associationId, F.associations.represented);
      assert.equal(attended.evaluation, undefined);
      const pastSession = await get<Session>(`/v1/sessions/${attended.sessionId}`);
      assert.ok(Date.parse(pastSession.period.end) < now.getTime());
      assert.equal(attended.participant.accountId, F.accounts.member);

      const completed = await get<Registration>(
        `/v1/registrations/${F.registrations.completedOfMember}`,
        'member',
      );
      assert.deepEqual(
        [completed.status, completed.associationId, completed.participant.accountId],
        ['completed', F.associations.represented, F.accounts.member],
      );
      assert.equal(completed.evaluation, undefined);
      const completedCourse = await get<{ credential: string }>(`/v1/courses/${completed.courseId}`);
      assert.notEqual(completedCourse.credential, 'none');
      const completedSession = await get<Session>(`/v1/sessions/${completed.sessionId}`);
      assert.ok(Date.parse(completedSession.period.end) < now.getTime());
      const provider = await get<{ provider: { sectorCode: string } }>(`/v1/courses/${F.courses.first}`);
      assert.equal(`org_${provider.provider.sectorCode}`, F.organisations.trainingProvider);
    });

    test('search: calls, consultations, courses and associations are found by their moved reference', async () => {
      const call = await get<Call>(`/v1/calls/${F.calls.openEligible}`);
      const consultation = await get<Consultation>(`/v1/consultations/${F.consultations.draftLaw}`);
      const course = await get<{ id: string; reference: string }>(`/v1/courses/${F.courses.first}`);
      const association = await get<Association>(`/v1/associations/${F.associations.represented}`);
      const year = casablancaDate(now).slice(0, 4);
      assert.ok(call.reference.includes(`-${year}-`), call.reference);
      const cases: [string, string, string][] = [
        ['/v1/calls', call.reference, call.id],
        ['/v1/consultations', consultation.reference, consultation.id],
        ['/v1/courses', course.reference, course.id],
        ['/v1/associations', association.registrationNumber, association.id],
      ];
      for (const [path, reference, id] of cases) {
        const page = await get<{ items: { id: string }[] }>(
          `${path}?q=${encodeURIComponent(reference)}&limit=100`,
        );
        assert.ok(
          page.items.some((item) => item.id === id),
          `${path}?q=${reference} finds ${id}`,
        );
      }
    });

    test('missing ids are not found', async () => {
      const paths = [
        `/v1/associations/${F.missing.association}`,
        `/v1/calls/${F.missing.call}`,
        `/v1/consultations/${F.missing.consultation}`,
        `/v1/contributions/${F.missing.contribution}`,
        `/v1/courses/${F.missing.course}`,
        `/v1/sessions/${F.missing.session}`,
      ];
      for (const path of paths) assert.equal((await send(server.url, 'GET', path)).status, 404, path);
      const application = await send(server.url, 'GET', `/v1/applications/${F.missing.application}`, {
        token: token.representative,
      });
      assert.equal(application.status, 404);
      const registration = await send(server.url, 'GET', `/v1/registrations/${F.missing.registration}`, {
        token: token.member,
      });
      assert.equal(registration.status, 404);
    });
  });

  describeAuthorizationMatrix({ at });
}
