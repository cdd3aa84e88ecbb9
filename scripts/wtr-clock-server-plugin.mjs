// @ts-check
/**
 * A @web/test-runner server-command plugin that starts a second Nassij reference server whose clock the
 * browser tests can move forward, so that a deadline can really pass during a test. The server is the
 * built `@nassij/server` (`packages/server/dist/index.js`), started in-process on first use, on loopback,
 * with a fresh demo database. The shared server of `wtr-nassij-server-plugin.mjs` keeps the real clock.
 * Page side:
 * `const { url } = await executeServerCommand('nassij-clock-server-start')`, then
 * `await executeServerCommand('nassij-clock-advance', { days: 3 })` → `{ now }` (the server's new time).
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

/** Starts the clock server (once per run) and answers `{ url }`. */
export const CLOCK_SERVER_START_COMMAND = 'nassij-clock-server-start';
/** Moves the clock server's time forward by `{ days }` and answers `{ now }` (ISO instant). */
export const CLOCK_ADVANCE_COMMAND = 'nassij-clock-advance';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * @param {{ corsOrigin: string | string[], rootDir?: string }} options
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function clockServerPlugin({ corsOrigin, rootDir = process.cwd() }) {
  const entry = resolve(rootDir, 'packages/server/dist/index.js');
  let offsetMs = 0;
  /** @type {Promise<{ url: string, close(): Promise<void> }> | undefined} */
  let starting;
  /** @type {string | undefined} */
  let dataDir;

  const start = async () => {
    if (!existsSync(entry)) {
      throw new Error(`${entry} not found: run \`npm run build\` before the browser tests`);
    }
    const { startServer } =
      /** @type {{ startServer: (o: object) => Promise<{ url: string, close(): Promise<void> }> }} */ (
        await import(pathToFileURL(entry).href)
      );
    dataDir = mkdtempSync(join(tmpdir(), 'nassij-wtr-clock-'));
    return startServer({
      host: '127.0.0.1',
      port: 0,
      dataDir,
      seed: 'demo',
      corsOrigins: [corsOrigin].flat(),
      logLevel: 'error',
      // Read on every request, so an advance applies to the next one.
      clock: () => new Date(Date.now() + offsetMs),
    });
  };

  return {
    name: 'nassij-clock-server',

    async executeCommand({ command, payload }) {
      if (command === CLOCK_SERVER_START_COMMAND) {
        // Concurrent first calls share one start; a failed start is retried by the next call.
        starting ??= start().catch((error) => {
          starting = undefined;
          throw error;
        });
        const server = await starting;
        return { url: server.url };
      }
      if (command === CLOCK_ADVANCE_COMMAND) {
        const { days } = /** @type {{ days?: unknown }} */ (payload ?? {});
        if (typeof days !== 'number' || !Number.isFinite(days)) {
          throw new Error(`${CLOCK_ADVANCE_COMMAND} needs { days: number }`);
        }
        offsetMs += days * DAY_MS;
        return { now: new Date(Date.now() + offsetMs).toISOString() };
      }
      return undefined;
    },

    async serverStop() {
      const pending = starting;
      starting = undefined;
      if (pending) await pending.then((server) => server.close()).catch(() => undefined);
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      dataDir = undefined;
    },
  };
}
