import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { BaseClient } from '../base/client.js';
import { NassijElement } from '../base/nassij-element.js';
import { ResourceController } from '../base/resource.js';
import { SignInController } from '../base/sign-in.js';
import { LiveAnnouncer, lazy } from '../base/states.js';
import { loadCourses } from './api.js';
import type { AttendanceMark, AttendanceSheet } from './attendance.js';
import type { CourseRow, SessionDesk } from './model.js';
import { sessionManagerMessages } from './session-manager.messages.js';
import { sessionManagerStyles } from './session-manager.styles.js';
import { renderCourses } from './views/list.js';

export type { AttendanceMark, SheetState } from './attendance.js';
export type { CourseRow, EvaluationSummary, IssuedCertificate, SessionDesk } from './model.js';

// The forms (course, session, cancellation) and the session's desk (attendance sheet, evaluations,
// certificates) with their writes load at the first interaction that needs them, beside its requests: a
// manager who only glances at the list never downloads them.
const formsView = lazy(() => import('./views/forms.js'));
const deskView = lazy(() => import('./views/desk.js'));

/** What the manager shows below its heading: the list, a form, or one session's desk. */
export type SessionManagerScreen =
  | { kind: 'list' }
  | { kind: 'course'; courseId?: string | undefined }
  | { kind: 'session'; courseId: string; sessionId?: string | undefined }
  | { kind: 'cancel'; courseId: string; sessionId: string }
  | { kind: 'desk'; courseId: string; sessionId: string };

/** The signed-in account works for no organisation and none was named: nothing it may manage. */
const noOrganisation = () =>
  Object.assign(new Error('The account belongs to no organisation'), { code: 'forbidden' });

/**
 * The desk of an organisation's training managers: its courses (mapped to the competency framework, with
 * level) and their sessions with seats, confirmed and waitlisted registrations; a form to create or edit a
 * course (titles in Arabic and French, competency and level) and a session (on site in a region or online,
 * dates and registration window in Morocco time, capacity); a session cancelled with a reason; and, per
 * session, the **attendance sheet** made for a tablet (one row per participant, one column per day,
 * large checkboxes named "participant — day", "mark all present" per day; ticks are saved in batches and a
 * failed save keeps them and retries), the evaluations' summary, and certificates issued for completed
 * registrations with links to their PDF and verification page. Refusals of the platform are shown in the
 * reader's language.
 *
 * Without a signed-in account it offers the platform's sign-in popup; staff of another organisation get a
 * message saying this workspace is not theirs. Data mode: set `courses` and, for an open session, `desk`.
 *
 * @tagname nassij-session-manager
 * @fires {CustomEvent<NassijCourseSaveDetail>} nassij-course-save - A course was created or changed; `detail: { courseId, created }`.
 * @fires {CustomEvent<NassijSessionSaveDetail>} nassij-session-save - A session was created or changed; `detail: { sessionId, courseId, created }`.
 * @fires {CustomEvent<NassijSessionCancelDetail>} nassij-session-cancel - A session was cancelled; `detail: { sessionId, reason }`.
 * @fires {CustomEvent<NassijAttendanceSaveDetail>} nassij-attendance-save - A batch of attendance marks was saved; `detail: { sessionId, marks }`.
 * @fires {CustomEvent<NassijCertificateIssueDetail>} nassij-certificate-issue - A certificate was issued; `detail: { registrationId, certificateId }`.
 * @fires {CustomEvent<NassijErrorDetail>} nassij-error - A load, a write or the sign-in failed; `detail: { code }`.
 * @csspart button - Every action button.
 * @csspart sheet - The attendance sheet's table.
 *
 * @example
 * ```html
 * <nassij-session-manager api-base="https://platform.example/api"></nassij-session-manager>
 * <script type="module">
 *   document.addEventListener('nassij-certificate-issue', (event) => console.log(event.detail.registrationId));
 * </script>
 * ```
 */
