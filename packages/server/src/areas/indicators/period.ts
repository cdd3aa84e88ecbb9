import { casablancaDate } from '@nassij/contract';

const HOUR = 3_600_000;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The UTC instant at which the calendar day `year-month-day` begins in Africa/Casablanca. The zone moves
 * between UTC+1 and UTC+0 (Ramadan), so the offset is found by checking, not assumed.
 *
 * @example
 * ```ts
 * casablancaMidnight(2026, 1, 1).toISOString(); // '2025-12-31T23:00:00.000Z'
 * ```
 */
export function casablancaMidnight(year: number, month: number, day: number): Date {
  const base = Date.UTC(year, month - 1, day);
  const wanted = `${year}-${pad(month)}-${pad(day)}`;
  for (const offset of [1, 0, 2, -1]) {
    const at = base - offset * HOUR;
    if (casablancaDate(new Date(at)) === wanted && casablancaDate(new Date(at - 1)) !== wanted) {
      return new Date(at);
    }
  }
  return new Date(base - HOUR);
}

/** A half-open range of instants `[start, end)` as ISO strings that compare with stored instants. */
export interface InstantRange {
  start: string;
  end: string;
}

/**
 * The calendar year in Casablanca time as a range of UTC instants. The bounds keep their milliseconds so
 * that they compare correctly with stored instants written with or without them.
 *
 * @example
 * ```ts
 * yearRange(2026); // { start: '2025-12-31T23:00:00.000Z', end: '2026-12-31T23:00:00.000Z' }
 * ```
 */
export function yearRange(year: number): InstantRange {
  return {
    start: casablancaMidnight(year, 1, 1).toISOString(),
    end: casablancaMidnight(year + 1, 1, 1).toISOString(),
  };
}

/**
 * The first quarter (1 January – 31 March) of a year in Casablanca time.
 *
 * @example
 * ```ts
 * firstQuarterRange(2026).end; // the instant 1 April 2026 begins in Casablanca
 * ```
 */
export function firstQuarterRange(year: number): InstantRange {
  return {
    start: casablancaMidnight(year, 1, 1).toISOString(),
    end: casablancaMidnight(year, 4, 1).toISOString(),
  };
}

/**
 * The Casablanca calendar year of a stored instant.
 *
 * @example
 * ```ts
 * casablancaYear('2025-12-31T23:30:00Z'); // 2026
 * ```
 */
export function casablancaYear(at: string): number {
  return Number(casablancaDate(at).slice(0, 4));
}
