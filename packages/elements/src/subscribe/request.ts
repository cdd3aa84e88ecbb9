import type { CreateSubscription, FieldError, Locale, SubscriptionDigest } from '@nassij/contract';

// What the subscription form holds, the request it sends, and where an error of that request belongs.

/** The digests offered, in the order shown. */
export const DIGESTS: readonly SubscriptionDigest[] = ['immediate', 'daily', 'weekly'];

/** The call filters a reader may set, in the order shown; each is a `filter` field of the request. */
export const CALL_FILTERS = ['region', 'sector', 'funder', 'domain'] as const;
/** One of {@link CALL_FILTERS}. */
export type CallFilter = (typeof CALL_FILTERS)[number];

/**
 * Where an error is shown: a control of the form, the consultation (given by the page, not editable) or the
 * request as a whole.
 */
export type SubscribeField = 'email' | CallFilter | 'digest' | 'consultation' | 'request';

/** What the reader typed and chose; empty strings for "any". */
export interface SubscribeInput {
  email: string;
  region: string;
  sector: string;
  funder: string;
  domain: string;
  digest: SubscriptionDigest;
}

/**
 * The request to send: calls (only the filters chosen) or, when the page names one, a consultation.
 *
 * @example
 * ```ts
 * toRequest({ email: ' a@b.ma ', region: 'MA-09', sector: '', funder: '', domain: '', digest: 'daily' }, 'ar');
 * // { email: 'a@b.ma', locale: 'ar', filter: { kind: 'calls', region: 'MA-09' }, digest: 'daily' }
 * ```
 */
export function toRequest(
  input: SubscribeInput,
  locale: Locale,
  consultationId?: string,
): CreateSubscription {
  const email = input.email.trim();
  if (consultationId)
    return { email, locale, filter: { kind: 'consultation', consultationId }, digest: input.digest };
  const filter: Extract<CreateSubscription['filter'], { kind: 'calls' }> = { kind: 'calls' };
  // The server checks the codes against the reference data: a wrong one comes back as a field error.
  if (input.region) filter.region = input.region as NonNullable<typeof filter.region>;
  if (input.sector) filter.sector = input.sector;
  if (input.funder) filter.funder = input.funder;
  if (input.domain) filter.domain = input.domain;
  return { email, locale, filter, digest: input.digest };
}

/** Loose on purpose (the server decides): something, an `@`, a dot in the domain, no spaces. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The errors the form can tell before sending: an address missing or not shaped like one. Same shape as the
 * server's field errors, so that both are shown alike.
 *
 * @example
 * ```ts
 * checkInput({ email: 'amina', region: '', sector: '', funder: '', domain: '', digest: 'weekly' });
 * // [{ path: '/email', code: 'invalid_format', message: … }]
 * ```
 */
export function checkInput(input: SubscribeInput): FieldError[] {
  const email = input.email.trim();
  if (!email) return [{ path: '/email', in: 'body', code: 'required', message: 'Required' }];
  if (!EMAIL_SHAPE.test(email))
    return [{ path: '/email', in: 'body', code: 'invalid_format', message: 'Not an e-mail address' }];
  return [];
}

/**
 * The part of the form a request error's JSON Pointer names (`/filter/region` → `region`); `request` for
 * anything else, shown in the error summary only.
 *
 * @example
 * ```ts
 * fieldOfPath('/filter/consultationId'); // 'consultation'
 * ```
 */
export function fieldOfPath(path: string): SubscribeField {
  const [, first, second] = path.split('/');
  if (first === 'email' || first === 'digest') return first;
  if (first === 'filter') {
    if (second === 'consultationId') return 'consultation';
    if ((CALL_FILTERS as readonly string[]).includes(second ?? '')) return second as CallFilter;
  }
  return 'request';
}
