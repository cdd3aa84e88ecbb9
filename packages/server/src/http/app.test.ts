import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { route } from '@nassij/contract';
import * as z from 'zod/mini';
import { DEMO_ACCOUNTS } from '../seed/demo.js';
import { signInAs, tempServer } from '../testing.js';
import { problem } from './problem.js';

const Thing = z.strictObject({ id: z.string(), name: z.string().check(z.minLength(1)) });
const CreateThing = z.strictObject({ name: z.string().check(z.minLength(1), z.maxLength(2_000_000)) });

const createThing = route({
  id: 'test.create',
  method: 'POST',
  path: '/v1/test/things',
  tag: 'test',
  summary: 'Create a thing',
  auth: 'public',
  body: CreateThing,
  errors: [],
  response: { status: 201, schema: Thing, description: 'The thing' },
});
const getThing = route({
  id: 'test.get',
  method: 'GET',
  path: '/v1/test/things/{thingId}',
  tag: 'test',
  summary: 'Read a thing',
  auth: 'public',
  params: z.strictObject({ thingId: z.string().check(z.regex(/^t_[0-9]+$/)) }),
  query: z.strictObject({ lang: z.optional(z.enum(['ar', 'fr'])) }),
  errors: ['not_found'],
  response: { status: 200, schema: Thing, description: 'The thing' },
});
const bigThing = route({
  id: 'test.big',
  method: 'GET',
  path: '/v1/test/big',
  tag: 'test',
  summary: 'A large read',
  auth: 'public',
  errors: [],
  response: { status: 200, schema: Thing, description: 'A thing with a long name' },
});
const adminOnly = route({
  id: 'test.admin',
  method: 'GET',
  path: '/v1/test/admin',
  tag: 'test',
  summary: 'Admins only',
  auth: 'required',
  roles: ['admin'],
  errors: ['forbidden'],
  response: { status: 200, schema: z.strictObject({ ok: z.boolean() }), description: 'ok' },
});
const broken = route({
  id: 'test.broken',
  method: 'GET',
  path: '/v1/test/broken',
  tag: 'test',
  summary: 'Throws',
  auth: 'public',
  errors: [],
  response: { status: 200, schema: Thing, description: 'never' },
});
const badShape = route({
  id: 'test.badShape',
  method: 'GET',
  path: '/v1/test/bad-shape',
  tag: 'test',
  summary: 'Answers off-schema',
  auth: 'public',
  errors: [],
  response: { status: 200, schema: Thing, description: 'never' },
});
const upload = route({
  id: 'test.upload',
  method: 'POST',
  path: '/v1/test/upload',
  tag: 'test',
  summary: 'Upload',
  auth: 'public',
  bodyKind: 'multipart',
  body: z.strictObject({ title: z.string() }),
  errors: [],
  response: {
    status: 201,
    schema: z.strictObject({ title: z.string(), size: z.number() }),
    description: 'ok',
  },
});

const slow = route({
  id: 'test.slow',
  method: 'POST',
  path: '/v1/test/slow',
  tag: 'test',
  summary: 'Waits for the test',
  auth: 'public',
  body: CreateThing,
  errors: [],
  response: { status: 201, schema: Thing, description: 'The thing' },
});

let release: () => void = () => undefined;
let created = 0;
let server: Awaited<ReturnType<typeof tempServer>>;
let limited: Awaited<ReturnType<typeof tempServer>>;
before(async () => {
  server = await tempServer({
    areas: [],
    validateResponses: true,
    rateLimit: false,
    corsOrigins: ['https://region.example'],
    extend: (app) => {
      app.bind(bigThing, () => ({ body: { id: 't_big', name: 'شيء كبير '.repeat(500) } }));
      app.bind(createThing, ({ body }) => {
        created += 1;
        return { status: 201, body: { id: `t_${created}`, name: body.name } };
      });
      app.bind(getThing, ({ params, query }) => {
        if (params.thingId === 't_404') throw problem('not_found');
        return { body: { id: params.thingId, name: query.lang === 'fr' ? 'Chose' : 'شيء' } };
      });
      // It awaits more than the database and says so: it runs outside the write lock.
      app.bind(
        slow,
        async ({ body }) => {
          await new Promise<void>((resolve) => {
            release = resolve;
          });
          return { status: 201, body: { id: 't_slow', name: body.name } };
        },
        { awaitsIo: true },
      );
      app.bind(adminOnly, () => ({ body: { ok: true } }));
      app.bind(broken, () => {
        throw new Error('secret internals at /srv/app.ts');
      });
      app.bind(badShape, () => ({ body: { id: 1 } as never }));
      app.bind(
        upload,
        ({ body, files }) => ({ status: 201, body: { title: body.title, size: files.file?.size ?? -1 } }),
        {
          maxBodyBytes: 1000,
        },
      );
    },
  });
  limited = await tempServer({ areas: [], seed: 'none', rateLimit: { capacity: 2, refillPerSecond: 0.1 } });
});
after(async () => {
  await server.stop();
  await limited.stop();
});

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

