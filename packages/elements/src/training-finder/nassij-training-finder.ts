import {
  COMPETENCY_CODES,
  COMPETENCY_NAMES,
  type CompetencyCode,
  type Course,
  cancelRegistrationRef,
  createRegistrationRef,
  type Facets,
  type Locale,
  type LocalizedText,
  listRegistrationsRef,
  type MyAssociation,
  myAssociationsRef,
  pickText,
  REGIONS,
  type RegionCode,
  type Registration,
  regionName,
  type SessionSummary,
  searchCoursesRef,
} from '@nassij/contract';
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { BaseClient } from '../base/client.js';
import { coursesJsonLd, renderJsonLd } from '../base/json-ld.js';
import { NassijElement, type NassijErrorDetail } from '../base/nassij-element.js';
import {
  errorMessage,
  LiveAnnouncer,
  OnlineController,
  renderEmpty,
  renderError,
  renderLoading,
  renderOffline,
} from '../base/states.js';
import { baseStyles } from '../styles/index.js';
import { trainingFinderMessages } from './training-finder.messages.js';

const LEVELS = [1, 2, 3] as const;
const MODALITIES = ['on_site', 'online', 'blended'] as const;
const LANGUAGES: readonly Locale[] = ['ar', 'fr', 'zgh', 'en'];

/** The search and facet values of the finder; what `nassij-course-search` carries in its `detail`. */
export interface TrainingFilters {
  q: string;
  competency: string[];
  level: number[];
  modality: string[];
  region: string[];
  language: string[];
  /** Calendar dates `YYYY-MM-DD` (Casablanca), empty when unset. */
  from: string;
  to: string;
  free: boolean;
  seatsAvailable: boolean;
}

type Tab = 'search' | 'mine';
type Dialog =
  | { kind: 'register'; course: Course; session: SessionSummary }
  | { kind: 'result'; registration: Registration }
  | { kind: 'cancel'; registration: Registration };

const emptyFilters = (): TrainingFilters => ({
  q: '',
  competency: [],
  level: [],
  modality: [],
  region: [],
  language: [],
  from: '',
  to: '',
  free: false,
  seatsAvailable: false,
});

