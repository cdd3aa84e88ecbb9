import {
  type ApplicationSummary,
  type Call,
  type CallReviewer,
  getCallRef,
  listCallApplicationsRef,
  listCallReviewersRef,
  listManagedCallsRef,
  listOrganisationStaffRef,
  MAX_PAGE_SIZE,
  type ManagedCall,
  type PageOf,
  type StaffMember,
} from '@nassij/contract';
import { iterate } from '@nassij/sdk';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { BaseClient } from '../base/client.js';
import { NassijElement } from '../base/nassij-element.js';
import { ResourceController } from '../base/resource.js';
import { SignInController } from '../base/sign-in.js';
import { LiveAnnouncer, lazy } from '../base/states.js';
import { callManagerMessages } from './call-manager.messages.js';
import { callManagerStyles } from './call-manager.styles.js';
import { renderCalls, renderMore, renderStateFilter } from './views/list.js';

// The open call's desk (reviewers, eligibility queue, decisions, results) and its writes load with the
// desk's requests: a manager who only glances at the list never downloads them.
const deskView = lazy(() => import('./views/desk.js'));

/** Applications waiting for their eligibility check (a submitted one is received at once). */
const AWAITING_CHECK = ['submitted', 'received', 'eligibility_check'] as const;

/** The states the list can be narrowed to (`call-state`); none: every call. */
export type ManagedCallState = 'draft' | 'published';

/** What the manager loads for an organisation: whose calls, the calls shown so far, and where the next page starts. */
interface Listing {
  organisationId: string;
  calls: ManagedCall[];
  /** The next page's cursor; `null` on the last page and in data mode. */
  cursor: string | null;
  /** How many calls match, when the API says (it may not: then only what is shown is counted). */
  total?: number | undefined;
  /** Loaded page by page from the API (filter and "load more" offered), not set by the page (data mode). */
  paged: boolean;
}

/** The page size asked when none (or nonsense) is set: the API's default. */
const DEFAULT_LIMIT = 20;

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

/**
 * The list with one more page: its rows after those shown, less any already shown (a call changed between
 * two pages, a page asked twice), and where the next page starts.
 */
