import type { Area } from '../area.js';
import { noticeRemindersMigration } from './reminders.js';

export {
  noticeDecision,
  noticeEligibility,
  noticeModeration,
  noticeReceipt,
  noticeWaitlistPromotion,
} from './notices.js';
export {
  type ReminderPassReport,
  type ReminderWorker,
  type ReminderWorkerOptions,
  sendDueReminders,
  startReminderWorker,
} from './reminders.js';

/**
 * What people are told about their own files, by e-mail in their language: the receipt of a submission,
 * the eligibility outcome, the decision, a seat from a training waitlist, the moderation outcome of a
 * contribution (queued by the areas' handlers in the change's transaction), and reminders that depend on
 * the date (a report due within a week, a session tomorrow), queued by a scheduler the server starts. It
 * binds no route. See docs/server.md, "What people are told".
 *
 * @example
 * ```ts
 * const AREAS: Area[] = [..., accountsArea, noticesArea];
 * ```
 */
export const noticesArea: Area = {
  name: 'notices',
  migrations: [noticeRemindersMigration],
  register() {},
};
