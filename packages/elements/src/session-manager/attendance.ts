import type { ReactiveController, ReactiveControllerHost } from 'lit';

// The attendance sheet is filled on a tablet in a training room, where the Wi-Fi comes and goes: every tick
// is kept here at once, sent with the ticks that follow it in one request, and a request that fails keeps its
// ticks (shown as "not saved yet") and is tried again — later, when the connection returns, or by the button.

/** One participant's presence on one day of the session (`day`: `YYYY-MM-DD` in Africa/Casablanca). */
export interface AttendanceMark {
  registrationId: string;
  day: string;
  present: boolean;
}

/** Where the sheet's ticks stand: all saved, being saved, waiting for the next batch, or a batch failed. */
export type SheetState = 'saved' | 'saving' | 'pending' | 'failed';

/** How the sheet sends a batch of ticks; rejects when the batch was not saved (nothing of it counts). */
export type SaveMarks = (marks: AttendanceMark[]) => Promise<void>;

/** How long ticks gather before they leave in one request: a row ticked quickly is one request. */
const BATCH_DELAY_MS = 1200;
/** Waits before trying a failed batch again: longer each time, never more than half a minute. */
const RETRY_DELAYS_MS = [2000, 5000, 10000, 30000] as const;

const keyOf = (registrationId: string, day: string) => `${registrationId}|${day}`;

/**
 * The attendance sheet's ticks and their saving: {@link mark} records a tick at once (the checkbox shows it)
 * and sends it with those that follow within a moment; a failed request keeps its ticks, says so, and is
 * tried again after a wait (longer each time), when the browser is back online, or by {@link flush}. A tick
 * changed while its batch was on its way is sent again with the next batch.
 *
 * @example
 * ```ts
 * const sheet = new AttendanceSheet(host, (marks) => client.request(saveAttendanceRef, { … }));
 * sheet.load([{ registrationId: 'reg_1', day: '2026-05-12', present: true }]);
 * sheet.mark('reg_2', '2026-05-12', true);
 * await sheet.flush(); // true once saved
 * ```
 */
export class AttendanceSheet implements ReactiveController {
  /** Where the ticks stand. */
  state: SheetState = 'saved';
  /** When the last batch was saved (for "saved at 10:42"). */
  savedAt: Date | undefined;
  /** The code of the last failure, while ticks wait to be sent again. */
  failure: string | undefined;
  readonly #host: ReactiveControllerHost;
  readonly #save: SaveMarks;
  readonly #report: (error: unknown) => string;
  /** Every tick shown: saved ones and those not saved yet. */
  readonly #marks = new Map<string, boolean>();
  /** Ticks not saved yet, in the order they were made. */
  readonly #pending = new Map<string, AttendanceMark>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #retries = 0;
  #sending: Promise<boolean> | undefined;
  readonly #online = () => {
    if (this.#pending.size > 0) void this.flush();
  };

  constructor(
    host: ReactiveControllerHost,
    save: SaveMarks,
    report: (error: unknown) => string = () => 'unknown',
  ) {
    this.#host = host;
    this.#save = save;
    this.#report = report;
    host.addController(this);
  }

  /** How many ticks are not saved yet. */
  get unsaved(): number {
    return this.#pending.size;
  }

  /** Whether `registrationId` is marked present on `day` (saved or not). */
  present(registrationId: string, day: string): boolean {
    return this.#marks.get(keyOf(registrationId, day)) === true;
  }

  /** The ticks not saved yet (a copy). */
  pendingMarks(): AttendanceMark[] {
    return [...this.#pending.values()];
  }

  /**
   * Takes the marks the platform holds (after loading the session), keeping the ticks not saved yet on top
   * of them: a reload while offline loses nothing.
   */
  load(saved: readonly AttendanceMark[]): void {
    this.#marks.clear();
    for (const mark of saved) this.#marks.set(keyOf(mark.registrationId, mark.day), mark.present);
    for (const [key, mark] of this.#pending) this.#marks.set(key, mark.present);
    this.#host.requestUpdate();
  }

  /** Records a tick (or its removal) and sends it with the next batch. */
  mark(registrationId: string, day: string, present: boolean): void {
    this.markAll([registrationId], day, present);
  }

  /** Records the same presence for several participants on one day ("mark all present today"): one batch. */
  markAll(registrationIds: readonly string[], day: string, present: boolean): void {
    for (const registrationId of registrationIds) {
      const key = keyOf(registrationId, day);
      this.#marks.set(key, present);
      // Deleted first: the tick goes to the end, in the order it was made.
      this.#pending.delete(key);
      this.#pending.set(key, { registrationId, day, present });
    }
    // A failed batch keeps saying so until one gets through.
    if (this.state === 'saved') this.state = 'pending';
    this.#schedule(BATCH_DELAY_MS);
    this.#host.requestUpdate();
  }

  /**
   * Sends every tick not saved yet, now, in one request (after the one on its way, if any). Resolves `true`
   * when everything is saved, `false` when the batch failed (its ticks are kept and tried again later).
   */
  async flush(): Promise<boolean> {
    this.#clearTimer();
    if (this.#sending) await this.#sending;
    if (this.#pending.size === 0) {
      this.state = 'saved';
      this.#host.requestUpdate();
      return true;
    }
    this.#sending = this.#send();
    try {
      return await this.#sending;
    } finally {
      this.#sending = undefined;
    }
  }

  async #send(): Promise<boolean> {
    const batch = [...this.#pending.entries()];
    this.state = 'saving';
    this.#host.requestUpdate();
    try {
      await this.#save(batch.map(([, mark]) => mark));
    } catch (error) {
      this.failure = this.#report(error);
      this.state = 'failed';
      const delay = RETRY_DELAYS_MS[Math.min(this.#retries, RETRY_DELAYS_MS.length - 1)]!;
      this.#retries += 1;
      this.#schedule(delay);
      this.#host.requestUpdate();
      return false;
    }
    // A tick changed while the batch travelled stays pending: its newer value goes with the next batch.
    for (const [key, mark] of batch)
      if (this.#pending.get(key)?.present === mark.present) this.#pending.delete(key);
    this.#retries = 0;
    this.failure = undefined;
    this.savedAt = new Date();
    this.state = this.#pending.size > 0 ? 'pending' : 'saved';
    if (this.#pending.size > 0) this.#schedule(BATCH_DELAY_MS);
    this.#host.requestUpdate();
    return this.#pending.size === 0;
  }

  #schedule(delay: number): void {
    this.#clearTimer();
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.flush();
    }, delay);
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Forgets every tick (another session opened); ticks not saved yet are dropped. */
  reset(): void {
    this.#clearTimer();
    this.#marks.clear();
    this.#pending.clear();
    this.state = 'saved';
    this.failure = undefined;
    this.savedAt = undefined;
    this.#retries = 0;
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    window.addEventListener('online', this.#online);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#online);
    // Leaving the page: what is pending goes now rather than never.
    if (this.#pending.size > 0) void this.flush();
    else this.#clearTimer();
  }
}
