import { getSession, searchSessions } from '@nassij/contract';
import { iterate, type PageItem, type PageIterator, type PageQueryInput } from '../paginate.js';
import type { Transport } from '../transport.js';
import type { RequestOptions, RouteResult } from '../types.js';

/** The routes `client.sessions` wraps. */
export const sessionsRoutes = [searchSessions, getSession] as const;

/**
 * `client.sessions`: the dated sessions of the training courses.
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
  };
}
