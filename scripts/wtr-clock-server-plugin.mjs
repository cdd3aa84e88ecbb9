// @ts-check
/**
 * A @web/test-runner server-command plugin that starts a second Nassij reference server whose clock the
 * browser tests can move forward, so that a deadline can really pass during a test. The server is the
 * built `@nassij/server` (`packages/server/dist/index.js`), started in-process on first use, on loopback,
 * with a fresh demo database. Each test file has its own server and clock: files run side by side, and one
 * file's three days forward must not expire another's sign-in halfway through its test. The shared server
 * of `wtr-nassij-server-plugin.mjs` keeps the real clock. A file that never moves the clock may still start
 * its own server to be alone on its data (`ownServer()` of packages/elements/src/test-support): tests that
 * compare totals across requests, which other files' writes to the shared server change in between.
 * Page side:
 * `const { url } = await executeServerCommand('nassij-clock-server-start')`, then
 * `await executeServerCommand('nassij-clock-advance', { days: 3 })` → `{ now }` (the server's new time).
 * Tests must pass at any hour: `NASSIJ_CLOCK_START=2026-12-05T23:30:00Z npx wtr …` starts the clock there
 * (an ISO instant) instead of at the real time, to replay a run at the hour it failed. Only the server's
 * clock moves: the browser keeps the real one, so pick an hour within a day of now.
 *
 * @example
 * // web-test-runner.config.mjs
 * import { clockServerPlugin } from './scripts/wtr-clock-server-plugin.mjs';
 * export default { port: 8000, plugins: [clockServerPlugin({ corsOrigin: 'http://127.0.0.1:8000' })] };
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Starts the test file's clock server (once per file) and answers `{ url }`. */
export const CLOCK_SERVER_START_COMMAND = 'nassij-clock-server-start';
/** Moves the test file's clock forward by `{ days }` and answers `{ now }` (ISO instant). */
export const CLOCK_ADVANCE_COMMAND = 'nassij-clock-advance';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * @typedef {{ url: string, close(): Promise<void> }} RunningServer
 * @typedef {{ offsetMs: number, dataDir?: string, starting?: Promise<RunningServer> }} FileClock
 */

/**
 * @param {{ corsOrigin: string | string[], rootDir?: string }} options
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function clockServerPlugin({ corsOrigin, rootDir = process.cwd() }) {
  const entry = resolve(rootDir, 'packages/server/dist/index.js');
  const startAt = process.env.NASSIJ_CLOCK_START || undefined;
  if (startAt !== undefined && Number.isNaN(Date.parse(startAt))) {
    throw new Error(`NASSIJ_CLOCK_START=${startAt} is not an ISO instant`);
  }
  /** @type {Map<string, FileClock>} each test file's clock, by the file's path */
  const clocks = new Map();
  /** @param {string} testFile */
  const clockOf = (testFile) => {
    let clock = clocks.get(testFile);
    if (!clock) {
      clock = { offsetMs: startAt === undefined ? 0 : Date.parse(startAt) - Date.now() };
      clocks.set(testFile, clock);
    }
    return clock;
  };

  /** @param {FileClock} clock */
  const start = async (clock) => {
    if (!existsSync(entry)) {
      throw new Error(`${entry} not found: run \`npm run build\` before the browser tests`);
    }
    const { startServer } = /** @type {{ startServer: (o: object) => Promise<RunningServer> }} */ (
      await import(pathToFileURL(entry).href)
    );
    clock.dataDir ??= mkdtempSync(join(tmpdir(), 'nassij-wtr-clock-'));
    return startServer({
      host: '127.0.0.1',
      port: 0,
      dataDir: clock.dataDir,
      seed: 'demo',
      corsOrigins: [corsOrigin].flat(),
      logLevel: 'error',
      // Read on every request, so an advance applies to the next one.
      clock: () => new Date(Date.now() + clock.offsetMs),
    });
  };

  return {
    name: 'nassij-clock-server',

    async executeCommand({ command, payload, session }) {
      if (command === CLOCK_SERVER_START_COMMAND) {
        const clock = clockOf(session.testFile);
        // Concurrent first calls share one start; a failed start is retried by the next call.
        clock.starting ??= start(clock).catch((error) => {
          clock.starting = undefined;
          throw error;
        });
        const server = await clock.starting;
        return { url: server.url };
      }
      if (command === CLOCK_ADVANCE_COMMAND) {
        const { days } = /** @type {{ days?: unknown }} */ (payload ?? {});
        if (typeof days !== 'number' || !Number.isFinite(days)) {
          throw new Error(`${CLOCK_ADVANCE_COMMAND} needs { days: number }`);
        }
        const clock = clockOf(session.testFile);
        clock.offsetMs += days * DAY_MS;
        return { now: new Date(Date.now() + clock.offsetMs).toISOString() };
      }
      return undefined;
    },

    async serverStop() {
      const stopping = [...clocks.values()];
      clocks.clear();
      await Promise.all(
        stopping.map(async ({ starting, dataDir }) => {
          if (starting) await starting.then((server) => server.close()).catch(() => undefined);
          if (dataDir) rmSync(dataDir, { recursive: true, force: true });
        }),
      );
    },
  };
}
