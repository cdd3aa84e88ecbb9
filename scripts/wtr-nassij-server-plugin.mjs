// @ts-check
/**
 * A @web/test-runner plugin that starts the Nassij reference server for the browser tests and tells them
 * where it listens through the virtual module `/__nassij__/env.js`. The module also exports `FIXTURES`,
 * the demo seed's fixture manifest (`demoFixtures` of packages/server/src/seed/fixtures.ts), so that tests
 * name seeded ids by their role; tests import it typed from `packages/elements/src/test-support/fixtures.ts`.
 *
 * @example
 * // web-test-runner.config.mjs
 * import { nassijServerPlugin } from './scripts/wtr-nassij-server-plugin.mjs';
 * export default { port: 8000, plugins: [nassijServerPlugin({ corsOrigin: 'http://127.0.0.1:8000' })] };
 * // in a test: import { API_BASE, FIXTURES } from '/__nassij__/env.js';
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Path of the virtual module the browser tests import. */
export const ENV_MODULE_PATH = '/__nassij__/env.js';

const LISTENING = /listening on (http:\/\/\S+)/;

/**
 * The fixture manifest as JSON, read from its TypeScript source with tsx (the manifest imports nothing),
 * or `null` if the server package has none yet.
 *
 * @param {string} rootDir
 * @returns {Promise<string>}
 */
async function fixturesJson(rootDir) {
  const file = resolve(rootDir, 'packages/server/src/seed/fixtures.ts');
  if (!existsSync(file)) return 'null';
  const { tsImport } = await import('tsx/esm/api');
  /** @type {{ demoFixtures?: unknown }} */
  const manifest = await tsImport(pathToFileURL(file).href, import.meta.url);
  if (!manifest.demoFixtures) throw new Error(`${file} exports no demoFixtures`);
  return JSON.stringify(manifest.demoFixtures);
}

/**
 * @param {{ corsOrigin: string | string[], rootDir?: string, startTimeoutMs?: number }} options
 * @returns {import('@web/dev-server-core').Plugin}
 */
export function nassijServerPlugin({ corsOrigin, rootDir = process.cwd(), startTimeoutMs = 60_000 }) {
  const cli = resolve(rootDir, 'packages/server/src/cli.ts');
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  /** @type {string | undefined} */
  let dataDir;
  let apiBase = '';
  let fixtures = 'null';

  const killChild = () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };

  return {
    name: 'nassij-server',

    async serverStart({ logger }) {
      fixtures = await fixturesJson(rootDir);
      // Until the server exists, the element tests that need no server must still run.
      if (!existsSync(cli)) {
        logger.log(`[nassij-server] ${cli} not found: not starting the server, API_BASE = ''`);
        return;
      }
      dataDir = mkdtempSync(join(tmpdir(), 'nassij-wtr-'));
      const args = [
        '--conditions=source',
        '--import',
        'tsx',
        cli,
        '--port',
        '0',
        '--host',
        '127.0.0.1',
        '--data',
        dataDir,
        '--seed',
        'demo',
        ...[corsOrigin].flat().flatMap((origin) => ['--cors-origin', origin]),
        '--log-level',
        'warn',
      ];
      const proc = spawn(process.execPath, args, { cwd: rootDir, stdio: ['ignore', 'pipe', 'inherit'] });
      child = proc;
      // A crashed wtr must not leave the server running.
      process.once('exit', killChild);
      apiBase = await new Promise((ok, fail) => {
        let buffer = '';
        let done = false;
        const timer = setTimeout(
          () => finish(new Error(`server did not print its URL in ${startTimeoutMs} ms`)),
          startTimeoutMs,
        );
        /** @param {Error | null} error @param {string} [url] */
        const finish = (error, url) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          if (error) {
            killChild();
            fail(error);
          } else ok(/** @type {string} */ (url));
        };
        proc.stdout?.setEncoding('utf8');
        proc.stdout?.on('data', (chunk) => {
          // Keep forwarding after the match so the pipe never fills and blocks the server.
          if (done) {
            process.stdout.write(chunk);
            return;
          }
          buffer += chunk;
          const match = LISTENING.exec(buffer);
          if (match?.[1]) finish(null, match[1].replace(/\/$/, ''));
          else if (buffer.length > 65_536) buffer = buffer.slice(-4096);
        });
        proc.once('error', (error) => finish(error));
        proc.once('exit', (code, signal) =>
          finish(new Error(`server exited early (code ${code}, signal ${signal})`)),
        );
      });
      logger.log(`[nassij-server] ${apiBase} (data ${dataDir})`);
    },

    async serverStop() {
      const proc = child;
      if (proc && proc.exitCode === null && proc.signalCode === null) {
        const exited = new Promise((ok) => proc.once('exit', ok));
        proc.kill('SIGTERM');
        const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      process.removeListener('exit', killChild);
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },

    serve(context) {
      if (context.path !== ENV_MODULE_PATH) return undefined;
      const origin = apiBase ? new URL(apiBase).origin : '';
      return {
        body: [
          `export const API_BASE = ${JSON.stringify(apiBase)};`,
          `export const SERVER_ORIGIN = ${JSON.stringify(origin)};`,
          `export const FIXTURES = Object.freeze(${fixtures});`,
          '',
        ].join('\n'),
        type: 'js',
        headers: { 'cache-control': 'no-store' },
      };
    },
  };
}
