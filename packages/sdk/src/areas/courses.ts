import { getCourse, searchCourses } from '@nassij/contract';
import { iterate, type PageItem, type PageIterator, type PageQueryInput } from '../paginate.js';
import type { Transport } from '../transport.js';
import type { RequestOptions, RouteResult } from '../types.js';

/** The routes `client.courses` wraps. */
export const coursesRoutes = [searchCourses, getCourse] as const;

/**
 * `client.courses`: capacity-building trainings by competency, level, modality, region and language.
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
   * One course with all its sessions.
   *
   * @example
   * ```ts
   * const course = await client.courses.get('crs_0001');
   * ```
   */
  get(courseId: string, options?: RequestOptions): Promise<RouteResult<typeof getCourse>>;
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
  };
}
