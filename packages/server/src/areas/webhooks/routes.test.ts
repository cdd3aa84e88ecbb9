// The webhook routes' lists through the API, with no worker: an endpoint's delivery log is a keyset page,
// newest first, read to its very first delivery (which can still be replayed), in a plan that sorts
// nothing; an organisation registers at most MAX_WEBHOOK_ENDPOINTS endpoints.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type CreatedWebhookEndpoint,
  MAX_WEBHOOK_ENDPOINTS,
  type PageOf,
  type WebhookDelivery,
  type WebhookEndpoint,
} from '@nassij/contract';
import type { Db, SqlValue } from '../../db/db.js';
import { newSortableId } from '../../events/log.js';
import { DEMO_ACCOUNTS, type DemoAccountKey } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { planOf } from '../../test-support/query-plan.js';
import { signInAs, tempServer } from '../../testing.js';
import { listDeliveryPage } from './store.js';

type Server = Awaited<ReturnType<typeof tempServer>>;
let server: Server;
const tokens = {} as Record<DemoAccountKey, string>;
const PEOPLE: DemoAccountKey[] = ['admin', 'regionAdmin', 'ministryAdmin'];
const COUNCIL = `/v1/organisations/${F.organisations.regionalCouncil}/webhooks`;

async function send<T>(method: string, path: string, as: DemoAccountKey, json?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${tokens[as]}`,
      ...(json === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function createEndpoint(path: string, as: DemoAccountKey, n: number) {
  return send<CreatedWebhookEndpoint & { code?: string }>('POST', path, as, {
    url: `https://receiver.example/hooks/${n}`,
    eventTypes: ['call.published'],
  });
}

/**
 * Writes `count` settled deliveries of made-up events for an endpoint, two per instant, so that the id
 * breaks ties; answers their ids in the log's order (newest first, then the greatest id).
 */
async function seedDeliveries(endpointId: string, count: number, tag: string): Promise<string[]> {
  const made: { id: string; createdAt: string }[] = [];
  for (let index = 0; index < count; index += 1) {
    const number = String(index).padStart(2, '0');
    const createdAt = new Date(Date.UTC(2026, 0, 5, 10, Math.floor(index / 2))).toISOString();
    const eventId = newSortableId('evt'); // the contract's event id format
    await server.db.write(
      'INSERT INTO events (id, type, organisation_id, occurred_at, payload) VALUES (?, ?, ?, ?, ?)',
      [eventId, 'call.published', F.organisations.regionalCouncil, createdAt, '{}'],
    );
    // Ids against the grain of insertion within an instant: the order comes from the keys, not the rowid.
    const id = `whd_test_${tag}${index % 2 === 0 ? 'b' : 'a'}${number}`;
    await server.db.write(
      `INSERT INTO webhook_deliveries (id, endpoint_id, event_id, state, attempts, next_attempt_at,
         delivered_at, last_status, created_at)
       VALUES (?, ?, ?, 'succeeded', 1, ?, ?, 200, ?)`,
      [id, endpointId, eventId, createdAt, createdAt, createdAt],
    );
    made.push({ id, createdAt });
  }
  return made
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .map((delivery) => delivery.id);
}

before(async () => {
  server = await tempServer({ rateLimit: false, webhookWorker: false, mailWorker: false });
  for (const key of PEOPLE)
    tokens[key] = await signInAs(server.url, DEMO_ACCOUNTS[key].email, DEMO_ACCOUNTS[key].password);
});
after(() => server.stop());

