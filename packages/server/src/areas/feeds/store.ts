// What the feeds and calendars read: public calls (through the call search, so a feed filters exactly as the
// call list does), consultations and their published syntheses, and one person's training registrations.
// Drafts live in `call_drafts`, which nothing here reads: a feed cannot show one.
import type {
  CallSort,
  CallStatus,
  Course,
  Registration,
  RegistrationStatus,
  Session,
  Synthesis,
} from '@nassij/contract';
import type { Db } from '../../db/db.js';
import { marks } from '../../db/faceted-search.js';
import { type CallSearch, callStatusAt, type StoredCall, searchCallPage } from '../calls/store.js';
import { consultationPhaseAt, type StoredConsultation } from '../consultations/store.js';
import { SYNTHESIS_PUBLISHED_AT } from './migrations.js';

/** A call as a feed or calendar shows it: the stored call, its status now, and when it last changed. */
export interface FeedCall {
  call: StoredCall;
  status: CallStatus;
  /** The latest of its publication, amendments and closure. */
  updated: string;
}

/** The filters of the call list, as the contract's `CallFeedQuery` parses them (no paging, no sort). */
export type CallFilters = Omit<CallSearch, 'sort' | 'limit' | 'cursor'>;

/**
 * When a call last changed in public: its publication, an amendment, or its early closure or cancellation.
 *
 * @example
 * ```ts
 * callUpdatedAt(call); // '2026-03-02T10:00:00Z'
 * ```
 */
export function callUpdatedAt(call: StoredCall): string {
  return [call.dates.publishedAt, ...call.amendments.map((a) => a.at), call.closure?.at ?? '']
    .filter(Boolean)
    .sort()
    .at(-1) as string;
}

/**
 * The calls matching the call list's filters, in a sort of the call search, at most `limit`, with their
 * status at `now`: the call search's own SQL, then the stored calls of that page in one statement.
 *
 * @example
 * ```ts
 * const newest = await feedCalls(db, { region: ['MA-09'] }, 'newest', 50, now);
 * ```
 */
export async function feedCalls(
  db: Db,
  filters: CallFilters,
  sort: CallSort,
  limit: number,
  now: Date,
): Promise<FeedCall[]> {
  const page = await searchCallPage(db, { ...filters, sort, limit }, now);
  if (page.items.length === 0) return [];
  const ids = page.items.map((item) => item.id);
  const stored = new Map(
    (
      await db.all<{ id: string; data: string }>(
        `SELECT id, data FROM calls WHERE id IN (${marks(ids)})`,
        ids,
      )
    ).map((row) => [row.id, JSON.parse(row.data) as StoredCall]),
  );
  return page.items.flatMap((item) => {
    const call = stored.get(item.id);
    return call ? [{ call, status: item.status, updated: callUpdatedAt(call) }] : [];
  });
}

/**
 * One call with its status at `now`, or `undefined` when no published call has that id.
 *
 * @example
 * ```ts
 * const one = await feedCall(db, params.callId, now);
 * ```
 */
export async function feedCall(db: Db, callId: string, now: Date): Promise<FeedCall | undefined> {
  const row = await db.one<{ data: string }>('SELECT data FROM calls WHERE id = ?', [callId]);
  if (!row) return undefined;
  const call = JSON.parse(row.data) as StoredCall;
  return { call, status: callStatusAt(call, now), updated: callUpdatedAt(call) };
}

/** A consultation as the feeds show it. */
export interface FeedConsultation {
  consultation: StoredConsultation;
  createdAt: string;
  /** The latest of its creation and its versions' publication. */
  updated: string;
  synthesis?: Synthesis | undefined;
}

/** A consultation row as the feeds read it; its phase is computed at `now`, never the stored column. */
function consultationOf(row: { data: string; created_at: string; synthesis: string | null }, now: Date) {
  const stored = JSON.parse(row.data) as StoredConsultation;
  const synthesis = row.synthesis ? (JSON.parse(row.synthesis) as Synthesis) : undefined;
  const consultation: StoredConsultation = {
    ...stored,
    phase: consultationPhaseAt(stored.phases, synthesis !== undefined, now),
  };
  const updated = [
    row.created_at,
    ...consultation.versions.map((v) => v.publishedAt),
    synthesis?.publishedAt ?? '',
  ]
    .sort()
    .at(-1) as string;
  return { consultation, createdAt: row.created_at, updated, synthesis };
}

/**
 * The newest consultations (every consultation is public from its creation), at most `limit`.
 *
 * @example
 * ```ts
 * const latest = await feedConsultations(db, 50, now);
 * ```
 */
export async function feedConsultations(db: Db, limit: number, now: Date): Promise<FeedConsultation[]> {
  const rows = await db.all<{ data: string; created_at: string; synthesis: string | null }>(
    'SELECT data, created_at, synthesis FROM consultations ORDER BY created_at DESC, id LIMIT ?',
    [limit],
  );
  return rows.map((row) => consultationOf(row, now));
}

