import type {
  Answers,
  AnswerValue,
  Application,
  Call,
  EligibilityResult,
  FieldError,
  FormDefinition,
} from '@nassij/contract';
import { checkAnswers } from '@nassij/contract';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { BaseClient } from '../base/client.js';
import { NassijElement } from '../base/nassij-element.js';
import { errorMessage, LiveAnnouncer, OnlineController, text } from '../base/states.js';
import { applicationFormMessages } from './application-form.messages.js';
import { applicationFormStyles } from './application-form.styles.js';
import { AutosaveController } from './autosave-controller.js';
import type { FieldConflict } from './draft-store.js';
import type { NassijApplicationFormEventMap } from './events.js';
import { JourneyController, type Membership } from './journey-controller.js';
import { SubmissionController } from './submission-controller.js';
import { UploadsController } from './uploads-controller.js';
import { VaultController } from './vault-controller.js';
import { renderAmendments } from './views/amendments.js';
import { renderConflictDialog } from './views/conflict-dialog.js';
import { renderEligibility } from './views/eligibility.js';
import { renderDone } from './views/receipt.js';
import { renderReview } from './views/review.js';
import { renderChoose, renderIdle, renderSignIn } from './views/start.js';
import { renderStep } from './views/step.js';

export type {
  NassijApplicationFormEventMap,
  NassijApplicationSaveDetail,
  NassijApplicationSubmitDetail,
  NassijApplicationWithdrawDetail,
} from './events.js';
export type { Membership } from './journey-controller.js';

/** Where the applicant is in the journey. */
export type ApplicationPhase = 'signin' | 'choose' | 'eligibility' | 'form' | 'review' | 'done';

type Section = FormDefinition['sections'][number];

/** Countdown shown in the last 72 hours before the deadline. */
const COUNTDOWN_MS = 72 * 3_600_000;

/**
 * An association applies to a call, from eligibility to decision: popup sign-in as a member (in the
 * element's language), the choice of association, an eligibility check before any typing, the form
 * generated from the call's versioned definition one section per step (validated per step with the
 * contract's `checkAnswers` and a GOV.UK error summary), autosave to the device at once and to the server
 * 1.5 s after typing stops (with a conflict dialog that keeps both texts when another tab saved meanwhile),
 * the required documents with pre-checks, progress and scan state, a review page, a double-click-safe
 * submission with a printable receipt, then the status timeline and withdrawal. A draft whose call was
 * amended since it was started opens on a notice of what changed; after submission the applicant sees the
 * eligibility check's outcome and the decision, with its amount, conditions, reason and appeal window.
 * After each step the focus moves to the next heading or control.
 *
 * Data mode: set `callData`, `associations`, `eligibility`, `application`, `phase` and `step` (Storybook).
 * Client mode: `call="ID"` (or `?call=` in the page address) with `api-base`, `client` or a provider.
 * Without a call the element says how to pick one, linking to `calls-href` when given.
 * The element is form-associated: inside a host `<form>` it submits the application id under its `name`.
 *
 * @tagname nassij-application-form
 * @fires {CustomEvent<NassijApplicationSaveDetail>} nassij-application-save - The draft reached the server; `detail: { applicationId, savedAt }`.
 * @fires {CustomEvent<NassijApplicationSubmitDetail>} nassij-application-submit - The application was submitted; `detail: { applicationId, receipt }`.
 * @fires {CustomEvent<NassijApplicationWithdrawDetail>} nassij-application-withdraw - The application was withdrawn; `detail: { applicationId }`.
 * @cssprop --nassij-application-form-max-width - Width of the form column (default 48rem).
 * @csspart button - Every action button.
 * @csspart receipt - The printable receipt.
 * @csspart error-summary - The list of errors at the top of a step.
 *
 * @example
 * ```html
 * <nassij-application-form api-base="https://platform.example/api" call="call_0001"></nassij-application-form>
 * <!-- On a page that takes ?call=, with a way back to the calls when there is none: -->
 * <nassij-application-form api-base="/api" calls-href="/calls/"></nassij-application-form>
 * ```
 */
