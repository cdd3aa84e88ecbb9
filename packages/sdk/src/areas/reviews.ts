import {
  checkApplicationEligibility,
  decideApplication,
  declareConflict,
  listCallApplications,
  submitReview,
} from '@nassij/contract';
import { iterate, type PageItem, type PageIterator, type PageQueryInput } from '../paginate.js';
import type { Transport } from '../transport.js';
import type { BodyOf, RequestOptions, RouteResult } from '../types.js';

/** The routes `client.reviews` wraps. */
export const reviewsRoutes = [
  listCallApplications,
  checkApplicationEligibility,
  declareConflict,
  submitReview,
  decideApplication,
] as const;

/**
 * `client.reviews`: a call's selection — its submitted applications, the eligibility check by the staff who
 * run the call, each reviewer's conflict-of-interest declaration then scores, and the decision.
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
   * The eligibility check of a submitted application (the staff who run the call): admissible, it goes to
   * review; not admissible, it is rejected with the reason, which the applicant reads.
   *
   * @example
   * ```ts
   * await client.reviews.checkEligibility('app_0001', { admissible: false, reason: 'Statuts non signés' });
   * ```
   */
  checkEligibility(
    applicationId: string,
    check: BodyOf<typeof checkApplicationEligibility>,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof checkApplicationEligibility>>;
  /**
   * A reviewer's declaration on an application, before it is shown to them: with a conflict, they are
   * recused from it.
   *
   * @example
   * ```ts
   * await client.reviews.declareConflict('app_0001', { declared: false });
   * const application = await client.applications.get('app_0001'); // now readable
   * ```
   */
  declareConflict(
    applicationId: string,
    declaration: BodyOf<typeof declareConflict>,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof declareConflict>>;
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
   * Awards or rejects an application (the staff who run the call, once it is closed and the application
   * has its reviews); the award becomes public with the call's results.
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
    checkEligibility: (applicationId, check, options) =>
      t.op(checkApplicationEligibility, { params: { applicationId }, body: check }, options),
    declareConflict: (applicationId, declaration, options) =>
      t.op(declareConflict, { params: { applicationId }, body: declaration }, options),
    submit: (applicationId, review, options) =>
      t.op(submitReview, { params: { applicationId }, body: review }, options),
    decide: (applicationId, decision, options) =>
      t.op(decideApplication, { params: { applicationId }, body: decision }, options),
  };
}