export class NassijSessionManager extends NassijElement {
  static override properties = {
    organisationId: { attribute: 'organisation-id', reflect: true },
    courses: { attribute: false },
    desk: { attribute: false },
    screen: { state: true },
    actionError: { state: true },
    fieldErrors: { state: true },
    busy: { state: true },
    notice: { state: true },
    placeKind: { state: true },
  };
  static override messages = sessionManagerMessages;
  /** The element's styles: the shared tokens and base styles, then its own. */
  static override styles = sessionManagerStyles;

  /** The organisation whose courses are managed (`organisation-id`); default the signed-in account's. */
  declare organisationId: string | undefined;
  /** The organisation's courses and their sessions (data mode, or as loaded). */
  declare courses: CourseRow[] | undefined;
  /** The open session's desk (data mode, or as loaded). */
  declare desk: SessionDesk | undefined;
  /** @internal What is shown below the heading. */
  declare screen: SessionManagerScreen;
  /** The last failed write: where (a form's scope) and its error code. */
  declare actionError: { scope: string; code: string } | undefined;
  /** The fields our own checks stopped at: field id → message key. */
  declare fieldErrors: Record<string, string>;
  declare busy: boolean;
  /** The last write's outcome, shown (and announced) where it happened. */
  declare notice: { scope: string; text: string } | undefined;
  /** @internal Where the session of the open form is held (its fields follow). */
  declare placeKind: 'on_site' | 'online';
  /** @internal The ETag of the course or session the open form changes. */
  etag: string | undefined;
  /** @internal */
  readonly announcer = new LiveAnnouncer(this);
  /** @internal The organisation the list was loaded for (writes create courses there). */
  organisation: string | undefined;
  /** @internal The open session's attendance ticks and their saving (made by the desk's module). */
  sheet: AttendanceSheet | undefined;
  /** @internal Every session's sheet opened so far, kept with its ticks not saved yet. */
  readonly sheets = new Map<string, AttendanceSheet>();
  #clientChanged = false;

  /** @internal */
  readonly list = new ResourceController<CourseRow[]>(this, {
    load: async (signal) => {
      const client = this.resolvedClient!;
      const organisationId = this.organisationId || (await client.auth.me({ signal })).organisationId;
      if (!organisationId) throw noOrganisation();
      this.organisation = organisationId;
      return loadCourses(client, organisationId, signal);
    },
    onValue: (courses) => {
      this.courses = courses;
    },
    keepValueOnError: false,
  });
  /** @internal The open session's desk; a refresh after a write keeps it on screen while it loads. */
  readonly sessionDesk = new ResourceController<SessionDesk>(this, {
    load: async (signal) => {
      const screen = this.screen;
      if (screen.kind !== 'desk') throw new Error('No session is open');
      const [view] = await Promise.all([deskView.load()]);
      return view.loadDesk(this.resolvedClient!, this.#course(screen.courseId), screen.sessionId, signal);
    },
    onValue: (desk) => {
      this.desk = desk;
    },
  });
  /** @internal The forms' module, imported when one opens. */
  readonly forms = new ResourceController(this, { load: () => formsView.load() });
  /** @internal The desk's module (data mode: when there is a desk to show). */
  readonly deskModule = new ResourceController(this, { load: () => deskView.load() });
  #signIn = new SignInController(this, { signedIn: () => this.#afterSignIn() });

  constructor() {
    super();
    this.screen = { kind: 'list' };
    this.fieldErrors = {};
    this.busy = false;
    this.placeKind = 'on_site';
  }

  protected override clientChanged(_client: BaseClient | undefined): void {
    this.#clientChanged = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.#clientChanged || changed.has('organisationId')) {
      this.#clientChanged = false;
      if (changed.get('organisationId') !== undefined) this.show({ kind: 'list' });
      void this.load();
    }
    // Data mode: what the page set is the resources' value (what we loaded is set back, and equal).
    if (changed.has('courses') && this.courses && this.list.value !== this.courses)
      this.list.set(this.courses);
    if (changed.has('desk') && this.desk && this.desk !== this.sessionDesk.value) {
      this.sessionDesk.set(this.desk);
      if (this.screen.kind !== 'desk')
        this.screen = {
          kind: 'desk',
          courseId: this.desk.course.id,
          sessionId: this.desk.managed.session.id,
        };
    }
    if (this.sessionDesk.value && this.deskModule.status === 'idle') this.waitFor(this.deskModule.run());
    if (this.screen.kind !== 'list' && this.screen.kind !== 'desk' && this.forms.status === 'idle')
      this.waitFor(this.forms.run());
  }

