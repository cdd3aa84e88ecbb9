import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { accepts, COMPRESS_THRESHOLD, compressAnswers, noteAnswerText } from './compress.js';
import { etagOf } from './etag.js';

/** An app whose answers are noted JSON texts; `/same-digest/:n` notes different texts under one digest. */
function appWith(cacheBytes?: number) {
  const app = new Hono();
  app.use('*', compressAnswers({ threshold: COMPRESS_THRESHOLD, ...(cacheBytes ? { cacheBytes } : {}) }));
  const answer = (text: string, digest?: string) =>
    noteAnswerText(
      new Response(text, {
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': String(Buffer.byteLength(text)),
        },
      }),
      text,
      digest,
    );
  const textOf = (n: string) =>
    JSON.stringify({ n, items: Array.from({ length: 200 }, (_, i) => `item ${i}`) });
  app.get('/text/:n', (c) => answer(textOf(c.req.param('n'))));
  app.get('/same-digest/:n', (c) => answer(textOf(c.req.param('n')), '"one tag"'));
  app.post('/same-digest/:n', (c) => answer(textOf(c.req.param('n')), '"one tag"'));
  app.get('/tagged/:n', (c) => {
    const text = textOf(c.req.param('n'));
    return answer(text, etagOf(text));
  });
  return { app, textOf };
}

async function read(app: Hono, path: string, encoding: string, method = 'GET') {
  const response = await app.request(path, { method, headers: { 'accept-encoding': encoding } });
  const bytes = Buffer.from(await response.arrayBuffer());
  const coding = response.headers.get('content-encoding');
  const text = (
    coding === 'br' ? brotliDecompressSync(bytes) : coding === 'gzip' ? gunzipSync(bytes) : bytes
  ).toString('utf8');
  return { response, bytes, coding, text };
}

test('a noted answer is compressed in one go, with its length, as the client accepts', async () => {
  const { app, textOf } = appWith();
  const br = await read(app, '/text/1', 'gzip, br');
  assert.equal(br.coding, 'br');
  assert.equal(br.text, textOf('1'));
  assert.equal(br.response.headers.get('content-length'), String(br.bytes.byteLength));
  assert.ok(br.bytes.byteLength < Buffer.byteLength(textOf('1')));
  assert.equal(br.response.headers.get('vary'), 'Accept-Encoding');
  const gzip = await read(app, '/text/1', 'gzip');
  assert.equal(gzip.coding, 'gzip');
  assert.equal(gzip.text, textOf('1'));
  const plain = await read(app, '/text/1', 'identity');
  assert.equal(plain.coding, null);
  assert.equal(plain.text, textOf('1'));
});

test('reads are kept by the digest of their text: different texts never share bytes', async () => {
  const { app, textOf } = appWith();
  // Without a digest the text's own sha256 is the key, and with a tag computed from the text too.
  assert.equal((await read(app, '/text/1', 'br')).text, textOf('1'));
  assert.equal((await read(app, '/text/2', 'br')).text, textOf('2'));
  assert.equal((await read(app, '/tagged/1', 'br')).text, textOf('1'));
  assert.equal((await read(app, '/tagged/2', 'br')).text, textOf('2'));
  // The cache is there: a digest that names another text (which callers never give) finds the first bytes.
  assert.equal((await read(app, '/same-digest/1', 'br')).text, textOf('1'));
  assert.equal((await read(app, '/same-digest/2', 'br')).text, textOf('1'));
  // Only reads are kept.
  assert.equal((await read(app, '/same-digest/3', 'br', 'POST')).text, textOf('3'));
  // The coding is part of the key.
  assert.equal((await read(app, '/same-digest/4', 'gzip')).text, textOf('4'));
});

test('the least recently used bytes leave first once the cache is full', async () => {
  const { app, textOf } = appWith();
  const size = (await read(app, '/text/1', 'br')).bytes.byteLength;
  // Room for about eight answers of that size; each may take an eighth.
  const small = appWith(size * 8 + size / 2).app;
  await read(small, '/same-digest/1', 'br');
  for (let n = 0; n < 7; n++) await read(small, `/text/filler-${n}`, 'br');
  // Still there: it is read again, so it is now the most recent.
  assert.equal((await read(small, '/same-digest/2', 'br')).text, textOf('1'));
  for (let n = 7; n < 14; n++) await read(small, `/text/filler-${n}`, 'br');
  assert.equal((await read(small, '/same-digest/3', 'br')).text, textOf('1'));
  for (let n = 14; n < 30; n++) await read(small, `/text/filler-${n}`, 'br');
  // Gone: the next read compresses its own text.
  assert.equal((await read(small, '/same-digest/4', 'br')).text, textOf('4'));
});

test('Accept-Encoding: named or through *, and never with q=0', () => {
  assert.equal(accepts('gzip, br;q=0.8', 'br'), true);
  assert.equal(accepts('gzip;q=0', 'gzip'), false);
  assert.equal(accepts('*', 'br'), true);
  assert.equal(accepts(undefined, 'gzip'), false);
});
