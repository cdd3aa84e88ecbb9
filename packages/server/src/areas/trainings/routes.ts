import { randomUUID } from 'node:crypto';
import {
  type Account,
  type Course,
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
import { decodeCursor, encodeCursor } from '../../http/cursor.js';
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

function offsetOf(cursor: string | undefined): number {
  if (!cursor) return 0;
  const offset = decodeCursor(cursor, ['offset']).offset;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) {
    throw problem('validation_failed', 'The cursor is not one this server issued', {
      errors: [{ path: '/cursor', in: 'query', code: 'invalid', message: 'Unknown or damaged cursor' }],
    });
  }
  return offset;
}

function nextCursor(offset: number, count: number, total: number): string | null {
  return count > 0 && offset + count < total ? encodeCursor({ offset: offset + count }) : null;
}

function isAdmin(auth: Account | null): boolean {
  return auth?.roles.includes('admin') ?? false;
}

function isMemberOf(auth: Account | null, associationId: string): boolean {
  return auth?.memberships.some((m) => m.associationId === associationId) ?? false;
}

/** The registration, if the caller may see it: a member of its association or an admin. */
function ownedRegistration(db: Db, auth: Account | null, id: string, adminToo = true): RegistrationRow {
  const row = readRegistrationRow(db, id);
  if (!row) throw problem('not_found', 'No such registration');
  if (!isMemberOf(auth, row.association_id) && !(adminToo && isAdmin(auth))) {
    throw problem('forbidden', 'This registration belongs to another association');
  }
  return row;
}

