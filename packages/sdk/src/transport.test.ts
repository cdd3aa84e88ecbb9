import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { health } from '@nassij/contract';
import { createBaseClient, createClient } from './client.js';
import {
  NassijAbortError,
  NassijApiError,
  NassijConflictError,
  NassijNetworkError,
  NassijResponseValidationError,
  NassijTimeoutError,
  NassijValidationError,
} from './errors.js';
import { type Peer, sendJson, startPeer } from './test-support/peer.js';
import { createThing, getThing, updateThing } from './test-support/routes.js';
import type { Sender } from './transport.js';

const peers: Peer[] = [];
after(async () => {
  await Promise.all(peers.map((peer) => peer.close()));
});

async function peer(handler: Parameters<typeof startPeer>[0]): Promise<Peer> {
  const started = await startPeer(handler);
  peers.push(started);
  return started;
}

const fast = { baseDelayMs: 1, maxDelayMs: 5 };
const thing = { id: 'thing_1', name: 'Thing', version: 1 };

describe('request', () => {
  test('fills path params, repeats array query keys and sends locale and token', async () => {
    const server = await peer((_request, response) => sendJson(response, 200, thing));
    const client = createClient({ baseUrl: `${server.url}/api/`, token: 'tok_123', locale: 'fr' });
    const result = await client.request(getThing, {
      params: { thingId: 'a/b c' },
      query: { region: ['MA-01', 'MA-02'] },
    });
    assert.deepEqual(result, thing);
    const [seen] = server.received;
    assert.equal(seen?.url, '/api/v1/things/a%2Fb%20c?region=MA-01&region=MA-02');
    assert.equal(seen?.headers['accept-language'], 'fr');
    assert.equal(seen?.headers.authorization, 'Bearer tok_123');
    assert.equal(seen?.headers['idempotency-key'], undefined, 'reads carry no idempotency key');
  });

  test('sends a JSON body with one idempotency key per write', async () => {
    const server = await peer((request, response) =>
      sendJson(response, 201, { ...thing, name: JSON.parse(String(request.body)).name }),
    );
    const client = createClient({ baseUrl: server.url });
    const created = await client.request(createThing, { body: { name: 'Nouveau' } });
    assert.equal(created.name, 'Nouveau');
    assert.equal(server.received[0]?.headers['content-type'], 'application/json');
    assert.match(String(server.received[0]?.headers['idempotency-key']), /^[0-9a-f-]{36}$/);
    // @ts-expect-error a route with a body needs it
    await assert.rejects(() => client.request(createThing));
  });

  test('runs beforeRequest and afterResponse hooks', async () => {
    const server = await peer((_request, response) => sendJson(response, 200, thing));
    const statuses: number[] = [];
    const client = createClient({
      baseUrl: server.url,
      hooks: {
        beforeRequest: (request) => {
          request.headers.set('x-embed', 'regional-council');
          return undefined;
        },
        afterResponse: [
          (_request, response) => {
            statuses.push(response.status);
            return undefined;
          },
        ],
      },
    });
    await client.request(getThing, { params: { thingId: 'thing_1' } });
    assert.equal(server.received[0]?.headers['x-embed'], 'regional-council');
    assert.deepEqual(statuses, [200]);
  });
});

