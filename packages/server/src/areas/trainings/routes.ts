import { randomUUID } from 'node:crypto';
import {
  type Account,
  type CreateRegistration,
  cancelRegistration,
  cancelSession,
  createCourse,
  createRegistration,
  createSession,
  evaluateRegistration,
  getAttendance,
  getCourse,
  getManagedCourse,
  getManagedSession,
  getRegistration,
  getSession,
  getSessionEvaluations,
  listManagedCourses,
  listManagedSessions,
  listMyRegistrations,
  listRegistrations,
  markAttendance,
  publishCourse,
  recordAttendance,
  searchCourses,
  searchSessions,
  type TrainingParticipant,
  updateCourse,
  updateSession,
} from '@nassij/contract';
import { isAdmin, isMemberOf, isRepresentativeOf } from '../../auth/standing.js';
import { audit } from '../../db/audit.js';
import type { Db } from '../../db/db.js';
import { recordRegistrationConfirmed } from '../../events/subjects.js';
import type { ApiApp, HandlerInput } from '../../http/app.js';
import { problem } from '../../http/problem.js';
import { memberDisplayName } from '../association-members/store.js';
import { noticeWaitlistPromotion } from '../notices/index.js';
import { getAttendanceHandler, markAttendanceHandler } from './attendance.js';
import {
  cancelSessionHandler,
  createCourseHandler,
  createSessionHandler,
  getManagedCourseHandler,
  getManagedSessionHandler,
  listManagedCoursesHandler,
  listManagedSessionsHandler,
  publishCourseHandler,
  updateCourseHandler,
  updateSessionHandler,
} from './authoring.js';
import { readCourseDetail, searchCoursePage, searchSessionPage } from './catalogue.js';
import { getSessionEvaluationsHandler } from './evaluations.js';
import {
  addPromotionNote,
  firstWaitlisted,
  freeSeat,
  leaveWaitlist,
  listRegistrationPage,
  liveRegistrationId,
  readRegistrationCursor,
  takeSeatOrWait,
  writeRegistrationData,
} from './registrations.js';
import {
  insertRegistration,
  instant,
  type RegistrationRow,
  readCourse,
  readRegistrationRow,
  readSessionRow,
  registrationData,
  type SessionRow,
  sessionState,
  setRegistrationStatus,
  toRegistration,
  toSession,
} from './store.js';

/** The registration, if the caller may see it: a member of its association or an admin. */
async function ownedRegistration(
  db: Db,
  auth: Account | null,
  id: string,
  adminToo = true,
): Promise<RegistrationRow> {
  const row = await readRegistrationRow(db, id);
  if (!row) throw problem('not_found', 'No such registration');
  if (!isMemberOf(auth, row.association_id) && !(adminToo && isAdmin(auth))) {
    throw problem('forbidden', 'This registration belongs to another association');
  }
  return row;
}

/** The registration as it stands now (after the handler's transaction). */
async function currentRegistration(db: Db, id: string) {
  return await toRegistration(db, (await readRegistrationRow(db, id)) as RegistrationRow);
}

async function searchCoursesHandler({ db, query, now }: HandlerInput<typeof searchCourses>) {
  return { body: await searchCoursePage(db, query, instant(now)) };
}

async function getCourseHandler({ db, params, now }: HandlerInput<typeof getCourse>) {
  const course = await readCourseDetail(db, params.courseId, instant(now));
  if (!course) throw problem('not_found', 'No such course');
  return { body: course };
}

async function searchSessionsHandler({ db, query, now }: HandlerInput<typeof searchSessions>) {
  return { body: await searchSessionPage(db, query, instant(now)) };
}

async function getSessionHandler({ db, params, now }: HandlerInput<typeof getSession>) {
  const row = await readSessionRow(db, params.sessionId);
  if (!row) throw problem('not_found', 'No such session');
  return { body: toSession(row, instant(now)) };
}

/**
 * The participant a registration names. An account registers itself, or the association's representative
 * registers it (403 otherwise), and it must be a member of the association (422 `participant_not_member`);
 * its display name is shown, never its e-mail.
 */
async function participantOf(
  db: Db,
  auth: Account | null,
  associationId: string,
  participant: CreateRegistration['participant'],
): Promise<TrainingParticipant & { accountId: string }> {
  const { accountId } = participant;
  if (auth?.id !== accountId && !isRepresentativeOf(auth, associationId)) {
    throw problem(
      'forbidden',
      "A member registers themself; the association's representative registers its members",
    );
  }
  const displayName = await memberDisplayName(db, associationId, accountId);
  if (displayName === undefined) {
    throw problem('participant_not_member', 'The participant is not a member of this association', {
      errors: [
        {
          path: '/participant/accountId',
          in: 'body',
          code: 'invalid_value',
          message: 'Not a member of this association',
        },
      ],
    });
  }
  return {
    name: displayName.slice(0, 120),
    ...(participant.role ? { role: participant.role } : {}),
    accountId,
  };
}

