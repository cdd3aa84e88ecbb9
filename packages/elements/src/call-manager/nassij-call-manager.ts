import {
  type ApplicationSummary,
  type Call,
  type CallReviewer,
  getCallRef,
  listCallApplicationsRef,
  listCallReviewersRef,
  listManagedCallsRef,
  listOrganisationStaffRef,
  type ManagedCall,
  type StaffMember,
} from '@nassij/contract';
import { html, type PropertyValues, type TemplateResult } from 'lit';
import type { BaseClient } from '../base/client.js';
import { NassijElement } from '../base/nassij-element.js';
import { ResourceController } from '../base/resource.js';
import { SignInController } from '../base/sign-in.js';
import { LiveAnnouncer, lazy } from '../base/states.js';
import { callManagerMessages } from './call-manager.messages.js';
import { callManagerStyles } from './call-manager.styles.js';
import { renderCalls } from './views/list.js';

// The open call's desk (reviewers, eligibility queue, decisions, results) and its writes load with the
// desk's requests: a manager who only glances at the list never downloads them.
const deskView = lazy(() => import('./views/desk.js'));

/** Applications waiting for their eligibility check (a submitted one is received at once). */
const AWAITING_CHECK = ['submitted', 'received', 'eligibility_check'] as const;

/** What the manager loads for an organisation: whose calls, and the calls. */
interface Listing {
  organisationId: string;
  calls: ManagedCall[];
}

/**
 * One published call's desk: the call (its award range, review rules), its reviewers and those who may
 * be chosen, the applications awaiting the eligibility check and those under review.
 */
export interface CallDesk {
  call: Call;
  reviewers: CallReviewer[];
  /** The organisation's reviewers and the platform's independent experts: whom reviewers are chosen from. */
  pool: StaffMember[];
  awaitingCheck: ApplicationSummary[];
  underReview: ApplicationSummary[];
}

/** The signed-in account works for no organisation and none was named: nothing it may manage. */
const noOrganisation = () =>
  Object.assign(new Error('The account belongs to no organisation'), { code: 'forbidden' });

/**
 * The desk of an organisation's call managers: the organisation's calls (drafts included) with where each
 * stands and its applications by stage (awaiting the eligibility check, under review, decided) and number
 * of reviewers; per published call, the choice of its reviewers, the eligibility-check queue (admissible,
 * or not with a reason the association reads), a decisions board (each application under review with
 * its number of reviews and average score, and a decision: an award within the call's range with its
 * conditions, or a rejection with its reason) and the publication of the results. Refusals of the
 * platform (the call still open, reviews missing) are shown in the reader's language. "Edit" fires
 * `nassij-call-edit` for the page to open its editor (`<nassij-call-editor>`).
 *
 * Without a signed-in account it offers the platform's sign-in popup; staff of another organisation get
 * a message saying this workspace is not theirs. Data mode: set `calls` (and `desk` for an open call).
 *
 * @tagname nassij-call-manager
 * @fires {CustomEvent<NassijCallEditDetail>} nassij-call-edit - "Edit" on a call; `detail: { callId }`.
 * @fires {CustomEvent<NassijReviewersChangeDetail>} nassij-reviewers-change - The reviewers of a call were saved; `detail: { callId, accountIds }`.
 * @fires {CustomEvent<NassijEligibilityCheckDetail>} nassij-eligibility-check - An eligibility check was recorded; `detail: { applicationId, admissible }`.
 * @fires {CustomEvent<NassijCallDecideDetail>} nassij-call-decide - A decision was recorded; `detail: { applicationId, outcome }`.
 * @fires {CustomEvent<NassijResultsPublishDetail>} nassij-results-publish - A call's results were published; `detail: { callId }`.
 * @fires {CustomEvent<NassijErrorDetail>} nassij-error - A load, a write or the sign-in failed; `detail: { code }`.
 * @csspart button - Every action button.
 *
 * @example
 * ```html
 * <nassij-call-manager api-base="https://platform.example/api"></nassij-call-manager>
 * <script type="module">
 *   document.addEventListener('nassij-call-edit', (event) => openEditor(event.detail.callId));
 * </script>
 * ```
 */
export class NassijCallManager extends NassijElement {
  static override properties = {
    organisationId: { attribute: 'organisation-id', reflect: true },
    calls: { attribute: false },
    desk: { attribute: false },
    openCall: { state: true },
    actionError: { state: true },
    fieldError: { state: true },
    busy: { state: true },
    deciding: { state: true },
    outcome: { state: true },
    admissible: { state: true },
    notice: { state: true },
  };
  static override messages = callManagerMessages;
  /** The element's styles: the shared tokens and base styles, then its own. */
  static override styles = callManagerStyles;

