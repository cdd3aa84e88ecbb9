import {
  type Call,
  type CallDraft,
  type CallDraftFields,
  type CallVersion,
  callPublicationProblems,
  createCallRef,
  type EligibilityProfile,
  type FieldError,
  getCallDraftRef,
  getCallRef,
  listCallVersionsRef,
  MAX_PAGE_SIZE,
  updateCallRef,
} from '@nassij/contract';
import { isConflictError } from '@nassij/sdk';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { BaseClient } from '../base/client.js';
import { NassijElement } from '../base/nassij-element.js';
import { ResourceController } from '../base/resource.js';
import { SignInController } from '../base/sign-in.js';
import { errorMessage, LiveAnnouncer, lazy, renderLoading } from '../base/states.js';
import { focusAnchor } from '../staff/field-paths.js';
import { callEditorMessages } from './call-editor.messages.js';
import { callEditorStyles } from './call-editor.styles.js';
import { callDraftKey, readCallDraft, writeCallDraft } from './draft-store.js';
import { anchorId, problemLabel } from './paths.js';

// The sections (most of the editor's code) are imported with the draft they show, in parallel with its
// request, and a published call's actions with that call: the "new call" button and the loading state, the
// first paint, need neither.
const sectionsView = lazy(() => import('./views/sections.js'));
const publishedView = lazy(() => import('./views/published.js'));

/** What the editor loads for a call: its draft with the ETag, and once published the public call and history. */
export interface LoadedCall {
  draft: CallDraft;
  etag: string | undefined;
  call?: Call | undefined;
  versions?: CallVersion[] | undefined;
}

/** Where the autosave stands: nothing to send, sending, on the server, or only on this device. */
export type CallSaveState = 'idle' | 'saving' | 'saved' | 'device';

/**
 * A call manager's editor of one call for support: given `call-id`, that draft (or published call); without
 * one, a "new call" button creates a draft for the signed-in account's organisation. Every field of the
 * call, in sections: texts (Arabic and French required, Tamazight and English optional; the programme),
 * support (instrument, fiscal year, domains, regions, budget, award range, co-financing), dates
 * (Africa/Casablanca wall-clock inputs, deadline model, enquiry period, information sessions, expected
 * decision), eligibility (applicant types, rules with a live preview on a sample association, the
 * conditions in words), criteria (weights summing to 100, scoring anchors), documents asked for and
 * reference documents, the application form (fields of every type: add, remove, reorder; the options of
 * choice fields and the categories of budget tables, each labelled in Arabic and French at least, added,
 * removed and reordered from the keyboard), review rules, reports due, contact.
 *
 * The sections load with the draft they show (in parallel with its request) and a published call's
 * actions with that call, so that the first paint (the "new call" button, the loading state) stays small.
 *
 * Every edit is kept on the device at once and saved after a pause with `If-Match`; a stale ETag shows a
 * conflict and keeps the manager's text. What publishing would still refuse shows as an error summary whose
 * links move focus to each field, with what the server refused in a field kept on the device (an option
 * without its label, an enquiry period ending before it starts). A published call offers amend (changes with a public summary), close
 * early, cancel, and its version history.
 *
 * @tagname nassij-call-editor
 * @fires {CustomEvent<NassijCallDetail>} nassij-call-created - A new draft was created; `detail: { callId }`.
 * @fires {CustomEvent<NassijCallSavedDetail>} nassij-call-saved - The draft was saved; `detail: { callId, revision }`.
 * @fires {CustomEvent<NassijCallPublishedDetail>} nassij-call-published - The call was published; `detail: { callId, reference, status }`.
 * @fires {CustomEvent<NassijCallAmendedDetail>} nassij-call-amended - An amendment was published; `detail: { callId, version }`.
 * @fires {CustomEvent<NassijCallEndedDetail>} nassij-call-ended - The call was closed early or cancelled; `detail: { callId, kind }`.
 * @fires {CustomEvent<NassijErrorDetail>} nassij-error - A load, a save or an action failed; `detail: { code }`.
 * @csspart button - Every action button.
 * @csspart card - The preview of the public card.
 *
 * @example
 * ```html
 * <nassij-call-editor api-base="https://platform.example/api" call-id="call_0042"></nassij-call-editor>
 * ```
 */
