// Pagination and every error class, produced by the real reference server (or a real socket for the
// network failures), never by a mock.
import assert from 'node:assert/strict';
import { createServer, type Server as NetServer, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { getApplication, updateApplication } from '@nassij/contract';
import { DEMO_ACCOUNTS } from '@nassij/server';
import { demoFixtures as F, signInAs, tempServer } from '@nassij/server/testing';
import { createClient } from '../client.js';
import {
  isConflictError,
  NassijAbortError,
  NassijApiError,
  NassijConflictError,
  NassijNetworkError,
  NassijTimeoutError,
  NassijValidationError,
} from '../errors.js';
import type { CallsArea } from '../index.js';

type Server = Awaited<ReturnType<typeof tempServer>>;
let server: Server;
before(async () => {
  server = await tempServer({ rateLimit: false });
});
after(() => server.stop());

/**
 * The opaque tag of an ETag, for weak comparison (RFC 9110 §8.8.3.2): the server weakens the ETag of an
 * answer it compresses (`W/"…"`), so the same representation may come strong in a small answer and weak
 * in a large one.
 */
const opaque = (etag: string | undefined) => etag?.replace(/^W\//, '');

/** A TCP listener that accepts connections and never answers: a server that hangs. */
async function silentListener(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const listener: NetServer = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((ok) => listener.listen(0, '127.0.0.1', ok));
  const address = listener.address();
  assert.ok(address && typeof address === 'object');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((ok) => {
        for (const socket of sockets) socket.destroy();
        listener.close(() => ok());
      }),
  };
}

/** A port that was free a moment ago and has nothing listening now. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
  const address = probe.address();
  assert.ok(address && typeof address === 'object');
  await new Promise((ok) => probe.close(ok));
  return address.port;
}

describe('pagination over the 43 seeded calls', () => {
  test('for await over calls.iterate({ limit: 5 }) yields every call exactly once', async () => {
    let requests = 0;
    const client = createClient({
      baseUrl: server.url,
      hooks: {
        beforeRequest: () => {
          requests++;
          return undefined;
        },
      },
    });
    const single = await client.calls.search({ limit: 100 });
    assert.equal(single.items.length, 43);
    requests = 0;
    const seen: string[] = [];
    for await (const call of client.calls.iterate({ limit: 5 })) seen.push(call.id);
    assert.equal(requests, 9, '43 calls in pages of 5');
    assert.equal(new Set(seen).size, seen.length, 'no call twice');
    assert.deepEqual([...seen].sort(), single.items.map((call) => call.id).sort());
  });

  test('collect({ limit }) gathers up to limit items across pages and fetches no page beyond them', async () => {
    let requests = 0;
    const client = createClient({
      baseUrl: server.url,
      hooks: {
        beforeRequest: () => {
          requests++;
          return undefined;
        },
      },
    });
    const all: string[] = [];
    for await (const call of client.calls.iterate({ limit: 5 })) all.push(call.id);
    requests = 0;

    const twelve = await client.calls.iterate({ limit: 5 }).collect({ limit: 12 });
    assert.deepEqual(
      twelve.map((call) => call.id),
      all.slice(0, 12),
      'the first 12, in order',
    );
    assert.equal(requests, 3, 'pages of 5: the third page holds items 11 and 12');

    requests = 0;
    const everything = await client.calls.iterate({ limit: 20 }).collect({ limit: 1000 });
    assert.equal(everything.length, 43, 'fewer items than the limit: every one');
    assert.equal(requests, 3);

    requests = 0;
    const bad = await client.calls
      .iterate()
      .collect({ limit: 0 })
      .catch((e: unknown) => e);
    assert.ok(bad instanceof NassijValidationError);
    assert.equal(bad.code, 'validation_failed');
    assert.equal(requests, 0, 'refused before any request');
  });

  test('breaking after 7 items makes exactly 2 requests', async () => {
    let requests = 0;
    const client = createClient({
      baseUrl: server.url,
      hooks: {
        beforeRequest: () => {
          requests++;
          return undefined;
        },
      },
    });
    const seen: string[] = [];
    for await (const call of client.calls.iterate({ limit: 5 })) {
      seen.push(call.id);
      if (seen.length === 7) break;
    }
    assert.equal(seen.length, 7);
    assert.equal(requests, 2);
  });
});

describe('error classes', () => {
  test('404 for a missing call is a NassijApiError with code not_found', async () => {
    const client = createClient({ baseUrl: server.url });
    const error = await client.calls.get(F.missing.call).catch((e: unknown) => e);
    assert.ok(error instanceof NassijApiError);
    assert.equal(error.status, 404);
    assert.equal(error.code, 'not_found');
    assert.equal(error instanceof NassijValidationError, false);
  });

  describe('the same refusal is one NassijValidationError, whether the client or the server refused', () => {
    /** The request as the SDK makes it (checked before sending), and the same one with the check off. */
    const refusals = async (call: (client: { calls: CallsArea }) => Promise<unknown>) => {
      let sent = 0;
      const hooks = {
        beforeRequest: () => {
          sent++;
          return undefined;
        },
      };
      const byClient = await call(createClient({ baseUrl: server.url, hooks })).catch((e: unknown) => e);
      const clientSent = sent;
      const byServer = await call(createClient({ baseUrl: server.url, hooks, validate: false })).catch(
        (e: unknown) => e,
      );
      assert.ok(byClient instanceof NassijValidationError, String(byClient));
      assert.ok(byServer instanceof NassijValidationError, String(byServer));
      assert.equal(clientSent, 0, 'the client sent nothing');
      assert.equal(byClient.status, undefined);
      assert.equal(byServer.status, 422);
      assert.equal(byClient.code, 'validation_failed');
      assert.equal(byServer.code, byClient.code);
      assert.deepEqual(byClient.fieldErrors, byServer.fieldErrors, 'the errors the server would send');
      return byClient.fieldErrors;
    };

    test('an unknown query field', async () => {
      const errors = await refusals((client) =>
        client.calls.search({ colour: 'blue' } as unknown as Parameters<CallsArea['search']>[0]),
      );
      assert.deepEqual(
        errors.map((f) => [f.path, f.in, f.code]),
        [['/colour', 'query', 'unknown_field']],
      );
    });

    test('values of the right type that break the schema, read as the server reads the URL', async () => {
      const errors = await refusals((client) =>
        client.calls.search({ q: 'x'.repeat(201), limit: 500, fiscalYear: [2026, 1999] }),
      );
      assert.deepEqual(
        errors.map((f) => [f.path, f.code]),
        [
          ['/q', 'too_long'],
          ['/fiscalYear/1', 'too_small'],
          ['/limit', 'too_big'],
        ],
      );
    });

    test('a region code that is not one of the 12 (cast past the type)', async () => {
      const errors = await refusals((client) => client.calls.search({ region: ['MA-13' as 'MA-12'] }));
      assert.deepEqual(
        errors.map((f) => [f.path, f.code, f.message]),
        [['/region/0', 'invalid_format', 'A Moroccan region code from MA-01 to MA-12']],
      );
    });
  });

  test('a write without If-Match is precondition_required from the client and from the server alike', async () => {
    const token = await signInAs(server.url, DEMO_ACCOUNTS.member.email, DEMO_ACCOUNTS.member.password);
    const client = createClient({ baseUrl: server.url, token });
    const draft = await client.applications.start({
      callId: F.calls.openForDrafts[1],
      associationId: F.associations.represented,
    });
    const byClient = await client.applications
      .update(draft.id, { projectTitle: 'x' }, { ifMatch: '' })
      .catch((e: unknown) => e);
    // A hook strips the header after the client's check, so the server sees the write without it.
    const stripping = createClient({
      baseUrl: server.url,
      token,
      hooks: {
        beforeRequest: (request) => {
          request.headers.delete('if-match');
          return undefined;
        },
      },
    });
    const byServer = await stripping.applications
      .update(draft.id, { projectTitle: 'x' }, { ifMatch: '"any"' })
      .catch((e: unknown) => e);
    assert.ok(byClient instanceof NassijValidationError);
    assert.ok(byServer instanceof NassijValidationError);
    assert.equal(byClient.code, 'precondition_required');
    assert.equal(byServer.code, 'precondition_required');
    assert.equal(byServer.status, 428);
  });

  test('a stale autosave ETag is a 412 NassijConflictError carrying current and etag', async () => {
    const token = await signInAs(server.url, DEMO_ACCOUNTS.member.email, DEMO_ACCOUNTS.member.password);
    const client = createClient({ baseUrl: server.url, token });
    const draft = await client.applications.start({
      callId: F.calls.openForDrafts[0],
      associationId: F.associations.represented,
    });
    const read = await client.applications.getWithEtag(draft.id);
    const saved = await client.applications.update(
      draft.id,
      { projectTitle: 'الأول' },
      { ifMatch: read.etag },
    );
    const error = await client.applications
      .update(draft.id, { projectTitle: 'قديم' }, { ifMatch: read.etag })
      .catch((e: unknown) => e);
    assert.ok(error instanceof NassijConflictError);
    assert.equal(error.status, 412);
    assert.equal(error.routeId, 'applications.update');
    assert.equal(isConflictError(error, getApplication), false, 'not from a call to that route');
    assert.ok(isConflictError(error, updateApplication));
    if (!client.applications.isConflict(error)) assert.fail('the conflict of an update');
    // Typed by the guard: an Application, checked against its schema (the client validates by default).
    assert.equal(error.current?.projectTitle, 'الأول');
    assert.equal(error.current?.id, draft.id);
    assert.equal(opaque(error.etag), opaque(saved.etag));
  });

  test('401 without a token and 403 for the wrong role', async () => {
    const anonymous = createClient({ baseUrl: server.url });
    const unauthenticated = await anonymous.auth.me().catch((e: unknown) => e);
    assert.ok(unauthenticated instanceof NassijApiError);
    assert.equal(unauthenticated.status, 401);
    assert.equal(unauthenticated.code, 'unauthenticated');

    const citizen = createClient({ baseUrl: server.url });
    await citizen.auth.signIn(DEMO_ACCOUNTS.citizen.email, DEMO_ACCOUNTS.citizen.password);
    const forbidden = await citizen.moderation.queue().catch((e: unknown) => e);
    assert.ok(forbidden instanceof NassijApiError);
    assert.equal(forbidden.status, 403);
    assert.equal(forbidden.code, 'forbidden');
  });

  test('a closed port is a NassijNetworkError after the retries', async () => {
    const port = await closedPort();
    const client = createClient({ baseUrl: `http://127.0.0.1:${port}`, retry: { limit: 1, baseDelayMs: 1 } });
    const error = await client.meta.health().catch((e: unknown) => e);
    assert.ok(error instanceof NassijNetworkError);
    assert.equal(error.retryable, true);
  });

  test('a server that never answers is a NassijTimeoutError', async () => {
    const hang = await silentListener();
    try {
      const client = createClient({ baseUrl: hang.url, timeout: 300 });
      const error = await client.meta.health().catch((e: unknown) => e);
      assert.ok(error instanceof NassijTimeoutError);
      assert.equal(error.code, 'timeout');
    } finally {
      await hang.close();
    }
  });

  test('aborting mid-request is a NassijAbortError', async () => {
    const hang = await silentListener();
    try {
      const client = createClient({ baseUrl: hang.url, timeout: 10_000 });
      const controller = new AbortController();
      const pending = client.calls.get('call_stub', { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      const error = await pending.catch((e: unknown) => e);
      assert.ok(error instanceof NassijAbortError);
      assert.equal(error.code, 'aborted');
    } finally {
      await hang.close();
    }
  });
});
