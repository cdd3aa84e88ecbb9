import { checkEligibility, getCall, listCallAwards, searchCalls } from '@nassij/contract';
import { iterate, type PageItem, type PageIterator, type PageQueryInput, pages } from '../paginate.js';
import type { Transport } from '../transport.js';
import type { RequestOptions, RouteResult } from '../types.js';

/** The routes `client.calls` wraps. */
export const callsRoutes = [searchCalls, getCall, checkEligibility, listCallAwards] as const;

/**
 * `client.calls`: find calls for public support, read one, check an association's eligibility and read
 * a call's awards.
 *
 * @example
 * ```ts
 * const page = await client.calls.search({ region: ['MA-06'], status: ['open'] });
 * for await (const call of client.calls.iterate({ status: ['open'] })) console.log(call.reference);
 * ```
 */
export interface CallsArea {
  /**
   * One page of calls with `total` and `facets`.
   *
   * @example
   * ```ts
   * const { items, facets, nextCursor } = await client.calls.search({ q: 'شباب', sort: 'newest', limit: 20 });
   * ```
   */
  search(
    query?: PageQueryInput<typeof searchCalls> & { cursor?: string | undefined },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof searchCalls>>;
  /**
   * Every call matching `query`, page after page, fetched only as the loop asks; `.collect({ limit })`
   * gathers up to `limit` of them into an array.
   *
   * @example
   * ```ts
   * for await (const call of client.calls.iterate({ region: ['MA-06'], status: ['open'] })) rows.push(call);
   * const open = await client.calls.iterate({ status: ['open'], limit: 100 }).collect({ limit: 500 });
   * ```
   */
  iterate(
    query?: PageQueryInput<typeof searchCalls>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof searchCalls>>;
  /**
   * Whole pages (with `total` and `facets`), lazily.
   *
   * @example
   * ```ts
   * for await (const page of client.calls.pages({ status: ['open'] })) showFacets(page.facets);
   * ```
   */
  pages(
    query?: PageQueryInput<typeof searchCalls>,
    options?: RequestOptions,
  ): AsyncGenerator<RouteResult<typeof searchCalls>, void, undefined>;
  /**
   * One call in full: criteria, required documents, form, amendments.
   *
   * @example
   * ```ts
   * const call = await client.calls.get('call_0001');
   * ```
   */
  get(callId: string, options?: RequestOptions): Promise<RouteResult<typeof getCall>>;
  /**
   * Whether an association may apply, rule by rule (signed in as one of its members).
   *
   * @example
   * ```ts
   * const result = await client.calls.checkEligibility('call_0001', 'asso_0001');
   * if (!result.eligible) showUnmet(result);
   * ```
   */
  checkEligibility(
    callId: string,
    associationId: string,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof checkEligibility>>;
  /**
   * One page of a call's public awards.
   *
   * @example
   * ```ts
   * const { items } = await client.calls.awards('call_0001', { limit: 50 });
   * ```
   */
  awards(
    callId: string,
    query?: PageQueryInput<typeof listCallAwards> & { cursor?: string | undefined },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof listCallAwards>>;
  /**
   * Every award of a call, lazily.
   *
   * @example
   * ```ts
   * for await (const award of client.calls.iterateAwards('call_0001')) total += Number(award.amount.amount);
   * const awards = await client.calls.iterateAwards('call_0001').collect({ limit: 100 });
   * ```
   */
  iterateAwards(
    callId: string,
    query?: PageQueryInput<typeof listCallAwards>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof listCallAwards>>;
}

/**
 * Builds `client.calls` over a transport.
 *
 * @example
 * ```ts
 * const calls = callsArea(client.transport);
 * ```
 */
export function callsArea(t: Transport): CallsArea {
  return {
    search: (query, options) => t.op(searchCalls, { query: query ?? {} }, options),
    iterate: (query, options) => iterate(t, searchCalls, query, options),
    pages: (query, options) => pages(t, searchCalls, query, options),
    get: (callId, options) => t.op(getCall, { params: { callId } }, options),
    checkEligibility: (callId, associationId, options) =>
      t.op(checkEligibility, { params: { callId }, query: { associationId } }, options),
    awards: (callId, query, options) =>
      t.op(listCallAwards, { params: { callId }, query: query ?? {} }, options),
    iterateAwards: (callId, query, options) =>
      iterate(t, listCallAwards, query, { ...options, params: { callId } }),
  };
}
