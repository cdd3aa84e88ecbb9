// @ts-check
/**
 * A preload that moves this process's clock: with `NASSIJ_CLOCK=2027-01-04T10:00:00Z`, `Date.now()` and
 * `new Date()` start at that instant and run on at the real pace. `npm test` adds it to the node suite when
 * the variable is set, to prove that tests pass at any date and hour; one file can be replayed at the hour
 * a run failed. Timers are left alone. Only this process moves: a process a test spawns joins this clock
 * through `sameClock()` (packages/server/src/test-support/same-clock.ts).
 *
 * @example
 * // NASSIJ_CLOCK=2031-06-15T10:00:00Z npm test -- --only node
 * // NASSIJ_CLOCK=2026-12-05T23:30:00Z node --conditions=source --import ./scripts/lib/shift-process-clock.mjs \
 * //   --import tsx --test packages/server/src/areas/trainings/routes.test.ts
 */
import { shiftDate } from './shifted-date.mjs';

const target = process.env.NASSIJ_CLOCK;
if (target) {
  const start = Date.parse(target);
  if (Number.isNaN(start)) throw new Error(`NASSIJ_CLOCK is not an instant: ${target}`);
  shiftDate(start - Date.now());
}
