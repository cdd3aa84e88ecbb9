import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createClient } from '../client.js';
import { NassijResponseValidationError } from '../errors.js';
import { type Peer, startPeer } from '../test-support/peer.js';

const peers: Peer[] = [];
after(async () => {
  await Promise.all(peers.map((peer) => peer.close()));
});

async function exportPeer(jsonBody: string): Promise<Peer> {
  const server = await startPeer((request, response) => {
    const json = new URL(request.url, 'http://x').searchParams.get('format') === 'json';
    response.writeHead(200, { 'content-type': json ? 'application/json' : 'text/csv; charset=utf-8' });
    response.end(json ? jsonBody : 'id,title\r\ncall_stub,"دعم, الشباب"\r\n');
  });
  peers.push(server);
  return server;
}

test('export returns CSV text by default and parsed records for json', async () => {
  const server = await exportPeer('[{"id":"call_stub"}]');
  const client = createClient({ baseUrl: server.url });
  const csv = await client.openData.export('calls', { region: 'MA-06' });
  assert.equal(csv, 'id,title\r\ncall_stub,"دعم, الشباب"\r\n');
  assert.equal(server.received[0]?.url, '/v1/open-data/calls?region=MA-06');
  const rows = await client.openData.export('calls', { format: 'json', year: 2026 });
  assert.deepEqual(rows, [{ id: 'call_stub' }]);
  assert.equal(server.received[1]?.url, '/v1/open-data/calls?format=json&year=2026');
  assert.match(String(server.received[1]?.headers.accept), /^application\/json/);
});

test('export with format json refuses a body that is not an array', async () => {
  const server = await exportPeer('{"not":"rows"}');
  const client = createClient({ baseUrl: server.url });
  await assert.rejects(client.openData.export('calls', { format: 'json' }), NassijResponseValidationError);
});
