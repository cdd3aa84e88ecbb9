import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { recordEvent } from '../../events/log.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';
import { checkLiteralTarget, guardedLookup, isPrivateAddress, PrivateTargetError } from './target-guard.js';

describe('webhook targets', () => {
  test('private, local and reserved addresses are recognised; public ones are not', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:10.0.0.1',
      '::ffff:127.0.0.1',
    ])
      assert.equal(isPrivateAddress(address), true, address);
    for (const address of [
      '196.200.131.1',
      '41.248.0.1',
      '8.8.8.8',
      '2001:4860:4860::8888',
      '::ffff:8.8.8.8',
    ])
      assert.equal(isPrivateAddress(address), false, address);
  });

  test('a literal private host is refused before any connection; a name is judged when it resolves', async () => {
    assert.throws(() => checkLiteralTarget(new URL('https://10.0.0.5/hook')), PrivateTargetError);
    assert.throws(() => checkLiteralTarget(new URL('https://[::1]/hook')), PrivateTargetError);
    assert.doesNotThrow(() => checkLiteralTarget(new URL('https://196.200.131.1/hook')));
    assert.doesNotThrow(() => checkLiteralTarget(new URL('https://hooks.example.ma/hook')));
    const refused = await new Promise<Error | null>((resolve) =>
      guardedLookup('localhost', {}, (error) => resolve(error)),
    );
    assert.ok(refused instanceof PrivateTargetError, 'localhost resolves to a loopback address');
  });
});

describe('a server with the default guard', () => {
  let server: Awaited<ReturnType<typeof tempServer>>;
  const received: string[] = [];
  const receiver = createServer((request, response) => {
    received.push(request.url ?? '');
    response.end();
  });

  before(async () => {
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    server = await tempServer({
      rateLimit: false,
      mailWorker: false,
      webhookWorker: { pollMs: 0, allowPrivateTargets: false, retryScheduleMs: [] },
    });
  });
  after(async () => {
    await server?.stop();
    await new Promise((resolve) => receiver.close(resolve));
  });

  test('never posts to an endpoint on this machine, and says why in the delivery log', async () => {
    const admin = await signInAs(server.url, 'admin@demo.nassij.ma', 'demo-admin-2026');
    const headers = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
    const { port } = receiver.address() as AddressInfo;
    const created = await fetch(`${server.url}/v1/webhooks`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ url: `http://127.0.0.1:${port}/hook`, eventTypes: ['call.published'] }),
    });
    assert.equal(created.status, 201, await created.clone().text());
    const endpoint = (await created.json()) as { id: string };
    const call = (await (await fetch(`${server.url}/v1/calls/${F.calls.openEligible}`)).json()) as {
      id: string;
      reference: string;
      title: { ar?: string; fr?: string };
      dates: { opensAt: string };
    };
    await server.db.atomic(() =>
      recordEvent(server.db, 'call.published', {
        callId: call.id,
        reference: call.reference,
        organisationId: F.organisations.ministry,
        title: call.title,
        version: 1,
        status: 'open',
        opensAt: call.dates.opensAt,
      }),
    );
    const report = await server.deliverWebhooks();
    assert.equal(report.delivered, 0);
    assert.deepEqual(received, [], 'the receiver on this machine got nothing');
    const log = (await (
      await fetch(`${server.url}/v1/webhooks/${endpoint.id}/deliveries`, { headers })
    ).json()) as { items: { state: string; lastError?: string }[] };
    assert.equal(log.items.length, 1);
    assert.match(log.items[0]?.lastError ?? '', /private or local address/);
  });
});
