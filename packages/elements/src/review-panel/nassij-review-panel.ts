import {
  type Application,
  type ApplicationSummary,
  type Call,
  decideApplicationRef,
  getApplicationRef,
  getCallRef,
  type LocalizedText,
  listCallApplicationsRef,
  pickText,
  submitReviewRef,
} from '@nassij/contract';
import { css, html, nothing, type TemplateResult } from 'lit';
import type { BaseClient } from '../base/client.js';
import { NassijElement } from '../base/nassij-element.js';
import { errorMessage, LiveAnnouncer, renderEmpty, renderError, renderLoading } from '../base/states.js';
import { baseStyles } from '../styles/index.js';
import { reviewPanelMessages } from './review-panel.messages.js';

/**
 * The reviewers' side of a call: its applications, one application's answers read-only, a
 * conflict-of-interest declaration first (a declared conflict means no scores), a score per criterion
 * with the call's published anchors (one radio group per criterion), comments, and a decision (award
 * with an amount, or rejection with a reason) that makes an award public.
 *
 * Data mode: set `callData`, `applications` and `application`. Client mode: `call="ID"` with a signed-in
 * reviewer's client (`client`, `api-base` or a provider).
 *
 * @tagname nassij-review-panel
 * @fires {CustomEvent<NassijReviewSubmitDetail>} nassij-review-submit - A review was recorded; `detail: { applicationId }`.
 * @fires {CustomEvent<NassijDecideDetail>} nassij-decide - A decision was recorded; `detail: { applicationId, outcome }`.
 * @csspart button - Every action button.
 *
 * @example
 * ```html
 * <nassij-review-panel api-base="https://platform.example/api" call="call_0018"></nassij-review-panel>
 * ```
 */
export class NassijReviewPanel extends NassijElement {
  static override properties = {
    call: { reflect: true },
    callData: { attribute: false },
    applications: { attribute: false },
    application: { attribute: false },
    conflict: { state: true },
    errorCode: { state: true },
    actionError: { state: true },
    busy: { state: true },
    outcome: { state: true },
    reviewed: { state: true },
  };
  static override messages = reviewPanelMessages;
  /** The element's styles: the shared tokens and base styles, then its own. */
  static override styles = [
    baseStyles,
    css`
      ul.apps { list-style: none; padding: 0; display: grid; gap: var(--_n-space-2); }
      fieldset { border: 1px solid var(--_n-border); border-radius: var(--_n-radius); margin-block: 0 var(--_n-space-3); }
      legend { font-weight: 600; }
      .option { display: flex; gap: var(--_n-space-2); align-items: center; min-block-size: 2rem; }
      .option input { inline-size: 1.25rem; block-size: 1.25rem; }
      .field { display: flex; flex-direction: column; gap: var(--_n-space-1); margin-block-end: var(--_n-space-3); }
      dl div { display: flex; flex-wrap: wrap; gap: var(--_n-space-2); border-block-end: 1px solid var(--_n-border); }
      dt { font-weight: 600; }
      dd { margin: 0; white-space: pre-wrap; }
      .nassij-button { min-block-size: 2.75rem; }
      .error { color: var(--_n-danger); font-weight: 600; }
    `,
  ];

  declare call: string | undefined;
  declare callData: Call | undefined;
  declare applications: ApplicationSummary[] | undefined;
  declare application: Application | undefined;
  declare conflict: 'none' | 'declared' | undefined;
  declare errorCode: string | undefined;
  declare actionError: string | undefined;
  declare busy: boolean;
  declare outcome: 'awarded' | 'rejected';
  declare reviewed: boolean;
  /** @internal */
  readonly announcer = new LiveAnnouncer(this);
  #loadedFor: BaseClient | undefined;

  constructor() {
    super();
    this.busy = false;
    this.outcome = 'awarded';
    this.reviewed = false;
  }

  protected override clientChanged(client: BaseClient | undefined): void {
    if (client && client !== this.#loadedFor && this.call) {
      this.#loadedFor = client;
      this.load();
    }
  }

  /** Loads the call and its applications (reviewer listing). */
  async load(): Promise<void> {
    const client = this.resolvedClient;
    const callId = this.call;
    if (!client || !callId) return;
    this.errorCode = undefined;
    try {
      const [call, page] = await Promise.all([
        client.request(getCallRef, { params: { callId } }),
        client.request(listCallApplicationsRef, { params: { callId }, query: { limit: 100 } }),
      ]);
      this.callData = call;
      this.applications = page.items;
    } catch (error) {
      this.errorCode = this.failureCode(error);
    }
  }

