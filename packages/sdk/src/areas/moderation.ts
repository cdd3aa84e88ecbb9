import { moderateContribution, moderationQueue } from '@nassij/contract';
import { iterate, type PageItem, type PageIterator, type PageQueryInput } from '../paginate.js';
import type { Transport } from '../transport.js';
import type { BodyOf, RequestOptions, RouteResult } from '../types.js';

/** The routes `client.moderation` wraps. */
export const moderationRoutes = [moderationQueue, moderateContribution] as const;

/**
 * `client.moderation`: the moderators' queue and their decisions.
 *
 * @example
 * ```ts
 * for await (const contribution of client.moderation.iterateQueue()) review(contribution);
 * ```
 */
export interface ModerationArea {
  /**
   * One page of contributions waiting for moderation, oldest first.
   *
   * @example
   * ```ts
   * const { items } = await client.moderation.queue({ limit: 20 });
   * ```
   */
  queue(
    query?: PageQueryInput<typeof moderationQueue> & { cursor?: string | undefined },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof moderationQueue>>;
  /**
   * The whole queue, lazily.
   *
   * @example
   * ```ts
   * for await (const contribution of client.moderation.iterateQueue()) count++;
   * const batch = await client.moderation.iterateQueue().collect({ limit: 25 });
   * ```
   */
  iterateQueue(
    query?: PageQueryInput<typeof moderationQueue>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof moderationQueue>>;
  /**
   * Publishes or hides a contribution.
   *
   * @example
   * ```ts
   * await client.moderation.decide('ctb_0001', decision);
   * ```
   */
  decide(
    contributionId: string,
    decision: BodyOf<typeof moderateContribution>,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof moderateContribution>>;
}

/**
 * Builds `client.moderation` over a transport.
 *
 * @example
 * ```ts
 * const moderation = moderationArea(client.transport);
 * ```
 */
export function moderationArea(t: Transport): ModerationArea {
  return {
    queue: (query, options) => t.op(moderationQueue, { query: query ?? {} }, options),
    iterateQueue: (query, options) => iterate(t, moderationQueue, query, options),
    decide: (contributionId, decision, options) =>
      t.op(moderateContribution, { params: { contributionId }, body: decision }, options),
  };
}