  /** The organisation whose calls are managed (`organisation-id`); default the signed-in account's. */
  declare organisationId: string | undefined;
  /** The organisation's calls (data mode, or as loaded). */
  declare calls: ManagedCall[] | undefined;
  /** The open call's desk (data mode, or as loaded by {@link open}). */
  declare desk: CallDesk | undefined;
  /** The id of the call whose desk is open. */
  declare openCall: string | undefined;
  /** The last failed write: where (a form's scope) and its error code. */
  declare actionError: { scope: string; code: string } | undefined;
  /** The field our own validation stopped at (its id). */
  declare fieldError: string | undefined;
  declare busy: boolean;
  /** The application whose decision form is open. */
  declare deciding: string | undefined;
  declare outcome: 'awarded' | 'rejected';
  /** The eligibility answer chosen per application, before it is recorded. */
  declare admissible: Record<string, boolean>;
  /** The last write's outcome, shown (and announced) in the section it concerns. */
  declare notice: { scope: string; text: string } | undefined;
  /** @internal */
  readonly announcer = new LiveAnnouncer(this);
  #clientChanged = false;
  #stale = false;
  #listing = new ResourceController<Listing>(this, {
    load: async (signal) => {
      const client = this.resolvedClient!;
      const organisationId = this.organisationId || (await client.auth.me({ signal })).organisationId;
      if (!organisationId) throw noOrganisation();
      const page = await client.request(listManagedCallsRef, {
        params: { organisationId },
        query: { limit: 100 },
        signal,
      });
      return { organisationId, calls: page.items };
    },
    onValue: ({ calls }) => {
      this.calls = calls;
    },
    keepValueOnError: false,
  });
  #desk = new ResourceController<CallDesk>(this, {
    load: async (signal) => {
      const client = this.resolvedClient!;
      const callId = this.openCall!;
      const params = { callId };
      const applications = (status: ApplicationSummary['status'][]) =>
        client
          .request(listCallApplicationsRef, { params, query: { status, limit: 100 }, signal })
          .then((page) => page.items);
      const [call, reviewers, awaitingCheck, underReview] = await Promise.all([
        client.request(getCallRef, { params, signal }),
        client.request(listCallReviewersRef, { params, signal }),
        applications([...AWAITING_CHECK]),
        applications(['under_review']),
      ]);
      const organisationId = call.funder.organisationId ?? this.#listing.value?.organisationId ?? '';
      const pool = await client.request(listOrganisationStaffRef, {
        params: { organisationId },
        query: { role: 'reviewer' },
        signal,
      });
      return { call, reviewers: reviewers.items, pool: pool.items, awaitingCheck, underReview };
    },
    onValue: (desk) => {
      this.desk = desk;
    },
    // A refresh after a write keeps the desk on screen (and the focus where it was) while it loads.
  });
  /** The desk's module: imported with the desk's requests (in data mode, when there is a desk to show). */
  readonly #deskView = new ResourceController(this, { load: () => deskView.load() });
  #signIn = new SignInController(this, { signedIn: () => this.#afterSignIn() });

  constructor() {
    super();
    this.busy = false;
    this.outcome = 'awarded';
    this.admissible = {};
  }

  protected override clientChanged(_client: BaseClient | undefined): void {
    this.#clientChanged = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.#clientChanged || changed.has('organisationId')) {
      this.#clientChanged = false;
      if (changed.get('organisationId') !== undefined) this.#close();
      void this.load();
    }
    // Data mode: what the page set is the resources' value.
    if (this.calls && this.#listing.value?.calls !== this.calls)
      this.#listing.set({ organisationId: this.organisationId ?? '', calls: this.calls });
    if (changed.has('desk') && this.desk !== this.#desk.value) {
      this.#desk.set(this.desk);
      this.openCall ??= this.desk?.call.id;
    }
    if (this.#desk.value && this.#deskView.status === 'idle') this.waitFor(this.#deskView.run());
  }

  /** Loads the organisation's calls. Without a signed-in account it offers sign-in instead. */
  async load(): Promise<void> {
    if (!this.resolvedClient) return;
    if (this.#signIn.offered(undefined)) {
      this.#listing.abort();
      return;
    }
    await this.#listing.run();
  }

  /** Opens the desk of a published call (reviewers, eligibility checks, decisions, results), then focuses its heading. */
  async open(callId: string): Promise<void> {
    if (!this.resolvedClient) return;
    // Another call's desk is not shown while this one loads.
    if (this.#desk.value?.call.id !== callId) this.#desk.clear();
    this.openCall = callId;
    this.#resetForms();
    const view = this.#deskView.value ?? this.#deskView.run();
    const desk = await this.#desk.run();
    if (!desk) return;
    await view;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#cm-desk-h')?.focus();
  }

  /** Reloads the open desk after a write; the list is reloaded on the way back (its counts moved). */
  async refresh(): Promise<void> {
    this.#stale = true;
    if (this.openCall && this.resolvedClient) await this.#desk.run();
  }

  /** Asks the page to open the call in its editor (`nassij-call-edit`). */
  edit(callId: string): void {
    this.emit<NassijCallEditDetail>('nassij-call-edit', { callId });
  }

  #resetForms(): void {
    this.actionError = undefined;
    this.fieldError = undefined;
    this.deciding = undefined;
    this.notice = undefined;
    this.admissible = {};
    this.outcome = 'awarded';
  }

  #close(): void {
    this.openCall = undefined;
    this.desk = undefined;
    this.#desk.clear();
    this.#resetForms();
  }

  async #back(): Promise<void> {
    const id = this.openCall;
    this.#close();
    if (this.#stale && this.resolvedClient) {
      this.#stale = false;
      await this.#listing.run();
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`button[data-manage="${CSS.escape(id ?? '')}"]`)?.focus();
  }

  async #afterSignIn(): Promise<void> {
    const loaded = this.load();
    await this.updateComplete;
    // The sign-in button is gone: the heading takes the focus, above the list that is loading.
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    await loaded;
  }

  override render(): TemplateResult {
    return html`${this.announcer.region()}
      <section aria-labelledby="cm-title">
        <h2 id="cm-title" tabindex="-1">${this.t('cm.title')}</h2>
        ${this.#body()}
      </section>`;
  }

  #body(): unknown {
    const listing = this.#listing;
    // Signed in, but not staff of this organisation: say so, rather than a retry that can only fail again.
    if (listing.status === 'error' && listing.errorCode === 'forbidden' && !this.#signIn.offered('forbidden'))
      return html`<div class="nassij-state forbidden" data-state="forbidden" role="alert">
        <p>${this.t('cm.forbidden')}</p>
      </div>`;
    return this.#signIn.around(listing, this.t('cm.signIn'), {
      ready: ({ calls }) =>
        this.openCall
          ? this.#renderDesk()
          : renderCalls(this, calls, {
              manage: (id) => void this.open(id),
              edit: (id) => this.edit(id),
            }),
      lines: 4,
    });
  }

  #renderDesk(): TemplateResult {
    return html`<button class="nassij-button back" data-variant="secondary" part="button" type="button"
        @click=${() => this.#back()}>${this.t('cm.back')}</button>
      ${this.#desk.render({
        ready: (desk) => this.#deskView.render({ ready: (view) => view.renderDesk(this, desk), lines: 4 }),
        lines: 6,
      })}`;
  }
}

