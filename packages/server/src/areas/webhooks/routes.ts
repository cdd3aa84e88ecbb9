// The routes of webhook endpoints: an organisation's admins (and platform admins) register, list and remove
// the organisation's endpoints, read their delivery log and replay a delivery; platform admins do the same
// for platform-wide endpoints. Every check comes before the first write; every change is audited.
import {
  type Account,
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
  MAX_WEBHOOK_ENDPOINTS,
  replayOrganisationWebhookDelivery,
  replayPlatformWebhookDelivery,
  type WebhookDeliveryQuery,
} from '@nassij/contract';
import { isAdmin } from '../../auth/standing.js';
import { audit } from '../../db/audit.js';
import type { Db } from '../../db/db.js';
import { eventSettings } from '../../events/log.js';
import type { ApiApp, Handler } from '../../http/app.js';
import { problem } from '../../http/problem.js';
import { readOrganisation } from '../organisations/store.js';
import {
  countEndpoints,
  deleteEndpoint,
  type EndpointRow,
  enableEndpoint,
  insertEndpoint,
  listDeliveryPage,
  listEndpoints,
  readDelivery,
  readEndpoint,
  replayDelivery,
  toEndpoint,
} from './store.js';

/** The signed-in account; every route here requires a token. */
function signedIn(auth: Account | null): Account {
  if (!auth) throw problem('unauthenticated');
  return auth;
}

/**
 * Checks that `auth` manages the endpoints of `organisationId` (`null`: platform-wide) and that the
 * organisation exists: its admins and platform admins; 404 for an unknown organisation.
 */
