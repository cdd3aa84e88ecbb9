import {
  type CreateWebhookEndpoint,
  createOrganisationWebhook,
  createPlatformWebhook,
  deleteOrganisationWebhook,
  deletePlatformWebhook,
  enableOrganisationWebhook,
  enablePlatformWebhook,
  listOrganisationWebhookDeliveries,
  listOrganisationWebhooks,
  listPlatformWebhookDeliveries,
  listPlatformWebhooks,
  replayOrganisationWebhookDelivery,
  replayPlatformWebhookDelivery,
} from '@nassij/contract';
import { iterate, type PageItem, type PageIterator, type PageQueryInput } from '../paginate.js';
import type { Transport } from '../transport.js';
import type { RequestOptions, RouteResult } from '../types.js';

/** The routes `client.webhooks` wraps. */
export const webhooksRoutes = [
  listOrganisationWebhooks,
  createOrganisationWebhook,
  deleteOrganisationWebhook,
  enableOrganisationWebhook,
  listOrganisationWebhookDeliveries,
  replayOrganisationWebhookDelivery,
  listPlatformWebhooks,
  createPlatformWebhook,
  deletePlatformWebhook,
  enablePlatformWebhook,
  listPlatformWebhookDeliveries,
  replayPlatformWebhookDelivery,
] as const;

/**
 * Whose endpoints: an organisation's (`organisationId`, for its admins), or the platform-wide ones
 * (no `organisationId`, for platform admins).
 */
export interface WebhookScope {
  organisationId?: string;
}

/**
 * Whose endpoint, and which page of its delivery log: `limit` (1–100, default 20) and the `cursor` of the
 * previous page's `nextCursor`.
 *
 * @example
 * ```ts
 * const query: WebhookDeliveryPageQuery = { organisationId: 'org_region-souss-massa', limit: 50 };
 * ```
 */
export type WebhookDeliveryPageQuery = WebhookScope &
  PageQueryInput<typeof listPlatformWebhookDeliveries> & { cursor?: string | undefined };

/**
 * `client.webhooks`: the endpoints that receive the platform's events, signed per Standard Webhooks (check
 * them with {@link verifyWebhook}). An organisation's admins manage its endpoints (events about its own
 * calls, applications, consultations and trainings); platform admins manage platform-wide ones (every
 * event). The secret comes once, in the answer of `create`.
 *
 * @example
 * ```ts
 * const endpoint = await client.webhooks.create(
 *   { url: 'https://portal.example/nassij', eventTypes: ['call.published', 'call.amended'] },
 *   { organisationId: 'org_region-souss-massa' },
 * );
 * store(endpoint.secret); // shown this once
 * ```
 */
