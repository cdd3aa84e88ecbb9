import {
  type Consultation,
  type FieldError,
  getSynthesisDraftRef,
  listSynthesisCandidateGroupsRef,
  listSynthesisCandidatesRef,
  type SynthesisDraft,
  updateSynthesisDraftRef,
} from '@nassij/contract';
import { isConflictError } from '@nassij/sdk';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { BaseClient } from '../base/client.js';
import { NassijElement } from '../base/nassij-element.js';
import { ResourceController } from '../base/resource.js';
import { SignInController } from '../base/sign-in.js';
import { errorMessage, LiveAnnouncer, lazy, OnlineController, renderLoading } from '../base/states.js';
import { readStored, writeStored } from '../base/storage.js';
import { fetchConsultation } from '../consultation/loads.js';
import {
  anchorOf,
  bodyOf,
  type EditedSynthesis,
  editedOf,
  hasMore,
  type LoadedCandidateGroup,
  type LoadedCandidates,
  missingOf,
} from './model.js';
import { synthesisEditorMessages } from './synthesis-editor.messages.js';
import { synthesisEditorStyles } from './synthesis-editor.styles.js';

// The rows, the preview and the published page (with the public synthesis template) are imported with the
// data they show, in parallel with its requests: the first paint (sign-in, loading) needs none of them.
const draftView = lazy(() => import('./views/draft.js'));

/** Failures of a save that only mean the platform is out of reach for now (the text waits on the device). */
const OFFLINE_CODES = new Set(['network_error', 'timeout', 'offline']);

/**
 * Groups whose first page loads with the editor. A law has hundreds of articles: the others show their
 * count and load on demand ("Show more"), so that opening the editor costs a few requests, not hundreds.
 */
const INITIAL_GROUPS = 10;

/** What the editor loads for a consultation: the consultation, what to answer, the draft and its ETag. */
export interface LoadedSynthesis {
  consultation: Consultation;
  /** Every group with its count; the candidates of the pages loaded so far. */
  candidates: LoadedCandidates;
  draft: SynthesisDraft;
  etag: string | undefined;
}

/** Where the autosave stands: nothing typed, sending, on the server, or only on this device. */
export type SynthesisSaveState = 'idle' | 'saving' | 'saved' | 'device';

/** What the editor keeps on the device while its edits are not all on the server. */
interface DeviceCopy {
  fields: EditedSynthesis;
  etag?: string | undefined;
}

/**
 * The storage key of a consultation's unsaved synthesis.
 *
 * @example
 * ```ts
 * synthesisDraftKey('cons_0006'); // 'nassij:synthesis-draft:cons_0006'
 * ```
 */
export function synthesisDraftKey(consultationId: string): string {
  return `nassij:synthesis-draft:${consultationId}`;
}

