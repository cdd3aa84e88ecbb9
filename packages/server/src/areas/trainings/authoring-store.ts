// The SQL of course and session authoring (./authoring.ts holds the handlers and their rules): drafts and
// published courses as staff find and write them, the staff's keyset lists with their counts, and the
// session writes of scheduling, changes, waitlist promotion and cancellation.
import type { Course, ManagedCourse, ManagedSession, Session, SessionPlace } from '@nassij/contract';
import type { Db } from '../../db/db.js';
import { marks } from '../../db/faceted-search.js';
import { type Keyset, type KeyValue, keysetClause, keysetPage, orderByClause } from '../../http/cursor.js';
import { indexForSearch } from '../../search/search.js';
import { COURSE_KIND, type RegistrationRow, type SessionRow, titleSortOf } from './store.js';

/** Statuses that hold a seat of a session: the confirmed, and those whose attendance is decided. */
export const SEAT_STATUSES = ['confirmed', 'attended', 'completed', 'no_show'] as const;

/** A course row as staff read it, published (`courses`) or a draft (`course_drafts`). */
export interface StaffCourseRow {
  id: string;
  created_at: string;
  published_at: string | null;
  state: 'draft' | 'published';
  data: string;
}

/**
 * The course `courseId` as staff find it: published first (`courses`), else its draft (`course_drafts`,
 * with the organisation that drafted it); `undefined` when neither holds it.
 *
 * @example
 * ```ts
 * const found = await readStaffCourseRow(db, 'crs_0001');
 * found?.state; // 'published'
 * ```
 */
export async function readStaffCourseRow(
  db: Db,
  courseId: string,
): Promise<(StaffCourseRow & { organisation_id: string | null }) | undefined> {
  const published = await db.one<{ data: string; created_at: string; published_at: string | null }>(
    'SELECT data, created_at, published_at FROM courses WHERE id = ?',
    [courseId],
  );
  if (published) return { id: courseId, state: 'published', organisation_id: null, ...published };
  const draft = await db.one<{ data: string; created_at: string; organisation_id: string }>(
    'SELECT data, created_at, organisation_id FROM course_drafts WHERE id = ?',
    [courseId],
  );
  return draft ? { id: courseId, state: 'draft', published_at: null, ...draft } : undefined;
}

/**
 * How many sessions each course has, and how many of them are scheduled and not started at `at`; a course
 * without any is absent from the map. One statement for a page of courses.
 *
 * @example
 * ```ts
 * const counts = await courseSessionCounts(db, ['crs_0001'], '2026-12-05T09:00:00Z');
 * counts.get('crs_0001'); // { total: 4, upcoming: 2 }
 * ```
 */
export async function courseSessionCounts(
  db: Db,
  courseIds: readonly string[],
  at: string,
): Promise<Map<string, ManagedCourse['sessions']>> {
  const counts = new Map<string, ManagedCourse['sessions']>();
  if (courseIds.length === 0) return counts;
  for (const row of await db.all<{ course_id: string; total: number | string; upcoming: number | string }>(
    `SELECT course_id, COUNT(*) AS total,
            SUM(CASE WHEN start_at > ? AND status = 'scheduled' THEN 1 ELSE 0 END) AS upcoming
       FROM training_sessions WHERE course_id IN (${marks(courseIds)}) GROUP BY course_id`,
    [at, ...courseIds],
  )) {
    counts.set(row.course_id, { total: Number(row.total), upcoming: Number(row.upcoming) });
  }
  return counts;
}

/**
 * Saves a new draft course of an organisation, never public until published.
 *
 * @example
 * ```ts
 * await insertCourseDraft(db, course, { organisationId: 'org_x', createdAt: at });
 * ```
 */
export async function insertCourseDraft(
  db: Db,
  course: Course,
  draft: { organisationId: string; createdAt: string },
): Promise<void> {
  await db.write('INSERT INTO course_drafts (id, organisation_id, created_at, data) VALUES (?, ?, ?, ?)', [
    course.id,
    draft.organisationId,
    draft.createdAt,
    JSON.stringify(course),
  ]);
}

/**
 * Replaces a draft course's fields.
 *
 * @example
 * ```ts
 * await updateCourseDraft(db, { ...course, durationHours: 12 });
 * ```
 */
export async function updateCourseDraft(db: Db, course: Course): Promise<void> {
  await db.write('UPDATE course_drafts SET data = ? WHERE id = ?', [JSON.stringify(course), course.id]);
}

