// Webhook endpoints: an organisation's admins register addresses that receive the events of its calls
// (signed per Standard Webhooks, retried with back-off), read the delivery log and replay a delivery.
// Platform admins do the same for platform-wide endpoints, which receive every organisation's events.
import {
  CreatedWebhookEndpoint,
  CreateWebhookEndpoint,
  MAX_WEBHOOK_ENDPOINTS,
  OrganisationWebhookDeliveryParams,
  OrganisationWebhookParams,
  WebhookDelivery,
  WebhookDeliveryList,
  WebhookDeliveryParams,
  WebhookDeliveryQuery,
  WebhookEndpoint,
  WebhookEndpointList,
  WebhookParams,
} from '../events/webhook-endpoint.js';
import { OrganisationParams } from '../resources/organisation.js';
import { route } from './route.js';

const ORGANISATION =
  'The admins of the organisation (`organisation_admin` of it) and platform admins; others get 403.';
const PLATFORM = 'Platform admins only.';
const CREATE = `The URL is \`https\` (\`http\` only to a loopback address, in development and tests) and the event types come from the catalogue (see the \`webhooks\` section). At most ${MAX_WEBHOOK_ENDPOINTS} endpoints per organisation (and ${MAX_WEBHOOK_ENDPOINTS} platform-wide ones): one more answers 409 \`webhook_limit_reached\`. The answer carries the signing secret, \`whsec_…\`, this once only.`;
const DELIVERIES =
  'Newest first, a page at a time (`limit`, default 20, at most 100; follow `nextCursor` back to the first delivery, which stays replayable).';

/** `GET /v1/organisations/{organisationId}/webhooks` — the organisation's endpoints. */
export const listOrganisationWebhooks = /* @__PURE__ */ (() =>
  route({
    id: 'webhooks.listOfOrganisation',
    method: 'GET',
    path: '/v1/organisations/{organisationId}/webhooks',
    tag: 'webhooks',
    summary: "List an organisation's webhook endpoints",
    description: ORGANISATION,
    auth: 'required',
    roles: ['organisation_admin', 'admin'],
    params: OrganisationParams,
    errors: ['not_found', 'forbidden'],
    response: {
      status: 200,
      schema: WebhookEndpointList,
      description: `The endpoints, newest first (at most ${MAX_WEBHOOK_ENDPOINTS})`,
    },
  }))();

/** `POST /v1/organisations/{organisationId}/webhooks` — registers an endpoint for the organisation's events. */
export const createOrganisationWebhook = /* @__PURE__ */ (() =>
  route({
    id: 'webhooks.createForOrganisation',
    method: 'POST',
    path: '/v1/organisations/{organisationId}/webhooks',
    tag: 'webhooks',
    summary: 'Register a webhook endpoint for an organisation',
    description: `${ORGANISATION} It receives the events about the organisation's own calls, applications, consultations and trainings. ${CREATE}`,
    auth: 'required',
    roles: ['organisation_admin', 'admin'],
    params: OrganisationParams,
    body: CreateWebhookEndpoint,
    errors: ['validation_failed', 'not_found', 'forbidden', 'webhook_limit_reached'],
    idempotent: true,
    response: { status: 201, schema: CreatedWebhookEndpoint, description: 'The endpoint and its secret' },
  }))();

/** `DELETE /v1/organisations/{organisationId}/webhooks/{webhookId}` — removes an endpoint. */
export const deleteOrganisationWebhook = /* @__PURE__ */ (() =>
  route({
    id: 'webhooks.deleteOfOrganisation',
    method: 'DELETE',
    path: '/v1/organisations/{organisationId}/webhooks/{webhookId}',
    tag: 'webhooks',
    summary: 'Remove a webhook endpoint of an organisation',
    description: `${ORGANISATION} Its pending deliveries are dropped.`,
    auth: 'required',
    roles: ['organisation_admin', 'admin'],
    params: OrganisationWebhookParams,
    errors: ['not_found', 'forbidden'],
    idempotent: true,
    response: { status: 204, description: 'Removed' },
  }))();

/** `POST /v1/organisations/{organisationId}/webhooks/{webhookId}/enable` — re-enables a disabled endpoint. */
export const enableOrganisationWebhook = /* @__PURE__ */ (() =>
  route({
    id: 'webhooks.enableOfOrganisation',
    method: 'POST',
    path: '/v1/organisations/{organisationId}/webhooks/{webhookId}/enable',
    tag: 'webhooks',
    summary: "Re-enable an organisation's endpoint disabled after repeated failures",
    description: `${ORGANISATION} Its failure count starts again from zero; replay what it missed from its delivery log.`,
    auth: 'required',
    roles: ['organisation_admin', 'admin'],
    params: OrganisationWebhookParams,
    errors: ['not_found', 'forbidden'],
    idempotent: true,
    response: { status: 200, schema: WebhookEndpoint, description: 'The endpoint, active' },
  }))();

/** `GET /v1/organisations/{organisationId}/webhooks/{webhookId}/deliveries` — the delivery log. */
export const listOrganisationWebhookDeliveries = /* @__PURE__ */ (() =>
  route({
    id: 'webhooks.deliveriesOfOrganisation',
    method: 'GET',
    path: '/v1/organisations/{organisationId}/webhooks/{webhookId}/deliveries',
    tag: 'webhooks',
    summary: "An organisation's endpoint's delivery log",
    description: `${ORGANISATION} ${DELIVERIES}`,
    auth: 'required',
    roles: ['organisation_admin', 'admin'],
    params: OrganisationWebhookParams,
    query: WebhookDeliveryQuery,
    errors: ['validation_failed', 'not_found', 'forbidden'],
    response: { status: 200, schema: WebhookDeliveryList, description: 'A page of deliveries, newest first' },
  }))();

