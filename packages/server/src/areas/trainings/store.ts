import {
  type Course,
  foldForSearch,
  type Registration,
  type RegistrationState,
  type RegistrationStatus,
  type Session,
  type SessionStatus,
  type SessionSummary,
  type TrainingParticipant,
} from '@nassij/contract';
import { toInstant } from '../../auth/tokens.js';
import type { Db, SqlValue } from '../../db/db.js';
import { marks } from '../../db/faceted-search.js';
import { indexForSearch } from '../../search/search.js';

/** The search-index kind of courses. */
export const COURSE_KIND = 'course';

/** A session row: counters and dates in columns, the rest of the contract object in `data`. */
export interface SessionRow {
  id: string;
  course_id: string;
  start_at: string;
  end_at: string;
  capacity: number;
  seats_left: number;
  waitlist_count: number;
  opens_at: string;
  closes_at: string;
  registration_state: string;
  status: string;
  data: string;
}

/** A registration row; history lives in its own table. */
export interface RegistrationRow {
  id: string;
  session_id: string;
  course_id: string;
  association_id: string;
  status: string;
  seq: number;
  created_at: string;
  data: string;
}

/** What `data` of a registration holds: the parts that have no column of their own. */
export type RegistrationData = Pick<Registration, 'participant'> &
  Partial<Pick<Registration, 'attendance' | 'evaluation' | 'credentialIssuedOn'>>;

/**
 * The columns of a {@link SessionRow}, unqualified so that they read from `training_sessions` or from a
 * derived table of it.
 *
 * @example
 * ```ts
 * db.all<SessionRow>(`SELECT ${SESSION_COLUMNS} FROM training_sessions WHERE course_id = ?`, [courseId]);
 * ```
 */
export const SESSION_COLUMNS =
  'id, course_id, start_at, end_at, capacity, seats_left, waitlist_count, opens_at, closes_at, registration_state, status, data';

/** The columns of a {@link RegistrationRow}. */
export const REGISTRATION_COLUMNS =
  'id, session_id, course_id, association_id, status, seq, created_at, data';

/**
 * The SQL of a session's registration state at `now` (three `?` bound to now): closed once it has ended
 * or outside its window, `waitlist` when full. `sessionState` is the same rule in TypeScript.
 *
 * @example
 * ```ts
 * db.query(`SELECT id FROM training_sessions s WHERE ${SESSION_STATE_SQL} = 'open'`, [now, now, now]);
 * ```
 */
export const SESSION_STATE_SQL = `(CASE
  WHEN s.status IN ('cancelled', 'completed') OR s.end_at <= ? THEN 'closed'
  WHEN s.registration_state = 'suspended' OR s.status = 'postponed' THEN 'suspended'
  WHEN ? < s.opens_at OR ? > s.closes_at THEN 'closed'
  WHEN s.seats_left = 0 THEN 'waitlist'
  ELSE 'open' END)`;

/**
 * A session's registration state at `now` (see {@link SESSION_STATE_SQL}).
 *
 * @example
 * ```ts
 * if (sessionState(row, now) === 'closed') throw problem('invalid_state');
 * ```
 */
export function sessionState(row: SessionRow, now: string): RegistrationState {
  if (row.status === 'cancelled' || row.status === 'completed' || row.end_at <= now) return 'closed';
  if (row.registration_state === 'suspended' || row.status === 'postponed') return 'suspended';
  if (now < row.opens_at || now > row.closes_at) return 'closed';
  return row.seats_left === 0 ? 'waitlist' : 'open';
}

function sessionStatus(row: SessionRow, now: string): SessionStatus {
  return row.status === 'scheduled' && row.end_at <= now ? 'completed' : (row.status as SessionStatus);
}

/**
 * Builds the contract `Session` of a row at `now` (counters from columns, state derived).
 *
 * @example
 * ```ts
 * const session = toSession(row, toInstant(now));
 * ```
 */
export function toSession(row: SessionRow, now: string): Session {
  const stored = JSON.parse(row.data) as Session;
  return {
    ...stored,
    capacity: row.capacity,
    seatsLeft: row.seats_left,
    waitlistCount: row.waitlist_count,
    registrationState: sessionState(row, now),
    status: sessionStatus(row, now),
  };
}

/**
 * The card-sized view of a session.
 *
 * @example
 * ```ts
 * course.nextSessions = rows.map((row) => toSessionSummary(toSession(row, now)));
 * ```
 */
