// The durable event log, a transactional outbox for other systems: an area records an event in the same
// transaction as the change that causes it (a call published, an application submitted), and one delivery
// row per subscribed webhook endpoint is written with it. So an event exists exactly when its change
// committed, and its deliveries survive a crash; the webhook worker (delivery-worker.ts) posts them later,
// and the request that caused the event never waits for any receiver.
import { randomBytes } from 'node:crypto';
import { EVENT_DATA, type EventData, type EventType, type WebhookEvent } from '@nassij/contract';
import type { Db, Migration } from '../db/db.js';

/**
 * The `events` table: every event once, with the exact envelope a delivery posts (`payload`, the JSON text
 * the signature covers), so every attempt and replay sends the same bytes. `organisation_id` is the
 * organisation the event is about, which decides whose endpoints receive it.
 */
export const eventsMigration: Migration = {
  id: '080_events',
  sql: `
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  organisation_id TEXT,
  occurred_at TEXT NOT NULL,
  payload TEXT NOT NULL
);
CREATE INDEX events_by_time ON events (occurred_at, id);
`,
};

/**
 * The webhook endpoints and their deliveries (one per endpoint and event). The endpoint's secret is kept
 * as given out (the server signs with it); a delivery follows the mail outbox's states with a lease.
 */
export const webhooksMigration: Migration = {
  id: '081_webhooks',
  sql: `
CREATE TABLE webhook_endpoints (
  id TEXT PRIMARY KEY,
  organisation_id TEXT,
  url TEXT NOT NULL,
  event_types TEXT NOT NULL,
  description TEXT,
  secret TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('active', 'disabled')),
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  created_by TEXT,
  disabled_at TEXT
);
CREATE INDEX webhook_endpoints_by_organisation ON webhook_endpoints (organisation_id, state);
CREATE TABLE webhook_deliveries (
  id TEXT PRIMARY KEY,
  endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
  event_id TEXT NOT NULL REFERENCES events(id),
  state TEXT NOT NULL CHECK (state IN ('pending', 'delivering', 'succeeded', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  lease_until TEXT,
  last_attempt_at TEXT,
  last_status INTEGER,
  last_error TEXT,
  delivered_at TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at);
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint_id, created_at);
`,
};

/**
 * The delivery log is read a page at a time, newest first (`created_at DESC, id DESC`): this index holds
 * the whole order, so a page is one range of it at any depth, with no sort of the endpoint's deliveries.
 * It replaces `(endpoint_id, created_at)`, which it covers. Its id sorts after `081_webhooks`, which
 * creates the table (migrations run in id order, and a new database runs them all).
 */
export const webhookDeliveryPagesMigration: Migration = {
  id: '082_webhook_delivery_pages',
  sql: `
CREATE INDEX webhook_deliveries_by_endpoint_newest ON webhook_deliveries (endpoint_id, created_at, id);
DROP INDEX webhook_deliveries_by_endpoint;
`,
};

/**
 * The event settings of one database handle, set by the server ({@link useEvents}): the clock that dates
 * events and the worker to wake after a commit that recorded one. Without them (a server without the
 * webhooks area), {@link recordEvent} records nothing: no table holds events there.
 */
export interface EventSettings {
  clock: () => Date;
  /** Called once a transaction that recorded an event with deliveries has committed. */
  wake?: () => void;
}

const SETTINGS = new WeakMap<Db, EventSettings>();

/**
 * Turns the event log on for `db`, dated by `clock`, waking `wake` after each commit with deliveries.
 *
 * @example
 * ```ts
 * useEvents(db, { clock, wake: () => webhookWorker.wake() });
 * ```
 */
export function useEvents(db: Db, settings: EventSettings): void {
  SETTINGS.set(db, settings);
}

/** The settings {@link useEvents} gave `db`, if any. */
export function eventSettings(db: Db): EventSettings | undefined {
  return SETTINGS.get(db);
}

let lastMs = 0;
let sequence = 0;

