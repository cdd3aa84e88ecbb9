// Checking a webhook delivery on the receiving side, per the Standard Webhooks specification: the
// `webhook-signature` header holds one or more `v1,<base64 HMAC-SHA256>` of `{id}.{timestamp}.{body}`, keyed
// by the base64 text after `whsec_` in the endpoint's secret. Web Crypto only, so it runs in Node 20+,
// browsers, Deno and workers alike; `crypto.subtle.verify` compares in constant time.
import { WebhookEvent } from '@nassij/contract';

/** Why a delivery was refused. */
export type WebhookRefusal =
  | 'missing_headers'
  | 'invalid_timestamp'
  | 'timestamp_too_old'
  | 'timestamp_in_future'
  | 'invalid_secret'
  | 'invalid_signature'
  | 'invalid_payload';

/**
 * A delivery that is not authentic, too old, or not an event of the catalogue; `reason` says which.
 * Answer it with a 4xx (400 or 401): the platform retries, and a real delivery passes.
 *
 * @example
 * ```ts
 * try { await verifyWebhook(body, request.headers, secret); }
 * catch (error) { if (error instanceof WebhookVerificationError) console.warn(error.reason); }
 * ```
 */
export class WebhookVerificationError extends Error {
  readonly reason: WebhookRefusal;
  constructor(reason: WebhookRefusal, message: string) {
    super(message);
    this.name = 'WebhookVerificationError';
    this.reason = reason;
  }
}

/** Options of {@link verifyWebhook}. */
export interface VerifyWebhookOptions {
  /** How far the signed timestamp may be from now, either way, in seconds (default 300, as the spec advises). */
  toleranceSeconds?: number;
  /** "Now", for tests (default: the current time). */
  now?: Date;
}

/** The headers of a request: a `Headers`, or a plain object as Node's `IncomingMessage.headers`. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value.join(' ') : value;
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Verifies a webhook delivery and answers its event, typed by the catalogue: the signature over the raw
 * body (pass the body exactly as received, before any JSON parsing), the timestamp within
 * `toleranceSeconds` of now (a replayed old delivery fails), and the body an event of the catalogue.
 * Throws a {@link WebhookVerificationError} with the reason otherwise. De-duplicate on `event.id`: a
 * delivery may come more than once.
 *
 * @example
 * ```ts
 * import { verifyWebhook } from '@nassij/sdk';
 * // Node: http.createServer(async (request, response) => { … })
 * const body = await readBody(request);
 * const event = await verifyWebhook(body, request.headers, process.env.NASSIJ_WEBHOOK_SECRET!);
 * if (event.type === 'call.published') console.log(event.data.reference, event.data.title.fr);
 * response.writeHead(204).end();
 * ```
 */
export async function verifyWebhook(
  payload: string,
  headers: WebhookHeaders,
  secret: string,
  options: VerifyWebhookOptions = {},
): Promise<WebhookEvent> {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures)
    throw new WebhookVerificationError(
      'missing_headers',
      'A webhook-id, webhook-timestamp and webhook-signature header are required',
    );
  if (!/^\d{1,15}$/.test(timestamp))
    throw new WebhookVerificationError('invalid_timestamp', 'webhook-timestamp is not a number of seconds');
  const tolerance = options.toleranceSeconds ?? 300;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const signedAt = Number(timestamp);
  if (now - signedAt > tolerance)
    throw new WebhookVerificationError(
      'timestamp_too_old',
      `Signed ${now - signedAt} s ago (tolerance ${tolerance} s)`,
    );
  if (signedAt - now > tolerance)
    throw new WebhookVerificationError('timestamp_in_future', `Signed ${signedAt - now} s ahead of now`);

  let key: CryptoKey;
  try {
    const raw = fromBase64(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret);
    if (raw.length === 0) throw new Error('empty');
    key = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  } catch {
    throw new WebhookVerificationError('invalid_secret', 'The secret is not `whsec_` and base64');
  }
  const signed = new TextEncoder().encode(`${id}.${timestamp}.${payload}`);
  let verified = false;
  // Several signatures when the sender rotates its secret: any v1 one that matches will do.
  for (const entry of signatures.split(' ')) {
    const [version, value] = entry.split(',', 2);
    if (version !== 'v1' || !value) continue;
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = fromBase64(value);
    } catch {
      continue;
    }
    if (await crypto.subtle.verify('HMAC', key, bytes, signed)) verified = true;
  }
  if (!verified)
    throw new WebhookVerificationError(
      'invalid_signature',
      'No signature matches the payload and the secret',
    );

  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    throw new WebhookVerificationError('invalid_payload', 'The payload is not JSON');
  }
  const parsed = WebhookEvent.safeParse(json);
  if (!parsed.success)
    throw new WebhookVerificationError(
      'invalid_payload',
      `Not an event of the catalogue: ${parsed.error.message}`,
    );
  if (parsed.data.id !== id)
    throw new WebhookVerificationError('invalid_payload', 'The event id differs from webhook-id');
  return parsed.data;
}
