import {
  type Consultation,
  type ConsultationDraft,
  type ConsultationDraftFields,
  consultationPublicationProblems,
  createConsultationDraftRef,
  type FieldError,
  getConsultationDraftRef,
  getConsultationRef,
  listManagedConsultationsRef,
  type ManagedConsultation,
  updateConsultationDraftRef,
} from '@nassij/contract';
import { isConflictError } from '@nassij/sdk';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { BaseClient } from '../base/client.js';
import { NassijElement } from '../base/nassij-element.js';
import { ResourceController } from '../base/resource.js';
import { safeHref } from '../base/safe-href.js';
import { SignInController } from '../base/sign-in.js';
import { errorMessage, LiveAnnouncer, lazy, plain, renderLoading, text } from '../base/states.js';
import { focusAnchor } from '../staff/field-paths.js';
import { consultationEditorMessages } from './consultation-editor.messages.js';
import { consultationEditorStyles } from './consultation-editor.styles.js';
import {
  consultationDraftKey,
  readConsultationDraft,
  readPasted,
  writeConsultationDraft,
  writePasted,
} from './draft-store.js';
import type { EditedSection, TextLanguage } from './model.js';
import { anchorId, problemLabel } from './paths.js';
import { editableSections, sendableText } from './text-shape.js';

// The draft's form and text editor load with the draft they show (in parallel with its request), and a
// published consultation's actions with that consultation: the list, the "new consultation" button and the
// loading state, the first paint, need neither.
const formView = lazy(() => import('./views/form.js'));
const textView = lazy(() => import('./views/text.js'));
const publishedView = lazy(() => import('./views/published.js'));

/** What the editor loads for a consultation: its draft with the ETag, and once published the public consultation. */
export interface LoadedConsultation {
  draft: ConsultationDraft;
  etag: string | undefined;
  /** The public consultation (phase, versions, the current text with each article's contributions). */
  consultation?: Consultation | undefined;
}

/** The organisation's consultations as listed so far, and where the next page starts. */
export interface ConsultationListing {
  organisationId: string;
  items: ManagedConsultation[];
  cursor: string | null;
}

/** Where the autosave stands: nothing to send, sending, on the server, or only on this device. */
export type ConsultationSaveState = 'idle' | 'saving' | 'saved' | 'device';

/** The import box's state. */
export interface PasteState {
  text: string;
  format: 'plain' | 'markdown';
  language: TextLanguage;
  replace: boolean;
}

/** An article a new version removes although it has contributions (the API's refusal names them). */
export interface RemovedArticle {
  articleId: string;
  number: string;
  contributions: number;
}

type Fields = ConsultationDraftFields;

/** The signed-in account works for no organisation and none was named: nothing it may manage. */
const noOrganisation = () =>
  Object.assign(new Error('The account belongs to no organisation'), { code: 'forbidden' });