test('an unknown body field is 422 validation_failed naming it', async () => {
  const response = await post('/v1/test/things', JSON.stringify({ name: 'x', colour: 'red' }));
  assert.equal(response.status, 422);
  assert.equal(response.headers.get('content-type'), 'application/problem+json; charset=utf-8');
  const body = (await response.json()) as {
    code: string;
    errors: { code: string; path: string; in: string }[];
  };
  assert.equal(body.code, 'validation_failed');
  assert.deepEqual(body.errors[0], {
    path: '/colour',
    in: 'body',
    code: 'unknown_field',
    message: 'Unknown field "colour"',
  });
});

test('a text holding the NUL character is 422 naming the field, on every database', async () => {
  const response = await post('/v1/test/things', JSON.stringify({ name: 'a\u0000b' }));
  assert.equal(response.status, 422);
  const body = (await response.json()) as { errors: { code: string; path: string; in: string }[] };
  assert.deepEqual(
    body.errors.map((error) => [error.path, error.in, error.code]),
    [['/name', 'body', 'invalid_format']],
  );
});

test('malformed JSON is 400, a wrong content type 415, a body past 1 MB 413', async () => {
  const malformed = await post('/v1/test/things', '{"name": ');
  assert.equal(malformed.status, 400);
  assert.equal(((await malformed.json()) as { code: string }).code, 'bad_request');

  const wrongType = await post('/v1/test/things', 'name=x', { 'content-type': 'text/plain' });
  assert.equal(wrongType.status, 415);
  assert.equal(((await wrongType.json()) as { code: string }).code, 'unsupported_media_type');

  const tooLarge = await post('/v1/test/things', JSON.stringify({ name: 'x'.repeat(1_100_000) }));
  assert.equal(tooLarge.status, 413);
  assert.equal(((await tooLarge.json()) as { code: string }).code, 'payload_too_large');
});

test('multipart bodies give fields and files, and respect the route limit', async () => {
  const form = new FormData();
  form.set('title', 'Statuts');
  form.set('file', new Blob(['%PDF-1.7 tiny'], { type: 'application/pdf' }), 'statuts.pdf');
  const ok = await fetch(`${server.url}/v1/test/upload`, { method: 'POST', body: form });
  assert.equal(ok.status, 201);
  assert.deepEqual(await ok.json(), { title: 'Statuts', size: 13 });

  const big = new FormData();
  big.set('title', 'Big');
  big.set('file', new Blob(['x'.repeat(5000)]), 'big.bin');
  const refused = await fetch(`${server.url}/v1/test/upload`, { method: 'POST', body: big });
  assert.equal(refused.status, 413);
});

test('path params and query are validated; reads carry a strong ETag and answer 304', async () => {
  const badParam = await fetch(`${server.url}/v1/test/things/nope`);
  assert.equal(badParam.status, 422);
  assert.equal(((await badParam.json()) as { errors: { in: string }[] }).errors[0]?.in, 'path');

  const badQuery = await fetch(`${server.url}/v1/test/things/t_1?lnag=fr`);
  assert.equal(badQuery.status, 422);
  assert.equal(
    ((await badQuery.json()) as { errors: { code: string; path: string }[] }).errors[0]?.path,
    '/lnag',
  );

  const first = await fetch(`${server.url}/v1/test/things/t_1?lang=fr`);
  assert.equal(first.status, 200);
  assert.deepEqual(await first.json(), { id: 't_1', name: 'Chose' });
  const etag = first.headers.get('etag');
  assert.match(etag ?? '', /^"[A-Za-z0-9_-]{43}"$/);
  assert.equal(first.headers.get('cache-control'), 'public, no-cache');

  const again = await fetch(`${server.url}/v1/test/things/t_1?lang=fr`, {
    headers: { 'if-none-match': etag ?? '' },
  });
  assert.equal(again.status, 304);
  assert.equal(await again.text(), '');
  const other = await fetch(`${server.url}/v1/test/things/t_1?lang=ar`, {
    headers: { 'if-none-match': etag ?? '' },
  });
  assert.equal(other.status, 200);

  const missing = await fetch(`${server.url}/v1/test/things/t_404`);
  assert.equal(missing.status, 404);
});

