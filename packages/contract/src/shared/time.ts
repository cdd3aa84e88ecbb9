// Time helpers without zod; the schemas of instants and deadlines live in instant.ts.
import type { Instant } from './instant.js';

/** The zone in which Moroccan deadlines are shown (UTC+1, UTC+0 during Ramadan). */
export const DISPLAY_TIME_ZONE = 'Africa/Casablanca' as const;

// One formatter for the module: building Intl formatters is the slow part.
const CASABLANCA_DATE = /* @__PURE__ */ new Intl.DateTimeFormat('en-US', {
  timeZone: DISPLAY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar date (`YYYY-MM-DD`) of an instant in Africa/Casablanca, where founding dates, report years
 * and "closes in N days" are reckoned. An evening in UTC may already be the next day there.
 *
 * @example
 * ```ts
 * casablancaDate('2026-03-31T23:30:00Z'); // '2026-04-01'
 * ```
 */
export function casablancaDate(at: Instant | Date): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an instant: ${String(at)}`);
  const parts: Record<string, string> = {};
  for (const part of CASABLANCA_DATE.formatToParts(date)) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/**
 * Whole calendar days in Africa/Casablanca from `now` to `deadline`: 0 on the closing day, 1 the day
 * before, negative once past. Counted on dates, so the Ramadan clock changes never shift it.
 *
 * @example
 * ```ts
 * casablancaDaysUntil('2026-03-31T22:59:00Z', '2026-03-29T08:00:00Z'); // 2
 * ```
 */
export function casablancaDaysUntil(deadline: Instant | Date, now: Instant | Date): number {
  const day = (value: Instant | Date) => Date.parse(`${casablancaDate(value)}T00:00:00Z`);
  return Math.round((day(deadline) - day(now)) / 86_400_000);
}
