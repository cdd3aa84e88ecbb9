// How an organisation's training staff author courses and run their sessions. A draft course lives in
// `course_drafts` only; publishing writes it to `courses` (what every public route reads), so a draft is
// never public. Sessions belong to published courses. Who may act is `runsTrainingsOf` (the organisations
// area): staff of the course's organisation (`organisationIdOf(provider.sectorCode)`), or a platform admin.
// The SQL is in ./authoring-store.ts; the handlers and their rules stay here.
import { randomUUID } from 'node:crypto';
import type {
  cancelSession,
  createCourse,
  createSession,
  getManagedCourse,
  getManagedSession,
  listManagedCourses,
  listManagedSessions,
  publishCourse,
  updateCourse,
  updateSession,
} from '@nassij/contract';
import {
  type Account,
  type AuditAction,
  COMPETENCIES,
  type Course,
  type CourseFields,
  type FieldError,
  type ManagedCourse,
  type ManagedSession,
  type Session,
  type SessionPlace,
} from '@nassij/contract';
import { audit } from '../../db/audit.js';
import type { Db } from '../../db/db.js';
import { recordRegistrationConfirmed } from '../../events/subjects.js';
import type { HandlerInput } from '../../http/app.js';
import { readKeysetCursor } from '../../http/cursor.js';
import { etagOf, requireIfMatch } from '../../http/etag.js';
import { problem } from '../../http/problem.js';
import { noticeWaitlistPromotion } from '../notices/index.js';
import { organisationIdOf, runsTrainingsOf } from '../organisations/organisation.js';
import { readOrganisation } from '../organisations/store.js';
import {
  COURSES_NEWEST,
  courseSessionCounts,
  insertCourseDraft,
  liveRegistrationsOf,
  managedCoursePage,
  managedSessionPage,
  markCoursePublished,
  markSessionCancelled,
  readStaffCourseRow,
  readStaffSessionRow,
  returnSeatOfEmptyWaitlist,
  rewritePublishedCourse,
  rewriteSession,
  SESSIONS_BY_START,
  type StaffSessionRow,
  seatsTaken,
  sessionRegistrationCounts,
  takeSeatForWaitlist,
  updateCourseDraft,
  writeSessionPlace,
} from './authoring-store.js';
import { noticeSessionCancelled } from './mail-messages.js';
import { firstWaitlisted, leaveWaitlist } from './registrations.js';
import {
  instant,
  type RegistrationRow,
  readCourse,
  saveCourse,
  saveSession,
  setRegistrationStatus,
  toSession,
} from './store.js';

const COMPETENCY_CODES = new Set<string>(COMPETENCIES.map((competency) => competency.code));

function forbidden(): never {
  throw problem('forbidden', 'Only the staff of the organisation that provides this course may do this');
}

/** A course as staff find it: published (in `courses`) or a draft (in `course_drafts`). */
interface StaffCourse {
  course: Course;
  organisationId: string;
  state: 'draft' | 'published';
  createdAt: string;
  publishedAt?: string;
}

async function findCourse(db: Db, courseId: string): Promise<StaffCourse | undefined> {
  const row = await readStaffCourseRow(db, courseId);
  if (!row) return undefined;
  const course = JSON.parse(row.data) as Course;
  return {
    course,
    // A published course belongs to the organisation of its provider's sector; a draft, to its drafter.
    organisationId: row.organisation_id ?? organisationIdOf(course.provider.sectorCode),
    state: row.state,
    createdAt: row.created_at,
    ...(row.published_at ? { publishedAt: row.published_at } : {}),
  };
}

/** The course of `courseId` for staff who run its organisation's trainings: `404` unknown, `403` others. */
async function staffCourse(db: Db, auth: Account | null, courseId: string): Promise<StaffCourse> {
  const found = await findCourse(db, courseId);
  if (!found) throw problem('not_found', `No course ${courseId}`);
  if (!runsTrainingsOf(auth, found.organisationId)) forbidden();
  return found;
}

