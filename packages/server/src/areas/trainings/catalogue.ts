// The training catalogue in SQL: the course search (filters, facets, keyset pages and each course's next
// sessions) and the session search. Registrations live in ./store.ts.
import {
  COURSE_DETAIL_SESSIONS,
  type Course,
  type CourseDetail,
  type CourseSearchQuery,
  type Facets,
  type FacetValue,
  type Session,
  type SessionSearchQuery,
} from '@nassij/contract';
import type { Db } from '../../db/db.js';
import {
  allOf,
  byCountThenValue,
  type FacetCountRow,
  facetedCounts,
  inList,
  marks,
  type SqlCondition,
} from '../../db/faceted-search.js';
import {
  type Keyset,
  type KeyValue,
  keysetClause,
  keysetPage,
  orderByClause,
  readKeysetCursor,
} from '../../http/cursor.js';
import { searchCondition } from '../../search/search.js';
import {
  COURSE_KIND,
  readCourse,
  SESSION_COLUMNS,
  SESSION_STATE_SQL,
  type SessionRow,
  sessionRows,
  toSession,
  toSessionSummary,
} from './store.js';

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

/** Sessions a course card shows: its next three, as `GET /v1/courses` documents. */
const NEXT_SESSIONS_SHOWN = 3;

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

const COURSE_FACETS = ['competency', 'level', 'modality', 'region', 'language'] as const;
type CourseFacet = (typeof COURSE_FACETS)[number];
type CourseFilter = CourseFacet | 'dates' | 'free' | 'seatsAvailable' | 'sectorCode';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/**
 * An instant as a SQL literal, for the region facet's `FROM`: a facet's `FROM` takes no parameters (see
 * `FacetPart`). The value is the request's `now` as `toInstant` writes it, checked.
 */
function instantLiteral(at: string): string {
  if (!INSTANT.test(at)) throw new Error(`Not an instant: ${at}`);
  return `'${at}'`;
}

/** The text facets of the API sort by count, then value; `level` and `region` run in value order. */
function sortFacets(facets: Record<CourseFacet, FacetValue[]>): Facets {
  const byValue = (a: FacetValue, b: FacetValue) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
  return {
    competency: facets.competency.sort(byCountThenValue),
    level: facets.level.sort((a, b) => Number(a.value) - Number(b.value)),
    modality: facets.modality.sort(byCountThenValue),
    region: facets.region.sort(byValue),
    language: facets.language.sort(byCountThenValue),
  };
}

/**
 * The next upcoming sessions of each course of a page, at most {@link NEXT_SESSIONS_SHOWN} a course, in one
 * statement (a window per course), narrowed by the session filters of the search (region, dates) so that
 * a regional page never offers a course's sessions held in other regions.
 */
async function nextSessionsOf(
  db: Db,
  courseIds: readonly string[],
  query: CourseSearchQuery,
  at: string,
): Promise<Map<string, SessionRow[]>> {
  const byCourse = new Map<string, SessionRow[]>();
  if (courseIds.length === 0) return byCourse;
  const conditions: SqlCondition[] = [
    { sql: `s.course_id IN (${marks(courseIds)})`, params: [...courseIds] },
    { sql: "s.start_at > ? AND s.status = 'scheduled'", params: [at] },
    ...[
      inList('s.region', query.region),
      query.from ? { sql: 's.start_at >= ?', params: [query.from] } : undefined,
      query.to ? { sql: 's.start_at <= ?', params: [query.to] } : undefined,
    ].filter((condition) => condition !== undefined),
  ];
  const rows = await db.all<SessionRow>(
    `SELECT ${SESSION_COLUMNS} FROM (
       SELECT ${SESSION_COLUMNS}, ROW_NUMBER() OVER (PARTITION BY s.course_id ORDER BY s.start_at, s.id) AS nth
       FROM training_sessions s WHERE ${conditions.map((c) => c.sql).join(' AND ')}
     ) s WHERE s.nth <= ? ORDER BY s.start_at, s.id`,
    [...conditions.flatMap((c) => c.params), NEXT_SESSIONS_SHOWN],
  );
  for (const row of rows) {
    const list = byCourse.get(row.course_id);
    if (list) list.push(row);
    else byCourse.set(row.course_id, [row]);
  }
  return byCourse;
}

