import * as z from 'zod/mini';
import { Code, Email, Id, RegionCode } from '../shared/ids.js';
import { Locale } from '../shared/localized-text.js';

/** How long a confirmation link stays good: a week, so that a subscriber back from a weekend still can. */
export const SUBSCRIPTION_CONFIRM_DAYS = 7;

/**
 * How often a subscriber hears: one message per matching event soon after it (`immediate`), or one digest of
 * the events since the previous one at 08:00 Moroccan time every day (`daily`) or every Monday (`weekly`).
 */
export const SubscriptionDigest = /* @__PURE__ */ (() => z.enum(['immediate', 'daily', 'weekly']))();
export type SubscriptionDigest = z.infer<typeof SubscriptionDigest>;

/**
 * What a subscription follows: calls (all of them, or those of a region, a sector, a funding organisation or a
 * domain; every filter given must match) or the events of one consultation.
 *
 * @example
 * ```ts
 * SubscriptionFilter.parse({ kind: 'calls', region: 'MA-09' });
 * SubscriptionFilter.parse({ kind: 'consultation', consultationId });
 * ```
 */
export const SubscriptionFilter = /* @__PURE__ */ (() =>
  z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('calls'),
      region: z.optional(RegionCode),
      sector: z.optional(Code),
      /** The funding organisation's id. */
      funder: z.optional(Id),
      domain: z.optional(Code),
    }),
    z.strictObject({ kind: z.literal('consultation'), consultationId: Id }),
  ]))();
export type SubscriptionFilter = z.infer<typeof SubscriptionFilter>;

/**
 * Body of `POST /v1/subscriptions`: the address, the language of the messages, what to follow and how often.
 *
 * @example
 * ```ts
 * CreateSubscription.parse({
 *   email: 'amina@example.ma', locale: 'ar', filter: { kind: 'calls', region: 'MA-09' }, digest: 'weekly',
 * });
 * ```
 */
export const CreateSubscription = /* @__PURE__ */ (() =>
  z.strictObject({
    email: Email.check(z.maxLength(254)),
    locale: Locale,
    filter: SubscriptionFilter,
    digest: z._default(SubscriptionDigest, 'immediate'),
  }))();
export type CreateSubscription = z.input<typeof CreateSubscription>;

/**
 * The answer to a subscription request: always the same, so that it says nothing about which addresses are
 * subscribed. What follows (a confirmation link) is told by e-mail.
 *
 * @example
 * ```ts
 * const answer: SubscriptionAccepted = { status: 'accepted' };
 * ```
 */
export const SubscriptionAccepted = /* @__PURE__ */ (() =>
  z.strictObject({ status: z.literal('accepted') }))();
export type SubscriptionAccepted = z.infer<typeof SubscriptionAccepted>;

/** A subscription link's token, as the link carries it in `?token=`. */
export const SubscriptionToken = /* @__PURE__ */ (() =>
  z.string().check(z.regex(/^[A-Za-z0-9_-]{20,128}$/, { message: 'A subscription link token' })))();
export type SubscriptionToken = z.infer<typeof SubscriptionToken>;

/**
 * Body of `POST /v1/subscriptions/confirm`: the token of the confirmation link.
 *
 * @example
 * ```ts
 * ConfirmSubscription.parse({ token });
 * ```
 */
export const ConfirmSubscription = /* @__PURE__ */ (() => z.strictObject({ token: SubscriptionToken }))();
export type ConfirmSubscription = z.infer<typeof ConfirmSubscription>;

/**
 * A confirmed subscription, as its subscriber may see it (the address is not repeated).
 *
 * @example
 * ```ts
 * const { digest } = SubscriptionConfirmed.parse(await response.json());
 * ```
 */
export const SubscriptionConfirmed = /* @__PURE__ */ (() =>
  z.strictObject({
    status: z.literal('confirmed'),
    locale: Locale,
    filter: SubscriptionFilter,
    digest: SubscriptionDigest,
  }))();
export type SubscriptionConfirmed = z.infer<typeof SubscriptionConfirmed>;

/**
 * Query of `POST /v1/subscriptions/unsubscribe`: the token of the unsubscribe link every message carries.
 *
 * @example
 * ```ts
 * UnsubscribeQuery.parse({ token });
 * ```
 */
export const UnsubscribeQuery = /* @__PURE__ */ (() => z.strictObject({ token: SubscriptionToken }))();
export type UnsubscribeQuery = z.infer<typeof UnsubscribeQuery>;

/**
 * Form body of an unsubscribe: what a mail client sends for RFC 8058 one-click,
 * `List-Unsubscribe=One-Click`. Loose, as mail clients are; the token alone decides.
 *
 * @example
 * ```ts
 * UnsubscribeForm.parse({ 'List-Unsubscribe': 'One-Click' });
 * ```
 */
export const UnsubscribeForm = /* @__PURE__ */ (() =>
  z.object({ 'List-Unsubscribe': z.optional(z.literal('One-Click')) }))();
export type UnsubscribeForm = z.infer<typeof UnsubscribeForm>;

/**
 * The answer to an unsubscribe: the subscription is ended and its address erased. The same answer again for a
 * link already used, so that a repeated click is harmless.
 *
 * @example
 * ```ts
 * const answer: Unsubscribed = { status: 'unsubscribed' };
 * ```
 */
export const Unsubscribed = /* @__PURE__ */ (() => z.strictObject({ status: z.literal('unsubscribed') }))();
export type Unsubscribed = z.infer<typeof Unsubscribed>;
