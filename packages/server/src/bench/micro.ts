/**
 * In-process micro-benchmarks for `npm run bench`: runs from source under tsx and prints one JSON line
 * `{ name: opsPerSecond }` on stdout. It needs a seeded data directory (argv[2]) for real inputs.
 *
 * @example
 * ```sh
 * node --conditions=source --import tsx packages/server/src/bench/micro.ts ./data
 * ```
 */
import { Call, evaluateEligibility, foldForSearch, profileOf, validate } from '@nassij/contract';
import { demoFixtures as F } from '../seed/fixtures.js';
import { startServer } from '../server.js';

function rate(fn: () => void, ms = 1500): number {
  for (let i = 0; i < 200; i++) fn();
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 100; i++) fn();
    n += 100;
    now = performance.now();
  }
  return Math.round((n * 1000) / (now - start));
}

const server = await startServer({ dataDir: process.argv[2] ?? '.', seed: 'none', logLevel: 'silent' });
const call = await (await fetch(`${server.url}/v1/calls/${F.calls.openEligible}`)).json();
const association = await (await fetch(`${server.url}/v1/associations/${F.associations.represented}`)).json();
await server.close();

const text = 'الجمعيّة أفق لتدبير الماء بالدار البيضاء — Association Ofoq pour la gestion de l’eau ⵜⴰⵎⵙⵙⵓⴷⴰⵙⵜ';
const profile = profileOf(association);
// The demo's dates are moved to today, so the call is evaluated as of now.
const now = new Date().toISOString();
const results = {
  'validate(Call)': rate(() => validate(Call, call, 'body')),
  evaluateEligibility: rate(() => evaluateEligibility(call.eligibility.rules, profile, now)),
  foldForSearch: rate(() => foldForSearch(text)),
};
process.stdout.write(`${JSON.stringify(results)}\n`);
