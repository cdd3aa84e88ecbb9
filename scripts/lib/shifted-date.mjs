// @ts-check
/**
 * Moves this realm's clock: `Date.now()` and `new Date()` run `offsetMs` from the real time, at the real
 * pace; dates built from a value, and timers, are left alone. Self-contained, so that Playwright can send it
 * to a page as an init script (`newContextOnProcessClock` in ./chromium.mjs) as well as the preload
 * ./shift-process-clock.mjs running it in a Node process.
 *
 * @example
 * shiftDate(Date.parse('2027-01-04T10:00:00Z') - Date.now());
 *
 * @param {number} offsetMs
 */
export function shiftDate(offsetMs) {
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    /** @param {any[]} args */
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offsetMs);
      // @ts-expect-error -- the same overloads as Date
      else super(...args);
    }
    static now() {
      return RealDate.now() + offsetMs;
    }
  }
  globalThis.Date = /** @type {DateConstructor} */ (ShiftedDate);
}
