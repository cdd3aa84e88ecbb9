// The virtual module the browser test runner serves with the address of the reference server it
// started for the run and the demo seed's fixture manifest (scripts/wtr-nassij-server-plugin.mjs).
declare module '*/__nassij__/env.js' {
  export const API_BASE: string;
  export const SERVER_ORIGIN: string;
  /**
   * The demo seed's fixture manifest (`demoFixtures` of `@nassij/server/fixtures`), or `null` without a
   * server package. Import it typed from `test-support/fixtures.ts`: this package does not depend on the
   * server.
   */
  export const FIXTURES: unknown;
}