describe('error mapping', () => {
  test('a problem document becomes a NassijApiError with its code and request id', async () => {
    const server = await peer((_request, response) =>
      sendJson(response, 404, {
        type: 'https://nassij.ma/problems/not_found',
        title: 'Not found',
        status: 404,
        code: 'not_found',
        requestId: 'req_42',
      }),
    );
    const client = createClient({ baseUrl: server.url });
    const error = await client.request(getThing, { params: { thingId: 'nope' } }).catch((e: unknown) => e);
    assert.ok(error instanceof NassijApiError);
    assert.equal(error.code, 'not_found');
    assert.equal(error.status, 404);
    assert.equal(error.requestId, 'req_42');
    assert.equal(error.retryable, false);
    assert.deepEqual(error.fieldErrors, []);
  });

  test('422 validation_failed becomes a NassijValidationError with field errors', async () => {
    const fieldErrors = [
      { path: '/titel', in: 'body', code: 'unknown_field', message: 'Unknown field "titel"' },
    ];
    const server = await peer((_request, response) =>
      sendJson(response, 422, {
        type: 'https://nassij.ma/problems/validation_failed',
        title: 'Invalid',
        status: 422,
        code: 'validation_failed',
        errors: fieldErrors,
      }),
    );
    const client = createClient({ baseUrl: server.url });
    const error = await client.request(createThing, { body: { name: 'x' } }).catch((e: unknown) => e);
    assert.ok(error instanceof NassijValidationError);
    assert.deepEqual(error.fieldErrors, fieldErrors);
    assert.equal(server.received.length, 1, '422 is not retried');
  });

  test('the refusals the client also makes give NassijValidationError from the server too', async () => {
    const refusals = [
      [428, 'precondition_required'],
      [413, 'file_too_large'],
      [415, 'file_type_not_allowed'],
    ] as const;
    const server = await peer((_request, response, index) => {
      const [status, code] = refusals[index] ?? [500, 'internal'];
      sendJson(response, status, { type: 't', title: code, status, code });
    });
    const client = createClient({ baseUrl: server.url });
    for (const [status, code] of refusals) {
      const error = await client.request(createThing, { body: { name: 'x' } }).catch((e: unknown) => e);
      assert.ok(error instanceof NassijValidationError, code);
      assert.equal(error.code, code);
      assert.equal(error.status, status);
      assert.equal(error.routeId, 'things.create');
    }
    const payload = await peer((_request, response) =>
      sendJson(response, 413, { type: 't', title: 'Too large', status: 413, code: 'payload_too_large' }),
    );
    const other = await createClient({ baseUrl: payload.url })
      .request(createThing, { body: { name: 'x' } })
      .catch((e: unknown) => e);
    assert.ok(other instanceof NassijApiError);
    assert.equal(other instanceof NassijValidationError, false, 'not a refusal the client makes');
  });

  test("a request that breaks its route's schemas is refused before sending, unless validate is off", async () => {
    const server = await peer((_request, response) => sendJson(response, 201, thing));
    const client = createClient({ baseUrl: server.url });
    const error = await client
      .request(createThing, { body: { name: 42 } as unknown as { name: string } })
      .catch((e: unknown) => e);
    assert.ok(error instanceof NassijValidationError);
    assert.equal(error.code, 'validation_failed');
    assert.equal(error.status, undefined);
    assert.deepEqual(
      error.fieldErrors.map((f) => [f.path, f.in, f.code]),
      [['/name', 'body', 'invalid_type']],
    );
    assert.equal(server.received.length, 0);
    await client.request(createThing, { body: { name: 42 } as unknown as { name: string }, validate: false });
    assert.equal(server.received.length, 1, 'validate: false sends it as it is');
    const base = createBaseClient({ baseUrl: server.url });
    await base.request(createThing, { body: { name: 42 } as unknown as { name: string } });
    assert.equal(server.received.length, 2, 'a base client leaves the check to the server');
  });

  test('an HTML error page from a proxy still gives a typed error from its status', async () => {
    const server = await peer((request, response) => {
      response.writeHead(request.url?.includes('broken') ? 500 : 502, {
        'content-type': 'text/html',
        'x-request-id': 'px-1',
      });
      response.end('<html><body>Bad gateway</body></html>');
    });
    const client = createClient({ baseUrl: server.url, retry: { limit: 0 } });
    const gateway = await client.request(getThing, { params: { thingId: 'x' } }).catch((e: unknown) => e);
    assert.ok(gateway instanceof NassijApiError);
    assert.equal(gateway.status, 502);
    assert.equal(gateway.code, 'unavailable');
    assert.equal(gateway.requestId, 'px-1');
    assert.equal(gateway.retryable, true);
    const internal = await client
      .request(getThing, { params: { thingId: 'broken' } })
      .catch((e: unknown) => e);
    assert.ok(internal instanceof NassijApiError);
    assert.equal(internal.code, 'internal');
  });

  test('a response that breaks the schema throws NassijResponseValidationError, unless validate is off', async () => {
    const server = await peer((_request, response) =>
      sendJson(response, 200, { status: 'broken', version: 3 }),
    );
    const client = createClient({ baseUrl: server.url });
    const error = await client.request(health).catch((e: unknown) => e);
    assert.ok(error instanceof NassijResponseValidationError);
    assert.equal(error.code, 'invalid_response');
    assert.deepEqual(
      error.fieldErrors.map((field) => field.path),
      ['/status', '/version'],
    );
    const raw = await client.request(health, { validate: false });
    assert.deepEqual(raw, { status: 'broken', version: 3 });
  });
});

