import { confirmSubscription, createSubscription, unsubscribe } from '@nassij/contract';
import type { Transport } from '../transport.js';
import type { BodyOf, RequestOptions, RouteResult } from '../types.js';

/** The routes `client.subscriptions` wraps (the contract's list). */
export { subscriptionRoutes } from '@nassij/contract';

/**
 * `client.subscriptions`: e-mail subscriptions to calls (by region, sector, funder, domain) or to a consultation,
 * with double opt-in. Subscribing answers the same `{ status: 'accepted' }` whether or not the address is
 * already subscribed; the address then receives a confirmation link (7 days, single use), and nothing else
 * until it is opened. Every message carries a one-click unsubscribe link (RFC 8058).
 *
 * @example
 * ```ts
 * await client.subscriptions.subscribe({
 *   email: 'amina@example.ma', locale: 'ar', filter: { kind: 'calls', region: 'MA-09' }, digest: 'weekly',
 * });
 * // … the person opens the link sent to the address; its page calls:
 * await client.subscriptions.confirm(tokenFromTheLink);
 * ```
 */
export interface SubscriptionsArea {
  /**
   * Subscribes an address; an unknown region, sector, funder, domain or consultation throws
   * `validation_failed` naming the field.
   *
   * @example
   * ```ts
   * await client.subscriptions.subscribe({ email, locale: 'fr', filter: { kind: 'consultation', consultationId } });
   * ```
   */
  subscribe(
    request: BodyOf<typeof createSubscription>,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof createSubscription>>;
  /**
   * Opens a confirmation link: the subscription starts. Throws `link_invalid`, `link_expired` or `link_used`.
   *
   * @example
   * ```ts
   * const { filter, digest } = await client.subscriptions.confirm(new URL(location.href).searchParams.get('token')!);
   * ```
   */
  confirm(token: string, options?: RequestOptions): Promise<RouteResult<typeof confirmSubscription>>;
  /**
   * Ends a subscription with the token of its unsubscribe link (the same request a mail client sends for
   * one-click unsubscribe); the address is erased. Harmless when repeated.
   *
   * @example
   * ```ts
   * await client.subscriptions.unsubscribe(new URL(location.href).searchParams.get('token')!);
   * ```
   */
  unsubscribe(token: string, options?: RequestOptions): Promise<RouteResult<typeof unsubscribe>>;
}

/**
 * Builds `client.subscriptions` over a transport.
 *
 * @example
 * ```ts
 * const subscriptions = subscriptionsArea(client.transport);
 * await subscriptions.unsubscribe(token);
 * ```
 */
export function subscriptionsArea(t: Transport): SubscriptionsArea {
  return {
    subscribe: (request, options) => t.op(createSubscription, { body: request }, options),
    confirm: (token, options) => t.op(confirmSubscription, { body: { token } }, options),
    unsubscribe: (token, options) =>
      t.op(unsubscribe, { query: { token }, body: { 'List-Unsubscribe': 'One-Click' } }, options),
  };
}