/**
 * Rewrites a published course's row, competencies, languages and search words after a change.
 *
 * @example
 * ```ts
 * await rewritePublishedCourse(db, { ...course, modality: 'online' });
 * ```
 */
export async function rewritePublishedCourse(db: Db, course: Course): Promise<void> {
  await db.write('UPDATE courses SET title_sort = ?, modality = ?, free = ?, data = ? WHERE id = ?', [
    titleSortOf(course),
    course.modality,
    course.cost.free ? 1 : 0,
    JSON.stringify(course),
    course.id,
  ]);
  await db.write('DELETE FROM course_competencies WHERE course_id = ?', [course.id]);
  for (const competency of course.competencies)
    await db.write('INSERT INTO course_competencies (course_id, code, level) VALUES (?, ?, ?)', [
      course.id,
      competency.code,
      competency.level,
    ]);
  await db.write('DELETE FROM course_languages WHERE course_id = ?', [course.id]);
  for (const language of new Set(course.languages))
    await db.write('INSERT INTO course_languages (course_id, language) VALUES (?, ?)', [course.id, language]);
  await indexForSearch(db, COURSE_KIND, course.id, [
    course.title,
    course.description,
    ...course.objectives,
    course.targetAudience,
    course.provider.name,
    course.reference,
  ]);
}

/**
 * Dates the publication of a course just saved to `courses` (`saveCourse`) and drops its draft.
 *
 * @example
 * ```ts
 * await saveCourse(db, course, createdAt);
 * await markCoursePublished(db, course.id, at);
 * ```
 */
export async function markCoursePublished(db: Db, courseId: string, at: string): Promise<void> {
  await db.write('UPDATE courses SET published_at = ? WHERE id = ?', [at, courseId]);
  await db.write('DELETE FROM course_drafts WHERE id = ?', [courseId]);
}

/** An organisation's courses newest first, drafts and published alike (ties broken by id). */
export const COURSES_NEWEST: Keyset = {
  name: 'newest',
  keys: [
    { expr: 'c.created_at', desc: true },
    { expr: 'c.id', desc: true },
  ],
};

/**
 * One keyset page of an organisation's courses, newest first, published (`courses` of its sector) and
 * drafts (`course_drafts` of the organisation) alike, with the total. Each branch of the union takes its own
 * `ORDER BY … LIMIT` from its index (`courses_by_provider`, `course_drafts_by_organisation`, read
 * backwards), so the merge sorts at most twice a page of rows instead of every course of the organisation.
 *
 * @example
 * ```ts
 * const page = await managedCoursePage(db, {
 *   sectorCode: 'FOR', organisationId: 'org_x', state: undefined, limit: 20, after: undefined,
 * });
 * ```
 */
export async function managedCoursePage(
  db: Db,
  filter: {
    sectorCode: string;
    organisationId: string;
    state: 'draft' | 'published' | undefined;
    limit: number;
    after: KeyValue[] | undefined;
  },
): Promise<{ items: StaffCourseRow[]; nextCursor: string | null; total: number }> {
  const keyset = keysetClause(COURSES_NEWEST, filter.after);
  const order = orderByClause(COURSES_NEWEST);
  const counts: string[] = [];
  const countParams: string[] = [];
  const branches: string[] = [];
  const branchParams: KeyValue[] = [];
  if (filter.state !== 'draft') {
    counts.push('SELECT COUNT(*) AS n FROM courses WHERE provider_sector = ?');
    countParams.push(filter.sectorCode);
    branches.push(
      `SELECT * FROM (SELECT c.id, c.created_at, c.published_at, 'published' AS state, c.data FROM courses c
        WHERE c.provider_sector = ? AND (${keyset.sql}) ${order} LIMIT ?) p`,
    );
    branchParams.push(filter.sectorCode, ...keyset.params, filter.limit + 1);
  }
  if (filter.state !== 'published') {
    counts.push('SELECT COUNT(*) AS n FROM course_drafts WHERE organisation_id = ?');
    countParams.push(filter.organisationId);
    branches.push(
      `SELECT * FROM (SELECT c.id, c.created_at, NULL AS published_at, 'draft' AS state, c.data FROM course_drafts c
        WHERE c.organisation_id = ? AND (${keyset.sql}) ${order} LIMIT ?) d`,
    );
    branchParams.push(filter.organisationId, ...keyset.params, filter.limit + 1);
  }
  const total = Number(
    (
      await db.one<{ n: number | string }>(
        `SELECT SUM(n) AS n FROM (${counts.join(' UNION ALL ')}) t`,
        countParams,
      )
    )?.n ?? 0,
  );
  const fetched = await db.all<StaffCourseRow>(
    `SELECT c.id, c.created_at, c.published_at, c.state, c.data FROM (${branches.join(' UNION ALL ')}) c
      ${order} LIMIT ?`,
    [...branchParams, filter.limit + 1],
  );
  const page = keysetPage(fetched, filter.limit, COURSES_NEWEST.name, (row) => [row.created_at, row.id]);
  return { ...page, total };
}