describe('retries', () => {
  test('a write failing twice is retried with the same Idempotency-Key, honouring Retry-After', async () => {
    const server = await peer((_request, response, index) => {
      if (index === 0)
        sendJson(
          response,
          503,
          { type: 't', title: 'Down', status: 503, code: 'unavailable' },
          { 'retry-after': '0' },
        );
      else if (index === 1) {
        response.writeHead(429, { 'retry-after': new Date(Date.now() - 1000).toUTCString() });
        response.end();
      } else sendJson(response, 201, thing);
    });
    const client = createClient({ baseUrl: server.url, retry: fast });
    const created = await client.request(createThing, { body: { name: 'Thing' } });
    assert.deepEqual(created, thing);
    assert.equal(server.received.length, 3);
    const keys = new Set(server.received.map((request) => request.headers['idempotency-key']));
    assert.equal(keys.size, 1, 'one key for all attempts');
    assert.match(String([...keys][0]), /^[0-9a-f-]{36}$/);
    assert.deepEqual(
      server.received.map((request) => request.body.toString()),
      ['{"name":"Thing"}', '{"name":"Thing"}', '{"name":"Thing"}'],
    );
  });

  test('a caller-provided idempotency key is used as is', async () => {
    const server = await peer((_request, response) => sendJson(response, 201, thing));
    const client = createClient({ baseUrl: server.url });
    await client.request(createThing, { body: { name: 'Thing' }, idempotencyKey: 'outbox-7' });
    assert.equal(server.received[0]?.headers['idempotency-key'], 'outbox-7');
  });

  test('a keyed write whose key is still held (409 with Retry-After) waits and is sent again with it', async () => {
    const server = await peer((_request, response, index) => {
      if (index === 0)
        sendJson(
          response,
          409,
          { type: 't', title: 'In progress', status: 409, code: 'conflict' },
          { 'retry-after': '0' },
        );
      else sendJson(response, 201, thing);
    });
    const client = createClient({ baseUrl: server.url, retry: fast });
    assert.deepEqual(await client.request(createThing, { body: { name: 'Thing' } }), thing);
    assert.equal(server.received.length, 2);
    assert.equal(new Set(server.received.map((request) => request.headers['idempotency-key'])).size, 1);
  });

  test('any other 409 is an answer: not sent again', async () => {
    const server = await peer((_request, response) =>
      sendJson(response, 409, { type: 't', title: 'Already', status: 409, code: 'conflict' }),
    );
    const client = createClient({ baseUrl: server.url, retry: fast });
    const error = await client.request(createThing, { body: { name: 'Thing' } }).catch((e: unknown) => e);
    assert.ok(error instanceof NassijApiError && error.status === 409, String(error));
    assert.equal(server.received.length, 1);
  });

  test('gives up after the limit with the last error', async () => {
    const server = await peer((_request, response) =>
      sendJson(
        response,
        429,
        { type: 't', title: 'Slow down', status: 429, code: 'rate_limited' },
        { 'retry-after': '0' },
      ),
    );
    const client = createClient({ baseUrl: server.url, retry: { ...fast, limit: 2 } });
    const error = await client.request(getThing, { params: { thingId: 'x' } }).catch((e: unknown) => e);
    assert.ok(error instanceof NassijApiError);
    assert.equal(error.code, 'rate_limited');
    assert.equal(error.retryAfterMs, 0);
    assert.equal(server.received.length, 3);
  });

  test('an unreachable server gives NassijNetworkError after retrying', async () => {
    const server = await startPeer(() => undefined);
    const url = server.url;
    await server.close();
    const client = createClient({ baseUrl: url, retry: { ...fast, limit: 1 } });
    const error = await client.request(getThing, { params: { thingId: 'x' } }).catch((e: unknown) => e);
    assert.ok(error instanceof NassijNetworkError);
    assert.equal(error.code, 'network_error');
    assert.equal(error.retryable, true);
  });
});

describe('senders', () => {
  test("a sender is ky's fetch: retried with the same key, inside the hooks", async () => {
    const server = await peer((_request, response) => sendJson(response, 201, thing));
    const attempts: { key: string | null; body: string }[] = [];
    const sender: Sender = async ({ url, method, headers, body, signal }) => {
      attempts.push({ key: headers.get('idempotency-key'), body: await new Response(body).text() });
      if (attempts.length === 1) throw new TypeError('connection reset');
      return fetch(url, { method, headers, body: body ?? null, signal });
    };
    let hooked = 0;
    const client = createClient({
      baseUrl: server.url,
      retry: fast,
      hooks: {
        beforeRequest: () => {
          hooked++;
          return undefined;
        },
      },
    });
    const created = await client.transport.send(
      createThing,
      { body: { name: 'Thing' } },
      { make: () => '{"name":"Thing"}', contentType: 'application/json' },
      sender,
    );
    assert.deepEqual(created, thing);
    assert.equal(attempts.length, 2);
    assert.equal(hooked, 2, 'the hooks ran around each attempt');
    assert.ok(attempts[0]?.key);
    assert.equal(attempts[1]?.key, attempts[0]?.key);
    assert.deepEqual(
      attempts.map((a) => a.body),
      ['{"name":"Thing"}', '{"name":"Thing"}'],
    );
  });
});

