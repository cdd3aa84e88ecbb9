import {
  cancelSession,
  createSession,
  getAttendance,
  getManagedSession,
  getSession,
  getSessionEvaluations,
  listManagedSessions,
  type ManagedSession,
  type MarkAttendance,
  markAttendance,
  type SessionEvaluations,
  searchSessions,
  updateSession,
} from '@nassij/contract';
import { iterate, type PageItem, type PageIterator, type PageQueryInput } from '../paginate.js';
import type { Transport } from '../transport.js';
import type { BodyOf, QueryOf, RequestOptions, RouteResult, Versioned } from '../types.js';

/** The query of `sessions.evaluations`: the page of comments (`limit`, `cursor`). */
type EvaluationQuery = QueryOf<typeof getSessionEvaluations>;

import { versioned } from '../versioned.js';

/** The routes `client.sessions` wraps. */
export const sessionsRoutes = [
  searchSessions,
  getSession,
  createSession,
  listManagedSessions,
  getManagedSession,
  updateSession,
  cancelSession,
  getAttendance,
  markAttendance,
  getSessionEvaluations,
] as const;

/**
 * `client.sessions`: the dated sessions of the training courses, and for their organisation's training
 * staff: scheduling, changes, cancellation and the attendance sheet marked per participant per day.
 *
 * @example
 * ```ts
 * const { items } = await client.sessions.search({ courseId: 'crs_0001' });
 * ```
 */