describe('the delivery log', () => {
  let endpoint: CreatedWebhookEndpoint;
  let expected: string[];

  before(async () => {
    const made = await createEndpoint(COUNCIL, 'regionAdmin', 0);
    assert.equal(made.status, 201, JSON.stringify(made.body));
    endpoint = made.body;
    expected = await seedDeliveries(endpoint.id, 25, 'log');
  });

  test('pages newest first to the first delivery: no repeat, no gap, and no cursor after the last page', async () => {
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor === null ? '?limit=7' : `?limit=7&cursor=${cursor}`;
      const page = await send<PageOf<WebhookDelivery>>(
        'GET',
        `${COUNCIL}/${endpoint.id}/deliveries${query}`,
        'regionAdmin',
      );
      assert.equal(page.status, 200, JSON.stringify(page.body));
      seen.push(...page.body.items.map((item) => item.id));
      sizes.push(page.body.items.length);
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 10);
    assert.deepEqual(sizes, [7, 7, 7, 4]);
    assert.deepEqual(seen, expected, 'the whole log, newest first, each delivery once');
  });

  test('answers 20 deliveries by default, and 100 at most', async () => {
    const first = await send<PageOf<WebhookDelivery>>(
      'GET',
      `${COUNCIL}/${endpoint.id}/deliveries`,
      'regionAdmin',
    );
    assert.equal(first.status, 200);
    assert.deepEqual(
      first.body.items.map((item) => item.id),
      expected.slice(0, 20),
    );
    assert.ok(first.body.nextCursor);
    const rest = await send<PageOf<WebhookDelivery>>(
      'GET',
      `${COUNCIL}/${endpoint.id}/deliveries?cursor=${first.body.nextCursor}`,
      'regionAdmin',
    );
    assert.deepEqual(
      rest.body.items.map((item) => item.id),
      expected.slice(20),
    );
    assert.equal(rest.body.nextCursor, null);
    const tooMany = await send('GET', `${COUNCIL}/${endpoint.id}/deliveries?limit=101`, 'regionAdmin');
    assert.equal(tooMany.status, 422);
  });

  test('refuses a damaged cursor with 422', async () => {
    const damaged = await send<{ code: string }>(
      'GET',
      `${COUNCIL}/${endpoint.id}/deliveries?cursor=bm90LWEtY3Vyc29y`,
      'regionAdmin',
    );
    assert.equal(damaged.status, 422);
    assert.equal(damaged.body.code, 'validation_failed');
  });

  test('replays the oldest delivery, found on the last page', async () => {
    let cursor: string | null = null;
    let last: WebhookDelivery | undefined;
    for (let pages = 0; pages < 10; pages += 1) {
      const page: { body: PageOf<WebhookDelivery> } = await send<PageOf<WebhookDelivery>>(
        'GET',
        `${COUNCIL}/${endpoint.id}/deliveries?limit=10${cursor === null ? '' : `&cursor=${cursor}`}`,
        'regionAdmin',
      );
      last = page.body.items.at(-1);
      cursor = page.body.nextCursor;
      if (cursor === null) break;
    }
    assert.equal(last?.id, expected.at(-1));
    const replayed = await send<WebhookDelivery>(
      'POST',
      `${COUNCIL}/${endpoint.id}/deliveries/${last?.id}/replay`,
      'regionAdmin',
    );
    assert.equal(replayed.status, 202, JSON.stringify(replayed.body));
    assert.equal(replayed.body.id, last?.id);
    assert.equal(replayed.body.state, 'pending');
    assert.equal(replayed.body.attempts, 0);
  });

  test('reads a page from the index, sorting nothing, first page or later', async () => {
    const seen: { sql: string; params: readonly SqlValue[] }[] = [];
    const spy = Object.create(server.db) as Db;
    spy.all = ((sql: string, params: readonly SqlValue[] = []) => {
      seen.push({ sql, params });
      return server.db.all(sql, params);
    }) as Db['all'];
    const first = await listDeliveryPage(spy, endpoint.id, { limit: 5 });
    await listDeliveryPage(spy, endpoint.id, { limit: 5, cursor: first.nextCursor ?? undefined });
    assert.equal(seen.length, 2);
    for (const statement of seen) {
      assert.match(statement.sql, /LIMIT \?/, 'the limit is bound, not written into the SQL');
      const plan = await planOf(server.db, statement.sql, statement.params);
      assert.match(plan, /webhook_deliveries_by_endpoint_newest/, plan);
      assert.doesNotMatch(plan, /TEMP B-TREE|Sort\b/, plan);
    }
  });
});

describe('endpoints', () => {
  test(`an organisation registers at most ${MAX_WEBHOOK_ENDPOINTS}; one more is refused until one is removed`, async () => {
    const ministry = `/v1/organisations/${F.organisations.ministry}/webhooks`;
    // A platform-wide endpoint and another organisation's do not count against the ministry's.
    assert.equal((await createEndpoint('/v1/webhooks', 'admin', 100)).status, 201);
    assert.equal((await createEndpoint(COUNCIL, 'regionAdmin', 101)).status, 201);
    for (let n = 0; n < MAX_WEBHOOK_ENDPOINTS; n += 1) {
      const made = await createEndpoint(ministry, 'ministryAdmin', n);
      assert.equal(made.status, 201, `endpoint ${n + 1}: ${JSON.stringify(made.body)}`);
    }
    const refused = await createEndpoint(ministry, 'ministryAdmin', MAX_WEBHOOK_ENDPOINTS);
    assert.equal(refused.status, 409);
    assert.equal(refused.body.code, 'webhook_limit_reached');

    const listed = await send<{ items: WebhookEndpoint[] }>('GET', ministry, 'ministryAdmin');
    assert.equal(listed.body.items.length, MAX_WEBHOOK_ENDPOINTS, 'the refused one was not written');
    const [newest] = listed.body.items;
    assert.equal((await send('DELETE', `${ministry}/${newest?.id}`, 'ministryAdmin')).status, 204);
    assert.equal((await createEndpoint(ministry, 'ministryAdmin', MAX_WEBHOOK_ENDPOINTS)).status, 201);
  });
});