function facet(db: Db, sql: string, conditions: readonly (Condition | null)[]): Facets[string] {
  const where = whereOf(conditions);
  return db
    .query<{ value: string | number; count: number }>(sql.replace('$WHERE', where.sql), where.params)
    .map((row) => ({ value: String(row.value), count: Number(row.count) }));
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
  app.bind(searchCourses, ({ db, query, now }) => {
    const at = instant(now);
    const upcoming = "s2.start_at > ? AND s2.status = 'scheduled'";
    const filters = {
      q: searchCondition(COURSE_KIND, 'c.id', query.q),
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

    const where = whereOf(Object.values(filters));
    const total = Number(
      db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM courses c ${where.sql}`, where.params)?.n,
    );
    const offset = offsetOf(query.cursor);
    const next = `(SELECT MIN(s2.start_at) FROM training_sessions s2 WHERE s2.course_id = c.id AND ${upcoming})`;
    const order =
      query.sort === 'newest'
        ? 'ORDER BY c.created_at DESC, c.id'
        : query.sort === 'title'
          ? 'ORDER BY c.title_sort, c.id'
          : `ORDER BY CASE WHEN ${next} IS NULL THEN 1 ELSE 0 END, ${next}, c.id`;
    const orderParams: SqlValue[] = query.sort === 'next_session' ? [at, at] : [];
    const rows = db.query<{ data: string }>(
      `SELECT c.data FROM courses c ${where.sql} ${order} LIMIT ? OFFSET ?`,
      [...where.params, ...orderParams, query.limit, offset],
    );
    // The next sessions shown are those the session filters (region, dates) keep: a regional page must not
    // offer the course's sessions held in other regions.
    const sessionFilters = [
      query.region?.length
        ? { sql: `s.region IN (${marks(query.region)})`, params: [...query.region] }
        : null,
      query.from ? { sql: 's.start_at >= ?', params: [query.from] } : null,
      query.to ? { sql: 's.start_at <= ?', params: [query.to] } : null,
    ];
    const items: Course[] = rows.map((row) => {
      const course = JSON.parse(row.data) as Course;
      const shown = whereOf([
        { sql: "s.course_id = ? AND s.start_at > ? AND s.status = 'scheduled'", params: [course.id, at] },
        ...sessionFilters,
      ]);
      const sessions = sessionRows(db, shown.sql.slice('WHERE '.length), shown.params, 'LIMIT 3');
      return { ...course, nextSessions: sessions.map((s) => toSessionSummary(toSession(s, at))) };
    });
    const facets: Facets = {
      competency: facet(
        db,
        `SELECT cc.code AS value, COUNT(DISTINCT c.id) AS count FROM courses c
           JOIN course_competencies cc ON cc.course_id = c.id $WHERE GROUP BY cc.code ORDER BY count DESC, cc.code`,
        except('competency'),
      ),
      level: facet(
        db,
        `SELECT cc.level AS value, COUNT(DISTINCT c.id) AS count FROM courses c
           JOIN course_competencies cc ON cc.course_id = c.id $WHERE GROUP BY cc.level ORDER BY cc.level`,
        except('level'),
      ),
      modality: facet(
        db,
        'SELECT c.modality AS value, COUNT(*) AS count FROM courses c $WHERE GROUP BY c.modality ORDER BY count DESC, c.modality',
        except('modality'),
      ),
      region: facet(
        db,
        `SELECT s.region AS value, COUNT(DISTINCT c.id) AS count FROM courses c
           JOIN training_sessions s ON s.course_id = c.id AND s.region IS NOT NULL $WHERE GROUP BY s.region ORDER BY s.region`,
        except('region'),
      ),
      language: facet(
        db,
        `SELECT l.language AS value, COUNT(DISTINCT c.id) AS count FROM courses c
           JOIN course_languages l ON l.course_id = c.id $WHERE GROUP BY l.language ORDER BY count DESC, l.language`,
        except('language'),
      ),
    };
    return { body: { items, nextCursor: nextCursor(offset, items.length, total), total, facets } };
  });

  app.bind(getCourse, ({ db, params, now }) => {
    const course = readCourse(db, params.courseId);
    if (!course) throw problem('not_found', 'No such course');
    const at = instant(now);
    const sessions = sessionRows(db, 's.course_id = ?', [course.id]).map((row) => toSession(row, at));
    return { body: { ...course, sessions } };
  });

  app.bind(searchSessions, ({ db, query, now }) => {
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
    const total = Number(
      db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM training_sessions s ${where.sql}`, where.params)?.n,
    );
    const offset = offsetOf(query.cursor);
    const rows = sessionRows(
      db,
      where.sql ? where.sql.slice('WHERE '.length) : '1 = 1',
      [...where.params, query.limit, offset],
      'LIMIT ? OFFSET ?',
    );
    return {
      body: {
        items: rows.map((row) => toSession(row, at)),
        nextCursor: nextCursor(offset, rows.length, total),
        total,
      },
    };
  });

  app.bind(getSession, ({ db, params, now }) => {
    const row = readSessionRow(db, params.sessionId);
    if (!row) throw problem('not_found', 'No such session');
    return { body: toSession(row, instant(now)) };
  });

  app.bind(createRegistration, ({ db, body, auth, now }) => {
    if (!isMemberOf(auth, body.associationId)) {
      throw problem('forbidden', 'Only members of this association may register its participants');
    }
    const at = instant(now);
    const id = `reg_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
    db.transaction(() => {
      const session = readSessionRow(db, body.sessionId);
      if (!session) throw problem('not_found', 'No such session');
      const state = sessionState(session, at);
      if (state === 'closed' || state === 'suspended') {
        throw problem('invalid_state', `Registration for this session is ${state}`);
      }
      const duplicate = db.get(
        `SELECT id FROM training_registrations WHERE session_id = ? AND association_id = ? AND participant_key = ?
           AND status NOT IN ('cancelled')`,
        [session.id, body.associationId, participantKey(body.participant)],
      );
      if (duplicate)
        throw problem('already_registered', 'This participant is already registered to the session');
      // Taking a seat is a conditional decrement, so two concurrent requests never both get the last seat.
      const took = db.run(
        'UPDATE training_sessions SET seats_left = seats_left - 1 WHERE id = ? AND seats_left > 0',
        [session.id],
      ).changes;
      if (took === 0) {
        db.run('UPDATE training_sessions SET waitlist_count = waitlist_count + 1 WHERE id = ?', [session.id]);
      }
      insertRegistration(db, {
        id,
        sessionId: session.id,
        courseId: session.course_id,
        associationId: body.associationId,
        participant: body.participant,
        status: took === 1 ? 'confirmed' : 'waitlisted',
        createdAt: at,
      });
    });
    const row = readRegistrationRow(db, id);
    if (!row) throw problem('internal');
    return { status: 201, body: toRegistration(db, row), headers: { location: `/v1/registrations/${id}` } };
  });

  app.bind(listRegistrations, ({ db, query, auth }) => {
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
      db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM training_registrations r ${where.sql}`, where.params)
        ?.n,
    );
    const offset = offsetOf(query.cursor);
    const rows = db.query<RegistrationRow>(
      `SELECT r.id, r.session_id, r.course_id, r.association_id, r.status, r.seq, r.created_at, r.data
         FROM training_registrations r ${where.sql} ORDER BY r.created_at DESC, r.seq DESC LIMIT ? OFFSET ?`,
      [...where.params, query.limit, offset],
    );
    return {
      body: {
        items: rows.map((row) => toRegistration(db, row)),
        nextCursor: nextCursor(offset, rows.length, total),
        total,
      },
    };
  });

  app.bind(getRegistration, ({ db, params, auth }) => ({
    body: toRegistration(db, ownedRegistration(db, auth, params.registrationId)),
  }));

  app.bind(cancelRegistration, ({ db, params, body, auth, now }) => {
    const at = instant(now);
    db.transaction(() => {
      const row = ownedRegistration(db, auth, params.registrationId);
      if (!['requested', 'confirmed', 'waitlisted'].includes(row.status)) {
        throw problem('invalid_state', `A ${row.status} registration cannot be cancelled`);
      }
      const session = readSessionRow(db, row.session_id) as SessionRow;
      if (session.end_at <= at) throw problem('invalid_state', 'The session is over');
      setRegistrationStatus(db, row, 'cancelled', at, body?.reason);
      if (row.status === 'waitlisted') {
        db.run(
          'UPDATE training_sessions SET waitlist_count = waitlist_count - 1 WHERE id = ? AND waitlist_count > 0',
          [session.id],
        );
        return;
      }
      if (row.status !== 'confirmed') return;
      const first = db.get<RegistrationRow>(
        `SELECT id, session_id, course_id, association_id, status, seq, created_at, data FROM training_registrations
           WHERE session_id = ? AND status = 'waitlisted' ORDER BY seq LIMIT 1`,
        [session.id],
      );
      if (first) {
        // The freed seat goes straight to the first in line: seats stay the same, the line shortens.
        setRegistrationStatus(
          db,
          first,
          'confirmed',
          at,
          `Promoted from the waitlist after registration ${row.id} was cancelled`,
        );
        db.run(
          'UPDATE training_sessions SET waitlist_count = waitlist_count - 1 WHERE id = ? AND waitlist_count > 0',
          [session.id],
        );
        addPromotionNote(db, row.id, first.id);
      } else {
        db.run(
          'UPDATE training_sessions SET seats_left = seats_left + 1 WHERE id = ? AND seats_left < capacity',
          [session.id],
        );
      }
    });
    return { body: toRegistration(db, readRegistrationRow(db, params.registrationId) as RegistrationRow) };
  });

  app.bind(recordAttendance, ({ db, params, body, auth, now, requestId }) => {
    const at = instant(now);
    db.transaction(() => {
      const row = readRegistrationRow(db, params.registrationId);
      if (!row) throw problem('not_found', 'No such registration');
      if (!['confirmed', 'attended', 'no_show', 'completed'].includes(row.status)) {
        throw problem('invalid_state', `Attendance cannot be recorded for a ${row.status} registration`);
      }
      const session = readSessionRow(db, row.session_id) as SessionRow;
      if (session.start_at > at) throw problem('invalid_state', 'The session has not started');
      const course = readCourse(db, row.course_id);
      const data = registrationData(row);
      data.attendance = { attendedHours: body.attendedHours };
      if (body.status === 'completed' && course?.credential !== 'none') data.credentialIssuedOn ??= at;
      setRegistrationStatus(db, row, body.status, at, undefined, data);
      audit(db, {
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
    return { body: toRegistration(db, readRegistrationRow(db, params.registrationId) as RegistrationRow) };
  });

  app.bind(evaluateRegistration, ({ db, params, body, auth, now }) => {
    const at = instant(now);
    db.transaction(() => {
      const row = ownedRegistration(db, auth, params.registrationId, false);
      const data = registrationData(row);
      if (data.evaluation) throw problem('already_exists', 'This registration was evaluated already');
      const session = readSessionRow(db, row.session_id) as SessionRow;
      if (session.end_at > at) throw problem('invalid_state', 'A session is evaluated once it has ended');
      if (row.status !== 'attended' && row.status !== 'completed') {
        throw problem('invalid_state', 'Only a participant who attended evaluates the session');
      }
      data.evaluation = {
        rating: body.rating,
        ...(body.comment ? { comment: body.comment } : {}),
        submittedAt: at,
      };
      db.run('UPDATE training_registrations SET data = ? WHERE id = ?', [JSON.stringify(data), row.id]);
    });
    return { body: toRegistration(db, readRegistrationRow(db, params.registrationId) as RegistrationRow) };
  });
}

/** Notes on the cancelled registration which waitlisted one took its seat (its history says it too). */
function addPromotionNote(db: Db, cancelledId: string, promotedId: string): void {
  db.run(
    `UPDATE training_registration_history SET reason = COALESCE(reason || ' — ', '') || ?
       WHERE registration_id = ? AND position = (SELECT MAX(position) FROM training_registration_history WHERE registration_id = ?)`,
    [`seat given to ${promotedId}`, cancelledId, cancelledId],
  );
}
