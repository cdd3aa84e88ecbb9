import {
  type Account,
  type Article,
  type ArticleDiff,
  CONSULTATION_PHASES,
  CONTRIBUTION_BODY_MAX,
  CONTRIBUTION_PROPOSED_TEXT_MAX,
  type Consultation,
  type ConsultationQuestion,
  type ConsultationStats,
  type Contribution,
  type ContributionReceipt,
  type ContributionReply,
  type CreateContribution,
  compareConsultationVersionsRef,
  createContributionRef,
  DISPLAY_NAME_MAX,
  type DocumentVersion,
  getConsultationRef,
  getConsultationStatsRef,
  getConsultationSynthesisRef,
  getConsultationVersionRef,
  listContributionsRef,
  type MyAssociation,
  myAssociationsRef,
  REGIONS,
  REPORT_DETAIL_MAX,
  type RegionCode,
  regionName,
  reportContributionRef,
  type Synthesis,
  supportContributionRef,
  type VersionDiff,
} from '@nassij/contract';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { BaseClient } from '../base/client.js';
import { NassijElement } from '../base/nassij-element.js';
import {
  errorMessage,
  LiveAnnouncer,
  OnlineController,
  renderError,
  renderLoading,
  renderOffline,
  safeHref,
} from '../base/states.js';
import { consultationMessages } from './consultation.messages.js';
import { consultationStyles } from './consultation.styles.js';
import { plain, text } from './shared.js';
import {
  type Draft,
  deviceToken,
  draftKey,
  hasConsented,
  isTransient,
  loadDraft,
  newKey,
  type OutboxEntry,
  putInOutbox,
  readOutbox,
  rememberConsent,
  removeFromOutbox,
  saveDraft,
} from './storage.js';

type Kind = 'comment' | 'recommendation' | 'amendment';
type Sort = 'most_supported' | 'newest';
type Item = Contribution | ContributionReply;

/** The open contribution form: its target (an article id, or `null` for the whole text) and kind. */
interface FormState {
  articleId: string | null;
  kind: Kind;
}

/** What an anonymous contributor declares, kept on the device for the next time. */
interface AuthorFields {
  displayName: string;
  region: string;
  participantType: 'citizen' | 'association';
}

const AUTHOR_KEY = 'nassij:consultation:author';
const POSITIONS = ['for', 'against', 'neutral'] as const;
const POSITION_ICON = { for: '✓', against: '✗', neutral: '○' } as const;
const OUTCOME_ICON = { accepted: '✓', partly_accepted: '◐', not_retained: '✗' } as const;
const REPORT_REASONS = ['spam', 'abuse', 'off_topic', 'personal_data', 'other'] as const;
/** Counters are announced when fewer characters than this share of the limit remain. */
const NEAR_LIMIT = 0.1;
/** How often participation figures are refreshed while the element is on the page. */
const STATS_EVERY_MS = 60_000;

function readAuthor(): AuthorFields {
  const fallback: AuthorFields = { displayName: '', region: '', participantType: 'citizen' };
  try {
    return {
      ...fallback,
      ...(JSON.parse(localStorage.getItem(AUTHOR_KEY) ?? '{}') as Partial<AuthorFields>),
    };
  } catch {
    return fallback;
  }
}

function articlesOf(version: DocumentVersion | undefined): Article[] {
  return version?.sections.flatMap((s) => s.articles) ?? [];
}

