// `client.webhooks` and `verifyWebhook` against the real reference server (demo seed) and real receivers
// (node:http on random ports), never a mock: a call published through the API reaches the regional
// council's endpoint signed, and `verifyWebhook` accepts it; a receiver that answers 500, redirects or
// hangs is retried on the back-off schedule (moved by the server's clock) and never holds the request that
// caused the event; repeated failures disable the endpoint and mail the organisation's admin; a delivery
// is replayed with the same id; other organisations' admins are refused.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, describe, test } from 'node:test';
import type { CreatedWebhookEndpoint, WebhookDelivery } from '@nassij/contract';
import { DEMO_ACCOUNTS } from '@nassij/server';
import { completeCallFields, demoFixtures as F, tempServer } from '@nassij/server/testing';
import { createClient, type NassijClient } from '../client.js';
import { NassijApiError } from '../errors.js';
import { verifyWebhook } from '../webhooks/verify.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

const RETRY_MS = 60_000;
let server: Server;
/** The server's clock runs `offset` ms ahead of the real one: a test moves time by changing it. */
let offset = 0;
const now = () => new Date(Date.now() + offset);

const PEOPLE = ['regionAdmin', 'regionCallManager', 'ministryAdmin', 'admin'] as const;
const clients = {} as Record<(typeof PEOPLE)[number], NassijClient>;
const region = { organisationId: F.organisations.regionalCouncil };

/** One request a receiver got. */
interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** How a receiver answers its n-th request (0-based): a status, a redirect, or never. */
type Answer = { status: number; location?: string } | 'hang';

/** A local endpoint: what it received, and how it answers. */
interface Receiver {
  url: string;
  received: Received[];
  /** Requests held without an answer (a `hang`), still open. */
  held: ServerResponse[];
  close(): Promise<void>;
}

const receivers: Receiver[] = [];