async function createRegistrationHandler({ db, body, auth, now }: HandlerInput<typeof createRegistration>) {
  const participant = await participantOf(db, auth, body.associationId, body.participant);
  const at = instant(now);
  const id = `reg_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
  await db.atomic(async () => {
    const session = await readSessionRow(db, body.sessionId);
    if (!session) throw problem('not_found', 'No such session');
    const state = sessionState(session, at);
    if (state === 'closed' || state === 'suspended') {
      throw problem('invalid_state', `Registration for this session is ${state}`);
    }
    if (await liveRegistrationId(db, session.id, participant.accountId)) {
      throw problem('already_registered', 'This participant is already registered to the session');
    }
    const status = await takeSeatOrWait(db, session.id);
    await insertRegistration(db, {
      id,
      sessionId: session.id,
      courseId: session.course_id,
      associationId: body.associationId,
      participant,
      status,
      createdAt: at,
    });
    if (status === 'confirmed')
      await recordRegistrationConfirmed(
        db,
        { id, sessionId: session.id, courseId: session.course_id, associationId: body.associationId },
        at,
        false,
      );
  });
  const row = await readRegistrationRow(db, id);
  if (!row) throw problem('internal');
  return {
    status: 201,
    body: await toRegistration(db, row),
    headers: { location: `/v1/registrations/${id}` },
  };
}

async function listRegistrationsHandler({ db, query, auth }: HandlerInput<typeof listRegistrations>) {
  // Read first: a damaged cursor is a 422 whoever asks.
  const after = readRegistrationCursor(query.cursor);
  let associationIds = (auth?.memberships ?? []).map((m) => m.associationId);
  if (query.associationId) {
    if (!associationIds.includes(query.associationId) && !isAdmin(auth)) {
      throw problem('forbidden', 'You are not a member of this association');
    }
    associationIds = [query.associationId];
  }
  return {
    body: await listRegistrationPage(db, {
      associationIds,
      sessionId: query.sessionId,
      status: query.status,
      limit: query.limit,
      after,
    }),
  };
}

async function getRegistrationHandler({ db, params, auth }: HandlerInput<typeof getRegistration>) {
  return { body: await toRegistration(db, await ownedRegistration(db, auth, params.registrationId)) };
}

/**
 * Cancels a live registration of a session not over yet. A waitlisted one leaves the line; a confirmed
 * one's seat goes straight to the first in line (seats stay the same, the line shortens), or back to the
 * session when nobody waits.
 */
async function cancelRegistrationHandler({
  db,
  params,
  body,
  auth,
  now,
}: HandlerInput<typeof cancelRegistration>) {
  const at = instant(now);
  await db.atomic(async () => {
    const row = await ownedRegistration(db, auth, params.registrationId);
    if (!['requested', 'confirmed', 'waitlisted'].includes(row.status)) {
      throw problem('invalid_state', `A ${row.status} registration cannot be cancelled`);
    }
    const session = (await readSessionRow(db, row.session_id)) as SessionRow;
    if (session.end_at <= at) throw problem('invalid_state', 'The session is over');
    await setRegistrationStatus(db, row, 'cancelled', at, body?.reason);
    if (row.status === 'waitlisted') {
      await leaveWaitlist(db, session.id);
      return;
    }
    if (row.status !== 'confirmed') return;
    const first = await firstWaitlisted(db, session.id);
    if (!first) {
      await freeSeat(db, session.id);
      return;
    }
    await setRegistrationStatus(
      db,
      first,
      'confirmed',
      at,
      `Promoted from the waitlist after registration ${row.id} was cancelled`,
    );
    await leaveWaitlist(db, session.id);
    await addPromotionNote(db, row.id, first.id);
    await recordRegistrationConfirmed(
      db,
      {
        id: first.id,
        sessionId: first.session_id,
        courseId: first.course_id,
        associationId: first.association_id,
      },
      at,
      true,
    );
    await noticeWaitlistPromotion(db, first.id);
  });
  return { body: await currentRegistration(db, params.registrationId) };
}

/** Records attendance of a started session; completing a course with a credential issues it (once). */
async function recordAttendanceHandler({
  db,
  params,
  body,
  auth,
  now,
  requestId,
}: HandlerInput<typeof recordAttendance>) {
  const at = instant(now);
  await db.atomic(async () => {
    const row = await readRegistrationRow(db, params.registrationId);
    if (!row) throw problem('not_found', 'No such registration');
    if (!['confirmed', 'attended', 'no_show', 'completed'].includes(row.status)) {
      throw problem('invalid_state', `Attendance cannot be recorded for a ${row.status} registration`);
    }
    const session = (await readSessionRow(db, row.session_id)) as SessionRow;
    if (session.start_at > at) throw problem('invalid_state', 'The session has not started');
    const course = await readCourse(db, row.course_id);
    const data = registrationData(row);
    data.attendance = { attendedHours: body.attendedHours };
    if (body.status === 'completed' && course?.credential !== 'none') data.credentialIssuedOn ??= at;
    await setRegistrationStatus(db, row, body.status, at, undefined, data);
    await audit(db, {
      at: now,
      accountId: auth?.id ?? null,
      action: 'registration.attendance',
      targetType: 'registration',
      targetId: row.id,
      requestId,
      details: {
        sessionId: row.session_id,
        from: row.status,
        to: body.status,
        attendedHours: body.attendedHours,
        ...(data.credentialIssuedOn ? { credentialIssuedOn: data.credentialIssuedOn } : {}),
      },
    });
  });
  return { body: await currentRegistration(db, params.registrationId) };
}

/**
 * `registrations.mine`: the registrations naming the signed-in account as participant, whatever the
 * association, newest first.
 */
async function listMyRegistrationsHandler({ db, query, auth }: HandlerInput<typeof listMyRegistrations>) {
  const after = readRegistrationCursor(query.cursor);
  return {
    body: await listRegistrationPage(db, {
      associationIds: [],
      participantAccountId: auth?.id ?? '',
      status: query.status,
      limit: query.limit,
      after,
    }),
  };
}

/**
 * One evaluation per registration, once the attended session has ended: by the participant or the
 * association's representative when the registration names an account, by any member of the association
 * for older registrations that name none.
 */
async function evaluateRegistrationHandler({
  db,
  params,
  body,
  auth,
  now,
}: HandlerInput<typeof evaluateRegistration>) {
  const at = instant(now);
  await db.atomic(async () => {
    const row = await ownedRegistration(db, auth, params.registrationId, false);
    const data = registrationData(row);
    const participantId = data.participant.accountId;
    if (participantId && auth?.id !== participantId && !isRepresentativeOf(auth, row.association_id)) {
      throw problem('forbidden', "Only the participant or the association's representative evaluates");
    }
    if (data.evaluation) throw problem('already_exists', 'This registration was evaluated already');
    const session = (await readSessionRow(db, row.session_id)) as SessionRow;
    if (session.end_at > at) throw problem('invalid_state', 'A session is evaluated once it has ended');
    if (row.status !== 'attended' && row.status !== 'completed') {
      throw problem('invalid_state', 'Only a participant who attended evaluates the session');
    }
    data.evaluation = {
      rating: body.rating,
      ...(body.comment ? { comment: body.comment } : {}),
      submittedAt: at,
    };
    await writeRegistrationData(db, row.id, data);
  });
  return { body: await currentRegistration(db, params.registrationId) };
}

/**
 * Binds the training routes: course and session search, reading, and the registration life cycle
 * (create with seats counted atomically and a waitlist, cancel with promotion, attendance, evaluation).
 *
 * @example
 * ```ts
 * registerTrainingRoutes(app);
 * ```
 */
export function registerTrainingRoutes(app: ApiApp): void {
  app.bind(searchCourses, searchCoursesHandler);
  app.bind(getCourse, getCourseHandler);
  app.bind(searchSessions, searchSessionsHandler);
  app.bind(getSession, getSessionHandler);
  app.bind(createRegistration, createRegistrationHandler);
  app.bind(listRegistrations, listRegistrationsHandler);
  app.bind(getRegistration, getRegistrationHandler);
  app.bind(cancelRegistration, cancelRegistrationHandler);
  app.bind(recordAttendance, recordAttendanceHandler);
  app.bind(evaluateRegistration, evaluateRegistrationHandler);
  app.bind(listMyRegistrations, listMyRegistrationsHandler);
  app.bind(createCourse, createCourseHandler);
  app.bind(listManagedCourses, listManagedCoursesHandler);
  app.bind(getManagedCourse, getManagedCourseHandler);
  app.bind(updateCourse, updateCourseHandler);
  app.bind(publishCourse, publishCourseHandler);
  app.bind(createSession, createSessionHandler);
  app.bind(listManagedSessions, listManagedSessionsHandler);
  app.bind(getManagedSession, getManagedSessionHandler);
  app.bind(updateSession, updateSessionHandler);
  app.bind(cancelSession, cancelSessionHandler);
  app.bind(getAttendance, getAttendanceHandler);
  app.bind(markAttendance, markAttendanceHandler);
  app.bind(getSessionEvaluations, getSessionEvaluationsHandler);
}
