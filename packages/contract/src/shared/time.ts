// Time helpers without zod; the schemas of instants and deadlines live in instant.ts.
import type { Instant } from './instant.js';

/** The zone in which Moroccan deadlines are shown (UTC+1, UTC+0 during Ramadan). */
export const DISPLAY_TIME_ZONE = 'Africa/Casablanca' as const;

// Morocco's legal time is UTC+1, except during Ramadan, when clocks go back to UTC+0. These are the UTC+0
// periods [start, end) in UTC, as the IANA time zone database (2025c) gives them: announced years, then its
// predictions, which the government confirms each year (update this table with tzdata). Nassij computes the
// offset itself instead of asking the browser, because browser builds ship tz data of different ages: the
// Debian Chromium we test with already shows December 2026 in UTC+0, an hour wrong, on every deadline.
const RAMADAN_UTC0: readonly (readonly [string, string])[] = [
  ['2019-05-05T02:00:00Z', '2019-06-09T02:00:00Z'],
  ['2020-04-19T02:00:00Z', '2020-05-31T02:00:00Z'],
  ['2021-04-11T02:00:00Z', '2021-05-16T02:00:00Z'],
  ['2022-03-27T02:00:00Z', '2022-05-08T02:00:00Z'],
  ['2023-03-19T02:00:00Z', '2023-04-23T02:00:00Z'],
  ['2024-03-10T02:00:00Z', '2024-04-14T02:00:00Z'],
  ['2025-02-23T02:00:00Z', '2025-04-06T02:00:00Z'],
  ['2026-02-15T02:00:00Z', '2026-03-22T02:00:00Z'],
  ['2027-02-07T02:00:00Z', '2027-03-14T02:00:00Z'],
  ['2028-01-23T02:00:00Z', '2028-03-05T02:00:00Z'],
  ['2029-01-14T02:00:00Z', '2029-02-18T02:00:00Z'],
  ['2029-12-30T02:00:00Z', '2030-02-10T02:00:00Z'],
  ['2030-12-22T02:00:00Z', '2031-01-26T02:00:00Z'],
  ['2031-12-14T02:00:00Z', '2032-01-18T02:00:00Z'],
  ['2032-11-28T02:00:00Z', '2033-01-09T02:00:00Z'],
  ['2033-11-20T02:00:00Z', '2033-12-25T02:00:00Z'],
  ['2034-11-05T02:00:00Z', '2034-12-17T02:00:00Z'],
  ['2035-10-28T02:00:00Z', '2035-12-09T02:00:00Z'],
  ['2036-10-19T02:00:00Z', '2036-11-23T02:00:00Z'],
  ['2037-10-04T02:00:00Z', '2037-11-15T02:00:00Z'],
  ['2038-09-26T02:00:00Z', '2038-10-31T02:00:00Z'],
  ['2039-09-18T02:00:00Z', '2039-10-23T02:00:00Z'],
  ['2040-09-02T02:00:00Z', '2040-10-14T02:00:00Z'],
  ['2041-08-25T02:00:00Z', '2041-09-29T02:00:00Z'],
  ['2042-08-10T02:00:00Z', '2042-09-21T02:00:00Z'],
  ['2043-08-02T02:00:00Z', '2043-09-13T02:00:00Z'],
  ['2044-07-24T02:00:00Z', '2044-08-28T02:00:00Z'],
  ['2045-07-09T02:00:00Z', '2045-08-20T02:00:00Z'],
  ['2046-07-01T02:00:00Z', '2046-08-05T02:00:00Z'],
  ['2047-06-23T02:00:00Z', '2047-07-28T02:00:00Z'],
  ['2048-06-07T02:00:00Z', '2048-07-19T02:00:00Z'],
  ['2049-05-30T02:00:00Z', '2049-07-04T02:00:00Z'],
  ['2050-05-15T02:00:00Z', '2050-06-26T02:00:00Z'],
];
const RAMADAN_UTC0_MS = /* @__PURE__ */ (() =>
  RAMADAN_UTC0.map(([start, end]) => [Date.parse(start), Date.parse(end)]))();