/** A session row with the staff-only columns. */
export interface StaffSessionRow extends SessionRow {
  join_url: string | null;
  cancellation_reason: string | null;
}

const STAFF_SESSION_COLUMNS =
  'id, course_id, start_at, end_at, capacity, seats_left, waitlist_count, opens_at, closes_at, registration_state, status, data, join_url, cancellation_reason';

/**
 * A session with its staff-only columns (join link, cancellation reason), or `undefined`.
 *
 * @example
 * ```ts
 * const row = await readStaffSessionRow(db, 'ses_0002');
 * row?.join_url;
 * ```
 */
export async function readStaffSessionRow(db: Db, id: string): Promise<StaffSessionRow | undefined> {
  return await db.one<StaffSessionRow>(
    `SELECT ${STAFF_SESSION_COLUMNS} FROM training_sessions WHERE id = ?`,
    [id],
  );
}

/**
 * The registrations of each session counted: seat holders, waitlisted, and attended (decided so, or marked
 * present on some day). One statement for a page of sessions; a session without any is absent.
 *
 * @example
 * ```ts
 * const counts = await sessionRegistrationCounts(db, ['ses_0002']);
 * counts.get('ses_0002')?.confirmed; // 12
 * ```
 */
export async function sessionRegistrationCounts(
  db: Db,
  sessionIds: readonly string[],
): Promise<Map<string, ManagedSession['counts']>> {
  const counts = new Map<string, ManagedSession['counts']>();
  if (sessionIds.length === 0) return counts;
  for (const row of await db.all<{
    session_id: string;
    confirmed: number | string;
    waitlisted: number | string;
    attended: number | string;
  }>(
    `SELECT r.session_id,
            SUM(CASE WHEN r.status IN (${marks(SEAT_STATUSES)}) THEN 1 ELSE 0 END) AS confirmed,
            SUM(CASE WHEN r.status = 'waitlisted' THEN 1 ELSE 0 END) AS waitlisted,
            SUM(CASE WHEN r.status IN ('attended', 'completed')
                  OR EXISTS (SELECT 1 FROM training_attendance a WHERE a.registration_id = r.id AND a.present = 1)
                THEN 1 ELSE 0 END) AS attended
       FROM training_registrations r WHERE r.session_id IN (${marks(sessionIds)}) GROUP BY r.session_id`,
    [...SEAT_STATUSES, ...sessionIds],
  )) {
    counts.set(row.session_id, {
      confirmed: Number(row.confirmed),
      waitlisted: Number(row.waitlisted),
      attended: Number(row.attended),
    });
  }
  return counts;
}

/**
 * Writes the staff-only place of a session: its region (for the region filter) and, online, its join link.
 *
 * @example
 * ```ts
 * await writeSessionPlace(db, 'ses_0002', { kind: 'online', joinUrl: 'https://meet.example/x' });
 * ```
 */
export async function writeSessionPlace(db: Db, sessionId: string, place: SessionPlace): Promise<void> {
  await db.write('UPDATE training_sessions SET region = ?, join_url = ? WHERE id = ?', [
    place.region ?? null,
    place.kind === 'online' ? place.joinUrl : null,
    sessionId,
  ]);
}

/** Sessions in start order, served by `training_sessions_by_course_keys (course_id, start_at, id)`. */
export const SESSIONS_BY_START: Keyset = { name: 'start', keys: [{ expr: 's.start_at' }, { expr: 's.id' }] };

/**
 * One keyset page of a course's sessions with their staff-only columns, soonest first, and their total.
 *
 * @example
 * ```ts
 * const page = await managedSessionPage(db, 'crs_0001', { limit: 20, after: undefined });
 * ```
 */
