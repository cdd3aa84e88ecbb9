import assert from 'node:assert/strict';
import { Agent, request as httpRequest } from 'node:http';
import { after, before, test } from 'node:test';
import { route } from '@nassij/contract';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { tempServer } from '../testing.js';
import { MAX_JSON_BYTES } from './app.js';
import { requestIds } from './request-id.js';

const Note = z.strictObject({ text: z.string() });
const createNote = route({
  id: 'test.note',
  method: 'POST',
  path: '/v1/test/notes',
  tag: 'test',
  summary: 'Create a note',
  auth: 'public',
  body: Note,
  errors: [],
  response: { status: 201, schema: z.strictObject({ length: z.number() }), description: 'Its length' },
});

let server: Awaited<ReturnType<typeof tempServer>>;
before(async () => {
  server = await tempServer({
    areas: [],
    seed: 'none',
    rateLimit: false,
    extend: (app) => {
      app.bind(createNote, ({ body }) => ({ status: 201, body: { length: body.text.length } }));
    },
  });
});
after(async () => {
  await server.stop();
});

/** A JSON body sent in chunks, without Content-Length. */
function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(JSON.stringify({ text }));
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + 64 * 1024));
      offset += 64 * 1024;
    },
  });
}

const postChunked = (text: string) =>
  fetch(`${server.url}/v1/test/notes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: chunked(text),
    duplex: 'half',
  } as RequestInit);

test('a chunked body is read up to the limit and refused past it as 413 problem+json', async () => {
  const fits = await postChunked('x'.repeat(200_000));
  assert.equal(fits.status, 201);
  assert.deepEqual(await fits.json(), { length: 200_000 });

  const tooLarge = await postChunked('x'.repeat(MAX_JSON_BYTES));
  assert.equal(tooLarge.status, 413);
  assert.equal(tooLarge.headers.get('content-type'), 'application/problem+json; charset=utf-8');
  const problem = (await tooLarge.json()) as { code: string; requestId: string };
  assert.equal(problem.code, 'payload_too_large');
  assert.equal(problem.requestId, tooLarge.headers.get('x-request-id'));
});

test('a declared length past the limit is refused unread, and the connection serves the next request', async () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const post = (text: string) =>
    new Promise<{ status: number; body: string; socket: unknown }>((resolve, reject) => {
      const body = JSON.stringify({ text });
      const sent = httpRequest(
        `${server.url}/v1/test/notes`,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          let answer = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            answer += chunk;
          });
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: answer, socket: sent.socket }),
          );
        },
      );
      sent.on('error', reject);
      sent.end(body);
    });
  try {
    const refused = await post('x'.repeat(MAX_JSON_BYTES + 1));
    assert.equal(refused.status, 413);
    assert.equal((JSON.parse(refused.body) as { code: string }).code, 'payload_too_large');
    const next = await post('after');
    assert.equal(next.status, 201);
    assert.deepEqual(JSON.parse(next.body), { length: 5 });
    // The same connection, kept alive.
    assert.equal(next.socket, refused.socket);
  } finally {
    agent.destroy();
  }
});

test('a request id of 8 to 128 letters, digits and . _ : - is kept; others are replaced', async () => {
  const app = new Hono<{ Variables: { requestId: string } }>();
  app.use('*', requestIds());
  // A handler's own Response, and an error, carry the header too.
  app.get('/raw', (c) => new Response(c.get('requestId')));
  app.get('/broken', () => {
    throw new Error('broken');
  });
  app.onError((_error, c) => new Response(c.get('requestId'), { status: 500 }));
  const idOf = async (path: string, sent?: string) => {
    const answer = await app.request(path, { headers: sent === undefined ? {} : { 'x-request-id': sent } });
    const header = answer.headers.get('x-request-id');
    assert.equal(await answer.text(), header, 'the handler sees the id of the header');
    return header ?? '';
  };
  for (const kept of ['client-req-12345', '00-4bf92f35.b7ad:01', 'a'.repeat(128)])
    assert.equal(await idOf('/raw', kept), kept);
  for (const replaced of [undefined, 'short', 'has=equals-sign', 'a'.repeat(129), 'bad id <script>'])
    assert.match(await idOf('/raw', replaced), /^req_[0-9a-f-]{36}$/, String(replaced));
  assert.equal(await idOf('/broken', 'client-req-12345'), 'client-req-12345');
});
