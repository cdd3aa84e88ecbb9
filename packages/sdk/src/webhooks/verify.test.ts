// `verifyWebhook` on deliveries signed here as the server signs them (Standard Webhooks): a genuine one is
// accepted and typed; a tampered body, a forged or missing signature, an old or future timestamp, a secret
// that is not one, and a body off the catalogue are each refused with their reason.
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { demoFixtures as F } from '@nassij/server/testing';
import { verifyWebhook, WebhookVerificationError } from './verify.js';

const secret = `whsec_${randomBytes(32).toString('base64')}`;
const at = new Date('2026-12-05T09:00:00Z');
const event = {
  id: 'evt_0000000000000000000000000a',
  type: 'call.published',
  occurredAt: '2026-12-05T08:59:59.000Z',
  data: {
    callId: F.calls.openEligible,
    reference: 'MA-RSM-2026-0042',
    organisationId: F.organisations.regionalCouncil,
    title: { ar: 'دعم الجمعيات', fr: 'Soutien aux associations' },
    version: 1,
    status: 'forecast',
    opensAt: '2026-12-07T22:59:00Z',
  },
};
const body = JSON.stringify(event);

function sign(payload: string, options: { id?: string; timestamp?: number; key?: string } = {}) {
  const id = options.id ?? event.id;
  const timestamp = String(options.timestamp ?? Math.floor(at.getTime() / 1000));
  const key = Buffer.from((options.key ?? secret).slice('whsec_'.length), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${payload}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => assert.fail('expected a refusal'),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof WebhookVerificationError, String(error));
  return error.reason;
}

test('a genuine delivery is accepted and typed by the catalogue, from a Headers or a plain object', async () => {
  const verified = await verifyWebhook(body, sign(body), secret, { now: at });
  assert.equal(verified.type, 'call.published');
  assert.equal(verified.type === 'call.published' && verified.data.reference, 'MA-RSM-2026-0042');
  const headers = new Headers(sign(body));
  assert.equal((await verifyWebhook(body, headers, secret, { now: at })).id, event.id);
  // Several signatures (a secret being rotated): one that matches is enough.
  const old = `whsec_${randomBytes(32).toString('base64')}`;
  const both = sign(body);
  both['webhook-signature'] = `${sign(body, { key: old })['webhook-signature']} ${both['webhook-signature']}`;
  assert.equal((await verifyWebhook(body, both, secret, { now: at })).id, event.id);
});

test('a tampered payload or a forged signature is refused as invalid_signature', async () => {
  const headers = sign(body);
  const tampered = body.replace('MA-RSM-2026-0042', 'MA-RSM-2026-0043');
  assert.equal(await refusal(verifyWebhook(tampered, headers, secret, { now: at })), 'invalid_signature');
  const otherSecret = `whsec_${randomBytes(32).toString('base64')}`;
  assert.equal(await refusal(verifyWebhook(body, headers, otherSecret, { now: at })), 'invalid_signature');
  const otherId = { ...headers, 'webhook-id': 'evt_0000000000000000000000000b' };
  assert.equal(await refusal(verifyWebhook(body, otherId, secret, { now: at })), 'invalid_signature');
  const v2 = { ...headers, 'webhook-signature': headers['webhook-signature'].replace('v1,', 'v2,') };
  assert.equal(await refusal(verifyWebhook(body, v2, secret, { now: at })), 'invalid_signature');
});

test('an old or future timestamp is refused, within the tolerance it is accepted', async () => {
  const seconds = Math.floor(at.getTime() / 1000);
  const old = sign(body, { timestamp: seconds - 301 });
  assert.equal(await refusal(verifyWebhook(body, old, secret, { now: at })), 'timestamp_too_old');
  assert.equal((await verifyWebhook(body, old, secret, { now: at, toleranceSeconds: 600 })).id, event.id);
  const future = sign(body, { timestamp: seconds + 301 });
  assert.equal(await refusal(verifyWebhook(body, future, secret, { now: at })), 'timestamp_in_future');
  const garbled = { ...sign(body), 'webhook-timestamp': '12e9' };
  assert.equal(await refusal(verifyWebhook(body, garbled, secret, { now: at })), 'invalid_timestamp');
});

test('missing headers, a secret that is none, and a body off the catalogue are refused with their reason', async () => {
  const { 'webhook-signature': _dropped, ...unsigned } = sign(body);
  assert.equal(await refusal(verifyWebhook(body, unsigned, secret, { now: at })), 'missing_headers');
  assert.equal(await refusal(verifyWebhook(body, sign(body), 'whsec_***', { now: at })), 'invalid_secret');
  const offCatalogue = JSON.stringify({ ...event, type: 'call.deleted' });
  assert.equal(
    await refusal(verifyWebhook(offCatalogue, sign(offCatalogue), secret, { now: at })),
    'invalid_payload',
  );
  const notJson = 'not json';
  assert.equal(await refusal(verifyWebhook(notJson, sign(notJson), secret, { now: at })), 'invalid_payload');
});
