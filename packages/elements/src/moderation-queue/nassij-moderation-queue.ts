import {
  type Contribution,
  MODERATION_REASON_MAX,
  moderateContributionRef,
  moderationQueueRef,
  regionName,
} from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import type { BaseClient } from '../base/client.js';
import { NassijElement } from '../base/nassij-element.js';
import { errorMessage, LiveAnnouncer, renderEmpty, renderError, renderLoading } from '../base/states.js';
import { consultationMessages } from '../consultation/consultation.messages.js';
import { consultationStyles } from '../consultation/consultation.styles.js';

/**
 * `<nassij-moderation-queue>`: for moderators, the contributions waiting for a decision (oldest first),
 * with their reports and history. Publishing is one click; hiding needs a reason, which the author sees
 * and which stays in the contribution's history. Needs a signed-in moderator (the page's client).
 *
 * Data mode: set `items`. Client mode: `api-base`, `client` or a provider; `consultation` narrows the queue.
 *
 * @tagname nassij-moderation-queue
 * @fires {CustomEvent<NassijModerateDetail>} nassij-moderate - A decision was recorded (in data mode: taken, for the page to record); `detail`: the contribution in its new state.
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
    errorCode: { state: true },
    itemErrors: { state: true },
  };
  static override messages = consultationMessages;
  /** The element's styles: the shared tokens and base styles, then its own. */
  static override styles = consultationStyles;

  declare consultationId: string | undefined;
  /** The pending contributions. */
  declare items: Contribution[] | undefined;
  /** Contributions decided in this session, with their new history, by id. */
  declare decided: Record<string, Contribution>;
  declare errorCode: string | undefined;
  declare itemErrors: Record<string, string>;

  /** @internal */
  readonly announcer = new LiveAnnouncer(this);

  constructor() {
    super();
    this.decided = {};
    this.itemErrors = {};
  }

  protected override clientChanged(client: BaseClient | undefined): void {
    if (client) void this.load();
  }

  /** Loads the pending queue. */
  async load(): Promise<void> {
    const client = this.resolvedClient;
    if (!client) return;
    this.errorCode = undefined;
    try {
      const page = await client.request(moderationQueueRef, {
        query: {
          state: 'pending',
          limit: 50,
          ...(this.consultationId ? { consultationId: this.consultationId } : {}),
        },
      });
      this.items = page.items;
      this.announcer.announce(this.t('cons.mod.count', { count: page.total ?? page.items.length }));
    } catch (error) {
      this.errorCode = this.failureCode(error);
    }
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
    } catch (error) {
      this.itemErrors = { ...this.itemErrors, [item.id]: errorMessage(this, this.failureCode(error)) };
    }
  }

  override render(): TemplateResult {
    if (this.errorCode) return renderError(this, { code: this.errorCode, onRetry: () => this.load() });
    if (!this.items) return renderLoading(this);
    return html`${this.announcer.region()}
      <section aria-labelledby="mod-h">
        <h2 id="mod-h">${this.t('cons.mod.title')}</h2>
        ${
          this.items.length
            ? html`<ul class="queue">${this.items.map((item) => this.#item(this.decided[item.id] ?? item))}</ul>`
            : renderEmpty(this, { message: this.t('cons.mod.none') })
        }
      </section>`;
  }

  #item(c: Contribution): TemplateResult {
    const reports = (c.history ?? []).filter((e) => e.action === 'reported');
    const id = `m-${c.id}`;
    const error = this.itemErrors[c.id];
    const pending = c.moderation.state === 'pending';
    // The queue also lists published contributions with reports no decision has covered: they stay public
    // until a moderator keeps or hides them, so they get the same form until decided here.
    const reported = c.moderation.state === 'published' && reports.length > 0;
    const decidable = !this.decided[c.id] && (pending || reported);
    return html`<li>
      <article part="contribution" class="contribution" data-id=${c.id} aria-labelledby=${`${id}-h`}>
        <h3 id=${`${id}-h`}>
          <span dir="auto">${c.author.displayName}</span>
          <span class="badge" data-state=${c.moderation.state}>${this.t(`cons.state.${c.moderation.state}`)}</span>
        </h3>
        <p class="meta">
          ${this.t(`cons.kind.${c.kind}`)} · ${this.t(`cons.ptype.${c.author.participantType}`)}
          ${c.author.region ? html` · ${regionName(c.author.region, this.locale)}` : nothing}
          · <time datetime=${c.createdAt}>${this.fmt.dateTime(c.createdAt)}</time>
        </p>
        <p class="body user-text" dir="auto">${c.body}</p>
        ${c.proposedText ? html`<p class="label">${this.t('cons.form.proposed')}</p><p class="user-text" dir="auto">${c.proposedText}</p>` : nothing}
        <p class="reports">${this.t('cons.mod.reports', { count: reports.length })}</p>
        ${
          c.history?.length
            ? html`<details class="history" ?open=${!pending}>
                <summary>${this.t('cons.mod.history')}</summary>
                <ol>
                  ${c.history.map(
                    (e) => html`<li data-action=${e.action}>
                      <time datetime=${e.at}>${this.fmt.dateTime(e.at)}</time> — ${this.t(`cons.event.${e.action}`)}${e.reason ? html`: <span class="user-text" dir="auto">${e.reason}</span>` : nothing}
                    </li>`,
                  )}
                </ol>
              </details>`
            : nothing
        }
        ${
          decidable
            ? html`<form class="decide" novalidate @submit=${(e: SubmitEvent) => this.#decide(e, c)}>
                <p>
                  <label for=${`${id}-reason`}>${this.t('cons.mod.reason')}</label>
                  <textarea id=${`${id}-reason`} name="reason" class="nassij-input" maxlength=${MODERATION_REASON_MAX}
                    aria-invalid=${error ? 'true' : 'false'} aria-describedby=${`${id}-error`}></textarea>
                  <span class="field-error" id=${`${id}-error`} role=${error ? 'alert' : nothing}>${error ?? ''}</span>
                </p>
                <p class="form-actions">
                  <button class="nassij-button" part="button" type="submit" name="decision" value="publish">${this.t(reported ? 'cons.mod.keep' : 'cons.mod.publish')}</button>
                  <button class="nassij-button" data-variant="secondary" part="button" type="submit" name="decision" value="hide">${this.t('cons.mod.hide')}</button>
                </p>
              </form>`
            : nothing
        }
      </article>
    </li>`;
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
