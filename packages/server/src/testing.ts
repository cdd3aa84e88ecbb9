import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, type ServerOptions, startServer } from './server.js';

// Files and answers built in code, for tests of any package that upload or submit against this server.
export {
  completeAnswers,
  eicarPdfBytes,
  fileFor,
  pdfBytes,
  pngBytes,
  zipBytes,
} from './areas/applications/fixtures.js';
export type { DemoFixtures } from './seed/fixtures.js';
// The ids tests need, named by role; they hold at any instant.
export { demoFixtures } from './seed/fixtures.js';

/**
 * A reference server on a free port over a fresh temporary data directory (all areas, demo seed unless told
 * otherwise), removed by `stop()`. For tests of the SDK, the elements and the examples.
 *
 * @example
 * ```ts
 * const server = await tempServer();
 * const client = createClient({ baseUrl: server.url });
 * await server.stop();
 * ```
 */
export async function tempServer(
  options: Partial<ServerOptions> = {},
): Promise<RunningServer & { dataDir: string; stop(): Promise<void> }> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'nassij-test-')));
  const server = await startServer({ logLevel: 'silent', seed: 'demo', ...options, dataDir });
  return {
    ...server,
    dataDir,
    async stop() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in a demo account and returns its token. */
export async function signInAs(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 201) throw new Error(`sign-in failed with ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/**
 * A clock that starts at `start` and runs at the real pace from the moment it is made: give it to a server
 * to see the platform as it is on another day ("after the deadline", "during Ramadan") without waiting.
 *
 * @example
 * ```ts
 * const server = await tempServer({ clock: clockFrom('2027-02-20T12:00:00Z') });
 * ```
 */
export function clockFrom(start: string | Date): () => Date {
  const offset = new Date(start).getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}