/**
 * A new id with `prefix`, then 26 base-32 characters: milliseconds, a counter within the millisecond (ids
 * of one process sort in creation order) and random bits.
 *
 * @example
 * ```ts
 * newSortableId('evt'); // 'evt_01k0…'
 * ```
 */
export function newSortableId(prefix: string): string {
  const now = Date.now();
  if (now === lastMs) sequence += 1;
  else {
    lastMs = now;
    sequence = 0;
  }
  const time = now.toString(32).padStart(10, '0');
  const counter = (sequence % 32 ** 4).toString(32).padStart(4, '0');
  const random = BigInt(`0x${randomBytes(8).toString('hex')}`)
    .toString(32)
    .padStart(13, '0')
    .slice(0, 12);
  return `${prefix}_${time}${counter}${random}`;
}

/** A row of `webhook_endpoints` as the fan-out reads it. */
interface SubscriberRow {
  id: string;
  event_types: string;
}

/**
 * Records an event in the log and queues a delivery to every active endpoint subscribed to its type that
 * may see it: the endpoints of the organisation the event is about (`data.organisationId`) and the
 * platform-wide ones. Call it inside the transaction of the change that causes the event; the data is
 * checked against the catalogue's schema (a wrong payload is a bug, thrown before anything is written).
 * Returns the event, or `undefined` when the event log is off on `db` (no webhooks area).
 *
 * @example
 * ```ts
 * await recordEvent(db, 'call.published', { callId, reference, organisationId, title, version: 1,
 *   status: 'forecast', opensAt });
 * ```
 */
export async function recordEvent<T extends EventType>(
  db: Db,
  type: T,
  data: EventData<T>,
): Promise<WebhookEvent | undefined> {
  const settings = SETTINGS.get(db);
  if (!settings) return undefined;
  const checked = EVENT_DATA[type].safeParse(data);
  if (!checked.success)
    throw new TypeError(`The ${type} event does not match its schema: ${checked.error.message}`);
  const occurredAt = settings.clock().toISOString();
  const event = { id: newSortableId('evt'), type, occurredAt, data: checked.data } as WebhookEvent;
  const organisationId = (checked.data as { organisationId?: string }).organisationId ?? null;
  await db.write(
    'INSERT INTO events (id, type, organisation_id, occurred_at, payload) VALUES (?, ?, ?, ?, ?)',
    [event.id, type, organisationId, occurredAt, JSON.stringify(event)],
  );
  const endpoints = await db.all<SubscriberRow>(
    `SELECT id, event_types FROM webhook_endpoints
      WHERE state = 'active' AND (organisation_id IS NULL OR organisation_id = ?)
      ORDER BY id`,
    [organisationId],
  );
  let queued = 0;
  for (const endpoint of endpoints) {
    if (!(JSON.parse(endpoint.event_types) as string[]).includes(type)) continue;
    await db.write(
      `INSERT INTO webhook_deliveries (id, endpoint_id, event_id, state, attempts, next_attempt_at, created_at)
       VALUES (?, ?, ?, 'pending', 0, ?, ?)`,
      [newSortableId('whd'), endpoint.id, event.id, occurredAt, occurredAt],
    );
    queued += 1;
  }
  // Outside a transaction this runs at once; inside, only if the transaction commits.
  if (queued > 0) db.afterCommit(() => SETTINGS.get(db)?.wake?.());
  return event;
}

/**
 * The events of the log, newest first (tests and the delivery log read them).
 *
 * @example
 * ```ts
 * const [latest] = await listEvents(db, { type: 'call.published' });
 * ```
 */
export async function listEvents(
  db: Db,
  filter: { type?: EventType; limit?: number } = {},
): Promise<WebhookEvent[]> {
  const limit = Math.max(1, Math.min(1000, Math.floor(filter.limit ?? 100)));
  const rows = await db.all<{ payload: string }>(
    `SELECT payload FROM events${filter.type ? ' WHERE type = ?' : ''} ORDER BY occurred_at DESC, id DESC LIMIT ${limit}`,
    filter.type ? [filter.type] : [],
  );
  return rows.map((row) => JSON.parse(row.payload) as WebhookEvent);
}