export function toSessionSummary(session: Session): SessionSummary {
  return {
    id: session.id,
    period: session.period,
    location: session.location,
    seatsLeft: session.seatsLeft,
    registrationState: session.registrationState,
    language: session.language,
  };
}

/**
 * Reads one session row, or `undefined`.
 *
 * @example
 * ```ts
 * const row = readSessionRow(db, 'ses_0001');
 * ```
 */
export async function readSessionRow(db: Db, id: string): Promise<SessionRow | undefined> {
  return await db.one<SessionRow>(`SELECT ${SESSION_COLUMNS} FROM training_sessions WHERE id = ?`, [id]);
}

/**
 * Session rows matching a WHERE clause over alias `s`, in start order.
 *
 * @example
 * ```ts
 * sessionRows(db, 's.course_id = ?', ['crs_0001']);
 * ```
 */
export async function sessionRows(
  db: Db,
  where: string,
  params: SqlValue[],
  tail = '',
): Promise<SessionRow[]> {
  return await db.all<SessionRow>(
    `SELECT ${SESSION_COLUMNS} FROM training_sessions s WHERE ${where} ORDER BY s.start_at, s.id ${tail}`,
    params,
  );
}

/**
 * Reads one course (without `nextSessions`), or `undefined`.
 *
 * @example
 * ```ts
 * readCourse(db, 'crs_0001')?.title.ar;
 * ```
 */
export async function readCourse(db: Db, id: string): Promise<Course | undefined> {
  const row = await db.one<{ data: string }>('SELECT data FROM courses WHERE id = ?', [id]);
  return row ? (JSON.parse(row.data) as Course) : undefined;
}

/** Characters of the folded title kept in `title_sort`: the sort key goes into page cursors (see below). */
export const TITLE_SORT_LENGTH = 60;

/**
 * The sort key of a course's title: its first title (Arabic, French, Tifinagh, English) folded as search
 * folds it, cut to {@link TITLE_SORT_LENGTH} characters (code points, as SQL's `substr` counts them), so
 * that a keyset cursor holding it stays within the contract's 256 characters a value; titles alike over
 * their first 60 characters fall to the id.
 *
 * @example
 * ```ts
 * titleSortOf({ title: { fr: 'Gestion de projet' } }); // 'gestion de projet'
 * ```
 */
export function titleSortOf(course: Pick<Course, 'title'>): string {
  const { title } = course;
  const folded = foldForSearch(title.ar ?? title.fr ?? title.zgh ?? title.en ?? '');
  return Array.from(folded).slice(0, TITLE_SORT_LENGTH).join('');
}

/**
 * Stores a course with its competencies and languages and indexes its texts in every language.
 *
 * @example
 * ```ts
 * saveCourse(db, course, '2026-01-10T09:00:00Z');
 * ```
 */
