// E-mail subscriptions: anyone follows calls (by region, sector, funder, domain) or a consultation by e-mail,
// after confirming the address (double opt-in), with one-click unsubscribe (RFC 8058) in every message.
import {
  ConfirmSubscription,
  CreateSubscription,
  SubscriptionAccepted,
  SubscriptionConfirmed,
  Unsubscribed,
  UnsubscribeForm,
  UnsubscribeQuery,
} from '../resources/subscription.js';
import { route } from './route.js';

/**
 * `POST /v1/subscriptions` — subscribe an address. Answers 202 whatever the address; a confirmation link
 * (7 days, single use) is sent in `locale`. Nothing is sent to a subscription until it is confirmed.
 */
export const createSubscription = /* @__PURE__ */ (() =>
  route({
    id: 'subscriptions.create',
    method: 'POST',
    path: '/v1/subscriptions',
    tag: 'subscriptions',
    summary: 'Subscribe an e-mail address to calls or to a consultation',
    description:
      'Double opt-in: the address receives a confirmation link (7 days, single use) in `locale`, and nothing else until it is opened. ' +
      'An unknown region, sector, funder organisation, domain or consultation answers 422 naming the field. ' +
      'The answer is the same whether or not the address is already subscribed; throttled per address and per client.',
    auth: 'public',
    body: CreateSubscription,
    errors: ['validation_failed', 'rate_limited'],
    response: {
      status: 202,
      schema: SubscriptionAccepted,
      description: 'Accepted; a confirmation link is sent by e-mail',
    },
  }))();

/** `POST /v1/subscriptions/confirm` — open a confirmation link: the subscription starts. */
export const confirmSubscription = /* @__PURE__ */ (() =>
  route({
    id: 'subscriptions.confirm',
    method: 'POST',
    path: '/v1/subscriptions/confirm',
    tag: 'subscriptions',
    summary: 'Confirm a subscription with the token of its link',
    description:
      'The page `GET /subscriptions/confirm?token=…` asks for a click and calls this; opening a link never confirms.',
    auth: 'public',
    body: ConfirmSubscription,
    errors: ['validation_failed', 'link_invalid', 'link_expired', 'link_used'],
    response: { status: 200, schema: SubscriptionConfirmed, description: 'The subscription is confirmed' },
  }))();

/**
 * `POST /v1/subscriptions/unsubscribe?token=…` — end a subscription. This is the `List-Unsubscribe` address of
 * every message: mail clients POST `List-Unsubscribe=One-Click` to it (RFC 8058).
 */
export const unsubscribe = /* @__PURE__ */ (() =>
  route({
    id: 'subscriptions.unsubscribe',
    method: 'POST',
    path: '/v1/subscriptions/unsubscribe',
    tag: 'subscriptions',
    summary: 'Unsubscribe (RFC 8058 one-click)',
    description:
      'Takes the token of the unsubscribe link in the query and, optionally, the form body `List-Unsubscribe=One-Click`. ' +
      'The address is erased at once; a repeated request answers the same.',
    auth: 'public',
    query: UnsubscribeQuery,
    body: UnsubscribeForm,
    bodyKind: 'form',
    errors: ['validation_failed', 'link_invalid'],
    response: { status: 200, schema: Unsubscribed, description: 'Unsubscribed' },
  }))();

/** The routes of e-mail subscriptions. */
export const subscriptionRoutes = [createSubscription, confirmSubscription, unsubscribe] as const;