test('Idempotency-Key replays the same response; another body with the same key is 422', async () => {
  const key = 'key-0001-abcdef';
  const first = await post('/v1/test/things', JSON.stringify({ name: 'one' }), { 'idempotency-key': key });
  assert.equal(first.status, 201);
  const firstBody = await first.json();
  assert.equal(first.headers.get('idempotent-replayed'), null);

  const replay = await post('/v1/test/things', JSON.stringify({ name: 'one' }), { 'idempotency-key': key });
  assert.equal(replay.status, 201);
  assert.equal(replay.headers.get('idempotent-replayed'), 'true');
  assert.deepEqual(await replay.json(), firstBody);

  const reused = await post('/v1/test/things', JSON.stringify({ name: 'two' }), { 'idempotency-key': key });
  assert.equal(reused.status, 422);
  assert.equal(((await reused.json()) as { code: string }).code, 'idempotency_key_reused');

  const count = created;
  await post('/v1/test/things', JSON.stringify({ name: 'one' }), { 'idempotency-key': key });
  assert.equal(created, count, 'a replay does not run the handler');
});

test('the same Idempotency-Key while the first request runs is 409 conflict', async () => {
  const headers = { 'idempotency-key': 'key-slow-0001' };
  const first = post('/v1/test/slow', JSON.stringify({ name: 'slow' }), headers);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const second = await post('/v1/test/slow', JSON.stringify({ name: 'slow' }), headers);
  assert.equal(second.status, 409);
  assert.equal(((await second.json()) as { code: string }).code, 'conflict');
  release();
  assert.equal((await first).status, 201);
});

