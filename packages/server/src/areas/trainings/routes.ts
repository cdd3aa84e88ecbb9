import { randomUUID } from 'node:crypto';
import {
  type Account,
  type Course,
  type CourseSearchQuery,
  cancelRegistration,
  createRegistration,
  evaluateRegistration,
  type Facets,
  getCourse,
  getRegistration,
  getSession,
  listRegistrations,
  recordAttendance,
  searchCourses,
  searchSessions,
} from '@nassij/contract';
import { audit } from '../../db/audit.js';
import type { Db, SqlValue } from '../../db/db.js';
import type { ApiApp } from '../../http/app.js';
import {
  type Keyset,
  type KeyValue,
  keysetClause,
  keysetPage,
  orderByClause,
  readKeysetCursor,
} from '../../http/cursor.js';
import { problem } from '../../http/problem.js';
import { searchCondition } from '../../search/search.js';
import {
  COURSE_KIND,
  insertRegistration,
  instant,
  participantKey,
  type RegistrationRow,
  readCourse,
  readRegistrationRow,
  readSessionRow,
  registrationData,
  SESSION_STATE_SQL,
  type SessionRow,
  sessionRows,
  sessionState,
  setRegistrationStatus,
  toRegistration,
  toSession,
  toSessionSummary,
} from './store.js';

interface Condition {
  sql: string;
  params: SqlValue[];
}

