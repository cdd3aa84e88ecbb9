import { searchAwards } from '@nassij/contract';
import { iterate, type PageItem, type PageIterator, type PageQueryInput } from '../paginate.js';
import type { Transport } from '../transport.js';
import type { RequestOptions, RouteResult } from '../types.js';

/** The routes `client.awards` wraps. */
export const awardsRoutes = [searchAwards] as const;

/**
 * `client.awards`: every public award, filterable (a call's own awards are `client.calls.awards`).
 *
 * @example
 * ```ts
 * const { items, facets } = await client.awards.search({ region: ['MA-06'] });
 * ```
 */
export interface AwardsArea {
  /**
   * One page of awards with facets.
   *
   * @example
   * ```ts
   * const page = await client.awards.search({ limit: 100 });
   * ```
   */
  search(
    query?: PageQueryInput<typeof searchAwards> & { cursor?: string | undefined },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof searchAwards>>;
  /**
   * Every award matching `query`, lazily.
   *
   * @example
   * ```ts
   * for await (const award of client.awards.iterate()) rows.push(award);
   * const latest = await client.awards.iterate({ limit: 100 }).collect({ limit: 1000 });
   * ```
   */
  iterate(
    query?: PageQueryInput<typeof searchAwards>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof searchAwards>>;
}

/**
 * Builds `client.awards` over a transport.
 *
 * @example
 * ```ts
 * const awards = awardsArea(client.transport);
 * ```
 */
export function awardsArea(t: Transport): AwardsArea {
  return {
    search: (query, options) => t.op(searchAwards, { query: query ?? {} }, options),
    iterate: (query, options) => iterate(t, searchAwards, query, options),
  };
}