/**
 * A consultation manager's back office for public consultations: the organisation's consultations (drafts
 * and published, with their phase and contributions), or the one named by `draft-id` / `consultation-id`;
 * "new consultation" creates a draft for the signed-in account's organisation.
 *
 * A draft's form: title and summary (Arabic and French required, Tamazight and English optional), scope
 * (with the region when not national), subject, who may contribute, domains, and the dates of each phase
 * (Africa/Casablanca wall-clock inputs, sent as instants). The text: paste plain text or Markdown and see
 * at once the sections and articles the contract's `importArticles` detects (or, when it detects none, what
 * it found instead) before importing them; then edit each article (number, heading, text per language),
 * add, remove and reorder them with buttons. What publishing would still refuse shows as an error summary
 * whose links move focus to each field.
 *
 * A published consultation: edit its text and publish a new version with a public summary of the changes
 * (when a removed article had contributions, the editor asks what becomes of them), close it early with a
 * public reason, and read its version history. Once its contributions are closed, `synthesis-href` (a URL
 * template, `{consultationId}` replaced) links to the page where its synthesis is written (a
 * `<nassij-synthesis-editor>`), and `public-href` to its public page; without them, no link.
 *
 * Every edit is kept on the device at once and saved after a pause with `If-Match`; a draft changed
 * elsewhere meanwhile shows a conflict and keeps the manager's text. The text pasted for import is kept for
 * the tab's life.
 *
 * @tagname nassij-consultation-editor
 * @fires {CustomEvent<NassijConsultationDraftDetail>} nassij-consultation-created - A new draft was created; `detail: { consultationId }`.
 * @fires {CustomEvent<NassijConsultationSavedDetail>} nassij-consultation-saved - The draft was saved; `detail: { consultationId, revision }`.
 * @fires {CustomEvent<NassijConsultationPublishedDetail>} nassij-consultation-published - The consultation was published; `detail: { consultationId, reference }`.
 * @fires {CustomEvent<NassijConsultationVersionDetail>} nassij-consultation-version-published - A new version was published; `detail: { consultationId, versionId }`.
 * @fires {CustomEvent<NassijConsultationClosedDetail>} nassij-consultation-closed - The consultation was closed early; `detail: { consultationId }`.
 * @fires {CustomEvent<NassijErrorDetail>} nassij-error - A load, a save or an action failed; `detail: { code }`.
 * @csspart button - Every action button.
 *
 * @example
 * ```html
 * <nassij-consultation-editor api-base="https://platform.example/api"
 *   synthesis-href="/consultation-office/synthesis/?consultation={consultationId}"
 *   public-href="/consultations/read.html?c={consultationId}"></nassij-consultation-editor>
 * ```
 */
export class NassijConsultationEditor extends NassijElement {
  static override properties = {
    draftId: { attribute: 'draft-id', reflect: true },
    consultationId: { attribute: 'consultation-id', reflect: true },
    organisationId: { attribute: 'organisation-id' },
    autosaveDelay: { attribute: 'autosave-delay', type: Number },
    synthesisHref: { attribute: 'synthesis-href' },
    publicHref: { attribute: 'public-href' },
    fields: { state: true },
    saveState: { state: true },
    conflict: { state: true },
    showErrors: { state: true },
    serverProblems: { state: true },
    actionError: { state: true },
    busy: { state: true },
    panel: { state: true },
    reasonMissing: { state: true },
    removedPending: { state: true },
    paste: { state: true },
    importError: { state: true },
  };
  static override messages = consultationEditorMessages;
  /** The element's styles: the shared tokens and base styles, then its own. */
  static override styles = consultationEditorStyles;

  /** The consultation shown, draft or published (`consultation-id`); set by the editor when "new consultation" creates one. */
  declare consultationId: string | undefined;
  /** The same as `consultation-id` (a draft keeps its id once published), for pages that speak of drafts. */
  declare draftId: string | undefined;
  /** The organisation whose consultations are listed (`organisation-id`); default the signed-in account's. */
  declare organisationId: string | undefined;
  /** Milliseconds of quiet before an edit is sent to the server (`autosave-delay`, default 800). */
  declare autosaveDelay: number;
  /**
   * Where a closed consultation's synthesis is written (`synthesis-href`): a URL, relative to the page or
   * absolute, with `{consultationId}` for the consultation's id. Without it the editor shows no such link.
   */
  declare synthesisHref: string | undefined;
  /** A published consultation's public page (`public-href`), with `{consultationId}` as above; optional. */
  declare publicHref: string | undefined;
  /** The fields as the manager sees them (saved or not). */
  declare fields: Fields;
  declare saveState: ConsultationSaveState;
  /** Set when a save met a newer version: that version and its ETag; the manager's text stays. */
  declare conflict: { current: ConsultationDraft | undefined; etag: string | undefined } | undefined;
  /** Whether the problems show at their fields (after a publish attempt). */
  declare showErrors: boolean;
  /** What the server refused at the last publication, when it named fields. */
  declare serverProblems: FieldError[] | undefined;
  /** The code of the last failed action (create, publish, new version, close). */
  declare actionError: string | undefined;
  declare busy: boolean;
  /** The published consultation's open action form, if any. */
  declare panel: 'version' | 'close' | undefined;
  /** Whether an action form was sent without its public text (change summary, reason). */
  declare reasonMissing: boolean;
  /** Articles the new version removes although they have contributions: the question put to the manager. */
  declare removedPending: RemovedArticle[] | undefined;
  /** The import box: the pasted text, how to read it, in which language, whether it replaces the articles. */
  declare paste: PasteState;
  /** Why the last import did not happen: nothing pasted, or no article detected. */
  declare importError: 'empty' | 'none' | undefined;
  /** @internal */
  readonly announcer = new LiveAnnouncer(this);
  /** Fields edited and not yet on the server (a published consultation's text: not yet in a version). */
  dirty = new Set<keyof Fields>();
  #etag: string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #saving: Promise<void> | undefined;
  #clientChanged = false;
  /** @internal */
  readonly loaded = new ResourceController<LoadedConsultation>(this, {
    load: (signal) => this.#load(signal),
    onValue: (value) => this.#adopt(value),
    keepValueOnError: false,
  });
  /** @internal */
  readonly listing = new ResourceController<ConsultationListing>(this, {
    load: (signal) => this.#loadList(signal),
  });
  #signIn = new SignInController(this, { signedIn: () => this.#afterSignIn() });