/** The ETag a course is edited under: its fields and state, not its sessions' counters. */
function courseEtag(found: StaffCourse): string {
  return etagOf(JSON.stringify({ course: found.course, state: found.state }));
}

async function managedCourseOf(db: Db, found: StaffCourse, at: string): Promise<ManagedCourse> {
  const counts = await courseSessionCounts(db, [found.course.id], at);
  return {
    course: found.course,
    organisationId: found.organisationId,
    state: found.state,
    createdAt: found.createdAt,
    ...(found.publishedAt ? { publishedAt: found.publishedAt } : {}),
    sessions: counts.get(found.course.id) ?? { total: 0, upcoming: 0 },
  };
}

/** The answer of a course write or read: the managed course and the ETag to send back with `If-Match`. */
async function courseAnswer(db: Db, found: StaffCourse, at: string, status?: number) {
  return {
    ...(status ? { status } : {}),
    body: await managedCourseOf(db, found, at),
    etag: courseEtag(found),
    ...(status === 201 ? { headers: { location: `/v1/courses/${found.course.id}/draft` } } : {}),
  };
}

/** Refuses competency codes the framework does not have, naming each one's field (422). */
function checkCompetencies(competencies: CourseFields['competencies'] | undefined): void {
  if (!competencies) return;
  const errors: FieldError[] = [];
  competencies.forEach((competency, i) => {
    if (!COMPETENCY_CODES.has(competency.code))
      errors.push({
        path: `/competencies/${i}/code`,
        in: 'body',
        code: 'invalid_value',
        message: `Not a competency of the framework: ${competency.code}`,
      });
  });
  if (errors.length > 0) throw problem('validation_failed', 'Unknown competency', { errors });
}

/** The course a set of fields makes (ids, reference and provider kept). */
function courseFrom(fields: CourseFields, base: Pick<Course, 'id' | 'reference' | 'provider'>): Course {
  return {
    id: base.id,
    reference: base.reference,
    title: fields.title,
    description: fields.description,
    objectives: fields.objectives,
    provider: base.provider,
    competencies: fields.competencies,
    targetAudience: fields.targetAudience,
    ...(fields.prerequisites ? { prerequisites: fields.prerequisites } : {}),
    languages: [...new Set(fields.languages)],
    durationHours: fields.durationHours,
    modality: fields.modality,
    cost: fields.cost,
    credential: fields.credential,
    ...(fields.accessibility ? { accessibility: fields.accessibility } : {}),
  };
}

function fieldsOf(course: Course): CourseFields {
  const { id: _id, reference: _reference, provider: _provider, nextSessions: _next, ...fields } = course;
  return fields as CourseFields;
}

async function auditTraining(
  db: Db,
  input: { auth: Account | null; now: Date; requestId: string },
  action: AuditAction,
  target: { type: 'course' | 'session'; id: string },
  details: Record<string, unknown>,
): Promise<void> {
  await audit(db, {
    at: input.now,
    accountId: input.auth?.id ?? null,
    action,
    targetType: target.type,
    targetId: target.id,
    requestId: input.requestId,
    details,
  });
}

/**
 * `courses.create`: a new draft course of the organisation, never public until published.
 *
 * @example
 * ```ts
 * app.bind(createCourse, createCourseHandler);
 * ```
 */
