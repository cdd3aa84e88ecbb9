import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createClient } from '../client.js';
import { NassijConflictError, NassijValidationError } from '../errors.js';
import { type Peer, sendJson, startPeer } from '../test-support/peer.js';
import { rulesFor } from './applications.js';

const peers: Peer[] = [];
after(async () => {
  await Promise.all(peers.map((peer) => peer.close()));
});

/** A stand-in for one stored application: answers GET and PATCH with `If-Match`, like the server's autosave. */
async function autosavePeer(): Promise<Peer> {
  let revision = 1;
  let title = 'first';
  const etag = () => `"rev-${revision}"`;
  const body = () => ({ id: 'app_stub', projectTitle: title });
  const server = await startPeer((request, response) => {
    if (request.method === 'GET') return sendJson(response, 200, body(), { etag: etag() });
    if (request.headers['if-match'] !== etag()) {
      return sendJson(
        response,
        412,
        { type: 't', title: 'Changed', status: 412, code: 'precondition_failed', current: body() },
        { etag: etag() },
      );
    }
    title = (JSON.parse(request.body.toString()) as { projectTitle: string }).projectTitle;
    revision++;
    sendJson(response, 200, body(), { etag: etag() });
  });
  peers.push(server);
  return server;
}

describe('applications autosave', () => {
  test('a second tab saving with a stale ETag gets NassijConflictError with the current version', async () => {
    const server = await autosavePeer();
    const tabA = createClient({ baseUrl: server.url, token: 'tok', validate: false });
    const tabB = createClient({ baseUrl: server.url, token: 'tok', validate: false });
    const a = await tabA.applications.getWithEtag('app_stub');
    const b = await tabB.applications.getWithEtag('app_stub');
    assert.equal(a.etag, '"rev-1"');

    const saved = await tabA.applications.update('app_stub', { projectTitle: 'from A' }, { ifMatch: a.etag });
    assert.equal(saved.etag, '"rev-2"', 'the write hands back the ETag for the next autosave');
    assert.equal(server.received.at(-1)?.headers['if-match'], '"rev-1"');

    const conflict = await tabB.applications
      .update('app_stub', { projectTitle: 'from B' }, { ifMatch: b.etag })
      .catch((error: unknown) => error);
    assert.ok(conflict instanceof NassijConflictError);
    assert.deepEqual(conflict.current, { id: 'app_stub', projectTitle: 'from A' });
    assert.equal(conflict.etag, '"rev-2"');

    const merged = await tabB.applications.update(
      'app_stub',
      { projectTitle: 'from A and B' },
      { ifMatch: conflict.etag ?? '' },
    );
    assert.equal(merged.etag, '"rev-3"');
  });

  test('update without an ETag is refused before anything is sent', async () => {
    const server = await autosavePeer();
    const client = createClient({ baseUrl: server.url, token: 'tok' });
    const error = await client.applications
      .update('app_stub', { projectTitle: 'x' }, { ifMatch: '' })
      .catch((e: unknown) => e);
    assert.ok(error instanceof NassijValidationError);
    assert.equal(error.code, 'precondition_required');
    assert.equal(server.received.length, 0);
  });
});

describe('rulesFor', () => {
  const call = {
    requiredDocuments: [
      {
        id: 'doc_budget',
        type: 'budget',
        label: { fr: 'Budget' },
        requirement: 'mandatory' as const,
        mediaTypes: ['application/pdf'],
        maxBytes: 1000,
      },
    ],
  };

  test('gives the size and type rules of a required document', () => {
    assert.deepEqual(rulesFor(call, 'doc_budget'), { maxBytes: 1000, mediaTypes: ['application/pdf'] });
  });

  test('throws for a document the call does not ask for', () => {
    assert.throws(() => rulesFor(call, 'doc_other'), NassijValidationError);
  });

  test('upload refuses a file that breaks the rules before sending', async () => {
    const server = await autosavePeer();
    const client = createClient({ baseUrl: server.url, token: 'tok' });
    const file = { name: 'budget.png', type: 'image/png', data: new Uint8Array(10) };
    const error = await client.applications
      .upload('app_stub', { documentId: 'doc_budget', file, rules: rulesFor(call, 'doc_budget') })
      .catch((e: unknown) => e);
    assert.ok(error instanceof NassijValidationError);
    assert.equal(error.code, 'file_type_not_allowed');
    assert.equal(server.received.length, 0);
  });
});