test('auth: no token 401, a token without the role 403, the role 200', async () => {
  const anonymous = await fetch(`${server.url}/v1/test/admin`);
  assert.equal(anonymous.status, 401);
  assert.equal(anonymous.headers.get('www-authenticate'), 'Bearer');

  const citizen = await signInAs(server.url, DEMO_ACCOUNTS.citizen.email, DEMO_ACCOUNTS.citizen.password);
  const forbidden = await fetch(`${server.url}/v1/test/admin`, {
    headers: { authorization: `Bearer ${citizen}` },
  });
  assert.equal(forbidden.status, 403);
  assert.equal(((await forbidden.json()) as { code: string }).code, 'forbidden');

  const admin = await signInAs(server.url, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
  const allowed = await fetch(`${server.url}/v1/test/admin`, {
    headers: { authorization: `Bearer ${admin}` },
  });
  assert.equal(allowed.status, 200);
  assert.equal(allowed.headers.get('cache-control'), 'private, no-store');
});

test('writes past the rate limit are 429 with Retry-After', async () => {
  const attempt = () =>
    fetch(`${limited.url}/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.ma', password: 'x' }),
    });
  assert.equal((await attempt()).status, 401);
  assert.equal((await attempt()).status, 401);
  const third = await attempt();
  assert.equal(third.status, 429);
  assert.equal(third.headers.get('retry-after'), '10');
  const body = (await third.json()) as { code: string; retryAfterSeconds: number };
  assert.equal(body.code, 'rate_limited');
  assert.equal(body.retryAfterSeconds, 10);
  assert.equal((await fetch(`${limited.url}/healthz`)).status, 200, 'reads are not limited');
});

test('unknown routes are 404 and wrong methods 405, as problem+json', async () => {
  const unknown = await fetch(`${server.url}/v1/nothing-here`);
  assert.equal(unknown.status, 404);
  assert.equal(unknown.headers.get('content-type'), 'application/problem+json; charset=utf-8');
  assert.equal(((await unknown.json()) as { code: string }).code, 'not_found');

  const wrongMethod = await fetch(`${server.url}/v1/test/things/t_1`, { method: 'DELETE' });
  assert.equal(wrongMethod.status, 405);
  assert.equal(wrongMethod.headers.get('allow'), 'GET');
});

test('the request id is echoed when well formed and generated otherwise', async () => {
  const echoed = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'client-req-12345' } });
  assert.equal(echoed.headers.get('x-request-id'), 'client-req-12345');
  const replaced = await fetch(`${server.url}/v1/nothing`, {
    headers: { 'x-request-id': 'bad id <script>' },
  });
  const generated = replaced.headers.get('x-request-id') ?? '';
  assert.match(generated, /^req_[0-9a-f-]{36}$/);
  assert.equal(((await replaced.json()) as { requestId: string }).requestId, generated);
});

test('a handler that throws is 500 internal without a stack; an off-schema response too', async () => {
  const response = await fetch(`${server.url}/v1/test/broken`);
  assert.equal(response.status, 500);
  const text = await response.text();
  const body = JSON.parse(text) as { code: string; requestId: string };
  assert.equal(body.code, 'internal');
  assert.doesNotMatch(text, /secret internals|\/srv\/app\.ts|at /);
  assert.equal(body.requestId, response.headers.get('x-request-id'));

  const offSchema = await fetch(`${server.url}/v1/test/bad-shape`);
  assert.equal(offSchema.status, 500);
  assert.equal(((await offSchema.json()) as { code: string }).code, 'internal');
});

test('CORS: any origin may read and write with a bearer token, and no answer depends on the origin', async () => {
  for (const origin of ['https://region.example', 'https://commune-unknown.example']) {
    const preflight = await fetch(`${server.url}/v1/test/things`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, idempotency-key',
      },
    });
    assert.equal(preflight.status, 204, origin);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    assert.equal(preflight.headers.get('access-control-allow-credentials'), null);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /PATCH/);

    const read = await fetch(`${server.url}/healthz`, { headers: { origin } });
    assert.equal(read.headers.get('access-control-allow-origin'), '*');
    assert.match(read.headers.get('access-control-expose-headers') ?? '', /ETag,X-Request-Id,Retry-After/);
    assert.doesNotMatch(read.headers.get('vary') ?? '', /origin/i);

    const write = await fetch(`${server.url}/v1/test/things`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'from another site' }),
    });
    assert.equal(write.status, 201);
    assert.equal(write.headers.get('access-control-allow-origin'), '*');
  }
});

test('answers are compressed with brotli or gzip as the client accepts, keeping their strong ETag', async () => {
  const big = await fetch(`${server.url}/v1/test/big`, { headers: { 'accept-encoding': 'br' } });
  assert.equal(big.headers.get('content-encoding'), 'br');
  assert.match(big.headers.get('vary') ?? '', /Accept-Encoding/);
  // The tag names the resource state, whatever the encoding: an autosave's If-Match compares strongly.
  assert.match(big.headers.get('etag') ?? '', /^"[A-Za-z0-9_-]{43}"$/);
  const thing = (await big.json()) as { name: string };
  assert.ok(thing.name.startsWith('شيء كبير'));
  const gzip = await fetch(`${server.url}/v1/test/big`, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(gzip.headers.get('content-encoding'), 'gzip');
  assert.equal(((await gzip.json()) as { name: string }).name, thing.name);
  const plain = await fetch(`${server.url}/v1/test/big`, { headers: { 'accept-encoding': 'identity' } });
  assert.equal(plain.headers.get('content-encoding'), null);
  assert.equal(plain.headers.get('etag'), big.headers.get('etag'));
  // Small answers are not worth it.
  const tiny = await fetch(`${server.url}/healthz`, { headers: { 'accept-encoding': 'br, gzip' } });
  assert.equal(tiny.headers.get('content-encoding'), null);
  // The ETag of a compressed read matches If-None-Match.
  const again = await fetch(`${server.url}/v1/test/big`, {
    headers: { 'accept-encoding': 'br', 'if-none-match': big.headers.get('etag') ?? '' },
  });
  assert.equal(again.status, 304);
});