export async function createCourseHandler({
  db,
  params,
  body,
  auth,
  now,
  requestId,
}: HandlerInput<typeof createCourse>) {
  if (!runsTrainingsOf(auth, params.organisationId)) forbidden();
  const organisation = await readOrganisation(db, params.organisationId);
  if (!organisation) throw problem('not_found', `No organisation ${params.organisationId}`);
  checkCompetencies(body.competencies);
  const at = instant(now);
  const token = randomUUID().replaceAll('-', '');
  const id = `crs_${token.slice(0, 20)}`;
  // Unique without a counter to race on: the year and eight characters of the id's randomness.
  const reference = `MA-FOR-${at.slice(0, 4)}-${token.slice(20, 28).toUpperCase()}`;
  const course = courseFrom(body, {
    id,
    reference,
    provider: { sectorCode: organisation.sectorCode, name: organisation.name },
  });
  await db.atomic(async () => {
    await insertCourseDraft(db, course, { organisationId: organisation.id, createdAt: at });
    await auditTraining(
      db,
      { auth, now, requestId },
      'course.create',
      { type: 'course', id },
      {
        organisationId: organisation.id,
      },
    );
  });
  return await courseAnswer(
    db,
    { course, organisationId: organisation.id, state: 'draft', createdAt: at },
    at,
    201,
  );
}

/**
 * `courses.getDraft`: the course as its staff edit it, with its ETag.
 *
 * @example
 * ```ts
 * app.bind(getManagedCourse, getManagedCourseHandler);
 * ```
 */
export async function getManagedCourseHandler({
  db,
  params,
  auth,
  now,
}: HandlerInput<typeof getManagedCourse>) {
  return await courseAnswer(db, await staffCourse(db, auth, params.courseId), instant(now));
}

/**
 * `courses.update`: replaces the fields given (`If-Match` required); a published course changes publicly.
 *
 * @example
 * ```ts
 * app.bind(updateCourse, updateCourseHandler);
 * ```
 */
export async function updateCourseHandler({
  db,
  params,
  body,
  auth,
  now,
  requestId,
  c,
}: HandlerInput<typeof updateCourse>) {
  const at = instant(now);
  const found = await staffCourse(db, auth, params.courseId);
  requireIfMatch(c, courseEtag(found), await managedCourseOf(db, found, at));
  checkCompetencies(body.competencies);
  const fields: Record<string, unknown> = { ...fieldsOf(found.course) };
  for (const [name, value] of Object.entries(body)) if (value !== undefined) fields[name] = value;
  const course = courseFrom(fields as CourseFields, found.course);
  await db.atomic(async () => {
    if (found.state === 'draft') await updateCourseDraft(db, course);
    else await rewritePublishedCourse(db, course);
    await auditTraining(
      db,
      { auth, now, requestId },
      'course.update',
      { type: 'course', id: course.id },
      {
        organisationId: found.organisationId,
        fields: Object.keys(body),
      },
    );
  });
  return await courseAnswer(db, { ...found, course }, at);
}

/**
 * `courses.publish`: moves a draft into the public catalogue.
 *
 * @example
 * ```ts
 * app.bind(publishCourse, publishCourseHandler);
 * ```
 */
export async function publishCourseHandler({
  db,
  params,
  auth,
  now,
  requestId,
}: HandlerInput<typeof publishCourse>) {
  const at = instant(now);
  const found = await staffCourse(db, auth, params.courseId);
  if (found.state !== 'draft') throw problem('invalid_state', 'The course is published already');
  await db.atomic(async () => {
    await saveCourse(db, found.course, found.createdAt);
    await markCoursePublished(db, found.course.id, at);
    await auditTraining(
      db,
      { auth, now, requestId },
      'course.publish',
      {
        type: 'course',
        id: found.course.id,
      },
      { organisationId: found.organisationId },
    );
  });
  return await courseAnswer(db, { ...found, state: 'published', publishedAt: at }, at);
}

/**
 * `courses.managed`: one keyset page of the organisation's courses, drafts included, with sessions counted.
 *
 * @example
 * ```ts
 * app.bind(listManagedCourses, listManagedCoursesHandler);
 * ```
 */
