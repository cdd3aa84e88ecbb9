// @ts-check
// Browser tests (`*.browser.test.ts`) in Debian's Chromium, with the reference server started beside them.
import { createServer } from 'node:net';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/lib/chromium.mjs';
import { clockServerPlugin } from './scripts/wtr-clock-server-plugin.mjs';
import { nassijServerPlugin } from './scripts/wtr-nassij-server-plugin.mjs';
import { popupPlugin } from './scripts/wtr-popup-plugin.mjs';
import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';

const HOST = '127.0.0.1';

/** A free port, chosen now so that the server's --cors-origin can name the test page's origin. */
const freePort = () =>
  new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address === 'object' ? ok(address.port) : fail(new Error('no port')),
      );
    });
  });

const port = Number(process.env.NASSIJ_WTR_PORT) || /** @type {number} */ (await freePort());
/** The test pages' origins, allowed by both reference servers. */
const ORIGINS = [`http://${HOST}:${port}`, `http://localhost:${port}`];

// No fixed userDataDir: it would pile up profiles.

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['packages/*/src/**/*.browser.test.ts'],
  hostname: HOST,
  port,
  concurrency: 2,
  nodeResolve: { exportConditions: ['source', 'browser', 'import'] },
  browserLogs: true,
  testFramework: { config: { timeout: 20000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: CHROMIUM_ARGS,
      },
      // Each test page in its own window: a background tab gets no animation frames and fixtures time out.
      createPage: ({ context }) => context.newPage({ type: 'window' }),
    }),
  ],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.base.json', target: 'es2022' }),
    nassijServerPlugin({ corsOrigin: ORIGINS }),
    clockServerPlugin({ corsOrigin: ORIGINS }),
    popupPlugin(),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