  constructor() {
    super();
    this.autosaveDelay = 800;
    this.fields = {} as Fields;
    this.saveState = 'idle';
    this.showErrors = false;
    this.busy = false;
    this.reasonMissing = false;
    this.paste = { text: '', format: 'plain', language: 'ar', replace: false };
  }

  /** The consultation shown: `consultation-id`, or its alias `draft-id` (a draft keeps its id once published). */
  get #id(): string | undefined {
    return this.consultationId || this.draftId || undefined;
  }

  protected override clientChanged(_client: BaseClient | undefined): void {
    this.#clientChanged = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.#clientChanged || changed.has('draftId') || changed.has('consultationId')) {
      this.#clientChanged = false;
      void this.load();
    }
  }

  /** Loads the draft named by `draft-id` or `consultation-id`, else the list. Signed out, it offers sign-in. */
  async load(): Promise<void> {
    if (!this.resolvedClient) return;
    if (this.#signIn.offered(undefined)) {
      this.loaded.abort();
      this.listing.abort();
      return;
    }
    if (!this.#id) {
      this.loaded.clear();
      await this.listing.run();
      return;
    }
    const id = this.#id;
    if (!id || this.loaded.value?.draft.id === id) return;
    // The property change and the caller that made it both ask: one request.
    if (this.#pending?.id === id && this.loaded.loading) {
      await this.#pending.done;
      return;
    }
    const done = this.loaded.run();
    this.#pending = { id, done };
    await done;
  }

  async #load(signal: AbortSignal): Promise<LoadedConsultation> {
    const client = this.resolvedClient!;
    const consultationId = this.#id!;
    // A consultation the list showed as published is read from its public page: its draft (if it has one)
    // holds nothing a new version needs.
    const published = this.#listedPublished.has(consultationId);
    const [found] = await Promise.all([
      (published
        ? Promise.resolve(undefined)
        : client.transport.opWithEtag(getConsultationDraftRef, { params: { consultationId } }, { signal })
      ).catch((error: unknown) => {
        // A consultation published before drafts existed (the seeded ones) has none: its public page is it.
        if ((error as { code?: string } | undefined)?.code === 'not_found') return undefined;
        throw error;
      }),
      formView.load(),
      textView.load(),
    ]);
    if (found?.data.state === 'draft') return { draft: found.data, etag: found.etag };
    const [consultation] = await Promise.all([
      client.request(getConsultationRef, { params: { consultationId }, signal }),
      publishedView.load(),
    ]);
    // A new version starts from the text as published now, whatever the draft held at the first publication.
    const fields: Fields = {
      ...found?.data.fields,
      title: consultation.title,
      summary: consultation.summary,
      text: { sections: editableSections(consultation.text?.sections ?? []) },
    };
    const draft: ConsultationDraft = found?.data
      ? { ...found.data, fields }
      : {
          id: consultation.id,
          organisationId: this.listing.value?.organisationId ?? this.organisationId ?? '',
          state: 'published',
          revision: 1,
          createdAt: consultation.versions[0]?.publishedAt ?? consultation.phases[0]?.period.start ?? '',
          updatedAt: consultation.versions.at(-1)?.publishedAt ?? '',
          fields,
          problems: [],
        };
    return { draft, etag: found?.etag, consultation };
  }

  /** The load in flight and the consultation it is for. */
  #pending: { id: string; done: Promise<unknown> } | undefined;

  /** Ids the list showed as published. */
  #listedPublished = new Set<string>();

  async #loadList(signal: AbortSignal): Promise<ConsultationListing> {
    const client = this.resolvedClient!;
    const organisationId = this.organisationId || (await client.auth.me({ signal })).organisationId;
    if (!organisationId) throw noOrganisation();
    const page = await client.request(listManagedConsultationsRef, {
      params: { organisationId },
      query: { limit: 20 },
      signal,
    });
    this.#remember(page.items);
    return { organisationId, items: page.items, cursor: page.nextCursor };
  }

  #remember(items: readonly ManagedConsultation[]): void {
    for (const item of items) if (item.state === 'published') this.#listedPublished.add(item.id);
  }

  /** Adds the next page of the list below the consultations shown, and focuses its first one. */
  async more(): Promise<void> {
    const client = this.resolvedClient;
    const listing = this.listing.value;
    if (!client || !listing?.cursor || this.busy) return;
    this.busy = true;
    try {
      const page = await client.request(listManagedConsultationsRef, {
        params: { organisationId: listing.organisationId },
        query: { limit: 20, cursor: listing.cursor },
      });
      this.#remember(page.items);
      this.listing.set({ ...listing, items: [...listing.items, ...page.items], cursor: page.nextCursor });
      await this.updateComplete;
      this.renderRoot
        .querySelector<HTMLElement>(`li[data-consultation="${page.items[0]?.id}"] button`)
        ?.focus();
    } catch (error) {
      this.actionError = this.reportFailure(error);
    } finally {
      this.busy = false;
    }
  }

  /** Takes a loaded draft: the device's unsaved edits of it (if any) go over the server's fields. */
  #adopt({ draft, etag }: LoadedConsultation): void {
    this.#etag = etag;
    if (!this.paste.text) this.paste = { ...this.paste, text: readPasted(draft.id) };
    this.fields = draft.fields;
    this.dirty = new Set();
    this.conflict = undefined;
    this.removedPending = undefined;
    const local = readConsultationDraft(consultationDraftKey(draft.id));
    if (!local?.dirty.length) return;
    const fields: Record<string, unknown> = { ...draft.fields };
    for (const name of local.dirty) fields[name] = local.fields[name];
    this.fields = fields as Fields;
    this.dirty = new Set(local.dirty as (keyof Fields)[]);
    if (draft.state !== 'draft') return;
    // The edits were made from the version of that ETag: a save with it tells whether it is still current.
    this.#etag = local.etag ?? etag;
    this.saveState = 'device';
    this.#schedule();
  }

  /**
   * The address `template` gives for the consultation shown (`{consultationId}` replaced, resolved against
   * the page), or `undefined` without a template or when the result is not an http(s) URL.
   *
   * @example
   * ```ts
   * editor.hrefFor('/consultation-office/synthesis/?consultation={consultationId}');
   * // 'https://intranet.example/consultation-office/synthesis/?consultation=cons_0042'
   * ```
   */
  hrefFor(template: string | undefined): string | undefined {
    const id = this.loaded.value?.draft.id;
    if (!template || !id) return undefined;
    return safeHref(template.replaceAll('{consultationId}', encodeURIComponent(id)), document.baseURI);
  }

  /** The current instant, for the publication check; a method so that stories and tests can pin it. */
  now(): string {
    return new Date().toISOString();
  }

  /** The ETag the next save sends as `If-Match` (the version the edits were made from). */
  get etag(): string | undefined {
    return this.#etag;
  }

  /** What publishing would refuse now, checked here as the server checks it. */
  get problems(): FieldError[] {
    return consultationPublicationProblems(this.fields, this.now());
  }

  /** Whether the consultation shown is published (new version and close instead of autosave and publish). */
  get published(): boolean {
    return this.loaded.value?.draft.state === 'published';
  }

  /** The text as edited: its sections and articles. */
  get sections(): EditedSection[] {
    return this.fields.text?.sections ?? [];
  }

  /** The text of the current published version, as the public reads it (each article with its contributions). */
  get publishedSections(): EditedSection[] {
    return editableSections(this.loaded.value?.consultation?.text?.sections ?? []);
  }

  /** How many contributions an article of the published text has (0 for a draft). */
  contributionsOn(articleId: string): number {
    for (const section of this.loaded.value?.consultation?.text?.sections ?? [])
      for (const article of section.articles)
        if (article.id === articleId) return article.contributionCount ?? 0;
    return 0;
  }

  /** Replaces the text's sections (kept on the device at once, like every edit). */
  setSections(sections: EditedSection[]): void {
    this.edit('text', { ...(this.fields.text ?? {}), sections });
  }

  /** Changes what the import box holds; the pasted text is kept for the tab's life. */
  setPaste(change: Partial<PasteState>): void {
    this.paste = { ...this.paste, ...change };
    if (change.text !== undefined) {
      this.importError = undefined;
      const id = this.loaded.value?.draft.id;
      if (id) writePasted(id, change.text);
    }
  }

  /**
   * Replaces one field with `value` (`undefined` clears it): kept on the device at once, sent to the server
   * after a pause (a published consultation's text waits for a new version).
   */
  edit<K extends keyof Fields>(name: K, value: Fields[K] | undefined): void {
    const fields = { ...this.fields };
    if (value === undefined) delete fields[name];
    else fields[name] = value;
    this.fields = fields;
    this.dirty.add(name);
    // What the server refused at the last publication was about the fields as they stood then.
    this.serverProblems = undefined;
    this.saveState = 'device';
    this.#persist();
    if (!this.published) this.#schedule();
  }

  #persist(): void {
    const id = this.loaded.value?.draft.id;
    if (!id) return;
    writeConsultationDraft(
      consultationDraftKey(id),
      this.dirty.size
        ? { fields: this.fields as Record<string, unknown>, dirty: [...this.dirty], etag: this.#etag }
        : undefined,
    );
  }

  /** Forgets what the device keeps of the draft shown (after it was published or a version went out). @internal */
  forgetLocal(): void {
    const id = this.loaded.value?.draft.id;
    if (id) writeConsultationDraft(consultationDraftKey(id), undefined);
    this.dirty = new Set();
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.save();
    }, this.autosaveDelay);
  }

  /** Saves the edited fields; resolves when the server has them (or could not). */
  save(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#saving)
      return this.#saving.then(() => (this.dirty.size && !this.conflict ? this.save() : undefined));
    this.#saving = this.#save().finally(() => {
      this.#saving = undefined;
    });
    return this.#saving;
  }

  async #save(): Promise<void> {
    const client = this.resolvedClient;
    const loaded = this.loaded.value;
    if (!client || !loaded || this.published || this.conflict || this.dirty.size === 0) return;
    const patch = new Map<keyof Fields, unknown>();
    /** Fields sent as typed now: once saved, they are no longer dirty (a half-written text stays so). */
    const whole = new Map<keyof Fields, string>();
    for (const name of this.dirty) {
      const value = this.fields[name];
      if (name === 'text' && value) {
        const { text, complete } = sendableText(value as NonNullable<Fields['text']>);
        patch.set(name, text);
        if (complete) whole.set(name, JSON.stringify(value));
      } else {
        patch.set(name, value ?? null);
        whole.set(name, JSON.stringify(value ?? null));
      }
    }
    this.saveState = 'saving';
    try {
      const { data, etag } = await client.transport.opWithEtag(
        updateConsultationDraftRef,
        { params: { consultationId: loaded.draft.id }, body: Object.fromEntries(patch) as never },
        { ifMatch: this.#etag ?? '*' },
      );
      this.#etag = etag;
      // Fields typed again while the save was in flight stay dirty; the others take the server's copy (new
      // articles and sections get their ids there).
      const fields: Record<string, unknown> = { ...this.fields };
      for (const [name, sent] of whole)
        if (JSON.stringify(this.fields[name] ?? null) === sent) {
          this.dirty.delete(name);
          fields[name] = data.fields[name];
        }
      this.fields = fields as Fields;
      this.loaded.set({ ...loaded, draft: data, etag });
      this.saveState = this.dirty.size ? 'device' : 'saved';
      this.#persist();
      this.emit<NassijConsultationSavedDetail>('nassij-consultation-saved', {
        consultationId: data.id,
        revision: data.revision,
      });
    } catch (error) {
      this.saveState = 'device';
      if (isConflictError(error, updateConsultationDraftRef)) {
        // Someone saved a newer version: nothing is overwritten and nothing typed here is dropped.
        this.conflict = { current: error.current, etag: error.etag };
        this.announcer.announce(this.t('co.conflict.title'));
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#co-conflict')?.focus();
      } else this.actionError = this.reportFailure(error);
    }
  }

  /** Settles a conflict: keep this text (saved over the newer version) or take the newer version. */
  async resolveConflict(choice: 'mine' | 'theirs'): Promise<void> {
    const conflict = this.conflict;
    const loaded = this.loaded.value;
    if (!conflict || !loaded) return;
    if (choice === 'theirs' && conflict.current) {
      writeConsultationDraft(consultationDraftKey(loaded.draft.id), undefined);
      const next = { draft: conflict.current, etag: conflict.etag };
      this.loaded.set(next);
      this.#adopt(next);
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
        client.transport.opWithEtag(createConsultationDraftRef, { body: {} }),
        formView.load(),
        textView.load(),
      ]);
      const value = { draft: data, etag };
      this.loaded.set(value);
      this.#adopt(value);
      this.consultationId = data.id;
      this.draftId = undefined;
      this.emit<NassijConsultationDraftDetail>('nassij-consultation-created', { consultationId: data.id });
      this.announcer.announce(this.t('co.created'));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#f-title-ar')?.focus();
    } catch (error) {
      this.actionError = this.reportFailure(error);
    } finally {
      this.busy = false;
    }
  }

  /** Opens a consultation of the list (its draft). */
  async open(consultationId: string): Promise<void> {
    this.draftId = undefined;
    this.consultationId = consultationId;
    await this.updateComplete;
    await this.load();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#co-title')?.focus();
  }

  /** Back to the organisation's list (what is typed stays on the device, and is sent first). */
  async backToList(): Promise<void> {
    if (this.#timer) await this.save();
    this.draftId = undefined;
    this.consultationId = undefined;
    this.showErrors = false;
    this.panel = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#co-title')?.focus();
  }

  /** Moves focus to the field a problem names (the error summary's links). */
  async focusProblem(pointer: string): Promise<void> {
    await this.updateComplete;
    focusAnchor(this.renderRoot, pointer);
  }

  /** Moves focus to the error summary (after a refused publication). */
  async focusSummary(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#co-summary')?.focus();
  }

  /** Sets an action's state before it runs. @internal */
  begin(): void {
    this.busy = true;
    this.actionError = undefined;
    this.serverProblems = undefined;
  }

  /** Takes a consultation's new state after an action, reloading its draft and public page. @internal */
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
    const open = Boolean(this.#id);
    const heading = open && this.published ? 'co.title.published' : open ? 'co.title' : 'co.list.title';
    return html`${this.announcer.region()}
      <section aria-labelledby="co-title" class="editor">
        <h2 id="co-title" tabindex="-1">${this.t(heading)}</h2>
        ${open ? this.#renderOpen() : this.#renderList()}
      </section>`;
  }

  #renderList(): unknown {
    return this.#signIn.around(this.listing, this.t('co.signIn'), {
      lines: 4,
      ready: (listing) => html`<p class="hint">${this.t('co.list.intro')}</p>
        <p class="form-actions">
          <button class="nassij-button new-consultation" part="button" type="button" ?disabled=${this.busy}
            @click=${() => this.create()}>${this.t('co.new')}</button>
        </p>
        ${this.actionError ? html`<p class="field-error" role="alert">${errorMessage(this, this.actionError)}</p>` : nothing}
        ${
          listing.items.length === 0
            ? html`<p class="muted" role="status">${this.t('co.list.empty')}</p>`
            : html`<ul class="consultations">${listing.items.map((item) => this.#renderItem(item))}</ul>`
        }
        ${
          listing.cursor
            ? html`<p><button class="nassij-button more" data-variant="secondary" part="button" type="button"
              ?disabled=${this.busy} @click=${() => this.more()}>${this.t('co.list.more')}</button></p>`
            : nothing
        }`,
    });
  }

  #renderItem(item: ManagedConsultation): TemplateResult {
    const title = plain(this.locale, item.title) || this.t('co.untitled');
    const contributions = item.contributions;
    return html`<li class="consultation" data-consultation=${item.id} data-state=${item.state}>
      <h3>${item.title ? text(this, item.title) : this.t('co.untitled')}</h3>
      <p class="status-line">
        <span class="badge">${this.t(item.state === 'draft' ? 'status.draft' : 'status.published')}</span>
        ${item.phase ? html`<span class="badge phase" data-phase=${item.phase}>${this.t(`co.phase.${item.phase}`)}</span>` : nothing}
        ${item.reference ? html`<span dir="ltr">${item.reference}</span>` : nothing}
        ${item.state === 'draft' ? html`<span>${this.t('co.list.problems', { count: item.problemCount })}</span>` : nothing}
        ${contributions ? html`<span>${this.t('co.list.contributions', { count: contributions.published })}</span>` : nothing}
        ${contributions?.pending ? html`<span>${this.t('co.list.pending', { count: contributions.pending })}</span>` : nothing}
      </p>
      <p><button class="nassij-button small open" data-variant="secondary" part="button" type="button"
        @click=${() => this.open(item.id)}>${this.t('co.list.open', { title })}</button></p>
    </li>`;
  }

  #renderOpen(): unknown {
    return this.#signIn.around(this.loaded, this.t('co.signIn'), {
      lines: 6,
      ready: (loaded) => this.#renderLoaded(loaded),
    });
  }

  #renderLoaded(loaded: LoadedConsultation): TemplateResult {
    const form = this.#view(formView);
    const editor = this.#view(textView);
    const published = this.published ? this.#view(publishedView) : undefined;
    if (!form || !editor || (this.published && !published)) return renderLoading(this, { lines: 6 });
    const problems = this.serverProblems ?? this.problems;
    const shown = this.showErrors ? problems : [];
    return html`<p><button class="nassij-button small back" data-variant="secondary" part="button" type="button"
        @click=${() => this.backToList()}>${this.t('co.list.back')}</button></p>
      ${this.#renderStatus(loaded)} ${this.#renderConflict()}
      ${published ? published.renderSummary(this, loaded) : this.#renderSummary(problems)}
      <form class="sections" novalidate @submit=${(event: Event) => event.preventDefault()}>
        ${published ? nothing : form.renderForm(this, shown)}
        ${editor.renderText(this, shown)}
      </form>
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

  #renderStatus(loaded: LoadedConsultation): TemplateResult {
    const { draft, consultation } = loaded;
    const saved = this.published
      ? this.t('co.save.version')
      : this.saveState === 'saving'
        ? this.t('co.save.saving')
        : this.saveState === 'device'
          ? this.t('co.save.device')
          : this.t('co.save.saved', { time: this.fmt.time(draft.updatedAt) });
    return html`<p class="status-line">
      <span class="badge">${this.t(draft.state === 'draft' ? 'status.draft' : 'status.published')}</span>
      ${consultation ? html`<span class="badge phase" data-phase=${consultation.phase}>${this.t(`co.phase.${consultation.phase}`)}</span> <span dir="ltr">${consultation.reference}</span>` : nothing}
      ${this.published && !this.dirty.size ? nothing : html`<span class="save-state" data-state=${this.saveState}>${saved}</span>`}
    </p>`;
  }

  #renderConflict(): unknown {
    if (!this.conflict) return nothing;
    return html`<div class="conflict" id="co-conflict" role="alert" tabindex="-1">
      <h3>${this.t('co.conflict.title')}</h3>
      <p>${this.t('co.conflict.body')}</p>
      <p class="form-actions">
        <button class="nassij-button keep-mine" part="button" type="button"
          @click=${() => this.resolveConflict('mine')}>${this.t('co.conflict.mine')}</button>
        ${
          this.conflict.current
            ? html`<button class="nassij-button take-theirs" data-variant="secondary" part="button" type="button"
              @click=${() => this.resolveConflict('theirs')}>${this.t('co.conflict.theirs')}</button>`
            : nothing
        }
      </p>
    </div>`;
  }

  /** The GOV.UK error summary: what publishing would refuse, each linking to its field. @internal */
  renderProblemList(problems: readonly FieldError[]): TemplateResult {
    return html`<ul>
      ${problems.map(
        (
          problem,
        ) => html`<li><a href="#${anchorId(undefined, problem.path) ?? 'co-title'}" data-problem=${problem.path}
          @click=${(event: Event) => {
            event.preventDefault();
            void this.focusProblem(problem.path);
          }}>${problemLabel(this, problem, this.fields)}</a></li>`,
      )}
    </ul>`;
  }

  #renderSummary(problems: FieldError[]): unknown {
    if (problems.length === 0)
      return html`<p class="ready" id="co-summary" tabindex="-1">${this.t('co.ready')}</p>`;
    return html`<div class="error-summary" id="co-summary" tabindex="-1" aria-labelledby="co-summary-h"
        role=${this.showErrors ? 'alert' : nothing}>
      <h3 id="co-summary-h">${this.t('co.summary.title', { count: problems.length })}</h3>
      ${this.renderProblemList(problems)}
    </div>`;
  }

  #renderPublish(): TemplateResult {
    return html`<div class="actions">
      <button class="nassij-button publish" part="button" type="button" ?disabled=${this.busy}
        @click=${() => import('./actions.js').then((actions) => actions.publish(this))}>${this.t('co.publish')}</button>
      ${this.actionError ? html`<p class="field-error" role="alert">${errorMessage(this, this.actionError)}</p>` : nothing}
    </div>`;
  }
}

