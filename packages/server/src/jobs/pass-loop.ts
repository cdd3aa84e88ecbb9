// The rhythm every background worker of the server shares (the mail outbox, webhook deliveries, digests,
// reminders): one pass at a time, a pass now, then one every `pollMs` and whenever something is woken; a wake
// during a pass runs one more pass after it; `runOnce` waits for the pass under way and runs one more (tests);
// `stop` lets the pass under way finish. What a pass does (claim due rows with a lease, act, record) is each
// worker's own.
import type { Logger } from '../http/log.js';

/** A running pass loop. */
export interface PassLoop<R> {
  /** Runs a pass soon (after the one under way, if any). */
  wake(): void;
  /** Runs passes until none is under way and one more has run; answers what they did, summed. */
  runOnce(): Promise<R>;
  /** Stops polling and waits for the pass under way. */
  stop(): Promise<void>;
  /** Whether {@link stop} was called: a pass checks it between items to end early. */
  readonly stopped: boolean;
}

/** What a worker gives {@link startPassLoop}. */
export interface PassLoopOptions<R> {
  /** Names the worker in the log when a pass fails ("mail", "webhook"). */
  name: string;
  /** How often a pass runs when nothing woke the loop (0: only when woken). */
  pollMs: number;
  /** One pass; `stopped()` tells it to end early. */
  pass(stopped: () => boolean): Promise<R>;
  /** The report of a pass that did nothing (and of a pass that failed). */
  empty(): R;
  /** Adds a pass's report into a total. */
  add(total: R, report: R): void;
  logger?: Logger;
  /** Whether the first pass runs at once (default) or only after `pollMs` or a wake. */
  firstPassNow?: boolean;
}

/**
 * Starts a pass loop: a first pass now (unless `firstPassNow` is `false`).
 *
 * @example
 * ```ts
 * const loop = startPassLoop({ name: 'mail', pollMs: 5_000, pass: (stopped) => sendDue(stopped),
 *   empty: () => ({ sent: 0 }), add: (total, report) => { total.sent += report.sent; } });
 * loop.wake();
 * await loop.stop();
 * ```
 */
export function startPassLoop<R>(options: PassLoopOptions<R>): PassLoop<R> {
  const { pollMs, logger } = options;
  let stopped = false;
  let running: Promise<R> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  function schedule(): void {
    if (stopped || pollMs <= 0) return;
    clearTimeout(timer);
    timer = setTimeout(() => void start(), pollMs);
    // The poll never keeps the process alive.
    timer.unref();
  }

  function start(): Promise<R> {
    if (running !== undefined) {
      again = true;
      return running;
    }
    again = false;
    running = options
      .pass(() => stopped)
      .catch((error: unknown) => {
        // The database may be closing or unreachable: the next pass tries again.
        if (!stopped) logger?.error(`${options.name} pass failed`, { error: String(error) });
        return options.empty();
      })
      .finally(() => {
        running = undefined;
        if (again && !stopped) void start();
        else schedule();
      });
    return running;
  }

  if (options.firstPassNow ?? true) void start();
  else schedule();

  return {
    wake() {
      if (!stopped) void start();
    },
    async runOnce() {
      const total = options.empty();
      while (running !== undefined) options.add(total, await running);
      options.add(total, await start());
      return total;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      while (running !== undefined) await running;
    },
    get stopped() {
      return stopped;
    },
  };
}
