import type { CalendarToken } from '@nassij/contract';
import { feedsArea } from '@nassij/sdk';
import { errorMessage } from '../base/states.js';
import type { NassijTrainingFinder } from './nassij-training-finder.js';

/**
 * "Subscribe to my trainings calendar" in the signed-in view: issues the account's calendar secret through
 * the SDK (a new one stops the previous one), keeps its address to show and copy, and forgets it when the
 * reader signs out, since anyone who has the address sees the person's sessions. Loaded with the
 * "my registrations" view (see `registration-ui.ts`).
 *
 * @example
 * ```ts
 * const calendar = new PersonalCalendar(finder);
 * await calendar.issue(); // calendar.address: 'https://platform.example/api/v1/calendars/me/….ics'
 * ```
 */
export class PersonalCalendar {
  /** The issued secret and its calendar address, once asked for. */
  token: CalendarToken | undefined;
  /** Whether the secret is being issued. */
  busy = false;
  /** Why it could not be issued, translated. */
  error: string | undefined;
  readonly #host: NassijTrainingFinder;

  constructor(host: NassijTrainingFinder) {
    this.#host = host;
  }

  /** The address a calendar app subscribes to, once issued. */
  get address(): string | undefined {
    return this.token?.url;
  }

  #set(patch: Partial<Pick<PersonalCalendar, 'token' | 'busy' | 'error'>>): void {
    Object.assign(this, patch);
    this.#host.requestUpdate();
  }

  /** Issues (or replaces) the secret; focus then goes to the address, which took the button's place. */
  readonly issue = async (): Promise<void> => {
    const host = this.#host;
    const transport = host.resolvedClient?.transport;
    if (!transport || this.busy) return;
    this.#set({ busy: true, error: undefined });
    try {
      this.#set({ token: await feedsArea(transport).issueCalendarToken() });
      await host.updateComplete;
      host.renderRoot.querySelector<HTMLInputElement>('#calendar-url')?.focus();
    } catch (error) {
      this.#set({ error: errorMessage(host, host.reportFailure(error)) });
    } finally {
      this.#set({ busy: false });
    }
  };

  /** Copies the address to the clipboard and says so; where the clipboard is refused, selects it to copy by hand. */
  readonly copy = async (): Promise<void> => {
    const host = this.#host;
    const address = this.address;
    if (!address) return;
    try {
      await navigator.clipboard.writeText(address);
      host.announcer.announce(host.t('tf.cal.copied'));
    } catch {
      host.renderRoot.querySelector<HTMLInputElement>('#calendar-url')?.select();
    }
  };

  /** Forgets the address (sign-out): the next person at this screen must not see it. */
  clear(): void {
    this.#set({ token: undefined, error: undefined });
  }
}
