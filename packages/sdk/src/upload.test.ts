import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createClient } from './client.js';
import { NassijValidationError } from './errors.js';
import { type Peer, sendJson, startPeer } from './test-support/peer.js';
import { uploadDocument } from './test-support/routes.js';
import type { UploadProgress } from './upload.js';

const peers: Peer[] = [];
after(async () => {
  await Promise.all(peers.map((peer) => peer.close()));
});

async function uploadPeer(failFirst = false): Promise<Peer> {
  const server = await startPeer((request, response, index) => {
    if (failFirst && index === 0)
      sendJson(
        response,
        503,
        { type: 't', title: 'Busy', status: 503, code: 'unavailable' },
        { 'retry-after': '0' },
      );
    else sendJson(response, 201, { size: request.body.length });
  });
  peers.push(server);
  return server;
}

const pdf = (size: number) => ({
  name: 'statuts.pdf',
  type: 'application/pdf',
  data: new Uint8Array(size).fill(0x25),
});

test('a file over maxBytes is refused before any request', async () => {
  const server = await uploadPeer();
  const client = createClient({ baseUrl: server.url });
  const error = await client
    .upload(uploadDocument, { params: { thingId: 't1' }, file: pdf(2048), rules: { maxBytes: 1024 } })
    .catch((e: unknown) => e);
  assert.ok(error instanceof NassijValidationError);
  assert.equal(error.code, 'file_too_large');
  assert.equal(error.status, undefined);
  assert.deepEqual(
    error.fieldErrors.map(({ path, in: part, code }) => ({ path, in: part, code })),
    [{ path: '/file', in: 'body', code: 'too_big' }],
  );
  assert.equal(server.received.length, 0);
});

test('a file of a type not allowed is refused before any request', async () => {
  const server = await uploadPeer();
  const client = createClient({ baseUrl: server.url });
  const file = new File(['<html></html>'], 'page.html', { type: 'text/html' });
  const error = await client
    .upload(uploadDocument, {
      params: { thingId: 't1' },
      file,
      rules: { mediaTypes: ['application/pdf', 'image/*'] },
    })
    .catch((e: unknown) => e);
  assert.ok(error instanceof NassijValidationError);
  assert.equal(error.code, 'file_type_not_allowed');
  assert.equal(error.fieldErrors[0]?.path, '/file');
  assert.equal(server.received.length, 0);
  const image = new File([new Uint8Array(4)], 'logo.png', { type: 'image/png' });
  await client.upload(uploadDocument, {
    params: { thingId: 't1' },
    file: image,
    rules: { mediaTypes: ['image/*'] },
  });
  assert.equal(server.received.length, 1, 'an allowed type goes out');
});

test('a multipart upload carries the file, its fields and an idempotency key', async () => {
  const server = await uploadPeer();
  const client = createClient({ baseUrl: server.url, token: 'tok_upload' });
  await client.upload(uploadDocument, {
    params: { thingId: 't1' },
    file: pdf(10),
    fields: { documentType: 'statutes' },
  });
  const [seen] = server.received;
  assert.equal(seen?.url, '/v1/things/t1/documents');
  assert.match(String(seen?.headers['content-type']), /^multipart\/form-data; boundary=/);
  assert.match(String(seen?.headers['idempotency-key']), /^[0-9a-f-]{36}$/);
  const text = seen?.body.toString('latin1') ?? '';
  assert.match(text, /name="documentType"\r\n\r\nstatutes\r\n/);
  assert.match(
    text,
    /name="file"; filename="statuts.pdf"\r\nContent-Type: application\/pdf\r\n\r\n%{10}\r\n/,
  );
});

test('Node upload progress streams the body and ends with loaded === total, across a retry', async () => {
  const server = await uploadPeer(true);
  const client = createClient({ baseUrl: server.url, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
  const progress: UploadProgress[] = [];
  const stored = await client.upload(uploadDocument, {
    params: { thingId: 't1' },
    file: pdf(300_000),
    fields: { documentType: 'budget' },
    onProgress: (event) => progress.push(event),
  });
  const last = progress.at(-1);
  assert.ok(last);
  assert.equal(last.loaded, last.total);
  assert.equal(stored.size, last.total, 'the server received every byte reported');
  assert.ok(progress.length > 4, 'progress arrives in several steps');
  assert.equal(server.received.length, 2);
  assert.equal(
    server.received[0]?.body.length,
    server.received[1]?.body.length,
    'the retry resends the whole body',
  );
  assert.equal(
    server.received[0]?.headers['idempotency-key'],
    server.received[1]?.headers['idempotency-key'],
  );
});
