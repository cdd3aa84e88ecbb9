import { type Contribution, moderateContributionRef, moderationQueueRef } from '@nassij/contract';
import { html, type PropertyValues, type TemplateResult } from 'lit';
import type { BaseClient } from '../base/client.js';
import { NassijElement } from '../base/nassij-element.js';
import { ResourceController } from '../base/resource.js';
import { SignInController } from '../base/sign-in.js';
import { errorMessage, LiveAnnouncer } from '../base/states.js';
import { renderItem } from './item.js';
import { moderationQueueMessages } from './moderation-queue.messages.js';
import { moderationQueueStyles } from './moderation-queue.styles.js';

/** A page of the queue as loaded: its contributions and how many wait in all. */
interface QueuePage {
  items: Contribution[];
  total: number;
}

/**
 * `<nassij-moderation-queue>`: for moderators, the contributions waiting for a decision (oldest first),
 * with their reports and history. Publishing is one click; hiding needs a reason, which the author sees
 * and which stays in the contribution's history. Needs a signed-in moderator: without one it offers the
 * platform's sign-in popup (in the element's language), then loads and moves focus to its heading.
 *
 * Data mode: set `items`. Client mode: `api-base`, `client` or a provider; `consultation` narrows the queue.
 *
 * @tagname nassij-moderation-queue
 * @fires {CustomEvent<NassijModerateDetail>} nassij-moderate - A decision was recorded (in data mode: taken, for the page to record); `detail`: the contribution in its new state.
 * @fires {CustomEvent<NassijErrorDetail>} nassij-error - A load, a decision or the sign-in failed; `detail: { code }`.
 * @cssprop --nassij-consultation-gap - Space between items.
 * @csspart contribution - Each item of the queue.
 * @csspart button - Buttons.
 *
 * @example
 * ```html
 * <nassij-moderation-queue api-base="https://platform.example/api" consultation="cons_0001"></nassij-moderation-queue>
 * ```
 */
export class NassijModerationQueue extends NassijElement {
  static override properties = {
    consultationId: { attribute: 'consultation' },
    items: { attribute: false },
    decided: { attribute: false },
    itemErrors: { state: true },
  };
  static override messages = moderationQueueMessages;
  /** The element's styles: the shared tokens and base styles, then its own. */
  static override styles = moderationQueueStyles;

  /** Narrows the queue to one consultation (`consultation` attribute). */
  declare consultationId: string | undefined;
  /** The pending contributions. */
  declare items: Contribution[] | undefined;
  /** Contributions decided in this session, with their new history, by id. */
  declare decided: Record<string, Contribution>;
  /** The message of a decision that failed, by contribution id. */
  declare itemErrors: Record<string, string>;

  /** @internal */
  readonly announcer = new LiveAnnouncer(this);
  #clientChanged = false;
  #announce = false;
  #queue = new ResourceController<QueuePage>(this, {
    load: async (signal) => {
      const page = await this.resolvedClient!.request(moderationQueueRef, {
        query: {
          state: 'pending',
          limit: 50,
          ...(this.consultationId ? { consultationId: this.consultationId } : {}),
        },
        signal,
      });
      return { items: page.items, total: page.total ?? page.items.length };
    },
    onValue: (page) => {
      this.items = page.items;
      // Announced from willUpdate, which runs once the locale's words are at hand.
      this.#announce = true;
    },
    keepValueOnError: false,
  });
  #signIn = new SignInController(this, { signedIn: () => this.#afterSignIn() });

  constructor() {
    super();
    this.decided = {};
    this.itemErrors = {};
  }

  protected override clientChanged(_client: BaseClient | undefined): void {
    this.#clientChanged = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.#clientChanged || changed.has('consultationId')) {
      this.#clientChanged = false;
      void this.load();
    }
    // Data mode: items the page set are the resource's value.
    if (this.items && this.items !== this.#queue.value?.items)
      this.#queue.set({ items: this.items, total: this.items.length });
    if (this.#announce) {
      this.#announce = false;
      this.announcer.announce(this.t('cons.mod.count', { count: this.#queue.value?.total ?? 0 }));
    }
  }

  /** Loads the pending queue (client mode). Without a signed-in account it offers sign-in instead. */
  async load(): Promise<void> {
    const client = this.resolvedClient;
    if (!client) return;
    if (this.#signIn.offered(undefined)) {
      this.#queue.abort();
      return;
    }
    await this.#queue.run();
  }

  async #afterSignIn(): Promise<void> {
    const loaded = this.load();
    await this.updateComplete;
    // The sign-in button is gone: the heading takes the focus, above the queue that is loading.
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    await loaded;
  }

  async #decide(event: SubmitEvent, item: Contribution): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const decision = (event.submitter as HTMLButtonElement | null)?.value === 'hide' ? 'hide' : 'publish';
    const reason = String(new FormData(form).get('reason') ?? '').trim();
    if (decision === 'hide' && !reason) {
      this.itemErrors = { ...this.itemErrors, [item.id]: this.t('cons.mod.reasonRequired') };
      form.querySelector<HTMLElement>('textarea')?.focus();
      return;
    }
    const client = this.resolvedClient;
    if (!client) {
      this.emit('nassij-moderate', {
        ...item,
        moderation: { state: decision === 'hide' ? 'hidden' : 'published' },
      });
      return;
    }
    try {
      const updated = await client.request(moderateContributionRef, {
        params: { contributionId: item.id },
        body: { decision, ...(reason ? { reason } : {}) },
      });
      this.decided = { ...this.decided, [item.id]: updated };
      const { [item.id]: _, ...rest } = this.itemErrors;
      this.itemErrors = rest;
      this.announcer.announce(this.t(`cons.state.${updated.moderation.state}`));
      this.emit('nassij-moderate', updated);
      await this.updateComplete;
      // The form is gone: focus goes to the item's heading, which now says its new state.
      this.renderRoot.querySelector<HTMLElement>(`#m-${CSS.escape(item.id)}-h`)?.focus();
    } catch (error) {
      this.itemErrors = { ...this.itemErrors, [item.id]: errorMessage(this, this.reportFailure(error)) };
    }
  }

  override render(): TemplateResult {
    return html`${this.announcer.region()}
      <section aria-labelledby="mod-h">
        <h2 id="mod-h" tabindex="-1">${this.t('cons.mod.title')}</h2>
        ${this.#body()}
      </section>`;
  }

  #body(): unknown {
    return this.#signIn.around(this.#queue, this.t('cons.mod.signIn'), {
      ready: (page) =>
        html`<ul class="queue">${page.items.map((item) =>
          renderItem(this, this.decided[item.id] ?? item, (e, c) => this.#decide(e, c)),
        )}</ul>`,
      isEmpty: (page) => page.items.length === 0,
      emptyMessage: this.t('cons.mod.none'),
    });
  }
}

/** `detail` of `nassij-moderate`: the contribution in its new state (`moderation.state`). */
export type NassijModerateDetail = Contribution;

/**
 * The events `<nassij-moderation-queue>` fires; all bubble out of shadow roots (composed).
 *
 * @example
 * ```ts
 * queue.addEventListener('nassij-moderate', (event) => log(event.detail.id, event.detail.moderation.state));
 * ```
 */
export interface NassijModerationQueueEventMap {
  'nassij-moderate': CustomEvent<NassijModerateDetail>;
}

declare global {
  // The tag as the self-registering entry defines it; declared here so the class alone brings the type.
  interface HTMLElementTagNameMap {
    'nassij-moderation-queue': NassijModerationQueue;
  }
  interface GlobalEventHandlersEventMap extends NassijModerationQueueEventMap {}
}
