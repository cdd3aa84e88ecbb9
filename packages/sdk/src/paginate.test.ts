import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createClient } from './client.js';
import { NassijAbortError } from './errors.js';
import { type Peer, sendJson, startPeer } from './test-support/peer.js';
import { listThings } from './test-support/routes.js';

const things = Array.from({ length: 5 }, (_, index) => ({
  id: `thing_${index}`,
  name: `Thing ${index}`,
  version: 1,
}));

/** Serves `things` two by two; the cursor is the index of the next item. */
async function listingPeer(): Promise<Peer> {
  return startPeer((request, response) => {
    const url = new URL(request.url, 'http://peer');
    const start = Number(url.searchParams.get('cursor') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 2);
    const end = start + limit;
    sendJson(response, 200, {
      items: things.slice(start, end),
      nextCursor: end < things.length ? String(end) : null,
      total: things.length,
      facets: { status: [{ value: 'open', count: things.length }] },
    });
  });
}

const peers: Peer[] = [];
after(async () => {
  await Promise.all(peers.map((peer) => peer.close()));
});

test('iterate follows nextCursor through every page', async () => {
  const server = await listingPeer();
  peers.push(server);
  const client = createClient({ baseUrl: server.url });
  const seen: string[] = [];
  for await (const thing of client.iterate(listThings, { limit: 2, q: 'x' })) seen.push(thing.id);
  assert.deepEqual(
    seen,
    things.map((thing) => thing.id),
  );
  assert.deepEqual(
    server.received.map((request) => request.url),
    ['/v1/things?limit=2&q=x', '/v1/things?limit=2&q=x&cursor=2', '/v1/things?limit=2&q=x&cursor=4'],
  );
});

test('breaking out of the loop fetches no further page', async () => {
  const server = await listingPeer();
  peers.push(server);
  const client = createClient({ baseUrl: server.url });
  const seen: string[] = [];
  for await (const thing of client.iterate(listThings, { limit: 2 })) {
    seen.push(thing.id);
    if (seen.length === 2) break; // the last item of the first page
  }
  assert.deepEqual(seen, ['thing_0', 'thing_1']);
  assert.equal(server.received.length, 1);
});

test('pages yields whole pages with total and facets', async () => {
  const server = await listingPeer();
  peers.push(server);
  const client = createClient({ baseUrl: server.url });
  const sizes: number[] = [];
  for await (const page of client.pages(listThings, { limit: 2 })) {
    sizes.push(page.items.length);
    assert.equal(page.total, 5);
    assert.deepEqual(page.facets?.status, [{ value: 'open', count: 5 }]);
  }
  assert.deepEqual(sizes, [2, 2, 1]);
});

test('the signal reaches every page request', async () => {
  const server = await listingPeer();
  peers.push(server);
  const client = createClient({ baseUrl: server.url });
  const controller = new AbortController();
  const seen: string[] = [];
  const error = await (async () => {
    for await (const thing of client.iterate(listThings, { limit: 2 }, { signal: controller.signal })) {
      seen.push(thing.id);
      if (seen.length === 2) controller.abort();
    }
  })().catch((e: unknown) => e);
  assert.ok(error instanceof NassijAbortError);
  assert.equal(server.received.length, 1, 'the aborted second page was never sent');
});