describe('abort and timeout', () => {
  test('aborting during the wait before a retry ends the call at once', async () => {
    const server = await peer((_request, response) =>
      sendJson(
        response,
        503,
        { type: 't', title: 'Down', status: 503, code: 'unavailable' },
        { 'retry-after': '30' },
      ),
    );
    const client = createClient({ baseUrl: server.url });
    const controller = new AbortController();
    const started = Date.now();
    const pending = client
      .request(getThing, { params: { thingId: 'x' }, signal: controller.signal })
      .catch((e: unknown) => e);
    setTimeout(() => controller.abort(), 100);
    const error = await pending;
    assert.ok(error instanceof NassijAbortError);
    assert.ok(Date.now() - started < 5_000, 'did not wait out Retry-After');
    assert.equal(server.received.length, 1);
  });

  test('the time budget covers the waits between attempts', async () => {
    const server = await peer((_request, response) =>
      sendJson(
        response,
        429,
        { type: 't', title: 'Slow down', status: 429, code: 'rate_limited' },
        { 'retry-after': '30' },
      ),
    );
    const client = createClient({ baseUrl: server.url, timeout: 200 });
    const started = Date.now();
    const error = await client.request(getThing, { params: { thingId: 'x' } }).catch((e: unknown) => e);
    assert.ok(error instanceof NassijTimeoutError);
    assert.ok(Date.now() - started < 5_000);
    assert.equal(server.received.length, 1);
  });

  test('aborting rejects with NassijAbortError and is never retried', async () => {
    const controller = new AbortController();
    const server = await peer(() => controller.abort()); // never answers
    const client = createClient({ baseUrl: server.url, retry: fast });
    const error = await client
      .request(createThing, { body: { name: 'x' }, signal: controller.signal })
      .catch((e: unknown) => e);
    assert.ok(error instanceof NassijAbortError);
    assert.equal(error.code, 'aborted');
    assert.equal(server.received.length, 1);
  });

  test('an already aborted signal sends nothing', async () => {
    const server = await peer((_request, response) => sendJson(response, 200, thing));
    const client = createClient({ baseUrl: server.url });
    const error = await client
      .request(getThing, { params: { thingId: 'x' }, signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    assert.ok(error instanceof NassijAbortError);
    assert.equal(server.received.length, 0);
  });

  test('running out of time rejects with NassijTimeoutError', async () => {
    const server = await peer(() => undefined); // never answers
    const client = createClient({ baseUrl: server.url, timeout: 50 });
    const error = await client.request(getThing, { params: { thingId: 'x' } }).catch((e: unknown) => e);
    assert.ok(error instanceof NassijTimeoutError);
    assert.equal(error.code, 'timeout');
  });
});

describe('ETag cache and If-Match', () => {
  test('a 304 is answered from the cache, per reader', async () => {
    const server = await peer((request, response) => {
      if (request.headers['if-none-match'] === '"v1"') {
        response.writeHead(304, { etag: '"v1"' });
        response.end();
      } else sendJson(response, 200, thing, { etag: '"v1"' });
    });
    let token = 'reader_a_token';
    const client = createClient({ baseUrl: server.url, getToken: () => token });
    const first = await client.request(getThing, { params: { thingId: 'thing_1' } });
    first.name = 'changed by the caller';
    const second = await client.request(getThing, { params: { thingId: 'thing_1' } });
    assert.deepEqual(second, thing, 'served from the cache, untouched by the caller');
    assert.equal(server.received[1]?.headers['if-none-match'], '"v1"');
    token = 'reader_b_token';
    await client.request(getThing, { params: { thingId: 'thing_1' } });
    assert.equal(
      server.received[2]?.headers['if-none-match'],
      undefined,
      'another reader has no cached copy',
    );
  });

  test('cache: false never sends If-None-Match', async () => {
    const server = await peer((_request, response) => sendJson(response, 200, thing, { etag: '"v1"' }));
    const client = createClient({ baseUrl: server.url, cache: false });
    await client.request(getThing, { params: { thingId: 'thing_1' } });
    await client.request(getThing, { params: { thingId: 'thing_1' } });
    assert.equal(server.received[1]?.headers['if-none-match'], undefined);
  });

  test('a 412 on a write with If-Match gives NassijConflictError with the current version', async () => {
    const current = { ...thing, name: 'Changed elsewhere', version: 2 };
    const server = await peer((_request, response) =>
      sendJson(response, 412, {
        type: 'https://nassij.ma/problems/precondition_failed',
        title: 'Changed since read',
        status: 412,
        code: 'precondition_failed',
        current,
      }),
    );
    const client = createClient({ baseUrl: server.url });
    const error = await client
      .request(updateThing, { params: { thingId: 'thing_1' }, body: { name: 'Mine' }, ifMatch: '"v1"' })
      .catch((e: unknown) => e);
    assert.equal(server.received[0]?.headers['if-match'], '"v1"');
    assert.ok(error instanceof NassijConflictError);
    assert.equal(error.code, 'precondition_failed');
    assert.deepEqual(error.current, current);
    assert.equal(server.received.length, 1, '412 is not retried');
  });
});