async function startReceiver(answer: (n: number) => Answer): Promise<Receiver> {
  const received: Received[] = [];
  const held: ServerResponse[] = [];
  const http = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const n = received.length;
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const how = answer(n);
      if (how === 'hang') {
        held.push(response);
        response.on('close', () => held.splice(held.indexOf(response), 1));
        return;
      }
      response.writeHead(how.status, how.location ? { location: how.location } : {}).end();
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  const receiver: Receiver = {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    held,
    close: () =>
      new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
  receivers.push(receiver);
  return receiver;
}

/** Signs the people in at the server's current time (tokens expire when its clock moves on). */
async function signIn(): Promise<void> {
  await Promise.all(
    PEOPLE.map((key) => clients[key].auth.signIn(DEMO_ACCOUNTS[key].email, DEMO_ACCOUNTS[key].password)),
  );
}

before(async () => {
  server = await tempServer({
    rateLimit: false,
    clock: now,
    mailWorker: false,
    // Only woken by commits (and `deliverWebhooks`), so each test sees every attempt; a short timeout for
    // the hanging receiver; three failures in a row disable an endpoint.
    webhookWorker: {
      pollMs: 0,
      timeoutMs: 4_000,
      retryScheduleMs: [RETRY_MS, RETRY_MS, RETRY_MS],
      disableAfter: 3,
    },
  });
  for (const key of PEOPLE) clients[key] = createClient({ baseUrl: server.url });
  await signIn();
});
after(async () => {
  await server.stop();
});
afterEach(async () => {
  // Each test's endpoints go with it, so later events reach only the next test's receivers.
  for (const endpoint of (await clients.regionAdmin.webhooks.list(region)).items)
    await clients.regionAdmin.webhooks.remove(endpoint.id, region);
  for (const endpoint of (await clients.admin.webhooks.list()).items)
    await clients.admin.webhooks.remove(endpoint.id);
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

/** Publishes a new call of the regional council through the API; answers its id and reference. */
async function publishCall(): Promise<{ id: string; reference: string }> {
  const manager = clients.regionCallManager;
  const draft = await manager.calls.create(completeCallFields(now()));
  assert.deepEqual(draft.problems, []);
  const call = await manager.calls.publish(draft.id);
  return { id: call.id, reference: call.reference };
}

/** Registers an endpoint of the regional council for `call.published` (and more). */
async function register(
  receiver: Receiver,
  eventTypes: CreatedWebhookEndpoint['eventTypes'] = ['call.published'],
) {
  return clients.regionAdmin.webhooks.create({ url: receiver.url, eventTypes }, region);
}

async function deliveries(endpoint: { id: string }): Promise<WebhookDelivery[]> {
  return (await clients.regionAdmin.webhooks.deliveries(endpoint.id, region)).items;
}

/** Moves the server's clock past the next retry, with fresh tokens. */
async function pastNextRetry(): Promise<void> {
  offset += RETRY_MS + 1_000;
  await signIn();
}

describe('a published call reaches the endpoints that asked for it', () => {
  test('signed per Standard Webhooks: verifyWebhook accepts it and types the event', async () => {
    const receiver = await startReceiver(() => ({ status: 204 }));
    const endpoint = await register(receiver);
    assert.match(endpoint.secret, /^whsec_[A-Za-z0-9+/]+=*$/);
    assert.equal(endpoint.state, 'active');
    const call = await publishCall();
    await server.deliverWebhooks();

    assert.equal(receiver.received.length, 1);
    const [got] = receiver.received;
    assert.ok(got);
    const event = await verifyWebhook(got.body, got.headers, endpoint.secret, { now: now() });
    assert.equal(event.type, 'call.published');
    assert.equal(got.headers['webhook-id'], event.id);
    if (event.type !== 'call.published') return;
    assert.equal(event.data.callId, call.id);
    assert.equal(event.data.reference, call.reference);
    assert.equal(event.data.organisationId, F.organisations.regionalCouncil);
    assert.equal(event.data.version, 1);
    // Another secret does not verify it.
    const other = await register(await startReceiver(() => ({ status: 204 })), ['call.amended']);
    await assert.rejects(verifyWebhook(got.body, got.headers, other.secret, { now: now() }), {
      reason: 'invalid_signature',
    });

    const [delivery] = await deliveries(endpoint);
    assert.equal(delivery?.state, 'succeeded');
    assert.equal(delivery?.eventId, event.id);
    assert.equal(delivery?.lastStatus, 204);
    assert.equal(delivery?.attempts, 1);
  });

  test("another organisation's call reaches platform-wide endpoints, not the council's", async () => {
    const council = await startReceiver(() => ({ status: 200 }));
    const platform = await startReceiver(() => ({ status: 200 }));
    await register(council);
    const wide = await clients.admin.webhooks.create({ url: platform.url, eventTypes: ['call.published'] });
    assert.equal(wide.organisationId, undefined);
    const ministryDraft = await clients.ministryAdmin.calls.create(completeCallFields(now()));
    const published = await clients.ministryAdmin.calls.publish(ministryDraft.id);
    await server.deliverWebhooks();
    assert.equal(council.received.length, 0, "the council's endpoint hears nothing of the ministry's call");
    assert.equal(platform.received.length, 1);
    const event = await verifyWebhook(
      platform.received[0]?.body ?? '',
      platform.received[0]?.headers ?? {},
      wide.secret,
      {
        now: now(),
      },
    );
    assert.equal(event.type === 'call.published' && event.data.callId, published.id);
    assert.equal(event.type === 'call.published' && event.data.organisationId, F.organisations.ministry);
  });
});

describe('a failing endpoint is retried with back-off', () => {
  test('a 500 then a 200: the same event again after the pause, then succeeded', async () => {
    const receiver = await startReceiver((n) => ({ status: n === 0 ? 500 : 200 }));
    const endpoint = await register(receiver);
    await publishCall();
    await server.deliverWebhooks();
    let [delivery] = await deliveries(endpoint);
    assert.equal(delivery?.state, 'pending');
    assert.equal(delivery?.lastStatus, 500);
    assert.equal(delivery?.lastError, 'status 500');
    assert.ok(
      delivery?.nextAttemptAt && delivery.lastAttemptAt && delivery.nextAttemptAt > delivery.lastAttemptAt,
    );
    // Not due yet: nothing is posted before the pause ends.
    await server.deliverWebhooks();
    assert.equal(receiver.received.length, 1);

    await pastNextRetry();
    await server.deliverWebhooks();
    assert.equal(receiver.received.length, 2);
    assert.equal(receiver.received[1]?.headers['webhook-id'], receiver.received[0]?.headers['webhook-id']);
    assert.equal(receiver.received[1]?.body, receiver.received[0]?.body, 'the same bytes');
    [delivery] = await deliveries(endpoint);
    assert.equal(delivery?.state, 'succeeded');
    assert.equal(delivery?.attempts, 2);
    assert.equal((await clients.regionAdmin.webhooks.list(region)).items[0]?.consecutiveFailures, 0);
  });

  test('a redirect is a failure, never followed, and retried', async () => {
    const elsewhere = await startReceiver(() => ({ status: 200 }));
    const receiver = await startReceiver((n) =>
      n === 0 ? { status: 307, location: elsewhere.url } : { status: 200 },
    );
    const endpoint = await register(receiver);
    await publishCall();
    await server.deliverWebhooks();
    assert.equal(elsewhere.received.length, 0, 'the redirect was not followed');
    let [delivery] = await deliveries(endpoint);
    assert.equal(delivery?.state, 'pending');
    assert.equal(delivery?.lastStatus, 307);
    assert.match(delivery?.lastError ?? '', /redirect 307/);
    await pastNextRetry();
    await server.deliverWebhooks();
    [delivery] = await deliveries(endpoint);
    assert.equal(delivery?.state, 'succeeded');
    assert.equal(receiver.received.length, 2);
  });

  test('a receiver that hangs never holds the request that caused the event, and times out into a retry', async () => {
    const receiver = await startReceiver((n) => (n === 0 ? 'hang' : { status: 200 }));
    const endpoint = await register(receiver, ['call.published', 'call.amended']);
    const call = await publishCall();
    // The worker is posting to the hanging receiver now…
    for (let i = 0; i < 1000 && receiver.held.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal(receiver.held.length, 1, 'the first delivery is held by the receiver');
    // …and an amendment, which records another event for the same endpoint, is answered meanwhile.
    const amended = await clients.regionCallManager.calls.amend(call.id, {
      changes: { summary: { ar: 'ملخص جديد', fr: 'Nouveau résumé' } },
      summary: { ar: 'تعديل الملخص', fr: 'Résumé modifié' },
    });
    assert.equal(amended.version, 2);
    assert.equal(receiver.held.length, 1, 'answered while the receiver still held the first delivery');

    // The hung attempt times out (the pass ends with it) and is retried after the pause.
    await server.deliverWebhooks();
    const timedOut = (await deliveries(endpoint)).find((d) => d.eventType === 'call.published');
    assert.equal(timedOut?.state, 'pending');
    assert.match(timedOut?.lastError ?? '', /timeout/);
    await pastNextRetry();
    await server.deliverWebhooks();
    const states = (await deliveries(endpoint)).map((d) => `${d.eventType}:${d.state}`).sort();
    assert.deepEqual(states, ['call.amended:succeeded', 'call.published:succeeded']);
  });
});

describe('repeated failures', () => {
  test('disable the endpoint and mail its organisation’s admin; a replay is refused until it is enabled again', async () => {
    const receiver = await startReceiver((n) => ({ status: n < 3 ? 503 : 200 }));
    const endpoint = await register(receiver);
    await publishCall();
    await server.deliverWebhooks();
    await pastNextRetry();
    await server.deliverWebhooks();
    assert.equal((await clients.regionAdmin.webhooks.list(region)).items[0]?.state, 'active', 'two failures');
    await pastNextRetry();
    await server.deliverWebhooks();

    const [listed] = (await clients.regionAdmin.webhooks.list(region)).items;
    assert.equal(listed?.state, 'disabled');
    assert.ok(listed?.disabledAt);
    const [delivery] = await deliveries(endpoint);
    assert.equal(delivery?.state, 'failed');
    assert.equal(delivery?.attempts, 3);
    const mails = await server.db.all<{
      recipient: string;
      locale: string;
      subject: string;
      text_body: string;
    }>("SELECT recipient, locale, subject, text_body FROM mail_outbox WHERE kind = 'webhook.disabled'");
    assert.deepEqual(
      mails.map((mail) => mail.recipient),
      [DEMO_ACCOUNTS.regionAdmin.email],
      "the council's admin only",
    );
    assert.equal(mails[0]?.locale, 'fr', 'in the admin’s language');
    assert.ok(mails[0]?.text_body.includes(receiver.url), 'the message names the endpoint');
    assert.ok(mails[0]?.text_body.includes('status 503'), 'and the last error');

    // Disabled: a new event queues nothing for it.
    await publishCall();
    await server.deliverWebhooks();
    assert.equal(receiver.received.length, 3);
    const refused = await clients.regionAdmin.webhooks.replay(endpoint.id, delivery?.id ?? '', region).then(
      () => undefined,
      (error: unknown) => error,
    );
    assert.ok(refused instanceof NassijApiError);
    assert.equal(refused.status, 409);
    assert.equal(refused.code, 'invalid_state');

    // Fixed and enabled again, the missed delivery is replayed.
    const enabled = await clients.regionAdmin.webhooks.enable(endpoint.id, region);
    assert.equal(enabled.state, 'active');
    assert.equal(enabled.consecutiveFailures, 0);
    await clients.regionAdmin.webhooks.replay(endpoint.id, delivery?.id ?? '', region);
    await server.deliverWebhooks();
    assert.equal(receiver.received.length, 4);
    assert.equal(receiver.received[3]?.headers['webhook-id'], delivery?.eventId);
    assert.equal((await deliveries(endpoint)).find((d) => d.id === delivery?.id)?.state, 'succeeded');
  });
});

describe('the delivery log', () => {
  test('replays a delivery with the same webhook-id, at the receiver’s request', async () => {
    const receiver = await startReceiver(() => ({ status: 200 }));
    const endpoint = await register(receiver);
    await publishCall();
    await server.deliverWebhooks();
    const [delivery] = await deliveries(endpoint);
    assert.equal(delivery?.state, 'succeeded');
    const replayed = await clients.regionAdmin.webhooks.replay(endpoint.id, delivery?.id ?? '', region);
    assert.equal(replayed.state, 'pending');
    assert.equal(replayed.eventId, delivery?.eventId);
    await server.deliverWebhooks();
    assert.equal(receiver.received.length, 2);
    assert.equal(receiver.received[1]?.headers['webhook-id'], receiver.received[0]?.headers['webhook-id']);
    const again = await verifyWebhook(
      receiver.received[1]?.body ?? '',
      receiver.received[1]?.headers ?? {},
      endpoint.secret,
      {
        now: now(),
      },
    );
    assert.equal(again.id, delivery?.eventId);
    const [after] = await deliveries(endpoint);
    assert.equal(after?.state, 'succeeded');
  });

  test('comes a page at a time, newest first: deliveries follows a cursor, iterateDeliveries all pages', async () => {
    const receiver = await startReceiver(() => ({ status: 200 }));
    const endpoint = await register(receiver);
    for (let n = 0; n < 3; n += 1) await publishCall();
    await server.deliverWebhooks();

    const first = await clients.regionAdmin.webhooks.deliveries(endpoint.id, { ...region, limit: 2 });
    assert.equal(first.items.length, 2);
    assert.ok(first.nextCursor, 'a third delivery follows');
    const second = await clients.regionAdmin.webhooks.deliveries(endpoint.id, {
      ...region,
      limit: 2,
      cursor: first.nextCursor,
    });
    assert.equal(second.items.length, 1);
    assert.equal(second.nextCursor, null, 'no cursor after the last page');
    const paged = [...first.items, ...second.items];
    assert.equal(new Set(paged.map((delivery) => delivery.eventId)).size, 3, 'one delivery per event');
    const times = paged.map((delivery) => delivery.createdAt);
    assert.deepEqual(times, [...times].sort().reverse(), 'newest first');

    const iterated = await clients.regionAdmin.webhooks
      .iterateDeliveries(endpoint.id, { ...region, limit: 2 })
      .collect({ limit: 10 });
    assert.deepEqual(
      iterated.map((delivery) => delivery.id),
      paged.map((delivery) => delivery.id),
    );
    // The oldest delivery, on the last page, can still be replayed.
    const oldest = paged.at(-1);
    const replayed = await clients.regionAdmin.webhooks.replay(endpoint.id, oldest?.id ?? '', region);
    assert.equal(replayed.eventId, oldest?.eventId);
  });

  test("is the organisation's admins' only: another organisation's admin and a call manager are refused", async () => {
    const receiver = await startReceiver(() => ({ status: 200 }));
    const endpoint = await register(receiver);
    for (const who of ['ministryAdmin', 'regionCallManager'] as const) {
      const error = await clients[who].webhooks.deliveries(endpoint.id, region).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      assert.ok(error instanceof NassijApiError, who);
      assert.equal(error.status, 403, who);
    }
    // A platform admin may read it; the secret is never answered again.
    const { items } = await clients.admin.webhooks.list(region);
    assert.deepEqual(
      items.map((item) => item.id),
      [endpoint.id],
    );
    assert.equal('secret' in (items[0] ?? {}), false);
  });

  test('refuses a plain-http address off this machine and an unknown event type', async () => {
    const http = await clients.regionAdmin.webhooks
      .create({ url: 'http://portal.example/hooks', eventTypes: ['call.published'] }, region)
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    assert.ok(http instanceof NassijApiError);
    assert.equal(http.status, 422);
    assert.equal(http.code, 'validation_failed');
    const unknown = await clients.regionAdmin.webhooks
      .create(
        { url: 'https://portal.example/hooks', eventTypes: ['call.deleted' as 'call.published'] },
        region,
      )
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    assert.ok(unknown instanceof Error);
    assert.equal((await clients.regionAdmin.webhooks.list(region)).items.length, 0);
  });
});