function toMillis(at: Instant | Date): number {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${String(at)}`);
  return ms;
}

/**
 * Minutes Morocco's clock is ahead of UTC at an instant: 60, or 0 during Ramadan (from 2019 to 2050 by the
 * table above; other years by the runtime's tz data).
 *
 * @example
 * ```ts
 * casablancaOffsetMinutes('2026-12-02T09:06:00Z'); // 60
 * casablancaOffsetMinutes('2026-03-01T12:00:00Z'); // 0 (Ramadan)
 * ```
 */
export function casablancaOffsetMinutes(at: Instant | Date): number {
  const ms = toMillis(at);
  // Outside the table (before Morocco's permanent UTC+1 of October 2018, after 2050) ask the runtime.
  if (ms < TABLE_START || ms >= TABLE_END) return intlOffsetMinutes(ms);
  for (const [start, end] of RAMADAN_UTC0_MS) if (ms >= (start as number) && ms < (end as number)) return 0;
  return 60;
}

const TABLE_START = Date.parse('2019-01-01T00:00:00Z');
const TABLE_END = Date.parse('2051-01-01T00:00:00Z');

function intlOffsetMinutes(ms: number): number {
  const name =
    new Intl.DateTimeFormat('en', { timeZone: DISPLAY_TIME_ZONE, timeZoneName: 'longOffset' })
      .formatToParts(new Date(ms))
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * The wall-clock time in Morocco at an instant, as a `Date` whose UTC fields are the Moroccan ones. Format
 * it with `timeZone: 'UTC'` to show Moroccan time, whatever tz data the browser has.
 *
 * @example
 * ```ts
 * casablancaWallClock('2026-03-31T22:59:00Z').toISOString(); // '2026-03-31T23:59:00.000Z'
 * ```
 */
export function casablancaWallClock(at: Instant | Date): Date {
  const ms = toMillis(at);
  return new Date(ms + casablancaOffsetMinutes(new Date(ms)) * 60_000);
}

/**
 * The instant at which Morocco's clock reads a wall-clock time (given as a `Date` whose UTC fields are the
 * Moroccan ones): the inverse of {@link casablancaWallClock}. A wall time skipped when the clock moves on
 * resolves to the instant one hour later; a repeated one to its first occurrence.
 *
 * @example
 * ```ts
 * fromCasablancaWallClock(new Date('2026-03-31T23:59:00Z')).toISOString(); // '2026-03-31T22:59:00.000Z'
 * ```
 */
export function fromCasablancaWallClock(wall: Date): Date {
  const ms = toMillis(wall);
  // The offset a day before (b), then the offset at the instant it gives (a). Clock changes are weeks apart,
  // so at most one lies between.
  const before = casablancaOffsetMinutes(new Date(ms - 86_400_000));
  const utc = ms - before * 60_000;
  const after = casablancaOffsetMinutes(new Date(utc));
  // No change, or a repeated hour read with the earlier offset: its first occurrence.
  if (after === before) return new Date(utc);
  // Past the change: the wall time read with the new offset, if it exists under that offset.
  const later = ms - after * 60_000;
  if (casablancaOffsetMinutes(new Date(later)) === after) return new Date(later);
  // A skipped wall time: read with the old offset, the instant one hour later.
  return new Date(utc);
}

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
  return casablancaWallClock(at).toISOString().slice(0, 10);
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

/**
 * The instant of 23:59 Casablanca time on a Casablanca calendar date (`YYYY-MM-DD`), ISO with `Z`: 22:59Z
 * under UTC+1 and 23:59Z during Ramadan (UTC+0). Deadlines and appeal windows end then.
 *
 * @example
 * ```ts
 * casablancaEndOfDay('2026-03-31'); // '2026-03-31T22:59:00.000Z'
 * ```
 */
export function casablancaEndOfDay(date: string): string {
  return fromCasablancaWallClock(new Date(`${date}T23:59:00Z`)).toISOString();
}

/**
 * The Casablanca calendar dates (`YYYY-MM-DD`) a period covers, from its start's to its end's, in order: a
 * training session's days, one column each on its attendance sheet. An evening start in UTC may already be
 * the next day in Morocco.
 *
 * @example
 * ```ts
 * casablancaDays('2026-05-12T23:30:00Z', '2026-05-14T15:00:00Z'); // ['2026-05-13', '2026-05-14']
 * ```
 */
export function casablancaDays(start: Instant | Date, end: Instant | Date): string[] {
  const last = casablancaDate(end);
  const days: string[] = [];
  // Noon UTC of each calendar date: adding 24 hours never skips or repeats one. A year at most.
  for (let at = Date.parse(`${casablancaDate(start)}T12:00:00Z`); days.length < 366; at += 86_400_000) {
    const day = new Date(at).toISOString().slice(0, 10);
    if (day > last) break;
    days.push(day);
  }
  return days;
}

/**
 * The instant Morocco's clock reads `hour`:00 on the Casablanca date `days` after that of `from` — a time of
 * day that stays put whatever hour it is now, for schedules built relative to the present (a session from
 * 09:00 to 15:00 the day after tomorrow never crosses midnight, whenever it is planned).
 *
 * @example
 * ```ts
 * casablancaDayAt('2026-05-12T23:30:00Z', 1, 9); // '2026-05-14T08:00:00.000Z' (13 May there, so 14 May 09:00 UTC+1)
 * ```
 */
export function casablancaDayAt(from: Instant | Date, days: number, hour: number): string {
  const date = Date.parse(`${casablancaDate(from)}T00:00:00Z`) + days * 86_400_000 + hour * 3_600_000;
  return fromCasablancaWallClock(new Date(date)).toISOString();
}