/**
 * `<nassij-synthesis-editor consultation-id="ID">`: the staff of the organisation holding a consultation write
 * its synthesis, the "you said, we did" page. The recommendations and amendments are listed by article, most
 * supported first, each with its words, its supports and the version it was written on. Each article says how
 * many it has and loads them a page at a time (`page-size`, 20 by default; "Show more" moves focus to the
 * first row it brings), so that a national consultation's tens of thousands never load at once: the draft
 * is saved whole with the decisions of rows not loaded, and publishing checks every row on the platform. The
 * manager gives each an outcome (accepted, partly accepted, not retained, out of scope) and a public reason in
 * Arabic and French (Tamazight and English optional), writes the overall summary and a summary per article,
 * previews the public page exactly as `<nassij-consultation>` will show it (the rows loaded so far), and
 * publishes once contributions are closed.
 *
 * Every edit is kept on the device at once and saved after a pause with `If-Match`: when someone else saved
 * meanwhile, the editor says the synthesis changed elsewhere and keeps every word typed here. Publishing is
 * refused while an outcome or a reason is missing: an error summary names each one and its link moves focus
 * to that row.
 *
 * A page that names the consultation in its address (`/synthesis/?consultation=cons_0042`, linked from
 * `<nassij-consultation-editor synthesis-href>`) sets `consultation-id-param="consultation"`: the editor reads
 * the id from that query parameter, so that the page needs no script of its own (a strict
 * `script-src 'self'` stays as is). An explicit `consultation-id` wins; a value that is not an id is ignored.
 *
 * @tagname nassij-synthesis-editor
 * @fires {CustomEvent<NassijSynthesisSavedDetail>} nassij-synthesis-saved - The draft was saved; `detail: { consultationId, revision }`.
 * @fires {CustomEvent<NassijSynthesisPublishedDetail>} nassij-synthesis-published - The synthesis was published; `detail: { consultationId }`.
 * @fires {CustomEvent<NassijErrorDetail>} nassij-error - A load, a save or the publication failed; `detail: { code }`.
 * @csspart button - Every action button.
 * @csspart preview - The preview of the public page.
 *
 * @example
 * ```html
 * <nassij-synthesis-editor api-base="https://platform.example/api" consultation-id="cons_0006"></nassij-synthesis-editor>
 * <!-- or, on a page reached as /synthesis/?consultation=cons_0006: -->
 * <nassij-synthesis-editor api-base="/" consultation-id-param="consultation"></nassij-synthesis-editor>
 * ```
 */
export class NassijSynthesisEditor extends NassijElement {
  static override properties = {
    consultationId: { attribute: 'consultation-id', reflect: true },
    consultationIdParam: { attribute: 'consultation-id-param' },
    autosaveDelay: { attribute: 'autosave-delay', type: Number },
    pageSize: { attribute: 'page-size', type: Number },
    fields: { state: true },
    saveState: { state: true },
    conflict: { state: true },
    showErrors: { state: true },
    serverProblems: { state: true },
    actionError: { state: true },
    busy: { state: true },
    previewOpen: { state: true },
    loadingGroups: { state: true },
  };
  static override messages = synthesisEditorMessages;
  /** The element's styles: the shared tokens and base styles, then its own. */
  static override styles = synthesisEditorStyles;

  /** The consultation whose synthesis is written (`consultation-id`). */
  declare consultationId: string | undefined;
  /**
   * The query parameter of the page's address that names the consultation (`consultation-id-param`), read
   * when `consultation-id` is not set.
   */
  declare consultationIdParam: string | undefined;
  /** Milliseconds of quiet before an edit is sent to the server (`autosave-delay`, default 800). */
  declare autosaveDelay: number;
  /**
   * Candidates per page of a group (`page-size`, 1 to 100, default 20): a screenful to answer, a short wait
   * on a slow connection.
   */
  declare pageSize: number;
  /** The synthesis as the manager sees it (saved or not). */
  declare fields: EditedSynthesis;
  declare saveState: SynthesisSaveState;
  /** Set when a save met a newer draft: that draft and its ETag; the manager's text stays. */
  declare conflict: { current: SynthesisDraft | undefined; etag: string | undefined } | undefined;
  /** Whether what is missing shows at each row (after a publish attempt). */
  declare showErrors: boolean;
  /** What the server refused at the last publish attempt, when it named fields. */
  declare serverProblems: FieldError[] | undefined;
  /** The code of the last failed publication. */
  declare actionError: string | undefined;
  declare busy: boolean;
  /** Whether the preview of the public page is shown. */
  declare previewOpen: boolean;
  /** The groups (article ids, `''` for the whole text) whose next page is being fetched. */
  declare loadingGroups: ReadonlySet<string>;

