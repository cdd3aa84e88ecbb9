import {
  type Account,
  type Consultation,
  type ConsultationStats,
  type Contribution,
  type ContributionReceipt,
  type CreateContribution,
  type DocumentVersion,
  getConsultationStatsRef,
  listContributionsRef,
  type MyAssociation,
  type Synthesis,
  type VersionDiff,
} from '@nassij/contract';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { BaseClient } from '../base/client.js';
import { NassijElement, type NassijErrorDetail } from '../base/nassij-element.js';
import { ResourceController } from '../base/resource.js';
import { LiveAnnouncer, lazy, OnlineController, renderError, renderOffline } from '../base/states.js';
import { consultationMessages } from './consultation.messages.js';
import { consultationStyles } from './consultation.styles.js';
import { DraftController } from './draft-controller.js';
import {
  fetchConsultation,
  fetchSince,
  fetchVersion,
  fetchWho,
  type VersionView,
  type Who,
} from './loads.js';
import { type FormState, type Kind, type Sort, versionName } from './model.js';
import { OutboxController } from './outbox-controller.js';
import type { OutboxEntry } from './storage.js';
import { renderHeader } from './views/header.js';
import { renderOutbox, renderReceipt } from './views/notices.js';
import { renderQuestions } from './views/questions.js';
import { renderText } from './views/text.js';

/** The detail view (an article, its contributions, the contribution form), imported when an article opens. */
const detailView = lazy(() => import('./views/detail.js'));
/** The published synthesis, imported once a consultation says it has one. */
const synthesisView = lazy(() => import('./views/synthesis.js'));

/** How often participation figures are refreshed while the element is on the page. */
const STATS_EVERY_MS = 60_000;

/**
 * `<nassij-consultation consultation="ID">`: a public consultation inside any page. Readers see who
 * consults, the phases, live participation figures, and the text article by article in each version with
 * what changed; they read and support contributions (and withdraw a support), report abuse, and
 * contribute (comment, recommendation, amendment, answers to questions) with the identity the consultation
 * asks for. Drafts survive a reload; a contribution sent offline waits in an outbox and is sent exactly
 * once when the connection returns. Once the synthesis is published it shows what became of every
 * recommendation.
 *
 * Data mode: set `data` (a `Consultation` with `text`), and optionally `contributions`, `diff`,
 * `synthesis`. Client mode: `api-base`, `client` or a `<nassij-provider>`.
 *
 * @tagname nassij-consultation
 * @fires {CustomEvent<NassijArticleOpenDetail>} nassij-article-open - An article was opened; `detail: { articleId }`.
 * @fires {CustomEvent<NassijContributeDetail>} nassij-contribute - The platform stored a contribution; `detail`: the `ContributionReceipt`.
 * @fires {CustomEvent<NassijErrorDetail>} nassij-error - A load, a contribution, a support or its withdrawal, a report or the sign-in failed; `detail: { code }`.
 * @fires {CustomEvent<NassijContributionQueueDetail>} nassij-contribution-queue - A contribution waits in the outbox, to be sent when the connection returns; `detail: { key }` (and `body` in data mode, where the page sends it).
 * @cssprop --nassij-consultation-gap - Space between blocks.
 * @cssprop --nassij-consultation-mark-added - Background of the "added" mark.
 * @cssprop --nassij-consultation-mark-modified - Background of the "modified" mark.
 * @cssprop --nassij-consultation-diff-added - Colour of words a newer text or an amendment adds (underlined).
 * @cssprop --nassij-consultation-diff-removed - Colour of words it removes (struck through).
 * @csspart header - The consultation header.
 * @csspart article - Each article of the text.
 * @csspart contribution - Each contribution.
 * @csspart form - The contribution form.
 * @csspart receipt - The receipt shown after contributing.
 * @csspart button - Buttons.
 * @csspart calendar-link - The "add the phases to my calendar" link (client mode).
 *
 * @example
 * ```html
 * <script type="module" src="https://cdn.example/nassij/cdn/nassij.js"></script>
 * <nassij-consultation api-base="https://platform.example/api" consultation="cons_0002"></nassij-consultation>
 * ```
 */
