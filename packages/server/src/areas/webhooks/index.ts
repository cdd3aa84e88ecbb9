import { eventsMigration, webhookDeliveryPagesMigration, webhooksMigration } from '../../events/log.js';
import type { Area } from '../area.js';
import { registerWebhookRoutes } from './routes.js';

export {
  DEFAULT_WEBHOOK_DISABLE_AFTER,
  DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS,
  DEFAULT_WEBHOOK_TIMEOUT_MS,
  startWebhookWorker,
  type WebhookPassReport,
  type WebhookWorker,
  type WebhookWorkerOptions,
} from './delivery-worker.js';

/**
 * Webhooks: the event log (`events`, written by the areas whose changes cause events), endpoints of
 * organisations and platform-wide ones, and their deliveries, posted by the webhook worker the server
 * starts with this area.
 *
 * @example
 * ```ts
 * const AREAS: Area[] = [searchArea, callsArea, applicationsArea, webhooksArea];
 * ```
 */
export const webhooksArea: Area = {
  name: 'webhooks',
  migrations: [eventsMigration, webhooksMigration, webhookDeliveryPagesMigration],
  register: registerWebhookRoutes,
};
