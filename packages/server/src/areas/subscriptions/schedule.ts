// When daily and weekly digests go out: at a fixed hour of Moroccan time (08:00, Mondays for the weekly
// one), reckoned on Africa/Casablanca's clock, Ramadan's UTC+0 included, so that the hour stays 08:00 there.
import { casablancaWallClock, fromCasablancaWallClock } from '@nassij/contract';

/** The hour of Moroccan time at which digests go out. */
export const DIGEST_HOUR = 8;

const DAY_MS = 86_400_000;

/** The instant of 08:00 Moroccan time on the Moroccan calendar day that `wallDay` (UTC fields) holds. */
function digestInstantOn(wallDay: Date): Date {
  const day = Date.UTC(wallDay.getUTCFullYear(), wallDay.getUTCMonth(), wallDay.getUTCDate(), DIGEST_HOUR);
  return fromCasablancaWallClock(new Date(day));
}

/**
 * The first digest instant strictly after `after`: the next 08:00 Moroccan time (daily), or the next Monday at
 * 08:00 (weekly).
 *
 * @example
 * ```ts
 * nextDigestAt(new Date('2026-12-05T09:00:00Z'), 'daily').toISOString(); // '2026-12-06T07:00:00.000Z'
 * ```
 */
export function nextDigestAt(after: Date, digest: 'daily' | 'weekly'): Date {
  const wall = casablancaWallClock(after);
  // Today's, then the following days' 08:00: at most eight days ahead holds the next Monday.
  for (let days = 0; days <= 8; days += 1) {
    const wallDay = new Date(wall.getTime() + days * DAY_MS);
    if (digest === 'weekly' && wallDay.getUTCDay() !== 1) continue;
    const at = digestInstantOn(wallDay);
    if (at.getTime() > after.getTime()) return at;
  }
  throw new RangeError('No digest instant within eight days');
}

/**
 * The name of a digest period, by the Moroccan date its digest goes out on: `daily:2026-12-06`,
 * `weekly:2026-12-07`. One digest per subscription and period, whatever crashes and retries.
 *
 * @example
 * ```ts
 * digestPeriod(new Date('2026-12-06T07:00:00Z'), 'daily'); // 'daily:2026-12-06'
 * ```
 */
export function digestPeriod(dueAt: Date, digest: 'daily' | 'weekly'): string {
  return `${digest}:${casablancaWallClock(dueAt).toISOString().slice(0, 10)}`;
}
