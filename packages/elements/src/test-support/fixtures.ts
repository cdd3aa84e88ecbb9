/**
 * The demo seed's fixture manifest for browser tests: the seeded ids the tests need, named by the role
 * they play. The test runner's server plugin (scripts/wtr-nassij-server-plugin.mjs) reads `demoFixtures`
 * from `@nassij/server/fixtures` and serves it in the virtual module `/__nassij__/env.js`; this module
 * only gives it its type. Only tests import it (the package build leaves `test-support` out).
 *
 * @example
 * ```ts
 * import { FIXTURES } from '../test-support/fixtures.js';
 * html`<nassij-consultation consultation=${FIXTURES.consultations.draftLaw}></nassij-consultation>`;
 * ```
 */
import type { DemoFixtures } from '@nassij/server/fixtures';
import { FIXTURES as served } from '/__nassij__/env.js';

export type { DemoFixtures };

/** The fixture manifest of the server the test runner started. */
export const FIXTURES = served as DemoFixtures;
