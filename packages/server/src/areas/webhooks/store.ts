// The rows of the webhooks area: endpoints (an organisation's, or platform-wide when `organisation_id` is
// null) and their deliveries, as the contract shapes them. The secret never leaves this module but once,
// in the answer that creates the endpoint.
import type { EventType, PageOf, WebhookDelivery, WebhookEndpoint } from '@nassij/contract';
import type { Db } from '../../db/db.js';
import { newSortableId } from '../../events/log.js';
import { newWebhookSecret } from '../../events/signature.js';
import { type Keyset, keysetClause, keysetPage, orderByClause, readKeysetCursor } from '../../http/cursor.js';

/** A row of `webhook_endpoints`. */
export interface EndpointRow {
  id: string;
  organisation_id: string | null;
  url: string;
  event_types: string;
  description: string | null;
  secret: string;
  state: 'active' | 'disabled';
  consecutive_failures: number | string;
  created_at: string;
  created_by: string | null;
  disabled_at: string | null;
}

/** A row of `webhook_deliveries` with its event's type. */
interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  state: WebhookDelivery['state'];
  attempts: number | string;
  next_attempt_at: string;
  last_attempt_at: string | null;
  last_status: number | string | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
}

/**
 * An endpoint row as the contract shows it (never its secret).
 *
 * @example
 * ```ts
 * const endpoint = toEndpoint(row); // { id: 'whe_…', state: 'active', … }
 * ```
 */
export function toEndpoint(row: EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    ...(row.organisation_id ? { organisationId: row.organisation_id } : {}),
    url: row.url,
    eventTypes: JSON.parse(row.event_types) as EventType[],
    ...(row.description ? { description: row.description } : {}),
    state: row.state,
    consecutiveFailures: Number(row.consecutive_failures),
    createdAt: row.created_at,
    ...(row.disabled_at ? { disabledAt: row.disabled_at } : {}),
  };
}

function toDelivery(row: DeliveryRow): WebhookDelivery {
  const waiting = row.state === 'pending' || row.state === 'delivering';
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type as EventType,
    state: row.state,
    attempts: Number(row.attempts),
    createdAt: row.created_at,
    ...(waiting ? { nextAttemptAt: row.next_attempt_at } : {}),
    ...(row.last_attempt_at ? { lastAttemptAt: row.last_attempt_at } : {}),
    ...(row.last_status !== null ? { lastStatus: Number(row.last_status) } : {}),
    ...(row.last_error ? { lastError: row.last_error } : {}),
    ...(row.delivered_at ? { deliveredAt: row.delivered_at } : {}),
  };
}

/**
 * Writes a new active endpoint with a fresh secret; answers its row (the secret included, to show once).
 *
 * @example
 * ```ts
 * const row = await insertEndpoint(db, { organisationId, url, eventTypes: ['call.published'], createdBy, now });
 * ```
 */
export async function insertEndpoint(
  db: Db,
  input: {
    organisationId: string | null;
    url: string;
    eventTypes: readonly EventType[];
    description?: string | undefined;
    createdBy: string;
    now: Date;
  },
): Promise<EndpointRow> {
  const row: EndpointRow = {
    id: newSortableId('whe'),
    organisation_id: input.organisationId,
    url: input.url,
    // Each type once, in the catalogue's order as given.
    event_types: JSON.stringify([...new Set(input.eventTypes)]),
    description: input.description ?? null,
    secret: newWebhookSecret(),
    state: 'active',
    consecutive_failures: 0,
    created_at: input.now.toISOString(),
    created_by: input.createdBy,
    disabled_at: null,
  };
  await db.write(
    `INSERT INTO webhook_endpoints (id, organisation_id, url, event_types, description, secret, state,
       consecutive_failures, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, 'active', 0, ?, ?)`,
    [
      row.id,
      row.organisation_id,
      row.url,
      row.event_types,
      row.description,
      row.secret,
      row.created_at,
      row.created_by,
    ],
  );
  return row;
}

/**
 * The endpoints of an organisation (`null`: the platform-wide ones), newest first. Bounded by
 * `MAX_WEBHOOK_ENDPOINTS`, which {@link countEndpoints} enforces on creation.
 *
 * @example
 * ```ts
 * const rows = await listEndpoints(db, 'org_region-souss-massa');
 * ```
 */
export async function listEndpoints(db: Db, organisationId: string | null): Promise<EndpointRow[]> {
  return db.all<EndpointRow>(
    organisationId === null
      ? 'SELECT * FROM webhook_endpoints WHERE organisation_id IS NULL ORDER BY created_at DESC, id DESC'
      : 'SELECT * FROM webhook_endpoints WHERE organisation_id = ? ORDER BY created_at DESC, id DESC',
    organisationId === null ? [] : [organisationId],
  );
}

/**
 * How many endpoints an organisation (`null`: the platform) has registered, active or disabled.
 *
 * @example
 * ```ts
 * if ((await countEndpoints(db, organisationId)) >= MAX_WEBHOOK_ENDPOINTS) refuse();
 * ```
 */
