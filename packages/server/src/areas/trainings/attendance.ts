// Attendance per participant per day. The sheet lists each registration holding a seat of a session and
// each day of the session (Casablanca dates, start to end); staff mark present or absent, many at once. Once
// the session has ended, each marked registration's status follows its marks (`COMPLETION_SHARE`):
// `completed` when present on every day, `attended` on some, `no_show` on none.
import type { getAttendance, markAttendance } from '@nassij/contract';
import {
  type AttendanceLine,
  type AttendanceSheet,
  COMPLETION_SHARE,
  type Course,
  casablancaDate,
  casablancaDays,
  type FieldError,
  type RegistrationStatus,
  type TrainingParticipant,
} from '@nassij/contract';
import { audit } from '../../db/audit.js';
import type { Db } from '../../db/db.js';
import type { HandlerInput } from '../../http/app.js';
import { problem } from '../../http/problem.js';
import { marksOf, saveMark, seatHolders, sessionCertificates, sessionMarks } from './attendance-store.js';
import { staffSession } from './authoring.js';
import { writeRegistrationData } from './registrations.js';
import {
  instant,
  type RegistrationRow,
  registrationData,
  type SessionRow,
  setRegistrationStatus,
} from './store.js';

/**
 * The status marks give a registration once its session has ended: `completed` when present on at least
 * {@link COMPLETION_SHARE} of the days (every day), `no_show` when present on none, `attended` otherwise.
 *
 * @example
 * ```ts
 * statusFromMarks(2, 2); // 'completed'
 * statusFromMarks(1, 2); // 'attended'
 * ```
 */
export function statusFromMarks(presentDays: number, days: number): RegistrationStatus {
  if (presentDays === 0) return 'no_show';
  return presentDays >= Math.ceil(days * COMPLETION_SHARE) ? 'completed' : 'attended';
}

async function sheetOf(db: Db, row: SessionRow, at: string): Promise<AttendanceSheet> {
  const days = casablancaDays(row.start_at, row.end_at);
  // Every read joins the session's seat holders: no list of (up to capacity) ids goes back to the database.
  const holders = await seatHolders(db, row.id);
  const marked = await sessionMarks(db, row.id);
  const certificates = await sessionCertificates(db, row.id);
  const lines = holders.map((holder): AttendanceLine => {
    const participant: TrainingParticipant = registrationData(holder).participant;
    const own = marked.get(holder.id);
    const certificateId = certificates.get(holder.id);
    return {
      registrationId: holder.id,
      associationId: holder.association_id,
      participant: {
        name: participant.name,
        ...(participant.role ? { role: participant.role } : {}),
        ...(participant.accountId ? { accountId: participant.accountId } : {}),
      },
      status: holder.status as RegistrationStatus,
      days: days.filter((day) => own?.has(day)).map((day) => ({ day, present: own?.get(day) === true })),
      ...(certificateId ? { certificateId } : {}),
    };
  });
  return {
    sessionId: row.id,
    timeZone: 'Africa/Casablanca',
    days,
    completionShare: COMPLETION_SHARE,
    ended: row.end_at <= at,
    lines,
  };
}

/**
 * `sessions.attendance`: the sheet of a session, for the staff who run its course's organisation's trainings.
 *
 * @example
 * ```ts
 * app.bind(getAttendance, getAttendanceHandler);
 * ```
 */
export async function getAttendanceHandler({ db, params, auth, now }: HandlerInput<typeof getAttendance>) {
  const { row } = await staffSession(db, auth, params.sessionId);
  return { body: await sheetOf(db, row, instant(now)) };
}

/**
 * `sessions.markAttendance`: saves the marks (all or none), then, once the session has ended, sets each
 * marked registration's status from its marks, with its attended hours; `completed` issues the course's
 * credential date as the older attendance route does.
 *
 * @example
 * ```ts
 * app.bind(markAttendance, markAttendanceHandler);
 * ```
 */
export async function markAttendanceHandler({
  db,
  params,
  body,
  auth,
  now,
  requestId,
}: HandlerInput<typeof markAttendance>) {
  const at = instant(now);
  const { row, course } = await staffSession(db, auth, params.sessionId);
  if (row.status === 'cancelled') throw problem('invalid_state', 'The session is cancelled');
  const days = casablancaDays(row.start_at, row.end_at);
  const today = casablancaDate(at);
  await db.atomic(async () => {
    const holders = new Map((await seatHolders(db, row.id)).map((holder) => [holder.id, holder]));
    const unknown: FieldError[] = [];
    const badDays: FieldError[] = [];
    body.marks.forEach((mark, i) => {
      if (!holders.has(mark.registrationId))
        unknown.push({
          path: `/marks/${i}/registrationId`,
          in: 'body',
          code: 'invalid_value',
          message: `${mark.registrationId} holds no seat in this session`,
        });
      if (!days.includes(mark.day))
        badDays.push({
          path: `/marks/${i}/day`,
          in: 'body',
          code: 'invalid_value',
          message: `Not a day of the session (${days[0]} to ${days.at(-1)})`,
        });
      else if (mark.day > today)
        badDays.push({
          path: `/marks/${i}/day`,
          in: 'body',
          code: 'too_big',
          message: 'This day has not come yet',
        });
    });
    if (unknown.length > 0)
      throw problem('not_registered', 'Some marks name a registration that holds no seat here', {
        errors: unknown,
      });
    if (badDays.length > 0)
      throw problem('validation_failed', 'Some marks name a wrong day', { errors: badDays });
    for (const mark of body.marks) await saveMark(db, mark, { at, by: auth?.id ?? null });
    const touched = [...new Set(body.marks.map((mark) => mark.registrationId))];
    const decided = row.end_at <= at ? await decideStatuses(db, touched, holders, days, course, at) : [];
    await audit(db, {
      at: now,
      accountId: auth?.id ?? null,
      action: 'registration.attendance',
      targetType: 'session',
      targetId: row.id,
      requestId,
      details: { marks: body.marks.length, registrations: touched.length, decided },
    });
  });
  return { body: await sheetOf(db, row, at) };
}

/** Sets each registration's status from its marks (the session has ended); returns the changes made. */
async function decideStatuses(
  db: Db,
  ids: readonly string[],
  holders: Map<string, RegistrationRow>,
  days: readonly string[],
  course: Course,
  at: string,
): Promise<{ id: string; from: string; to: string }[]> {
  const marked = await marksOf(db, ids);
  const changes: { id: string; from: string; to: string }[] = [];
  for (const id of ids) {
    const holder = holders.get(id);
    if (!holder) continue;
    const present = [...(marked.get(id)?.values() ?? [])].filter(Boolean).length;
    const status = statusFromMarks(present, days.length);
    const data = registrationData(holder);
    data.attendance = {
      attendedHours: Math.round((course.durationHours * present * 100) / days.length) / 100,
    };
    if (status === 'completed' && course.credential !== 'none') data.credentialIssuedOn ??= at;
    if (status !== 'completed') delete data.credentialIssuedOn;
    if (status === holder.status) {
      await writeRegistrationData(db, id, data);
      continue;
    }
    await setRegistrationStatus(
      db,
      holder,
      status,
      at,
      `Attendance: present ${present} of ${days.length} days`,
      data,
    );
    changes.push({ id, from: holder.status, to: status });
  }
  return changes;
}
