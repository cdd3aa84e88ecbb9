import {
  type Course,
  listRegistrationsRef,
  type Member,
  type MyAssociation,
  myAssociationsRef,
  type Registration,
  type SessionSummary,
  searchCoursesRef,
} from '@nassij/contract';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { BaseClient } from '../base/client.js';
import { coursesJsonLd, renderJsonLd } from '../base/json-ld.js';
import { NassijElement } from '../base/nassij-element.js';
import { ResourceController } from '../base/resource.js';
import {
  errorMessage,
  LiveAnnouncer,
  lazy,
  OnlineController,
  plain,
  renderEmpty,
  renderOffline,
} from '../base/states.js';
import { baseStyles } from '../styles/index.js';
import type { NassijTrainingFinderEventMap } from './events.js';
import { courseMatches, courseQuery, emptyFilters, shownSessions, type TrainingFilters } from './filters.js';
import type { MyTraining, MyTrainingData } from './my-training.js';
import type { PersonalCalendar } from './personal-calendar.js';
import type { RegistrationController, RegistrationDialog } from './registration-controller.js';
import { trainingFinderMessages } from './training-finder.messages.js';
import { trainingFinderStyles } from './training-finder.styles.js';
import { renderCourseList } from './views/course-list.js';
import { renderSearchForm } from './views/search-form.js';

// The event types live in events.ts; they are part of this module's public API.
export type {
  NassijCourseSearchDetail,
  NassijRegisterDetail,
  NassijRegistrationCancelDetail,
  NassijSignInDetail,
  NassijTrainingFinderEventMap,
} from './events.js';

export { courseMatches, type TrainingFilters } from './filters.js';

/** The tabs of the signed-in view: the search, the associations' registrations, the person's own. */
const TABS = ['search', 'mine', 'me'] as const;
type Tab = (typeof TABS)[number];

/**
 * The registration dialog, its controller and the "my registrations" view, once imported: not with the page,
 * but at the first "register" or opening of the "my registrations" tab. One per page, shared by every finder.
 */
const registrationUi = lazy(() => import('./registration-ui.js'));

/** A page of search results, or all the pages loaded so far. */
interface Results {
  courses: Course[];
  total: number;
  nextCursor: string | null;
}

/**
 * Finds capacity-building trainings of the unified competency framework and lets a signed-in member of an
 * association register participants to their sessions, join a waiting list, and cancel.
 *
 * Data mode: set `courses` (with `nextSessions`), and optionally `registrations`, `associations` and
 * `signedIn`. Client mode: `api-base`, `client` or a `<nassij-provider>` ancestor.
 *
 * @tagname nassij-training-finder
 * @fires {CustomEvent<NassijCourseSearchDetail>} nassij-course-search - The reader changed the filters; `detail` is a {@link TrainingFilters}.
 * @fires {CustomEvent<NassijRegisterDetail>} nassij-register - A registration was created; `detail` is the `Registration` (confirmed or waitlisted).
 * @fires {CustomEvent<NassijRegistrationCancelDetail>} nassij-registration-cancel - A registration was cancelled; `detail` is the cancelled `Registration`.
 * @fires {CustomEvent<NassijSignInDetail>} nassij-sign-in - The reader signed in through the popup; `detail` is `{ expiresAt }`. In data mode (no client) the sign-in button only fires it with an empty `detail`: the page signs in and sets `signedIn`.
 * @fires {CustomEvent<NassijErrorDetail>} nassij-error - A load or a write failed; `detail` is `{ code }`.
 *
 * @cssprop --nassij-training-finder-gap - Space between course cards.
 * @cssprop --nassij-training-finder-card-bg - Background of a course card.
 *
 * @csspart card - A course card.
 * @csspart badge - A registration state or status badge.
 * @csspart dialog - The registration and confirmation dialog.
 * @csspart button - Buttons.
 *
 * @example
 * ```html
 * <nassij-training-finder api-base="https://platform.example/api" region="MA-09"></nassij-training-finder>
 * ```
 */
export class NassijTrainingFinder extends NassijElement {
  static override properties = {
    region: {},
    competency: {},
    pageSize: { attribute: 'page-size', type: Number },
    courses: { attribute: false },
    registrations: { attribute: false },
    associations: { attribute: false },
    signedIn: { attribute: false },
    members: { attribute: false },
    myTraining: { attribute: false },
    filters: { state: true },
    tab: { state: true },
    notice: { state: true },
  };
  static override messages = trainingFinderMessages;