function marks(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

function whereOf(conditions: readonly (Condition | null)[]): { sql: string; params: SqlValue[] } {
  const present = conditions.filter((c): c is Condition => c !== null);
  if (present.length === 0) return { sql: '', params: [] };
  return {
    sql: `WHERE ${present.map((c) => `(${c.sql})`).join(' AND ')}`,
    params: present.flatMap((c) => c.params),
  };
}

/** A course row as the course search pages it: its sort keys next to its data. */
interface CourseKeysRow {
  data: string;
  id: string;
  created_at: string;
  title_sort: string;
  next_at: string;
}

/** Where a course without an upcoming session sorts in `next_session` order: after every instant. */
const NO_NEXT_SESSION = '9999-12-31T23:59:59Z';

/**
 * The keyset of each course order, over the derived columns of the course search (`c.next_at` is the
 * course's next upcoming session start, or {@link NO_NEXT_SESSION}). `newest` breaks ties by id
 * descending, so that both keys run one way and `courses_by_created (created_at, id)` read backwards
 * serves it; `title` is served by `courses_by_title (title_sort, id)`. `next_session` is computed per
 * course, so no index can order it: courses number in the thousands, not the hundreds of thousands.
 */
const COURSE_ORDERS: Record<
  CourseSearchQuery['sort'],
  { keyset: Keyset; values: (row: CourseKeysRow) => KeyValue[] }
> = {
  next_session: {
    keyset: { name: 'next_session', keys: [{ expr: 'c.next_at' }, { expr: 'c.id' }] },
    values: (row) => [row.next_at, row.id],
  },
  newest: {
    keyset: {
      name: 'newest',
      keys: [
        { expr: 'c.created_at', desc: true },
        { expr: 'c.id', desc: true },
      ],
    },
    values: (row) => [row.created_at, row.id],
  },
  title: {
    keyset: { name: 'title', keys: [{ expr: 'c.title_sort' }, { expr: 'c.id' }] },
    values: (row) => [row.title_sort, row.id],
  },
};

/** Sessions in start order, served by `training_sessions_by_start (start_at, id)` and its filtered kin. */
const SESSIONS_BY_START: Keyset = { name: 'start', keys: [{ expr: 's.start_at' }, { expr: 's.id' }] };

/**
 * Registrations newest first; `seq` is unique and grows with creation, so it breaks ties. Served by
 * `training_registrations_by_association_keys (association_id, created_at, seq)` read backwards.
 */
const REGISTRATIONS_NEWEST: Keyset = {
  name: 'newest',
  keys: [
    { expr: 'r.created_at', desc: true },
    { expr: 'r.seq', desc: true },
  ],
};

function isAdmin(auth: Account | null): boolean {
  return auth?.roles.includes('admin') ?? false;
}

function isMemberOf(auth: Account | null, associationId: string): boolean {
  return auth?.memberships.some((m) => m.associationId === associationId) ?? false;
}

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

async function facet(
  db: Db,
  sql: string,
  conditions: readonly (Condition | null)[],
  leading: readonly SqlValue[] = [],
): Promise<Facets[string]> {
  const where = whereOf(conditions);
  return (
    await db.all<{ value: string | number; count: number }>(sql.replace('$WHERE', where.sql), [
      ...leading,
      ...where.params,
    ])
  ).map((row) => ({ value: String(row.value), count: Number(row.count) }));
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
  app.bind(searchCourses, async ({ db, query, now }) => {
    const at = instant(now);
    const upcoming = "s2.start_at > ? AND s2.status = 'scheduled'";
    const filters = {
      q: searchCondition(db, COURSE_KIND, 'c.id', query.q),
      competency: query.competency?.length
        ? {
            sql: `c.id IN (SELECT course_id FROM course_competencies WHERE code IN (${marks(query.competency)}))`,
            params: [...query.competency],
          }
        : null,
      level: query.level?.length
        ? {
            sql: `c.id IN (SELECT course_id FROM course_competencies WHERE level IN (${marks(query.level)}))`,
            params: [...query.level],
          }
        : null,
      modality: query.modality?.length
        ? { sql: `c.modality IN (${marks(query.modality)})`, params: [...query.modality] }
        : null,
      // A course is "in a region" when one of its upcoming sessions is held there (see `sessionFilters`).
      region: query.region?.length
        ? {
            sql: `c.id IN (SELECT s2.course_id FROM training_sessions s2 WHERE ${upcoming} AND s2.region IN (${marks(query.region)}))`,
            params: [at, ...query.region],
          }
        : null,
      language: query.language?.length
        ? {
            sql: `c.id IN (SELECT course_id FROM course_languages WHERE language IN (${marks(query.language)}))`,
            params: [...query.language],
          }
        : null,
      dates:
        query.from || query.to
          ? {
              sql: 'c.id IN (SELECT course_id FROM training_sessions WHERE start_at >= ? AND start_at <= ?)',
              params: [query.from ?? '0000', query.to ?? '9999'],
            }
          : null,
      free: query.free === undefined ? null : { sql: 'c.free = ?', params: [query.free ? 1 : 0] },
      seatsAvailable:
        query.seatsAvailable === undefined
          ? null
          : {
              sql: `c.id ${query.seatsAvailable ? '' : 'NOT '}IN (SELECT s2.course_id FROM training_sessions s2 WHERE ${upcoming} AND s2.seats_left > 0)`,
              params: [at],
            },
      sectorCode: query.sectorCode?.length
        ? { sql: `c.provider_sector IN (${marks(query.sectorCode)})`, params: [...query.sectorCode] }
        : null,
    };
    type Name = keyof typeof filters;
    const except = (name: Name) =>
      (Object.entries(filters) as [Name, Condition | null][])
        .filter(([key]) => key !== name)
        .map(([, c]) => c);

    // Read first: a damaged cursor, or one of another sort, is a 422 before any SQL runs.
    const order = COURSE_ORDERS[query.sort];
    const after = readKeysetCursor(query.cursor, order.keyset.name, order.keyset.keys.length);
    const where = whereOf(Object.values(filters));
    // Exact: courses number in the thousands, and every filter is an indexed lookup.
    const total = Number(
      (await db.one<{ n: number }>(`SELECT COUNT(*) AS n FROM courses c ${where.sql}`, where.params))?.n,
    );
    // The sort keys as columns of a derived table, so that the keyset compares what the cursor holds.
    const nextAt =
      query.sort === 'next_session'
        ? `COALESCE((SELECT MIN(s2.start_at) FROM training_sessions s2 WHERE s2.course_id = c.id AND ${upcoming}), '${NO_NEXT_SESSION}')`
        : "''";
    const keyset = keysetClause(order.keyset, after);
    const fetched = await db.all<CourseKeysRow>(
      `SELECT c.data, c.id, c.created_at, c.title_sort, c.next_at FROM (
         SELECT c.data, c.id, c.created_at, c.title_sort, ${nextAt} AS next_at FROM courses c ${where.sql}
       ) c WHERE ${keyset.sql} ${orderByClause(order.keyset)} LIMIT ?`,
      [...(query.sort === 'next_session' ? [at] : []), ...where.params, ...keyset.params, query.limit + 1],
    );
    const { items: rows, nextCursor } = keysetPage(fetched, query.limit, order.keyset.name, order.values);
    // The next sessions shown are those the session filters (region, dates) keep: a regional page must not
    // offer the course's sessions held in other regions.
    const sessionFilters = [
      query.region?.length
        ? { sql: `s.region IN (${marks(query.region)})`, params: [...query.region] }
        : null,
      query.from ? { sql: 's.start_at >= ?', params: [query.from] } : null,
      query.to ? { sql: 's.start_at <= ?', params: [query.to] } : null,
    ];
    const items: Course[] = await Promise.all(
      rows.map(async (row) => {
        const course = JSON.parse(row.data) as Course;
        const shown = whereOf([
          { sql: "s.course_id = ? AND s.start_at > ? AND s.status = 'scheduled'", params: [course.id, at] },
          ...sessionFilters,
        ]);
        const sessions = await sessionRows(db, shown.sql.slice('WHERE '.length), shown.params, 'LIMIT 3');
        return { ...course, nextSessions: sessions.map((s) => toSessionSummary(toSession(s, at))) };
      }),
    );
    const facets: Facets = {
      competency: await facet(
        db,
        `SELECT cc.code AS value, COUNT(DISTINCT c.id) AS count FROM courses c
           JOIN course_competencies cc ON cc.course_id = c.id $WHERE GROUP BY cc.code ORDER BY count DESC, cc.code`,
        except('competency'),
      ),
      level: await facet(
        db,
        `SELECT cc.level AS value, COUNT(DISTINCT c.id) AS count FROM courses c
           JOIN course_competencies cc ON cc.course_id = c.id $WHERE GROUP BY cc.level ORDER BY cc.level`,
        except('level'),
      ),
      modality: await facet(
        db,
        'SELECT c.modality AS value, COUNT(*) AS count FROM courses c $WHERE GROUP BY c.modality ORDER BY count DESC, c.modality',
        except('modality'),
      ),
      // Counted as the region filter keeps courses: by their upcoming sessions held there (a past
      // session in a region would count a course the filter then leaves out).
      region: await facet(
        db,
        `SELECT s.region AS value, COUNT(DISTINCT c.id) AS count FROM courses c
           JOIN training_sessions s ON s.course_id = c.id AND s.region IS NOT NULL
             AND s.start_at > ? AND s.status = 'scheduled'
           $WHERE GROUP BY s.region ORDER BY s.region`,
        except('region'),
        [at],
      ),
      language: await facet(
        db,
        `SELECT l.language AS value, COUNT(DISTINCT c.id) AS count FROM courses c
           JOIN course_languages l ON l.course_id = c.id $WHERE GROUP BY l.language ORDER BY count DESC, l.language`,
        except('language'),
      ),
    };
    return { body: { items, nextCursor, total, facets } };
  });

  app.bind(getCourse, async ({ db, params, now }) => {
    const course = await readCourse(db, params.courseId);
    if (!course) throw problem('not_found', 'No such course');
    const at = instant(now);
    const sessions = (await sessionRows(db, 's.course_id = ?', [course.id])).map((row) => toSession(row, at));
    return { body: { ...course, sessions } };
  });

  app.bind(searchSessions, async ({ db, query, now }) => {
    const after = readKeysetCursor(query.cursor, SESSIONS_BY_START.name, SESSIONS_BY_START.keys.length);
    const at = instant(now);
    const where = whereOf([
      query.courseId ? { sql: 's.course_id = ?', params: [query.courseId] } : null,
      query.region?.length
        ? { sql: `s.region IN (${marks(query.region)})`, params: [...query.region] }
        : null,
      query.from ? { sql: 's.start_at >= ?', params: [query.from] } : null,
      query.to ? { sql: 's.start_at <= ?', params: [query.to] } : null,
      query.state?.length
        ? { sql: `${SESSION_STATE_SQL} IN (${marks(query.state)})`, params: [at, at, at, ...query.state] }
        : null,
    ]);
    // Exact: at 20 000 sessions a count over the filters' indexes stays in milliseconds.
    const total = Number(
      (
        await db.one<{ n: number }>(
          `SELECT COUNT(*) AS n FROM training_sessions s ${where.sql}`,
          where.params,
        )
      )?.n,
    );
    const keyset = keysetClause(SESSIONS_BY_START, after);
    const fetched = await sessionRows(
      db,
      `${where.sql ? where.sql.slice('WHERE '.length) : '1 = 1'} AND (${keyset.sql})`,
      [...where.params, ...keyset.params, query.limit + 1],
      'LIMIT ?',
    );
    const page = keysetPage(fetched, query.limit, SESSIONS_BY_START.name, (row) => [row.start_at, row.id]);
    return {
      body: { items: page.items.map((row) => toSession(row, at)), nextCursor: page.nextCursor, total },
    };
  });

  app.bind(getSession, async ({ db, params, now }) => {
    const row = await readSessionRow(db, params.sessionId);
    if (!row) throw problem('not_found', 'No such session');
    return { body: toSession(row, instant(now)) };
  });

  app.bind(createRegistration, async ({ db, body, auth, now }) => {
    if (!isMemberOf(auth, body.associationId)) {
      throw problem('forbidden', 'Only members of this association may register its participants');
    }
    const at = instant(now);
    const id = `reg_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
    await db.atomic(async () => {
      const session = await readSessionRow(db, body.sessionId);
      if (!session) throw problem('not_found', 'No such session');
      const state = sessionState(session, at);
      if (state === 'closed' || state === 'suspended') {
        throw problem('invalid_state', `Registration for this session is ${state}`);
      }
      const duplicate = await db.one(
        `SELECT id FROM training_registrations WHERE session_id = ? AND association_id = ? AND participant_key = ?
           AND status NOT IN ('cancelled')`,
        [session.id, body.associationId, participantKey(body.participant)],
      );
      if (duplicate)
        throw problem('already_registered', 'This participant is already registered to the session');
      // Taking a seat is a conditional decrement, so two concurrent requests never both get the last seat.
      const took = (
        await db.write(
          'UPDATE training_sessions SET seats_left = seats_left - 1 WHERE id = ? AND seats_left > 0',
          [session.id],
        )
      ).changes;
      if (took === 0) {
        await db.write('UPDATE training_sessions SET waitlist_count = waitlist_count + 1 WHERE id = ?', [
          session.id,
        ]);
      }
      await insertRegistration(db, {
        id,
        sessionId: session.id,
        courseId: session.course_id,
        associationId: body.associationId,
        participant: body.participant,
        status: took === 1 ? 'confirmed' : 'waitlisted',
        createdAt: at,
      });
    });
    const row = await readRegistrationRow(db, id);
    if (!row) throw problem('internal');
    return {
      status: 201,
      body: await toRegistration(db, row),
      headers: { location: `/v1/registrations/${id}` },
    };
  });

  app.bind(listRegistrations, async ({ db, query, auth }) => {
    const after = readKeysetCursor(query.cursor, REGISTRATIONS_NEWEST.name, REGISTRATIONS_NEWEST.keys.length);
    let associations = (auth?.memberships ?? []).map((m) => m.associationId);
    if (query.associationId) {
      if (!associations.includes(query.associationId) && !isAdmin(auth)) {
        throw problem('forbidden', 'You are not a member of this association');
      }
      associations = [query.associationId];
    }
    if (associations.length === 0) return { body: { items: [], nextCursor: null, total: 0 } };
    const where = whereOf([
      { sql: `r.association_id IN (${marks(associations)})`, params: associations },
      query.sessionId ? { sql: 'r.session_id = ?', params: [query.sessionId] } : null,
      query.status?.length
        ? { sql: `r.status IN (${marks(query.status)})`, params: [...query.status] }
        : null,
    ]);
    const total = Number(
      (
        await db.one<{ n: number }>(
          `SELECT COUNT(*) AS n FROM training_registrations r ${where.sql}`,
          where.params,
        )
      )?.n,
    );
    const keyset = keysetClause(REGISTRATIONS_NEWEST, after);
    const fetched = await db.all<RegistrationRow>(
      `SELECT r.id, r.session_id, r.course_id, r.association_id, r.status, r.seq, r.created_at, r.data
         FROM training_registrations r ${where.sql} AND (${keyset.sql}) ${orderByClause(REGISTRATIONS_NEWEST)} LIMIT ?`,
      [...where.params, ...keyset.params, query.limit + 1],
    );
    const page = keysetPage(fetched, query.limit, REGISTRATIONS_NEWEST.name, (row) => [
      row.created_at,
      Number(row.seq),
    ]);
    return {
      body: {
        items: await Promise.all(page.items.map((row) => toRegistration(db, row))),
        nextCursor: page.nextCursor,
        total,
      },
    };
  });

  app.bind(getRegistration, async ({ db, params, auth }) => ({
    body: await toRegistration(db, await ownedRegistration(db, auth, params.registrationId)),
  }));

  app.bind(cancelRegistration, async ({ db, params, body, auth, now }) => {
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
        await db.write(
          'UPDATE training_sessions SET waitlist_count = waitlist_count - 1 WHERE id = ? AND waitlist_count > 0',
          [session.id],
        );
        return;
      }
      if (row.status !== 'confirmed') return;
      const first = await db.one<RegistrationRow>(
        `SELECT id, session_id, course_id, association_id, status, seq, created_at, data FROM training_registrations
           WHERE session_id = ? AND status = 'waitlisted' ORDER BY seq LIMIT 1`,
        [session.id],
      );
      if (first) {
        // The freed seat goes straight to the first in line: seats stay the same, the line shortens.
        await setRegistrationStatus(
          db,
          first,
          'confirmed',
          at,
          `Promoted from the waitlist after registration ${row.id} was cancelled`,
        );
        await db.write(
          'UPDATE training_sessions SET waitlist_count = waitlist_count - 1 WHERE id = ? AND waitlist_count > 0',
          [session.id],
        );
        await addPromotionNote(db, row.id, first.id);
      } else {
        await db.write(
          'UPDATE training_sessions SET seats_left = seats_left + 1 WHERE id = ? AND seats_left < capacity',
          [session.id],
        );
      }
    });
    return {
      body: await toRegistration(
        db,
        (await readRegistrationRow(db, params.registrationId)) as RegistrationRow,
      ),
    };
  });

  app.bind(recordAttendance, async ({ db, params, body, auth, now, requestId }) => {
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
    return {
      body: await toRegistration(
        db,
        (await readRegistrationRow(db, params.registrationId)) as RegistrationRow,
      ),
    };
  });

  app.bind(evaluateRegistration, async ({ db, params, body, auth, now }) => {
    const at = instant(now);
    await db.atomic(async () => {
      const row = await ownedRegistration(db, auth, params.registrationId, false);
      const data = registrationData(row);
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
      await db.write('UPDATE training_registrations SET data = ? WHERE id = ?', [
        JSON.stringify(data),
        row.id,
      ]);
    });
    return {
      body: await toRegistration(
        db,
        (await readRegistrationRow(db, params.registrationId)) as RegistrationRow,
      ),
    };
  });
}

/** Notes on the cancelled registration which waitlisted one took its seat (its history says it too). */
async function addPromotionNote(db: Db, cancelledId: string, promotedId: string): Promise<void> {
  await db.write(
    `UPDATE training_registration_history SET reason = COALESCE(reason || ' — ', '') || ?
       WHERE registration_id = ? AND position = (SELECT MAX(position) FROM training_registration_history WHERE registration_id = ?)`,
    [`seat given to ${promotedId}`, cancelledId, cancelledId],
  );
}
