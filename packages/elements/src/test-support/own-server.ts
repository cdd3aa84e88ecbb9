// Test files run two at a time against the one reference server of `/__nassij__/env.js`, and some write to
// it: the call editor publishes a call that opens 15 s later, the call manager awards one. A test that
// compares totals across two requests (a facet's count, then the total once it is checked) would see the
// other file's write land in between. Such files ask for a server of their own: the test runner's clock
// server (scripts/wtr-clock-server-plugin.mjs), one per test file with a fresh demo database, whose clock is
// the real one until the file moves it.
import { executeServerCommand } from '@web/test-runner-commands';

let own: Promise<string> | undefined;

/**
 * The base URL of this test file's own reference server, seeded with the demo data like the shared one
 * (the same `FIXTURES`), started on first use and written to by no other file.
 *
 * @example
 * ```ts
 * const base = await ownServer();
 * await fixture(html`<nassij-call-list api-base=${base}></nassij-call-list>`);
 * ```
 */
export function ownServer(): Promise<string> {
  own ??= (executeServerCommand('nassij-clock-server-start') as Promise<{ url: string }>).then(
    ({ url }) => url,
    (error: unknown) => {
      own = undefined;
      throw error;
    },
  );
  return own;
}
