import type { AnyRoute, PageOf } from '@nassij/contract';
import type * as z from 'zod/mini';
import type { Transport } from './transport.js';
import type { RequestOptions, RouteResult } from './types.js';

/**
 * A list route: one whose response is a `Page` of items.
 *
 * @example
 * ```ts
 * const route: PagedRoute = searchCalls;
 * ```
 */
export type PagedRoute = AnyRoute & { response: { schema: z.core.$ZodType<PageOf<unknown>> } };

/**
 * The item type of a paged route.
 *
 * @example
 * ```ts
 * type Item = PageItem<typeof searchCalls>; // CallSummary
 * ```
 */
export type PageItem<R extends AnyRoute> = RouteResult<R> extends PageOf<infer Item> ? Item : never;

/**
 * The query a paged route takes, without the `cursor` the iterator manages.
 *
 * @example
 * ```ts
 * const query: PageQueryInput<typeof searchCalls> = { region: ['MA-06'], limit: 50 };
 * ```
 */
export type PageQueryInput<R extends AnyRoute> = [NonNullable<R['query']>] extends [never]
  ? Record<string, never>
  : Omit<z.input<NonNullable<R['query']>>, 'cursor'>;

/**
 * Options of `client.pages` and `client.iterate`: the call options, plus `params` for nested lists.
 *
 * @example
 * ```ts
 * client.iterate(listContributions, {}, { params: { consultationId: 'cons_0001' }, signal });
 * ```
 */
export type PageOptions<R extends AnyRoute> = RequestOptions &
  ([NonNullable<R['params']>] extends [never]
    ? { params?: undefined }
    : { params: z.input<NonNullable<R['params']>> });

/**
 * Follows `nextCursor` page by page, fetching a page only when the consumer asks for it: leaving the loop
 * early costs no extra request. Each page keeps its `total` and `facets`.
 *
 * @example
 * ```ts
 * for await (const page of pages(t, searchCalls, { status: ['open'] })) renderFacets(page.facets);
 * ```
 */
export async function* pages<R extends PagedRoute>(
  t: Transport,
  route: R,
  query?: PageQueryInput<R>,
  options?: PageOptions<R>,
): AsyncGenerator<RouteResult<R>, void, undefined> {
  let cursor: string | undefined;
  do {
    const page = (await t.send(route, {
      ...options,
      query: { ...query, ...(cursor === undefined ? {} : { cursor }) },
    } as never)) as PageOf<unknown>;
    yield page as Awaited<RouteResult<R>>;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}

/**
 * Yields the items of every page in order, fetching lazily like {@link pages}.
 *
 * @example
 * ```ts
 * for await (const call of iterate(t, searchCalls, { region: ['MA-06'] }, { signal })) {
 *   if (shown++ === 50) break; // no further page is fetched
 * }
 * ```
 */
export async function* iterate<R extends PagedRoute>(
  t: Transport,
  route: R,
  query?: PageQueryInput<R>,
  options?: PageOptions<R>,
): AsyncGenerator<PageItem<R>, void, undefined> {
  for await (const page of pages(t, route, query, options)) {
    yield* (page as PageOf<PageItem<R>>).items;
  }
}