export async function managedSessionPage(
  db: Db,
  courseId: string,
  page: { limit: number; after: KeyValue[] | undefined },
): Promise<{ items: StaffSessionRow[]; nextCursor: string | null; total: number }> {
  const total = Number(
    (
      await db.one<{ n: number | string }>(
        'SELECT COUNT(*) AS n FROM training_sessions WHERE course_id = ?',
        [courseId],
      )
    )?.n ?? 0,
  );
  const keyset = keysetClause(SESSIONS_BY_START, page.after);
  const fetched = await db.all<StaffSessionRow>(
    `SELECT ${STAFF_SESSION_COLUMNS} FROM training_sessions s WHERE s.course_id = ? AND (${keyset.sql})
      ${orderByClause(SESSIONS_BY_START)} LIMIT ?`,
    [courseId, ...keyset.params, page.limit + 1],
  );
  const cut = keysetPage(fetched, page.limit, SESSIONS_BY_START.name, (row) => [row.start_at, row.id]);
  return { ...cut, total };
}

/**
 * How many registrations hold a seat of a session.
 *
 * @example
 * ```ts
 * const taken = await seatsTaken(db, 'ses_0002'); // 12
 * ```
 */
export async function seatsTaken(db: Db, sessionId: string): Promise<number> {
  const row = await db.one<{ n: number | string }>(
    `SELECT COUNT(*) AS n FROM training_registrations WHERE session_id = ? AND status IN (${marks(SEAT_STATUSES)})`,
    [sessionId, ...SEAT_STATUSES],
  );
  return Number(row?.n ?? 0);
}

/**
 * Takes a free seat of a session for its waitlist, in one guarded statement: `false` when there is no
 * free seat or nobody waits, so that concurrent promotions never give the same seat twice.
 *
 * @example
 * ```ts
 * while (await takeSeatForWaitlist(db, 'ses_0002')) promoteFirstInLine();
 * ```
 */
export async function takeSeatForWaitlist(db: Db, sessionId: string): Promise<boolean> {
  const took = await db.write(
    'UPDATE training_sessions SET seats_left = seats_left - 1 WHERE id = ? AND seats_left > 0 AND waitlist_count > 0',
    [sessionId],
  );
  return took.changes === 1;
}

/**
 * Gives back a seat taken for a waitlist found empty, and sets its counter right.
 *
 * @example
 * ```ts
 * if (!first) await returnSeatOfEmptyWaitlist(db, 'ses_0002');
 * ```
 */
export async function returnSeatOfEmptyWaitlist(db: Db, sessionId: string): Promise<void> {
  await db.write(
    'UPDATE training_sessions SET seats_left = seats_left + 1, waitlist_count = 0 WHERE id = ?',
    [sessionId],
  );
}

/**
 * Writes a session's changed schedule, language, capacity and free seats with its stored data.
 *
 * @example
 * ```ts
 * await rewriteSession(db, session, { seatsLeft: session.capacity - taken });
 * ```
 */
export async function rewriteSession(db: Db, session: Session, seats: { seatsLeft: number }): Promise<void> {
  await db.write(
    `UPDATE training_sessions SET start_at = ?, end_at = ?, opens_at = ?, closes_at = ?, language = ?,
       capacity = ?, seats_left = ?, data = ? WHERE id = ?`,
    [
      session.period.start,
      session.period.end,
      session.registrationWindow.opens,
      session.registrationWindow.closes,
      session.language,
      session.capacity,
      seats.seatsLeft,
      JSON.stringify(session),
      session.id,
    ],
  );
}

/**
 * Marks a session cancelled with its reason: every seat free again, nobody waiting.
 *
 * @example
 * ```ts
 * await markSessionCancelled(db, stored, 'Le formateur est indisponible');
 * ```
 */
export async function markSessionCancelled(db: Db, session: Session, reason: string): Promise<void> {
  await db.write(
    `UPDATE training_sessions SET status = 'cancelled', cancellation_reason = ?, seats_left = capacity,
       waitlist_count = 0, data = ? WHERE id = ?`,
    [reason, JSON.stringify({ ...session, status: 'cancelled' }), session.id],
  );
}

/**
 * The registrations of a session still live (requested, confirmed, waitlisted), in registration order.
 *
 * @example
 * ```ts
 * const live = await liveRegistrationsOf(db, 'ses_0002');
 * ```
 */
export async function liveRegistrationsOf(db: Db, sessionId: string): Promise<RegistrationRow[]> {
  return await db.all<RegistrationRow>(
    `SELECT id, session_id, course_id, association_id, status, seq, created_at, data FROM training_registrations
      WHERE session_id = ? AND status IN ('requested', 'confirmed', 'waitlisted') ORDER BY seq`,
    [sessionId],
  );
}