function withPage(listing: Listing, page: PageOf<ManagedCall>): Listing {
  const shown = new Set(listing.calls.map((call) => call.id));
  return {
    ...listing,
    calls: [...listing.calls, ...page.items.filter((call) => !shown.has(call.id))],
    cursor: page.nextCursor,
    total: page.total ?? listing.total,
  };
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
 * The list comes a page at a time (`page-size` calls, 20 by default), however many calls the organisation
 * runs: "Load more" adds the next page below, focuses its first call and announces how many came; the "Show"
 * filter (`call-state`: drafts or published calls) starts again from the first page. A page that fails
 * leaves the calls shown and says why, and the same button tries again.
 *
 * Without a signed-in account it offers the platform's sign-in popup; staff of another organisation get
 * a message saying this workspace is not theirs. Data mode: set `calls` (all shown, without filter or
 * "Load more") and `desk` for an open call.
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
 * <nassij-call-manager api-base="https://platform.example/api" page-size="50"></nassij-call-manager>
 * <script type="module">
 *   document.addEventListener('nassij-call-edit', (event) => openEditor(event.detail.callId));
 * </script>
 * ```
 */
export class NassijCallManager extends NassijElement {
  static override properties = {
    organisationId: { attribute: 'organisation-id', reflect: true },
    callState: { attribute: 'call-state', reflect: true },
    pageSize: { attribute: 'page-size', type: Number },
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
  /**
   * Only the calls in this state (`call-state`: `draft` or `published`); none: every call. The reader changes
   * it with the "Show" filter; a change reloads the list from its first page.
   */
  declare callState: ManagedCallState | undefined;
  /** Calls per page (`page-size`, 1–100, default 20): "Load more" adds as many again. */
  declare pageSize: number;
  /** The organisation's calls (data mode, or as loaded so far). */
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
  /** How many rows the next load of the list brings back at least (the rows shown before a refresh). */
  #keep = 0;
  /** The reader changed the filter: the next list is announced by its count. */
  #announceList = false;
  /** The API listed this organisation's calls once: the filter is offered from then on. */
  #listedOnce = false;
  #listing = new ResourceController<Listing>(this, {
    load: async (signal) => {
      const client = this.resolvedClient!;
      // Read now, before the first await: a refresh asks for as many rows as were shown.
      const want = Math.max(this.#limit(), this.#keep);
      const organisationId = this.organisationId || (await client.auth.me({ signal })).organisationId;
      if (!organisationId) throw noOrganisation();
      let listing: Listing = { organisationId, calls: [], cursor: null, paged: true };
      do {
        const limit = Math.min(MAX_PAGE_SIZE, want - listing.calls.length);
        listing = withPage(listing, await this.#page(organisationId, listing.cursor, limit, signal));
      } while (listing.cursor && listing.calls.length < want);
      return listing;
    },
    onValue: (listing) => {
      this.calls = listing.calls;
      this.#listedOnce = true;
      if (this.#announceList) {
        this.#announceList = false;
        this.announcer.announce(
          listing.calls.length > 0
            ? this.shownText(listing)
            : this.t(this.#state() ? 'cm.noneMatching' : 'cm.none'),
        );
      }
    },
    keepValueOnError: false,
  });
  /** The next page, asked by "Load more"; its failure keeps the rows shown and offers a retry. */
  #next = new ResourceController<PageOf<ManagedCall> & { after: Listing }>(this, {
    load: async (signal) => {
      const after = this.#listing.value!;
      const page = await this.#page(after.organisationId, after.cursor, this.#limit(), signal);
      return { ...page, after };
    },
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
      // The picker offers every reviewer it may assign: the staff list is paged, so follow it to the end.
      const pool: StaffMember[] = [];
      const reviewerPool = iterate(
        client.transport,
        listOrganisationStaffRef,
        { role: 'reviewer', limit: MAX_PAGE_SIZE },
        { params: { organisationId }, signal },
      );
      for await (const person of reviewerPool) pool.push(person);
      return { call, reviewers: reviewers.items, pool, awaitingCheck, underReview };
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
    this.pageSize = DEFAULT_LIMIT;
    this.busy = false;
    this.outcome = 'awarded';
    this.admissible = {};
  }

  protected override clientChanged(_client: BaseClient | undefined): void {
    this.#clientChanged = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const filtered = changed.has('callState') || changed.has('pageSize');
    if (this.#clientChanged || changed.has('organisationId') || (filtered && this.hasUpdated)) {
      this.#clientChanged = false;
      if (changed.get('organisationId') !== undefined) {
        this.#close();
        this.#listedOnce = false;
      }
      void this.load();
    }
    // Data mode: what the page set is the resources' value (what we loaded is set back, and equal).
    if (changed.has('calls') && this.calls && this.#listing.value?.calls !== this.calls)
      this.#listing.set({
        organisationId: this.organisationId ?? '',
        calls: this.calls,
        cursor: null,
        paged: false,
      });
    if (changed.has('desk') && this.desk !== this.#desk.value) {
      this.#desk.set(this.desk);
      this.openCall ??= this.desk?.call.id;
    }
    if (this.#desk.value && this.#deskView.status === 'idle') this.waitFor(this.#deskView.run());
  }

  /**
   * Loads the first page of the organisation's calls (in the state `call-state` names, if any); a page
   * being added is dropped. Without a signed-in account it offers sign-in instead.
   */
  async load(): Promise<void> {
    if (!this.resolvedClient) return;
    this.#next.clear();
    if (this.#signIn.offered(undefined)) {
      this.#listing.abort();
      return;
    }
    await this.#listing.run();
  }

  /**
   * Adds the next page of calls below those shown, then focuses the first one added and announces how many
   * came. Asked twice before the answer, it asks once; a row already shown is not shown twice. When it
   * fails, the rows stay and the button retries.
   *
   * @example
   * ```ts
   * await manager.loadMore();
   * manager.calls?.length; // 40 with the default page size, if the organisation has that many
   * ```
   */
  async loadMore(): Promise<void> {
    const from = this.#listing.value;
    if (!from?.cursor || !this.resolvedClient || this.#next.loading || this.#listing.loading) return;
    const page = await this.#next.run();
    // A filter change or a reload meanwhile: this page belongs to a list no longer shown.
    if (!page || page.after !== this.#listing.value) return;
    const listing = withPage(from, page);
    const added = listing.calls.slice(from.calls.length);
    this.#listing.set(listing);
    this.calls = listing.calls;
    this.announcer.announce(`${this.t('cm.added', { count: added.length })} ${this.shownText(listing)}`);
    await this.updateComplete;
    // The first row added takes the focus: Tab goes on to its buttons. Nothing new (every row was already
    // shown): the focus stays where it is, or, the button gone, goes to the last row.
    const target = added[0] ?? (listing.cursor ? undefined : listing.calls.at(-1));
    if (target)
      this.renderRoot.querySelector<HTMLElement>(`li[data-call="${CSS.escape(target.id)}"] h3`)?.focus();
  }

  /** @internal The list's status line: how many calls are shown, and whether more follow. */
  shownText(listing: {
    calls: readonly ManagedCall[];
    cursor: string | null;
    total?: number | undefined;
  }): string {
    const count = listing.calls.length;
    if (listing.total !== undefined && listing.cursor)
      return this.t('pagination.showing', { shown: count, total: listing.total });
    return this.t(listing.cursor ? 'cm.shown' : 'cm.allShown', { count });
  }

  /** @internal The reader chose a state in the "Show" filter: the list starts again from its first page. */
  filterBy(state: string): void {
    this.#announceList = true;
    this.callState = state === 'draft' || state === 'published' ? state : undefined;
  }

  #limit(): number {
    const size = Math.trunc(Number(this.pageSize));
    return size >= 1 ? Math.min(size, MAX_PAGE_SIZE) : DEFAULT_LIMIT;
  }

  /** The state filtered on, if `call-state` names one (anything else lists every call, as the filter shows). */
  #state(): ManagedCallState | undefined {
    return this.callState === 'draft' || this.callState === 'published' ? this.callState : undefined;
  }

  #page(organisationId: string, cursor: string | null, limit: number, signal: AbortSignal) {
    const state = this.#state();
    return this.resolvedClient!.request(listManagedCallsRef, {
      params: { organisationId },
      query: {
        limit,
        ...(state ? { state: [state] } : {}),
        ...(cursor ? { cursor } : {}),
      },
      signal,
    });
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
      // The counts moved: the list is asked again, as long as it was, so the call's row is still there.
      this.#keep = this.#listing.value?.calls.length ?? 0;
      this.#next.clear();
      const reloaded = this.#listing.run();
      this.#keep = 0;
      await reloaded;
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
        ${this.#filter()}
        ${this.#body()}
      </section>`;
  }

  /**
   * The "Show" filter, above the list and outside it: it keeps the focus while the list it chose loads. Shown
   * once the API listed calls (not in data mode), not on a desk, not when the list is refused.
   */
  #filter(): unknown {
    const listing = this.#listing;
    const refused =
      listing.status === 'error' &&
      (listing.errorCode === 'forbidden' || this.#signIn.offered(listing.errorCode));
    // After a failed load there is no list, but the filter stays: the reader may choose another state.
    const paged = listing.value?.paged ?? this.#listedOnce;
    if (this.openCall || refused || !paged) return nothing;
    return renderStateFilter(this, this.#state(), (state) => this.filterBy(state));
  }

  #body(): unknown {
    const listing = this.#listing;
    // Signed in, but not staff of this organisation: say so, rather than a retry that can only fail again.
    if (listing.status === 'error' && listing.errorCode === 'forbidden' && !this.#signIn.offered('forbidden'))
      return html`<div class="nassij-state forbidden" data-state="forbidden" role="alert">
        <p>${this.t('cm.forbidden')}</p>
      </div>`;
    return this.#signIn.around(listing, this.t('cm.signIn'), {
      ready: (value) =>
        this.openCall
          ? this.#renderDesk()
          : html`${renderCalls(this, value.calls, {
              manage: (id) => void this.open(id),
              edit: (id) => this.edit(id),
              filtered: this.#state() !== undefined,
            })}${value.paged && value.calls.length > 0 ? renderMore(this, value, this.#next, () => this.loadMore()) : nothing}`,
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