/** `detail` of `nassij-call-edit`. */
export interface NassijCallEditDetail {
  callId: string;
}
/** `detail` of `nassij-reviewers-change`. */
export interface NassijReviewersChangeDetail {
  callId: string;
  accountIds: string[];
}
/** `detail` of `nassij-eligibility-check`. */
export interface NassijEligibilityCheckDetail {
  applicationId: string;
  admissible: boolean;
}
/** `detail` of `nassij-call-decide`. */
export interface NassijCallDecideDetail {
  applicationId: string;
  outcome: 'awarded' | 'rejected';
}
/** `detail` of `nassij-results-publish`. */
export interface NassijResultsPublishDetail {
  callId: string;
}

/**
 * The events `<nassij-call-manager>` fires; all bubble out of shadow roots (composed).
 *
 * @example
 * ```ts
 * manager.addEventListener('nassij-call-edit', (event) => editor.setAttribute('call', event.detail.callId));
 * ```
 */
export interface NassijCallManagerEventMap {
  'nassij-call-edit': CustomEvent<NassijCallEditDetail>;
  'nassij-reviewers-change': CustomEvent<NassijReviewersChangeDetail>;
  'nassij-eligibility-check': CustomEvent<NassijEligibilityCheckDetail>;
  'nassij-call-decide': CustomEvent<NassijCallDecideDetail>;
  'nassij-results-publish': CustomEvent<NassijResultsPublishDetail>;
}

declare global {
  // The tag as the self-registering entry defines it; declared here so the class alone brings the type.
  interface HTMLElementTagNameMap {
    'nassij-call-manager': NassijCallManager;
  }
  interface GlobalEventHandlersEventMap extends NassijCallManagerEventMap {}
}
