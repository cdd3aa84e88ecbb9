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
  replayOrganisationWebhookDelivery,
  replayPlatformWebhookDelivery,
} from '@nassij/contract';
import { isAdmin } from '../../auth/standing.js';
import { audit } from '../../db/audit.js';
import type { Db } from '../../db/db.js';
import { eventSettings } from '../../events/log.js';
import type { ApiApp, HandlerInput } from '../../http/app.js';
import { problem } from '../../http/problem.js';
import {
  deleteEndpoint,
  type EndpointRow,
  enableEndpoint,
  insertEndpoint,
  listDeliveries,
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
  if (!(await db.one('SELECT 1 AS found FROM organisations WHERE id = ?', [organisationId])))
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

async function createEndpoint(scope: Scope, body: CreateWebhookEndpoint, basePath: string) {
  const account = await requireManager(scope.db, scope.auth, scope.organisationId);
  const url = checkUrl(body.url);
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

async function deliveriesOf(scope: Scope, webhookId: string, limit: number | undefined) {
  await requireManager(scope.db, scope.auth, scope.organisationId);
  const row = await endpointIn(scope.db, scope.organisationId, webhookId);
  return { body: { items: await listDeliveries(scope.db, row.id, limit ?? 100) } };
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

/**
 * Binds the webhook routes.
 *
 * @example
 * ```ts
 * registerWebhookRoutes(app);
 * ```
 */
export function registerWebhookRoutes(app: ApiApp): void {
  const organisation = (input: {
    params: { organisationId: string };
    auth: Account | null;
    db: Db;
    now: Date;
    requestId: string;
  }): Scope => ({ ...input, organisationId: input.params.organisationId });
  const platform = (input: { auth: Account | null; db: Db; now: Date; requestId: string }): Scope => ({
    ...input,
    organisationId: null,
  });

  app.bind(listOrganisationWebhooks, async (input: HandlerInput<typeof listOrganisationWebhooks>) => {
    await requireManager(input.db, input.auth, input.params.organisationId);
    const rows = await listEndpoints(input.db, input.params.organisationId);
    return { body: { items: rows.map(toEndpoint) } };
  });
  app.bind(createOrganisationWebhook, (input) =>
    createEndpoint(
      organisation(input),
      input.body,
      `/v1/organisations/${input.params.organisationId}/webhooks`,
    ),
  );
  app.bind(deleteOrganisationWebhook, (input) => removeEndpoint(organisation(input), input.params.webhookId));
  app.bind(enableOrganisationWebhook, (input) => enable(organisation(input), input.params.webhookId));
  app.bind(listOrganisationWebhookDeliveries, (input) =>
    deliveriesOf(organisation(input), input.params.webhookId, input.query.limit),
  );
  app.bind(replayOrganisationWebhookDelivery, (input) =>
    replay(organisation(input), input.params.webhookId, input.params.deliveryId),
  );

  app.bind(listPlatformWebhooks, async (input) => {
    await requireManager(input.db, input.auth, null);
    return { body: { items: (await listEndpoints(input.db, null)).map(toEndpoint) } };
  });
  app.bind(createPlatformWebhook, (input) => createEndpoint(platform(input), input.body, '/v1/webhooks'));
  app.bind(deletePlatformWebhook, (input) => removeEndpoint(platform(input), input.params.webhookId));
  app.bind(enablePlatformWebhook, (input) => enable(platform(input), input.params.webhookId));
  app.bind(listPlatformWebhookDeliveries, (input) =>
    deliveriesOf(platform(input), input.params.webhookId, input.query.limit),
  );
  app.bind(replayPlatformWebhookDelivery, (input) =>
    replay(platform(input), input.params.webhookId, input.params.deliveryId),
  );
}
