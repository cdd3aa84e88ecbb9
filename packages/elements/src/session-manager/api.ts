import {
  getSessionEvaluationsRef,
  listManagedCoursesRef,
  listManagedSessionsRef,
  MAX_PAGE_SIZE,
  type ManagedCourse,
  type ManagedSession,
} from '@nassij/contract';
import type { BaseClient } from '../base/client.js';
import type { CourseRow, EvaluationSummary } from './model.js';

// The list's requests: the organisation's courses (drafts included), then the sessions of each course that
// has any, together. Pages are followed to the end: a training department runs tens of courses, not thousands.

/** Every page of a listing, followed to the end (at most `max` items). */
async function all<T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
  max = 500,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    items.push(...next.items);
    cursor = next.nextCursor ?? undefined;
  } while (cursor && items.length < max);
  return items;
}

/**
 * The organisation's courses, newest first, each with its sessions soonest first (a course without any is
 * not asked for them).
 *
 * @example
 * ```ts
 * const rows = await loadCourses(client, 'org_province-azilal', signal);
 * rows[0]?.sessions[0]?.counts.confirmed; // 12
 * ```
 */
export async function loadCourses(
  client: BaseClient,
  organisationId: string,
  signal: AbortSignal,
): Promise<CourseRow[]> {
  const courses = await all<ManagedCourse>((cursor) =>
    client.request(listManagedCoursesRef, {
      params: { organisationId },
      query: { limit: MAX_PAGE_SIZE, ...(cursor ? { cursor } : {}) },
      signal,
    }),
  );
  return Promise.all(
    courses.map(async (managed) => ({
      managed,
      sessions:
        managed.sessions.total === 0
          ? []
          : await all<ManagedSession>((cursor) =>
              client.request(listManagedSessionsRef, {
                params: { courseId: managed.course.id },
                query: { limit: MAX_PAGE_SIZE, ...(cursor ? { cursor } : {}) },
                signal,
              }),
            ),
    })),
  );
}

/**
 * The summary of a session's evaluations, for its staff: count, average, how many gave each rating, and
 * one page of the comments (nobody named), the first or the one after `cursor` (a previous `nextCursor`).
 *
 * @example
 * ```ts
 * const { count, averageRating, nextCursor } = await loadEvaluations(client, 'ses_1', signal);
 * const more = nextCursor ? await loadEvaluations(client, 'ses_1', signal, nextCursor) : undefined;
 * ```
 */
export function loadEvaluations(
  client: BaseClient,
  sessionId: string,
  signal?: AbortSignal,
  cursor?: string,
): Promise<EvaluationSummary> {
  return client.request(getSessionEvaluationsRef, {
    params: { sessionId },
    ...(cursor ? { query: { cursor } } : {}),
    ...(signal ? { signal } : {}),
  });
}
