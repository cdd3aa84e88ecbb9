import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { route } from '@nassij/contract';
import * as z from 'zod/mini';
import { issueToken } from '../auth/tokens.js';
import type { Db } from '../db/db.js';
import { migrate } from '../db/migrate.js';
import { CORE_MIGRATIONS } from '../db/migrations/index.js';
import { isPostgresUrl } from '../db/open.js';
import { openPostgres } from '../db/postgres.js';
import { openSqlite } from '../db/sqlite.js';
import { DEMO_ACCOUNTS } from '../seed/demo.js';
import type { ServerOptions } from '../server.js';
import { createTestDatabase, type TestDatabase, tempServer } from '../testing.js';
import { DEFAULT_RATE_LIMIT, DEFAULT_SIGN_IN_LIMITS, RateLimiter, SignInThrottle } from './rate-limit.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

/** A write that anyone may send, signed in or not. */
const ping = route({
  id: 'test.ping',
  method: 'POST',
  path: '/v1/test/ping',
  tag: 'test',
  summary: 'A cheap write',
  auth: 'optional',
  errors: ['rate_limited'],
  response: { status: 201, schema: z.strictObject({ ok: z.literal(true) }), description: 'ok' },
});

function limitedServer(options: Partial<ServerOptions>): Promise<Server> {
  return tempServer({
    areas: [],
    extend: (app) => app.bind(ping, () => ({ status: 201, body: { ok: true as const } })),
    ...options,
  });
}

async function write(server: Server, headers: Record<string, string> = {}): Promise<Response> {
  const response = await fetch(`${server.url}/v1/test/ping`, { method: 'POST', headers });
  await response.clone().arrayBuffer();
  return response;
}

const address = (n: number) => `198.51.100.${n}`;

async function assertRefusal(response: Response): Promise<number> {
  assert.equal(response.status, 429);
  assert.equal(response.headers.get('content-type'), 'application/problem+json; charset=utf-8');
  const retryAfter = Number(response.headers.get('retry-after'));
  assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1, `Retry-After ${retryAfter}`);
  const body = (await response.clone().json()) as { code: string; retryAfterSeconds: number };
  assert.equal(body.code, 'rate_limited');
  assert.equal(body.retryAfterSeconds, retryAfter);
  return retryAfter;
}

describe('write limits per client address and per account', () => {
  test('10 users behind one trusted proxy are not throttled together; without trust they are', async () => {
    // The finding: every visitor came from the proxy's 127.0.0.1 and shared one budget.
    const users = 10;
    const each = 30;
    const burst = async (server: Server) => {
      const statuses = await Promise.all(
        Array.from({ length: users }, async (_, user) => {
          const out: number[] = [];
          for (let i = 0; i < each; i++)
            out.push((await write(server, { 'x-forwarded-for': address(user + 1) })).status);
          return out;
        }),
      );
      return statuses.flat();
    };
    // A stopped clock: 300 writes take seconds, and the refill meanwhile is not what this test is about.
    const clock = () => new Date('2026-03-02T09:00:00Z');
    const trusted = await limitedServer({ seed: 'none', trustProxy: { hops: 1 }, clock });
    const untrusted = await limitedServer({ seed: 'none', clock });
    try {
      const behindProxy = await burst(trusted);
      assert.equal(behindProxy.filter((s) => s === 201).length, users * each, 'all accepted');
      const direct = await burst(untrusted);
      assert.equal(
        direct.filter((s) => s === 201).length,
        DEFAULT_RATE_LIMIT.capacity,
        'one shared budget when the headers are not trusted',
      );
      assert.ok(direct.filter((s) => s === 429).length > 0);
    } finally {
      await trusted.stop();
      await untrusted.stop();
    }
  });

  describe('with a budget of 3', () => {
    let server: Server;
    let trusted: Server;
    before(async () => {
      const rateLimit = { capacity: 3, refillPerSecond: 0.001 };
      server = await limitedServer({ rateLimit });
      trusted = await limitedServer({ rateLimit, seed: 'none', trustProxy: { proxies: ['loopback'] } });
    });
    after(async () => {
      await server.stop();
      await trusted.stop();
    });

    test('without --trust-proxy a forged X-Forwarded-For or Forwarded gives no fresh budget', async () => {
      for (let i = 0; i < 3; i++)
        assert.equal((await write(server, { 'x-forwarded-for': address(i + 1) })).status, 201);
      await assertRefusal(await write(server, { 'x-forwarded-for': address(99) }));
      await assertRefusal(await write(server, { forwarded: `for=${address(98)}` }));
      await assertRefusal(await write(server));
    });

    test('a signed-in account has its own budget; a made-up token does not', async () => {
      // The address's budget is spent by the test above.
      await assertRefusal(await write(server));
      await assertRefusal(await write(server, { authorization: 'Bearer made-up-token-0123456789' }));
      const { token } = await issueToken(server.db, DEMO_ACCOUNTS.citizen.id, new Date());
      const { token: other } = await issueToken(server.db, DEMO_ACCOUNTS.member.id, new Date());
      const signedIn = { authorization: `Bearer ${token}` };
      for (let i = 0; i < 3; i++) assert.equal((await write(server, signedIn)).status, 201);
      await assertRefusal(await write(server, signedIn));
      // A second token of the same account shares its budget; another account has its own.
      const { token: again } = await issueToken(server.db, DEMO_ACCOUNTS.citizen.id, new Date());
      await assertRefusal(await write(server, { authorization: `Bearer ${again}` }));
      assert.equal((await write(server, { authorization: `Bearer ${other}` })).status, 201);
    });

    test('behind trusted proxies, the client named by the right end of the header is limited', async () => {
      for (let i = 0; i < 3; i++)
        assert.equal(
          (await write(trusted, { 'x-forwarded-for': `${address(i + 10)}, ${address(7)}` })).status,
          201,
        );
      // Forged entries to the left of what the proxy wrote change nothing.
      await assertRefusal(await write(trusted, { 'x-forwarded-for': `${address(50)}, ${address(7)}` }));
      assert.equal((await write(trusted, { 'x-forwarded-for': address(8) })).status, 201);
    });
  });
});