async function requireManager(db: Db, auth: Account | null, organisationId: string | null): Promise<Account> {
  const account = signedIn(auth);
  if (organisationId === null) {
    if (!isAdmin(account))
      throw problem('forbidden', 'Platform-wide webhooks are managed by platform admins');
    return account;
  }
  if (!(await readOrganisation(db, organisationId)))
    throw problem('not_found', `No organisation ${organisationId}`);
  const ownAdmin = account.roles.includes('organisation_admin') && account.organisationId === organisationId;
  if (!ownAdmin && !isAdmin(account))
    throw problem('forbidden', "Only the organisation's admins manage its webhooks");
  return account;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * Refuses an address that is not https (http only to a loopback host: development and tests), or that
 * carries credentials or a fragment (a signed event should go where the address plainly says).
 */
function checkUrl(url: string): string {
  const parsed = new URL(url);
  const error = (message: string) =>
    problem('validation_failed', message, {
      errors: [{ path: '/url', in: 'body', code: 'not_allowed', message }],
    });
  if (parsed.protocol === 'http:' && !LOOPBACK.test(parsed.hostname))
    throw error('An https address (http only to a loopback address, for development)');
  if (parsed.username || parsed.password) throw error('An address without a user name or password');
  if (parsed.hash) throw error('An address without a fragment (#…)');
  return parsed.toString();
}

async function endpointIn(db: Db, organisationId: string | null, id: string): Promise<EndpointRow> {
  const row = await readEndpoint(db, organisationId, id);
  if (!row) throw problem('not_found', `No webhook endpoint ${id}`);
  return row;
}

interface Scope {
  organisationId: string | null;
  auth: Account | null;
  db: Db;
  now: Date;
  requestId: string;
}

/** What every scoped handler receives: the request's caller, database, clock and id. */
interface ScopeInput {
  auth: Account | null;
  db: Db;
  now: Date;
  requestId: string;
}

/** The scope of a route under `/v1/organisations/{organisationId}/webhooks`. */
function organisationScope(input: ScopeInput & { params: { organisationId: string } }): Scope {
  return {
    organisationId: input.params.organisationId,
    auth: input.auth,
    db: input.db,
    now: input.now,
    requestId: input.requestId,
  };
}

/** The scope of a route under `/v1/webhooks`: the platform-wide endpoints. */
function platformScope(input: ScopeInput): Scope {
  return { organisationId: null, auth: input.auth, db: input.db, now: input.now, requestId: input.requestId };
}

async function listEndpointsOf(scope: Scope) {
  await requireManager(scope.db, scope.auth, scope.organisationId);
  return { body: { items: (await listEndpoints(scope.db, scope.organisationId)).map(toEndpoint) } };
}

async function createEndpoint(scope: Scope, body: CreateWebhookEndpoint, basePath: string) {
  const account = await requireManager(scope.db, scope.auth, scope.organisationId);
  const url = checkUrl(body.url);
  // Each event writes one delivery per endpoint in its own transaction: the cap bounds that work.
  if ((await countEndpoints(scope.db, scope.organisationId)) >= MAX_WEBHOOK_ENDPOINTS)
    throw problem(
      'webhook_limit_reached',
      `At most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints: remove one before adding another`,
    );
  const row = await insertEndpoint(scope.db, {
    organisationId: scope.organisationId,
    url,
    eventTypes: body.eventTypes,
    description: body.description,
    createdBy: account.id,
    now: scope.now,
  });
  await audit(scope.db, {
    at: scope.now,
    accountId: account.id,
    action: 'webhook.create',
    targetType: 'webhook_endpoint',
    targetId: row.id,
    requestId: scope.requestId,
    details: { organisationId: scope.organisationId, url, eventTypes: JSON.parse(row.event_types) },
  });
  return {
    status: 201,
    body: { ...toEndpoint(row), secret: row.secret },
    headers: { location: `${basePath}/${row.id}` },
  };
}

async function removeEndpoint(scope: Scope, webhookId: string) {
  const account = await requireManager(scope.db, scope.auth, scope.organisationId);
  const row = await endpointIn(scope.db, scope.organisationId, webhookId);
  await deleteEndpoint(scope.db, row.id);
  await audit(scope.db, {
    at: scope.now,
    accountId: account.id,
    action: 'webhook.delete',
    targetType: 'webhook_endpoint',
    targetId: row.id,
    requestId: scope.requestId,
    details: { organisationId: scope.organisationId, url: row.url },
  });
  return { status: 204 };
}

async function enable(scope: Scope, webhookId: string) {
  const account = await requireManager(scope.db, scope.auth, scope.organisationId);
  const row = await endpointIn(scope.db, scope.organisationId, webhookId);
  await enableEndpoint(scope.db, row.id);
  await audit(scope.db, {
    at: scope.now,
    accountId: account.id,
    action: 'webhook.enable',
    targetType: 'webhook_endpoint',
    targetId: row.id,
    requestId: scope.requestId,
    details: { organisationId: scope.organisationId, url: row.url },
  });
  return { body: toEndpoint((await readEndpoint(scope.db, scope.organisationId, row.id)) ?? row) };
}

async function deliveriesOf(scope: Scope, webhookId: string, query: WebhookDeliveryQuery) {
  await requireManager(scope.db, scope.auth, scope.organisationId);
  const row = await endpointIn(scope.db, scope.organisationId, webhookId);
  return { body: await listDeliveryPage(scope.db, row.id, query) };
}

async function replay(scope: Scope, webhookId: string, deliveryId: string) {
  const account = await requireManager(scope.db, scope.auth, scope.organisationId);
  const row = await endpointIn(scope.db, scope.organisationId, webhookId);
  const delivery = await readDelivery(scope.db, row.id, deliveryId);
  if (!delivery) throw problem('not_found', `No delivery ${deliveryId}`);
  if (row.state !== 'active')
    throw problem('invalid_state', 'The endpoint is disabled: enable it, then replay');
  await replayDelivery(scope.db, delivery.id, scope.now);
  await audit(scope.db, {
    at: scope.now,
    accountId: account.id,
    action: 'webhook.replay',
    targetType: 'webhook_endpoint',
    targetId: row.id,
    requestId: scope.requestId,
    details: { organisationId: scope.organisationId, deliveryId, eventId: delivery.eventId },
  });
  // The worker posts it once this transaction commits; the request does not wait for it.
  scope.db.afterCommit(() => eventSettings(scope.db)?.wake?.());
  const after = await readDelivery(scope.db, row.id, delivery.id);
  return { status: 202, body: after ?? delivery };
}

/** `GET /v1/organisations/{organisationId}/webhooks`. */
export const listOrganisationWebhooksHandler: Handler<typeof listOrganisationWebhooks> = (input) =>
  listEndpointsOf(organisationScope(input));

/** `POST /v1/organisations/{organisationId}/webhooks`. */
export const createOrganisationWebhookHandler: Handler<typeof createOrganisationWebhook> = (input) =>
  createEndpoint(
    organisationScope(input),
    input.body,
    `/v1/organisations/${input.params.organisationId}/webhooks`,
  );

/** `DELETE /v1/organisations/{organisationId}/webhooks/{webhookId}`. */
export const deleteOrganisationWebhookHandler: Handler<typeof deleteOrganisationWebhook> = (input) =>
  removeEndpoint(organisationScope(input), input.params.webhookId);

/** `POST /v1/organisations/{organisationId}/webhooks/{webhookId}/enable`. */
export const enableOrganisationWebhookHandler: Handler<typeof enableOrganisationWebhook> = (input) =>
  enable(organisationScope(input), input.params.webhookId);

/** `GET /v1/organisations/{organisationId}/webhooks/{webhookId}/deliveries`. */
export const listOrganisationWebhookDeliveriesHandler: Handler<typeof listOrganisationWebhookDeliveries> = (
  input,
) => deliveriesOf(organisationScope(input), input.params.webhookId, input.query);

/** `POST /v1/organisations/{organisationId}/webhooks/{webhookId}/deliveries/{deliveryId}/replay`. */
export const replayOrganisationWebhookDeliveryHandler: Handler<typeof replayOrganisationWebhookDelivery> = (
  input,
) => replay(organisationScope(input), input.params.webhookId, input.params.deliveryId);

/** `GET /v1/webhooks`. */
export const listPlatformWebhooksHandler: Handler<typeof listPlatformWebhooks> = (input) =>
  listEndpointsOf(platformScope(input));

/** `POST /v1/webhooks`. */
export const createPlatformWebhookHandler: Handler<typeof createPlatformWebhook> = (input) =>
  createEndpoint(platformScope(input), input.body, '/v1/webhooks');

/** `DELETE /v1/webhooks/{webhookId}`. */
export const deletePlatformWebhookHandler: Handler<typeof deletePlatformWebhook> = (input) =>
  removeEndpoint(platformScope(input), input.params.webhookId);

/** `POST /v1/webhooks/{webhookId}/enable`. */
export const enablePlatformWebhookHandler: Handler<typeof enablePlatformWebhook> = (input) =>
  enable(platformScope(input), input.params.webhookId);

/** `GET /v1/webhooks/{webhookId}/deliveries`. */
export const listPlatformWebhookDeliveriesHandler: Handler<typeof listPlatformWebhookDeliveries> = (input) =>
  deliveriesOf(platformScope(input), input.params.webhookId, input.query);

/** `POST /v1/webhooks/{webhookId}/deliveries/{deliveryId}/replay`. */
export const replayPlatformWebhookDeliveryHandler: Handler<typeof replayPlatformWebhookDelivery> = (input) =>
  replay(platformScope(input), input.params.webhookId, input.params.deliveryId);

/**
 * Binds the webhook routes.
 *
 * @example
 * ```ts
 * registerWebhookRoutes(app);
 * ```
 */
export function registerWebhookRoutes(app: ApiApp): void {
  app.bind(listOrganisationWebhooks, listOrganisationWebhooksHandler);
  app.bind(createOrganisationWebhook, createOrganisationWebhookHandler);
  app.bind(deleteOrganisationWebhook, deleteOrganisationWebhookHandler);
  app.bind(enableOrganisationWebhook, enableOrganisationWebhookHandler);
  app.bind(listOrganisationWebhookDeliveries, listOrganisationWebhookDeliveriesHandler);
  app.bind(replayOrganisationWebhookDelivery, replayOrganisationWebhookDeliveryHandler);
  app.bind(listPlatformWebhooks, listPlatformWebhooksHandler);
  app.bind(createPlatformWebhook, createPlatformWebhookHandler);
  app.bind(deletePlatformWebhook, deletePlatformWebhookHandler);
  app.bind(enablePlatformWebhook, enablePlatformWebhookHandler);
  app.bind(listPlatformWebhookDeliveries, listPlatformWebhookDeliveriesHandler);
  app.bind(replayPlatformWebhookDelivery, replayPlatformWebhookDeliveryHandler);
}