/**
 * `<nassij-consultation consultation="ID">`: a public consultation inside any page. Readers see who
 * consults, the phases, live participation figures, and the text article by article in each version with
 * what changed; they read and support contributions, report abuse, and contribute (comment,
 * recommendation, amendment, answers to questions) with the identity the consultation asks for. Drafts
 * survive a reload; a contribution sent offline waits in an outbox and is sent exactly once when the
 * connection returns. Once the synthesis is published it shows what became of every recommendation.
 *
 * Data mode: set `data` (a `Consultation` with `text`), and optionally `contributions`, `diff`,
 * `synthesis`. Client mode: `api-base`, `client` or a `<nassij-provider>`.
 *
 * @tagname nassij-consultation
 * @fires {CustomEvent<NassijArticleOpenDetail>} nassij-article-open - An article was opened; `detail: { articleId }`.
 * @fires {CustomEvent<NassijContributeDetail>} nassij-contribute - The platform stored a contribution; `detail`: the `ContributionReceipt`.
 * @fires {CustomEvent<NassijContributionQueueDetail>} nassij-contribution-queue - A contribution waits in the outbox, to be sent when the connection returns; `detail: { key }` (and `body` in data mode, where the page sends it).
 * @cssprop --nassij-consultation-gap - Space between blocks.
 * @cssprop --nassij-consultation-mark-added - Background of the "added" mark.
 * @cssprop --nassij-consultation-mark-modified - Background of the "modified" mark.
 * @csspart header - The consultation header.
 * @csspart article - Each article of the text.
 * @csspart contribution - Each contribution.
 * @csspart form - The contribution form.
 * @csspart receipt - The receipt shown after contributing.
 * @csspart button - Buttons.
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
    errorCode: { state: true },
    formError: { state: true },
    fieldErrors: { state: true },
    actionError: { state: true },
    reporting: { state: true },
    account: { state: true },
    associations: { state: true },
    busy: { state: true },
  };
  static override messages = consultationMessages;
  /** The element's styles: the shared tokens and base styles, then its own. */
  static override styles = consultationStyles;

  /** Id or public reference of the consultation (`consultation` attribute). */
  declare consultationId: string | undefined;
  /** The consultation, with `text` (set by the page in data mode, loaded in client mode). */
  declare data: Consultation | undefined;
  /** Contributions shown for the open article (or the whole text). */
  declare contributions: Contribution[] | undefined;
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
  declare errorCode: string | undefined;
  declare formError: string | undefined;
  declare fieldErrors: Record<string, string>;
  declare actionError: { id: string; code: string } | undefined;
  declare reporting: string | undefined;
  declare account: Account | undefined;
  declare associations: MyAssociation[] | undefined;
  declare busy: boolean;

  /** @internal */
  readonly announcer = new LiveAnnouncer(this);
  /** @internal */
  readonly online = new OnlineController(this, (online) => {
    if (online) this.flushOutbox();
  });
  #author = readAuthor();
  #sending = new Set<string>();
  #timer: ReturnType<typeof setInterval> | undefined;
  #loaded: string | undefined;
  #nearLimit = new Set<string>();

  constructor() {
    super();
    this.outbox = [];
    this.sort = 'most_supported';
    this.fieldErrors = {};
    this.busy = false;
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
    if (changed.has('consultationId') && this.consultationId !== this.#loaded) void this.load();
    if (changed.has('data') && this.data) {
      if (!this.versionId || !this.data.versions.some((v) => v.id === this.versionId)) {
        this.versionId = this.data.currentVersionId;
        this.versionText = this.data.text;
      }
      this.synthesis ??= this.data.synthesis;
      this.outbox = readOutbox().filter((e) => e.consultationId === this.data?.id);
    }
  }

  get #client(): BaseClient | undefined {
    return this.resolvedClient;
  }

  get #signedIn(): boolean {
    return Boolean(this.#client?.tokens.get());
  }

  /** Loads the consultation (client mode), then its diff, synthesis and outbox. */
  async load(): Promise<void> {
    const client = this.#client;
    const id = this.consultationId;
    if (!client || !id) return;
    this.#loaded = id;
    this.errorCode = undefined;
    try {
      const data = await client.request(getConsultationRef, { params: { consultationId: id } });
      this.versionId = data.currentVersionId;
      this.versionText = data.text;
      this.data = data;
      await this.#loadDiff();
      if (data.phase === 'synthesis_published' && !data.synthesis) {
        this.synthesis = await client.request(getConsultationSynthesisRef, {
          params: { consultationId: id },
        });
      }
      if (this.#signedIn) void this.refreshAccount();
      this.flushOutbox();
    } catch (error) {
      this.errorCode = this.failureCode(error);
    }
  }

  async #loadDiff(): Promise<void> {
    const client = this.#client;
    const data = this.data;
    if (!client || !data || !this.versionId) return;
    const index = data.versions.findIndex((v) => v.id === this.versionId);
    const previous = data.versions[index - 1];
    this.diff = previous
      ? await client.request(compareConsultationVersionsRef, {
          params: { consultationId: data.id, versionId: this.versionId },
          query: { against: previous.id },
        })
      : undefined;
  }

  /** Re-reads the participation figures and announces them when they changed. */
  async refreshStats(): Promise<void> {
    const client = this.#client;
    const data = this.data;
    if (!client || !data || !this.online.online) return;
    try {
      const stats = await client.request(getConsultationStatsRef, { params: { consultationId: data.id } });
      if (JSON.stringify(stats) === JSON.stringify(data.stats)) return;
      this.data = { ...data, stats };
      this.announcer.announce(this.#statsSentence(stats));
    } catch {
      // Figures are a nicety: the old ones stay.
    }
  }

  /** Reads the signed-in account (and, in associations-only mode, the associations it represents). */
  async refreshAccount(): Promise<void> {
    const client = this.#client;
    if (!client || !this.#signedIn) {
      this.account = undefined;
      return;
    }
    try {
      this.account = await client.auth.me();
      if (this.data?.participationMode === 'associations_only') {
        const mine = await client.request(myAssociationsRef);
        this.associations = mine.items.filter((m) => m.role === 'representative');
      }
    } catch (error) {
      this.formError = this.failureCode(error);
    }
  }

  async #signIn(): Promise<boolean> {
    const client = this.#client;
    if (!client) return false;
    try {
      await client.auth.signInWithPopup();
      await this.refreshAccount();
      return true;
    } catch (error) {
      this.formError = this.failureCode(error);
      return false;
    }
  }

  async #selectVersion(versionId: string): Promise<void> {
    const data = this.data;
    if (!data) return;
    this.versionId = versionId;
    const client = this.#client;
    if (versionId === data.currentVersionId) this.versionText = data.text;
    else if (client) {
      try {
        this.versionText = await client.request(getConsultationVersionRef, {
          params: { consultationId: data.id, versionId },
        });
      } catch (error) {
        this.errorCode = this.failureCode(error);
        return;
      }
    }
    if (client) await this.#loadDiff().catch(() => undefined);
    const label = data.versions.find((v) => v.id === versionId)?.label;
    this.announcer.announce(this.t('cons.version.shown', { version: plain(this.locale, label) }));
  }

  /** Opens an article (`null`: the whole text) with its contributions. */
  async openArticle(articleId: string | null): Promise<void> {
    this.articleId = articleId;
    this.actionError = undefined;
    this.emit('nassij-article-open', { articleId });
    await this.#loadContributions();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#detail-heading')?.focus();
  }

  async #loadContributions(): Promise<void> {
    const client = this.#client;
    const data = this.data;
    if (!client || !data || this.articleId === undefined) return;
    try {
      const page = await client.request(listContributionsRef, {
        params: { consultationId: data.id },
        query: { sort: this.sort, limit: 50, ...(this.articleId ? { articleId: this.articleId } : {}) },
      });
      this.contributions = page.items;
    } catch (error) {
      this.actionError = { id: '', code: this.failureCode(error) };
    }
  }

  async #closeArticle(): Promise<void> {
    const id = this.articleId;
    this.articleId = undefined;
    this.form = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-open="${id ?? '-'}"]`)?.focus();
  }

  #openForm(articleId: string | null, kind: Kind): void {
    this.form = { articleId, kind };
    this.formError = undefined;
    this.fieldErrors = {};
    if (this.#signedIn && !this.account) void this.refreshAccount();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#form-heading')?.focus());
  }

  #draftKey(form: FormState): string {
    return draftKey(this.data?.id ?? '', form.articleId, form.kind);
  }

  #onDraftInput(event: Event): void {
    const form = (event.currentTarget as HTMLFormElement) ?? undefined;
    if (!this.form || !form) return;
    const values = new FormData(form);
    const draft: Draft = {
      body: String(values.get('body') ?? ''),
      proposedText: String(values.get('proposedText') ?? ''),
      position: String(values.get('position') ?? ''),
    };
    saveDraft(this.#draftKey(this.form), draft);
    this.#saveAuthor(values);
    this.#checkLimits(form);
    this.requestUpdate();
  }

  #saveAuthor(values: FormData): void {
    if (!values.has('displayName')) return;
    this.#author = {
      displayName: String(values.get('displayName') ?? ''),
      region: String(values.get('region') ?? ''),
      participantType: values.get('participantType') === 'association' ? 'association' : 'citizen',
    };
    try {
      localStorage.setItem(AUTHOR_KEY, JSON.stringify(this.#author));
    } catch {
      // Not kept: typed again next time.
    }
  }

  /** Announces once when a field gets near its limit (screen readers do not see the counter change). */
  #checkLimits(form: HTMLFormElement): void {
    for (const field of form.querySelectorAll<HTMLTextAreaElement>('textarea[maxlength]')) {
      const left = field.maxLength - field.value.length;
      const near = left <= field.maxLength * NEAR_LIMIT;
      if (near && !this.#nearLimit.has(field.name)) {
        this.#nearLimit.add(field.name);
        this.announcer.announce(this.t('cons.form.charsLeft', { count: left }));
      } else if (!near) this.#nearLimit.delete(field.name);
    }
  }

  #authorFor(values: FormData): CreateContribution['author'] {
    const mode = this.data?.participationMode;
    if (mode === 'associations_only') {
      const id = String(values.get('associationId') ?? '');
      const chosen = this.associations?.find((m) => m.association.id === id);
      return chosen
        ? {
            displayName: plain(this.locale, chosen.association.name).slice(0, DISPLAY_NAME_MAX),
            participantType: 'association',
            associationId: chosen.association.id,
            ...(chosen.association.region ? { region: chosen.association.region } : {}),
          }
        : undefined;
    }
    if (this.#signedIn) return undefined;
    const region = String(values.get('region') ?? '');
    return {
      displayName: String(values.get('displayName') ?? '').trim(),
      participantType: values.get('participantType') === 'association' ? 'association' : 'citizen',
      ...(region ? { region: region as RegionCode } : {}),
    };
  }

  /** Checks what the server would refuse, in the reader's language, before anything is sent. */
  #validate(form: HTMLFormElement, fields: string[]): Record<string, string> {
    const values = new FormData(form);
    const errors: Record<string, string> = {};
    for (const name of fields) {
      if (values.has(name) && !String(values.get(name) ?? '').trim()) errors[name] = this.t('field.required');
    }
    const consent = form.querySelector<HTMLInputElement>('input[name="consent"]');
    if (consent && !consent.checked) errors.consent = this.t('cons.consent.required');
    return errors;
  }

  async #submitForm(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const formEl = event.currentTarget as HTMLFormElement;
    const form = this.form;
    if (!form) return;
    const values = new FormData(formEl);
    const required = ['body', 'displayName', ...(form.kind === 'amendment' ? ['proposedText'] : [])];
    this.fieldErrors = this.#validate(formEl, required);
    if (Object.keys(this.fieldErrors).length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const position = String(values.get('position') ?? '');
    const author = this.#authorFor(values);
    const honeypot = String(values.get('website') ?? '');
    const body: CreateContribution = {
      kind: form.kind,
      articleId: form.articleId,
      body: String(values.get('body')).trim(),
      consent: true,
      ...(form.kind === 'amendment' ? { proposedText: String(values.get('proposedText')).trim() } : {}),
      ...(position ? { position: position as (typeof POSITIONS)[number] } : {}),
      ...(author ? { author } : {}),
      ...(honeypot ? { honeypot } : {}),
    };
    await this.#contribute(body, this.#draftKey(form));
  }

  async #submitAnswer(event: SubmitEvent, question: ConsultationQuestion): Promise<void> {
    event.preventDefault();
    const formEl = event.currentTarget as HTMLFormElement;
    const values = new FormData(formEl);
    const chosen = values.getAll('answer').map(String);
    const answer = question.kind === 'open' ? String(values.get('answer') ?? '').trim() : chosen;
    const errors = this.#validate(formEl, ['displayName']);
    if ((Array.isArray(answer) && !answer.length) || answer === '')
      errors[`answer-${question.id}`] = this.t('field.required');
    this.fieldErrors = errors;
    if (Object.keys(errors).length) return;
    const labels = (question.options ?? [])
      .filter((o) => chosen.includes(o.id))
      .map((o) => plain(this.locale, o.label));
    const author = this.#authorFor(values);
    await this.#contribute(
      {
        kind: 'answer',
        articleId: null,
        questionId: question.id,
        answer,
        body: typeof answer === 'string' ? answer : labels.join('، ').slice(0, CONTRIBUTION_BODY_MAX),
        consent: true,
        ...(author ? { author } : {}),
      },
      undefined,
    );
  }

  async #contribute(body: CreateContribution, key: string | undefined): Promise<void> {
    const data = this.data;
    if (!data) return;
    rememberConsent();
    const entry: OutboxEntry = {
      key: newKey(),
      consultationId: data.id,
      body,
      anonymous: !this.#signedIn,
      createdAt: new Date().toISOString(),
      ...(key ? { draftKey: key } : {}),
    };
    if (!this.#client) {
      // Data mode: nothing to send to; the page decides (and may call preventDefault on nothing).
      this.emit('nassij-contribution-queue', { key: entry.key, body });
      return;
    }
    putInOutbox(entry);
    this.outbox = readOutbox().filter((e) => e.consultationId === data.id);
    this.busy = true;
    await this.#send(entry, true);
    this.busy = false;
  }

  /** Sends what waits in the outbox for this consultation (on load and when the connection returns). */
  flushOutbox(): void {
    const id = this.data?.id;
    if (!id || !this.#client) return;
    for (const entry of readOutbox()) if (entry.consultationId === id) void this.#send(entry, false);
  }

  async #send(entry: OutboxEntry, interactive: boolean): Promise<void> {
    const client = this.#client;
    if (!client || this.#sending.has(entry.key)) return;
    this.#sending.add(entry.key);
    try {
      const receipt = await client.request(createContributionRef, {
        params: { consultationId: entry.consultationId },
        body: entry.body,
        // The same key on every attempt, across reloads: the server stores the contribution once.
        idempotencyKey: entry.key,
        ...(entry.anonymous ? { headers: { 'x-nassij-device': deviceToken() } } : {}),
      });
      removeFromOutbox(entry.key);
      if (entry.draftKey) saveDraft(entry.draftKey, undefined);
      this.receipt = receipt;
      this.form = undefined;
      this.formError = undefined;
      this.announcer.announce(
        `${this.t('cons.receipt.title')} ${receipt.receiptNumber}. ${
          receipt.awaitingModeration ? this.t('cons.receipt.pending') : ''
        }`,
      );
      this.emit('nassij-contribute', receipt);
      void this.refreshStats();
      if (this.articleId !== undefined) void this.#loadContributions();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#receipt-heading')?.focus();
    } catch (error) {
      const code = this.failureCode(error);
      if (isTransient(code)) {
        if (interactive) {
          this.form = undefined;
          this.announcer.announce(this.t('cons.outbox.queued'));
          this.emit('nassij-contribution-queue', { key: entry.key });
        }
      } else {
        removeFromOutbox(entry.key);
        this.formError = code;
        if (!interactive) this.announcer.announce(errorMessage(this, code));
      }
    } finally {
      this.#sending.delete(entry.key);
      this.outbox = readOutbox().filter((e) => e.consultationId === entry.consultationId);
    }
  }

  async #support(item: Item): Promise<void> {
    const client = this.#client;
    this.actionError = undefined;
    if (!client) return;
    if (!this.#signedIn && !(await this.#signIn())) return;
    try {
      const result = await client.request(supportContributionRef, { params: { contributionId: item.id } });
      const update = (c: Item): Item =>
        c.id === item.id ? { ...c, supports: result.supports, supportedByMe: true } : c;
      this.contributions = this.contributions?.map(
        (c) => ({ ...update(c), ...(c.replies ? { replies: c.replies.map(update) } : {}) }) as Contribution,
      );
      this.announcer.announce(this.t('cons.support.done', { count: result.supports }));
    } catch (error) {
      this.actionError = { id: item.id, code: this.failureCode(error) };
    }
  }

  async #report(event: SubmitEvent, item: Item): Promise<void> {
    event.preventDefault();
    const client = this.#client;
    const values = new FormData(event.currentTarget as HTMLFormElement);
    const detail = String(values.get('detail') ?? '').trim();
    const reason = String(values.get('reason')) as (typeof REPORT_REASONS)[number];
    try {
      await client?.request(reportContributionRef, {
        params: { contributionId: item.id },
        body: { reason, ...(detail ? { detail } : {}) },
        headers: { 'x-nassij-device': deviceToken() },
      });
      this.reporting = undefined;
      this.announcer.announce(this.t('cons.report.done'));
    } catch (error) {
      this.actionError = { id: item.id, code: this.failureCode(error) };
    }
  }

  #statsSentence(stats: ConsultationStats): string {
    return this.t('cons.stats.sentence', {
      participants: this.fmt.number(stats.participants),
      contributions: this.fmt.number(stats.contributions),
    });
  }

  // -------------------------------------------------------------------------------------------------
  // Rendering

  override render(): TemplateResult {
    const data = this.data;
    if (this.errorCode && !data)
      return renderError(this, { code: this.errorCode, onRetry: () => this.load() });
    if (!data) return renderLoading(this, { lines: 6 });
    return html`${this.announcer.region()}
      <article class="consultation" aria-labelledby="title">
        ${this.online.online ? nothing : renderOffline(this)} ${this.#renderHeader(data)}
        ${this.#renderOutbox()} ${this.#renderReceipt()}
        ${this.synthesis ? this.#renderSynthesis(data, this.synthesis) : nothing}
        ${this.articleId === undefined ? this.#renderText(data) : this.#renderDetail(data)}
        ${
          this.articleId === undefined && data.phase === 'contributions_open' && data.questions.length
            ? this.#renderQuestions(data)
            : nothing
        }
      </article>`;
  }

  #renderHeader(data: Consultation): TemplateResult {
    const currentIndex = CONSULTATION_PHASES.indexOf(data.phase);
    const stats = data.stats;
    return html`<header part="header" class="header">
      <p class="kicker">
        <span>${this.t(`cons.subject.${data.subjectType}`)}</span> · <span class="ref" dir="ltr">${data.reference}</span>
      </p>
      <h2 id="title">${text(this, data.title)}</h2>
      <p class="body">${text(this, data.issuingBody.name)}</p>
      <p>
        ${this.t(`cons.scope.${data.scope}`)}${data.region ? html` — ${regionName(data.region, this.locale)}` : nothing}
        · ${this.t(`cons.mode.${data.participationMode}`)}
      </p>
      <p class="summary">${text(this, data.summary)}</p>
      <section aria-labelledby="phases-h">
        <h3 id="phases-h">${this.t('cons.phases')}</h3>
        <ol class="timeline">
          ${CONSULTATION_PHASES.map((phase, index) => {
            const dates = data.phases.find((p) => p.phase === phase);
            const state = index < currentIndex ? 'past' : index === currentIndex ? 'current' : 'future';
            return html`<li class="phase" data-state=${state} aria-current=${index === currentIndex ? 'step' : nothing}>
              <span class="phase-name">${this.t(`cons.phase.${phase}`)}</span>
              ${index === currentIndex ? html`<span class="badge">${this.t('cons.phase.now')}</span>` : nothing}
              ${
                dates
                  ? html`<span class="dates">
                      <time datetime=${dates.period.start}>${this.fmt.dateTime(dates.period.start)}</time>
                      ${dates.period.end ? html` — <time datetime=${dates.period.end}>${this.fmt.dateTime(dates.period.end)}</time>` : nothing}
                    </span>`
                  : nothing
              }
            </li>`;
          })}
        </ol>
      </section>
      <section aria-labelledby="stats-h" class="stats">
        <h3 id="stats-h">${this.t('cons.stats.title')}</h3>
        <dl class="figures">
          ${(['participants', 'contributions', 'recommendations', 'supports'] as const).map(
            (k) =>
              html`<div><dt>${this.t(`cons.stats.${k}`)}</dt><dd>${this.fmt.number(stats[k])}</dd></div>`,
          )}
        </dl>
        ${
          stats.byParticipantType.length || stats.byRegion.length
            ? html`<details>
                <summary>${this.t('cons.stats.breakdown')}</summary>
                <ul>
                  ${stats.byParticipantType.map(
                    (b) => html`<li>
                      ${this.t(`cons.ptype.${b.type}`)}: ${this.t('cons.stats.line', { participants: b.participants, contributions: b.contributions })}
                    </li>`,
                  )}
                  ${stats.byRegion.map(
                    (b) => html`<li>
                      ${regionName(b.region, this.locale)}: ${this.t('cons.stats.line', { participants: b.participants, contributions: b.contributions })}
                    </li>`,
                  )}
                </ul>
              </details>`
            : nothing
        }
      </section>
      ${
        data.documents.length
          ? html`<ul class="documents">
              ${data.documents.map((d) => {
                const href = safeHref(d.url);
                return href
                  ? html`<li><a href=${href} rel="noopener">${text(this, d.title)}</a></li>`
                  : nothing;
              })}
            </ul>`
          : nothing
      }
    </header>`;
  }

  #renderOutbox(): TemplateResult | typeof nothing {
    if (!this.outbox.length) return nothing;
    return html`<section class="outbox notice" aria-labelledby="outbox-h" data-outbox>
      <h3 id="outbox-h">${this.t('cons.outbox.title', { count: this.outbox.length })}</h3>
      <p>${this.t('cons.outbox.explain')}</p>
      <ul>
        ${this.outbox.map((e) => html`<li class="waiting"><span class="badge">${this.t('cons.outbox.waiting')}</span> ${e.body.body.slice(0, 120)}</li>`)}
      </ul>
      ${this.online.online ? html`<button class="nassij-button" data-variant="secondary" part="button" type="button" @click=${() => this.flushOutbox()}>${this.t('action.retry')}</button>` : nothing}
    </section>`;
  }

  #renderReceipt(): TemplateResult | typeof nothing {
    const receipt = this.receipt;
    if (!receipt) return nothing;
    const base = this.#client?.transport.config.baseUrl;
    const follow = base
      ? safeHref(`${base.replace(/\/+$/, '')}${receipt.followUrl}`, document.baseURI)
      : undefined;
    return html`<section part="receipt" class="receipt notice" aria-labelledby="receipt-heading">
      <h3 id="receipt-heading" tabindex="-1">${this.t('cons.receipt.title')}</h3>
      <p>${this.t('cons.receipt.number')} <strong class="receipt-number" dir="ltr">${receipt.receiptNumber}</strong></p>
      ${receipt.awaitingModeration ? html`<p class="pending">${this.t('cons.receipt.pending')}</p>` : html`<p>${this.t('cons.receipt.published')}</p>`}
      ${follow ? html`<p><a class="follow" href=${follow} rel="noopener">${this.t('cons.receipt.follow')}</a></p>` : nothing}
    </section>`;
  }

  #changeOf(article: Article, diff: Map<string, ArticleDiff>): string | undefined {
    const change = diff.get(article.id)?.change ?? article.changed;
    return change === 'added' || change === 'modified' ? change : undefined;
  }

  #diffMap(): Map<string, ArticleDiff> {
    const diff = this.diff && this.diff.toVersionId === this.versionId ? this.diff : undefined;
    return new Map((diff?.articles ?? []).map((a) => [a.articleId, a]));
  }

  #renderText(data: Consultation): TemplateResult {
    const version = this.versionText;
    const diff = this.#diffMap();
    const info = data.versions.find((v) => v.id === this.versionId);
    const removed = [...diff.values()].filter((d) => d.change === 'removed');
    const open = data.phase === 'contributions_open';
    return html`<section class="text" aria-labelledby="text-h">
      <h3 id="text-h">${this.t('cons.text.title')}</h3>
      ${
        data.versions.length > 1
          ? html`<p class="version">
              <label for="version">${this.t('cons.version.label')}</label>
              <select id="version" class="nassij-input" @change=${(e: Event) => this.#selectVersion((e.target as HTMLSelectElement).value)}>
                ${data.versions.map(
                  (v) => html`<option value=${v.id} ?selected=${v.id === this.versionId}>
                    ${plain(this.locale, v.label)} — ${this.fmt.date(v.publishedAt)}${v.id === data.currentVersionId ? ` (${this.t('cons.version.current')})` : ''}
                  </option>`,
                )}
              </select>
            </p>`
          : nothing
      }
      ${info?.changeSummary ? html`<p class="change-summary">${text(this, info.changeSummary)}</p>` : nothing}
      ${
        version
          ? html`<nav aria-labelledby="toc-h" class="toc">
                <h4 id="toc-h">${this.t('cons.toc')}</h4>
                <ol>
                  ${version.sections.map(
                    (s) => html`<li>
                      ${text(this, s.heading)}
                      <ol>
                        ${s.articles.map(
                          (a) => html`<li>
                            <a href=${`#article-${a.id}`} @click=${(e: Event) => this.#jump(e, a.id)}>${this.t('cons.article', { number: a.number })}</a>
                          </li>`,
                        )}
                      </ol>
                    </li>`,
                  )}
                </ol>
              </nav>
              ${version.sections.map(
                (s) => html`<section class="doc-section" aria-labelledby=${`s-${s.id}`}>
                  <h4 id=${`s-${s.id}`}>${text(this, s.heading)}</h4>
                  ${s.articles.map((a) => this.#renderArticle(a, this.#changeOf(a, diff)))}
                </section>`,
              )}`
          : renderLoading(this)
      }
      ${
        removed.length
          ? html`<section class="removed" aria-labelledby="removed-h">
              <h4 id="removed-h">${this.t('cons.change.removedTitle')}</h4>
              <ul>
                ${removed.map(
                  (d) => html`<li data-change="removed">
                    <span class="mark" data-change="removed"><span aria-hidden="true">− </span>${this.t('cons.change.removed')}</span>
                    ${d.number ? this.t('cons.article', { number: d.number }) : nothing}
                    <del>${text(this, d.before)}</del>
                  </li>`,
                )}
              </ul>
            </section>`
          : nothing
      }
      <p class="whole">
        <button class="nassij-button" data-variant="secondary" part="button" type="button" data-open="-" @click=${() => this.openArticle(null)}>
          ${open ? this.t('cons.whole.contribute') : this.t('cons.whole.read')}
        </button>
      </p>
    </section>`;
  }

  async #jump(event: Event, id: string): Promise<void> {
    // Fragment links do not reach into a shadow root: scroll and focus ourselves.
    event.preventDefault();
    const target = this.renderRoot.querySelector<HTMLElement>(`#article-${CSS.escape(id)} h5`);
    target?.scrollIntoView({ block: 'start' });
    target?.focus();
  }

  #renderArticle(a: Article, change: string | undefined): TemplateResult {
    const count = a.contributionCount ?? 0;
    return html`<article part="article" class="article" id=${`article-${a.id}`} data-article=${a.id} data-change=${change ?? nothing}>
      <h5 tabindex="-1">
        ${this.t('cons.article', { number: a.number })}${a.heading ? html` — ${text(this, a.heading)}` : nothing}
        ${change ? html`<span class="mark" data-change=${change}><span aria-hidden="true">${change === 'added' ? '+ ' : '± '}</span>${this.t(`cons.change.${change}`)}</span>` : nothing}
      </h5>
      <p class="body">${text(this, a.body)}</p>
      <p class="article-actions">
        <span class="count">${this.t('count.contributions', { count })}</span>
        <button class="nassij-button" data-variant="secondary" part="button" type="button" data-open=${a.id}
          aria-label=${`${this.t('cons.article.open')} — ${this.t('cons.article', { number: a.number })}`}
          @click=${() => this.openArticle(a.id)}>${this.t('cons.article.open')}</button>
      </p>
    </article>`;
  }

  #renderDetail(data: Consultation): TemplateResult {
    const articleId = this.articleId ?? null;
    const article = articlesOf(this.versionText).find((a) => a.id === articleId);
    const diff = articleId ? this.#diffMap().get(articleId) : undefined;
    const items = [...(this.contributions ?? [])]
      .filter((c) => (articleId ? c.articleId === articleId : c.articleId === null))
      .sort((a, b) =>
        this.sort === 'newest' ? b.createdAt.localeCompare(a.createdAt) : b.supports - a.supports,
      );
    const open = data.phase === 'contributions_open';
    return html`<section class="detail" aria-labelledby="detail-heading">
      <button class="nassij-button back" data-variant="secondary" part="button" type="button" @click=${() => this.#closeArticle()}>
        <span class="dir-icon" aria-hidden="true">←</span> ${this.t('cons.back')}
      </button>
      <h3 id="detail-heading" tabindex="-1">
        ${article ? html`${this.t('cons.article', { number: article.number })}${article.heading ? html` — ${text(this, article.heading)}` : nothing}` : this.t('cons.whole.title')}
      </h3>
      ${article ? html`<p class="body">${text(this, article.body)}</p>` : nothing}
      ${
        diff?.change === 'modified'
          ? html`<div class="compare">
              <div><p class="label">${this.t('cons.change.before')}</p><del>${text(this, diff.before)}</del></div>
              <div><p class="label">${this.t('cons.change.after')}</p><ins>${text(this, diff.after)}</ins></div>
            </div>`
          : nothing
      }
      ${
        open
          ? html`<p class="contribute-actions">
              ${(['comment', 'recommendation', ...(article ? ['amendment' as const] : [])] as Kind[]).map(
                (
                  kind,
                ) => html`<button class="nassij-button" part="button" type="button" data-kind=${kind} @click=${() => this.#openForm(articleId, kind)}>
                  ${this.t(`cons.action.${kind}`)}
                </button>`,
              )}
            </p>`
          : nothing
      }
      ${this.form ? this.#renderForm(data, this.form, article) : nothing}
      <h4 id="contribs-h">${this.t('cons.contributions.title')}</h4>
      <p>
        <label for="sort">${this.t('cons.sort.label')}</label>
        <select id="sort" class="nassij-input" @change=${(e: Event) => {
          this.sort = (e.target as HTMLSelectElement).value as Sort;
          void this.#loadContributions();
        }}>
          <option value="most_supported" ?selected=${this.sort === 'most_supported'}>${this.t('cons.sort.most_supported')}</option>
          <option value="newest" ?selected=${this.sort === 'newest'}>${this.t('cons.sort.newest')}</option>
        </select>
      </p>
      ${this.actionError?.id === '' ? html`<p role="alert" class="error">${errorMessage(this, this.actionError.code)}</p>` : nothing}
      ${
        this.contributions === undefined
          ? renderLoading(this)
          : items.length
            ? html`<ul class="contributions" aria-labelledby="contribs-h">${items.map((c) => this.#renderContribution(c, open))}</ul>`
            : html`<p class="empty">${this.t('cons.contributions.none')}</p>`
      }
    </section>`;
  }

  #renderContribution(c: Item, open: boolean): TemplateResult {
    const replies = 'replies' in c ? (c.replies ?? []) : [];
    const error = this.actionError?.id === c.id ? this.actionError.code : undefined;
    return html`<li>
      <article part="contribution" class="contribution" data-id=${c.id} aria-label=${c.author.displayName}>
        <p class="meta">
          <strong class="author" dir="auto">${c.author.displayName}</strong>
          <span>${this.t(`cons.ptype.${c.author.participantType}`)}</span>
          ${c.author.region ? html`<span>${regionName(c.author.region, this.locale)}</span>` : nothing}
          <time datetime=${c.createdAt}>${this.fmt.date(c.createdAt)}</time>
          <span class="badge">${this.t(`cons.kind.${c.kind}`)}</span>
          ${c.position ? html`<span class="position" data-position=${c.position}><span aria-hidden="true">${POSITION_ICON[c.position]} </span>${this.t(`cons.position.${c.position}`)}</span>` : nothing}
        </p>
        <p class="body user-text" dir="auto">${c.body}</p>
        ${c.proposedText ? html`<div class="proposal"><p class="label">${this.t('cons.form.proposed')}</p><ins class="user-text" dir="auto">${c.proposedText}</ins></div>` : nothing}
        ${
          c.officialResponse
            ? html`<section class="response" aria-label=${this.t('cons.response.title')}>
                <p class="label">${this.t('cons.response.title')} — ${text(this, c.officialResponse.by)}, <time datetime=${c.officialResponse.respondedAt}>${this.fmt.date(c.officialResponse.respondedAt)}</time></p>
                <p>${text(this, c.officialResponse.body)}</p>
              </section>`
            : nothing
        }
        <p class="actions">
          <button class="nassij-button support" data-variant="secondary" part="button" type="button" ?disabled=${!open}
            aria-pressed=${c.supportedByMe ? 'true' : 'false'} @click=${() => this.#support(c)}>
            ${this.t(c.supportedByMe ? 'cons.support.supported' : 'cons.support.action')}
            <span class="supports">(${this.fmt.number(c.supports)})</span>
          </button>
          <button class="nassij-button report" data-variant="secondary" part="button" type="button"
            aria-expanded=${this.reporting === c.id ? 'true' : 'false'}
            @click=${() => {
              this.reporting = this.reporting === c.id ? undefined : c.id;
            }}>${this.t('cons.report.action')}</button>
        </p>
        ${error ? html`<p role="alert" class="error">${errorMessage(this, error)}</p>` : nothing}
        ${this.reporting === c.id ? this.#renderReport(c) : nothing}
        ${replies.length ? html`<ul class="replies" aria-label=${this.t('cons.replies')}>${replies.map((r) => this.#renderContribution(r, open))}</ul>` : nothing}
      </article>
    </li>`;
  }

  #renderReport(c: Item): TemplateResult {
    const id = `report-${c.id}`;
    return html`<form class="report-form" @submit=${(e: SubmitEvent) => this.#report(e, c)}>
      <p>
        <label for=${`${id}-reason`}>${this.t('cons.report.reason')}</label>
        <select id=${`${id}-reason`} name="reason" class="nassij-input">
          ${REPORT_REASONS.map((r) => html`<option value=${r}>${this.t(`cons.reason.${r}`)}</option>`)}
        </select>
      </p>
      <p>
        <label for=${`${id}-detail`}>${this.t('cons.report.detail')}</label>
        <textarea id=${`${id}-detail`} name="detail" class="nassij-input" maxlength=${REPORT_DETAIL_MAX}></textarea>
      </p>
      <button class="nassij-button" part="button" type="submit">${this.t('cons.report.send')}</button>
    </form>`;
  }

  #counter(name: string, value: string, max: number): TemplateResult {
    const left = max - value.length;
    return html`<span class="counter" id=${`${name}-count`} data-near=${left <= max * NEAR_LIMIT ? 'true' : 'false'}>
      ${this.t('cons.form.counter', { count: value.length, max: this.fmt.number(max) })}
    </span>`;
  }

  #field(name: string): { invalid: 'true' | 'false'; error: TemplateResult | typeof nothing } {
    const message = this.fieldErrors[name];
    return {
      invalid: message ? 'true' : 'false',
      error: message ? html`<span class="field-error" id=${`${name}-error`}>${message}</span>` : nothing,
    };
  }

  /** Identity by participation mode; shared by the contribution and answer forms (`prefix` keeps ids unique). */
  #renderIdentity(data: Consultation, prefix: string): TemplateResult {
    const mode = data.participationMode;
    const signedIn = this.#signedIn;
    if (mode === 'open' && !signedIn) {
      const name = this.#field('displayName');
      return html`<fieldset class="identity">
        <legend>${this.t('cons.identity.title')}</legend>
        <p>
          <label for=${`${prefix}-name`}>${this.t('cons.identity.displayName')}</label>
          <input id=${`${prefix}-name`} name="displayName" class="nassij-input" autocomplete="nickname"
            maxlength=${DISPLAY_NAME_MAX} .value=${this.#author.displayName} aria-invalid=${name.invalid}
            aria-describedby=${`${prefix}-name-hint displayName-error`} />
          <span class="hint" id=${`${prefix}-name-hint`}>${this.t('cons.identity.displayNameHint')}</span>
          ${name.error}
        </p>
        <p>
          <label for=${`${prefix}-region`}>${this.t('cons.identity.region')}</label>
          <select id=${`${prefix}-region`} name="region" class="nassij-input">
            <option value="">${this.t('cons.identity.noRegion')}</option>
            ${REGIONS.map((r) => html`<option value=${r.code} ?selected=${r.code === this.#author.region}>${plain(this.locale, r.name)}</option>`)}
          </select>
        </p>
        <fieldset class="inline">
          <legend>${this.t('cons.identity.type')}</legend>
          ${(['citizen', 'association'] as const).map(
            (type) =>
              html`<label><input type="radio" name="participantType" value=${type} ?checked=${this.#author.participantType === type} /> ${this.t(`cons.ptype.${type}`)}</label>`,
          )}
        </fieldset>
        <!-- Bots fill every field; people never see this one. -->
        <div class="trap" aria-hidden="true">
          <label for=${`${prefix}-website`}>${this.t('cons.identity.website')}</label>
          <input id=${`${prefix}-website`} name="website" tabindex="-1" autocomplete="off" />
        </div>
      </fieldset>`;
    }
    if (!signedIn) {
      return html`<div class="identity notice">
        <p>${this.t(mode === 'associations_only' ? 'cons.identity.associationsOnly' : 'cons.identity.registered')}</p>
        <button class="nassij-button" part="button" type="button" data-sign-in @click=${() => this.#signIn()}>${this.t('action.signIn')}</button>
      </div>`;
    }
    const who = this.account ? html`<strong dir="auto">${this.account.displayName}</strong>` : '…';
    if (mode === 'associations_only') {
      const list = this.associations ?? [];
      return list.length
        ? html`<p class="identity">
            <label for=${`${prefix}-association`}>${this.t('cons.identity.actingFor')}</label>
            <select id=${`${prefix}-association`} name="associationId" class="nassij-input">
              ${list.map((m) => html`<option value=${m.association.id}>${plain(this.locale, m.association.name)}</option>`)}
            </select>
          </p>`
        : html`<p class="identity notice" data-not-representative>${this.t('cons.identity.notRepresentative')}</p>`;
    }
    return html`<p class="identity">${this.t('cons.identity.as')} ${who}</p>`;
  }

  #renderConsent(prefix: string): TemplateResult {
    if (hasConsented()) {
      return html`<details class="consent">
        <summary>${this.t('cons.consent.reminder')}</summary>
        <p>${this.t('cons.consent.purpose')}</p><p>${this.t('cons.consent.kept')}</p><p>${this.t('cons.consent.public')}</p>
      </details>`;
    }
    const field = this.#field('consent');
    return html`<div class="consent notice">
      <p class="label">${this.t('cons.consent.title')}</p>
      <p>${this.t('cons.consent.purpose')}</p>
      <p>${this.t('cons.consent.kept')}</p>
      <p>${this.t('cons.consent.public')}</p>
      <p>${this.t('cons.consent.rights')}</p>
      <label><input type="checkbox" name="consent" id=${`${prefix}-consent`} aria-invalid=${field.invalid} aria-describedby="consent-error" /> ${this.t('cons.consent.accept')}</label>
      ${field.error}
    </div>`;
  }

  #renderForm(data: Consultation, form: FormState, article: Article | undefined): TemplateResult {
    const draft = loadDraft(this.#draftKey(form)) ?? {};
    const body = this.#field('body');
    const proposed = this.#field('proposedText');
    const target = article ? this.t('cons.article', { number: article.number }) : this.t('cons.whole.title');
    return html`<form part="form" class="contribute" novalidate aria-labelledby="form-heading"
      @input=${this.#onDraftInput} @change=${this.#onDraftInput} @submit=${this.#submitForm}>
      <h4 id="form-heading" tabindex="-1">${this.t(`cons.action.${form.kind}`)} — ${target}</h4>
      <fieldset class="inline">
        <legend>${this.t('cons.position.label')}</legend>
        ${POSITIONS.map(
          (
            p,
          ) => html`<label><input type="radio" name="position" value=${p} ?checked=${draft.position === p} />
            <span aria-hidden="true">${POSITION_ICON[p]}</span> ${this.t(`cons.position.${p}`)}</label>`,
        )}
      </fieldset>
      <p>
        <label for="f-body">${this.t(`cons.form.body.${form.kind}`)}</label>
        <textarea id="f-body" name="body" class="nassij-input" rows="5" maxlength=${CONTRIBUTION_BODY_MAX}
          .value=${draft.body ?? ''} aria-invalid=${body.invalid} aria-describedby="body-count body-error"></textarea>
        ${this.#counter('body', draft.body ?? '', CONTRIBUTION_BODY_MAX)} ${body.error}
      </p>
      ${
        form.kind === 'amendment'
          ? html`<div class="compare">
              <div><p class="label">${this.t('cons.form.current')}</p><p class="current">${article ? text(this, article.body) : nothing}</p></div>
              <div>
                <label for="f-proposed" class="label">${this.t('cons.form.proposed')}</label>
                <textarea id="f-proposed" name="proposedText" class="nassij-input" rows="5" maxlength=${CONTRIBUTION_PROPOSED_TEXT_MAX}
                  .value=${draft.proposedText ?? ''} aria-invalid=${proposed.invalid} aria-describedby="proposedText-count proposedText-error"></textarea>
                ${this.#counter('proposedText', draft.proposedText ?? '', CONTRIBUTION_PROPOSED_TEXT_MAX)} ${proposed.error}
              </div>
            </div>`
          : nothing
      }
      ${this.#renderIdentity(data, 'f')} ${this.#renderConsent('f')}
      <p class="draft-note">${this.t('cons.form.draftSaved')}</p>
      ${this.formError ? html`<p role="alert" class="error">${errorMessage(this, this.formError)}</p>` : nothing}
      <p class="form-actions">
        <button class="nassij-button" part="button" type="submit" ?disabled=${this.busy}>${this.t('cons.form.send')}</button>
        <button class="nassij-button" data-variant="secondary" part="button" type="button" @click=${() => {
          this.form = undefined;
        }}>${this.t('action.cancel')}</button>
      </p>
    </form>`;
  }

  #renderQuestions(data: Consultation): TemplateResult {
    return html`<section class="questions" aria-labelledby="questions-h">
      <h3 id="questions-h">${this.t('cons.questions.title')}</h3>
      ${data.questions.map((q, index) => {
        const id = `q-${index}`;
        const error = this.#field(`answer-${q.id}`);
        return html`<form class="question" novalidate @submit=${(e: SubmitEvent) => this.#submitAnswer(e, q)}>
          <fieldset>
            <legend>${text(this, q.prompt)}</legend>
            ${
              q.kind === 'open'
                ? html`<label for=${`${id}-text`}>${this.t('cons.questions.answer')}</label>
                    <textarea id=${`${id}-text`} name="answer" class="nassij-input" maxlength=${CONTRIBUTION_BODY_MAX}
                      aria-invalid=${error.invalid}></textarea>`
                : (q.options ?? []).map(
                    (o) =>
                      html`<label><input type=${q.multiple ? 'checkbox' : 'radio'} name="answer" value=${o.id} /> ${text(this, o.label)}</label>`,
                  )
            }
            ${error.error}
          </fieldset>
          ${this.#renderIdentity(data, id)}
          ${this.#renderConsent(id)}
          <button class="nassij-button" part="button" type="submit">${this.t('cons.questions.send')}</button>
        </form>`;
      })}
      ${this.formError && !this.form ? html`<p role="alert" class="error">${errorMessage(this, this.formError)}</p>` : nothing}
    </section>`;
  }

  #renderSynthesis(data: Consultation, synthesis: Synthesis): TemplateResult {
    const numberOf = (id: string | undefined) =>
      articlesOf(this.versionText ?? data.text).find((a) => a.id === id)?.number;
    const base = this.#client?.transport.config.baseUrl;
    const download = (format: 'csv' | 'json') =>
      base
        ? safeHref(
            `${base.replace(/\/+$/, '')}/v1/open-data/contributions?format=${format}&consultationId=${encodeURIComponent(data.id)}`,
            document.baseURI,
          )
        : undefined;
    const report = safeHref(synthesis.reportUrl);
    return html`<section class="synthesis" aria-labelledby="synthesis-h">
      <h3 id="synthesis-h">${this.t('cons.synthesis.title')}</h3>
      <p class="muted">${this.t('cons.synthesis.published', { date: this.fmt.date(synthesis.publishedAt) })}</p>
      <p>${text(this, synthesis.summary)}</p>
      ${report ? html`<p><a href=${report} rel="noopener">${this.t('cons.synthesis.report')}</a></p>` : nothing}
      ${
        synthesis.articles.length
          ? html`<h4>${this.t('cons.synthesis.byArticle')}</h4>
              <ul class="by-article">
                ${synthesis.articles.map(
                  (a) =>
                    html`<li><strong>${this.t('cons.article', { number: numberOf(a.articleId) ?? a.articleId })}</strong>: ${text(this, a.summary)}</li>`,
                )}
              </ul>`
          : nothing
      }
      <h4 id="recs-h">${this.t('cons.synthesis.recommendations')}</h4>
      <ul class="recommendations" aria-labelledby="recs-h">
        ${synthesis.recommendations.map(
          (r) => html`<li class="recommendation" data-outcome=${r.outcome}>
            <p class="outcome"><span aria-hidden="true">${OUTCOME_ICON[r.outcome]} </span>${this.t(`cons.outcome.${r.outcome}`)}
              ${r.articleId ? html` · ${this.t('cons.article', { number: numberOf(r.articleId) ?? r.articleId })}` : nothing}</p>
            <blockquote class="user-text" dir="auto">${r.excerpt}</blockquote>
            <p><span class="label">${this.t('cons.synthesis.reason')}</span> ${text(this, r.reason)}</p>
          </li>`,
        )}
      </ul>
      ${
        download('csv')
          ? html`<p class="downloads">
              <a href=${download('csv') ?? ''} download data-format="csv">${this.t('cons.synthesis.csv')}</a>
              <a href=${download('json') ?? ''} download data-format="json">${this.t('cons.synthesis.json')}</a>
            </p>
            <p class="hint">${this.t('cons.synthesis.openData')}</p>`
          : nothing
      }
    </section>`;
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
}

declare global {
  // The tag as the self-registering entry defines it; declared here so the class alone brings the type.
  interface HTMLElementTagNameMap {
    'nassij-consultation': NassijConsultation;
  }
  interface GlobalEventHandlersEventMap extends NassijConsultationEventMap {}
}