export async function saveCourse(db: Db, course: Course, createdAt: string): Promise<void> {
  const { nextSessions: _next, ...stored } = course;
  await db.atomic(async () => {
    await db.write(
      `INSERT INTO courses (id, reference, title_sort, provider_sector, modality, free, created_at, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        course.id,
        course.reference,
        titleSortOf(course),
        course.provider.sectorCode,
        course.modality,
        course.cost.free ? 1 : 0,
        createdAt,
        JSON.stringify(stored),
      ],
    );
    for (const competency of course.competencies) {
      await db.write('INSERT INTO course_competencies (course_id, code, level) VALUES (?, ?, ?)', [
        course.id,
        competency.code,
        competency.level,
      ]);
    }
    for (const language of new Set(course.languages)) {
      await db.write('INSERT INTO course_languages (course_id, language) VALUES (?, ?)', [
        course.id,
        language,
      ]);
    }
    await indexForSearch(db, COURSE_KIND, course.id, [
      course.title,
      course.description,
      ...course.objectives,
      course.targetAudience,
      course.provider.name,
      course.reference,
    ]);
  });
}

/**
 * Stores a session with its counters (`seatsLeft`, `waitlistCount` as given).
 *
 * @example
 * ```ts
 * saveSession(db, session);
 * ```
 */
export async function saveSession(db: Db, session: Session): Promise<void> {
  await db.write(
    `INSERT INTO training_sessions (id, course_id, start_at, end_at, region, capacity, seats_left, waitlist_count,
       opens_at, closes_at, registration_state, status, language, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      session.id,
      session.courseId,
      session.period.start,
      session.period.end,
      session.location.kind === 'on_site' ? session.location.region : null,
      session.capacity,
      session.seatsLeft,
      session.waitlistCount,
      session.registrationWindow.opens,
      session.registrationWindow.closes,
      session.registrationState === 'suspended' ? 'suspended' : 'open',
      session.status,
      session.language,
      JSON.stringify(session),
    ],
  );
}

/**
 * The key under which a participant counts as "the same person" in a session: the account when the
 * registration names one, else (registrations made before accounts were named) the folded name.
 *
 * @example
 * ```ts
 * participantKey({ name: 'Amina  El Alaoui' }) === participantKey({ name: 'amina el alaoui' }); // true
 * participantKey({ name: 'Amina', accountId: 'acc_0002' }); // 'account:acc_0002'
 * ```
 */
export function participantKey(participant: TrainingParticipant): string {
  return participant.accountId ? `account:${participant.accountId}` : foldForSearch(participant.name);
}

/**
 * Inserts a registration and its first history entry; `seq` orders the waitlist.
 *
 * @example
 * ```ts
 * insertRegistration(db, { id, sessionId, courseId, associationId, participant, status: 'confirmed' }, now);
 * ```
 */
export async function insertRegistration(
  db: Db,
  registration: {
    id: string;
    sessionId: string;
    courseId: string;
    associationId: string;
    status: RegistrationStatus;
    createdAt: string;
  } & RegistrationData,
): Promise<void> {
  const seq =
    Number((await db.one<{ n: number | null }>('SELECT MAX(seq) AS n FROM training_registrations'))?.n ?? 0) +
    1;
  const { id, sessionId, courseId, associationId, status, createdAt, ...data } = registration;
  await db.write(
    `INSERT INTO training_registrations (id, session_id, course_id, association_id, participant_key,
       participant_account_id, status, seq, created_at, data, evaluation_rating, evaluated_at,
       evaluation_comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
      sessionId,
      courseId,
      associationId,
      participantKey(data.participant),
      data.participant.accountId ?? null,
      status,
      seq,
      createdAt,
      JSON.stringify(data),
      ...evaluationColumns(data),
    ],
  );
  await addHistory(db, id, createdAt, status);
}

/**
 * Appends an entry to a registration's history.
 *
 * @example
 * ```ts
 * addHistory(db, 'reg_0001', now, 'cancelled', 'Empêchement');
 * ```
 */
export async function addHistory(
  db: Db,
  id: string,
  at: string,
  status: RegistrationStatus,
  reason?: string,
): Promise<void> {
  const position =
    Number(
      (
        await db.one<{ n: number | null }>(
          'SELECT MAX(position) AS n FROM training_registration_history WHERE registration_id = ?',
          [id],
        )
      )?.n ?? 0,
    ) + 1;
  await db.write(
    'INSERT INTO training_registration_history (registration_id, position, at, status, reason) VALUES (?, ?, ?, ?, ?)',
    [id, position, at, status, reason ?? null],
  );
}

/**
 * Changes a registration's status (and optionally its data) and records it in the history.
 *
 * @example
 * ```ts
 * setRegistrationStatus(db, row, 'confirmed', now, 'Promoted from the waitlist');
 * ```
 */
export async function setRegistrationStatus(
  db: Db,
  row: RegistrationRow,
  status: RegistrationStatus,
  at: string,
  reason?: string,
  data?: RegistrationData,
): Promise<void> {
  await db.write('UPDATE training_registrations SET status = ?, data = ? WHERE id = ?', [
    status,
    data ? JSON.stringify(data) : row.data,
    row.id,
  ]);
  await addHistory(db, row.id, at, status, reason);
}

/**
 * Reads one registration row, or `undefined`.
 *
 * @example
 * ```ts
 * const row = readRegistrationRow(db, 'reg_0001');
 * ```
 */
export async function readRegistrationRow(db: Db, id: string): Promise<RegistrationRow | undefined> {
  return await db.one<RegistrationRow>(
    `SELECT ${REGISTRATION_COLUMNS} FROM training_registrations WHERE id = ?`,
    [id],
  );
}

/**
 * The contract `Registration` of a row, with its history and, while waitlisted, its position.
 *
 * @example
 * ```ts
 * const registration = toRegistration(db, row);
 * ```
 */
export async function toRegistration(db: Db, row: RegistrationRow): Promise<Registration> {
  return (await toRegistrations(db, [row]))[0] as Registration;
}

/**
 * The contract `Registration` of each row, in the rows' order: the histories of the whole list in one
 * statement, and the waitlist positions of its waitlisted rows in one more (none when there are none).
 *
 * @example
 * ```ts
 * const items = await toRegistrations(db, page.items);
 * ```
 */
export async function toRegistrations(db: Db, rows: readonly RegistrationRow[]): Promise<Registration[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const histories = new Map<string, Registration['history']>();
  for (const entry of await db.all<{
    registration_id: string;
    at: string;
    status: string;
    reason: string | null;
  }>(
    `SELECT registration_id, at, status, reason FROM training_registration_history
       WHERE registration_id IN (${marks(ids)}) ORDER BY registration_id, position`,
    ids,
  )) {
    const item = {
      at: entry.at,
      status: entry.status as RegistrationStatus,
      ...(entry.reason ? { reason: entry.reason } : {}),
    };
    const list = histories.get(entry.registration_id);
    if (list) list.push(item);
    else histories.set(entry.registration_id, [item]);
  }
  const positions = await waitlistPositions(
    db,
    rows.filter((row) => row.status === 'waitlisted'),
  );
  return rows.map((row) => {
    const data = JSON.parse(row.data) as RegistrationData;
    const position = positions.get(row.id);
    return {
      id: row.id,
      sessionId: row.session_id,
      courseId: row.course_id,
      associationId: row.association_id,
      participant: data.participant,
      status: row.status as RegistrationStatus,
      ...(data.attendance ? { attendance: data.attendance } : {}),
      ...(data.evaluation ? { evaluation: data.evaluation } : {}),
      ...(data.credentialIssuedOn ? { credentialIssuedOn: data.credentialIssuedOn } : {}),
      createdAt: row.created_at,
      history: histories.get(row.id) ?? [],
      ...(position === undefined ? {} : { waitlistPosition: position }),
    };
  });
}

/**
 * Each waitlisted row's place in its session's line (1 = next to get a seat): those waiting before it (a
 * lower `seq`), plus one. One statement reads the lines of the rows' sessions, which stay short.
 */
async function waitlistPositions(
  db: Db,
  waitlisted: readonly RegistrationRow[],
): Promise<Map<string, number>> {
  const positions = new Map<string, number>();
  if (waitlisted.length === 0) return positions;
  const sessionIds = [...new Set(waitlisted.map((row) => row.session_id))];
  const lines = new Map<string, number[]>();
  for (const entry of await db.all<{ session_id: string; seq: number | string }>(
    `SELECT session_id, seq FROM training_registrations
       WHERE session_id IN (${marks(sessionIds)}) AND status = 'waitlisted'`,
    sessionIds,
  )) {
    const line = lines.get(entry.session_id);
    if (line) line.push(Number(entry.seq));
    else lines.set(entry.session_id, [Number(entry.seq)]);
  }
  for (const row of waitlisted) {
    const ahead = (lines.get(row.session_id) ?? []).filter((seq) => seq < Number(row.seq)).length;
    positions.set(row.id, ahead + 1);
  }
  return positions;
}

/**
 * The values of the evaluation columns (`evaluation_rating`, `evaluated_at`, `evaluation_comment`) for a
 * registration's `data`: what `sessions.evaluations` sums up and pages in SQL. Every write of `data` that
 * may carry a new evaluation writes them too; all `NULL` before the registration is evaluated.
 *
 * @example
 * ```ts
 * evaluationColumns({ participant, evaluation: { rating: 4, submittedAt: at } }); // [4, at, null]
 * ```
 */
export function evaluationColumns(data: RegistrationData): [number | null, string | null, string | null] {
  const { evaluation } = data;
  if (!evaluation) return [null, null, null];
  return [evaluation.rating, evaluation.submittedAt, evaluation.comment || null];
}

/** The stored `data` part of a registration row, to update it. */
export function registrationData(row: RegistrationRow): RegistrationData {
  return JSON.parse(row.data) as RegistrationData;
}

/** `now` as the API writes instants. */
export function instant(now: Date): string {
  return toInstant(now);
}
