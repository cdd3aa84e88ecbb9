import {
  type Answers,
  type AnswerValue,
  type Application,
  type Attachment,
  type BudgetLine,
  budgetTotals,
  type Call,
  checkAnswers,
  checkEligibilityRef,
  DOMAINS,
  type EligibilityResult,
  type FieldError,
  type FormDefinition,
  type FormField,
  getApplicationRef,
  getCallRef,
  LEGAL_FORMS,
  type LocalizedText,
  listApplicationsRef,
  type Money,
  type MyAssociations,
  myAssociationsRef,
  pickText,
  REGIONS,
  removeAttachmentRef,
  type SubmissionResult,
  startApplicationRef,
  submitApplicationRef,
  updateApplicationRef,
  uploadAttachmentRef,
  withdrawApplicationRef,
} from '@nassij/contract';
import { isConflictError, uploadFile } from '@nassij/sdk';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { BaseClient } from '../base/client.js';
import { NassijElement } from '../base/nassij-element.js';
import {
  errorMessage,
  LiveAnnouncer,
  OnlineController,
  renderError,
  renderLoading,
  safeHref,
} from '../base/states.js';
import { applicationFormMessages } from './application-form.messages.js';
import { applicationFormStyles } from './application-form.styles.js';
import {
  draftKey,
  type FieldConflict,
  type LocalDraft,
  parseMoney,
  readDraft,
  reconcile,
  sameAnswer,
  writeDraft,
} from './draft-store.js';

/** Where the applicant is in the journey. */
export type ApplicationPhase = 'signin' | 'choose' | 'eligibility' | 'form' | 'review' | 'done';

/** One association the signed-in person belongs to. */
export type Membership = MyAssociations['items'][number];

type Section = FormDefinition['sections'][number];
type Upload = { progress?: number; error?: string; params?: Record<string, string> };
type ConflictChoice = 'mine' | 'theirs' | 'merge';

/** Countdown shown in the last 72 hours before the deadline. */
const COUNTDOWN_MS = 72 * 3_600_000;
const TIMELINE = ['submitted', 'received', 'eligibility_check', 'under_review', 'decision'] as const;
const ACTIVE = ['submitted', 'received', 'eligibility_check', 'under_review'];
const FORMAT_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.ms-excel': 'XLS',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};
function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/**
 * An association applies to a call, from eligibility to decision: popup sign-in as a member, the choice
 * of association, an eligibility check before any typing, the form generated from the call's versioned
 * definition one section per step (validated per step with the contract's `checkAnswers` and a GOV.UK
 * error summary), autosave to the device at once and to the server 1.5 s after typing stops (with a
 * conflict dialog that keeps both texts when another tab saved meanwhile), the required documents with
 * pre-checks, progress and scan state, a review page, a double-click-safe submission with a printable
 * receipt, then the status timeline and withdrawal.
 *
 * Data mode: set `callData`, `associations`, `eligibility`, `application`, `phase` and `step` (Storybook).
 * Client mode: `call="ID"` (or `?call=` in the page address) with `api-base`, `client` or a provider.
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
 * ```
 */
export class NassijApplicationForm extends NassijElement {
  static formAssociated = true;
  static override properties = {
    ...NassijElement.properties,
    call: { reflect: true },
    name: { reflect: true },
    autosaveDelay: { type: Number, attribute: 'autosave-delay' },
    callData: { attribute: false },
    associations: { attribute: false },
    associationId: { attribute: 'association' },
    eligibility: { attribute: false },
    application: { attribute: false },
    answers: { attribute: false },
    phase: {},
    step: { type: Number },
    errorCode: { state: true },
    errors: { state: true },
    busy: { state: true },
    savedAt: { state: true },
    saveState: { state: true },
    conflicts: { state: true },
    uploads: { state: true },
    submitError: { state: true },
    now: { state: true },
  };
  static override messages = applicationFormMessages;
  /** The element's styles: the shared tokens and base styles, then its own. */
  static override styles = applicationFormStyles;

  /** The call's id; when absent, `?call=` of the page address. */
  declare call: string | undefined;
  /** Name under which a host `<form>` receives the application id. */
  declare name: string | undefined;
  /** Milliseconds of quiet before an autosave to the server (default 1500). */
  declare autosaveDelay: number;
  declare callData: Call | undefined;
  declare associations: Membership[] | undefined;
  declare associationId: string | undefined;
  declare eligibility: EligibilityResult | undefined;
  declare application: Application | undefined;
  /** The answers as typed (the device's copy). */
  declare answers: Answers;
  declare phase: ApplicationPhase;
  declare step: number;
  declare errorCode: string | undefined;
  declare errors: FieldError[];
  declare busy: boolean;
  declare savedAt: string | undefined;
  declare saveState: 'idle' | 'saving' | 'device';
  declare conflicts: FieldConflict[];
  declare uploads: Record<string, Upload>;
  declare submitError: string | undefined;
  declare now: number;

  /** @internal */
  readonly announcer = new LiveAnnouncer(this);
  /** @internal */
  readonly online = new OnlineController(this, (online) => {
    if (online && this.#dirty.size) this.save();
  });
  readonly #internals: ElementInternals | undefined;
  #synced: Answers = {};
  #dirty = new Set<string>();
  #etag: string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #clock: ReturnType<typeof setInterval> | undefined;
  #saving: Promise<void> | undefined;
  #submitting: Promise<void> | undefined;
  #submitKey: string | undefined;
  #choices: Record<string, ConflictChoice> = {};
  #merged: Record<string, string> = {};
  #loadedFor: BaseClient | undefined;

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
    this.uploads = {};
    this.now = Date.now();
    this.#internals = typeof this.attachInternals === 'function' ? this.attachInternals() : undefined;
  }