export async function countEndpoints(db: Db, organisationId: string | null): Promise<number> {
  const row = await db.one<{ n: number | string }>(
    organisationId === null
      ? 'SELECT COUNT(*) AS n FROM webhook_endpoints WHERE organisation_id IS NULL'
      : 'SELECT COUNT(*) AS n FROM webhook_endpoints WHERE organisation_id = ?',
    organisationId === null ? [] : [organisationId],
  );
  return Number(row?.n ?? 0);
}

/**
 * One endpoint in a scope (an organisation's, or platform-wide with `null`), or `undefined`.
 *
 * @example
 * ```ts
 * const row = await readEndpoint(db, null, webhookId);
 * ```
 */
export async function readEndpoint(
  db: Db,
  organisationId: string | null,
  id: string,
): Promise<EndpointRow | undefined> {
  const row = await db.one<EndpointRow>('SELECT * FROM webhook_endpoints WHERE id = ?', [id]);
  return row && row.organisation_id === organisationId ? row : undefined;
}

/**
 * Removes an endpoint and its deliveries (the events stay in the log).
 *
 * @example
 * ```ts
 * await deleteEndpoint(db, row.id);
 * ```
 */
export async function deleteEndpoint(db: Db, id: string): Promise<void> {
  await db.write('DELETE FROM webhook_deliveries WHERE endpoint_id = ?', [id]);
  await db.write('DELETE FROM webhook_endpoints WHERE id = ?', [id]);
}

/**
 * Makes an endpoint active again with a fresh failure count.
 *
 * @example
 * ```ts
 * await enableEndpoint(db, row.id);
 * ```
 */
export async function enableEndpoint(db: Db, id: string): Promise<void> {
  await db.write(
    "UPDATE webhook_endpoints SET state = 'active', consecutive_failures = 0, disabled_at = NULL WHERE id = ?",
    [id],
  );
}

const DELIVERY_COLUMNS = `d.id, d.endpoint_id, d.event_id, e.type AS event_type, d.state, d.attempts, d.next_attempt_at,
  d.last_attempt_at, d.last_status, d.last_error, d.delivered_at, d.created_at`;

/**
 * The delivery log's order, newest first; the id breaks ties between deliveries of one instant (one event
 * reaching the endpoint twice cannot happen, but two events can share a millisecond). The index
 * `webhook_deliveries_by_endpoint_newest (endpoint_id, created_at, id)` serves it.
 */
const NEWEST_DELIVERIES: Keyset = {
  name: 'newest',
  keys: [
    { expr: 'd.created_at', desc: true },
    { expr: 'd.id', desc: true },
  ],
};

/**
 * One page of an endpoint's deliveries, newest first, from the position of `cursor` (the previous page's
 * `nextCursor`; none for the first page). A damaged cursor, or one of another list, is a `422`.
 *
 * @example
 * ```ts
 * const first = await listDeliveryPage(db, endpointId, { limit: 20 });
 * const next = first.nextCursor ? await listDeliveryPage(db, endpointId, { limit: 20, cursor: first.nextCursor }) : undefined;
 * ```
 */
export async function listDeliveryPage(
  db: Db,
  endpointId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<PageOf<WebhookDelivery>> {
  const after = readKeysetCursor(query.cursor, NEWEST_DELIVERIES.name, NEWEST_DELIVERIES.keys.length);
  const keyset = keysetClause(NEWEST_DELIVERIES, after);
  const rows = await db.all<DeliveryRow>(
    `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d JOIN events e ON e.id = d.event_id
      WHERE d.endpoint_id = ? AND (${keyset.sql}) ${orderByClause(NEWEST_DELIVERIES)} LIMIT ?`,
    [endpointId, ...keyset.params, query.limit + 1],
  );
  const page = keysetPage(rows, query.limit, NEWEST_DELIVERIES.name, (row) => [row.created_at, row.id]);
  return { items: page.items.map(toDelivery), nextCursor: page.nextCursor };
}

/**
 * One delivery of an endpoint, or `undefined`.
 *
 * @example
 * ```ts
 * const delivery = await readDelivery(db, endpointId, deliveryId);
 * ```
 */
export async function readDelivery(
  db: Db,
  endpointId: string,
  id: string,
): Promise<WebhookDelivery | undefined> {
  const row = await db.one<DeliveryRow>(
    `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d JOIN events e ON e.id = d.event_id
      WHERE d.id = ? AND d.endpoint_id = ?`,
    [id, endpointId],
  );
  return row ? toDelivery(row) : undefined;
}

/**
 * Makes a settled delivery (succeeded or failed) due again now, with a fresh count of attempts; a pending
 * one is moved to now; one being delivered is left alone. The event and its id stay the same.
 *
 * @example
 * ```ts
 * await replayDelivery(db, deliveryId, now);
 * ```
 */
export async function replayDelivery(db: Db, id: string, now: Date): Promise<void> {
  await db.write(
    `UPDATE webhook_deliveries SET state = 'pending', attempts = 0, next_attempt_at = ?, lease_until = NULL
      WHERE id = ? AND state <> 'delivering'`,
    [now.toISOString(), id],
  );
}
