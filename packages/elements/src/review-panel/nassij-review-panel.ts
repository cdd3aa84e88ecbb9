import {
  type Account,
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
import { AWAITING_CHECK } from './stages.js';

// The views load apart from the panel (module-level caches, imported once): the list with the list's
// request, an open application's answers, review form and decision with that application's request.
const listView = lazy(() => import('./views/list.js'));
const applicationView = lazy(() => import('./views/application.js'));

/** What the panel loads for a call: the call (criteria, form), its applications and who reads them. */
interface Listing {
  call: Call;
  applications: ApplicationSummary[];
  account?: Account | undefined;
}

/** How the reader stands toward the call: its staff decide, its reviewers declare and score, others read. */
export type ReviewPanelRole = 'staff' | 'reviewer' | 'reader';

/** The roles that run an organisation's calls (with a platform admin, who runs any). */
const CALL_STAFF_ROLES = ['call_manager', 'organisation_admin'] as const;

/**
 * The reader's role on a call: an admin, or a call manager or organisation admin of the organisation that
 * runs it, is its staff; a reviewer (assigned, or the listing would have been refused) declares and scores.
 * Without an account (data mode) the panel shows the reviewer's side, as it always did.
 *
 * @example
 * ```ts
 * roleOn(call, account); // 'staff' for the ministry's call manager on a ministry call
 * ```
 */
export function roleOn(call: Call, account: Account | undefined): ReviewPanelRole {
  if (!account) return 'reviewer';
  if (account.roles.includes('admin')) return 'staff';
  const organisation = call.funder.organisationId;
  if (
    organisation !== undefined &&
    account.organisationId === organisation &&
    CALL_STAFF_ROLES.some((role) => account.roles.includes(role))
  )
    return 'staff';
  return account.roles.includes('reviewer') ? 'reviewer' : 'reader';
}

/**
 * The selection of a call, as its reviewers and its staff work on it. The list shows each application's
 * stage (awaiting the eligibility check, under review, decided) and, for a reviewer, their declaration on
 * it. A reviewer opening an application they have not declared on first sees only who applies and the
 * project's title, and declares: no conflict opens the application (answers typed: amounts, dates, regions,
 * options, budget, beneficiaries; attachments downloaded through the client) and the review form (a score
 * per criterion with the call's published anchors, comments); a conflict, with its statement, recuses them
 * from it. Applications awaiting the eligibility check cannot be scored yet, and the list says why. The
 * call's staff (its organisation's call managers and admins, or a platform admin) read the reviews and
 * decide (award with an amount, or rejection with a reason) once the call is closed and the reviews are
 * in; the award becomes public when they publish the call's results. Without a signed-in account it offers
 * the platform's sign-in popup (in the element's language), then loads and moves focus to its heading.
 *
 * Data mode: set `callData`, `applications`, `application` and, for the staff's side, `account`. Client
 * mode: `call="ID"` with a signed-in client (`client`, `api-base` or a provider).
 *
 * @tagname nassij-review-panel
 * @fires {CustomEvent<NassijDeclareDetail>} nassij-declare - A conflict-of-interest declaration was recorded; `detail: { applicationId, declared }`.
 * @fires {CustomEvent<NassijReviewSubmitDetail>} nassij-review-submit - A review was recorded; `detail: { applicationId }`.
 * @fires {CustomEvent<NassijDecideDetail>} nassij-decide - A decision was recorded; `detail: { applicationId, outcome }`.
 * @fires {CustomEvent<NassijErrorDetail>} nassij-error - A load, a declaration, a download, a review, a decision or the sign-in failed; `detail: { code }`.
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
    account: { attribute: false },
    declaring: { attribute: false },
    conflict: { state: true },
    actionError: { state: true },
    downloadError: { state: true },
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
  /** The signed-in account (data mode, or as loaded): its roles decide what the panel offers. */
  declare account: Account | undefined;
  /** The application a reviewer is declaring on, before it is shown (its summary only). */
  declare declaring: ApplicationSummary | undefined;
  /** The answer chosen in the declaration: no conflict, or a conflict (then a statement). */
  declare conflict: 'none' | 'declared' | undefined;
  /** The code of the last failed write (declaration, download, review, decision). */
  declare actionError: string | undefined;
  /** The code of the last failed download, shown beside the files. */
  declare downloadError: string | undefined;
  /** The field our own validation stopped at: a declaration needs an answer (and a conflict its statement), every criterion a score, an award an amount. */
  declare fieldError: 'declaration' | 'statement' | 'scores' | 'amount' | undefined;
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
      const [call, page, account] = await Promise.all([
        client.request(getCallRef, { params: { callId }, signal }),
        client.request(listCallApplicationsRef, { params: { callId }, query: { limit: 100 }, signal }),
        client.auth.me({ signal }),
      ]);
      return { call, applications: page.items, account };
    },
    onValue: ({ call, applications, account }) => {
      this.callData = call;
      this.applications = applications;
      this.account = account;
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
      (listing?.call !== this.callData ||
        listing.applications !== this.applications ||
        listing.account !== this.account)
    )
      this.#listing.set({ call: this.callData, applications: this.applications, account: this.account });
    if (changed.has('application') && this.application !== this.#app.value) this.#app.set(this.application);
    // Data mode: no request imported the view about to show; `updateComplete` waits for it.
    const view =
      this.#openId || this.application || this.declaring
        ? (this.#app.value || this.declaring) && this.#appView
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

  /** How the reader stands toward the call: staff of its organisation (or an admin), or a reviewer. */
  get readerRole(): ReviewPanelRole {
    const call = this.#listing.value?.call ?? this.callData;
    return call ? roleOn(call, this.account) : 'reviewer';
  }

  /**
   * Whether the reader may open an application: not a reviewer recused from it, nor one waiting for its
   * eligibility check (a reviewer has nothing to do there yet; the list says why).
   */
  canOpen(summary: ApplicationSummary): boolean {
    if (this.readerRole !== 'reviewer') return true;
    return summary.myDeclaration !== 'conflict' && !AWAITING_CHECK.includes(summary.status);
  }

  /**
   * Opens one application, then moves focus to its heading. A reviewer who has not declared on it yet
   * gets the declaration first (who applies and the project's title only); the application is requested
   * once they declare no conflict.
   */
  async open(applicationId: string): Promise<void> {
    if (!this.resolvedClient) return;
    const summary = this.applications?.find((a) => a.id === applicationId);
    if (summary && !this.canOpen(summary)) return;
    this.conflict = undefined;
    this.reviewed = false;
    this.actionError = undefined;
    this.downloadError = undefined;
    this.fieldError = undefined;
    const view = this.#appView.value ?? this.#appView.run();
    if (summary && this.readerRole === 'reviewer' && (summary.myDeclaration ?? 'none') === 'none') {
      this.#close();
      this.declaring = summary;
      await view;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('h3[tabindex]')?.focus();
      return;
    }
    this.declaring = undefined;
    this.#openId = applicationId;
    const application = await this.#app.run();
    if (!application) return;
    await view;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h3[tabindex]')?.focus();
  }

  /**
   * After a declaration: the list's entry follows it; no conflict opens the application, a conflict goes
   * back to the list (the application stays closed to the reviewer).
   * @internal
   */
  async declared(summary: ApplicationSummary, conflict: boolean): Promise<void> {
    const updated: ApplicationSummary = { ...summary, myDeclaration: conflict ? 'conflict' : 'no_conflict' };
    this.applications = this.applications?.map((a) => (a.id === summary.id ? updated : a));
    this.declaring = undefined;
    if (conflict) {
      await this.#back(summary.id);
      return;
    }
    await this.open(summary.id);
  }

  #close(): void {
    this.#openId = undefined;
    this.application = undefined;
    this.declaring = undefined;
    this.#app.clear();
  }

  async #back(to?: string): Promise<void> {
    const id = to ?? this.application?.id ?? this.#openId ?? this.declaring?.id;
    this.#close();
    this.actionError = undefined;
    // In data mode the list view may not be imported yet: the focus waits for it (a failure shows its error).
    await (this.#listView.value ?? this.#listView.run());
    await this.updateComplete;
    // Its button, or its name when it can no longer be opened (recused).
    const item = this.renderRoot.querySelector(`li[data-application="${CSS.escape(id ?? '')}"]`);
    item?.querySelector<HTMLElement>('button[data-open], [data-name]')?.focus();
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
        this.#openId || this.application || this.declaring
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
      ${
        this.declaring
          ? this.#appView.render({
              ready: (view) => view.renderDeclaration(this, this.declaring!),
              lines: 2,
            })
          : this.#app.render({
              ready: (application) =>
                this.#appView.render({
                  ready: (view) => view.renderApplication(this, application, call),
                  lines: 4,
                }),
            })
      }`;
  }
}

/** `detail` of `nassij-declare`. */
export interface NassijDeclareDetail {
  applicationId: string;
  /** `true`: a conflict of interest, the reviewer is recused. */
  declared: boolean;
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
  'nassij-declare': CustomEvent<NassijDeclareDetail>;
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
