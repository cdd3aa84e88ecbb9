import type { Area } from '../area.js';
import { subscriptionsMigration } from './migrations.js';
import { registerSubscriptionRoutes } from './routes.js';

export { type DigestWorker, runDigestPass, startDigestWorker } from './digests.js';
export { eraseSubscriptionsOf } from './store.js';

/**
 * The e-mail subscriptions area: anyone follows calls (by region, sector, funder, domain) or a consultation
 * by e-mail, with double opt-in, immediate notices or daily/weekly digests (the digest worker, started by the
 * server, reads the event log) and RFC 8058 one-click unsubscribe.
 *
 * @example
 * ```ts
 * export const AREAS: Area[] = [searchArea, callsArea, consultationsArea, webhooksArea, subscriptionsArea];
 * ```
 */
export const subscriptionsArea: Area = {
  name: 'subscriptions',
  migrations: [subscriptionsMigration],
  register: registerSubscriptionRoutes,
};
