// @ts-check
// Debian's Chromium, as every browser run of the project launches it (TOOLCHAIN.md): test tools cannot
// download browsers here, and running as root in a container needs these arguments.

import { shiftDate } from './shifted-date.mjs';

/** Where Chromium is: `CHROME_PATH`, else Debian's package. */
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Launch arguments for headless Chromium as root in a container. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * A new context of `browser` whose pages read this process's clock. With `NASSIJ_CLOCK`
 * (scripts/lib/shift-process-clock.mjs) the test and its in-process server run at another instant than the
 * real one, which the browser would keep: a date the test computes "ten minutes from now" would then be in
 * the page's past. The pages' `Date` is moved by the same offset, by the function the preload moves the
 * process's with (./shifted-date.mjs); timers are left alone. Playwright's own clock does not serve here:
 * its in-process driver reads the moved `Date` too, and the pages kept the real time. Without a moved clock
 * the context is left alone.
 *
 * @example
 * const context = await newContextOnProcessClock(browser, { viewport: { width: 320, height: 640 } });
 *
 * @param {import('playwright-core').Browser} browser
 * @param {import('playwright-core').BrowserContextOptions} [options]
 * @returns {Promise<import('playwright-core').BrowserContext>}
 */
export async function newContextOnProcessClock(browser, options) {
  const context = await browser.newContext(options);
  // The real time, which a moved `Date` no longer tells: the monotonic clock from the process's start.
  const offset = Date.now() - (performance.timeOrigin + performance.now());
  if (Math.abs(offset) > 1000) await context.addInitScript(shiftDate, Math.round(offset));
  return context;
}