  /** The element's styles: the shared tokens and base styles, then its own. */
  static override styles = [baseStyles, trainingFinderStyles];

  /**
   * Preset region filter (`MA-09`): only courses with a session held in that region are shown, and of each
   * only those sessions (an online session is held in no region).
   */
  declare region: string | undefined;
  /** Preset competency filter (a framework code such as `fundraising`). */
  declare competency: string | undefined;
  /** Courses per page in client mode. */
  declare pageSize: number;
  /** Data mode: the courses to show, with their `nextSessions`. Set by the element in client mode. */
  declare courses: Course[] | undefined;
  /** Data mode: the "my registrations" list. Loaded from the API in client mode. */
  declare registrations: Registration[] | undefined;
  /** Data mode: the associations of the signed-in account. Loaded from the API in client mode. */
  declare associations: MyAssociation[] | undefined;
  /** Data mode: show the signed-in view. In client mode the client's token decides. */
  declare signedIn: boolean;
  /**
   * Data mode: the members a participant is chosen from in the registration form. In client mode: the
   * signed-in person, or, for the association's representative, its members (read from the API).
   */
  declare members: Member[] | undefined;
  /** Data mode: "my registrations and certificates" (the person's own registrations and competencies). */
  declare myTraining: MyTrainingData | undefined;
  /** The filters applied; `region` and `competency` preset them. */
  declare filters: TrainingFilters;
  /** @internal */
  declare tab: Tab;
  /** @internal */
  declare notice: string | undefined;