export class NassijConsultation extends NassijElement {
  static override properties = {
    consultationId: { attribute: 'consultation' },
    data: { attribute: false },
    contributions: { attribute: false },
    diff: { attribute: false },
    synthesis: { attribute: false },
    outbox: { attribute: false },
    receipt: { attribute: false },
    versionId: { state: true },
    versionText: { state: true },
    articleId: { state: true },
    sort: { state: true },
    form: { state: true },
    formError: { state: true },
    fieldErrors: { state: true },
    errorForm: { state: true },
    actionError: { state: true },
    reporting: { state: true },
    busy: { state: true },
    since: { state: true },
  };
  static override messages = consultationMessages;
  /** The element's styles: the shared tokens and base styles, then its own. */
  static override styles = consultationStyles;

  /** Id or public reference of the consultation (`consultation` attribute). */
  declare consultationId: string | undefined;
  /** Changes of the shown version against the previous one. */
  declare diff: VersionDiff | undefined;
  /** The published synthesis. */
  declare synthesis: Synthesis | undefined;
  /** Contributions of this consultation waiting to be sent. */
  declare outbox: OutboxEntry[];
  /** The receipt of the last stored contribution. */
  declare receipt: ContributionReceipt | undefined;
  declare versionId: string | undefined;
  declare versionText: DocumentVersion | undefined;
  /** The open article; `null` for the contributions on the whole text; `undefined` shows the text. */
  declare articleId: string | null | undefined;
  declare sort: Sort;
  declare form: FormState | undefined;
  declare formError: string | undefined;
  /** Errors of the last submitted form only ({@link errorForm}): the other forms stay as they are. */
  declare fieldErrors: Record<string, string>;
  declare errorForm: string | undefined;
  declare actionError: { id: string; code: string } | undefined;
  declare reporting: string | undefined;
  declare busy: boolean;
  /**
   * @internal The current version compared with each older version that contributions shown were written
   * on, by that version's id (client mode; in data mode the page's `diff` serves when it compares them).
   */
  declare since: ReadonlyMap<string, VersionDiff>;

