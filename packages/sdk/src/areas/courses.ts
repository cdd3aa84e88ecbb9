import {
  createCourse,
  getCourse,
  getManagedCourse,
  listManagedCourses,
  type ManagedCourse,
  publishCourse,
  searchCourses,
  updateCourse,
} from '@nassij/contract';
import { iterate, type PageItem, type PageIterator, type PageQueryInput } from '../paginate.js';
import type { Transport } from '../transport.js';
import type { BodyOf, RequestOptions, RouteResult, Versioned } from '../types.js';
import { versioned } from '../versioned.js';

/** The routes `client.courses` wraps. */
export const coursesRoutes = [
  searchCourses,
  getCourse,
  createCourse,
  listManagedCourses,
  getManagedCourse,
  updateCourse,
  publishCourse,
] as const;

/**
 * `client.courses`: capacity-building trainings by competency, level, modality, region and language, and
 * for an organisation's training staff, its courses: drafts, changes and publication.
 *
 * @example
 * ```ts
 * const { items } = await client.courses.search({ competency: ['financial_management'] });
 * ```
 */
export interface CoursesArea {
  /**
   * One page of courses, each with up to three `nextSessions`, and facets.
   *
   * @example
   * ```ts
   * const page = await client.courses.search({ region: ['MA-06'], modality: ['online'] });
   * ```
   */
  search(
    query?: PageQueryInput<typeof searchCourses> & { cursor?: string | undefined },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof searchCourses>>;
  /**
   * Every course matching `query`, lazily.
   *
   * @example
   * ```ts
   * for await (const course of client.courses.iterate()) catalogue.push(course);
   * const free = await client.courses.iterate({ free: true }).collect({ limit: 100 });
   * ```
   */
  iterate(
    query?: PageQueryInput<typeof searchCourses>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof searchCourses>>;
  /**
   * One course with its next sessions: those not started yet, soonest first, at most 20, and
   * `upcomingSessionCount`, how many there are in all. `client.sessions.iterate({ courseId })` reads every
   * session of the course, past ones included.
   *
   * @example
   * ```ts
   * const course = await client.courses.get('crs_0001');
   * if (course.upcomingSessionCount > course.sessions.length) showLinkToAllSessions();
   * ```
   */
  get(courseId: string, options?: RequestOptions): Promise<RouteResult<typeof getCourse>>;
  /**
   * Starts a draft course of an organisation (its training managers and admins): never public until
   * {@link CoursesArea.publish}. Resolves with the draft and the ETag the first {@link CoursesArea.update}
   * sends. An unknown competency code is a `NassijValidationError` naming `/competencies/{i}/code`.
   *
   * @example
   * ```ts
   * const { data: draft, etag } = await client.courses.create('org_province-azilal', {
   *   title: { ar: 'تدبير المتطوعين', fr: 'Gestion des bénévoles' },
   *   description: { ar: 'تكوين عملي', fr: 'Formation pratique' },
   *   objectives: [{ ar: 'إعداد خطة للتطوع', fr: 'Établir un plan de bénévolat' }],
   *   targetAudience: { ar: 'منسقو الجمعيات', fr: 'Coordinateurs associatifs' },
   *   competencies: [{ code: 'volunteer-management', level: 1 }], languages: ['ar', 'fr'], durationHours: 12,
   *   modality: 'online', cost: { free: true }, credential: 'attestation',
   * });
   * ```
   */
  create(
    organisationId: string,
    fields: BodyOf<typeof createCourse>,
    options?: RequestOptions,
  ): Promise<Versioned<ManagedCourse>>;
  /**
   * One page of an organisation's courses, drafts included, newest first, with their sessions counted.
   *
   * @example
   * ```ts
   * const { items } = await client.courses.managed('org_province-azilal', { state: 'draft' });
   * ```
   */
  managed(
    organisationId: string,
    query?: PageQueryInput<typeof listManagedCourses> & { cursor?: string | undefined },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof listManagedCourses>>;
  /**
   * Every course of an organisation, drafts included, lazily.
   *
   * @example
   * ```ts
   * const all = await client.courses.iterateManaged('org_province-azilal').collect({ limit: 200 });
   * ```
   */
  iterateManaged(
    organisationId: string,
    query?: PageQueryInput<typeof listManagedCourses>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof listManagedCourses>>;
  /**
   * A course as its staff edit it (draft or published), with the ETag the next update sends.
   *
   * @example
   * ```ts
   * const { data: managed, etag } = await client.courses.getDraftWithEtag('crs_0001');
   * ```
   */
  getDraftWithEtag(courseId: string, options?: RequestOptions): Promise<Versioned<ManagedCourse>>;
  /**
   * Changes a course: each field given replaces the course's. `options.ifMatch` (required) is the ETag the
   * change was made from; a stale one is a `NassijConflictError` (412) carrying the course as saved. A
   * published course changes publicly.
   *
   * @example
   * ```ts
   * ({ etag } = await client.courses.update(courseId, { durationHours: 18 }, { ifMatch: etag }));
   * ```
   */
  update(
    courseId: string,
    fields: BodyOf<typeof updateCourse>,
    options: RequestOptions & { ifMatch: string },
  ): Promise<Versioned<ManagedCourse>>;
  /**
   * Publishes a draft course: it joins the public catalogue. A published one is a conflict (`invalid_state`).
   *
   * @example
   * ```ts
   * const published = await client.courses.publish(courseId);
   * published.state; // 'published'
   * ```
   */
  publish(courseId: string, options?: RequestOptions): Promise<RouteResult<typeof publishCourse>>;
}

/**
 * Builds `client.courses` over a transport.
 *
 * @example
 * ```ts
 * const courses = coursesArea(client.transport);
 * ```
 */
export function coursesArea(t: Transport): CoursesArea {
  return {
    search: (query, options) => t.op(searchCourses, { query: query ?? {} }, options),
    iterate: (query, options) => iterate(t, searchCourses, query, options),
    get: (courseId, options) => t.op(getCourse, { params: { courseId } }, options),
    create: async (organisationId, fields, options) =>
      versioned(
        createCourse.id,
        await t.opWithEtag(createCourse, { params: { organisationId }, body: fields }, options),
      ),
    managed: (organisationId, query, options) =>
      t.op(listManagedCourses, { params: { organisationId }, query: query ?? {} }, options),
    iterateManaged: (organisationId, query, options) =>
      iterate(t, listManagedCourses, query, { ...options, params: { organisationId } }),
    getDraftWithEtag: async (courseId, options) =>
      versioned(getManagedCourse.id, await t.opWithEtag(getManagedCourse, { params: { courseId } }, options)),
    update: async (courseId, fields, options) =>
      versioned(
        updateCourse.id,
        await t.opWithEtag(updateCourse, { params: { courseId }, body: fields }, options),
      ),
    publish: (courseId, options) => t.op(publishCourse, { params: { courseId } }, options),
  };
}