  /** @internal The courses for the filters (client mode): the first page, then the pages "load more" adds. */
  readonly results = new ResourceController<Results>(this, {
    load: (signal) => this.#fetch(signal),
    onValue: (results) => {
      this.courses = results.courses;
    },
  });
  readonly #mine = new ResourceController<Registration[]>(this, {
    load: async (signal) =>
      (await this.#client().request(listRegistrationsRef, { query: { limit: 50 }, signal })).items,
    onValue: (list) => {
      this.registrations = list;
    },
  });
  readonly #associations = new ResourceController<MyAssociation[]>(this, {
    load: async (signal) => (await this.#client().request(myAssociationsRef, { signal })).items,
    onValue: (list) => {
      this.associations = list;
    },
  });
  /** @internal */
  online = new OnlineController(this, (online) => {
    if (online && this.#clientMode) void this.search();
  });
  /** @internal */
  announcer = new LiveAnnouncer(this);
  /** @internal The registration dialog (open, check, register or cancel, focus), once its module is loaded. */
  registration: RegistrationController | undefined;
  /** @internal "Subscribe to my trainings calendar" (signed-in view), loaded with the registration module. */
  calendar: PersonalCalendar | undefined;
  /** @internal "My registrations and certificates", loaded with the registration module. */
  mine: MyTraining | undefined;
  /**
   * The registration module and the controller made from it, imported at the interaction that needs them (beside
   * its own requests): the skeleton while it comes, the error with a retry when it fails.
   */
  readonly #ui = new ResourceController(this, {
    load: async () => {
      const ui = await registrationUi.load();
      this.registration ??= new ui.RegistrationController(this);
      this.calendar ??= new ui.PersonalCalendar(this);
      this.mine ??= new ui.MyTraining(this);
      return { ui, registration: this.registration, calendar: this.calendar, mine: this.mine };
    },
    onValue: () => {
      // Brought by the error's retry: do what the interaction whose import failed was for.
      const then = this.#afterUi;
      this.#afterUi = undefined;
      then?.();
    },
  });
  /** What the interaction whose import of the registration module failed still has to do once it is here. */
  #afterUi: (() => void) | undefined;

  /** Courses set by the page (data mode); undefined while the element loads them itself. */
  #given: Course[] | undefined;
  #clientMode = false;
  /** Set by the sign-in button: once signed in, focus goes to the tabs that took the button's place. */
  #focusAfterSignIn = false;
  #announcedTotal: number | undefined;
  /** The cursor of the page to load next; unset for a new search. */
  #after: string | undefined;

  constructor() {
    super();
    this.pageSize = 10;
    this.signedIn = false;
    this.filters = emptyFilters();
    this.tab = 'search';
  }

  /** The courses shown after filtering (data mode filters here; client mode shows the server's pages). */
  get visibleCourses(): Course[] | undefined {
    if (!this.courses) return undefined;
    return this.#clientMode ? this.courses : this.courses.filter((c) => courseMatches(c, this.filters));
  }

  /** Whether the signed-in view is shown: `signedIn` in data mode, else a token in the client. */
  get isSignedIn(): boolean {
    return this.signedIn || Boolean(this.resolvedClient?.tokens.get());
  }

  /** @internal The dialog shown; stories open one by setting it. */
  get dialog(): RegistrationDialog | undefined {
    return this.registration?.dialog;
  }
  set dialog(dialog: RegistrationDialog | undefined) {
    if (!dialog && !this.registration) return;
    this.#afterUi = undefined;
    void Promise.resolve(this.#ui.value ?? this.#ui.run()).then(() => {
      const registration = this.#ui.value?.registration;
      if (registration) registration.show(dialog);
      else
        this.#afterUi = () => {
          this.dialog = dialog;
        };
    });
  }

  /**
   * Imports the "my registrations" view (its tab opened) unless it is here; `updateComplete` waits for it and
   * the render that shows it. The error's retry imports again.
   */
  #loadMineView(): void {
    this.#afterUi = undefined;
    if (!this.#ui.value) this.waitFor(this.#ui.run());
  }

  /** @internal Why the associations could not be read, translated; `undefined` when they were. */
  get associationsError(): string | undefined {
    const code = this.#associations.errorCode;
    return code ? errorMessage(this, code) : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('courses') && !this.#clientMode) this.#given = this.courses;
    // Registrations the page (data mode) or a write set: the list shown is the controller's value.
    if (changed.has('registrations') && this.registrations !== this.#mine.value)
      this.#mine.set(this.registrations);
    // Preset filters from the attributes, applied before the search that clientChanged starts.
    if (changed.has('region')) this.filters = { ...this.filters, region: this.region ? [this.region] : [] };
    if (changed.has('competency'))
      this.filters = { ...this.filters, competency: this.competency ? [this.competency] : [] };
    // The "my registrations" tab shown by setting `tab` (stories), not through its button.
    if (changed.has('tab') && this.tab !== 'search' && this.#ui.status === 'idle') this.#loadMineView();
    if (changed.has('myTraining') && this.myTraining) this.mine?.data.set(this.myTraining);
    // The tab shown by setting `tab` (stories), or its module just arrived: its data, once.
    if (this.tab === 'me' && this.mine?.data.status === 'idle') void this.mine.load();
    super.willUpdate(changed);
    const total = this.#clientMode ? this.results.value?.total : this.visibleCourses?.length;
    if (total !== undefined && total !== this.#announcedTotal) {
      this.#announcedTotal = total;
      this.announcer.announce(this.t('count.results', { count: total }));
    }
  }

  protected override clientChanged(client: BaseClient | undefined): void {
    if (!client || this.#given) return;
    this.#clientMode = true;
    void this.search();
  }

  #client(): BaseClient {
    const client = this.resolvedClient;
    if (!client) throw new Error('No client'); // Never: loads start only with a client.
    return client;
  }

  /** The page after {@link #after} (the first page when unset), appended to the courses already shown. */
  async #fetch(signal: AbortSignal): Promise<Results> {
    const cursor = this.#after;
    const query = { ...courseQuery(this.filters, this.pageSize), ...(cursor ? { cursor } : {}) };
    const page = await this.#client().request(searchCoursesRef, { query, signal });
    const before = cursor ? (this.results.value?.courses ?? []) : [];
    return {
      courses: [...before, ...page.items],
      total: page.total ?? page.items.length,
      nextCursor: page.nextCursor,
    };
  }

  /** Loads the first page of courses for the current filters (client mode). */
  async search(): Promise<void> {
    if (!this.resolvedClient || !this.#clientMode) return;
    this.#after = undefined;
    await this.results.run();
  }

  /** Appends the next page of courses (client mode). */
  async loadMore(): Promise<void> {
    const next = this.results.value?.nextCursor;
    if (!next) return;
    this.#after = next;
    await this.results.run();
  }

  /** Reloads "my registrations" (client mode) and re-renders the signed-in state. */
  async loadRegistrations(): Promise<void> {
    this.requestUpdate();
    if (this.#clientMode && this.resolvedClient?.tokens.get()) await this.#mine.run();
  }

  /** @internal The list after a write, shown at once (on the controller too: a reload that follows is kept). */
  setRegistrations(list: Registration[] | undefined): void {
    this.#mine.set(list);
    this.registrations = list;
  }

  /** @internal Applies a change of the filters, tells the page, and searches again. */
  setFilters(patch: Partial<TrainingFilters>): void {
    this.filters = { ...this.filters, ...patch };
    this.emit('nassij-course-search', this.filters);
    void this.search();
  }

  /** Signs in through the platform's popup (client mode), in the element's language. Resolves `true` when signed in. */
  async signIn(): Promise<boolean> {
    const client = this.resolvedClient;
    if (!client) {
      // Data mode: the page signs in its own way and sets `signedIn`.
      this.emit('nassij-sign-in', {});
      return this.isSignedIn;
    }
    try {
      const signed = await client.auth.signInWithPopup({ locale: this.locale });
      this.notice = undefined;
      this.emit('nassij-sign-in', { expiresAt: signed.expiresAt });
      void this.loadRegistrations();
      return true;
    } catch (error) {
      this.notice = errorMessage(this, this.reportFailure(error));
      return false;
    }
  }

  async #signOut(): Promise<void> {
    try {
      await this.resolvedClient?.auth.signOut();
    } catch {
      // Signed out locally either way.
    }
    this.setRegistrations(undefined);
    this.calendar?.clear();
    this.mine?.clear();
    this.#associations.clear();
    this.associations = undefined;
    this.tab = 'search';
    // The sign-out button is gone: focus the sign-in button that took its place.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[data-action="sign-in"]')?.focus();
  }

  /**
   * Opens the registration dialog for a session, signing in first when needed. When it closes, focus goes
   * back to `opener` if given, else to the session's register button (found again, as the list may have
   * re-rendered), else to the course's heading.
   */
  async openRegistration(course: Course, session: SessionSummary, opener?: HTMLElement): Promise<void> {
    // The dialog's module is asked now, beside the sign-in and the associations; retrying opens again.
    this.#afterUi = undefined;
    const ui = this.#ui.value ?? this.#ui.run();
    if (!this.isSignedIn && !(await this.signIn())) return;
    // Associations first, so that the dialog opens with its chooser and focuses it.
    await this.loadAssociations();
    await ui;
    const registration = this.#ui.value?.registration;
    if (registration) await registration.open(course, session, opener);
    else this.#afterUi = () => void this.openRegistration(course, session, opener);
  }

  /** @internal Reads the associations of the account once (client mode), for the registration form. */
  async loadAssociations(): Promise<void> {
    if (this.#clientMode && !this.associations) await this.#associations.run();
  }

  /** @internal The title of a course shown or given, in the reader's language. */
  courseTitle(courseId: string): string | undefined {
    const course = [...(this.courses ?? []), ...(this.#given ?? [])].find((c) => c.id === courseId);
    return course ? plain(this.locale, course.title) : undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Search engines read the sessions the reader sees (a regional page lists no other region's).
    const shown = (this.visibleCourses ?? []).map((c) => ({
      ...c,
      nextSessions: shownSessions(c, this.filters),
    }));
    renderJsonLd(this, 'training-finder', coursesJsonLd(shown, this.locale));
    if (this.#focusAfterSignIn && this.isSignedIn) {
      this.#focusAfterSignIn = false;
      this.renderRoot.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus();
    }
  }

  #selectTab(tab: Tab, focus = false): void {
    this.tab = tab;
    if (tab === 'mine') {
      void this.loadRegistrations();
      this.#loadMineView();
    }
    if (tab === 'me') {
      this.#loadMineView();
      void Promise.resolve(this.#ui.value ?? this.#ui.run()).then((ui) => ui?.mine.load());
    }
    if (focus)
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  #onTabKey = (event: KeyboardEvent): void => {
    const rtl = this.getAttribute('dir') === 'rtl';
    const next = rtl ? 'ArrowLeft' : 'ArrowRight';
    const prev = rtl ? 'ArrowRight' : 'ArrowLeft';
    if (event.key !== next && event.key !== prev && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    const at = TABS.indexOf(this.tab);
    const step = event.key === next ? 1 : TABS.length - 1;
    const index =
      event.key === 'Home' ? 0 : event.key === 'End' ? TABS.length - 1 : (at + step) % TABS.length;
    this.#selectTab(TABS[index]!, true);
  };

  #onSignInClick = async (): Promise<void> => {
    this.#focusAfterSignIn = true;
    if (await this.signIn()) this.requestUpdate();
  };

  override render() {
    const signedIn = this.isSignedIn;
    const mine = signedIn && this.tab !== 'search';
    return html`<div class="wrap">
      ${this.announcer.region()}
      <div class="bar">
        <h2 id="title" tabindex="-1">${this.t('tf.title')}</h2>
        ${
          signedIn
            ? this.resolvedClient
              ? html`<button class="nassij-button" data-variant="secondary" part="button" type="button"
                  @click=${() => this.#signOut()}>${this.t('action.signOut')}</button>`
              : nothing
            : html`<button class="nassij-button" part="button" type="button" data-action="sign-in"
                @click=${this.#onSignInClick}>${this.t('action.signIn')}</button>`
        }
      </div>
      ${this.notice ? html`<p class="alert" role="alert">${this.notice}</p>` : nothing}
      ${this.online.online ? nothing : renderOffline(this)}
      ${signedIn ? this.#renderTabs() : html`<p class="muted">${this.t('tf.signInHint')}</p>`}
      ${
        mine
          ? html`<div role="tabpanel" id="panel-${this.tab}" aria-labelledby="tab-${this.tab}">${
              this.tab === 'me' ? this.#renderMe() : this.#renderMine()
            }</div>`
          : html`<div role=${signedIn ? 'tabpanel' : nothing} id="panel-search"
              aria-labelledby=${signedIn ? 'tab-search' : nothing}>${this.#renderSearch()}</div>`
      }
      ${this.#renderDialog(mine)}
    </div>`;
  }

  #renderTabs(): TemplateResult {
    return html`<div role="tablist" aria-label=${this.t('tf.tabs')} @keydown=${this.#onTabKey}>
      ${TABS.map(
        (tab) => html`<button role="tab" id="tab-${tab}" type="button" aria-controls="panel-${tab}"
          aria-selected=${this.tab === tab ? 'true' : 'false'} tabindex=${this.tab === tab ? 0 : -1}
          @click=${() => this.#selectTab(tab)}>${this.t(`tf.tab.${tab}`)}</button>`,
      )}
    </div>`;
  }

  #renderSearch(): TemplateResult {
    return html`<div class="layout">
      <div class="filters">${renderSearchForm(this)}</div>
      <div class="results" aria-busy=${this.results.loading ? 'true' : 'false'}>${this.#renderResults()}</div>
    </div>`;
  }

  #renderResults(): unknown {
    const empty = { isEmpty: (r: Results) => r.courses.length === 0, emptyMessage: this.t('tf.noMatch') };
    if (this.#clientMode) {
      return this.results.render({
        ...empty,
        lines: 5,
        ready: (r) => renderCourseList(this, r.courses, r.total, Boolean(r.nextCursor)),
      });
    }
    // Data mode: the page's courses, filtered here.
    const courses = this.visibleCourses;
    if (!courses) return nothing;
    if (!courses.length) return renderEmpty(this, { message: empty.emptyMessage });
    return renderCourseList(this, courses, courses.length, false);
  }

  /** The dialog; while its module loads (or failed) on the search tab, the skeleton (or the error). */
  #renderDialog(mine: boolean): unknown {
    if (mine && !this.#ui.value) return nothing;
    return this.#ui.render({ ready: ({ ui, registration }) => ui.renderDialog(this, registration) });
  }

  #renderMe(): unknown {
    return this.#ui.render({ ready: ({ ui, mine }) => ui.renderMyTraining(this, mine) });
  }

  #renderMine(): unknown {
    return this.#ui.render({
      ready: ({ ui, registration, calendar }) =>
        html`${this.#mine.render({
          ready: (list) => ui.renderMyRegistrations(this, registration, list),
          isEmpty: (list) => list.length === 0,
          emptyMessage: this.t('tf.mine.empty'),
        })}${ui.renderPersonalCalendar(this, calendar)}`,
    });
  }
}

declare global {
  // The tag as the self-registering entry defines it; declared here so the class alone brings the type.
  interface HTMLElementTagNameMap {
    'nassij-training-finder': NassijTrainingFinder;
  }
  interface GlobalEventHandlersEventMap extends NassijTrainingFinderEventMap {}
}