describe('sign-in throttle', () => {
  let server: Server;
  let now = Date.parse('2026-03-02T09:00:00Z');
  const tick = (seconds: number) => {
    now += seconds * 1000;
  };
  before(async () => {
    server = await tempServer({ areas: [], trustProxy: { hops: 1 }, clock: () => new Date(now) });
  });
  after(() => server.stop());

  let from = 0;
  const signIn = async (email: string, password: string, forwardedFor = `203.0.113.${++from % 250}`) => {
    const response = await fetch(`${server.url}/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ email, password }),
    });
    await response.clone().arrayBuffer();
    return response;
  };

  test('one account from many addresses: 429 with a growing Retry-After, then the right password works', async () => {
    const { email, password } = DEMO_ACCOUNTS.reviewer;
    for (let i = 0; i < DEFAULT_SIGN_IN_LIMITS.freeFailures; i++)
      assert.equal((await signIn(email, `wrong-${i}`)).status, 401);
    const waits: number[] = [];
    for (let round = 0; round < 4; round++) {
      const wait = await assertRefusal(await signIn(email, 'wrong-again'));
      waits.push(wait);
      tick(wait);
      assert.equal((await signIn(email, `wrong-after-${round}`)).status, 401);
    }
    assert.deepEqual(waits, [1, 2, 4, 8]);
    // The e-mail is throttled whatever its case, and even the right password waits for the back-off.
    assert.equal(await assertRefusal(await signIn(email.toUpperCase(), password)), 16);
    tick(16);
    assert.equal((await signIn(email, password)).status, 201);
    // A success clears the count.
    assert.equal((await signIn(email, 'wrong-once-more')).status, 401);
    assert.equal((await signIn(email, password)).status, 201);
  });

  test('an unknown e-mail is throttled like a known one', async () => {
    for (let i = 0; i < DEFAULT_SIGN_IN_LIMITS.freeFailures; i++)
      assert.equal((await signIn('nobody@example.ma', 'x')).status, 401);
    await assertRefusal(await signIn('nobody@example.ma', 'x'));
  });

  test('failed sign-ins per address: a bucket, whatever the e-mails', async () => {
    const here = '192.0.2.77';
    for (let i = 0; i < DEFAULT_SIGN_IN_LIMITS.addressCapacity; i++)
      assert.equal((await signIn(`sprayed-${i}@example.ma`, 'password1', here)).status, 401);
    const wait = await assertRefusal(await signIn('sprayed-last@example.ma', 'password1', here));
    assert.equal(wait, Math.ceil(1 / DEFAULT_SIGN_IN_LIMITS.addressRefillPerSecond));
    // Another address is not concerned, and a right password elsewhere works.
    const { email, password } = DEMO_ACCOUNTS.citizen;
    assert.equal((await signIn(email, password, '192.0.2.78')).status, 201);
  });
});

describe('limiters in the database', () => {
  let dir: string;
  let database: TestDatabase | undefined;
  let db: Db;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nassij-limits-'));
    const adminUrl = process.env.NASSIJ_TEST_DATABASE;
    if (isPostgresUrl(adminUrl)) {
      database = await createTestDatabase(adminUrl);
      db = await openPostgres(database.url);
    } else db = openSqlite(dir);
    await migrate(db, CORE_MIGRATIONS);
  });
  after(async () => {
    await db.close();
    await database?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  test('a bucket refills at its pace, gives back a token, and its row goes once full again', async () => {
    let now = 0;
    const limiter = new RateLimiter(db, 'test', { capacity: 2, refillPerSecond: 0.5 }, () => now);
    assert.equal(await limiter.take('a'), 0);
    assert.equal(await limiter.take('a'), 0);
    assert.equal(await limiter.take('a'), 2);
    now += 2000;
    assert.equal(await limiter.take('a'), 0);
    await limiter.refund('a');
    assert.equal(await limiter.take('a'), 0);
    assert.equal(await limiter.take('a'), 2);
    // Another pool's bucket of the same key is its own.
    const other = new RateLimiter(db, 'other', { capacity: 1, refillPerSecond: 0.5 }, () => now);
    assert.equal(await other.take('a'), 0);
    assert.equal(await other.take('a'), 2);
    const rows = async () => (await db.all("SELECT bucket FROM rate_buckets WHERE pool = 'test'")).length;
    await limiter.sweep();
    assert.equal(await rows(), 1, 'an empty bucket stays');
    now += 4000;
    await limiter.sweep();
    assert.equal(await rows(), 0, 'a bucket full again says nothing');
    assert.equal(await limiter.take('a'), 0);
  });

  test('takes sent at once never spend more than the bucket holds', async () => {
    const limiter = new RateLimiter(db, 'burst', { capacity: 5, refillPerSecond: 0 }, () => 1000);
    const waits = await Promise.all(Array.from({ length: 20 }, () => limiter.take('k')));
    assert.equal(waits.filter((wait) => wait === 0).length, 5);
    assert.ok(waits.filter((wait) => wait > 0).every((wait) => wait === 3600));
  });

  test('the back-off doubles from the first delay up to the cap', () => {
    const throttle = new SignInThrottle(db, {}, () => 0);
    const { freeFailures, maxDelaySeconds } = throttle.limits;
    assert.equal(throttle.delayAfter(freeFailures - 1), 0);
    assert.equal(throttle.delayAfter(freeFailures), 1);
    assert.equal(throttle.delayAfter(freeFailures + 3), 8);
    assert.equal(throttle.delayAfter(freeFailures + 40), maxDelaySeconds);
  });

  test('attempts sent at once all count, and the stored back-off follows delayAfter', async () => {
    let now = 0;
    const throttle = new SignInThrottle(db, {}, () => now);
    const attempts = await Promise.all(
      Array.from({ length: 8 }, (_, i) => throttle.begin('a@example.ma', `10.0.0.${i}`)),
    );
    // Which ones pass depends on the order the database runs them in; how many does not.
    assert.equal(attempts.filter((a) => a.ok).length, 5);
    assert.ok(attempts.every((a) => a.ok || (a.by === 'account' && a.waitSeconds === 1)));
    for (const attempt of attempts) if (attempt.ok) await attempt.settle(false);
    now += 1000;
    const next = await throttle.begin('a@example.ma', '10.0.0.9');
    assert.ok(next.ok);
    await next.settle(true);
    assert.ok((await throttle.begin('a@example.ma', '10.0.0.9')).ok, 'a success clears the count');
    // Failures 1…9, each once the previous wait is over: the wait after each is delayAfter(count), doubling
    // up to the cap, and an attempt during a wait is refused with what is left of it.
    const capped = new SignInThrottle(db, { maxDelaySeconds: 6 }, () => now);
    for (let count = 1; count <= 9; count++) {
      const attempt = await capped.begin('b@example.ma', '10.0.1.1');
      assert.ok(attempt.ok, `attempt ${count}`);
      const delay = capped.delayAfter(count);
      const row = await db.one<{ until_at: number }>(
        'SELECT until_at FROM sign_in_failures WHERE email = ?',
        ['b@example.ma'],
      );
      assert.equal(row?.until_at, now + delay * 1000, `after ${count} failures`);
      if (delay > 0)
        assert.deepEqual(await capped.begin('b@example.ma', '10.0.1.2'), {
          ok: false,
          waitSeconds: delay,
          by: 'account',
        });
      now += delay * 1000;
    }
    assert.deepEqual(
      [4, 5, 6, 7, 8, 9].map((count) => capped.delayAfter(count)),
      [0, 1, 2, 4, 6, 6],
    );
  });
});