/** `detail` of `nassij-consultation-created`. */
export interface NassijConsultationDraftDetail {
  consultationId: string;
}
/** `detail` of `nassij-consultation-saved`. */
export interface NassijConsultationSavedDetail {
  consultationId: string;
  revision: number;
}
/** `detail` of `nassij-consultation-published`. */
export interface NassijConsultationPublishedDetail {
  consultationId: string;
  reference: string;
}
/** `detail` of `nassij-consultation-version-published`. */
export interface NassijConsultationVersionDetail {
  consultationId: string;
  versionId: string;
}
/** `detail` of `nassij-consultation-closed`. */
export interface NassijConsultationClosedDetail {
  consultationId: string;
}

/**
 * The events `<nassij-consultation-editor>` fires; all bubble out of shadow roots (composed).
 *
 * @example
 * ```ts
 * editor.addEventListener('nassij-consultation-published', (event) => location.assign(`/consultations/${event.detail.consultationId}`));
 * ```
 */
export interface NassijConsultationEditorEventMap {
  'nassij-consultation-created': CustomEvent<NassijConsultationDraftDetail>;
  'nassij-consultation-saved': CustomEvent<NassijConsultationSavedDetail>;
  'nassij-consultation-published': CustomEvent<NassijConsultationPublishedDetail>;
  'nassij-consultation-version-published': CustomEvent<NassijConsultationVersionDetail>;
  'nassij-consultation-closed': CustomEvent<NassijConsultationClosedDetail>;
}

declare global {
  // The tag as the self-registering entry defines it; declared here so the class alone brings the type.
  interface HTMLElementTagNameMap {
    'nassij-consultation-editor': NassijConsultationEditor;
  }
  interface GlobalEventHandlersEventMap extends NassijConsultationEditorEventMap {}
}