/**
 * The published syntheses, newest first (ties by id), at most `limit`. A synthesis is stored only when it
 * is published (the consultations area writes the column on publication). Only those `limit` rows are read,
 * by the index of migration `063_synthesis_feed_index` on the publication instant.
 *
 * @example
 * ```ts
 * const syntheses = await feedSyntheses(db, 50, now);
 * ```
 */
export async function feedSyntheses(db: Db, limit: number, now: Date): Promise<FeedConsultation[]> {
  const publishedAt = SYNTHESIS_PUBLISHED_AT[db.dialect];
  const rows = await db.all<{ data: string; created_at: string; synthesis: string | null }>(
    `SELECT data, created_at, synthesis FROM consultations WHERE synthesis IS NOT NULL
     ORDER BY ${publishedAt} DESC, id DESC LIMIT ?`,
    [limit],
  );
  return rows.map((row) => consultationOf(row, now));
}

/**
 * One consultation, by id, or `undefined`.
 *
 * @example
 * ```ts
 * const one = await feedConsultation(db, params.consultationId, now);
 * ```
 */
export async function feedConsultation(
  db: Db,
  consultationId: string,
  now: Date,
): Promise<FeedConsultation | undefined> {
  const row = await db.one<{ data: string; created_at: string; synthesis: string | null }>(
    'SELECT data, created_at, synthesis FROM consultations WHERE id = ?',
    [consultationId],
  );
  return row ? consultationOf(row, now) : undefined;
}

/** A registration with its session and course, as a personal calendar shows it. */
export interface CalendarRegistration {
  id: string;
  status: RegistrationStatus;
  participant: Registration['participant'];
  session: Session;
  course: Pick<Course, 'id' | 'title' | 'reference'>;
  /** How many times its status changed, and when last: the event's SEQUENCE and DTSTAMP. */
  changes: number;
  changedAt: string;
}

/** The most sessions a personal calendar lists (the latest first): years of an active association's life. */
export const PERSONAL_CALENDAR_MAX = 500;

/**
 * The live registrations (not cancelled) of the associations an account belongs to — the ones it sees in its
 * list of registrations — with their sessions and courses, latest session first.
 *
 * @example
 * ```ts
 * const mine = await calendarRegistrations(db, account.memberships.map((m) => m.associationId));
 * ```
 */
export async function calendarRegistrations(
  db: Db,
  associationIds: readonly string[],
): Promise<CalendarRegistration[]> {
  if (associationIds.length === 0) return [];
  const rows = await db.all<{
    id: string;
    status: RegistrationStatus;
    data: string;
    session_data: string;
    course_data: string;
    changes: number;
    changed_at: string;
  }>(
    `SELECT r.id, r.status, r.data, s.data AS session_data, c.data AS course_data,
       (SELECT COUNT(*) FROM training_registration_history h WHERE h.registration_id = r.id) AS changes,
       COALESCE((SELECT MAX(h.at) FROM training_registration_history h WHERE h.registration_id = r.id), r.created_at)
         AS changed_at
     FROM training_registrations r
     JOIN training_sessions s ON s.id = r.session_id
     JOIN courses c ON c.id = s.course_id
     WHERE r.association_id IN (${marks(associationIds)}) AND r.status <> 'cancelled'
     ORDER BY s.start_at DESC, r.id LIMIT ?`,
    [...associationIds, PERSONAL_CALENDAR_MAX],
  );
  return rows.map((row) => {
    const course = JSON.parse(row.course_data) as Course;
    return {
      id: row.id,
      status: row.status,
      participant: (JSON.parse(row.data) as Pick<Registration, 'participant'>).participant,
      session: JSON.parse(row.session_data) as Session,
      course: { id: course.id, title: course.title, reference: course.reference },
      changes: Number(row.changes),
      changedAt: row.changed_at,
    };
  });
}

/**
 * One training session with its course, for its own calendar; `undefined` when there is none.
 *
 * @example
 * ```ts
 * const found = await calendarSession(db, sessionId); // { session, course, changedAt }
 * ```
 */
export async function calendarSession(
  db: Db,
  sessionId: string,
): Promise<Pick<CalendarRegistration, 'session' | 'course' | 'changedAt'> | undefined> {
  const row = await db.one<{ session_data: string; course_data: string }>(
    `SELECT s.data AS session_data, c.data AS course_data
       FROM training_sessions s JOIN courses c ON c.id = s.course_id WHERE s.id = ?`,
    [sessionId],
  );
  if (!row) return undefined;
  const session = JSON.parse(row.session_data) as Session;
  const course = JSON.parse(row.course_data) as Course;
  return {
    session,
    course: { id: course.id, title: course.title, reference: course.reference },
    changedAt: session.period.start,
  };
}