export class NassijCallEditor extends NassijElement {
  static override properties = {
    callId: { attribute: 'call-id', reflect: true },
    autosaveDelay: { attribute: 'autosave-delay', type: Number },
    fields: { state: true },
    saveState: { state: true },
    conflict: { state: true },
    showErrors: { state: true },
    serverProblems: { state: true },
    actionError: { state: true },
    busy: { state: true },
    sample: { state: true },
    panel: { state: true },
    reasonMissing: { state: true },
  };
  static override messages = callEditorMessages;
  /** The element's styles: the shared tokens and base styles, then its own. */
  static override styles = callEditorStyles;

  /** The call being edited (`call-id`); set by the editor itself when "new call" creates one. */
  declare callId: string | undefined;
  /** Milliseconds of quiet before an edit is sent to the server (`autosave-delay`, default 800). */
  declare autosaveDelay: number;
  /** The fields as the manager sees them (saved or not). */
  declare fields: CallDraftFields;
  declare saveState: CallSaveState;
  /** Set when a save met a newer version: that version and its ETag; the manager's text stays. */
  declare conflict: { current: CallDraft | undefined; etag: string | undefined } | undefined;
  /** Whether the problems show at their fields (after a publish attempt). */
  declare showErrors: boolean;
  /** What the server refused at the last publish or amendment, when it named fields. */
  declare serverProblems: FieldError[] | undefined;
  /** The code of the last failed action (publish, amend, close, cancel). */
  declare actionError: string | undefined;
  declare busy: boolean;
  /** The sample association the eligibility preview evaluates. */
  declare sample: EligibilityProfile;
  /** The published call's open action form, if any. */
  declare panel: 'amend' | 'close' | 'cancel' | undefined;
  /** Whether an action form was sent without its public text (summary, reason). */
  declare reasonMissing: boolean;
  /** @internal */
  readonly announcer = new LiveAnnouncer(this);
  /** Fields edited and not yet on the server. */
  dirty = new Set<keyof CallDraftFields>();
  #etag: string | undefined;
  /**
   * Fields the server refused as they stand (half-written: an e-mail being typed, a criterion without its
   * label), with the refused value: kept on the device and sent again once edited. The server checks them
   * rather than a copy of its schemas here, which would weigh a fifth of the editor.
   */
  #held = new Map<keyof CallDraftFields, string>();
  /** What the server said of each held field, shown while the field still holds the refused value. */
  #heldProblems = new Map<keyof CallDraftFields, FieldError[]>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #saving: Promise<void> | undefined;
  #clientChanged = false;
  /** @internal */
  readonly loaded = new ResourceController<LoadedCall>(this, {
    load: (signal) => this.#load(signal),
    onValue: (value) => this.#adopt(value),
    keepValueOnError: false,
  });
  #signIn = new SignInController(this, { signedIn: () => this.#afterSignIn() });

  constructor() {
    super();
    this.autosaveDelay = 800;
    this.fields = {};
    this.saveState = 'idle';
    this.showErrors = false;
    this.busy = false;
    this.reasonMissing = false;
    this.sample = {
      legalForm: 'association',
      region: 'MA-01',
      domains: [],
      foundedOn: '2020-01-01',
      publicUtility: false,
      annualReportsFiled: [],
      sizeBand: 'none',
    };
  }