  /** Loads the organisation's courses and sessions; without a signed-in account it offers sign-in instead. */
  async load(): Promise<void> {
    if (!this.resolvedClient) return;
    if (this.#signIn.offered(undefined)) {
      this.list.abort();
      return;
    }
    await this.list.run();
  }

  /** The course of the list with this id (the desk and the forms need it). */
  #course(courseId: string): CourseRow {
    const row = this.list.value?.find((r) => r.managed.course.id === courseId);
    if (!row) throw Object.assign(new Error(`Course ${courseId} is not listed`), { code: 'not_found' });
    return row;
  }

  /** @internal The listed course and session with these ids, if any. */
  find(courseId: string, sessionId?: string): { row?: CourseRow; session?: CourseRow['sessions'][number] } {
    const row = this.list.value?.find((r) => r.managed.course.id === courseId);
    return { row, session: row?.sessions.find((s) => s.session.id === sessionId) };
  }

  /**
   * Shows a screen: the list, a course or session form, a cancellation, or a session's desk (loaded then).
   * Focus goes to the new screen's heading once it is drawn.
   *
   * @example
   * ```ts
   * await manager.show({ kind: 'desk', courseId: 'crs_1', sessionId: 'ses_1' });
   * ```
   */
  async show(screen: SessionManagerScreen): Promise<void> {
    const from = this.screen;
    this.screen = screen;
    this.actionError = undefined;
    this.fieldErrors = {};
    if (screen.kind !== 'desk') {
      this.desk = undefined;
      this.sessionDesk.clear();
    }
    if (screen.kind === 'desk' && this.resolvedClient) {
      this.notice = undefined;
      const desk = this.sessionDesk.run();
      this.waitFor(this.deskModule.run());
      await desk;
    } else if (screen.kind !== 'list') {
      this.notice = undefined;
      const view = await (this.forms.value ?? this.forms.run());
      await view?.prepare(this, screen);
    }
    await this.updateComplete;
    // Back on the list: focus on the button that opened what was left, else the heading.
    const back =
      screen.kind === 'list' && from.kind !== 'list' && 'courseId' in from
        ? this.renderRoot.querySelector<HTMLElement>(
            `[data-course="${CSS.escape(from.courseId ?? '')}"] h3, [data-course="${CSS.escape(from.courseId ?? '')}"]`,
          )
        : null;
    (
      back ??
      this.renderRoot.querySelector<HTMLElement>('#sm-screen-h') ??
      this.renderRoot.querySelector<HTMLElement>('h2')
    )?.focus();
  }

  /**
   * Publishes a draft course (it joins the public catalogue; sessions may then be scheduled), then says so
   * by the course.
   */
  async publish(courseId: string): Promise<void> {
    const view = await (this.forms.value ?? this.forms.run());
    await view?.publishCourse(this, courseId);
  }

  /** @internal Shows the desk as changed by a write (a saved sheet, an issued certificate). */
  setDesk(desk: SessionDesk): void {
    this.sessionDesk.set(desk);
    this.desk = desk;
  }

  /** Reloads the list (and the open desk) after a write. */
  async refresh(): Promise<void> {
    if (!this.resolvedClient) return;
    await Promise.all([this.list.run(), this.screen.kind === 'desk' ? this.sessionDesk.run() : undefined]);
  }

  async #afterSignIn(): Promise<void> {
    const loaded = this.load();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    await loaded;
  }

  override render(): TemplateResult {
    return html`${this.announcer.region()}
      <section aria-labelledby="sm-title">
        <h2 id="sm-title" tabindex="-1">${this.t('sm.title')}</h2>
        ${this.#body()}
      </section>`;
  }

  #body(): unknown {
    const list = this.list;
    if (list.status === 'error' && list.errorCode === 'forbidden' && !this.#signIn.offered('forbidden'))
      return html`<div class="nassij-state forbidden" data-state="forbidden" role="alert">
        <p>${this.t('sm.forbidden')}</p>
      </div>`;
    return this.#signIn.around(list, this.t('sm.signIn'), {
      ready: (courses) => this.#screen(courses),
      lines: 4,
    });
  }

  #screen(courses: CourseRow[]): unknown {
    const screen = this.screen;
    if (screen.kind === 'list') return renderCourses(this, courses);
    const back = html`<button class="nassij-button back" data-variant="secondary" part="button" type="button"
      @click=${() => void this.show({ kind: 'list' })}>${this.t('sm.back')}</button>`;
    if (screen.kind === 'desk')
      return html`${back}${this.sessionDesk.render({
        ready: (desk) => this.deskModule.render({ ready: (view) => view.renderDesk(this, desk), lines: 4 }),
        lines: 6,
      })}`;
    return html`${back}${this.forms.render({ ready: (view) => view.renderForm(this, screen), lines: 6 })}`;
  }

  /** @internal A write's refusal, shown where it was asked. */
  refusalOf(scope: string): string | undefined {
    return this.actionError?.scope === scope ? this.actionError.code : undefined;
  }

  /** @internal What a write of `scope` did, shown there. */
  noticeOf(scope: string): unknown {
    return this.notice?.scope === scope ? html`<p class="notice">${this.notice.text}</p>` : nothing;
  }
}