  /** @internal */
  readonly announcer = new LiveAnnouncer(this);
  /** @internal The connection came back: what waits on the device is saved. */
  readonly online = new OnlineController(this, (online) => {
    if (online && this.dirty) void this.save();
  });
  /** Whether edits wait to be saved on the server. */
  dirty = false;
  #etag: string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #saving: Promise<void> | undefined;
  #clientChanged = false;
  /** @internal */
  readonly loaded = new ResourceController<LoadedSynthesis>(this, {
    load: (signal) => this.#load(signal),
    onValue: (value) => this.#adopt(value),
    keepValueOnError: false,
  });
  #signIn = new SignInController(this, { signedIn: () => this.#afterSignIn() });

  constructor() {
    super();
    this.autosaveDelay = 800;
    this.pageSize = 20;
    this.fields = { summary: {}, reportUrl: '', articles: {}, decisions: {} };
    this.saveState = 'idle';
    this.showErrors = false;
    this.busy = false;
    this.previewOpen = false;
    this.loadingGroups = new Set();
  }

  protected override clientChanged(_client: BaseClient | undefined): void {
    this.#clientChanged = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const fromPage = changed.has('consultationIdParam') && !this.consultationId && this.#idFromPage();
    if (fromPage) this.consultationId = fromPage;
    if (this.#clientChanged || changed.has('consultationId') || fromPage) {
      this.#clientChanged = false;
      void this.load();
    }
  }

