// Signing per the Standard Webhooks specification (standardwebhooks.com): the key is the base64 text after
// `whsec_` in the endpoint's secret; the signature is `v1,` and the base64 HMAC-SHA256 of
// `{webhook-id}.{webhook-timestamp}.{body}`, the timestamp in whole seconds since the epoch. The SDK's
// `verifyWebhook` checks the same thing on the receiving side.
import { createHmac, randomBytes } from 'node:crypto';

/**
 * A new endpoint secret: `whsec_` and 32 random bytes in base64 (the spec asks for 24 to 64).
 *
 * @example
 * ```ts
 * newWebhookSecret(); // 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw…'
 * ```
 */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * The headers of one delivery attempt: `webhook-id` (the event's id), `webhook-timestamp` (seconds, now)
 * and `webhook-signature`.
 *
 * @example
 * ```ts
 * const headers = signedHeaders(secret, event.id, new Date(), body);
 * headers['webhook-signature']; // 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4='
 * ```
 */
export function signedHeaders(
  secret: string,
  id: string,
  at: Date,
  body: string,
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` };
}