/** `detail` of `nassij-course-save`. */
export interface NassijCourseSaveDetail {
  courseId: string;
  created: boolean;
}
/** `detail` of `nassij-session-save`. */
export interface NassijSessionSaveDetail {
  sessionId: string;
  courseId: string;
  created: boolean;
}
/** `detail` of `nassij-session-cancel`. */
export interface NassijSessionCancelDetail {
  sessionId: string;
  reason: string;
}
/** `detail` of `nassij-attendance-save`. */
export interface NassijAttendanceSaveDetail {
  sessionId: string;
  marks: AttendanceMark[];
}
/** `detail` of `nassij-certificate-issue`. */
export interface NassijCertificateIssueDetail {
  registrationId: string;
  /** The certificate's id (`GET /v1/certificates/{certificateId}`). */
  certificateId: string;
}

/**
 * The events `<nassij-session-manager>` fires; all bubble out of shadow roots (composed).
 *
 * @example
 * ```ts
 * manager.addEventListener('nassij-session-save', (event) => console.log(event.detail.sessionId));
 * ```
 */
export interface NassijSessionManagerEventMap {
  'nassij-course-save': CustomEvent<NassijCourseSaveDetail>;
  'nassij-session-save': CustomEvent<NassijSessionSaveDetail>;
  'nassij-session-cancel': CustomEvent<NassijSessionCancelDetail>;
  'nassij-attendance-save': CustomEvent<NassijAttendanceSaveDetail>;
  'nassij-certificate-issue': CustomEvent<NassijCertificateIssueDetail>;
}

declare global {
  // The tag as the self-registering entry defines it; declared here so the class alone brings the type.
  interface HTMLElementTagNameMap {
    'nassij-session-manager': NassijSessionManager;
  }
  interface GlobalEventHandlersEventMap extends NassijSessionManagerEventMap {}
}