  /** The consultation id the page's address gives in `consultation-id-param`, if it looks like an id. */
  #idFromPage(): string | undefined {
    const param = this.consultationIdParam;
    const value = param ? new URLSearchParams(globalThis.location?.search ?? '').get(param) : null;
    // Only an id reaches the API's path: anything else in the address is ignored.
    return value && /^[a-z]+_[0-9a-z]+$/i.test(value) ? value : undefined;
  }

  /** Loads the consultation named by `consultation-id`. Without a signed-in account it offers sign-in. */
  async load(): Promise<void> {
    if (!this.resolvedClient) return;
    if (this.#signIn.offered(undefined)) {
      this.loaded.abort();
      return;
    }
    if (!this.consultationId) return;
    await this.loaded.run();
  }

  async #load(signal: AbortSignal): Promise<LoadedSynthesis> {
    const client = this.resolvedClient!;
    const consultationId = this.consultationId!;
    const params = { consultationId };
    const [consultation, { total, groups }, { data: draft, etag }] = await Promise.all([
      fetchConsultation(client, consultationId, signal),
      client.request(listSynthesisCandidateGroupsRef, { params, signal }),
      client.transport.opWithEtag(getSynthesisDraftRef, { params }, { signal }),
      draftView.load(),
    ]);
    const empty = groups.map(
      (group): LoadedCandidateGroup => ({ ...group, candidates: [], nextCursor: undefined }),
    );
    const first = await Promise.all(
      empty.slice(0, INITIAL_GROUPS).map((group) => this.#nextPage(consultationId, group, signal)),
    );
    return {
      consultation,
      candidates: { total, groups: [...first, ...empty.slice(INITIAL_GROUPS)] },
      draft,
      etag,
    };
  }

  /** The group with its next page of candidates appended. */
  async #nextPage(
    consultationId: string,
    group: LoadedCandidateGroup,
    signal?: AbortSignal,
    limit = Math.min(100, Math.max(1, Math.trunc(this.pageSize) || 20)),
  ): Promise<LoadedCandidateGroup> {
    const page = await this.resolvedClient!.request(listSynthesisCandidatesRef, {
      params: { consultationId },
      query: {
        ...(group.articleId === null ? { wholeText: true } : { articleId: group.articleId }),
        limit,
        ...(group.nextCursor ? { cursor: group.nextCursor } : {}),
      },
      ...(signal ? { signal } : {}),
    });
    return {
      ...group,
      // A candidate moved up by new supports meanwhile could come again: it is shown once.
      candidates: [
        ...group.candidates,
        ...page.items.filter((c) => !group.candidates.some((d) => d.contributionId === c.contributionId)),
      ],
      nextCursor: page.nextCursor,
      // The count as it stands now (contributions may still be moderated).
      count: page.total ?? group.count,
    };
  }

  /**
   * Loads the next page of a group's candidates (the whole text is `null`) and moves focus to the first
   * row it brings, so that a keyboard user carries on where the list grew.
   *
   * @example
   * ```ts
   * await editor.loadMore('art_3f2a9c01b2d4');
   * ```
   */
  async loadMore(articleId: string | null, options: { focus?: boolean; limit?: number } = {}): Promise<void> {
    const loaded = this.loaded.value;
    const key = articleId ?? '';
    const group = loaded?.candidates.groups.find((g) => g.articleId === articleId);
    if (!loaded || !group || !hasMore(group) || this.loadingGroups.has(key)) return;
    this.loadingGroups = new Set([...this.loadingGroups, key]);
    try {
      const next = await this.#nextPage(loaded.consultation.id, group, undefined, options.limit);
      const current = this.loaded.value ?? loaded;
      this.loaded.set({
        ...current,
        candidates: {
          ...current.candidates,
          groups: current.candidates.groups.map((g) => (g.articleId === articleId ? next : g)),
        },
      });
      const added = next.candidates.slice(group.candidates.length);
      this.announcer.announce(this.t('se.more.loaded', { count: added.length }));
      if (options.focus !== false && added[0]) {
        await this.updateComplete;
        this.renderRoot
          .querySelector<HTMLElement>(`#${CSS.escape(`se-${added[0].contributionId}-outcome`)}`)
          ?.focus();
      }
    } catch (error) {
      this.actionError = this.reportFailure(error);
    } finally {
      const left = new Set(this.loadingGroups);
      left.delete(key);
      this.loadingGroups = left;
    }
  }

  /** Takes a loaded draft: the device's unsaved edits of it (if any) go over the server's. */
  #adopt({ draft, etag }: LoadedSynthesis): void {
    this.#etag = etag;
    this.fields = editedOf(draft);
    this.dirty = false;
    this.conflict = undefined;
    this.serverProblems = undefined;
    this.saveState = draft.revision > 0 ? 'saved' : 'idle';
    if (draft.publishedAt) return;
    const local = readStored<DeviceCopy>(synthesisDraftKey(draft.consultationId));
    if (local && typeof local.fields === 'object' && local.fields !== null) {
      this.fields = local.fields;
      // The edits were made from the version of that ETag: a save with it tells whether it is still current.
      this.#etag = local.etag ?? etag;
      this.dirty = true;
      this.saveState = 'device';
      this.#schedule();
    }
  }

  /** The ETag the next save sends as `If-Match` (the version the edits were made from). */
  get etag(): string | undefined {
    return this.#etag;
  }

  /** Whether the synthesis shown is published (read only). */
  get published(): boolean {
    const loaded = this.loaded.value;
    return Boolean(loaded?.draft.publishedAt || loaded?.consultation.synthesis);
  }

  /** What publishing would refuse now: what the server said at the last attempt, else the same check here. */
  get problems(): FieldError[] {
    const loaded = this.loaded.value;
    if (this.serverProblems) return this.serverProblems;
    return loaded ? missingOf(this.fields, loaded.candidates, loaded.draft.problems) : [];
  }

  /**
   * Replaces the synthesis being written with `fields`: kept on the device at once, sent to the server
   * after a pause.
   *
   * @example
   * ```ts
   * editor.edit({ ...editor.fields, summary: { ar: 'تلقت الوزارة 958 مساهمة' } });
   * ```
   */
  edit(fields: EditedSynthesis): void {
    if (this.published) return;
    this.fields = fields;
    this.dirty = true;
    // What the server refused is stale once the manager changes something; the check here takes over.
    this.serverProblems = undefined;
    this.#persist();
    this.saveState = 'device';
    this.#schedule();
  }

  #persist(): void {
    const id = this.loaded.value?.consultation.id;
    if (!id) return;
    writeStored(synthesisDraftKey(id), this.dirty ? { fields: this.fields, etag: this.#etag } : undefined);
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.save();
    }, this.autosaveDelay);
  }

  /** Saves what is typed; resolves when the server has it (or could not take it). */
  save(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#saving)
      return this.#saving.then(() => (this.dirty && !this.conflict ? this.save() : undefined));
    this.#saving = this.#save().finally(() => {
      this.#saving = undefined;
    });
    return this.#saving;
  }

  async #save(): Promise<void> {
    const client = this.resolvedClient;
    const loaded = this.loaded.value;
    if (!client || !loaded || this.published || this.conflict || !this.dirty) return;
    const sent = this.fields;
    this.saveState = 'saving';
    try {
      const { data, etag } = await client.transport.opWithEtag(
        updateSynthesisDraftRef,
        { params: { consultationId: loaded.consultation.id }, body: bodyOf(sent) },
        { ifMatch: this.#etag ?? '*' },
      );
      this.#etag = etag;
      // Typed again while the save was in flight: still to be saved.
      if (this.fields === sent) this.dirty = false;
      // Pages loaded while the save was in flight stay.
      this.loaded.set({ ...(this.loaded.value ?? loaded), draft: data, etag });
      this.saveState = this.dirty ? 'device' : 'saved';
      this.#persist();
      this.emit<NassijSynthesisSavedDetail>('nassij-synthesis-saved', {
        consultationId: data.consultationId,
        revision: data.revision,
      });
    } catch (error) {
      this.saveState = 'device';
      if (isConflictError(error, updateSynthesisDraftRef)) {
        // Someone saved a newer draft: nothing is overwritten and nothing typed here is dropped.
        this.conflict = { current: error.current, etag: error.etag };
        this.announcer.announce(this.t('se.conflict.title'));
        await this.updateComplete;
        // Someone typing keeps their place (the alert is read out); otherwise focus goes to the choice.
        const active = (this.renderRoot as ShadowRoot).activeElement;
        if (!active?.matches('textarea, input'))
          this.renderRoot.querySelector<HTMLElement>('#se-conflict')?.focus();
      } else {
        const code = this.reportFailure(error);
        // Out of reach: the status line says the text waits on this device; any other refusal is shown.
        if (!OFFLINE_CODES.has(code)) this.actionError = code;
      }
    }
  }

  /** Settles a conflict: keep this text (saved over the newer draft) or take the newer draft. */
  async resolveConflict(choice: 'mine' | 'theirs'): Promise<void> {
    const conflict = this.conflict;
    const loaded = this.loaded.value;
    if (!conflict || !loaded) return;
    this.conflict = undefined;
    if (choice === 'theirs' && conflict.current) {
      writeStored(synthesisDraftKey(loaded.consultation.id), undefined);
      const next = { ...loaded, draft: conflict.current, etag: conflict.etag };
      this.loaded.set(next);
      this.#adopt(next);
      return;
    }
    this.#etag = conflict.etag;
    this.dirty = true;
    this.#persist();
    await this.save();
  }

  /** Publishes the synthesis: saves first; while something is missing, shows what instead of sending. */
  async publish(): Promise<void> {
    const { publish } = await import('./publish.js');
    await publish(this);
  }

  /**
   * Moves focus to the control a problem names (the error summary's links). A candidate not loaded yet is
   * looked for page after page, group by group, until its row is shown.
   */
  async focusProblem(path: string): Promise<void> {
    await this.updateComplete;
    const find = () => this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(anchorOf(path))}`);
    for (;;) {
      if (find()) break;
      const group = path.startsWith('/decisions/')
        ? this.loaded.value?.candidates.groups.find(hasMore)
        : undefined;
      if (!group) break;
      const before = this.loaded.value;
      await this.loadMore(group.articleId, { focus: false, limit: 100 });
      await this.updateComplete;
      // A failed load changes nothing: stop rather than ask again.
      if (this.loaded.value === before) break;
    }
    const target = find();
    if (!target) return;
    target.closest('details')?.setAttribute('open', '');
    target.focus();
    target.scrollIntoView?.({ block: 'center' });
  }

  /** Moves focus to the error summary (after a refused publication). */
  async focusSummary(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#se-summary')?.focus();
  }

  /** Reloads the consultation, its candidates and its draft (after publishing). @internal */
  async reload(): Promise<void> {
    this.dirty = false;
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
      <section aria-labelledby="se-title" class="editor">
        <h2 id="se-title" tabindex="-1">${this.t(this.published ? 'se.title.published' : 'se.title')}</h2>
        ${this.#signIn.around(this.loaded, this.t('se.signIn'), {
          idle: () => html`<p>${this.t('se.choose')}</p>`,
          lines: 6,
          ready: (loaded) => this.#renderLoaded(loaded),
        })}
      </section>`;
  }

  #renderLoaded(loaded: LoadedSynthesis): unknown {
    const view = draftView.value;
    if (!view) {
      // A load that did not import the view (a failed import retried): import it, then render.
      draftView.load().then(
        () => this.requestUpdate(),
        (error: unknown) => this.reportFailure(error),
      );
      return renderLoading(this, { lines: 6 });
    }
    return this.published ? view.renderPublished(this, loaded) : this.#renderDraft(loaded, view);
  }

  #renderDraft(loaded: LoadedSynthesis, view: DraftView): TemplateResult {
    const { consultation, candidates } = loaded;
    const problems = this.problems;
    const total = candidates.total;
    // Counted over every candidate, loaded or not: the problems name those not loaded too.
    const missing = new Set(
      problems.filter((p) => p.path.startsWith('/decisions/')).map((p) => p.path.split('/')[2]),
    );
    const done = Math.max(0, total - missing.size);
    return html`${this.#renderStatus(loaded, done, total)} ${this.#renderPhase(consultation)}
      ${this.#renderConflict()} ${this.#renderSummary(problems, loaded, view)}
      <form class="draft" novalidate @submit=${(event: Event) => event.preventDefault()}>
        ${view.renderSummaryFields(this, this.showErrors ? problems : [])}
        ${total === 0 ? html`<p class="hint">${this.t('se.none')}</p>` : nothing}
        ${view.renderGroups(this, loaded, this.showErrors ? problems : [])}
      </form>
      ${this.#renderPreview(loaded, view)}
      <div class="actions">
        <p class="hint" id="se-publish-hint">${this.t('se.publish.hint')}</p>
        <button class="nassij-button publish" part="button" type="button" ?disabled=${this.busy}
          aria-describedby="se-publish-hint" @click=${() => this.publish()}>${this.t('se.publish')}</button>
        ${this.actionError ? html`<p class="field-error" role="alert">${errorMessage(this, this.actionError)}</p>` : nothing}
      </div>`;
  }

  #renderStatus(loaded: LoadedSynthesis, done: number, total: number): TemplateResult {
    const saved =
      this.saveState === 'saving'
        ? this.t('se.save.saving')
        : this.saveState === 'device'
          ? this.t('se.save.device')
          : loaded.draft.updatedAt
            ? this.t('se.save.saved', { time: this.fmt.time(loaded.draft.updatedAt) })
            : this.t('se.save.none');
    return html`<p class="status-line">
      <span class="badge">${loaded.consultation.reference}</span>
      <span class="progress" data-done=${done} data-total=${total}>${this.t('se.progress', { count: total, done })}</span>
      <span class="save-state" data-state=${this.saveState}>${saved}</span>
    </p>`;
  }

  #renderPhase(consultation: Consultation): unknown {
    if (consultation.phase === 'closed') return nothing;
    const before = consultation.phase === 'upcoming' || consultation.phase === 'information';
    return html`<p class="hint phase-note">${this.t(before ? 'se.phase.before' : 'se.phase.open')}</p>`;
  }

  #renderConflict(): unknown {
    if (!this.conflict) return nothing;
    return html`<div class="conflict" id="se-conflict" role="alert" tabindex="-1">
      <h3>${this.t('se.conflict.title')}</h3>
      <p>${this.t('se.conflict.body')}</p>
      <p class="form-actions">
        <button class="nassij-button keep-mine" part="button" type="button"
          @click=${() => this.resolveConflict('mine')}>${this.t('se.conflict.mine')}</button>
        ${
          this.conflict.current
            ? html`<button class="nassij-button take-theirs" data-variant="secondary" part="button" type="button"
              @click=${() => this.resolveConflict('theirs')}>${this.t('se.conflict.theirs')}</button>`
            : nothing
        }
      </p>
    </div>`;
  }

  /** The GOV.UK error summary after a publish attempt: what is missing, each linking to its row. */
  #renderSummary(problems: FieldError[], loaded: LoadedSynthesis, view: DraftView): unknown {
    if (problems.length === 0)
      return html`<p class="ready" id="se-summary" tabindex="-1">${this.t('se.ready')}</p>`;
    if (!this.showErrors) return nothing;
    return html`<div class="error-summary" id="se-summary" tabindex="-1" aria-labelledby="se-summary-h" role="alert">
      <h3 id="se-summary-h">${this.t('se.problems', { count: problems.length })}</h3>
      <ul>
        ${problems.map(
          (problem) => html`<li><a href="#${anchorOf(problem.path)}" data-problem=${problem.path}
            @click=${(event: Event) => {
              event.preventDefault();
              void this.focusProblem(problem.path);
            }}>${view.problemText(this, loaded, problem)}</a></li>`,
        )}
      </ul>
    </div>`;
  }

  #renderPreview(loaded: LoadedSynthesis, view: DraftView): TemplateResult {
    return html`<p>
        <button class="nassij-button preview-toggle" data-variant="secondary" part="button" type="button"
          aria-expanded=${this.previewOpen ? 'true' : 'false'} aria-controls="se-preview"
          @click=${() => {
            this.previewOpen = !this.previewOpen;
          }}>${this.t('se.preview.show')}</button>
      </p>
      <div class="preview" id="se-preview" part="preview" ?hidden=${!this.previewOpen}
        role="region" aria-labelledby="se-preview-h">
        <h3 id="se-preview-h" class="visually-hidden">${this.t('se.preview.title')}</h3>
        ${this.previewOpen ? view.renderPreview(this, loaded) : nothing}
      </div>`;
  }
}

/** The lazily imported view module. */
type DraftView = typeof import('./views/draft.js');

/** `detail` of `nassij-synthesis-saved`. */
export interface NassijSynthesisSavedDetail {
  consultationId: string;
  revision: number;
}
/** `detail` of `nassij-synthesis-published`. */
export interface NassijSynthesisPublishedDetail {
  consultationId: string;
}

/**
 * The events `<nassij-synthesis-editor>` fires; all bubble out of shadow roots (composed).
 *
 * @example
 * ```ts
 * editor.addEventListener('nassij-synthesis-published', (event) => location.assign(`/consultations/${event.detail.consultationId}`));
 * ```
 */
export interface NassijSynthesisEditorEventMap {
  'nassij-synthesis-saved': CustomEvent<NassijSynthesisSavedDetail>;
  'nassij-synthesis-published': CustomEvent<NassijSynthesisPublishedDetail>;
}

declare global {
  // The tag as the self-registering entry defines it; declared here so the class alone brings the type.
  interface HTMLElementTagNameMap {
    'nassij-synthesis-editor': NassijSynthesisEditor;
  }
  interface GlobalEventHandlersEventMap extends NassijSynthesisEditorEventMap {}
}