export class NassijApplicationForm extends NassijElement {
  static formAssociated = true;
  static override properties = {
    ...NassijElement.properties,
    call: { reflect: true },
    callsHref: { attribute: 'calls-href' },
    name: { reflect: true },
    autosaveDelay: { type: Number, attribute: 'autosave-delay' },
    associationId: { attribute: 'association' },
    application: { attribute: false },
    answers: { attribute: false },
    phase: {},
    step: { type: Number },
    errors: { state: true },
    busy: { state: true },
    savedAt: { state: true },
    saveState: { state: true },
    conflicts: { state: true },
    submitError: { state: true },
    actionError: { state: true },
    amendmentsDismissed: { state: true },
    now: { state: true },
  };
  static override messages = applicationFormMessages;
  /** The element's styles: the shared tokens and base styles, then its own. */
  static override styles = applicationFormStyles;

  /** The call's id; when absent, `?call=` of the page address. */
  declare call: string | undefined;
  /**
   * Where the page lists the open calls (`calls-href`): offered as a link when the element has no call.
   *
   * @example
   * ```html
   * <nassij-application-form api-base="/api" calls-href="/calls/"></nassij-application-form>
   * ```
   */
  declare callsHref: string | undefined;
  /** Name under which a host `<form>` receives the application id. */
  declare name: string | undefined;
  /** Milliseconds of quiet before an autosave to the server (default 1500). */
  declare autosaveDelay: number;
  declare associationId: string | undefined;
  declare application: Application | undefined;
  /** The answers as typed (the device's copy). */
  declare answers: Answers;
  declare phase: ApplicationPhase;
  declare step: number;
  declare errors: FieldError[];
  declare busy: boolean;
  declare savedAt: string | undefined;
  declare saveState: 'idle' | 'saving' | 'device';
  declare conflicts: FieldConflict[];
  declare submitError: string | undefined;
  /** The code of the last failed sign-in, start or withdrawal (shown under its button). */
  declare actionError: string | undefined;
  /** @internal The reader hid the notice of the call's amendments (kept for the tab's session as well). */
  declare amendmentsDismissed: boolean;
  declare now: number;

  /** @internal */
  readonly announcer = new LiveAnnouncer(this);
  /** @internal */
  readonly autosave = new AutosaveController(this);
  /** @internal */
  readonly documents = new UploadsController(this);
  /** @internal The association's document vault, to answer a required document without uploading. */
  readonly vault = new VaultController(this);
  /** @internal */
  readonly online = new OnlineController(this, (online) => {
    if (online && this.autosave.dirty.size) void this.save();
  });
  readonly #internals: ElementInternals | undefined;
  #clock: ReturnType<typeof setInterval> | undefined;
  /** What to focus once it is rendered, after an action that replaced the control the reader used. */
  #focusTarget: string | undefined;

  /** @internal */
  readonly journey = new JourneyController(this);
  readonly #submission = new SubmissionController(this);

  constructor() {
    super();
    this.autosaveDelay = 1500;
    this.answers = {};
    this.phase = 'signin';
    this.step = 0;
    this.errors = [];
    this.busy = false;
    this.saveState = 'idle';
    this.conflicts = [];
    this.amendmentsDismissed = false;
    this.now = Date.now();
    this.#internals = typeof this.attachInternals === 'function' ? this.attachInternals() : undefined;
  }

  /** The call (loaded, or set in data mode). */
  get callData(): Call | undefined {
    return this.journey.call.value;
  }
  set callData(value: Call | undefined) {
    this.journey.call.set(value);
  }

  /** The signed-in person's associations (loaded, or set in data mode). */
  get associations(): Membership[] | undefined {
    return this.journey.members.value;
  }
  set associations(value: Membership[] | undefined) {
    this.journey.members.set(value);
  }

  /** The chosen association's eligibility (loaded, or set in data mode). */
  get eligibility(): EligibilityResult | undefined {
    return this.journey.check.value?.eligibility;
  }
  set eligibility(value: EligibilityResult | undefined) {
    this.journey.check.set(value && { eligibility: value });
  }

  /** The call id in use: the attribute, else `?call=` of the page. */
  get callId(): string | undefined {
    if (this.call) return this.call;
    if (typeof location === 'undefined') return undefined;
    return new URLSearchParams(location.search).get('call') ?? undefined;
  }