export interface WebhooksArea {
  /**
   * The endpoints, newest first: all of them, as an organisation (or the platform) has at most
   * `MAX_WEBHOOK_ENDPOINTS` (20); creating one more is refused with `webhook_limit_reached`.
   *
   * @example
   * ```ts
   * const { items } = await client.webhooks.list({ organisationId });
   * ```
   */
  list(
    scope?: WebhookScope,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof listOrganisationWebhooks | typeof listPlatformWebhooks>>;
  /**
   * Registers an endpoint (`https`; `http` only to a loopback address) for event types of the catalogue.
   *
   * @example
   * ```ts
   * const { id, secret } = await client.webhooks.create({ url, eventTypes: ['decision.made'] }, { organisationId });
   * ```
   */
  create(
    body: CreateWebhookEndpoint,
    scope?: WebhookScope,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof createOrganisationWebhook | typeof createPlatformWebhook>>;
  /**
   * Removes an endpoint; its pending deliveries are dropped.
   *
   * @example
   * ```ts
   * await client.webhooks.remove(endpointId, { organisationId });
   * ```
   */
  remove(webhookId: string, scope?: WebhookScope, options?: RequestOptions): Promise<void>;
  /**
   * Re-enables an endpoint disabled after repeated failures (its failure count starts again from zero);
   * then replay what it missed.
   *
   * @example
   * ```ts
   * const endpoint = await client.webhooks.enable(endpointId, { organisationId });
   * endpoint.state; // 'active'
   * ```
   */
  enable(
    webhookId: string,
    scope?: WebhookScope,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof enableOrganisationWebhook | typeof enablePlatformWebhook>>;
  /**
   * One page of an endpoint's delivery log, newest first (`limit`, default 20, at most 100); pass the
   * page's `nextCursor` as `cursor` for older deliveries, or use {@link WebhooksArea.iterateDeliveries}.
   *
   * @example
   * ```ts
   * const { items, nextCursor } = await client.webhooks.deliveries(endpointId, { organisationId, limit: 50 });
   * const failed = items.filter((delivery) => delivery.state === 'failed');
   * ```
   */
  deliveries(
    webhookId: string,
    query?: WebhookDeliveryPageQuery,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof listOrganisationWebhookDeliveries | typeof listPlatformWebhookDeliveries>>;
  /**
   * Every delivery of an endpoint, newest first, fetched a page at a time as the loop asks for them
   * (`limit` is the page size).
   *
   * @example
   * ```ts
   * for await (const delivery of client.webhooks.iterateDeliveries(endpointId, { organisationId })) {
   *   if (delivery.state === 'failed') await client.webhooks.replay(endpointId, delivery.id, { organisationId });
   * }
   * const latest = await client.webhooks.iterateDeliveries(endpointId).collect({ limit: 200 });
   * ```
   */
  iterateDeliveries(
    webhookId: string,
    query?: WebhookScope & PageQueryInput<typeof listPlatformWebhookDeliveries>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof listPlatformWebhookDeliveries>>;
  /**
   * Sends a delivery again soon (same event, same `webhook-id`); the answer is the delivery, pending.
   *
   * @example
   * ```ts
   * await client.webhooks.replay(endpointId, deliveryId, { organisationId });
   * ```
   */
  replay(
    webhookId: string,
    deliveryId: string,
    scope?: WebhookScope,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof replayOrganisationWebhookDelivery | typeof replayPlatformWebhookDelivery>>;
}

/**
 * Builds `client.webhooks` over a transport.
 *
 * @example
 * ```ts
 * const webhooks = webhooksArea(client.transport);
 * ```
 */
export function webhooksArea(t: Transport): WebhooksArea {
  return {
    list: (scope, options) =>
      scope?.organisationId
        ? t.op(listOrganisationWebhooks, { params: { organisationId: scope.organisationId } }, options)
        : t.op(listPlatformWebhooks, {}, options),
    create: (body, scope, options) =>
      scope?.organisationId
        ? t.op(createOrganisationWebhook, { params: { organisationId: scope.organisationId }, body }, options)
        : t.op(createPlatformWebhook, { body }, options),
    remove: async (webhookId, scope, options) => {
      if (scope?.organisationId)
        await t.op(
          deleteOrganisationWebhook,
          { params: { organisationId: scope.organisationId, webhookId } },
          options,
        );
      else await t.op(deletePlatformWebhook, { params: { webhookId } }, options);
    },
    enable: (webhookId, scope, options) =>
      scope?.organisationId
        ? t.op(
            enableOrganisationWebhook,
            { params: { organisationId: scope.organisationId, webhookId } },
            options,
          )
        : t.op(enablePlatformWebhook, { params: { webhookId } }, options),
    deliveries: (webhookId, query, options) => {
      const { organisationId, ...page } = query ?? {};
      return organisationId
        ? t.op(
            listOrganisationWebhookDeliveries,
            { params: { organisationId, webhookId }, query: page },
            options,
          )
        : t.op(listPlatformWebhookDeliveries, { params: { webhookId }, query: page }, options);
    },
    iterateDeliveries: (webhookId, query, options) => {
      const { organisationId, ...page } = query ?? {};
      return organisationId
        ? iterate(t, listOrganisationWebhookDeliveries, page, {
            ...options,
            params: { organisationId, webhookId },
          })
        : iterate(t, listPlatformWebhookDeliveries, page, { ...options, params: { webhookId } });
    },
    replay: (webhookId, deliveryId, scope, options) =>
      scope?.organisationId
        ? t.op(
            replayOrganisationWebhookDelivery,
            { params: { organisationId: scope.organisationId, webhookId, deliveryId } },
            options,
          )
        : t.op(replayPlatformWebhookDelivery, { params: { webhookId, deliveryId } }, options),
  };
}
