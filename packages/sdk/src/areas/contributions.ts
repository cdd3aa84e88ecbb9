import {
  createContribution,
  getContribution,
  listContributionReplies,
  listContributions,
  reportContribution,
  respondToContribution,
  supportContribution,
  withdrawSupport,
} from '@nassij/contract';
import { iterate, type PageItem, type PageIterator, type PageQueryInput } from '../paginate.js';
import type { Transport } from '../transport.js';
import type { BodyOf, RequestOptions, RouteResult } from '../types.js';

/** The routes `client.contributions` wraps. */
export const contributionsRoutes = [
  listContributions,
  createContribution,
  getContribution,
  listContributionReplies,
  supportContribution,
  withdrawSupport,
  reportContribution,
  respondToContribution,
] as const;

/**
 * `client.contributions`: read, write, support (and withdraw the support) and report contributions to a
 * consultation.
 *
 * @example
 * ```ts
 * const receipt = await client.contributions.create('cons_0001', { kind: 'comment', body: 'نقترح…', consent: true });
 * ```
 */
export interface ContributionsArea {
  /**
   * One page of a consultation's published contributions.
   *
   * @example
   * ```ts
   * const { items } = await client.contributions.list('cons_0001', { articleId: 'art-3' });
   * ```
   */
  list(
    consultationId: string,
    query?: PageQueryInput<typeof listContributions> & { cursor?: string | undefined },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof listContributions>>;
  /**
   * Every contribution of a consultation, lazily.
   *
   * @example
   * ```ts
   * for await (const contribution of client.contributions.iterate('cons_0001')) show(contribution);
   * const first = await client.contributions.iterate('cons_0001', { limit: 100 }).collect({ limit: 200 });
   * ```
   */
  iterate(
    consultationId: string,
    query?: PageQueryInput<typeof listContributions>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof listContributions>>;
  /**
   * Contributes. An offline outbox passes the key it stored with the draft as `idempotencyKey`, so a
   * contribution sent twice (retry, reload, second tab) is recorded once.
   *
   * @example
   * ```ts
   * const { idempotencyKey } = outbox.next(); // crypto.randomUUID() saved with the draft
   * await client.contributions.create('cons_0001', body, { idempotencyKey });
   * ```
   */
  create(
    consultationId: string,
    body: BodyOf<typeof createContribution>,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof createContribution>>;
  /**
   * One contribution with its history.
   *
   * @example
   * ```ts
   * const contribution = await client.contributions.get('ctb_0001');
   * ```
   */
  get(contributionId: string, options?: RequestOptions): Promise<RouteResult<typeof getContribution>>;
  /**
   * One page of a contribution's published replies, oldest first. A contribution in a list carries its
   * first replies, `replyCount` and `repliesNextCursor`: pass that cursor to read the ones after.
   *
   * @example
   * ```ts
   * const { items, nextCursor } = await client.contributions.replies(c.id, { cursor: c.repliesNextCursor ?? undefined });
   * ```
   */
  replies(
    contributionId: string,
    query?: PageQueryInput<typeof listContributionReplies> & { cursor?: string | undefined },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof listContributionReplies>>;
  /**
   * Every published reply of a contribution, oldest first, lazily.
   *
   * @example
   * ```ts
   * for await (const reply of client.contributions.iterateReplies('ctb_000002')) show(reply);
   * const thread = await client.contributions.iterateReplies('ctb_000002', { limit: 100 }).collect({ limit: 500 });
   * ```
   */
  iterateReplies(
    contributionId: string,
    query?: PageQueryInput<typeof listContributionReplies>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof listContributionReplies>>;
  /**
   * Supports a contribution (once per account; again throws `already_supported`).
   *
   * @example
   * ```ts
   * const { supports } = await client.contributions.support('ctb_0001');
   * ```
   */
  support(contributionId: string, options?: RequestOptions): Promise<RouteResult<typeof supportContribution>>;
  /**
   * Withdraws this account's support while contributions are open. Idempotent: with no support to
   * withdraw it answers the current count (`supportedByMe: false`) rather than an error.
   *
   * @example
   * ```ts
   * const { supports } = await client.contributions.withdrawSupport('ctb_0001');
   * ```
   */
  withdrawSupport(
    contributionId: string,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof withdrawSupport>>;
  /**
   * Flags a contribution to the moderators.
   *
   * @example
   * ```ts
   * await client.contributions.report('ctb_0001', { reason: 'personal_data' });
   * ```
   */
  report(
    contributionId: string,
    body: BodyOf<typeof reportContribution>,
    options?: RequestOptions,
  ): Promise<void>;
  /**
   * The issuing body's official response (moderators and admins).
   *
   * @example
   * ```ts
   * await client.contributions.respond('ctb_0001', response);
   * ```
   */
  respond(
    contributionId: string,
    body: BodyOf<typeof respondToContribution>,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof respondToContribution>>;
}

/**
 * Builds `client.contributions` over a transport.
 *
 * @example
 * ```ts
 * const contributions = contributionsArea(client.transport);
 * ```
 */
export function contributionsArea(t: Transport): ContributionsArea {
  return {
    list: (consultationId, query, options) =>
      t.op(listContributions, { params: { consultationId }, query: query ?? {} }, options),
    iterate: (consultationId, query, options) =>
      iterate(t, listContributions, query, { ...options, params: { consultationId } }),
    create: (consultationId, body, options) =>
      t.op(createContribution, { params: { consultationId }, body }, options),
    get: (contributionId, options) => t.op(getContribution, { params: { contributionId } }, options),
    replies: (contributionId, query, options) =>
      t.op(listContributionReplies, { params: { contributionId }, query: query ?? {} }, options),
    iterateReplies: (contributionId, query, options) =>
      iterate(t, listContributionReplies, query, { ...options, params: { contributionId } }),
    support: (contributionId, options) => t.op(supportContribution, { params: { contributionId } }, options),
    withdrawSupport: (contributionId, options) =>
      t.op(withdrawSupport, { params: { contributionId } }, options),
    report: async (contributionId, body, options) => {
      await t.op(reportContribution, { params: { contributionId }, body }, options);
    },
    respond: (contributionId, body, options) =>
      t.op(respondToContribution, { params: { contributionId }, body }, options),
  };
}