  /** Opens one application read-only. */
  async open(applicationId: string): Promise<void> {
    const client = this.resolvedClient;
    if (!client) return;
    this.conflict = undefined;
    this.reviewed = false;
    this.actionError = undefined;
    try {
      this.application = await client.request(getApplicationRef, { params: { applicationId } });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('h3[tabindex]')?.focus();
    } catch (error) {
      this.actionError = this.failureCode(error);
    }
  }

  #text(text: LocalizedText | undefined): string {
    return text ? pickText(text, this.locale).text : '';
  }

  async #submitReview(event: Event): Promise<void> {
    event.preventDefault();
    const client = this.resolvedClient;
    const application = this.application;
    const call = this.callData;
    if (!client || !application || !call || !this.conflict) return;
    const data = new FormData(event.target as HTMLFormElement);
    const declared = this.conflict === 'declared';
    const statement = String(data.get('statement') ?? '').trim();
    const comment = String(data.get('comment') ?? '').trim();
    const scores = declared
      ? []
      : call.criteria.map((c) => ({ criterionId: c.id, score: Number(data.get(`score-${c.id}`) ?? 0) }));
    this.busy = true;
    try {
      await client.request(submitReviewRef, {
        params: { applicationId: application.id },
        body: {
          conflictOfInterest: { declared, ...(statement ? { statement } : {}) },
          scores,
          ...(comment ? { comment } : {}),
        },
      });
      this.reviewed = true;
      this.announcer.announce(this.t('rp.reviewSent'));
      this.emit('nassij-review-submit', { applicationId: application.id });
    } catch (error) {
      this.actionError = this.failureCode(error);
    } finally {
      this.busy = false;
    }
  }

  async #decide(event: Event): Promise<void> {
    event.preventDefault();
    const client = this.resolvedClient;
    const application = this.application;
    if (!client || !application) return;
    const data = new FormData(event.target as HTMLFormElement);
    const amount = String(data.get('amount') ?? '')
      .replace(',', '.')
      .trim();
    const reason = String(data.get('reason') ?? '').trim();
    this.busy = true;
    try {
      this.application = await client.request(decideApplicationRef, {
        params: { applicationId: application.id },
        body:
          this.outcome === 'awarded'
            ? {
                outcome: 'awarded',
                amount: { amount, currency: 'MAD' },
                ...(reason ? { conditions: reason } : {}),
              }
            : { outcome: 'rejected', ...(reason ? { reason } : {}) },
      });
      this.announcer.announce(this.t('rp.decision.done', { outcome: this.t(`rp.decision.${this.outcome}`) }));
      this.emit('nassij-decide', { applicationId: application.id, outcome: this.outcome });
    } catch (error) {
      this.actionError = this.failureCode(error);
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    if (this.errorCode) return renderError(this, { code: this.errorCode, onRetry: () => this.load() });
    if (!this.callData || !this.applications) return renderLoading(this);
    return html`${this.announcer.region()}
      <section aria-labelledby="rp-title">
        <h2 id="rp-title">${this.t('rp.title')}: ${this.#text(this.callData.title)}</h2>
        ${this.application ? this.#renderApplication(this.application, this.callData) : this.#renderList()}
      </section>`;
  }

  #renderList(): TemplateResult {
    const items = this.applications ?? [];
    if (items.length === 0) return renderEmpty(this, { message: this.t('rp.none') });
    return html`<h3>${this.t('rp.list')}</h3>
      <ul class="apps">
        ${items.map(
          (a) => html`<li data-application=${a.id}>
            <button class="nassij-button" part="button" type="button" @click=${() => this.open(a.id)}>
              ${this.#text(a.associationName)}${a.projectTitle ? html` — ${a.projectTitle}` : nothing}
            </button>
            <span>${this.t(`status.${a.status}`)} · ${this.t('rp.reviews', { count: a.reviewCount ?? 0 })}</span>
          </li>`,
        )}
      </ul>`;
  }

  #renderApplication(application: Application, call: Call): TemplateResult {
    const fields = call.form.sections.flatMap((s) => s.fields);
    const show = (value: unknown): string =>
      value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    const declared = this.conflict === 'declared';
    return html`<button class="nassij-button" part="button" type="button"
        @click=${() => {
          this.application = undefined;
        }}>${this.t('rp.back')}</button>
      <h3 tabindex="-1">${this.#text(application.associationName)}</h3>
      <h4>${this.t('rp.answers')}</h4>
      <dl>
        ${fields
          .filter((f) => f.type !== 'attachment')
          .map(
            (f) =>
              html`<div><dt>${this.#text(f.label)}</dt><dd>${show(application.answers[f.id])}</dd></div>`,
          )}
      </dl>
      ${this.actionError ? html`<p class="error" role="alert">${errorMessage(this, this.actionError)}</p>` : nothing}
      <form class="review" @submit=${(e: Event) => this.#submitReview(e)}>
        <fieldset>
          <legend>${this.t('rp.coi.legend')}</legend>
          ${(['none', 'declared'] as const).map(
            (v) => html`<div class="option">
              <input type="radio" id="coi-${v}" name="coi" value=${v} required .checked=${this.conflict === v}
                @change=${() => {
                  this.conflict = v;
                }} />
              <label for="coi-${v}">${this.t(`rp.coi.${v}`)}</label>
            </div>`,
          )}
          ${
            declared
              ? html`<div class="field"><label for="coi-statement">${this.t('rp.coi.statement')}</label>
              <textarea class="nassij-input" id="coi-statement" name="statement" rows="2"></textarea></div>
              <p role="status">${this.t('rp.coi.noScoring')}</p>`
              : nothing
          }
        </fieldset>
        ${
          this.conflict === 'none'
            ? call.criteria.map(
                (c) => html`<fieldset class="criterion" data-criterion=${c.id}>
                <legend>${this.t('rp.score.legend', { criterion: this.#text(c.label), weight: c.weight })}</legend>
                ${Array.from({ length: c.maxScore + 1 }, (_, score) => {
                  const anchor = c.anchors.find((a) => a.score === score);
                  return html`<div class="option">
                    <input type="radio" id="s-${c.id}-${score}" name="score-${c.id}" value=${score} required />
                    <label for="s-${c.id}-${score}">${this.t('rp.score.option', { score, max: c.maxScore })}${
                      anchor ? html` — ${this.#text(anchor.description)}` : nothing
                    }</label>
                  </div>`;
                })}
              </fieldset>`,
              )
            : nothing
        }
        ${
          this.conflict
            ? html`<div class="field"><label for="rp-comment">${this.t('rp.comment')}</label>
              <textarea class="nassij-input" id="rp-comment" name="comment" rows="4"></textarea></div>
              <button class="nassij-button submit-review" part="button" type="submit" ?disabled=${this.busy || this.reviewed}>
                ${this.t('rp.submitReview')}</button>`
            : nothing
        }
      </form>
      ${this.reviewed || application.decision ? this.#renderDecision(application) : nothing}`;
  }

  #renderDecision(application: Application): TemplateResult {
    if (application.decision)
      return html`<p role="status" class="decided">${this.t('rp.decision.done', { outcome: this.t(`rp.decision.${application.decision.outcome}`) })}</p>`;
    return html`<form class="decision" @submit=${(e: Event) => this.#decide(e)}>
      <fieldset>
        <legend>${this.t('rp.decision.legend')}</legend>
        ${(['awarded', 'rejected'] as const).map(
          (v) => html`<div class="option">
            <input type="radio" id="d-${v}" name="outcome" value=${v} .checked=${this.outcome === v}
              @change=${() => {
                this.outcome = v;
              }} />
            <label for="d-${v}">${this.t(`rp.decision.${v}`)}</label>
          </div>`,
        )}
      </fieldset>
      ${
        this.outcome === 'awarded'
          ? html`<div class="field"><label for="d-amount">${this.t('rp.decision.amount')}</label>
          <input class="nassij-input" id="d-amount" name="amount" inputmode="decimal" dir="ltr" required autocomplete="off" /></div>`
          : nothing
      }
      <div class="field"><label for="d-reason">${this.t('rp.decision.reason')}</label>
        <textarea class="nassij-input" id="d-reason" name="reason" rows="3"></textarea></div>
      <button class="nassij-button decide" part="button" type="submit" ?disabled=${this.busy}>${this.t('rp.decision.submit')}</button>
    </form>`;
  }
}

/** `detail` of `nassij-review-submit`. */
export interface NassijReviewSubmitDetail {
  applicationId: string;
}
/** `detail` of `nassij-decide`. */
export interface NassijDecideDetail {
  applicationId: string;
  outcome: 'awarded' | 'rejected';
}

/**
 * The events `<nassij-review-panel>` fires; all bubble out of shadow roots (composed).
 *
 * @example
 * ```ts
 * panel.addEventListener('nassij-decide', (event) => refresh(event.detail.applicationId));
 * ```
 */
export interface NassijReviewPanelEventMap {
  'nassij-review-submit': CustomEvent<NassijReviewSubmitDetail>;
  'nassij-decide': CustomEvent<NassijDecideDetail>;
}

declare global {
  // The tag as the self-registering entry defines it; declared here so the class alone brings the type.
  interface HTMLElementTagNameMap {
    'nassij-review-panel': NassijReviewPanel;
  }
  interface GlobalEventHandlersEventMap extends NassijReviewPanelEventMap {}
}