/** Whether a course passes the filters; data mode filters in the page, client mode on the server. */
export function courseMatches(course: Course, f: TrainingFilters): boolean {
  const sessions = course.nextSessions ?? [];
  if (f.q) {
    const needle = f.q.toLocaleLowerCase();
    const hay = [course.title, course.description, course.targetAudience]
      .flatMap((text) => Object.values(text))
      .join(' ')
      .toLocaleLowerCase();
    if (!hay.includes(needle)) return false;
  }
  if (f.competency.length && !course.competencies.some((c) => f.competency.includes(c.code))) return false;
  if (f.level.length && !course.competencies.some((c) => f.level.includes(c.level))) return false;
  if (f.modality.length && !f.modality.includes(course.modality)) return false;
  if (f.free && !course.cost.free) return false;
  if (f.region.length) {
    const inRegion = sessions.some(
      (s) => s.location.kind === 'on_site' && f.region.includes(s.location.region),
    );
    if (!inRegion && course.modality === 'on_site') return false;
  }
  if (f.language.length && !course.languages.some((l) => f.language.includes(l))) return false;
  if (f.seatsAvailable && !sessions.some((s) => s.seatsLeft > 0)) return false;
  if (f.from && !sessions.some((s) => s.period.start.slice(0, 10) >= f.from)) return false;
  if (f.to && !sessions.some((s) => s.period.start.slice(0, 10) <= f.to)) return false;
  return true;
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
    filters: { state: true },
    tab: { state: true },
    total: { state: true },
    facets: { state: true },
    nextCursor: { state: true },
    errorCode: { state: true },
    dialog: { state: true },
    dialogError: { state: true },
    busy: { state: true },
    notice: { state: true },
  };
  static override messages = trainingFinderMessages;

  /** The element's styles: the shared tokens and base styles, then its own. */
  static override styles = [
    baseStyles,
    css`
      h2 {
        font-size: var(--_n-font-size-xl);
        margin-block: 0 var(--_n-space-3);
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_n-space-3);
        align-items: center;
        justify-content: space-between;
        margin-block-end: var(--_n-space-3);
      }
      [role='tablist'] {
        display: flex;
        gap: var(--_n-space-2);
      }
      [role='tab'] {
        min-block-size: 2.75rem;
        padding-inline: var(--_n-space-3);
        border: 0;
        border-block-end: 3px solid transparent;
        background: none;
        color: var(--_n-text);
        font: inherit;
        cursor: pointer;
      }
      [role='tab'][aria-selected='true'] {
        border-block-end-color: var(--_n-primary);
        font-weight: 700;
      }
      .layout {
        display: grid;
        gap: var(--_n-space-4);
        grid-template-columns: minmax(14rem, 18rem) 1fr;
      }
      @container (max-width: 40rem) {
        .layout {
          grid-template-columns: 1fr;
        }
      }
      .wrap {
        container-type: inline-size;
      }
      form.search {
        display: flex;
        gap: var(--_n-space-2);
        margin-block-end: var(--_n-space-3);
      }
      form.search .nassij-input {
        flex: 1;
        min-inline-size: 0;
      }
      fieldset {
        border: 1px solid var(--_n-border);
        border-radius: var(--_n-radius);
        margin: 0 0 var(--_n-space-3);
        padding: var(--_n-space-2) var(--_n-space-3);
      }
      legend {
        font-weight: 700;
        padding-inline: var(--_n-space-1);
      }
      .check {
        display: flex;
        gap: var(--_n-space-2);
        align-items: center;
        min-block-size: 1.75rem;
      }
      .check input {
        inline-size: 1.25rem;
        block-size: 1.25rem;
      }
      .field {
        display: flex;
        flex-direction: column;
        gap: var(--_n-space-1);
        margin-block-end: var(--_n-space-2);
      }
      ul.courses,
      ul.sessions,
      ul.mine {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--nassij-training-finder-gap, var(--_n-space-3));
      }
      article,
      ul.mine > li {
        border: 1px solid var(--_n-border);
        border-radius: var(--_n-radius);
        background: var(--nassij-training-finder-card-bg, var(--_n-surface));
        padding: var(--_n-space-4);
      }
      h3 {
        margin: 0 0 var(--_n-space-2);
        font-size: var(--_n-font-size-l);
      }
      h4 {
        margin: var(--_n-space-3) 0 var(--_n-space-2);
        font-size: var(--_n-font-size-m);
      }
      .meta,
      .muted {
        color: var(--_n-muted);
        font-size: var(--_n-font-size-s);
      }
      .tags {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_n-space-2);
        list-style: none;
        margin: 0 0 var(--_n-space-2);
        padding: 0;
      }
      .tags li,
      .badge {
        display: inline-block;
        border: 1px solid var(--_n-border);
        border-radius: 999px;
        padding-inline: var(--_n-space-2);
        font-size: var(--_n-font-size-s);
      }
      .badge[data-state='open'],
      .badge[data-state='confirmed'] {
        border-color: var(--_n-success);
        border-inline-start-width: 4px;
      }
      .badge[data-state='waitlist'],
      .badge[data-state='waitlisted'] {
        border-color: var(--_n-warning);
        border-inline-start-width: 4px;
      }
      .badge[data-state='closed'],
      .badge[data-state='suspended'],
      .badge[data-state='cancelled'] {
        border-color: var(--_n-danger);
        border-inline-start-width: 4px;
      }
      ul.sessions > li {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_n-space-2);
        align-items: center;
        justify-content: space-between;
        border-block-start: 1px solid var(--_n-border);
        padding-block-start: var(--_n-space-2);
      }
      dialog {
        max-inline-size: min(36rem, 100vw - 2rem);
        border: 1px solid var(--_n-border);
        border-radius: var(--_n-radius);
        background: var(--_n-surface);
        color: var(--_n-text);
        padding: var(--_n-space-5);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.5);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_n-space-2);
        justify-content: flex-end;
        margin-block-start: var(--_n-space-4);
      }
      .alert {
        border-inline-start: 4px solid var(--_n-danger);
        padding-inline-start: var(--_n-space-3);
      }
      .more {
        margin-block-start: var(--_n-space-3);
      }
    `,
  ];

  /** Preset region filter (`MA-09`). */
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
  declare filters: TrainingFilters;
  declare tab: Tab;
  declare total: number | undefined;
  declare facets: Facets | undefined;
  declare nextCursor: string | null;
  declare errorCode: string | undefined;
  declare dialog: Dialog | undefined;
  declare dialogError: string | undefined;
  declare busy: boolean;
  declare notice: string | undefined;

  /** @internal */
  online = new OnlineController(this, (online) => {
    if (online && this.#clientMode) void this.search();
  });
  /** @internal */
  announcer = new LiveAnnouncer(this);

  /** Courses set by the page (data mode); undefined while the element loads them itself. */
  #given: Course[] | undefined;
  #clientMode = false;
  #opener: HTMLElement | null = null;
  #loadSeq = 0;
  #announcedTotal: number | undefined;

  constructor() {
    super();
    this.pageSize = 10;
    this.signedIn = false;
    this.filters = emptyFilters();
    this.tab = 'search';
    this.nextCursor = null;
    this.busy = false;
  }

  /** The courses shown after filtering (data mode filters here; client mode shows the server's page). */
  get visibleCourses(): Course[] | undefined {
    if (!this.courses) return undefined;
    return this.#clientMode ? this.courses : this.courses.filter((c) => courseMatches(c, this.filters));
  }

  /** Whether the signed-in view is shown: `signedIn` in data mode, else a token in the client. */
  get isSignedIn(): boolean {
    return this.signedIn || Boolean(this.resolvedClient?.tokens.get());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('courses') && !this.#clientMode) this.#given = this.courses;
    // Preset filters from the attributes, applied before the search that clientChanged starts.
    if (changed.has('region')) this.filters = { ...this.filters, region: this.region ? [this.region] : [] };
    if (changed.has('competency'))
      this.filters = { ...this.filters, competency: this.competency ? [this.competency] : [] };
    super.willUpdate(changed);
    const total = this.#clientMode ? this.total : this.visibleCourses?.length;
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

  /** Loads the first page of courses for the current filters (client mode). */
  async search(): Promise<void> {
    const client = this.resolvedClient;
    if (!client || !this.#clientMode) return;
    const seq = ++this.#loadSeq;
    this.errorCode = undefined;
    this.courses = undefined;
    try {
      const page = await client.request(searchCoursesRef, { query: this.#query() });
      if (seq !== this.#loadSeq) return;
      this.courses = page.items;
      this.total = page.total ?? page.items.length;
      this.facets = page.facets;
      this.nextCursor = page.nextCursor;
    } catch (error) {
      if (seq === this.#loadSeq) this.#fail(error);
    }
  }

  /** Appends the next page of courses (client mode). */
  async loadMore(): Promise<void> {
    const client = this.resolvedClient;
    if (!client || !this.nextCursor) return;
    try {
      const page = await client.request(searchCoursesRef, {
        query: { ...this.#query(), cursor: this.nextCursor },
      });
      this.courses = [...(this.courses ?? []), ...page.items];
      this.nextCursor = page.nextCursor;
    } catch (error) {
      this.#fail(error);
    }
  }

  /** Reloads "my registrations" (client mode) and re-renders the signed-in state. */
  async loadRegistrations(): Promise<void> {
    const client = this.resolvedClient;
    this.requestUpdate();
    if (!client || !this.#clientMode || !client.tokens.get()) return;
    try {
      const page = await client.request(listRegistrationsRef, { query: { limit: 50 } });
      this.registrations = page.items;
    } catch (error) {
      this.#fail(error);
    }
  }

  #query() {
    const f = this.filters;
    const day = (date: string) => (date ? `${date}T00:00:00Z` : undefined);
    const list = <T>(values: T[]) => (values.length ? values : undefined);
    return {
      q: f.q || undefined,
      competency: list(f.competency),
      level: list(f.level as (1 | 2 | 3)[]),
      modality: list(f.modality as ('on_site' | 'online' | 'blended')[]),
      region: list(f.region as RegionCode[]),
      language: list(f.language as Locale[]),
      from: day(f.from),
      to: f.to ? `${f.to}T23:59:59Z` : undefined,
      free: f.free || undefined,
      seatsAvailable: f.seatsAvailable || undefined,
      limit: this.pageSize,
    };
  }

  #fail(error: unknown): void {
    this.errorCode = this.failureCode(error);
    this.emit('nassij-error', { code: this.errorCode });
  }

  #setFilters(patch: Partial<TrainingFilters>): void {
    this.filters = { ...this.filters, ...patch };
    this.emit('nassij-course-search', this.filters);
    void this.search();
  }

  #toggle(key: 'competency' | 'modality' | 'region' | 'language', value: string, on: boolean): void {
    const values = this.filters[key].filter((v) => v !== value);
    this.#setFilters({ [key]: on ? [...values, value] : values });
  }

  /** Signs in through the platform's popup (client mode). Resolves `true` when signed in. */
  async signIn(): Promise<boolean> {
    const client = this.resolvedClient;
    if (!client) {
      // Data mode: the page signs in its own way and sets `signedIn`.
      this.emit('nassij-sign-in', {});
      return this.isSignedIn;
    }
    try {
      const signed = await client.auth.signInWithPopup();
      this.emit('nassij-sign-in', { expiresAt: signed.expiresAt });
      this.notice = undefined;
      await this.loadRegistrations();
      return true;
    } catch (error) {
      const code = this.failureCode(error);
      this.notice = errorMessage(this, code);
      this.emit('nassij-error', { code });
      return false;
    }
  }

  async #signOut(): Promise<void> {
    try {
      await this.resolvedClient?.auth.signOut();
    } catch {
      // Signed out locally either way.
    }
    this.registrations = undefined;
    this.associations = undefined;
    this.tab = 'search';
  }

  /** Opens the registration dialog for a session, signing in first when needed. */
  async openRegistration(course: Course, session: SessionSummary, opener?: HTMLElement): Promise<void> {
    this.#opener = opener ?? null;
    if (!this.isSignedIn && !(await this.signIn())) return;
    this.dialogError = undefined;
    const client = this.resolvedClient;
    // Associations first, so that the dialog opens with its chooser and focuses it.
    if (client && this.#clientMode && !this.associations) {
      try {
        this.associations = (await client.request(myAssociationsRef)).items;
      } catch (error) {
        this.dialogError = errorMessage(this, this.failureCode(error));
      }
    }
    this.dialog = { kind: 'register', course, session };
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const dialog = this.dialog;
    if (dialog?.kind !== 'register') return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    const role = String(data.get('role') ?? '').trim();
    const associationId = String(data.get('association') ?? '');
    if (!form.reportValidity()) return;
    const client = this.resolvedClient;
    this.busy = true;
    this.dialogError = undefined;
    try {
      const registration = client
        ? await client.request(createRegistrationRef, {
            body: {
              sessionId: dialog.session.id,
              associationId,
              participant: { name, ...(role ? { role } : {}) },
              consent: true,
            },
          })
        : this.#localRegistration(dialog.course, dialog.session, associationId, name, role);
      this.dialog = { kind: 'result', registration };
      this.emit('nassij-register', registration);
      this.registrations = [registration, ...(this.registrations ?? [])];
      if (this.#clientMode) void this.search();
    } catch (error) {
      const code = this.failureCode(error);
      this.dialogError = errorMessage(this, code);
      this.emit('nassij-error', { code });
    } finally {
      this.busy = false;
    }
  }

  /** Data mode without a client: the page hears `nassij-register` and the element shows the outcome. */
  #localRegistration(
    course: Course,
    session: SessionSummary,
    associationId: string,
    name: string,
    role: string,
  ): Registration {
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const full = session.seatsLeft === 0;
    const status = full ? 'waitlisted' : 'confirmed';
    return {
      id: `local_${Date.now()}`,
      sessionId: session.id,
      courseId: course.id,
      associationId,
      participant: { name, ...(role ? { role } : {}) },
      status,
      ...(full ? { waitlistPosition: 1 } : {}),
      createdAt: now,
      history: [{ at: now, status }],
    };
  }

  async #confirmCancel(registration: Registration): Promise<void> {
    const client = this.resolvedClient;
    this.busy = true;
    this.dialogError = undefined;
    try {
      const cancelled: Registration = client
        ? await client.request(cancelRegistrationRef, {
            params: { registrationId: registration.id },
            body: {},
          })
        : { ...registration, status: 'cancelled' };
      this.registrations = (this.registrations ?? []).map((r) => (r.id === cancelled.id ? cancelled : r));
      this.emit('nassij-registration-cancel', cancelled);
      this.#closeDialog();
      this.announcer.announce(this.t('tf.cancel.done', { name: cancelled.participant.name }));
      if (this.#clientMode) {
        void this.loadRegistrations();
        void this.search();
      }
    } catch (error) {
      const code = this.failureCode(error);
      this.dialogError = errorMessage(this, code);
      this.emit('nassij-error', { code });
    } finally {
      this.busy = false;
    }
  }

  #closeDialog(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog?.open) dialog.close();
    else this.#onDialogClosed();
  }

  #onDialogClosed = (): void => {
    this.dialog = undefined;
    this.dialogError = undefined;
    const opener = this.#opener;
    this.#opener = null;
    // The card may have re-rendered meanwhile; focus what is still in the tree.
    void this.updateComplete.then(() => {
      if (opener?.isConnected) opener.focus();
    });
  };

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    renderJsonLd(this, 'training-finder', coursesJsonLd(this.visibleCourses ?? [], this.locale));
    if (changed.has('dialog') && this.dialog) {
      const dialog = this.renderRoot.querySelector('dialog');
      if (dialog && !dialog.open) dialog.showModal();
      const first = dialog?.querySelector<HTMLElement>('select, input, button:not(.close)');
      if (changed.get('dialog')?.kind !== this.dialog.kind) first?.focus();
    }
  }

  #selectTab(tab: Tab, focus = false): void {
    this.tab = tab;
    if (tab === 'mine') void this.loadRegistrations();
    if (focus)
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  #onTabKey = (event: KeyboardEvent): void => {
    const rtl = this.getAttribute('dir') === 'rtl';
    const next = rtl ? 'ArrowLeft' : 'ArrowRight';
    const prev = rtl ? 'ArrowRight' : 'ArrowLeft';
    if (event.key !== next && event.key !== prev && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    const target: Tab =
      event.key === 'Home'
        ? 'search'
        : event.key === 'End'
          ? 'mine'
          : this.tab === 'search'
            ? 'mine'
            : 'search';
    this.#selectTab(target, true);
  };

  // ——— rendering ———

  #text(text: Parameters<typeof pickText>[0]): TemplateResult {
    const picked = pickText(text, this.locale);
    return picked.locale === this.locale
      ? html`${picked.text}`
      : html`<span lang=${picked.locale}>${picked.text}</span>`;
  }

  override render() {
    const signedIn = this.isSignedIn;
    return html`<div class="wrap">
      ${this.announcer.region()}
      <div class="bar">
        <h2>${this.t('tf.title')}</h2>
        ${
          signedIn
            ? this.resolvedClient
              ? html`<button class="nassij-button" data-variant="secondary" part="button" type="button"
                  @click=${() => this.#signOut()}>${this.t('action.signOut')}</button>`
              : nothing
            : html`<button class="nassij-button" part="button" type="button" data-action="sign-in"
                @click=${() => this.signIn()}>${this.t('action.signIn')}</button>`
        }
      </div>
      ${this.notice ? html`<p class="alert" role="alert">${this.notice}</p>` : nothing}
      ${this.online.online ? nothing : renderOffline(this)}
      ${
        signedIn
          ? html`<div role="tablist" aria-label=${this.t('tf.tabs')} @keydown=${this.#onTabKey}>
              ${(['search', 'mine'] as const).map(
                (tab) => html`<button role="tab" id="tab-${tab}" type="button" aria-controls="panel-${tab}"
                  aria-selected=${this.tab === tab ? 'true' : 'false'} tabindex=${this.tab === tab ? 0 : -1}
                  @click=${() => this.#selectTab(tab)}>${this.t(`tf.tab.${tab}`)}</button>`,
              )}
            </div>`
          : html`<p class="muted">${this.t('tf.signInHint')}</p>`
      }
      ${
        signedIn && this.tab === 'mine'
          ? html`<div role="tabpanel" id="panel-mine" aria-labelledby="tab-mine">${this.#renderMine()}</div>`
          : html`<div role=${signedIn ? 'tabpanel' : nothing} id="panel-search"
              aria-labelledby=${signedIn ? 'tab-search' : nothing}>${this.#renderSearch()}</div>`
      }
      ${this.#renderDialog()}
    </div>`;
  }

  #renderSearch(): TemplateResult {
    return html`<div class="layout">
      <div>
        <form class="search" role="search" @submit=${(e: SubmitEvent) => {
          e.preventDefault();
          const input = (e.target as HTMLFormElement).elements.namedItem('q') as HTMLInputElement;
          this.#setFilters({ q: input.value.trim() });
        }}>
          <label class="visually-hidden" for="q">${this.t('tf.search.label')}</label>
          <input class="nassij-input" id="q" name="q" type="search" .value=${this.filters.q} />
          <button class="nassij-button" part="button" type="submit">${this.t('action.search')}</button>
        </form>
        ${this.#renderFacets()}
      </div>
      <div>${this.#renderResults()}</div>
    </div>`;
  }

  #renderFacets(): TemplateResult {
    const f = this.filters;
    const check = (
      key: 'competency' | 'modality' | 'region' | 'language',
      value: string,
      label: string,
    ) => html`<label class="check"><input type="checkbox" name=${key} .value=${value}
        .checked=${f[key].includes(value)}
        @change=${(e: Event) => this.#toggle(key, value, (e.target as HTMLInputElement).checked)} />${label}</label>`;
    return html`<section aria-labelledby="filters-title">
      <h3 id="filters-title" class="visually-hidden">${this.t('tf.filters')}</h3>
      <div class="field">
        <label for="competency">${this.t('tf.facet.competency')}</label>
        <select class="nassij-input" id="competency" @change=${(e: Event) => {
          const value = (e.target as HTMLSelectElement).value;
          this.#setFilters({ competency: value ? [value] : [] });
        }}>
          <option value="" ?selected=${!f.competency.length}>${this.t('tf.facet.anyCompetency')}</option>
          ${COMPETENCY_CODES.map(
            (code) => html`<option value=${code} ?selected=${f.competency.includes(code)}>
              ${pickText(COMPETENCY_NAMES[code], this.locale).text}</option>`,
          )}
        </select>
      </div>
      <fieldset>
        <legend>${this.t('tf.facet.level')}</legend>
        ${LEVELS.map(
          (level) => html`<label class="check"><input type="checkbox" name="level" .value=${String(level)}
            .checked=${f.level.includes(level)} @change=${(e: Event) => {
              const on = (e.target as HTMLInputElement).checked;
              const rest = f.level.filter((l) => l !== level);
              this.#setFilters({ level: on ? [...rest, level] : rest });
            }} />${this.t(`tf.level.${level}`)}</label>`,
        )}
      </fieldset>
      <fieldset>
        <legend>${this.t('tf.facet.modality')}</legend>
        ${MODALITIES.map((m) => check('modality', m, this.t(`tf.modality.${m}`)))}
      </fieldset>
      <div class="field">
        <label for="region">${this.t('tf.facet.region')}</label>
        <select class="nassij-input" id="region" @change=${(e: Event) => {
          const value = (e.target as HTMLSelectElement).value;
          this.#setFilters({ region: value ? [value] : [] });
        }}>
          <option value="" ?selected=${!f.region.length}>${this.t('tf.facet.anyRegion')}</option>
          ${REGIONS.map(
            (r) => html`<option value=${r.code} ?selected=${f.region.includes(r.code)}>
              ${pickText(r.name, this.locale).text}</option>`,
          )}
        </select>
      </div>
      <fieldset>
        <legend>${this.t('tf.facet.language')}</legend>
        ${LANGUAGES.map((l) => check('language', l, this.t(`tf.lang.${l}`)))}
      </fieldset>
      <fieldset>
        <legend>${this.t('tf.facet.dates')}</legend>
        <div class="field">
          <label for="from">${this.t('tf.facet.from')}</label>
          <input class="nassij-input" id="from" type="date" .value=${f.from}
            @change=${(e: Event) => this.#setFilters({ from: (e.target as HTMLInputElement).value })} />
        </div>
        <div class="field">
          <label for="to">${this.t('tf.facet.to')}</label>
          <input class="nassij-input" id="to" type="date" .value=${f.to}
            @change=${(e: Event) => this.#setFilters({ to: (e.target as HTMLInputElement).value })} />
        </div>
      </fieldset>
      <fieldset>
        <legend>${this.t('tf.facet.other')}</legend>
        <label class="check"><input type="checkbox" name="free" .checked=${f.free}
          @change=${(e: Event) => this.#setFilters({ free: (e.target as HTMLInputElement).checked })} />
          ${this.t('tf.facet.free')}</label>
        <label class="check"><input type="checkbox" name="seats" .checked=${f.seatsAvailable}
          @change=${(e: Event) => this.#setFilters({ seatsAvailable: (e.target as HTMLInputElement).checked })} />
          ${this.t('tf.facet.seats')}</label>
      </fieldset>
    </section>`;
  }

  #renderResults(): TemplateResult {
    if (this.errorCode) return renderError(this, { code: this.errorCode, onRetry: () => this.search() });
    const courses = this.visibleCourses;
    if (!courses) return renderLoading(this, { lines: 5 });
    if (courses.length === 0) return renderEmpty(this, { message: this.t('tf.noMatch') });
    const total = this.#clientMode ? (this.total ?? courses.length) : courses.length;
    return html`<p class="meta">${this.t('count.results', { count: total })}</p>
      <ul class="courses">${courses.map((course) => html`<li>${this.#renderCourse(course)}</li>`)}</ul>
      ${
        this.#clientMode && this.nextCursor
          ? html`<button class="nassij-button more" data-variant="secondary" part="button" type="button"
              @click=${() => this.loadMore()}>${this.t('pagination.loadMore')}</button>`
          : nothing
      }`;
  }

  #renderCourse(course: Course): TemplateResult {
    const sessions = course.nextSessions ?? [];
    const title = pickText(course.title, this.locale).text;
    return html`<article part="card" data-course=${course.id} aria-labelledby="c-${course.id}">
      <h3 id="c-${course.id}">${this.#text(course.title)}</h3>
      <p class="meta">${this.t('tf.provider', { name: pickText(course.provider.name, this.locale).text })}</p>
      <ul class="tags">
        ${course.competencies.map((c) => {
          const names = COMPETENCY_NAMES[c.code as CompetencyCode] as LocalizedText | undefined;
          const name = names ? pickText(names, this.locale).text : c.code;
          return html`<li>${name} · ${this.t('tf.levelShort', { level: c.level })}</li>`;
        })}
        <li>${this.t(`tf.modality.${course.modality}`)}</li>
        <li>${this.t('tf.duration', { hours: course.durationHours })}</li>
        <li>${course.cost.free ? this.t('tf.cost.free') : this.t('tf.cost.paid', { amount: this.fmt.money(course.cost.amount) })}</li>
      </ul>
      <p>${this.#text(course.description)}</p>
      <h4>${this.t('tf.nextSessions')}</h4>
      ${
        sessions.length === 0
          ? html`<p class="muted">${this.t('tf.noSessions')}</p>`
          : html`<ul class="sessions">${sessions.map((s) => this.#renderSession(course, title, s))}</ul>`
      }
    </article>`;
  }

  #renderSession(course: Course, title: string, s: SessionSummary): TemplateResult {
    const start = this.fmt.dateTime(s.period.start);
    const where =
      s.location.kind === 'online'
        ? s.location.platform
          ? this.t('tf.onlineOn', { platform: s.location.platform })
          : this.t('tf.online')
        : `${pickText(s.location.city, this.locale).text}, ${regionName(s.location.region, this.locale)}`;
    const canRegister = s.registrationState === 'open' || s.registrationState === 'waitlist';
    const label = s.registrationState === 'waitlist' || s.seatsLeft === 0 ? 'tf.joinWaitlist' : 'tf.register';
    return html`<li data-session=${s.id}>
      <div>
        <div>${this.t('tf.when', { start, end: this.fmt.date(s.period.end) })}</div>
        <div class="meta">${where} · ${this.t('tf.sessionLang', { language: this.t(`tf.lang.${s.language}`) })}
          · ${this.t('count.seatsLeft', { count: s.seatsLeft })}</div>
        <span class="badge" part="badge" data-state=${s.registrationState}>${this.t(`tf.state.${s.registrationState}`)}</span>
      </div>
      ${
        canRegister
          ? html`<button class="nassij-button" part="button" type="button" data-register=${s.id}
              @click=${(e: Event) => this.openRegistration(course, s, e.currentTarget as HTMLElement)}>
              ${this.t(label)}<span class="visually-hidden"> ${this.t('tf.registerFor', { course: title, date: start })}</span>
            </button>`
          : nothing
      }
    </li>`;
  }

  #courseTitle(courseId: string): string | undefined {
    const course = [...(this.courses ?? []), ...(this.#given ?? [])].find((c) => c.id === courseId);
    return course ? pickText(course.title, this.locale).text : undefined;
  }

  #renderMine(): TemplateResult {
    const list = this.registrations;
    if (!list)
      return this.errorCode
        ? renderError(this, { code: this.errorCode, onRetry: () => this.loadRegistrations() })
        : renderLoading(this);
    if (list.length === 0) return renderEmpty(this, { message: this.t('tf.mine.empty') });
    return html`<ul class="mine">
      ${list.map(
        (r) => html`<li data-registration=${r.id}>
          <h3>${this.#courseTitle(r.courseId) ?? this.t('tf.mine.session', { id: r.sessionId })}</h3>
          <p>${this.t('tf.mine.participant', { name: r.participant.name })}</p>
          <p><span class="badge" part="badge" data-state=${r.status}>${this.t(`tf.status.${r.status}`)}</span>
            ${r.waitlistPosition ? html` ${this.t('tf.mine.position', { position: r.waitlistPosition })}` : nothing}</p>
          ${
            r.status === 'confirmed' || r.status === 'waitlisted' || r.status === 'requested'
              ? html`<button class="nassij-button" data-variant="secondary" part="button" type="button"
                  data-cancel=${r.id} @click=${(e: Event) => {
                    this.#opener = e.currentTarget as HTMLElement;
                    this.dialogError = undefined;
                    this.dialog = { kind: 'cancel', registration: r };
                  }}>${this.t('tf.mine.cancel')}<span class="visually-hidden"> — ${r.participant.name}</span></button>`
              : nothing
          }
        </li>`,
      )}
    </ul>`;
  }

  #renderDialog(): TemplateResult | typeof nothing {
    const d = this.dialog;
    if (!d) return nothing;
    const error = this.dialogError ? html`<p class="alert" role="alert">${this.dialogError}</p>` : nothing;
    let body: TemplateResult;
    if (d.kind === 'register') {
      const mine = this.associations ?? [];
      body = html`<h2 id="dialog-title">${this.t('tf.dialog.title')}</h2>
        <p>${this.#text(d.course.title)} — ${this.fmt.dateTime(d.session.period.start)}</p>
        <form @submit=${(e: SubmitEvent) => this.#submit(e)}>
          ${
            mine.length > 1
              ? html`<div class="field"><label for="association">${this.t('tf.dialog.association')}</label>
                  <select class="nassij-input" id="association" name="association" required>
                    ${mine.map((m) => html`<option value=${m.association.id}>${pickText(m.association.name, this.locale).text}</option>`)}
                  </select></div>`
              : mine.length === 1
                ? html`<p>${this.t('tf.dialog.association')}: ${this.#text(mine[0]?.association.name ?? {})}</p>
                    <input type="hidden" name="association" .value=${mine[0]?.association.id ?? ''} />`
                : html`<p class="alert">${this.t('tf.dialog.noAssociation')}</p>`
          }
          <div class="field"><label for="p-name">${this.t('tf.dialog.name')}</label>
            <input class="nassij-input" id="p-name" name="name" required maxlength="120" autocomplete="off" /></div>
          <div class="field"><label for="p-role">${this.t('tf.dialog.role')}</label>
            <input class="nassij-input" id="p-role" name="role" maxlength="120" autocomplete="off" /></div>
          <p class="muted" id="notice">${this.t('tf.dialog.notice')}</p>
          <label class="check"><input type="checkbox" id="consent" name="consent" required aria-describedby="notice" />
            ${this.t('tf.dialog.consent')}</label>
          ${error}
          <div class="actions">
            <button class="nassij-button" data-variant="secondary" part="button" type="button"
              @click=${() => this.#closeDialog()}>${this.t('action.cancel')}</button>
            <button class="nassij-button" part="button" type="submit" ?disabled=${this.busy || mine.length === 0}>
              ${this.busy ? this.t('tf.dialog.sending') : this.t('tf.dialog.submit')}</button>
          </div>
        </form>`;
    } else if (d.kind === 'result') {
      const r = d.registration;
      const key = `tf.result.${r.status === 'waitlisted' ? 'waitlisted' : r.status === 'requested' ? 'requested' : 'confirmed'}`;
      body = html`<h2 id="dialog-title">${this.t(`tf.status.${r.status}`)}</h2>
        <p role="status" data-status=${r.status}>${this.t(key, { name: r.participant.name, position: r.waitlistPosition ?? 1 })}</p>
        <div class="actions"><button class="nassij-button" part="button" type="button"
          @click=${() => this.#closeDialog()}>${this.t('action.close')}</button></div>`;
    } else {
      const r = d.registration;
      body = html`<h2 id="dialog-title">${this.t('tf.cancel.title')}</h2>
        <p>${this.t('tf.cancel.text', { name: r.participant.name })}</p>
        ${error}
        <div class="actions">
          <button class="nassij-button" data-variant="secondary" part="button" type="button"
            @click=${() => this.#closeDialog()}>${this.t('tf.cancel.keep')}</button>
          <button class="nassij-button" part="button" type="button" data-confirm-cancel ?disabled=${this.busy}
            @click=${() => this.#confirmCancel(r)}>${this.t('tf.cancel.confirm')}</button>
        </div>`;
    }
    return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${this.#onDialogClosed}>${body}</dialog>`;
  }
}

/** `detail` of `nassij-course-search`. */
export type NassijCourseSearchDetail = TrainingFilters;
/** `detail` of `nassij-register`: the new registration, `confirmed` or `waitlisted`. */
export type NassijRegisterDetail = Registration;
/** `detail` of `nassij-registration-cancel`: the registration, now `cancelled`. */
export type NassijRegistrationCancelDetail = Registration;

/** `detail` of `nassij-sign-in`. */
export interface NassijSignInDetail {
  /** When the session ends (ISO 8601); absent in data mode, where the page signs in itself. */
  expiresAt?: string;
}

/**
 * The events `<nassij-training-finder>` fires; all bubble out of shadow roots (composed).
 *
 * @example
 * ```ts
 * finder.addEventListener('nassij-register', (event) => notify(event.detail.status));
 * ```
 */
export interface NassijTrainingFinderEventMap {
  'nassij-course-search': CustomEvent<NassijCourseSearchDetail>;
  'nassij-register': CustomEvent<NassijRegisterDetail>;
  'nassij-registration-cancel': CustomEvent<NassijRegistrationCancelDetail>;
  'nassij-sign-in': CustomEvent<NassijSignInDetail>;
  'nassij-error': CustomEvent<NassijErrorDetail>;
}

declare global {
  // The tag as the self-registering entry defines it; declared here so the class alone brings the type.
  interface HTMLElementTagNameMap {
    'nassij-training-finder': NassijTrainingFinder;
  }
  interface GlobalEventHandlersEventMap extends NassijTrainingFinderEventMap {}
}