  protected override clientChanged(_client: BaseClient | undefined): void {
    this.#clientChanged = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.#clientChanged || changed.has('callId')) {
      this.#clientChanged = false;
      void this.load();
    }
  }

  /** Loads the call named by `call-id`. Without a signed-in account it offers sign-in. */
  async load(): Promise<void> {
    if (!this.resolvedClient) return;
    if (this.#signIn.offered(undefined)) {
      this.loaded.abort();
      return;
    }
    if (!this.callId) return;
    if (this.loaded.value?.draft.id === this.callId) return;
    await this.loaded.run();
  }

  async #load(signal: AbortSignal): Promise<LoadedCall> {
    const client = this.resolvedClient!;
    const callId = this.callId!;
    const [{ data: draft, etag }] = await Promise.all([
      client.transport.opWithEtag(getCallDraftRef, { params: { callId } }, { signal }),
      sectionsView.load(),
    ]);
    if (draft.state === 'draft') return { draft, etag };
    const [call, versions] = await Promise.all([
      client.request(getCallRef, { params: { callId }, signal }),
      this.#history(client, callId, signal),
      publishedView.load(),
    ]);
    return { draft, etag, call, versions };
  }

  /** Every version of a published call, oldest first: the history is paged, so follow it to the end. */
  async #history(client: BaseClient, callId: string, signal: AbortSignal): Promise<CallVersion[]> {
    const versions: CallVersion[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.request(listCallVersionsRef, {
        params: { callId },
        query: { limit: MAX_PAGE_SIZE, ...(cursor ? { cursor } : {}) },
        signal,
      });
      versions.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return versions;
  }

  /** Takes a loaded draft: the device's unsaved edits of it (if any) go over the server's fields. */
  #adopt({ draft, etag }: LoadedCall): void {
    this.#etag = etag;
    this.fields = draft.fields;
    this.dirty = new Set();
    this.conflict = undefined;
    if (draft.state !== 'draft') return;
    const local = readCallDraft(callDraftKey(draft.id));
    if (local?.dirty.length) {
      const fields: Record<string, unknown> = { ...draft.fields };
      for (const name of local.dirty) fields[name] = local.fields[name];
      this.fields = fields as CallDraftFields;
      this.dirty = new Set(local.dirty);
      // The edits were made from the version of that ETag: a save with it tells whether it is still current.
      this.#etag = local.etag ?? etag;
      this.saveState = 'device';
      this.#schedule();
    }
  }

  /** The current instant, for the publication check; a property so that stories and tests can pin it. */
  now(): string {
    return new Date().toISOString();
  }

  /** The ETag the next save sends as `If-Match` (the version the edits were made from). */
  get etag(): string | undefined {
    return this.#etag;
  }

  /**
   * What publishing would refuse now, checked here as the server checks it, then what the server refused
   * in the fields held on the device (an option without its label, an enquiry period ending before it
   * starts): the schema's checks, which only the server runs.
   */
  get problems(): FieldError[] {
    // An amendment of a call already open may keep its opening date, now past (as the server checks it).
    const status = this.loaded.value?.call?.status;
    const problems = callPublicationProblems(this.fields, this.now(), {
      opened: Boolean(status && status !== 'forecast'),
    });
    for (const [name, refused] of this.#heldProblems)
      if (this.#held.get(name) === JSON.stringify(this.fields[name] ?? null)) problems.push(...refused);
    return problems;
  }

  /** Whether the call shown is published (amend, close, cancel instead of autosave and publish). */
  get published(): boolean {
    return this.loaded.value?.draft.state === 'published';
  }

  /**
   * Replaces one field of the call with `value` (`undefined` clears it): kept on the device at once, sent
   * to the server after a pause (a published call's edits wait for an amendment).
   */
  edit<K extends keyof CallDraftFields>(name: K, value: CallDraftFields[K] | undefined): void {
    const fields = { ...this.fields };
    if (value === undefined) delete fields[name];
    else fields[name] = value;
    this.fields = fields;
    this.dirty.add(name);
    if (this.published) return;
    this.#persist();
    this.saveState = 'device';
    this.#schedule();
  }

  #persist(): void {
    const id = this.loaded.value?.draft.id;
    if (!id) return;
    writeCallDraft(
      callDraftKey(id),
      this.dirty.size ? { fields: this.fields, dirty: [...this.dirty], etag: this.#etag } : undefined,
    );
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.save();
    }, this.autosaveDelay);
  }

  /** Saves the edited fields that are well-formed now; resolves when the server has them (or could not). */
  save(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#saving) return this.#saving.then(() => (this.#sendable().size ? this.save() : undefined));
    this.#saving = this.#save().finally(() => {
      this.#saving = undefined;
    });
    return this.#saving;
  }

  /** The edited fields to send: not those the server refused as they still stand (see `#held`). */
  #sendable(): Map<keyof CallDraftFields, unknown> {
    const patch = new Map<keyof CallDraftFields, unknown>();
    for (const name of this.dirty) {
      const value = this.fields[name] ?? null;
      if (this.#held.get(name) !== JSON.stringify(value)) patch.set(name, value);
    }
    return patch;
  }

  async #save(): Promise<void> {
    const client = this.resolvedClient;
    const loaded = this.loaded.value;
    if (!client || !loaded || this.published || this.conflict) return;
    const patch = this.#sendable();
    if (patch.size === 0) return;
    this.saveState = 'saving';
    const sent = Object.fromEntries(patch);
    try {
      const { data, etag } = await client.transport.opWithEtag(
        updateCallRef,
        { params: { callId: loaded.draft.id }, body: sent },
        { ifMatch: this.#etag ?? '*' },
      );
      this.#etag = etag;
      // Fields typed again while the save was in flight stay dirty.
      for (const [name, value] of patch) {
        this.#held.delete(name);
        this.#heldProblems.delete(name);
        if (JSON.stringify(this.fields[name] ?? null) === JSON.stringify(value)) this.dirty.delete(name);
      }
      this.loaded.set({ ...loaded, draft: data, etag });
      this.saveState = this.dirty.size ? 'device' : 'saved';
      this.#persist();
      this.emit<NassijCallSavedDetail>('nassij-call-saved', { callId: data.id, revision: data.revision });
    } catch (error) {
      if (isConflictError(error, updateCallRef)) {
        // Someone saved a newer version: nothing is overwritten and nothing typed here is dropped.
        this.conflict = { current: error.current, etag: error.etag };
        this.saveState = 'device';
        this.announcer.announce(this.t('ce.conflict.title'));
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#ce-conflict')?.focus();
      } else if (this.#hold(error, patch)) {
        // A half-written field stays on the device; the others are sent without it.
        this.saveState = 'device';
        await this.#save();
      } else {
        this.saveState = 'device';
        this.reportFailure(error);
      }
    }
  }

  /** Holds back the fields a validation refusal names; whether it named any of those sent. */
  #hold(error: unknown, patch: Map<keyof CallDraftFields, unknown>): boolean {
    const refused = (error as { code?: string; fieldErrors?: FieldError[] }) ?? {};
    if (refused.code !== 'validation_failed' || !refused.fieldErrors?.length) return false;
    const names = new Set<keyof CallDraftFields>();
    for (const problem of refused.fieldErrors) {
      const name = problem.path.split('/')[1] as keyof CallDraftFields;
      if (!patch.has(name)) continue;
      if (!names.has(name)) this.#heldProblems.set(name, []);
      names.add(name);
      this.#held.set(name, JSON.stringify(patch.get(name)));
      this.#heldProblems.get(name)?.push(problem);
    }
    // The summary lists them now (the fields show them after a publish attempt).
    if (names.size) this.requestUpdate();
    return names.size > 0;
  }

  /** Settles a conflict: keep this text (saved over the newer version) or take the newer version. */
  async resolveConflict(choice: 'mine' | 'theirs'): Promise<void> {
    const conflict = this.conflict;
    const loaded = this.loaded.value;
    if (!conflict || !loaded) return;
    if (choice === 'theirs' && conflict.current) {
      writeCallDraft(callDraftKey(loaded.draft.id), undefined);
      this.loaded.set({ draft: conflict.current, etag: conflict.etag });
      this.#adopt({ draft: conflict.current, etag: conflict.etag });
      this.saveState = 'saved';
      return;
    }
    this.#etag = conflict.etag;
    this.conflict = undefined;
    this.#persist();
    await this.save();
  }

  /** Creates a new draft for the signed-in account's organisation and opens it. */
  async create(): Promise<void> {
    const client = this.resolvedClient;
    if (!client || this.busy) return;
    this.busy = true;
    this.actionError = undefined;
    try {
      const [{ data, etag }] = await Promise.all([
        client.transport.opWithEtag(createCallRef, { body: {} }),
        sectionsView.load(),
      ]);
      this.loaded.set({ draft: data, etag });
      this.#adopt({ draft: data, etag });
      this.callId = data.id;
      this.emit<NassijCallDetail>('nassij-call-created', { callId: data.id });
      this.announcer.announce(this.t('ce.created'));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#f-title-ar')?.focus();
    } catch (error) {
      this.actionError = this.reportFailure(error);
    } finally {
      this.busy = false;
    }
  }

  /** Moves focus to the field a problem names (the error summary's links). */
  async focusProblem(pointer: string): Promise<void> {
    await this.updateComplete;
    focusAnchor(this.renderRoot, pointer);
  }

  /** Moves focus to the error summary (after a refused publish). */
  async focusSummary(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#ce-summary')?.focus();
  }

  /** Sets an action's state before it runs. @internal */
  begin(): void {
    this.busy = true;
    this.actionError = undefined;
    this.serverProblems = undefined;
  }

  /** Takes a published call's new state after an action, reloading its draft and history. @internal */
  async reload(): Promise<void> {
    this.dirty = new Set();
    await this.loaded.run();
  }

  async #afterSignIn(): Promise<void> {
    const loaded = this.load();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    await loaded;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Leaving the page: what is typed is already on the device; try the server too.
    if (this.#timer) void this.save();
  }

  override render(): TemplateResult {
    return html`${this.announcer.region()}
      <section aria-labelledby="ce-title" class="editor">
        <h2 id="ce-title" tabindex="-1">${this.t(this.published ? 'ce.title.published' : 'ce.title')}</h2>
        ${this.#body()}
      </section>`;
  }

  #body(): unknown {
    return this.#signIn.around(this.loaded, this.t('ce.signIn'), {
      idle: () => this.#renderNew(),
      lines: 6,
      ready: (loaded) => this.#renderLoaded(loaded),
    });
  }

  #renderNew(): TemplateResult {
    return html`<p>${this.t('ce.new.intro')}</p>
      <p><button class="nassij-button new-call" part="button" type="button" ?disabled=${this.busy}
        @click=${() => this.create()}>${this.t('ce.new')}</button></p>
      ${this.actionError ? html`<p class="field-error" role="alert">${errorMessage(this, this.actionError)}</p>` : nothing}`;
  }

  #renderLoaded(loaded: LoadedCall): TemplateResult {
    const sections = this.#view(sectionsView);
    const published = this.published ? this.#view(publishedView) : undefined;
    if (!sections || (this.published && !published)) return renderLoading(this, { lines: 6 });
    const problems = this.serverProblems ?? this.problems;
    return html`${this.#renderStatus(loaded)} ${this.#renderConflict()} ${this.#renderSummary(problems)}
      <form class="sections" novalidate @submit=${(event: Event) => event.preventDefault()}>
        ${sections.renderSections(this, this.showErrors ? problems : [])}
      </form>
      ${sections.renderPreview(this)}
      ${published ? published.renderPublished(this, loaded) : this.#renderPublish()}`;
  }

  /**
   * A lazy view's module, or `undefined` while it loads (then rendered again). The loads above import the
   * views with their data; this covers a view needed otherwise (a draft set by the page).
   */
  #view<M>(view: { value: M | undefined; load(): Promise<M> }): M | undefined {
    if (!view.value)
      view.load().then(
        () => this.requestUpdate(),
        (error: unknown) => this.reportFailure(error),
      );
    return view.value;
  }

  #renderStatus(loaded: LoadedCall): TemplateResult {
    const draft = loaded.draft;
    const saved =
      this.saveState === 'saving'
        ? this.t('ce.save.saving')
        : this.saveState === 'device'
          ? this.t('ce.save.device')
          : this.t('ce.save.saved', { time: this.fmt.time(draft.updatedAt) });
    return html`<p class="status-line">
      <span class="badge">${this.t(draft.state === 'draft' ? 'status.draft' : 'status.published')}</span>
      ${loaded.call ? html`<span class="badge status-${loaded.call.status}">${this.t(`status.${loaded.call.status}`)}</span> <span>${loaded.call.reference}</span>` : nothing}
      ${this.published ? nothing : html`<span class="save-state" data-state=${this.saveState}>${saved}</span>`}
    </p>`;
  }

  #renderConflict(): unknown {
    if (!this.conflict) return nothing;
    return html`<div class="conflict" id="ce-conflict" role="alert" tabindex="-1">
      <h3>${this.t('ce.conflict.title')}</h3>
      <p>${this.t('ce.conflict.body')}</p>
      <p class="form-actions">
        <button class="nassij-button keep-mine" part="button" type="button"
          @click=${() => this.resolveConflict('mine')}>${this.t('ce.conflict.mine')}</button>
        ${
          this.conflict.current
            ? html`<button class="nassij-button take-theirs" data-variant="secondary" part="button" type="button"
              @click=${() => this.resolveConflict('theirs')}>${this.t('ce.conflict.theirs')}</button>`
            : nothing
        }
      </p>
    </div>`;
  }

  /** The GOV.UK error summary: what publishing would refuse, each linking to its field. */
  #renderSummary(problems: FieldError[]): unknown {
    if (problems.length === 0)
      return html`<p class="ready" id="ce-summary" tabindex="-1">${this.t(this.published ? 'ce.amend.ready' : 'ce.ready')}</p>`;
    return html`<div class="error-summary" id="ce-summary" tabindex="-1" aria-labelledby="ce-summary-h"
        role=${this.showErrors ? 'alert' : nothing}>
      <h3 id="ce-summary-h">${this.t('ce.summary.title', { count: problems.length })}</h3>
      <ul>
        ${problems.map(
          (
            problem,
          ) => html`<li><a href="#${anchorId(undefined, problem.path) ?? 'ce-title'}" data-problem=${problem.path}
            @click=${(event: Event) => {
              event.preventDefault();
              void this.focusProblem(problem.path);
            }}>${problemLabel(this, problem)}</a></li>`,
        )}
      </ul>
    </div>`;
  }

  #renderPublish(): TemplateResult {
    return html`<div class="actions">
      <button class="nassij-button publish" part="button" type="button" ?disabled=${this.busy}
        @click=${() => import('./actions.js').then((actions) => actions.publish(this))}>${this.t('ce.publish')}</button>
      ${this.actionError ? html`<p class="field-error" role="alert">${errorMessage(this, this.actionError)}</p>` : nothing}
    </div>`;
  }
}

