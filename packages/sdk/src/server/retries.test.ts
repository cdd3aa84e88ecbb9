// Retries against the real reference server: connection drops injected by a TCP proxy after the server
// has performed the write, and 429s from the server's own rate limiter.
import assert from 'node:assert/strict';
import { connect, createServer, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { DEMO_ACCOUNTS } from '@nassij/server';
import { demoFixtures as F, signInAs, tempServer } from '@nassij/server/testing';
import { createClient } from '../client.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

interface DroppingProxy {
  url: string;
  /** The `Idempotency-Key` of each request seen, in order. */
  keys: (string | undefined)[];
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of `target` that forwards each request whole, waits for the server to start
 * answering (so the write is done), then drops both connections for the first `drops` requests; later
 * requests pass through untouched.
 */
async function droppingProxy(target: string, drops: number): Promise<DroppingProxy> {
  const { hostname, port } = new URL(target);
  const keys: (string | undefined)[] = [];
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  };
  const proxy = createServer((client) => {
    track(client);
    let buffered = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buffered.subarray(0, end).toString('latin1');
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      if (buffered.length < end + 4 + length) return;
      client.off('data', onData);
      keys.push(/\r\nidempotency-key:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim());
      const drop = keys.length <= drops;
      const upstream = connect(Number(port), hostname);
      track(upstream);
      upstream.write(buffered);
      if (drop) {
        upstream.once('data', () => {
          client.destroy();
          upstream.destroy();
        });
      } else {
        upstream.pipe(client);
        client.pipe(upstream);
      }
    };
    client.on('data', onData);
  });
  await new Promise<void>((ok) => proxy.listen(0, '127.0.0.1', ok));
  const address = proxy.address();
  assert.ok(address && typeof address === 'object');
  return {
    url: `http://127.0.0.1:${address.port}`,
    keys,
    close: () =>
      new Promise((ok) => {
        for (const socket of sockets) socket.destroy();
        proxy.close(() => ok());
      }),
  };
}

describe('connection drops after the write', () => {
  let server: Server;
  before(async () => {
    server = await tempServer({ rateLimit: false });
  });
  after(() => server.stop());

  test('contributions.create is retried with one Idempotency-Key and stored once', async () => {
    const token = await signInAs(server.url, DEMO_ACCOUNTS.citizen.email, DEMO_ACCOUNTS.citizen.password);
    const proxy = await droppingProxy(server.url, 2);
    try {
      const client = createClient({ baseUrl: proxy.url, token, retry: { limit: 3, baseDelayMs: 10 } });
      const text = `مساهمة عبر اتصال متقطع ${Date.now()}`;
      const count = async () =>
        (await server.db.one<{ n: number }>('SELECT COUNT(*) AS n FROM contributions WHERE body = ?', [text]))
          ?.n;
      assert.equal(await count(), 0);
      const receipt = await client.contributions.create(
        F.consultations.draftLaw,
        { kind: 'comment', articleId: 'art-5', body: text, consent: true },
        { headers: { 'x-nassij-device': 'sdk-retry-device-0001' } },
      );
      assert.equal(receipt.contribution.body, text);
      assert.equal(proxy.keys.length, 3, 'two dropped attempts and the one that passed');
      assert.ok(proxy.keys[0], 'a write carries an Idempotency-Key');
      assert.deepEqual(proxy.keys, [proxy.keys[0], proxy.keys[0], proxy.keys[0]]);
      assert.equal(await count(), 1, 'the server holds exactly one contribution');
    } finally {
      await proxy.close();
    }
  });

  test('registrations.create is retried and stored once', async () => {
    const token = await signInAs(server.url, DEMO_ACCOUNTS.member.email, DEMO_ACCOUNTS.member.password);
    const direct = createClient({ baseUrl: server.url, token });
    const session = await direct.sessions.get(F.sessions.openWithSeats);
    // The member registers themself: a live registration of theirs to the session, counted.
    const mine = async () =>
      (
        await direct.registrations.list({ associationId: F.associations.represented, limit: 100 })
      ).items.filter(
        (r) =>
          r.sessionId === session.id &&
          r.participant.accountId === F.accounts.member &&
          r.status !== 'cancelled',
      ).length;
    assert.equal(await mine(), 0);
    const proxy = await droppingProxy(server.url, 2);
    try {
      const client = createClient({ baseUrl: proxy.url, token, retry: { limit: 3, baseDelayMs: 10 } });
      const created = await client.registrations.create({
        sessionId: session.id,
        associationId: F.associations.represented,
        participant: { accountId: F.accounts.member },
        consent: true,
      });
      assert.equal(created.status, 'confirmed');
      assert.equal(proxy.keys.length, 3);
      assert.equal(new Set(proxy.keys).size, 1);
      assert.equal(await mine(), 1);
    } finally {
      await proxy.close();
    }
  });
});

describe('429 from the real rate limiter', () => {
  let server: Server;
  before(async () => {
    server = await tempServer({ rateLimit: { capacity: 2, refillPerSecond: 0.5 } });
  });
  after(() => server.stop());

  test('a write past the limit waits for Retry-After and succeeds', async () => {
    const statuses: number[] = [];
    const retryAfter: (string | null)[] = [];
    const client = createClient({
      baseUrl: server.url,
      retry: { limit: 2, baseDelayMs: 10 },
      hooks: {
        afterResponse: (_request, response) => {
          statuses.push(response.status);
          retryAfter.push(response.headers.get('retry-after'));
          return undefined;
        },
      },
    });
    const device = { 'x-nassij-device': 'sdk-rate-device-0001' };
    const write = (n: number) =>
      client.contributions.create(
        F.consultations.draftLaw,
        {
          kind: 'comment',
          body: `تعليق رقم ${n}`,
          consent: true,
          author: { displayName: 'Salma', participantType: 'citizen', region: 'MA-01' },
        },
        { headers: device },
      );
    await write(1);
    await write(2);
    const third = await write(3);
    assert.equal(third.contribution.body, 'تعليق رقم 3');
    assert.deepEqual(statuses, [201, 201, 429, 201]);
    assert.match(retryAfter[2] ?? '', /^\d+$/);
  });
});