/**
 * One keyset page of the course search with its exact total and five facets (`competency`, `level`,
 * `modality`, `region`, `language`), each counted under every filter but its own. Three statements
 * whatever the page size: the total with every facet in one `UNION ALL`, the page, and the next sessions
 * of the page's courses. A course is "in a region" when one of its upcoming sessions is held there; the
 * region facet counts courses the same way. A damaged cursor, or one of another sort, is a 422 before any
 * SQL runs.
 *
 * @example
 * ```ts
 * const page = await searchCoursePage(db, { region: ['MA-09'], sort: 'next_session', limit: 20 }, now);
 * page.items[0]?.nextSessions?.length; // up to 3
 * page.facets.level; // [{ value: '1', count: 12 }, …]
 * ```
 */
export async function searchCoursePage(
  db: Db,
  query: CourseSearchQuery,
  at: string,
): Promise<{ items: Course[]; nextCursor: string | null; total: number; facets: Facets }> {
  const order = COURSE_ORDERS[query.sort];
  const after = readKeysetCursor(query.cursor, order.keyset.name, order.keyset.keys.length);
  const upcoming = "s2.start_at > ? AND s2.status = 'scheduled'";
  const match = searchCondition(db, COURSE_KIND, 'c.id', query.q);
  const search = facetedCounts<CourseFilter>({
    from: 'courses c',
    base: match ? [match] : [],
    filters: {
      competency: query.competency?.length
        ? {
            sql: `c.id IN (SELECT course_id FROM course_competencies WHERE code IN (${marks(query.competency)}))`,
            params: [...query.competency],
          }
        : undefined,
      level: query.level?.length
        ? {
            sql: `c.id IN (SELECT course_id FROM course_competencies WHERE level IN (${marks(query.level)}))`,
            params: [...query.level],
          }
        : undefined,
      modality: inList('c.modality', query.modality),
      // A course is "in a region" when one of its upcoming sessions is held there.
      region: query.region?.length
        ? {
            sql: `c.id IN (SELECT s2.course_id FROM training_sessions s2 WHERE ${upcoming} AND s2.region IN (${marks(query.region)}))`,
            params: [at, ...query.region],
          }
        : undefined,
      language: query.language?.length
        ? {
            sql: `c.id IN (SELECT course_id FROM course_languages WHERE language IN (${marks(query.language)}))`,
            params: [...query.language],
          }
        : undefined,
      dates:
        query.from || query.to
          ? {
              sql: 'c.id IN (SELECT course_id FROM training_sessions WHERE start_at >= ? AND start_at <= ?)',
              params: [query.from ?? '0000', query.to ?? '9999'],
            }
          : undefined,
      free: query.free === undefined ? undefined : { sql: 'c.free = ?', params: [query.free ? 1 : 0] },
      seatsAvailable:
        query.seatsAvailable === undefined
          ? undefined
          : {
              sql: `c.id ${query.seatsAvailable ? '' : 'NOT '}IN (SELECT s2.course_id FROM training_sessions s2 WHERE ${upcoming} AND s2.seats_left > 0)`,
              params: [at],
            },
      sectorCode: inList('c.provider_sector', query.sectorCode),
    },
    // Each facet counts courses, not rows: a course with two competencies at one level, or two upcoming
    // sessions in one region, counts once (the DISTINCT pairs).
    facets: [
      {
        facet: 'competency',
        value: 'cc.code',
        from: 'courses c JOIN course_competencies cc ON cc.course_id = c.id',
      },
      {
        facet: 'level',
        value: 'CAST(cc.level AS TEXT)',
        from: 'courses c JOIN (SELECT DISTINCT course_id, level FROM course_competencies) cc ON cc.course_id = c.id',
      },
      { facet: 'modality', value: 'c.modality', from: 'courses c' },
      // Counted as the region filter keeps courses: by their upcoming sessions held there (a past session in
      // a region would count a course the filter then leaves out).
      {
        facet: 'region',
        value: 's.region',
        from: `courses c JOIN (SELECT DISTINCT course_id, region FROM training_sessions
                 WHERE region IS NOT NULL AND start_at > ${instantLiteral(at)} AND status = 'scheduled') s
               ON s.course_id = c.id`,
      },
      {
        facet: 'language',
        value: 'l.language',
        from: 'courses c JOIN course_languages l ON l.course_id = c.id',
      },
    ],
  });
  // The sort keys as columns of a derived table, so that the keyset compares what the cursor holds.
  const nextAt =
    query.sort === 'next_session'
      ? `COALESCE((SELECT MIN(s2.start_at) FROM training_sessions s2 WHERE s2.course_id = c.id AND ${upcoming}), '${NO_NEXT_SESSION}')`
      : "''";
  const keyset = keysetClause(order.keyset, after);
  const [counts, fetched] = await Promise.all([
    // Exact: courses number in the thousands, and every filter is an indexed lookup.
    db.all<FacetCountRow>(search.counts.sql, search.counts.params),
    db.all<CourseKeysRow>(
      `SELECT c.data, c.id, c.created_at, c.title_sort, c.next_at FROM (
         SELECT c.data, c.id, c.created_at, c.title_sort, ${nextAt} AS next_at FROM courses c WHERE ${search.where.sql}
       ) c WHERE ${keyset.sql} ${orderByClause(order.keyset)} LIMIT ?`,
      [
        ...(query.sort === 'next_session' ? [at] : []),
        ...search.where.params,
        ...keyset.params,
        query.limit + 1,
      ],
    ),
  ]);
  const { items: rows, nextCursor } = keysetPage(fetched, query.limit, order.keyset.name, order.values);
  const sessions = await nextSessionsOf(
    db,
    rows.map((row) => row.id),
    query,
    at,
  );
  const { total, facets } = search.read(counts);
  return {
    items: rows.map((row) => ({
      ...(JSON.parse(row.data) as Course),
      nextSessions: (sessions.get(row.id) ?? []).map((s) => toSessionSummary(toSession(s, at))),
    })),
    nextCursor,
    total,
    facets: sortFacets(facets),
  };
}

