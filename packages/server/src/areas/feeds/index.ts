import type { Area } from '../area.js';
import { calendarTokensMigration, synthesisFeedIndexMigration } from './migrations.js';
import { registerFeedRoutes } from './routes.js';

/**
 * The feeds area: Atom feeds of calls (any filter of the call list), consultations and published syntheses,
 * and iCalendar calendars of call deadlines, consultation phases and a person's training sessions (behind a
 * per-account calendar secret). Read models only: it writes nothing but the calendar secrets.
 *
 * @example
 * ```ts
 * export const AREAS: Area[] = [searchArea, callsArea, consultationsArea, trainingsArea, feedsArea];
 * ```
 */
export const feedsArea: Area = {
  name: 'feeds',
  migrations: [calendarTokensMigration, synthesisFeedIndexMigration],
  register: registerFeedRoutes,
};