export async function listManagedCoursesHandler({
  db,
  params,
  query,
  auth,
  now,
}: HandlerInput<typeof listManagedCourses>) {
  const after = readKeysetCursor(query.cursor, COURSES_NEWEST.name, COURSES_NEWEST.keys.length);
  if (!runsTrainingsOf(auth, params.organisationId)) forbidden();
  const organisation = await readOrganisation(db, params.organisationId);
  if (!organisation) throw problem('not_found', `No organisation ${params.organisationId}`);
  const page = await managedCoursePage(db, {
    sectorCode: organisation.sectorCode,
    organisationId: organisation.id,
    state: query.state,
    limit: query.limit,
    after,
  });
  const at = instant(now);
  const counts = await courseSessionCounts(
    db,
    page.items.map((row) => row.id),
    at,
  );
  return {
    body: {
      items: page.items.map(
        (row): ManagedCourse => ({
          course: JSON.parse(row.data) as Course,
          organisationId: organisation.id,
          state: row.state,
          createdAt: row.created_at,
          ...(row.published_at ? { publishedAt: row.published_at } : {}),
          sessions: counts.get(row.id) ?? { total: 0, upcoming: 0 },
        }),
      ),
      nextCursor: page.nextCursor,
      total: page.total,
    },
  };
}

/**
 * The session of `sessionId` with its course, for the staff who run the course's organisation's trainings:
 * `404` unknown, `403` another organisation.
 *
 * @example
 * ```ts
 * const { row, course } = await staffSession(db, auth, 'ses_0002');
 * ```
 */
export async function staffSession(
  db: Db,
  auth: Account | null,
  sessionId: string,
): Promise<{ row: StaffSessionRow; course: Course }> {
  const row = await readStaffSessionRow(db, sessionId);
  if (!row) throw problem('not_found', `No session ${sessionId}`);
  const course = await readCourse(db, row.course_id);
  if (!course) throw problem('not_found', `No course ${row.course_id}`);
  if (!runsTrainingsOf(auth, organisationIdOf(course.provider.sectorCode))) forbidden();
  return { row, course };
}

function managedSessionOf(
  row: StaffSessionRow,
  at: string,
  counts: ManagedSession['counts'] | undefined,
): ManagedSession {
  return {
    session: toSession(row, at),
    ...(row.join_url ? { joinUrl: row.join_url } : {}),
    ...(row.cancellation_reason ? { cancellationReason: row.cancellation_reason } : {}),
    counts: counts ?? { confirmed: 0, waitlisted: 0, attended: 0 },
  };
}

/** The ETag a session is edited under: what staff write, not the counters registrations move. */
function sessionEtag(row: StaffSessionRow): string {
  return etagOf(JSON.stringify([row.data, Number(row.capacity), row.join_url, row.status]));
}

async function sessionAnswer(db: Db, id: string, at: string, status?: number) {
  const row = await readStaffSessionRow(db, id);
  if (!row) throw new Error(`The session ${id} just written is missing`);
  const counts = await sessionRegistrationCounts(db, [id]);
  return {
    ...(status ? { status } : {}),
    body: managedSessionOf(row, at, counts.get(id)),
    etag: sessionEtag(row),
    ...(status === 201 ? { headers: { location: `/v1/sessions/${id}` } } : {}),
  };
}

function locationOf(place: SessionPlace): Session['location'] {
  return place.kind === 'on_site'
    ? { kind: 'on_site', region: place.region, city: place.city, address: place.address }
    : { kind: 'online', ...(place.platform ? { platform: place.platform } : {}) };
}

function refuseStartInPast(start: string, at: string): void {
  if (start <= at)
    throw problem('validation_failed', 'A session starts in the future', {
      errors: [
        { path: '/period/start', in: 'body', code: 'too_small', message: 'A session starts in the future' },
      ],
    });
}

/**
 * `sessions.create`: schedules a session of a published course, open for registration in its window.
 *
 * @example
 * ```ts
 * app.bind(createSession, createSessionHandler);
 * ```
 */
