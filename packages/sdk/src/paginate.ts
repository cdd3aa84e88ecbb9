import type { AnyRoute, PageOf } from '@nassij/contract';
import type * as z from 'zod/mini';
import { NassijValidationError } from './errors.js';
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
 * What `collect` takes: `limit`, the most items to gather. It is required, so that a list never fills
 * memory by accident; ask for what you will show or process.
 *
 * @example
 * ```ts
 * const options: CollectOptions = { limit: 500 };
 * ```
 */
export interface CollectOptions {
  /** Most items to gather (a positive integer); no page is fetched once they are in. */
  limit: number;
}

/**
 * What `iterate` returns: an async generator of the items of every page, fetched lazily, with
 * `collect({ limit })` to gather them into an array instead of looping (like Stripe's
 * `autoPagingToArray`).
 *
 * @example
 * ```ts
 * const calls: PageIterator<CallSummary> = client.calls.iterate({ status: ['open'] });
 * const first200 = await calls.collect({ limit: 200 });
 * ```
 */
export interface PageIterator<T> extends AsyncGenerator<T, void, undefined> {
  /**
   * Gathers the items the iterator has not yet yielded, page after page, until `limit` items are in
   * or the pages end; it stops fetching as soon as it has `limit`. The query's own `limit` stays the
   * page size: pass `limit: 100` there to make fewer requests. Refuses a `limit` that is not a positive
   * integer with `NassijValidationError` (`validation_failed`), sending nothing.
   *
   * @example
   * ```ts
   * const calls = await client.calls.iterate({ region: ['MA-06'], limit: 100 }).collect({ limit: 500 });
   * calls.length; // at most 500, in at most 5 requests
   * ```
   */
  collect(options: CollectOptions): Promise<T[]>;
}

async function* items<R extends PagedRoute>(
  t: Transport,
  route: R,
  query?: PageQueryInput<R>,
  options?: PageOptions<R>,
): AsyncGenerator<PageItem<R>, void, undefined> {
  for await (const page of pages(t, route, query, options)) {
    yield* (page as PageOf<PageItem<R>>).items;
  }
}

async function collect<T>(from: AsyncGenerator<T, void, undefined>, limit: unknown): Promise<T[]> {
  if (!Number.isSafeInteger(limit) || (limit as number) < 1) {
    throw new NassijValidationError('collect: limit must be a positive integer', {
      code: 'validation_failed',
    });
  }
  const out: T[] = [];
  for await (const item of from) {
    out.push(item);
    if (out.length === limit) break; // ends the generator: no further page is fetched
  }
  return out;
}

/**
 * Yields the items of every page in order, fetching lazily like {@link pages}; `collect({ limit })`
 * gathers them into an array.
 *
 * @example
 * ```ts
 * for await (const call of iterate(t, searchCalls, { region: ['MA-06'] }, { signal })) {
 *   if (shown++ === 50) break; // no further page is fetched
 * }
 * const open = await iterate(t, searchCalls, { status: ['open'] }).collect({ limit: 100 });
 * ```
 */
export function iterate<R extends PagedRoute>(
  t: Transport,
  route: R,
  query?: PageQueryInput<R>,
  options?: PageOptions<R>,
): PageIterator<PageItem<R>> {
  const generator = items(t, route, query, options);
  return Object.assign(generator, {
    collect: (collectOptions: CollectOptions) => collect(generator, collectOptions?.limit),
  });
}
