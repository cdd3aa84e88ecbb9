import * as z from 'zod/mini';
import { DISPLAY_TIME_ZONE } from './time.js';

/**
 * An instant, ISO 8601 in UTC with a `Z` (`2026-03-31T22:59:00Z`). Offsets are refused so that two
 * stored instants always compare as strings.
 *
 * @example
 * ```ts
 * Instant.parse('2026-03-31T22:59:00Z');
 * ```
 */
export const Instant = /* @__PURE__ */ (() =>
  z.iso.datetime({
    message: 'An ISO 8601 instant in UTC, such as 2026-03-31T22:59:00Z',
  }))();
export type Instant = z.infer<typeof Instant>;

/** A calendar date (`2026-03-31`) for things that truly have no time, such as a founding date. */
export const CalendarDate = /* @__PURE__ */ (() => z.iso.date())();

/**
 * Whether `value` is a {@link CalendarDate} (`YYYY-MM-DD`, a day that exists: 29 February only in leap
 * years), as the schema decides, without zod (see `isRegionCode`).
 *
 * @example
 * ```ts
 * isCalendarDate('2028-02-29'); // true
 * isCalendarDate('2026-02-29'); // false
 * ```
 */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
export type CalendarDate = z.infer<typeof CalendarDate>;

/**
 * A deadline: an instant plus the zone it is shown in. A deadline has a time, never just a date.
 *
 * @example
 * ```ts
 * const closes: Deadline = { at: '2026-03-31T22:59:00Z', timeZone: 'Africa/Casablanca' };
 * ```
 */
export const Deadline = /* @__PURE__ */ (() =>
  z.strictObject({
    at: Instant,
    timeZone: z.literal(DISPLAY_TIME_ZONE),
  }))();
export type Deadline = z.infer<typeof Deadline>;

/** A span of time between two instants (`end` after `start`). */
export const Period = /* @__PURE__ */ (() =>
  z
    .strictObject({ start: Instant, end: Instant })
    .check(
      z.refine((p) => p.end > p.start, { message: 'The end must come after the start', path: ['end'] }),
    ))();
export type Period = z.infer<typeof Period>;
