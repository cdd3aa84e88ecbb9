// Webhook endpoints and their deliveries: an organisation's admins (or the platform's, for platform-wide
// endpoints) register an address and the event types it wants; the server signs every delivery with the
// endpoint's secret (Standard Webhooks), retries it with back-off, and keeps a log that can be replayed.
import * as z from 'zod/mini';
import { Id, MAX_URL_LENGTH } from '../shared/ids.js';
import { Instant } from '../shared/instant.js';
import { Page, PageQuery } from '../shared/page.js';
import { EventId, EventType } from './catalogue.js';

/** Where an endpoint is: `active` receives events; `disabled` (after repeated failures) receives none. */
export const WebhookEndpointState = /* @__PURE__ */ (() => z.enum(['active', 'disabled']))();
export type WebhookEndpointState = z.infer<typeof WebhookEndpointState>;

/**
 * A registered endpoint. `organisationId` is absent on a platform-wide endpoint (admins), which receives the
 * events of every organisation. The secret is shown once, when the endpoint is created.
 *
 * @example
 * ```ts
 * const endpoint: WebhookEndpoint = { id: 'whe_…', organisationId: 'org_region-souss-massa', url: 'https://portal.example/hooks',
 *   eventTypes: ['call.published'], state: 'active', consecutiveFailures: 0, createdAt: '…' };
 * ```
 */
export const WebhookEndpoint = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    organisationId: z.optional(Id),
    url: z.string().check(z.maxLength(MAX_URL_LENGTH)),
    eventTypes: z.array(EventType).check(z.minLength(1)),
    description: z.optional(z.string().check(z.maxLength(200))),
    state: WebhookEndpointState,
    /** Failed deliveries in a row (a success resets it); the endpoint is disabled when it reaches the limit. */
    consecutiveFailures: z.number().check(z.int(), z.nonnegative()),
    createdAt: Instant,
    disabledAt: z.optional(Instant),
  }))();
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

/**
 * The answer to creating an endpoint: the endpoint and its signing secret, `whsec_` and base64, shown this
 * once only (the server keeps it to sign, and never answers it again).
 *
 * @example
 * ```ts
 * const { secret } = await client.webhooks.create({ url, eventTypes: ['call.published'] }, { organisationId });
 * ```
 */
export const CreatedWebhookEndpoint = /* @__PURE__ */ (() =>
  z.extend(WebhookEndpoint, { secret: z.string().check(z.regex(/^whsec_[A-Za-z0-9+/]+=*$/)) }))();
export type CreatedWebhookEndpoint = z.infer<typeof CreatedWebhookEndpoint>;

/**
 * Body of creating an endpoint: an `https` address (`http` only to a loopback address, for development
 * and tests), the event types it receives (at least one), and an optional note.
 *
 * @example
 * ```ts
 * CreateWebhookEndpoint.parse({ url: 'https://portal.example/hooks', eventTypes: ['call.published', 'call.amended'] });
 * ```
 */
export const CreateWebhookEndpoint = /* @__PURE__ */ (() =>
  z.strictObject({
    url: z
      .url({ protocol: /^https?$/, message: 'An http or https address' })
      .check(z.maxLength(MAX_URL_LENGTH)),
    eventTypes: z.array(EventType).check(z.minLength(1), z.maxLength(20)),
    description: z.optional(z.string().check(z.maxLength(200))),
  }))();
export type CreateWebhookEndpoint = z.infer<typeof CreateWebhookEndpoint>;

/**
 * Most endpoints an organisation (or the platform, for platform-wide ones) registers: every event writes
 * one delivery per subscribed endpoint in the transaction of the change that causes it, so the number of
 * endpoints bounds that work, and their list fits one answer. One more is refused with
 * `409 webhook_limit_reached`; remove one first.
 */
export const MAX_WEBHOOK_ENDPOINTS = 20;

/** The endpoints of an organisation, or the platform-wide ones, newest first: at most {@link MAX_WEBHOOK_ENDPOINTS}. */
export const WebhookEndpointList = /* @__PURE__ */ (() =>
  z.strictObject({ items: z.array(WebhookEndpoint).check(z.maxLength(MAX_WEBHOOK_ENDPOINTS)) }))();
export type WebhookEndpointList = z.infer<typeof WebhookEndpointList>;

/**
 * Where a delivery is: `pending` (due now or after a back-off), `delivering` (an attempt under way),
 * `succeeded` (a 2xx answer), `failed` (every attempt failed, or the endpoint was disabled).
 */
export const WebhookDeliveryState = /* @__PURE__ */ (() =>
  z.enum(['pending', 'delivering', 'succeeded', 'failed']))();
export type WebhookDeliveryState = z.infer<typeof WebhookDeliveryState>;

/**
 * One event to one endpoint, and how its attempts went. Every attempt (and a replay) posts the same
 * `webhook-id`: the event's id.
 *
 * @example
 * ```ts
 * const { items } = await client.webhooks.deliveries(endpointId, { organisationId });
 * items[0]?.state; // 'succeeded'
 * ```
 */
export const WebhookDelivery = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    endpointId: Id,
    eventId: EventId,
    eventType: EventType,
    state: WebhookDeliveryState,
    attempts: z.number().check(z.int(), z.nonnegative()),
    createdAt: Instant,
    nextAttemptAt: z.optional(Instant),
    lastAttemptAt: z.optional(Instant),
    /** The HTTP status of the last answer, if one came. */
    lastStatus: z.optional(z.number().check(z.int())),
    /** Why the last attempt failed (`timeout`, `redirect 302`, `status 500`, a network error). */
    lastError: z.optional(z.string()),
    deliveredAt: z.optional(Instant),
  }))();
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

/**
 * A page of an endpoint's deliveries, newest first; follow `nextCursor` to older ones, back to the first
 * (every delivery stays listed, and so replayable).
 *
 * @example
 * ```ts
 * const page = await client.webhooks.deliveries(endpointId, { organisationId, limit: 50 });
 * page.nextCursor; // null on the last page
 * ```
 */
export const WebhookDeliveryList = /* @__PURE__ */ (() => Page(WebhookDelivery))();
export type WebhookDeliveryList = z.infer<typeof WebhookDeliveryList>;

/** Query of a delivery log: `limit` (1–100, default 20) and the `cursor` of the previous page. */
export const WebhookDeliveryQuery = /* @__PURE__ */ (() => z.strictObject({ ...PageQuery }))();
export type WebhookDeliveryQuery = z.infer<typeof WebhookDeliveryQuery>;

/** Path of one endpoint of an organisation. */
export const OrganisationWebhookParams = /* @__PURE__ */ (() =>
  z.strictObject({ organisationId: Id, webhookId: Id }))();
/** Path of one delivery of an organisation's endpoint. */
export const OrganisationWebhookDeliveryParams = /* @__PURE__ */ (() =>
  z.strictObject({ organisationId: Id, webhookId: Id, deliveryId: Id }))();
/** Path of one platform-wide endpoint. */
export const WebhookParams = /* @__PURE__ */ (() => z.strictObject({ webhookId: Id }))();
/** Path of one delivery of a platform-wide endpoint. */
export const WebhookDeliveryParams = /* @__PURE__ */ (() =>
  z.strictObject({ webhookId: Id, deliveryId: Id }))();
