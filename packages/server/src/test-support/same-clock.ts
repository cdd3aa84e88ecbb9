// Processes a test spawns (the CLI, a worker) read the clock themselves. When `NASSIJ_CLOCK` moved the test's
// clock (scripts/lib/shift-process-clock.mjs, to replay a run at another hour), a child on the real clock
// would find what the test wrote hours in its future or past: webhook deliveries not yet due, and so on.

const SHIFT_CLOCK = new URL('../../../../scripts/lib/shift-process-clock.mjs', import.meta.url).href;

/**
 * The node flags and environment that run a spawned process on this process's clock: nothing to add on the
 * real clock; when `NASSIJ_CLOCK` moved it, the clock preload, starting the child where this clock is now.
 *
 * @example
 * ```ts
 * const clock = sameClock();
 * spawn(process.execPath, ['--conditions=source', ...clock.execArgv, '--import', 'tsx', CLI], {
 *   env: { ...process.env, ...clock.env },
 * });
 * ```
 */
export function sameClock(): { execArgv: string[]; env: Record<string, string> } {
  if (!process.env.NASSIJ_CLOCK) return { execArgv: [], env: {} };
  return { execArgv: ['--import', SHIFT_CLOCK], env: { NASSIJ_CLOCK: new Date().toISOString() } };
}
