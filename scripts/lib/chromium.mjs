// @ts-check
// Debian's Chromium, as every browser run of the project launches it (TOOLCHAIN.md): test tools cannot
// download browsers here, and running as root in a container needs these arguments.

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