  /** @internal The draft of the chosen association to resume, if any. */
  get resumeId(): string | undefined {
    return this.journey.check.value?.resumeId;
  }

  /** @internal The form's sections (one step each). */
  get sections(): Section[] {
    return this.callData?.form.sections ?? [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#clock = setInterval(() => {
      this.now = Date.now();
    }, 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#clock);
  }

  protected override clientChanged(client: BaseClient | undefined): void {
    if (client && this.callId) void this.journey.call.run();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('call') && this.hasUpdated && this.resolvedClient) void this.journey.call.run();
    if (changed.has('application')) {
      this.#internals?.setFormValue(this.application?.id ?? null);
      // Hiding the notice of amendments was about that draft, not the next one shown.
      const previous = changed.get('application') as Application | undefined;
      if (previous && previous.id !== this.application?.id) this.amendmentsDismissed = false;
    }
    if (changed.has('savedAt') && this.savedAt)
      this.announcer.announce(this.t('af.saved', { time: this.fmt.time(this.savedAt) }));
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.conflict');
    if (dialog && this.conflicts.length && !dialog.open) dialog.showModal();
    const target = this.#focusTarget && this.renderRoot.querySelector<HTMLElement>(this.#focusTarget);
    if (target) {
      this.#focusTarget = undefined;
      target.focus();
    }
  }

  /**
   * @internal
   * Moves focus, once rendered, to `selector` (by default the view's heading or first control, marked
   * `data-focus`, or the retry button of a failed load): the button the reader used is gone, and focus
   * must not fall to the page.
   */
  focusNext(selector = '[data-focus], [data-state=error] button'): Promise<boolean> {
    this.#focusTarget = selector;
    this.requestUpdate();
    return this.updateComplete;
  }

  // ---------------------------------------------------------------- sign-in, association, eligibility

  /** Loads the call again (after a failure). */
  load(): Promise<unknown> {
    return this.journey.call.run();
  }

  /** Opens the platform's sign-in popup in the element's language, then continues with the associations. */
  signIn(): Promise<void> {
    return this.journey.signIn();
  }

  /** Checks eligibility for `associationId` and finds an existing application. */
  chooseAssociation(associationId: string): Promise<void> {
    return this.journey.choose(associationId);
  }

  /** Starts the draft (or resumes the one on the server), then merges what this device kept. */
  startForm(): Promise<void> {
    return this.journey.start();
  }

  // ---------------------------------------------------------------- answers and steps

  /** Records one answer: on the device at once, on the server after a pause. */
  setAnswer(fieldId: string, value: AnswerValue): void {
    this.answers = { ...this.answers, [fieldId]: value };
    this.errors = this.errors.filter((e) => !e.path.startsWith(`/answers/${fieldId}`));
    this.autosave.record(fieldId);
  }

  /** Saves the unsaved, well-formed answers now; resolves when the server has them (or could not). */
  save(): Promise<void> {
    return this.autosave.save();
  }

  /** Applies the reader's choices in the conflict dialog and saves with the new ETag. */
  resolveConflicts(): Promise<void> {
    // Closed before it leaves the page, so that focus goes back to where the reader was.
    this.renderRoot.querySelector<HTMLDialogElement>('dialog.conflict')?.close();
    return this.autosave.resolve();
  }

  #sectionErrors(section: Section): FieldError[] {
    const ids = new Set(section.fields.map((f) => f.id));
    const answers: Answers = {};
    for (const [id, value] of Object.entries(this.answers)) if (ids.has(id)) answers[id] = value;
    const form: FormDefinition = { version: this.callData?.form.version ?? 1, sections: [section] };
    return checkAnswers(form, answers, {
      complete: true,
      attachedDocumentIds: (this.application?.attachments ?? []).map((a) => a.documentId),
    });
  }

  /** Validates the current step; on success moves to the next step (or the review page). */
  async next(): Promise<void> {
    const section = this.sections[this.step];
    if (!section) return;
    this.errors = this.#sectionErrors(section);
    if (this.errors.length) {
      await this.focusNext('.error-summary');
      return;
    }
    void this.save();
    if (this.step < this.sections.length - 1) await this.goTo(this.step + 1);
    else {
      this.phase = 'review';
      await this.focusNext();
    }
  }

  /** Shows step `index` (0-based) and moves focus to its heading. */
  async goTo(index: number): Promise<void> {
    this.errors = [];
    this.phase = 'form';
    this.step = Math.max(0, Math.min(index, this.sections.length - 1));
    this.autosave.persist();
    await this.focusNext();
  }

  /** Shows the step that holds field `fieldId` and moves focus to its control (from the review page). */
  async goToField(fieldId: string): Promise<void> {
    const index = this.sections.findIndex((s) => s.fields.some((f) => f.id === fieldId));
    if (index < 0) return;
    await this.goTo(index);
    await this.focusNext(`#f-${fieldId}`);
  }

  // ---------------------------------------------------------------- documents, submit, withdraw

  /** Uploads `file` for a required document, checked first against the call's rules. */
  upload(documentId: string, file: File): Promise<void> {
    return this.documents.upload(documentId, file);
  }

  /**
   * Answers a required document with a document of the association's vault (no upload: the same stored
   * file, its scan state carried). Resolves once attached, or refused (the refusal shows under the field).
   */
  async attachFromVault(documentId: string, vaultDocumentId: string): Promise<void> {
    await this.vault.choose(documentId, vaultDocumentId);
  }

  /** Removes the file attached for a required document. */
  removeDocument(documentId: string): Promise<void> {
    return this.documents.remove(documentId);
  }

  /**
   * Submits once: a second click while the first is on its way gets the same promise, and a retry uses
   * the same idempotency key (kept on the device), so there is one application and one receipt.
   */
  submit(): Promise<void> {
    return this.#submission.submit();
  }

  /** Withdraws the application (after the reader confirmed in the dialog). */
  withdraw(reason: string): Promise<void> {
    return this.#submission.withdraw(reason);
  }

  // ---------------------------------------------------------------- rendering

  /** @internal An error code in the reader's words. */
  errorText(code: string): string {
    return errorMessage(this, code);
  }

  override render(): TemplateResult {
    return html`${this.announcer.region()}${this.journey.call.render({
      lines: 5,
      idle: () => (this.callId ? nothing : renderIdle(this)),
      ready: (call) => html`<section class="application" aria-labelledby="af-title">
          <h2 id="af-title">${this.t('af.title')}: <span>${text(this, call.title)}</span></h2>
          ${this.#renderDeadline(call)}
          ${this.phase === 'form' || this.phase === 'review' ? renderAmendments(this) : nothing}
          ${this.#renderPhase()}
        </section>
        ${renderConflictDialog(this)}`,
    })}`;
  }

  #renderDeadline(call: Call): TemplateResult | typeof nothing {
    const closes = call.dates.closes;
    if (!closes || this.phase === 'done') return nothing;
    const left = Date.parse(closes.at) - this.now;
    const hours = Math.floor(left / 3_600_000);
    const minutes = Math.floor((left % 3_600_000) / 60_000);
    return html`<p class="deadline">${this.t('af.deadline', { dateTime: this.fmt.dateTime(closes.at) })}</p>
      <p class="countdown" aria-live="polite" aria-atomic="true">
        ${left > 0 && left < COUNTDOWN_MS ? this.t('af.countdown', { hours, minutes }) : nothing}
      </p>`;
  }

  #renderPhase(): unknown {
    switch (this.phase) {
      case 'signin':
        // Signed in: the associations are on their way (or failed).
        return this.journey.members.loading || this.journey.members.errorCode
          ? this.journey.members.render({ lines: 2, ready: () => nothing })
          : renderSignIn(this);
      case 'choose':
        return this.journey.members.render({ lines: 2, ready: (items) => renderChoose(this, items) });
      case 'eligibility':
        return this.journey.check.render({
          lines: 2,
          ready: (check) => renderEligibility(this, check.eligibility),
        });
      case 'form':
        return renderStep(this);
      case 'review':
        return renderReview(this);
      case 'done':
        return renderDone(this);
    }
  }
}

declare global {
  // The tag as the self-registering entry defines it; declared here so the class alone brings the type.
  interface HTMLElementTagNameMap {
    'nassij-application-form': NassijApplicationForm;
  }
  interface GlobalEventHandlersEventMap extends NassijApplicationFormEventMap {}
}