/** `detail` of `nassij-call-created`. */
export interface NassijCallDetail {
  callId: string;
}
/** `detail` of `nassij-call-saved`. */
export interface NassijCallSavedDetail {
  callId: string;
  revision: number;
}
/** `detail` of `nassij-call-published`. */
export interface NassijCallPublishedDetail {
  callId: string;
  reference: string;
  status: Call['status'];
}
/** `detail` of `nassij-call-amended`. */
export interface NassijCallAmendedDetail {
  callId: string;
  version: number;
}
/** `detail` of `nassij-call-ended`. */
export interface NassijCallEndedDetail {
  callId: string;
  kind: 'closed_early' | 'cancelled';
}

/**
 * The events `<nassij-call-editor>` fires; all bubble out of shadow roots (composed).
 *
 * @example
 * ```ts
 * editor.addEventListener('nassij-call-published', (event) => location.assign(`/calls/${event.detail.callId}`));
 * ```
 */
export interface NassijCallEditorEventMap {
  'nassij-call-created': CustomEvent<NassijCallDetail>;
  'nassij-call-saved': CustomEvent<NassijCallSavedDetail>;
  'nassij-call-published': CustomEvent<NassijCallPublishedDetail>;
  'nassij-call-amended': CustomEvent<NassijCallAmendedDetail>;
  'nassij-call-ended': CustomEvent<NassijCallEndedDetail>;
}

declare global {
  // The tag as the self-registering entry defines it; declared here so the class alone brings the type.
  interface HTMLElementTagNameMap {
    'nassij-call-editor': NassijCallEditor;
  }
  interface GlobalEventHandlersEventMap extends NassijCallEditorEventMap {}
}