export interface SessionsArea {
  /**
   * One page of sessions, soonest first.
   *
   * @example
   * ```ts
   * const page = await client.sessions.search({ region: ['MA-06'] });
   * ```
   */
  search(
    query?: PageQueryInput<typeof searchSessions> & { cursor?: string | undefined },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof searchSessions>>;
  /**
   * Every session matching `query`, lazily.
   *
   * @example
   * ```ts
   * for await (const session of client.sessions.iterate()) agenda.push(session);
   * const agenda = await client.sessions.iterate({ limit: 100 }).collect({ limit: 200 });
   * ```
   */
  iterate(
    query?: PageQueryInput<typeof searchSessions>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof searchSessions>>;
  /**
   * One session.
   *
   * @example
   * ```ts
   * const session = await client.sessions.get('ses_0001');
   * ```
   */
  get(sessionId: string, options?: RequestOptions): Promise<RouteResult<typeof getSession>>;
  /**
   * Schedules a session of a published course (its organisation's training staff), with the ETag the next
   * {@link SessionsArea.update} sends. Dates are instants; the session is shown in `Africa/Casablanca`.
   *
   * @example
   * ```ts
   * const { data: managed, etag } = await client.sessions.create('crs_0001', {
   *   period: { start: '2027-01-12T08:00:00Z', end: '2027-01-13T16:00:00Z' },
   *   place: { kind: 'online', joinUrl: 'https://meet.example.ma/nassij-42', platform: 'BigBlueButton' },
   *   capacity: 25, registrationWindow: { opens: '2026-12-01T08:00:00Z', closes: '2027-01-10T22:00:00Z' },
   *   trainers: [{ name: 'Khadija Ait Lahcen' }], language: 'ar',
   * });
   * ```
   */
  create(
    courseId: string,
    body: BodyOf<typeof createSession>,
    options?: RequestOptions,
  ): Promise<Versioned<ManagedSession>>;
  /**
   * One page of a course's sessions for its staff, soonest first, with confirmed, waitlisted and attended
   * registrations counted.
   *
   * @example
   * ```ts
   * const { items } = await client.sessions.managed('crs_0001');
   * items[0]?.counts.waitlisted; // 2
   * ```
   */
  managed(
    courseId: string,
    query?: PageQueryInput<typeof listManagedSessions> & { cursor?: string | undefined },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof listManagedSessions>>;
  /**
   * Every session of a course for its staff, lazily.
   *
   * @example
   * ```ts
   * const all = await client.sessions.iterateManaged('crs_0001').collect({ limit: 100 });
   * ```
   */
  iterateManaged(
    courseId: string,
    query?: PageQueryInput<typeof listManagedSessions>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof listManagedSessions>>;
  /**
   * A session as its staff edit it, with its join link, counts and the ETag the next update sends.
   *
   * @example
   * ```ts
   * const { data: managed, etag } = await client.sessions.getManagedWithEtag('ses_0002');
   * ```
   */
  getManagedWithEtag(sessionId: string, options?: RequestOptions): Promise<Versioned<ManagedSession>>;
  /**
   * Changes a session (`options.ifMatch` required). A capacity below the confirmed registrations is a
   * conflict (`capacity_below_confirmed`); more seats confirm the waitlist, first in line first.
   *
   * @example
   * ```ts
   * ({ etag } = await client.sessions.update('ses_0002', { capacity: 30 }, { ifMatch: etag }));
   * ```
   */
  update(
    sessionId: string,
    body: BodyOf<typeof updateSession>,
    options: RequestOptions & { ifMatch: string },
  ): Promise<Versioned<ManagedSession>>;
  /**
   * Cancels a session with the reason: its registrations are cancelled and their participants told by e-mail.
   *
   * @example
   * ```ts
   * await client.sessions.cancel('ses_0002', 'Le formateur est indisponible');
   * ```
   */
  cancel(
    sessionId: string,
    reason: string,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof cancelSession>>;
  /**
   * The attendance sheet: each day of the session (Casablanca dates) and each registration holding a seat.
   *
   * @example
   * ```ts
   * const sheet = await client.sessions.attendance('ses_0002');
   * sheet.days; // ['2027-01-12', '2027-01-13']
   * ```
   */
  attendance(sessionId: string, options?: RequestOptions): Promise<RouteResult<typeof getAttendance>>;
  /**
   * Marks participants present or absent, day by day, many at once (all or none). Once the session has
   * ended, each marked registration becomes `completed` (present every day), `attended` or `no_show`. A
   * registration holding no seat here is a `NassijValidationError` with code `not_registered`.
   *
   * @example
   * ```ts
   * const sheet = await client.sessions.markAttendance('ses_0002', [
   *   { registrationId: 'reg_00726', day: '2027-01-12', present: true },
   * ]);
   * ```
   */
  markAttendance(
    sessionId: string,
    marks: MarkAttendance['marks'],
    options?: RequestOptions,
  ): Promise<RouteResult<typeof markAttendance>>;
  /**
   * What the participants said of a session, for its staff: the count, the average rating (one decimal)
   * and how many gave each rating, over every evaluation; and one page of the comments with their rating
   * and date, oldest first (`limit`, and `cursor` from the previous `nextCursor`). Nobody is named:
   * evaluations are candid.
   *
   * @example
   * ```ts
   * const evaluations = await client.sessions.evaluations('ses_0002');
   * console.log(evaluations.averageRating, evaluations.distribution['5'], evaluations.comments.length);
   * const next = evaluations.nextCursor
   *   ? await client.sessions.evaluations('ses_0002', { cursor: evaluations.nextCursor })
   *   : undefined;
   * ```
   */
  evaluations(
    sessionId: string,
    query?: EvaluationQuery,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof getSessionEvaluations>>;
  /**
   * Every comment of a session's evaluations, oldest first, fetched a page at a time as the loop asks for
   * them: leaving the loop early costs no further request. `limit` is the page size.
   *
   * @example
   * ```ts
   * for await (const { rating, comment } of client.sessions.iterateComments('ses_0002', { limit: 100 })) {
   *   console.log(rating, comment);
   * }
   * ```
   */
  iterateComments(
    sessionId: string,
    query?: Omit<EvaluationQuery, 'cursor'>,
    options?: RequestOptions,
  ): AsyncGenerator<SessionEvaluations['comments'][number], void, undefined>;
}

/** The comments of a session's evaluations, page after page (see `SessionsArea.iterateComments`). */
async function* commentsOf(
  t: Transport,
  sessionId: string,
  query: Omit<EvaluationQuery, 'cursor'> | undefined,
  options: RequestOptions | undefined,
): AsyncGenerator<SessionEvaluations['comments'][number], void, undefined> {
  let cursor: string | undefined;
  do {
    const page = await t.op(
      getSessionEvaluations,
      { params: { sessionId }, query: { ...query, ...(cursor === undefined ? {} : { cursor }) } },
      options,
    );
    yield* page.comments;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}

/**
 * Builds `client.sessions` over a transport.
 *
 * @example
 * ```ts
 * const sessions = sessionsArea(client.transport);
 * ```
 */
export function sessionsArea(t: Transport): SessionsArea {
  return {
    search: (query, options) => t.op(searchSessions, { query: query ?? {} }, options),
    iterate: (query, options) => iterate(t, searchSessions, query, options),
    get: (sessionId, options) => t.op(getSession, { params: { sessionId } }, options),
    create: async (courseId, body, options) =>
      versioned(createSession.id, await t.opWithEtag(createSession, { params: { courseId }, body }, options)),
    managed: (courseId, query, options) =>
      t.op(listManagedSessions, { params: { courseId }, query: query ?? {} }, options),
    iterateManaged: (courseId, query, options) =>
      iterate(t, listManagedSessions, query, { ...options, params: { courseId } }),
    getManagedWithEtag: async (sessionId, options) =>
      versioned(
        getManagedSession.id,
        await t.opWithEtag(getManagedSession, { params: { sessionId } }, options),
      ),
    update: async (sessionId, body, options) =>
      versioned(
        updateSession.id,
        await t.opWithEtag(updateSession, { params: { sessionId }, body }, options),
      ),
    cancel: (sessionId, reason, options) =>
      t.op(cancelSession, { params: { sessionId }, body: { reason } }, options),
    attendance: (sessionId, options) => t.op(getAttendance, { params: { sessionId } }, options),
    markAttendance: (sessionId, marks, options) =>
      t.op(markAttendance, { params: { sessionId }, body: { marks: [...marks] } }, options),
    evaluations: (sessionId, query, options) =>
      t.op(getSessionEvaluations, { params: { sessionId }, query: query ?? {} }, options),
    iterateComments: (sessionId, query, options) => commentsOf(t, sessionId, query, options),
  };
}