/** `POST …/webhooks/{webhookId}/deliveries/{deliveryId}/replay` — sends a delivery again. */
export const replayOrganisationWebhookDelivery = /* @__PURE__ */ (() =>
  route({
    id: 'webhooks.replayOfOrganisation',
    method: 'POST',
    path: '/v1/organisations/{organisationId}/webhooks/{webhookId}/deliveries/{deliveryId}/replay',
    tag: 'webhooks',
    summary: "Replay a delivery of an organisation's endpoint",
    description: `${ORGANISATION} The same event (same \`webhook-id\`) is posted again soon, with fresh attempts; a disabled endpoint answers 409 \`invalid_state\` (enable it first).`,
    auth: 'required',
    roles: ['organisation_admin', 'admin'],
    params: OrganisationWebhookDeliveryParams,
    errors: ['not_found', 'forbidden', 'invalid_state'],
    idempotent: true,
    response: { status: 202, schema: WebhookDelivery, description: 'The delivery, pending again' },
  }))();

/** `GET /v1/webhooks` — the platform-wide endpoints. */
export const listPlatformWebhooks = /* @__PURE__ */ (() =>
  route({
    id: 'webhooks.list',
    method: 'GET',
    path: '/v1/webhooks',
    tag: 'webhooks',
    summary: 'List the platform-wide webhook endpoints',
    description: PLATFORM,
    auth: 'required',
    roles: ['admin'],
    errors: ['forbidden'],
    response: {
      status: 200,
      schema: WebhookEndpointList,
      description: `The endpoints, newest first (at most ${MAX_WEBHOOK_ENDPOINTS})`,
    },
  }))();

/** `POST /v1/webhooks` — registers a platform-wide endpoint (every organisation's events). */
export const createPlatformWebhook = /* @__PURE__ */ (() =>
  route({
    id: 'webhooks.create',
    method: 'POST',
    path: '/v1/webhooks',
    tag: 'webhooks',
    summary: 'Register a platform-wide webhook endpoint',
    description: `${PLATFORM} It receives the events of every organisation. ${CREATE}`,
    auth: 'required',
    roles: ['admin'],
    body: CreateWebhookEndpoint,
    errors: ['validation_failed', 'forbidden', 'webhook_limit_reached'],
    idempotent: true,
    response: { status: 201, schema: CreatedWebhookEndpoint, description: 'The endpoint and its secret' },
  }))();

/** `DELETE /v1/webhooks/{webhookId}` — removes a platform-wide endpoint. */
export const deletePlatformWebhook = /* @__PURE__ */ (() =>
  route({
    id: 'webhooks.delete',
    method: 'DELETE',
    path: '/v1/webhooks/{webhookId}',
    tag: 'webhooks',
    summary: 'Remove a platform-wide webhook endpoint',
    description: `${PLATFORM} Its pending deliveries are dropped.`,
    auth: 'required',
    roles: ['admin'],
    params: WebhookParams,
    errors: ['not_found', 'forbidden'],
    idempotent: true,
    response: { status: 204, description: 'Removed' },
  }))();

/** `POST /v1/webhooks/{webhookId}/enable` — re-enables a disabled platform-wide endpoint. */
export const enablePlatformWebhook = /* @__PURE__ */ (() =>
  route({
    id: 'webhooks.enable',
    method: 'POST',
    path: '/v1/webhooks/{webhookId}/enable',
    tag: 'webhooks',
    summary: 'Re-enable a platform-wide endpoint disabled after repeated failures',
    description: `${PLATFORM} Its failure count starts again from zero.`,
    auth: 'required',
    roles: ['admin'],
    params: WebhookParams,
    errors: ['not_found', 'forbidden'],
    idempotent: true,
    response: { status: 200, schema: WebhookEndpoint, description: 'The endpoint, active' },
  }))();

/** `GET /v1/webhooks/{webhookId}/deliveries` — a platform-wide endpoint's delivery log. */
export const listPlatformWebhookDeliveries = /* @__PURE__ */ (() =>
  route({
    id: 'webhooks.deliveries',
    method: 'GET',
    path: '/v1/webhooks/{webhookId}/deliveries',
    tag: 'webhooks',
    summary: "A platform-wide endpoint's delivery log",
    description: `${PLATFORM} ${DELIVERIES}`,
    auth: 'required',
    roles: ['admin'],
    params: WebhookParams,
    query: WebhookDeliveryQuery,
    errors: ['validation_failed', 'not_found', 'forbidden'],
    response: { status: 200, schema: WebhookDeliveryList, description: 'A page of deliveries, newest first' },
  }))();

/** `POST /v1/webhooks/{webhookId}/deliveries/{deliveryId}/replay` — sends a delivery again. */
export const replayPlatformWebhookDelivery = /* @__PURE__ */ (() =>
  route({
    id: 'webhooks.replay',
    method: 'POST',
    path: '/v1/webhooks/{webhookId}/deliveries/{deliveryId}/replay',
    tag: 'webhooks',
    summary: 'Replay a delivery of a platform-wide endpoint',
    description: `${PLATFORM} The same event (same \`webhook-id\`) is posted again soon; a disabled endpoint answers 409 \`invalid_state\` (enable it first).`,
    auth: 'required',
    roles: ['admin'],
    params: WebhookDeliveryParams,
    errors: ['not_found', 'forbidden', 'invalid_state'],
    idempotent: true,
    response: { status: 202, schema: WebhookDelivery, description: 'The delivery, pending again' },
  }))();

/** The webhook routes: an organisation's endpoints, then the platform-wide ones. */
export const webhookRoutes = [
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