  /** The call id in use: the attribute, else `?call=` of the page. */
  get callId(): string | undefined {
    if (this.call) return this.call;
    if (typeof location === 'undefined') return undefined;
    return new URLSearchParams(location.search).get('call') ?? undefined;
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
    // Leaving the page: what is typed is already on the device; try the server too.
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this.save();
    }
  }

  protected override clientChanged(client: BaseClient | undefined): void {
    if (client && client !== this.#loadedFor && this.callId) {
      this.#loadedFor = client;
      this.load();
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('application')) this.#internals?.setFormValue(this.application?.id ?? null);
    if (changed.has('savedAt') && this.savedAt)
      this.announcer.announce(this.t('af.saved', { time: this.fmt.time(this.savedAt) }));
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.conflict');
    if (dialog && this.conflicts.length && !dialog.open) dialog.showModal();
  }

  // ---------------------------------------------------------------- loading

  /** Loads the call, then the signed-in person's associations (when a token is there). */
  async load(): Promise<void> {
    const client = this.resolvedClient;
    const callId = this.callId;
    if (!client || !callId) return;
    this.errorCode = undefined;
    try {
      this.callData = await client.request(getCallRef, { params: { callId } });
      if (client.tokens.get()) await this.#afterSignIn();
      else this.phase = 'signin';
    } catch (error) {
      this.errorCode = this.failureCode(error);
    }
  }

  /** Opens the platform's sign-in popup, then continues with the person's associations. */
  async signIn(): Promise<void> {
    const client = this.resolvedClient;
    if (!client) return;
    this.busy = true;
    try {
      await client.auth.signInWithPopup();
      await this.#afterSignIn();
    } catch (error) {
      this.errorCode = this.failureCode(error);
    } finally {
      this.busy = false;
    }
  }

  async #afterSignIn(): Promise<void> {
    const client = this.resolvedClient;
    if (!client) return;
    const { items } = await client.request(myAssociationsRef);
    this.associations = items;
    const preset = items.find((m) => m.association.id === this.associationId);
    if (preset || items.length === 1) await this.chooseAssociation((preset ?? items[0])!.association.id);
    else this.phase = 'choose';
  }

  /** Checks eligibility for `associationId` and finds an existing application. */
  async chooseAssociation(associationId: string): Promise<void> {
    const client = this.resolvedClient;
    const callId = this.callId;
    this.associationId = associationId;
    this.phase = 'eligibility';
    if (!client || !callId) return;
    this.busy = true;
    try {
      const [eligibility, existing] = await Promise.all([
        client.request(checkEligibilityRef, { params: { callId }, query: { associationId } }),
        client.request(listApplicationsRef, { query: { callId, associationId } }),
      ]);
      this.eligibility = eligibility;
      const current = existing.items.find((a) => a.status !== 'withdrawn') ?? existing.items[0];
      if (current && current.status !== 'draft') {
        this.application = await client.request(getApplicationRef, { params: { applicationId: current.id } });
        this.phase = 'done';
      } else if (current) {
        this.#resumeId = current.id;
      }
    } catch (error) {
      this.errorCode = this.failureCode(error);
    } finally {
      this.busy = false;
    }
  }

  #resumeId: string | undefined;

  get #key(): string | undefined {
    const callId = this.callId;
    return callId && this.associationId ? draftKey(callId, this.associationId) : undefined;
  }

  /** Starts the draft (or resumes the one on the server), then merges what this device kept. */
  async startForm(): Promise<void> {
    const client = this.resolvedClient;
    const callId = this.callId;
    const associationId = this.associationId;
    if (!client || !callId || !associationId) return;
    this.busy = true;
    try {
      let applicationId = this.#resumeId;
      if (!applicationId) {
        try {
          applicationId = (await client.request(startApplicationRef, { body: { callId, associationId } })).id;
        } catch (error) {
          if (this.failureCode(error) !== 'already_exists') throw error;
          const list = await client.request(listApplicationsRef, { query: { callId, associationId } });
          applicationId = list.items.find((a) => a.status === 'draft')?.id;
          if (!applicationId) throw error;
        }
      }
      const { data, etag } = await client.transport.opWithEtag(getApplicationRef, {
        params: { applicationId },
      });
      const local = readDraft(storage(), this.#key ?? '');
      this.#submitKey = local?.applicationId === data.id ? local.submitKey : undefined;
      this.#adopt(data, etag, local?.applicationId === data.id ? local : undefined);
      this.step = Math.min(local?.step ?? 0, this.#sections.length - 1);
      this.phase = data.status === 'draft' ? 'form' : 'done';
    } catch (error) {
      this.errorCode = this.failureCode(error);
    } finally {
      this.busy = false;
    }
  }

  /** Takes a server copy as the new base, keeping this device's unsaved edits (conflicts go to the dialog). */
  #adopt(
    server: Application,
    etag: string | undefined,
    local: Pick<LocalDraft, 'answers' | 'synced' | 'dirty'> | undefined,
  ) {
    const merged = reconcile(local, server.answers);
    this.application = server;
    this.#etag = etag;
    this.#synced = { ...server.answers };
    this.answers = merged.answers;
    this.#dirty = new Set(merged.dirty);
    if (server.autosavedAt) this.savedAt = server.autosavedAt;
    if (merged.conflicts.length) {
      // Until settled, the field shows my text; both stay in the dialog.
      for (const c of merged.conflicts) {
        this.answers = { ...this.answers, [c.fieldId]: c.mine ?? null };
        this.#choices[c.fieldId] = 'mine';
      }
      this.conflicts = merged.conflicts;
    }
    this.#persist();
    if (this.#dirty.size && !merged.conflicts.length) this.#schedule();
  }

  // ---------------------------------------------------------------- autosave

  #persist(): void {
    const key = this.#key;
    if (!key) return;
    writeDraft(storage(), key, {
      applicationId: this.application?.id,
      answers: this.answers,
      synced: this.#synced,
      dirty: [...this.#dirty],
      etag: this.#etag,
      savedAt: this.savedAt,
      step: this.step,
      submitKey: this.#submitKey,
    });
  }

  /** Records one answer: on the device at once, on the server after a pause. */
  setAnswer(fieldId: string, value: AnswerValue): void {
    this.answers = { ...this.answers, [fieldId]: value };
    this.#dirty.add(fieldId);
    this.errors = this.errors.filter((e) => !e.path.startsWith(`/answers/${fieldId}`));
    this.#persist();
    this.#schedule();
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.save();
    }, this.autosaveDelay);
  }

  get #form(): FormDefinition | undefined {
    return this.callData?.form;
  }

  get #sections(): Section[] {
    return this.#form?.sections ?? [];
  }

  /** Saves the unsaved, well-formed answers now; resolves when the server has them (or could not). */
  save(): Promise<void> {
    if (this.#saving) return this.#saving.then(() => (this.#dirty.size ? this.save() : undefined));
    this.#saving = this.#save().finally(() => {
      this.#saving = undefined;
    });
    return this.#saving;
  }

  async #save(): Promise<void> {
    const client = this.resolvedClient;
    const application = this.application;
    const form = this.#form;
    if (!client || !application || !form || application.status !== 'draft' || this.conflicts.length) return;
    const patch: Answers = {};
    for (const id of this.#dirty) {
      const value = this.answers[id] ?? null;
      // A half-typed value stays on the device until it is valid; the server would refuse it.
      if (checkAnswers(form, { [id]: value }, { complete: false }).length === 0) patch[id] = value;
    }
    if (Object.keys(patch).length === 0) return;
    if (!this.online.online) {
      this.saveState = 'device';
      return;
    }
    this.saveState = 'saving';
    const title = patch.project_title;
    try {
      const { data, etag } = await client.transport.opWithEtag(
        updateApplicationRef,
        {
          params: { applicationId: application.id },
          body: { answers: patch, ...(typeof title === 'string' ? { projectTitle: title } : {}) },
        },
        { ifMatch: this.#etag ?? '*' },
      );
      this.application = data;
      this.#etag = etag;
      this.#synced = { ...data.answers };
      for (const [id, value] of Object.entries(patch)) {
        if (sameAnswer(this.answers[id], value)) this.#dirty.delete(id);
      }
      this.savedAt = data.autosavedAt ?? new Date().toISOString();
      this.saveState = 'idle';
      this.#persist();
      this.emit('nassij-application-save', { applicationId: data.id, savedAt: this.savedAt });
    } catch (error) {
      if (isConflictError(error, updateApplicationRef) && error.current?.answers) {
        this.saveState = 'idle';
        this.#adopt(error.current, error.etag, {
          answers: this.answers,
          synced: this.#synced,
          dirty: [...this.#dirty],
        });
      } else {
        this.saveState = 'device';
      }
    }
  }

  /** Applies the reader's choices in the conflict dialog and saves with the new ETag. */
  resolveConflicts(): Promise<void> {
    for (const c of this.conflicts) {
      const choice = this.#choices[c.fieldId] ?? 'mine';
      const value =
        choice === 'theirs'
          ? (c.theirs ?? null)
          : choice === 'merge'
            ? (this.#merged[c.fieldId] ?? '')
            : (c.mine ?? null);
      this.answers = { ...this.answers, [c.fieldId]: value };
      this.#dirty.add(c.fieldId);
    }
    this.conflicts = [];
    this.#choices = {};
    this.#merged = {};
    this.renderRoot.querySelector<HTMLDialogElement>('dialog.conflict')?.close();
    this.#persist();
    return this.save();
  }

  // ---------------------------------------------------------------- steps

  #sectionErrors(section: Section): FieldError[] {
    const ids = new Set(section.fields.map((f) => f.id));
    const answers: Answers = {};
    for (const [id, value] of Object.entries(this.answers)) if (ids.has(id)) answers[id] = value;
    const form: FormDefinition = { version: this.#form?.version ?? 1, sections: [section] };
    return checkAnswers(form, answers, {
      complete: true,
      attachedDocumentIds: (this.application?.attachments ?? []).map((a) => a.documentId),
    });
  }

  /** Validates the current step; on success moves to the next step (or the review page). */
  async next(): Promise<void> {
    const section = this.#sections[this.step];
    if (!section) return;
    this.errors = this.#sectionErrors(section);
    if (this.errors.length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
      return;
    }
    this.save();
    if (this.step < this.#sections.length - 1) this.goTo(this.step + 1);
    else {
      this.phase = 'review';
      await this.#focusHeading();
    }
  }

  /** Shows step `index` (0-based) and moves focus to its heading. */
  async goTo(index: number): Promise<void> {
    this.errors = [];
    this.phase = 'form';
    this.step = Math.max(0, Math.min(index, this.#sections.length - 1));
    this.#persist();
    await this.#focusHeading();
  }

  async #focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h3[tabindex]')?.focus();
  }

  #focusField(path: string, event?: Event): void {
    event?.preventDefault();
    const [, , fieldId, , index, prop] = path.split('/');
    const target =
      (index !== undefined && prop
        ? this.renderRoot.querySelector<HTMLElement>(`#f-${fieldId}-${index}-${prop}`)
        : null) ?? this.renderRoot.querySelector<HTMLElement>(`[data-field="${fieldId}"]`);
    target?.focus();
    target?.scrollIntoView?.({ block: 'center' });
  }

  // ---------------------------------------------------------------- attachments

  /** Uploads `file` for a required document, checked first against the call's rules. */
  async upload(documentId: string, file: File): Promise<void> {
    const client = this.resolvedClient;
    const application = this.application;
    const document = this.callData?.requiredDocuments.find((d) => d.id === documentId);
    if (!client || !application || !document) return;
    this.uploads = { ...this.uploads, [documentId]: { progress: 0 } };
    try {
      const attachment = await uploadFile(client.transport, uploadAttachmentRef, {
        params: { applicationId: application.id },
        file,
        fields: { documentId },
        rules: { maxBytes: document.maxBytes, mediaTypes: document.mediaTypes },
        onProgress: ({ loaded, total }) => {
          this.uploads = { ...this.uploads, [documentId]: { progress: total ? loaded / total : 0 } };
        },
      });
      this.#setAttachment(documentId, attachment);
      this.uploads = { ...this.uploads, [documentId]: {} };
      this.errors = this.errors.filter((e) => !e.path.endsWith(`/${this.#fieldOfDocument(documentId)}`));
      if (attachment.scanState === 'pending') this.#pollScan(application.id, 0);
    } catch (error) {
      const code = this.failureCode(error);
      const formats = document.mediaTypes.map((t) => FORMAT_NAMES[t] ?? t).join('، ');
      const params = { type: file.type || '?', formats, size: this.#size(document.maxBytes) };
      this.uploads = { ...this.uploads, [documentId]: { error: code, params } };
    }
  }

  #fieldOfDocument(documentId: string): string {
    const field = this.#sections
      .flatMap((s) => s.fields)
      .find((f) => f.type === 'attachment' && f.documentId === documentId);
    return field?.id ?? documentId;
  }

  #setAttachment(documentId: string, attachment: Attachment | undefined): void {
    const application = this.application;
    if (!application) return;
    const others = application.attachments.filter((a) => a.documentId !== documentId);
    this.application = { ...application, attachments: attachment ? [...others, attachment] : others };
  }

  /** Asks again until every scan is final (about a minute at most). */
  #pollScan(applicationId: string, attempt: number): void {
    if (attempt > 60) return;
    setTimeout(async () => {
      const client = this.resolvedClient;
      if (!client || !this.isConnected) return;
      try {
        const fresh = await client.request(getApplicationRef, { params: { applicationId } });
        if (!this.application) return;
        this.application = { ...this.application, attachments: fresh.attachments };
        if (fresh.attachments.some((a) => a.scanState === 'pending'))
          this.#pollScan(applicationId, attempt + 1);
      } catch {
        this.#pollScan(applicationId, attempt + 1);
      }
    }, 1000);
  }

  /** Removes the file attached for a required document. */
  async removeDocument(documentId: string): Promise<void> {
    const client = this.resolvedClient;
    const application = this.application;
    const attachment = application?.attachments.find((a) => a.documentId === documentId);
    if (!client || !application || !attachment) return;
    try {
      await client.request(removeAttachmentRef, {
        params: { applicationId: application.id, attachmentId: attachment.id },
      });
      this.#setAttachment(documentId, undefined);
    } catch (error) {
      this.uploads = { ...this.uploads, [documentId]: { error: this.failureCode(error) } };
    }
  }

  // ---------------------------------------------------------------- submit, withdraw

  /**
   * Submits once: a second click while the first is on its way gets the same promise, and a retry uses
   * the same idempotency key (kept on the device), so there is one application and one receipt.
   */
  submit(): Promise<void> {
    this.#submitting ??= this.#submit().finally(() => {
      this.#submitting = undefined;
    });
    return this.#submitting;
  }

  async #submit(): Promise<void> {
    const client = this.resolvedClient;
    const application = this.application;
    if (!client || !application) return;
    this.busy = true;
    this.submitError = undefined;
    this.#submitKey ??= newKey();
    this.#persist();
    try {
      clearTimeout(this.#timer);
      await this.save();
      if (this.conflicts.length) return;
      const result = await client.request(submitApplicationRef, {
        params: { applicationId: application.id },
        idempotencyKey: this.#submitKey,
      });
      this.application = result.application;
      this.phase = 'done';
      this.#submitKey = undefined;
      const key = this.#key;
      if (key) storage()?.removeItem(key);
      this.emit('nassij-application-submit', { applicationId: application.id, receipt: result.receipt });
      await this.#focusHeading();
    } catch (error) {
      const code = this.failureCode(error);
      const fieldErrors = (error as { fieldErrors?: FieldError[] }).fieldErrors ?? [];
      if (code === 'validation_failed' && fieldErrors.length) {
        const first = fieldErrors[0]?.path.split('/')[2];
        const index = this.#sections.findIndex((s) => s.fields.some((f) => f.id === first));
        await this.goTo(Math.max(0, index));
        this.errors = fieldErrors;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
      } else {
        this.submitError = code;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('.submit-error')?.focus();
      }
    } finally {
      this.busy = false;
    }
  }

  /** Withdraws the application (after the reader confirmed in the dialog). */
  async withdraw(reason: string): Promise<void> {
    const client = this.resolvedClient;
    const application = this.application;
    if (!client || !application) return;
    this.busy = true;
    try {
      this.application = await client.request(withdrawApplicationRef, {
        params: { applicationId: application.id },
        body: reason.trim() ? { reason: reason.trim() } : {},
      });
      this.renderRoot.querySelector<HTMLDialogElement>('dialog.withdraw')?.close();
      this.announcer.announce(this.t('af.withdraw.done'));
      this.emit('nassij-application-withdraw', { applicationId: application.id });
    } catch (error) {
      this.submitError = this.failureCode(error);
      this.renderRoot.querySelector<HTMLDialogElement>('dialog.withdraw')?.close();
    } finally {
      this.busy = false;
    }
  }

  // ---------------------------------------------------------------- rendering helpers

  #text(text: LocalizedText | undefined): string {
    return text ? pickText(text, this.locale).text : '';
  }

  #size(bytes: number): string {
    return bytes >= 1_048_576
      ? `${this.fmt.number(Math.round((bytes / 1_048_576) * 10) / 10)} MB`
      : `${this.fmt.number(Math.ceil(bytes / 1024))} KB`;
  }

  #errorMessage(error: FieldError): string {
    const params: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(error.params ?? {})) {
      if (typeof value === 'string' || typeof value === 'number') params[name] = value;
    }
    const key = `field.${error.code}`;
    const text = this.t(key, params);
    return text === key ? this.t('field.invalid') : text;
  }

  #fieldLabel(fieldId: string): string {
    const field = this.#sections.flatMap((s) => s.fields).find((f) => f.id === fieldId);
    return field ? this.#text(field.label) : fieldId;
  }

  #errorsOf(fieldId: string): FieldError[] {
    return this.errors.filter((e) => e.path.split('/')[2] === fieldId);
  }

  #reasonParams(params: Record<string, string | number | string[]>): Record<string, string | number> {
    const name = (code: string) =>
      this.#text(
        (
          REGIONS.find((r) => r.code === code) ??
          DOMAINS.find((d) => d.code === code) ??
          LEGAL_FORMS.find((l) => l.code === code)
        )?.name,
      ) || code;
    const out: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(params)) {
      out[key] = Array.isArray(value)
        ? value.map(name).join('، ')
        : typeof value === 'string'
          ? name(value)
          : value;
    }
    return out;
  }

  override render(): TemplateResult {
    if (this.errorCode && !this.callData)
      return renderError(this, { code: this.errorCode, onRetry: () => this.load() });
    if (!this.callData) return renderLoading(this, { lines: 5 });
    const call = this.callData;
    return html`${this.announcer.region()}
      <section class="application" aria-labelledby="af-title">
        <h2 id="af-title">${this.t('af.title')}: <span>${this.#text(call.title)}</span></h2>
        ${this.#renderDeadline()}
        ${this.errorCode ? renderError(this, { code: this.errorCode, onRetry: () => this.load() }) : nothing}
        ${this.#renderPhase()}
      </section>
      ${this.#renderConflictDialog()}`;
  }

  #renderDeadline(): TemplateResult | typeof nothing {
    const closes = this.callData?.dates.closes;
    if (!closes || this.phase === 'done') return nothing;
    const left = Date.parse(closes.at) - this.now;
    const hours = Math.floor(left / 3_600_000);
    const minutes = Math.floor((left % 3_600_000) / 60_000);
    return html`<p class="deadline">${this.t('af.deadline', { dateTime: this.fmt.dateTime(closes.at) })}</p>
      <p class="countdown" aria-live="polite" aria-atomic="true">
        ${left > 0 && left < COUNTDOWN_MS ? this.t('af.countdown', { hours, minutes }) : nothing}
      </p>`;
  }

  #renderPhase(): TemplateResult | typeof nothing {
    switch (this.phase) {
      case 'signin':
        return html`<p>${this.t('af.signIn.intro')}</p>
          <button class="nassij-button" part="button" type="button" ?disabled=${this.busy} @click=${() => this.signIn()}>
            ${this.t('af.signIn.button')}
          </button>`;
      case 'choose':
        return this.#renderChoose();
      case 'eligibility':
        return this.#renderEligibility();
      case 'form':
        return this.#renderStep();
      case 'review':
        return this.#renderReview();
      case 'done':
        return this.#renderDone();
    }
  }

  #renderChoose(): TemplateResult {
    const items = this.associations ?? [];
    if (items.length === 0) return html`<p role="alert">${this.t('af.signIn.noAssociation')}</p>`;
    const onSubmit = (event: Event) => {
      event.preventDefault();
      const form = event.target as HTMLFormElement;
      const chosen = new FormData(form).get('association');
      if (typeof chosen === 'string') this.chooseAssociation(chosen);
    };
    return html`<form class="choose" @submit=${onSubmit}>
      <fieldset>
        <legend>${this.t('af.choose.legend')}</legend>
        ${items.map(
          (m, i) => html`<div class="option">
            <input type="radio" name="association" id="asso-${m.association.id}" value=${m.association.id}
              ?checked=${i === 0} />
            <label for="asso-${m.association.id}">${this.#text(m.association.name)}</label>
          </div>`,
        )}
      </fieldset>
      <button class="nassij-button" part="button" type="submit">${this.t('af.continue')}</button>
    </form>`;
  }

  #renderEligibility(): TemplateResult {
    const result = this.eligibility;
    if (!result) return renderLoading(this, { lines: 2 });
    return html`<section class="eligibility" aria-labelledby="af-elig">
      <h3 id="af-elig" tabindex="-1">${this.t('af.eligibility.heading')}</h3>
      ${
        result.eligible
          ? html`<p class="ok" role="status"><span aria-hidden="true">✓ </span>${this.t('af.eligibility.ok')}</p>
            <button class="nassij-button primary" part="button" type="button" ?disabled=${this.busy}
              @click=${() => this.startForm()}>
              ${this.t(this.#resumeId ? 'af.eligibility.resume' : 'af.eligibility.start')}
            </button>`
          : html`<div class="not-eligible" role="alert">
            <p>${this.t('af.eligibility.no')}</p>
            <ul>
              ${result.reasons.map((r) => html`<li data-code=${r.code}>${this.t(`af.reason.${r.code}`, this.#reasonParams(r.params))}</li>`)}
            </ul>
          </div>`
      }
    </section>`;
  }

  #renderSaveState(): TemplateResult {
    const text =
      this.saveState === 'saving'
        ? this.t('af.saving')
        : this.saveState === 'device' || !this.online.online
          ? this.t('af.savedDevice')
          : this.savedAt
            ? this.t('af.saved', { time: this.fmt.time(this.savedAt) })
            : '';
    return html`<p class="save-state" data-state=${this.saveState}>${text}</p>`;
  }

  #renderErrorSummary(): TemplateResult | typeof nothing {
    if (!this.errors.length) return nothing;
    return html`<div class="error-summary" part="error-summary" tabindex="-1" role="alert" aria-labelledby="af-errors">
      <h3 id="af-errors">${this.t('af.errorSummary')}</h3>
      <ul>
        ${this.errors.map(
          (
            e,
          ) => html`<li><a href="#f-${e.path.split('/')[2]}" @click=${(ev: Event) => this.#focusField(e.path, ev)}>
            ${this.t('af.fieldError', { label: this.#fieldLabel(e.path.split('/')[2] ?? ''), message: this.#errorMessage(e) })}
          </a></li>`,
        )}
      </ul>
    </div>`;
  }

  #renderStep(): TemplateResult {
    const sections = this.#sections;
    const section = sections[this.step];
    if (!section) return html``;
    const last = this.step === sections.length - 1;
    return html`${this.#renderErrorSummary()}
      <form class="step" novalidate @submit=${(e: Event) => {
        e.preventDefault();
        this.next();
      }}>
        <p class="progress">${this.t('af.step', { current: this.step + 1, total: sections.length })}</p>
        <h3 tabindex="-1">${this.#text(section.title)}</h3>
        ${section.description ? html`<p>${this.#text(section.description)}</p>` : nothing}
        ${section.fields.some((f) => f.type === 'attachment') ? this.#renderChecklist() : nothing}
        ${section.fields.map((f) => this.#renderField(f))}
        ${this.#renderSaveState()}
        <div class="nav">
          ${
            this.step > 0
              ? html`<button class="nassij-button back" part="button" type="button" @click=${() => this.goTo(this.step - 1)}>
              ${this.t('af.back')}</button>`
              : nothing
          }
          <button class="nassij-button primary next" part="button" type="submit">
            ${last ? this.t('af.review.heading') : this.t('af.next')}
          </button>
        </div>
      </form>`;
  }

  #describedBy(field: FormField): string {
    const ids = [];
    if (field.hint) ids.push(`h-${field.id}`);
    if (this.#errorsOf(field.id).length) ids.push(`e-${field.id}`);
    return ids.join(' ');
  }

  #labelText(field: FormField): TemplateResult {
    return html`${this.#text(field.label)}${field.required ? nothing : html` <span class="optional">${this.t('af.optional')}</span>`}`;
  }

  #hintAndErrors(field: FormField): TemplateResult {
    const errors = this.#errorsOf(field.id);
    return html`${field.hint ? html`<p class="hint" id="h-${field.id}">${this.#text(field.hint)}</p>` : nothing}
      ${
        errors.length
          ? html`<p class="field-error" id="e-${field.id}">
          ${errors.map((e) => html`<span>${this.#errorMessage(e)}</span> `)}</p>`
          : nothing
      }`;
  }

  #renderField(field: FormField): TemplateResult {
    const value = this.answers[field.id];
    const invalid = this.#errorsOf(field.id).length > 0;
    const describedBy = this.#describedBy(field) || nothing;
    const id = `f-${field.id}`;
    const str = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
    const common = { id, invalid, describedBy: this.#describedBy(field) };
    switch (field.type) {
      case 'text':
      case 'long_text':
        return html`<div class="field ${invalid ? 'invalid' : ''}">
          <label for=${id}>${this.#labelText(field)}</label>${this.#hintAndErrors(field)}
          ${
            field.type === 'text'
              ? html`<input class="nassij-input" id=${id} data-field=${field.id} type="text" .value=${str}
                maxlength=${field.maxLength ?? nothing} autocomplete=${field.autocomplete ?? 'off'}
                ?required=${field.required} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy}
                @input=${(e: Event) => this.setAnswer(field.id, (e.target as HTMLInputElement).value)} />`
              : html`<textarea class="nassij-input" id=${id} data-field=${field.id} rows="6" .value=${str}
                maxlength=${field.maxLength ?? nothing} autocomplete=${field.autocomplete ?? 'off'}
                ?required=${field.required} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy}
                @input=${(e: Event) => this.setAnswer(field.id, (e.target as HTMLTextAreaElement).value)}></textarea>`
          }
        </div>`;
      case 'number':
        return html`<div class="field ${invalid ? 'invalid' : ''}">
          <label for=${id}>${this.#labelText(field)}</label>${this.#hintAndErrors(field)}
          <input class="nassij-input short" id=${id} data-field=${field.id} type="number" inputmode="numeric"
            .value=${str} min=${field.min ?? nothing} max=${field.max ?? nothing} step=${field.integer ? '1' : 'any'}
            autocomplete="off" ?required=${field.required} aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${describedBy} @input=${(e: Event) => this.#numberInput(field.id, e)} />
        </div>`;
      case 'money':
        return html`<div class="field ${invalid ? 'invalid' : ''}">
          <label for=${id}>${this.#labelText(field)}</label>${this.#hintAndErrors(field)}
          ${this.#moneyInput(common, field.id, value, (v) => this.setAnswer(field.id, v), field.required)}
        </div>`;
      case 'date':
        return html`<div class="field ${invalid ? 'invalid' : ''}">
          <label for=${id}>${this.#labelText(field)}</label>${this.#hintAndErrors(field)}
          <input class="nassij-input short" id=${id} data-field=${field.id} type="date" .value=${str} autocomplete="off"
            ?required=${field.required} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy}
            @input=${(e: Event) => this.setAnswer(field.id, (e.target as HTMLInputElement).value || null)} />
        </div>`;
      case 'region':
        return html`<div class="field ${invalid ? 'invalid' : ''}">
          <label for=${id}>${this.#labelText(field)}</label>${this.#hintAndErrors(field)}
          <select class="nassij-input" id=${id} data-field=${field.id} autocomplete="address-level1"
            ?required=${field.required} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy}
            @change=${(e: Event) => this.setAnswer(field.id, (e.target as HTMLSelectElement).value || null)}>
            <option value="" ?selected=${!str}>${this.t('af.chooseOption')}</option>
            ${REGIONS.map((r) => html`<option value=${r.code} ?selected=${str === r.code}>${this.#text(r.name)}</option>`)}
          </select>
        </div>`;
      case 'choice':
      case 'multi_choice': {
        const multi = field.type === 'multi_choice';
        const chosen = Array.isArray(value) ? value : [];
        return html`<fieldset class="field ${invalid ? 'invalid' : ''}" aria-describedby=${describedBy}>
          <legend>${this.#labelText(field)}</legend>${this.#hintAndErrors(field)}
          ${field.options.map(
            (o, i) => html`<div class="option">
              <input id="${id}-${i}" name=${field.id} type=${multi ? 'checkbox' : 'radio'} value=${o.value}
                data-field=${i === 0 ? field.id : nothing} aria-invalid=${invalid ? 'true' : 'false'}
                .checked=${multi ? chosen.includes(o.value) : str === o.value}
                @change=${(e: Event) => {
                  const input = e.target as HTMLInputElement;
                  if (!multi) this.setAnswer(field.id, input.value);
                  else {
                    const next = input.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value);
                    this.setAnswer(field.id, next);
                  }
                }} />
              <label for="${id}-${i}">${this.#text(o.label)}</label>
            </div>`,
          )}
        </fieldset>`;
      }
      case 'budget_table':
        return this.#renderBudget(field, value, invalid);
      case 'beneficiaries':
        return this.#renderBeneficiaries(field, value, invalid);
      case 'attachment':
        return this.#renderAttachment(field, invalid);
    }
  }

  #numberInput(fieldId: string, event: Event): void {
    const input = event.target as HTMLInputElement;
    if (input.value === '') this.setAnswer(fieldId, input.validity.badInput ? 'NaN' : null);
    else this.setAnswer(fieldId, Number.isFinite(input.valueAsNumber) ? input.valueAsNumber : input.value);
  }

  #moneyInput(
    { id, invalid, describedBy }: { id: string; invalid: boolean; describedBy: string },
    dataField: string | undefined,
    value: AnswerValue | undefined,
    onChange: (value: AnswerValue) => void,
    required: boolean,
  ): TemplateResult {
    const text =
      value && typeof value === 'object' && 'amount' in value
        ? value.amount
        : typeof value === 'string'
          ? value
          : '';
    return html`<span class="money"><input class="nassij-input short" id=${id} data-field=${dataField ?? nothing}
        type="text" inputmode="decimal" dir="ltr" .value=${text} autocomplete="off" ?required=${required}
        aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy || nothing}
        @input=${(e: Event) => onChange(parseMoney((e.target as HTMLInputElement).value))} /><span aria-hidden="true"> MAD</span></span>`;
  }

  #renderBudget(
    field: Extract<FormField, { type: 'budget_table' }>,
    value: AnswerValue | undefined,
    invalid: boolean,
  ): TemplateResult {
    const lines: BudgetLine[] = value && typeof value === 'object' && 'lines' in value ? value.lines : [];
    const set = (next: BudgetLine[]) => this.setAnswer(field.id, { lines: next });
    // Read the lines at event time, not render time: two quick edits must not undo each other.
    const fresh = (): BudgetLine[] => {
      const v = this.answers[field.id];
      return v && typeof v === 'object' && 'lines' in v ? v.lines : [];
    };
    const update = (index: number, patch: Partial<BudgetLine>) =>
      set(fresh().map((l, i) => (i === index ? { ...l, ...patch } : l)));
    const zero: Money = { amount: '0', currency: 'MAD' };
    const asMoney = (v: AnswerValue): Money =>
      v && typeof v === 'object' && 'amount' in v
        ? (v as Money)
        : { amount: typeof v === 'string' ? v : '0', currency: 'MAD' };
    let totals: ReturnType<typeof budgetTotals> | undefined;
    try {
      totals = budgetTotals(lines);
      if (totals.requested.amount.includes('-')) totals = undefined; // co-financing above an amount: reported per line
    } catch {
      totals = undefined; // a half-typed amount: totals wait for it
    }
    const required = this.callData?.budget.coFinancingPercent;
    const share =
      totals && Number(totals.total.amount) > 0
        ? Number(totals.coFinanced.amount) / Number(totals.total.amount)
        : 0;
    const max = field.maxLines ?? 200;
    return html`<fieldset class="field budget ${invalid ? 'invalid' : ''}" aria-describedby=${this.#describedBy(field) || nothing}>
      <legend>${this.#labelText(field)}</legend>${this.#hintAndErrors(field)}
      ${lines.length === 0 ? html`<p>${this.t('af.budget.none')}</p>` : nothing}
      <ol class="lines">
        ${lines.map((line, i) => {
          const base = `f-${field.id}-${i}`;
          const lineErrors = this.errors.filter((e) => e.path.startsWith(`/answers/${field.id}/lines/${i}/`));
          return html`<li>
            <fieldset class="line">
              <legend>${this.t('af.budget.line', { n: i + 1 })}</legend>
              <label for="${base}-label">${this.t('af.budget.label')}</label>
              <input class="nassij-input" id="${base}-label" data-field=${i === 0 ? field.id : nothing} type="text"
                autocomplete="off" .value=${line.label} @input=${(e: Event) => update(i, { label: (e.target as HTMLInputElement).value })} />
              ${
                field.categories?.length
                  ? html`<label for="${base}-category">${this.t('af.budget.category')}</label>
                  <select class="nassij-input" id="${base}-category"
                    @change=${(e: Event) => update(i, { category: (e.target as HTMLSelectElement).value })}>
                    <option value="" ?selected=${!line.category}>${this.t('af.chooseOption')}</option>
                    ${field.categories.map((c) => html`<option value=${c.value} ?selected=${line.category === c.value}>${this.#text(c.label)}</option>`)}
                  </select>`
                  : nothing
              }
              <label for="${base}-amount">${this.t('af.budget.amount')}</label>
              ${this.#moneyInput({ id: `${base}-amount`, invalid: false, describedBy: '' }, undefined, line.amount, (v) => update(i, { amount: asMoney(v ?? '0') }), true)}
              <label for="${base}-coFinanced">${this.t('af.budget.coFinanced')}</label>
              ${this.#moneyInput(
                {
                  id: `${base}-coFinanced`,
                  invalid: lineErrors.length > 0,
                  describedBy: lineErrors.length ? `${base}-err` : '',
                },
                undefined,
                line.coFinanced,
                (v) => update(i, { coFinanced: asMoney(v ?? '0') }),
                true,
              )}
              ${lineErrors.length ? html`<p class="field-error" id="${base}-err">${lineErrors.map((e) => this.#errorMessage(e))}</p>` : nothing}
              <button class="nassij-button subtle" part="button" type="button"
                @click=${() => set(fresh().filter((_, j) => j !== i))}>${this.t('af.budget.remove', { n: i + 1 })}</button>
            </fieldset>
          </li>`;
        })}
      </ol>
      <button class="nassij-button" part="button" type="button" ?disabled=${lines.length >= max}
        data-field=${lines.length === 0 ? field.id : nothing}
        @click=${() =>
          set([
            ...fresh(),
            {
              id: `line_${newKey()
                .replace(/[^A-Za-z0-9]/g, '')
                .slice(0, 12)}`,
              label: '',
              amount: zero,
              coFinanced: zero,
            },
          ])}>
        ${this.t('af.budget.add')}
      </button>
      ${
        totals
          ? html`<dl class="totals" aria-live="polite">
          <div><dt>${this.t('af.budget.total')}</dt><dd>${this.fmt.money(totals.total)}</dd></div>
          <div><dt>${this.t('af.budget.coFinancedTotal')}</dt><dd>${this.fmt.money(totals.coFinanced)}</dd></div>
          <div><dt>${this.t('af.budget.requested')}</dt><dd class="requested">${this.fmt.money(totals.requested)}</dd></div>
          <div><dt>${this.t('af.budget.share', { percent: this.fmt.percent(share, 1) })}</dt>
            <dd>${
              required !== undefined
                ? html`${this.t('af.budget.shareRequired', { percent: this.fmt.percent(required / 100) })} —
                ${share * 100 >= required ? this.t('af.budget.shareMet') : this.t('af.budget.shareShort')}`
                : nothing
            }</dd></div>
        </dl>`
          : nothing
      }
    </fieldset>`;
  }

  #renderBeneficiaries(field: FormField, value: AnswerValue | undefined, invalid: boolean): TemplateResult {
    const current = (value && typeof value === 'object' && 'count' in value ? value : { count: 0 }) as {
      count: number;
      women?: number;
      youth?: number;
      description?: string;
    };
    const hasValue = value !== undefined && value !== null;
    const set = (patch: Partial<typeof current>) => {
      const next: Record<string, number | string> = { ...current, ...patch };
      for (const [k, v] of Object.entries(next))
        if (v === '' || (typeof v === 'number' && Number.isNaN(v))) delete next[k];
      this.setAnswer(field.id, next as AnswerValue);
    };
    const num = (key: 'count' | 'women' | 'youth', label: string, first = false) => html`<div class="sub">
        <label for="f-${field.id}-${key}">${label}</label>
        <input class="nassij-input short" id="f-${field.id}-${key}" data-field=${first ? field.id : nothing}
          type="number" min="0" step="1" inputmode="numeric" autocomplete="off"
          .value=${hasValue && current[key] !== undefined ? String(current[key]) : ''}
          aria-invalid=${invalid ? 'true' : 'false'}
          @input=${(e: Event) => set({ [key]: (e.target as HTMLInputElement).valueAsNumber })} />
      </div>`;
    return html`<fieldset class="field ${invalid ? 'invalid' : ''}" aria-describedby=${this.#describedBy(field) || nothing}>
      <legend>${this.#labelText(field)}</legend>${this.#hintAndErrors(field)}
      ${num('count', this.t('af.ben.count'), true)} ${num('women', this.t('af.ben.women'))} ${num('youth', this.t('af.ben.youth'))}
      <div class="sub">
        <label for="f-${field.id}-description">${this.t('af.ben.description')}</label>
        <textarea class="nassij-input" id="f-${field.id}-description" rows="3" autocomplete="off"
          .value=${current.description ?? ''}
          @input=${(e: Event) => set({ description: (e.target as HTMLTextAreaElement).value })}></textarea>
      </div>
    </fieldset>`;
  }

  #renderChecklist(): TemplateResult {
    const docs = this.callData?.requiredDocuments ?? [];
    const attached = new Set((this.application?.attachments ?? []).map((a) => a.documentId));
    return html`<section class="checklist" aria-labelledby="af-checklist">
      <h4 id="af-checklist">${this.t('af.doc.checklist')}</h4>
      <ul>
        ${docs.map(
          (d) => html`<li data-document=${d.id}>
            <span aria-hidden="true">${attached.has(d.id) ? '☑' : '☐'}</span>
            ${this.#text(d.label)} (${this.t(d.requirement === 'mandatory' ? 'af.doc.mandatory' : 'af.doc.conditional')}) —
            ${attached.has(d.id) ? this.t('af.doc.attached', { name: this.application?.attachments.find((a) => a.documentId === d.id)?.fileName ?? '', size: '' }).replace(' ()', '') : this.t('af.doc.missing')}
          </li>`,
        )}
      </ul>
    </section>`;
  }

  #renderAttachment(field: Extract<FormField, { type: 'attachment' }>, invalid: boolean): TemplateResult {
    const document = this.callData?.requiredDocuments.find((d) => d.id === field.documentId);
    if (!document) return html``;
    const attachment = this.application?.attachments.find((a) => a.documentId === document.id);
    const upload = this.uploads[document.id] ?? {};
    const id = `f-${field.id}`;
    const formats = document.mediaTypes.map((t) => FORMAT_NAMES[t] ?? t).join('، ');
    const template = safeHref(document.templateUrl);
    const describedBy = [`r-${field.id}`, ...(invalid ? [`e-${field.id}`] : [])].join(' ');
    return html`<div class="field document ${invalid ? 'invalid' : ''}" data-document=${document.id}>
      <h4>${this.#text(field.label)}</h4>
      <p class="hint" id="r-${field.id}">${this.t('af.doc.rules', { formats, size: this.#size(document.maxBytes) })}
        ${template ? html` <a href=${template} rel="noopener">${this.t('af.doc.template')}</a>` : nothing}</p>
      ${this.#hintAndErrors({ ...field, hint: undefined })}
      ${
        attachment
          ? html`<p class="attached">${this.t('af.doc.attached', { name: attachment.fileName, size: this.#size(attachment.size) })}</p>
          <p class="scan" data-scan=${attachment.scanState} role="status">${this.t(`af.doc.scan.${attachment.scanState}`)}</p>`
          : html`<p class="missing">${this.t('af.doc.missing')}</p>`
      }
      <label for=${id} class="file-label">${this.t(attachment ? 'af.doc.replace' : 'af.doc.choose')}: ${this.#text(field.label)}</label>
      <input id=${id} data-field=${field.id} type="file" accept=${document.mediaTypes.join(',')}
        aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : 'false'}
        @change=${(e: Event) => {
          const input = e.target as HTMLInputElement;
          const file = input.files?.[0];
          if (file)
            this.upload(document.id, file).then(() => {
              input.value = '';
            });
        }} />
      ${
        upload.progress !== undefined
          ? html`<div class="upload"><label for="p-${field.id}">${this.t('af.doc.progress')}</label>
          <progress id="p-${field.id}" max="1" .value=${upload.progress}>${this.fmt.percent(upload.progress)}</progress></div>`
          : nothing
      }
      ${
        upload.error
          ? html`<p class="field-error upload-error" role="alert">${
              upload.error === 'file_type_not_allowed'
                ? this.t('af.doc.refusedType', upload.params ?? {})
                : upload.error === 'file_too_large'
                  ? this.t('af.doc.refusedSize', upload.params ?? {})
                  : errorMessage(this, upload.error)
            }</p>`
          : nothing
      }
      ${
        attachment
          ? html`<button class="nassij-button subtle" part="button" type="button" @click=${() => this.removeDocument(document.id)}>
          ${this.t('af.doc.remove')}</button>`
          : nothing
      }
    </div>`;
  }

  #display(field: FormField, value: AnswerValue | undefined): string {
    if (value === undefined || value === null || value === '') return this.t('af.review.empty');
    if (typeof value === 'string') {
      if (field.type === 'region') return this.#text(REGIONS.find((r) => r.code === value)?.name) || value;
      if (field.type === 'choice')
        return this.#text(field.options.find((o) => o.value === value)?.label) || value;
      return value;
    }
    if (typeof value === 'number') return this.fmt.number(value);
    if (Array.isArray(value))
      return field.type === 'multi_choice'
        ? value.map((v) => this.#text(field.options.find((o) => o.value === v)?.label) || v).join('، ')
        : value.join('، ');
    if ('lines' in value) {
      try {
        return `${value.lines.length} — ${this.t('af.budget.total')}: ${this.fmt.money(budgetTotals(value.lines).total)}`;
      } catch {
        return String(value.lines.length);
      }
    }
    if ('amount' in value) {
      try {
        return this.fmt.money(value as Money);
      } catch {
        return String(value.amount);
      }
    }
    if ('count' in value) return `${this.t('af.ben.count')}: ${this.fmt.number(value.count)}`;
    return '';
  }

  #renderReview(): TemplateResult {
    const late = this.submitError === 'deadline_passed';
    return html`<section class="review" aria-labelledby="af-review">
      <h3 id="af-review" tabindex="-1">${this.t('af.review.heading')}</h3>
      ${this.#sections.map(
        (section, index) => html`<section class="review-section">
          <h4>${this.#text(section.title)}</h4>
          <dl>
            ${section.fields.map((f) => {
              const attachment =
                f.type === 'attachment'
                  ? this.application?.attachments.find((a) => a.documentId === f.documentId)
                  : undefined;
              const shown =
                f.type === 'attachment'
                  ? (attachment?.fileName ?? this.t('af.doc.missing'))
                  : this.#display(f, this.answers[f.id]);
              return html`<div><dt>${this.#text(f.label)}</dt><dd>${shown}</dd></div>`;
            })}
          </dl>
          <button class="nassij-button subtle" part="button" type="button" @click=${() => this.goTo(index)}>
            ${this.t('af.review.edit', { section: this.#text(section.title) })}
          </button>
        </section>`,
      )}
      ${
        this.submitError
          ? html`<div class="submit-error" role="alert" tabindex="-1" data-code=${this.submitError}>
          <p>${late ? this.t('af.deadlinePassed') : errorMessage(this, this.submitError)}</p></div>`
          : nothing
      }
      <div class="nav">
        <button class="nassij-button back" part="button" type="button" @click=${() => this.goTo(this.#sections.length - 1)}>
          ${this.t('af.back')}</button>
        <button class="nassij-button primary submit" part="button" type="button" ?disabled=${this.busy}
          aria-busy=${this.busy ? 'true' : 'false'} @click=${() => this.submit()}>
          ${this.busy ? this.t('af.submitting') : this.t('af.submit')}
        </button>
      </div>
    </section>`;
  }

  #renderDone(): TemplateResult {
    const application = this.application;
    if (!application) return html``;
    const receipt = application.receipt;
    const closes = this.callData?.dates.closes;
    const canWithdraw = ACTIVE.includes(application.status) && (!closes || Date.parse(closes.at) > this.now);
    return html`${
      receipt
        ? html`<section class="receipt" part="receipt" aria-labelledby="af-receipt">
          <h3 id="af-receipt" tabindex="-1">${this.t('af.receipt.title')}</h3>
          <p>${this.t('af.receipt.intro')}</p>
          <dl>
            <div><dt>${this.t('af.receipt.number')}</dt><dd class="receipt-number" dir="ltr">${receipt.number}</dd></div>
            <div><dt>${this.t('af.receipt.time')}</dt><dd>${this.fmt.dateTime(receipt.submittedAt)}</dd></div>
            <div><dt>${this.t('af.receipt.hash')}</dt><dd class="hash" dir="ltr">${receipt.contentHash}</dd></div>
          </dl>
          <button class="nassij-button no-print" part="button" type="button" @click=${() => window.print()}>
            ${this.t('af.receipt.print')}</button>
        </section>`
        : nothing
    }
      ${this.#renderTimeline(application)}
      ${this.submitError ? html`<p class="submit-error" role="alert">${errorMessage(this, this.submitError)}</p>` : nothing}
      ${
        canWithdraw
          ? html`<button class="nassij-button no-print withdraw" part="button" type="button"
            @click=${() => this.renderRoot.querySelector<HTMLDialogElement>('dialog.withdraw')?.showModal()}>
            ${this.t('af.withdraw')}</button>
          <dialog class="withdraw" aria-labelledby="af-withdraw">
            <form method="dialog" @submit=${(e: Event) => {
              e.preventDefault();
              const reason = new FormData(e.target as HTMLFormElement).get('reason');
              this.withdraw(typeof reason === 'string' ? reason : '');
            }}>
              <h3 id="af-withdraw">${this.t('af.withdraw.confirmTitle')}</h3>
              <p>${this.t('af.withdraw.confirmText')}</p>
              <label for="af-withdraw-reason">${this.t('af.withdraw.reason')} <span class="optional">${this.t('af.optional')}</span></label>
              <textarea class="nassij-input" id="af-withdraw-reason" name="reason" rows="3" autocomplete="off"></textarea>
              <div class="nav">
                <button class="nassij-button" part="button" type="button"
                  @click=${() => this.renderRoot.querySelector<HTMLDialogElement>('dialog.withdraw')?.close()}>
                  ${this.t('af.withdraw.cancel')}</button>
                <button class="nassij-button danger confirm" part="button" type="submit" ?disabled=${this.busy}>
                  ${this.t('af.withdraw.confirm')}</button>
              </div>
            </form>
          </dialog>`
          : nothing
      }`;
  }

  #renderTimeline(application: Application): TemplateResult {
    const reached = new Map(application.history.map((h) => [h.status, h]));
    const decided = application.decision ?? reached.get('awarded') ?? reached.get('rejected');
    const order = ['submitted', 'received', 'eligibility_check', 'under_review'];
    const currentIndex = decided
      ? 4
      : Math.max(
          -1,
          ...order.map((s, i) =>
            reached.has(s as Application['status']) || application.status === s ? i : -1,
          ),
        );
    const withdrawn = application.status === 'withdrawn';
    return html`<section class="timeline" aria-labelledby="af-timeline">
      <h3 id="af-timeline">${this.t('af.timeline.title')}</h3>
      <ol>
        ${TIMELINE.map((step, i) => {
          const state =
            i < currentIndex || (i === 4 && decided) ? 'done' : i === currentIndex ? 'current' : 'pending';
          const at = step === 'decision' ? application.decision?.decidedAt : reached.get(step)?.at;
          let label = this.t(`af.timeline.${step}`);
          if (step === 'decision' && application.decision)
            label =
              application.decision.outcome === 'awarded'
                ? this.t('af.timeline.awarded', {
                    amount: application.decision.amount ? this.fmt.money(application.decision.amount) : '',
                  })
                : this.t('af.timeline.rejected');
          return html`<li data-step=${step} data-state=${state} aria-current=${state === 'current' ? 'step' : nothing}>
            <span class="marker" aria-hidden="true">${state === 'done' ? '✓' : i + 1}</span>
            <span class="what">${label}</span>
            <span class="state">${this.t(`af.timeline.${state}`)}${at ? html` — ${this.fmt.dateTime(at)}` : nothing}</span>
            ${step === 'decision' && application.decision?.reason ? html`<p>${application.decision.reason}</p>` : nothing}
          </li>`;
        })}
      </ol>
      ${withdrawn ? html`<p class="withdrawn" role="status">${this.t('af.timeline.withdrawn')}</p>` : nothing}
    </section>`;
  }

  #renderConflictDialog(): TemplateResult | typeof nothing {
    if (!this.conflicts.length) return nothing;
    const fields = this.#sections.flatMap((s) => s.fields);
    return html`<dialog class="conflict" aria-labelledby="af-conflict" @cancel=${(e: Event) => e.preventDefault()}>
      <form @submit=${(e: Event) => {
        e.preventDefault();
        this.resolveConflicts();
      }}>
        <h3 id="af-conflict">${this.t('af.conflict.title')}</h3>
        <p>${this.t('af.conflict.explain')}</p>
        ${this.conflicts.map((c) => {
          const field = fields.find((f) => f.id === c.fieldId);
          if (!field) return nothing;
          const textual = field.type === 'text' || field.type === 'long_text';
          const choice = this.#choices[c.fieldId] ?? 'mine';
          const pick = (value: ConflictChoice) => () => {
            this.#choices[c.fieldId] = value;
            if (value === 'merge' && this.#merged[c.fieldId] === undefined)
              this.#merged[c.fieldId] = `${c.mine ?? ''}\n\n${c.theirs ?? ''}`.trim();
            this.requestUpdate();
          };
          return html`<fieldset class="conflict-field" data-field=${c.fieldId}>
            <legend>${this.#text(field.label)}</legend>
            <div class="versions">
              <div class="mine"><h4>${this.t('af.conflict.mine')}</h4><p class="text">${this.#display(field, c.mine)}</p></div>
              <div class="theirs"><h4>${this.t('af.conflict.theirs')}</h4><p class="text">${this.#display(field, c.theirs)}</p></div>
            </div>
            ${(['mine', 'theirs', ...(textual ? ['merge'] : [])] as ConflictChoice[]).map(
              (value) => html`<div class="option">
                <input type="radio" id="c-${c.fieldId}-${value}" name="c-${c.fieldId}" value=${value}
                  .checked=${choice === value} @change=${pick(value)} />
                <label for="c-${c.fieldId}-${value}">${this.t(value === 'mine' ? 'af.conflict.keepMine' : value === 'theirs' ? 'af.conflict.keepTheirs' : 'af.conflict.merge')}</label>
              </div>`,
            )}
            ${
              choice === 'merge'
                ? html`<label for="c-${c.fieldId}-text">${this.t('af.conflict.merge')}</label>
                <textarea class="nassij-input" id="c-${c.fieldId}-text" rows="5" .value=${this.#merged[c.fieldId] ?? ''}
                  @input=${(e: Event) => {
                    this.#merged[c.fieldId] = (e.target as HTMLTextAreaElement).value;
                  }}></textarea>`
                : nothing
            }
          </fieldset>`;
        })}
        <button class="nassij-button primary" part="button" type="submit">${this.t('af.conflict.save')}</button>
      </form>
    </dialog>`;
  }
}

/** `detail` of `nassij-application-save`. */
export interface NassijApplicationSaveDetail {
  applicationId: string;
  /** When the server stored the draft (ISO 8601). */
  savedAt: string;
}
/** `detail` of `nassij-application-submit`. */
export interface NassijApplicationSubmitDetail {
  applicationId: string;
  /** The receipt the reader can print (number, date, digest). */
  receipt: SubmissionResult['receipt'];
}
/** `detail` of `nassij-application-withdraw`. */
export interface NassijApplicationWithdrawDetail {
  applicationId: string;
}

/**
 * The events `<nassij-application-form>` fires; all bubble out of shadow roots (composed).
 *
 * @example
 * ```ts
 * form.addEventListener('nassij-application-submit', (event) => show(event.detail.receipt));
 * ```
 */
export interface NassijApplicationFormEventMap {
  'nassij-application-save': CustomEvent<NassijApplicationSaveDetail>;
  'nassij-application-submit': CustomEvent<NassijApplicationSubmitDetail>;
  'nassij-application-withdraw': CustomEvent<NassijApplicationWithdrawDetail>;
}

declare global {
  // The tag as the self-registering entry defines it; declared here so the class alone brings the type.
  interface HTMLElementTagNameMap {
    'nassij-application-form': NassijApplicationForm;
  }
  interface GlobalEventHandlersEventMap extends NassijApplicationFormEventMap {}
}