/**
 * One keyset page of sessions in start order, by course, region, start range and registration state at
 * `at`, with the exact total (at 20 000 sessions a count over the filters' indexes stays in milliseconds).
 *
 * @example
 * ```ts
 * const page = await searchSessionPage(db, { state: ['open'], limit: 20 }, '2026-12-05T09:00:00Z');
 * page.items[0]?.registrationState; // 'open'
 * ```
 */
export async function searchSessionPage(
  db: Db,
  query: SessionSearchQuery,
  at: string,
): Promise<{ items: Session[]; nextCursor: string | null; total: number }> {
  const after = readKeysetCursor(query.cursor, SESSIONS_BY_START.name, SESSIONS_BY_START.keys.length);
  const conditions = [
    query.courseId ? { sql: 's.course_id = ?', params: [query.courseId] } : undefined,
    inList('s.region', query.region),
    query.from ? { sql: 's.start_at >= ?', params: [query.from] } : undefined,
    query.to ? { sql: 's.start_at <= ?', params: [query.to] } : undefined,
    query.state?.length
      ? { sql: `${SESSION_STATE_SQL} IN (${marks(query.state)})`, params: [at, at, at, ...query.state] }
      : undefined,
  ].filter((condition) => condition !== undefined);
  const where = allOf(conditions);
  const total = Number(
    (
      await db.one<{ n: number }>(
        `SELECT COUNT(*) AS n FROM training_sessions s WHERE ${where.sql}`,
        where.params,
      )
    )?.n,
  );
  const keyset = keysetClause(SESSIONS_BY_START, after);
  const fetched = await sessionRows(
    db,
    `${where.sql} AND (${keyset.sql})`,
    [...where.params, ...keyset.params, query.limit + 1],
    'LIMIT ?',
  );
  const page = keysetPage(fetched, query.limit, SESSIONS_BY_START.name, (row) => [row.start_at, row.id]);
  return { items: page.items.map((row) => toSession(row, at)), nextCursor: page.nextCursor, total };
}

/**
 * A course with its sessions not started yet at `at`, soonest first, at most `COURSE_DETAIL_SESSIONS`, and
 * how many there are in all; `undefined` when unknown. Both read a range of
 * `training_sessions_by_course_keys (course_id, start_at, id)` past `at`, so years of past sessions cost
 * nothing: `searchSessionPage` with `courseId` pages them.
 *
 * @example
 * ```ts
 * const course = await readCourseDetail(db, 'crs_0001', '2026-12-05T09:00:00Z');
 * course?.sessions.length; // 2
 * course?.upcomingSessionCount; // 2
 * ```
 */
export async function readCourseDetail(
  db: Db,
  courseId: string,
  at: string,
): Promise<CourseDetail | undefined> {
  const course = await readCourse(db, courseId);
  if (!course) return undefined;
  const upcoming = 's.course_id = ? AND s.start_at > ?';
  const sessions = await sessionRows(db, upcoming, [course.id, at, COURSE_DETAIL_SESSIONS], 'LIMIT ?');
  // The count is read only when the page is full: below the cap, the page is every upcoming session.
  const upcomingSessionCount =
    sessions.length < COURSE_DETAIL_SESSIONS
      ? sessions.length
      : Number(
          (
            await db.one<{ n: number | string }>(
              `SELECT COUNT(*) AS n FROM training_sessions s WHERE ${upcoming}`,
              [course.id, at],
            )
          )?.n ?? 0,
        );
  return { ...course, sessions: sessions.map((row) => toSession(row, at)), upcomingSessionCount };
}
