import { decideApplication, listCallApplications, submitReview } from '@nassij/contract';
import { iterate, type PageItem, type PageIterator, type PageQueryInput } from '../paginate.js';
import type { Transport } from '../transport.js';
import type { BodyOf, RequestOptions, RouteResult } from '../types.js';

/** The routes `client.reviews` wraps. */
export const reviewsRoutes = [listCallApplications, submitReview, decideApplication] as const;

/**
 * `client.reviews`: for reviewers — a call's submitted applications, scores and decisions.
 *
 * @example
 * ```ts
 * for await (const application of client.reviews.iterateApplications('call_0001')) queue.push(application);
 * ```
 */
export interface ReviewsArea {
  /**
   * One page of a call's submitted applications.
   *
   * @example
   * ```ts
   * const { items } = await client.reviews.listApplications('call_0001', { limit: 50 });
   * ```
   */
  listApplications(
    callId: string,
    query?: PageQueryInput<typeof listCallApplications> & { cursor?: string | undefined },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof listCallApplications>>;
  /**
   * Every submitted application of a call, lazily.
   *
   * @example
   * ```ts
   * for await (const application of client.reviews.iterateApplications('call_0001')) count++;
   * const queue = await client.reviews.iterateApplications('call_0001').collect({ limit: 100 });
   * ```
   */
  iterateApplications(
    callId: string,
    query?: PageQueryInput<typeof listCallApplications>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof listCallApplications>>;
  /**
   * Scores an application on every criterion, after declaring any conflict of interest.
   *
   * @example
   * ```ts
   * await client.reviews.submit('app_0001', review);
   * ```
   */
  submit(
    applicationId: string,
    review: BodyOf<typeof submitReview>,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof submitReview>>;
  /**
   * Awards or rejects an application; an award becomes public.
   *
   * @example
   * ```ts
   * await client.reviews.decide('app_0001', decision);
   * ```
   */
  decide(
    applicationId: string,
    decision: BodyOf<typeof decideApplication>,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof decideApplication>>;
}

/**
 * Builds `client.reviews` over a transport.
 *
 * @example
 * ```ts
 * const reviews = reviewsArea(client.transport);
 * ```
 */
export function reviewsArea(t: Transport): ReviewsArea {
  return {
    listApplications: (callId, query, options) =>
      t.op(listCallApplications, { params: { callId }, query: query ?? {} }, options),
    iterateApplications: (callId, query, options) =>
      iterate(t, listCallApplications, query, { ...options, params: { callId } }),
    submit: (applicationId, review, options) =>
      t.op(submitReview, { params: { applicationId }, body: review }, options),
    decide: (applicationId, decision, options) =>
      t.op(decideApplication, { params: { applicationId }, body: decision }, options),
  };
}
