import {
  type Application,
  type ApplicationSummary,
  type Call,
  getApplicationRef,
  getCallRef,
  listCallApplicationsRef,
} from '@nassij/contract';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { BaseClient } from '../base/client.js';
import { NassijElement } from '../base/nassij-element.js';
import { ResourceController } from '../base/resource.js';
import { SignInController } from '../base/sign-in.js';
import { LiveAnnouncer, lazy, text } from '../base/states.js';
import { reviewPanelMessages } from './review-panel.messages.js';
import { reviewPanelStyles } from './review-panel.styles.js';

// The views load apart from the panel (module-level caches, imported once): the list with the list's
// request, an open application's answers, review form and decision with that application's request.
const listView = lazy(() => import('./views/list.js'));
const applicationView = lazy(() => import('./views/application.js'));

/** What the panel loads for a call: the call (criteria, form) and its applications. */
interface Listing {
  call: Call;
  applications: ApplicationSummary[];
}

/**
 * The reviewers' side of a call: its applications, one application's answers read-only (typed: amounts,
 * dates, regions, options, budget, beneficiaries) with its attachments, a conflict-of-interest declaration
 * first (a declared conflict means no scores), a score per criterion with the call's published anchors (one
 * radio group per criterion), comments, and a decision (award with an amount, or rejection with a reason)
 * that makes an award public. Without a signed-in reviewer it offers the platform's sign-in popup (in the
 * element's language), then loads and moves focus to its heading.
 *
 * Data mode: set `callData`, `applications` and `application`. Client mode: `call="ID"` with a signed-in
 * reviewer's client (`client`, `api-base` or a provider).
 *
 * @tagname nassij-review-panel
 * @fires {CustomEvent<NassijReviewSubmitDetail>} nassij-review-submit - A review was recorded; `detail: { applicationId }`.
 * @fires {CustomEvent<NassijDecideDetail>} nassij-decide - A decision was recorded; `detail: { applicationId, outcome }`.
 * @fires {CustomEvent<NassijErrorDetail>} nassij-error - A load, a review, a decision or the sign-in failed; `detail: { code }`.
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
    actionError: { state: true },
    fieldError: { state: true },
    busy: { state: true },
    outcome: { state: true },
    reviewed: { state: true },
  };
  static override messages = reviewPanelMessages;
  /** The element's styles: the shared tokens and base styles, then its own. */
  static override styles = reviewPanelStyles;

  /** The call whose applications are reviewed (`call` attribute, client mode). */
  declare call: string | undefined;
  /** The call (data mode, or as loaded). */
  declare callData: Call | undefined;
  /** The call's applications (data mode, or as loaded). */
  declare applications: ApplicationSummary[] | undefined;
  /** The application open for review (data mode, or as loaded by {@link open}). */
  declare application: Application | undefined;
  declare conflict: 'none' | 'declared' | undefined;
  /** The code of the last failed write (review, decision). */
  declare actionError: string | undefined;
  /** The field our own validation stopped at: every criterion needs a score, an award an amount. */
  declare fieldError: 'scores' | 'amount' | undefined;
  declare busy: boolean;
  declare outcome: 'awarded' | 'rejected';
  declare reviewed: boolean;
  /** @internal */
  readonly announcer = new LiveAnnouncer(this);
  #clientChanged = false;
  #openId: string | undefined;
  #listing = new ResourceController<Listing>(this, {
    load: async (signal) => {
      const client = this.resolvedClient!;
      const callId = this.call!;
      const [call, page] = await Promise.all([
        client.request(getCallRef, { params: { callId }, signal }),
        client.request(listCallApplicationsRef, { params: { callId }, query: { limit: 100 }, signal }),
      ]);
      return { call, applications: page.items };
    },
    onValue: ({ call, applications }) => {
      this.callData = call;
      this.applications = applications;
    },
    keepValueOnError: false,
  });
  #app = new ResourceController<Application>(this, {
    load: (signal) =>
      this.resolvedClient!.request(getApplicationRef, { params: { applicationId: this.#openId! }, signal }),
    onValue: (application) => {
      this.application = application;
    },
    keepValueOnError: false,
  });
  /** The views' modules: each imported with its request (in data mode, when there is something to show). */
  readonly #listView = new ResourceController(this, { load: () => listView.load() });
  readonly #appView = new ResourceController(this, { load: () => applicationView.load() });
  #signIn = new SignInController(this, { signedIn: () => this.#afterSignIn() });

  constructor() {
    super();
    this.busy = false;
    this.outcome = 'awarded';
    this.reviewed = false;
  }

  protected override clientChanged(_client: BaseClient | undefined): void {
    this.#clientChanged = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('call') && changed.get('call') !== undefined) this.#close();
    if (this.#clientChanged || changed.has('call')) {
      this.#clientChanged = false;
      void this.load();
    }
    // Data mode: what the page set is the resources' value.
    const listing = this.#listing.value;
    if (
      this.callData &&
      this.applications &&
      (listing?.call !== this.callData || listing.applications !== this.applications)
    )
      this.#listing.set({ call: this.callData, applications: this.applications });
    if (changed.has('application') && this.application !== this.#app.value) this.#app.set(this.application);
    // Data mode: no request imported the view about to show; `updateComplete` waits for it.
    const view =
      this.#openId || this.application
        ? this.#app.value && this.#appView
        : this.#listing.value && this.#listView;
    if (view && view.status === 'idle') this.waitFor(view.run());
  }

  /** Loads the call and its applications (reviewer listing). Without a signed-in account it offers sign-in. */
  async load(): Promise<void> {
    if (!this.resolvedClient || !this.call) return;
    if (this.#signIn.offered(undefined)) {
      this.#listing.abort();
      return;
    }
    // The list view is imported with the listing; `updateComplete` waits for both.
    if (!this.#listView.value) this.waitFor(this.#listView.run());
    await this.#listing.run();
  }

  /** Opens one application read-only, then moves focus to its heading. */
  async open(applicationId: string): Promise<void> {
    if (!this.resolvedClient) return;
    this.#openId = applicationId;
    this.conflict = undefined;
    this.reviewed = false;
    this.actionError = undefined;
    this.fieldError = undefined;
    const view = this.#appView.value ?? this.#appView.run();
    const application = await this.#app.run();
    if (!application) return;
    await view;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h3[tabindex]')?.focus();
  }

  #close(): void {
    this.#openId = undefined;
    this.application = undefined;
    this.#app.clear();
  }

  async #back(): Promise<void> {
    const id = this.application?.id ?? this.#openId;
    this.#close();
    // In data mode the list view may not be imported yet: the focus waits for it (a failure shows its error).
    await (this.#listView.value ?? this.#listView.run());
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`button[data-open="${CSS.escape(id ?? '')}"]`)?.focus();
  }

  async #afterSignIn(): Promise<void> {
    const loaded = this.load();
    await this.updateComplete;
    // The sign-in button is gone: the heading takes the focus, above the list that is loading.
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    await loaded;
  }

  override render(): TemplateResult {
    const call = this.#listing.value?.call;
    return html`${this.announcer.region()}
      <section aria-labelledby="rp-title">
        <h2 id="rp-title" tabindex="-1">${this.t('rp.title')}${call ? html`: ${text(this, call.title)}` : nothing}</h2>
        ${this.#body()}
      </section>`;
  }

  #body(): unknown {
    return this.#signIn.around(this.#listing, this.t('rp.signIn'), {
      ready: ({ call, applications }) =>
        this.#openId || this.application
          ? this.#renderOpen(call)
          : this.#listView.render({
              ready: (view) => view.renderList(this, applications, (id) => void this.open(id)),
              lines: 4,
            }),
      lines: 4,
    });
  }

  #renderOpen(call: Call): TemplateResult {
    return html`<button class="nassij-button back" data-variant="secondary" part="button" type="button"
        @click=${() => this.#back()}>${this.t('rp.back')}</button>
      ${this.#app.render({
        ready: (application) =>
          this.#appView.render({
            ready: (view) => view.renderApplication(this, application, call),
            lines: 4,
          }),
      })}`;
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