  /** @internal */
  readonly announcer = new LiveAnnouncer(this);
  /** @internal */
  readonly online = new OnlineController(this, (online) => {
    if (online) this.flushOutbox();
  });
  /** @internal */
  readonly drafts = new DraftController(this);
  /** @internal */
  readonly outboxes = new OutboxController(this);
  readonly #consultation = new ResourceController<Consultation>(this, {
    // A published synthesis: its view is requested with the synthesis, not after it.
    load: (signal) =>
      fetchConsultation(this.#client(), this.consultationId ?? '', signal, () => this.#loadSynthesis()),
    onValue: (data) => {
      // Another consultation: back to its text (an article id of the previous one means nothing here).
      if (data.id !== this.#adopted?.id) {
        this.articleId = this.form = undefined;
        this.since = new Map();
        this.#sinceAsked.clear();
      }
      this.versionId = data.currentVersionId;
      this.versionText = data.text;
      this.synthesis = data.synthesis;
      this.#adopted = data;
      this.outbox = this.outboxes.entries(data.id);
      void this.#version.run();
      if (this.signedIn) void this.refreshAccount();
      this.flushOutbox();
    },
  });
  readonly #version = new ResourceController<VersionView>(this, {
    load: (signal) => fetchVersion(this.#client(), this.data as Consultation, this.versionId, signal),
    onValue: ({ text, diff }) => {
      this.versionText = text;
      this.diff = diff;
    },
  });
  readonly #contributions = new ResourceController<Contribution[]>(this, {
    load: async (signal) => {
      const page = await this.#client().request(listContributionsRef, {
        params: { consultationId: this.data?.id ?? '' },
        query: { sort: this.sort, limit: 50, ...(this.articleId ? { articleId: this.articleId } : {}) },
        signal,
      });
      return page.items;
    },
    onValue: (items) => void this.#loadSince(items),
  });
  readonly #stats = new ResourceController<{ id: string; stats: ConsultationStats }>(this, {
    load: async (signal) => {
      const id = this.data?.id ?? '';
      const stats = await this.#client().request(getConsultationStatsRef, {
        params: { consultationId: id },
        signal,
      });
      return { id, stats };
    },
  });
  /** The detail view's module: imported when an article opens (skeleton meanwhile, error and retry offline). */
  readonly #detail = new ResourceController(this, { load: () => detailView.load() });
  /** The synthesis view's module: imported when the consultation is known to have a synthesis. */
  readonly #synthesisView = new ResourceController(this, {
    load: () => {
      const load = synthesisView.load();
      // Nothing awaits this import but the element: `updateComplete` waits for it and the render that shows it.
      this.waitFor(load);
      return load;
    },
  });
  #timer: ReturnType<typeof setInterval> | undefined;
  /** Pairs `current/older` of versions whose comparison was asked for (`since`). */
  #sinceAsked = new Set<string>();
  #adopted: Consultation | undefined;
  #loadedId: string | undefined;

  constructor() {
    super();
    this.outbox = [];
    this.sort = 'most_supported';
    this.fieldErrors = {};
    this.busy = false;
    this.since = new Map();
  }

  /** The consultation, with `text` (set by the page in data mode, loaded in client mode). */
  get data(): Consultation | undefined {
    return this.#consultation.value;
  }
  set data(value: Consultation | undefined) {
    this.#consultation.set(value);
  }

  /** Contributions shown for the open article (or the whole text). */
  get contributions(): Contribution[] | undefined {
    return this.#contributions.value;
  }
  set contributions(value: Contribution[] | undefined) {
    this.#contributions.set(value);
  }

  /** @internal The signed-in account, once read. */
  get account(): Account | undefined {
    return this.who.value?.account;
  }
  /** @internal The associations the signed-in reader represents (associations-only mode). */
  get associations(): MyAssociation[] | undefined {
    return this.who.value?.associations;
  }
  /** @internal The signed-in reader: being read, read, or failed (then its error code and retry). */
  readonly who = new ResourceController<Who>(this, {
    load: (signal) => fetchWho(this.#client(), this.data?.participationMode, signal),
  });

  /** @internal The figures to show: the last refresh of this consultation's, else those it came with. */
  get stats(): ConsultationStats | undefined {
    const fresh = this.#stats.value;
    return fresh && fresh.id === this.data?.id ? fresh.stats : this.data?.stats;
  }

  /** @internal Whether the client holds a token. */
  get signedIn(): boolean {
    return Boolean(this.resolvedClient?.tokens.get());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#timer = setInterval(() => void this.refreshStats(), STATS_EVERY_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
  }

  protected override clientChanged(client: BaseClient | undefined): void {
    if (client) void this.load();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('consultationId') && this.consultationId !== this.#loadedId) void this.load();
    const data = this.data;
    // Data mode: a consultation set by the page (client mode adopts its answer in `onValue`).
    if (data && data !== this.#adopted) {
      this.#adopted = data;
      if (!this.versionId || !data.versions.some((v) => v.id === this.versionId)) {
        this.versionId = data.currentVersionId;
        this.versionText = data.text;
      }
      this.synthesis ??= data.synthesis;
      this.outbox = this.outboxes.entries(data.id);
    }
    if (this.synthesis) this.#loadSynthesis();
  }

  /**
   * @internal What changed in the text from `versionId` to the current version, if known: loaded with the
   * contributions written on it, or the page's `diff` in data mode when it compares those two versions.
   */
  sinceDiff(versionId: string): VersionDiff | undefined {
    const current = this.data?.currentVersionId;
    const loaded = this.since.get(versionId);
    if (loaded?.toVersionId === current) return loaded;
    const diff = this.diff;
    return diff?.fromVersionId === versionId && diff.toVersionId === current ? diff : undefined;
  }

  /**
   * Compares the current version with each older one the contributions were written on, once per version.
   * A help to the reader: a failure leaves the contributions marked "on version N" without the comparison.
   */
  async #loadSince(items: readonly Contribution[]): Promise<void> {
    const data = this.data;
    const client = this.resolvedClient;
    if (!data || !client) return;
    // Asked once per pair of versions: a newer current version (published meanwhile) is compared again.
    const pair = (versionId: string) => `${data.currentVersionId}/${versionId}`;
    const older = new Set<string>();
    for (const item of items.flatMap((c) => [c, ...(c.replies ?? [])]))
      if (
        item.versionId &&
        item.versionId !== data.currentVersionId &&
        !this.#sinceAsked.has(pair(item.versionId))
      )
        older.add(item.versionId);
    await Promise.all(
      [...older].map(async (versionId) => {
        this.#sinceAsked.add(pair(versionId));
        try {
          const diff = await fetchSince(client, data, versionId);
          if (this.data?.id === data.id) this.since = new Map(this.since).set(versionId, diff);
        } catch {
          this.#sinceAsked.delete(pair(versionId));
        }
      }),
    );
  }

  /** Imports the synthesis view unless it is here, on its way, or failed (then its retry button imports again). */
  #loadSynthesis(): void {
    const view = this.#synthesisView;
    if (view.status === 'idle') void view.run();
  }

  #renderSynthesis(data: Consultation): unknown {
    const synthesis = this.synthesis;
    if (!synthesis) return nothing;
    return this.#synthesisView.render({
      ready: (view) => view.renderSynthesis(this, data, synthesis),
      lines: 4,
    });
  }

  #client(): BaseClient {
    const client = this.resolvedClient;
    if (!client) throw new TypeError('no client');
    return client;
  }

  /** Loads the consultation (client mode), then its diff, synthesis and outbox. */
  async load(): Promise<void> {
    if (!this.resolvedClient || !this.consultationId) return;
    this.#loadedId = this.consultationId;
    await this.#consultation.run();
  }

  /** Re-reads the participation figures and announces them when they changed. */
  async refreshStats(): Promise<void> {
    if (!this.resolvedClient || !this.data || !this.online.online) return;
    const shown = JSON.stringify(this.stats);
    // Figures are a nicety: a failure keeps the old ones (the controller says why in `nassij-error`).
    const fresh = await this.#stats.run();
    if (fresh?.id !== this.data?.id || !fresh || JSON.stringify(fresh.stats) === shown) return;
    const { participants, contributions } = fresh.stats;
    this.announcer.announce(
      this.t('cons.stats.sentence', {
        participants: this.fmt.number(participants),
        contributions: this.fmt.number(contributions),
      }),
    );
  }

  /** Reads the signed-in account (and, in associations-only mode, the associations it represents). */
  async refreshAccount(): Promise<void> {
    if (this.resolvedClient && this.signedIn) await this.who.run();
    else this.who.clear();
  }

  /**
   * @internal Signs in through the platform's popup, in the element's language. Afterwards focus goes back
   * to the form the reader was on (`formId`), whose sign-in button is gone.
   */
  async signIn(formId: string): Promise<void> {
    const code = await this.popup();
    if (code) {
      this.formError = code;
      return;
    }
    await this.updateComplete;
    const form = this.renderRoot.querySelector(`[data-form="${formId}"]`);
    form
      ?.querySelector<HTMLElement>('[data-focus-after-sign-in], input:not([tabindex]), select, textarea')
      ?.focus();
  }

  /**
   * @internal The popup sign-in, then the account and the list again (with what this reader supports); or
   * the error code.
   */
  async popup(): Promise<string | undefined> {
    const client = this.resolvedClient;
    if (!client) return 'unknown';
    try {
      await client.auth.signInWithPopup({ locale: this.locale });
    } catch (error) {
      return this.reportFailure(error);
    }
    await this.refreshAccount();
    await this.reloadContributions();
    return undefined;
  }

  /** @internal Shows another version of the text, with what changed against the one before. */
  async selectVersion(versionId: string): Promise<void> {
    const data = this.data;
    if (!data) return;
    this.versionId = versionId;
    if (this.resolvedClient) {
      if (!(await this.#version.run())) return;
    } else if (versionId === data.currentVersionId) this.versionText = data.text;
    const index = data.versions.findIndex((v) => v.id === versionId);
    const name = versionName(this, data.versions[index], index);
    this.announcer.announce(this.t('cons.version.shown', { version: name }));
  }

  /** @internal Errors of a version load, for the text view. */
  get versionError(): TemplateResult | typeof nothing {
    const code = this.#version.errorCode;
    return code ? renderError(this, { code, onRetry: this.#version.retry }) : nothing;
  }

  /** @internal The contributions block: a skeleton while they load, the error, the list or the empty note. */
  renderContributions(ready: (items: Contribution[]) => unknown, idle: () => unknown): unknown {
    return this.#contributions.render({ ready, idle });
  }

  /** Opens an article (`null`: the whole text) with its contributions. */
  async openArticle(articleId: string | null): Promise<void> {
    // Another article: a skeleton rather than the last one's contributions (data mode keeps the page's).
    if (articleId !== this.articleId && this.resolvedClient) this.#contributions.clear();
    this.articleId = articleId;
    this.actionError = undefined;
    this.emit('nassij-article-open', { articleId });
    // The view's module is requested with the contributions, not after them.
    const view = this.#detail.value ?? this.#detail.run();
    if (this.resolvedClient && this.data) await this.#contributions.run();
    await view;
    await this.updateComplete;
    this.focusOn('#detail-heading');
  }

  /** @internal Back to the text, on the button of the article the reader came from. */
  async closeArticle(): Promise<void> {
    const id = this.articleId;
    this.articleId = undefined;
    this.form = undefined;
    await this.updateComplete;
    this.focusOn(`[data-open="${id ?? '-'}"]`);
  }

  /** @internal Re-sorts the contributions. */
  setSort(sort: Sort): void {
    this.sort = sort;
    if (this.resolvedClient) void this.#contributions.run();
  }

  /** @internal Opens the contribution form of a kind, on an article or the whole text. */
  openForm(articleId: string | null, kind: Kind): void {
    this.form = { articleId, kind };
    this.formError = undefined;
    this.errorForm = undefined;
    this.fieldErrors = {};
    if (this.signedIn && !this.account) void this.refreshAccount();
    void this.updateComplete.then(() => this.focusOn('#form-heading'));
  }

  /** @internal Closes the contribution form (its draft stays); focus goes back to the button that opened it. */
  async closeForm(): Promise<void> {
    const kind = this.form?.kind;
    this.form = undefined;
    await this.updateComplete;
    this.focusOn(`button[data-kind="${kind}"]`);
  }

  /** @internal Focuses an element of the shadow root. */
  focusOn(selector: string): void {
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** @internal Reads the open article's contributions again (after a contribution or a sign-in). */
  async reloadContributions(): Promise<void> {
    if (this.articleId !== undefined && this.resolvedClient) await this.#contributions.run();
  }

  /** Sends what waits in the outbox for this consultation (on load and when the connection returns). */
  flushOutbox(): void {
    const id = this.data?.id;
    if (id && this.resolvedClient) this.outboxes.flush(id);
  }

  override render(): unknown {
    const data = this.data;
    if (!data) return this.#consultation.render({ ready: () => nothing, lines: 6 });
    const asking = this.articleId === undefined && data.phase === 'contributions_open';
    return html`${this.announcer.region()}
      <article class="consultation" aria-labelledby="title">
        ${this.online.online ? nothing : renderOffline(this)}
        ${this.#consultation.render({ ready: () => nothing })} ${renderHeader(this, data)}
        ${renderOutbox(this)} ${renderReceipt(this)}
        ${this.#renderSynthesis(data)}
        ${this.articleId === undefined ? renderText(this, data) : this.#detail.render({ ready: (view) => view.renderDetail(this, data), lines: 6 })}
        ${asking && data.questions.length ? renderQuestions(this, data) : nothing}
      </article>`;
  }
}

/** `detail` of `nassij-article-open`. */
export interface NassijArticleOpenDetail {
  /** The article's id; `null` for the contributions on the whole text. */
  articleId: string | null;
}
/** `detail` of `nassij-contribute`: the receipt (number, whether it awaits moderation, the contribution). */
export type NassijContributeDetail = ContributionReceipt;

/** `detail` of `nassij-contribution-queue`. */
export interface NassijContributionQueueDetail {
  /** The idempotency key the contribution will be sent with. */
  key: string;
  /** The contribution, in data mode only (the page sends it). */
  body?: CreateContribution;
}

/**
 * The events `<nassij-consultation>` fires; all bubble out of shadow roots (composed).
 *
 * @example
 * ```ts
 * consultation.addEventListener('nassij-contribute', (event) => thank(event.detail.receiptNumber));
 * ```
 */
export interface NassijConsultationEventMap {
  'nassij-article-open': CustomEvent<NassijArticleOpenDetail>;
  'nassij-contribute': CustomEvent<NassijContributeDetail>;
  'nassij-contribution-queue': CustomEvent<NassijContributionQueueDetail>;
  'nassij-error': CustomEvent<NassijErrorDetail>;
}

declare global {
  // The tag as the self-registering entry defines it; declared here so the class alone brings the type.
  interface HTMLElementTagNameMap {
    'nassij-consultation': NassijConsultation;
  }
  interface GlobalEventHandlersEventMap extends NassijConsultationEventMap {}
}