export async function createSessionHandler({
  db,
  params,
  body,
  auth,
  now,
  requestId,
}: HandlerInput<typeof createSession>) {
  const at = instant(now);
  const found = await staffCourse(db, auth, params.courseId);
  if (found.state !== 'published')
    throw problem('invalid_state', 'Publish the course before scheduling its sessions');
  refuseStartInPast(body.period.start, at);
  const id = `ses_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
  const session: Session = {
    id,
    courseId: found.course.id,
    period: body.period,
    timeZone: 'Africa/Casablanca',
    location: locationOf(body.place),
    capacity: body.capacity,
    seatsLeft: body.capacity,
    waitlistCount: 0,
    registrationWindow: body.registrationWindow,
    registrationState: 'open',
    status: 'scheduled',
    trainers: body.trainers,
    language: body.language,
  };
  await db.atomic(async () => {
    await saveSession(db, session);
    await writeSessionPlace(db, id, body.place);
    await auditTraining(
      db,
      { auth, now, requestId },
      'session.create',
      { type: 'session', id },
      {
        courseId: found.course.id,
        organisationId: found.organisationId,
      },
    );
  });
  return await sessionAnswer(db, id, at, 201);
}

/**
 * `sessions.managed`: one keyset page of a course's sessions with their registrations counted.
 *
 * @example
 * ```ts
 * app.bind(listManagedSessions, listManagedSessionsHandler);
 * ```
 */
export async function listManagedSessionsHandler({
  db,
  params,
  query,
  auth,
  now,
}: HandlerInput<typeof listManagedSessions>) {
  const after = readKeysetCursor(query.cursor, SESSIONS_BY_START.name, SESSIONS_BY_START.keys.length);
  const found = await staffCourse(db, auth, params.courseId);
  const at = instant(now);
  const page = await managedSessionPage(db, found.course.id, { limit: query.limit, after });
  const counts = await sessionRegistrationCounts(
    db,
    page.items.map((row) => row.id),
  );
  return {
    body: {
      items: page.items.map((row) => managedSessionOf(row, at, counts.get(row.id))),
      nextCursor: page.nextCursor,
      total: page.total,
    },
  };
}

/**
 * Gives a session's free seats to its waitlist, first in line first: each promoted registration is
 * confirmed, recorded (`registration.confirmed`, promoted) and told. Returns how many were promoted.
 */
async function promoteWaitlist(db: Db, sessionId: string, at: string, reason: string): Promise<number> {
  let promoted = 0;
  for (;;) {
    if (!(await takeSeatForWaitlist(db, sessionId))) return promoted;
    const first = (await firstWaitlisted(db, sessionId)) as RegistrationRow | undefined;
    if (!first) {
      // The counter said someone waits but nobody does: give the seat back and stop.
      await returnSeatOfEmptyWaitlist(db, sessionId);
      return promoted;
    }
    await setRegistrationStatus(db, first, 'confirmed', at, reason);
    await leaveWaitlist(db, sessionId);
    await recordRegistrationConfirmed(
      db,
      { id: first.id, sessionId, courseId: first.course_id, associationId: first.association_id },
      at,
      true,
    );
    await noticeWaitlistPromotion(db, first.id);
    promoted++;
  }
}

/**
 * `sessions.getManaged`: the session as its staff edit it, with its ETag.
 *
 * @example
 * ```ts
 * app.bind(getManagedSession, getManagedSessionHandler);
 * ```
 */
export async function getManagedSessionHandler({
  db,
  params,
  auth,
  now,
}: HandlerInput<typeof getManagedSession>) {
  const { row } = await staffSession(db, auth, params.sessionId);
  return await sessionAnswer(db, row.id, instant(now));
}

/**
 * `sessions.update`: replaces the fields given (`If-Match` required). The capacity never goes below the
 * seats taken (`capacity_below_confirmed`); seats it adds go to the waitlist first.
 *
 * @example
 * ```ts
 * app.bind(updateSession, updateSessionHandler);
 * ```
 */
export async function updateSessionHandler({
  db,
  params,
  body,
  auth,
  now,
  requestId,
  c,
}: HandlerInput<typeof updateSession>) {
  const at = instant(now);
  const { row, course } = await staffSession(db, auth, params.sessionId);
  const counts = await sessionRegistrationCounts(db, [row.id]);
  requireIfMatch(c, sessionEtag(row), managedSessionOf(row, at, counts.get(row.id)));
  if (row.status === 'cancelled') throw problem('invalid_state', 'The session is cancelled');
  if (row.end_at <= at) throw problem('invalid_state', 'The session is over');
  const stored = JSON.parse(row.data) as Session;
  const period = body.period ?? stored.period;
  const window = body.registrationWindow ?? stored.registrationWindow;
  if (body.period && body.period.start !== stored.period.start) refuseStartInPast(body.period.start, at);
  if (window.closes > period.end)
    throw problem('validation_failed', 'Registration closes before the session ends', {
      errors: [
        {
          path: '/registrationWindow/closes',
          in: 'body',
          code: 'too_big',
          message: 'Registration closes before the session ends',
        },
      ],
    });
  const session: Session = {
    ...stored,
    period,
    registrationWindow: window,
    ...(body.place ? { location: locationOf(body.place) } : {}),
    ...(body.trainers ? { trainers: body.trainers } : {}),
    ...(body.language ? { language: body.language } : {}),
  };
  await db.atomic(async () => {
    const taken = await seatsTaken(db, row.id);
    const capacity = body.capacity ?? Number(row.capacity);
    if (capacity < taken)
      throw problem(
        'capacity_below_confirmed',
        `${taken} registrations are confirmed: the capacity cannot go below that`,
        {
          errors: [
            {
              path: '/capacity',
              in: 'body',
              code: 'too_small',
              message: `At least ${taken}`,
              params: { minimum: taken },
            },
          ],
        },
      );
    session.capacity = capacity;
    await rewriteSession(db, { ...session, id: row.id }, { seatsLeft: capacity - taken });
    if (body.place) await writeSessionPlace(db, row.id, body.place);
    const promoted = await promoteWaitlist(
      db,
      row.id,
      at,
      'Promoted from the waitlist: the session has more seats',
    );
    await auditTraining(
      db,
      { auth, now, requestId },
      'session.update',
      { type: 'session', id: row.id },
      {
        courseId: course.id,
        fields: Object.keys(body),
        ...(body.capacity === undefined ? {} : { capacity, promoted }),
      },
    );
  });
  return await sessionAnswer(db, row.id, at);
}

/**
 * `sessions.cancel`: cancels a session not over yet; its live registrations are cancelled with the reason
 * and their participants told by e-mail, in the same transaction.
 *
 * @example
 * ```ts
 * app.bind(cancelSession, cancelSessionHandler);
 * ```
 */
export async function cancelSessionHandler({
  db,
  params,
  body,
  auth,
  now,
  requestId,
}: HandlerInput<typeof cancelSession>) {
  const at = instant(now);
  const { row, course } = await staffSession(db, auth, params.sessionId);
  if (row.status === 'cancelled') throw problem('invalid_state', 'The session is cancelled already');
  if (row.end_at <= at) throw problem('invalid_state', 'The session is over');
  await db.atomic(async () => {
    const stored = JSON.parse(row.data) as Session;
    await markSessionCancelled(db, { ...stored, id: row.id }, body.reason);
    const live = await liveRegistrationsOf(db, row.id);
    for (const registration of live)
      await setRegistrationStatus(db, registration, 'cancelled', at, body.reason);
    const told = await noticeSessionCancelled(db, {
      registrationIds: live.map((registration) => registration.id),
      course,
      session: stored,
      reason: body.reason,
    });
    await auditTraining(
      db,
      { auth, now, requestId },
      'session.cancel',
      { type: 'session', id: row.id },
      {
        courseId: course.id,
        registrationsCancelled: live.length,
        told,
      },
    );
  });
  return await sessionAnswer(db, row.id, at);
}
