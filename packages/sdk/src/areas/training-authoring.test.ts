// `client.courses`, `client.sessions` and `client.registrations` for a training programme, against the real
// reference server (demo seed), never a mock: the training manager drafts, changes (If-Match) and publishes a
// course and schedules a session; the member registers by account and finds it under "mine"; the sheet is
// marked once the session's days have come (the server's clock moved forward).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CourseFields } from '@nassij/contract';
import { DEMO_ACCOUNTS } from '@nassij/server';
import { demoFixtures as F, tempServer } from '@nassij/server/testing';
import { createClient, type NassijClient } from '../client.js';
import { NassijApiError, NassijConflictError, NassijValidationError } from '../errors.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

const DAY_MS = 86_400_000;
let server: Server;
/** The server's clock runs `offset` ms ahead of the real one: a test moves time by changing it. */
let offset = 0;
const now = () => new Date(Date.now() + offset);

const PEOPLE = ['trainingManager', 'regionAdmin', 'member'] as const;
const clients = {} as Record<(typeof PEOPLE)[number], NassijClient>;

async function signInAll(): Promise<void> {
  for (const key of PEOPLE) {
    const account = DEMO_ACCOUNTS[key];
    await clients[key].auth.signIn(account.email, account.password);
  }
}

function inDays(days: number, hour: number): string {
  const at = new Date(now().getTime() + days * DAY_MS);
  at.setUTCHours(hour, 0, 0, 0);
  return at.toISOString();
}

const FIELDS: CourseFields = {
  title: { ar: 'التواصل الرقمي للجمعيات', fr: 'Communication numérique des associations' },
  description: { ar: 'تكوين عملي في التواصل', fr: 'Formation pratique à la communication' },
  objectives: [{ ar: 'إعداد خطة تواصل', fr: 'Établir un plan de communication' }],
  targetAudience: { ar: 'المكلفون بالتواصل', fr: 'Chargés de communication' },
  competencies: [{ code: 'communication', level: 2 }],
  languages: ['ar', 'fr', 'zgh'],
  durationHours: 6,
  modality: 'on_site',
  cost: { free: true },
  credential: 'badge',
};

before(async () => {
  server = await tempServer({ rateLimit: false, clock: now });
  for (const key of PEOPLE) clients[key] = createClient({ baseUrl: server.url });
  await signInAll();
});
after(() => server.stop());

describe('a training programme through the SDK', () => {
  test('draft, update with If-Match, publish, schedule, register by account, mark attendance', async () => {
    const { trainingManager: staff, member, regionAdmin } = clients;
    const organisationId = F.organisations.trainingProvider;

    await assert.rejects(
      staff.courses.create(organisationId, { ...FIELDS, competencies: [{ code: 'nope', level: 1 }] }),
      (error) =>
        error instanceof NassijValidationError &&
        error.fieldErrors.some((e) => e.path === '/competencies/0/code'),
    );
    await assert.rejects(
      regionAdmin.courses.create(organisationId, FIELDS),
      (error) => error instanceof NassijApiError && error.status === 403,
    );

    let { data: draft, etag } = await staff.courses.create(organisationId, FIELDS);
    assert.equal(draft.state, 'draft');
    const courseId = draft.course.id;
    const first = etag;
    ({ data: draft, etag } = await staff.courses.update(courseId, { durationHours: 8 }, { ifMatch: etag }));
    assert.equal(draft.course.durationHours, 8);
    await assert.rejects(
      staff.courses.update(courseId, { durationHours: 9 }, { ifMatch: first }),
      (error) => error instanceof NassijConflictError && error.status === 412,
    );
    assert.equal((await staff.courses.getDraftWithEtag(courseId)).etag, etag);
    const drafts = await staff.courses.managed(organisationId, { state: 'draft' });
    assert.deepEqual(
      drafts.items.map((c) => c.course.id),
      [courseId],
    );
    assert.equal((await staff.courses.publish(courseId)).state, 'published');

    const { data: created } = await staff.sessions.create(courseId, {
      period: { start: inDays(6, 8), end: inDays(7, 16) },
      place: {
        kind: 'on_site',
        region: 'MA-09',
        city: { ar: 'أزيلال', fr: 'Azilal' },
        address: { ar: 'دار الجمعيات', fr: 'Maison des associations' },
      },
      capacity: 10,
      registrationWindow: { opens: inDays(-1, 8), closes: inDays(5, 20) },
      trainers: [{ name: 'Rachid Ouzzine' }],
      language: 'fr',
    });
    const sessionId = created.session.id;
    const { data: managed, etag: sessionEtag } = await staff.sessions.getManagedWithEtag(sessionId);
    assert.equal(managed.session.capacity, 10);
    const { data: grown } = await staff.sessions.update(
      sessionId,
      { capacity: 12 },
      { ifMatch: sessionEtag },
    );
    assert.equal(grown.session.seatsLeft, 12);

    const me = await member.auth.me();
    const registration = await member.registrations.create({
      sessionId,
      associationId: F.associations.represented,
      participant: { accountId: me.id, role: 'Chargé de communication' },
      consent: true,
    });
    assert.equal(registration.participant.name, me.displayName);
    const mine = await member.registrations.iterateMine({ status: ['confirmed'] }).collect({ limit: 500 });
    assert.ok(mine.some((r) => r.id === registration.id));
    const sessions = await staff.sessions.managed(courseId);
    assert.deepEqual(sessions.items[0]?.counts, { confirmed: 1, waitlisted: 0, attended: 0 });

    offset += 9 * DAY_MS;
    await signInAll();
    const sheet = await staff.sessions.attendance(sessionId);
    assert.equal(sheet.ended, true);
    const marked = await staff.sessions.markAttendance(
      sessionId,
      sheet.days.map((day) => ({ registrationId: registration.id, day, present: true })),
    );
    assert.equal(marked.lines[0]?.status, 'completed');
    await assert.rejects(
      staff.sessions.markAttendance(sessionId, [
        { registrationId: F.registrations.upcomingOfRepresented, day: sheet.days[0] ?? '', present: true },
      ]),
      (error) => error instanceof NassijApiError && error.code === 'not_registered',
    );
    const done = await member.registrations.get(registration.id);
    assert.equal(done.status, 'completed');
    assert.ok(done.credentialIssuedOn, 'a badge course issues its credential on completion');

    // The participant evaluates; the staff read it without a name, and the sheet links the certificate.
    await member.registrations.evaluate(registration.id, { rating: 4, comment: 'Très concret' });
    const evaluations = await staff.sessions.evaluations(sessionId);
    assert.deepEqual(evaluations, {
      sessionId,
      count: 1,
      averageRating: 4,
      distribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 0 },
      comments: [{ rating: 4, comment: 'Très concret', submittedAt: evaluations.comments[0]?.submittedAt }],
      nextCursor: null,
    });
    const comments = [];
    for await (const comment of staff.sessions.iterateComments(sessionId, { limit: 1 }))
      comments.push(comment);
    assert.deepEqual(comments, evaluations.comments);
    await assert.rejects(
      regionAdmin.sessions.evaluations(sessionId),
      (error) => error instanceof NassijApiError && error.status === 403,
    );
    const certificate = await member.credentials.issue(registration.id);
    const reloaded = await staff.sessions.attendance(sessionId);
    assert.equal(reloaded.lines[0]?.certificateId, certificate.id);
  });
});
