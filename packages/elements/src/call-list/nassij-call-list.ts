import {
  type Call,
  type CallSearchQuery,
  type CallSummary,
  DOMAINS,
  type Facets,
  type FacetValue,
  getCallRef,
  type LocalizedText,
  pickText,
  REGIONS,
  SECTORS,
  searchCallsRef,
} from '@nassij/contract';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { BaseClient } from '../base/client.js';
import { callsJsonLd, renderJsonLd } from '../base/json-ld.js';
import { NassijElement, type NassijErrorDetail } from '../base/nassij-element.js';
import {
  LiveAnnouncer,
  OnlineController,
  renderEmpty,
  renderError,
  renderLoading,
  renderOffline,
  safeHref,
} from '../base/states.js';
import { baseStyles } from '../styles/index.js';
import { callListMessages } from './call-list.messages.js';
import { callListStyles } from './call-list.styles.js';
import {
  CALL_FACETS,
  CALL_SORTS,
  type CallFacet,
  type CallFilters,
  emptyFilters,
  readFilters,
  splitList,
  toSearchQuery,
  writeFilters,
} from './filters.js';

/** Beyond this many loaded calls only the visible window of cards is rendered. */
export const VIRTUALIZE_AFTER = 200;
/** Cards rendered before and after the visible ones in a virtualised list. */
const BUFFER = 6;
/** First guess of a card's height (px) until one is measured. */
const ESTIMATED_CARD = 240;

const PRESETS = ['status', 'region', 'domain', 'sector'] as const;

const names = (list: readonly { code: string; name: LocalizedText }[]) =>
  new Map(list.map((entry) => [entry.code, entry.name]));
const REFERENCE_NAMES: Partial<Record<CallFacet, Map<string, LocalizedText>>> = {
  region: names(REGIONS),
  domain: names(DOMAINS),
  sector: names(SECTORS),
};

const FORMATS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/msword': 'DOC',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.ms-excel': 'XLS',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};

/** Facet counts computed from the calls a host gave, for data mode without `facets`. */
function countFacets(calls: readonly CallSummary[]): Facets {
  const counts: Record<string, Map<string, number>> = {};
  const add = (facet: string, value: string) => {
    counts[facet] ??= new Map();
    counts[facet].set(value, (counts[facet].get(value) ?? 0) + 1);
  };
  for (const call of calls) {
    add('status', call.status);
    for (const region of call.eligibleRegions) add('region', region);
    for (const domain of call.domains) add('domain', domain);
    add('sector', call.funder.sectorCode);
    add('funderLevel', call.funder.level);
  }
  const facets: Facets = {};
  for (const [facet, map] of Object.entries(counts))
    facets[facet] = [...map].map(([value, count]) => ({ value, count }));
  return facets;
}

/**
 * `<nassij-call-list>`: searchable, faceted list of calls for public support, with a detail view and an
 * apply action. Arabic first and mirrored in right-to-left languages.
 *
 * Client mode: give `api-base` (or a `client`, or a `<nassij-provider>` ancestor) and the element searches
 * the platform itself. Data mode: set `calls` (and optionally `facets`, `total`, `details`) and listen to
 * `nassij-call-search` to supply new results.
 *
 * @tagname nassij-call-list
 * @fires {CustomEvent<NassijCallSearchDetail>} nassij-call-search - The reader changed the filters; `detail` is the `CallSearchQuery` (`q`, facet arrays, `sort`).
 * @fires {CustomEvent<NassijCallSelectDetail>} nassij-call-select - A card is being opened; `detail: { callId, reference }`. Cancelable: `preventDefault()` keeps the list.
 * @fires {CustomEvent<NassijApplyDetail>} nassij-apply - The apply action; `detail: { callId, reference }`. Cancelable: `preventDefault()` stops the link navigating.
 * @fires {CustomEvent<NassijErrorDetail>} nassij-error - A load failed; `detail: { code }` (an `ErrorCode`, an SDK code such as `network_error`, or `offline`).
 * @cssprop --nassij-call-list-gap - Space between the facet column, the results and the cards.
 * @cssprop --nassij-call-list-card-bg - Background of a card (defaults to the surface colour).
 * @csspart card - Each call card (`article`).
 * @csspart facets - The facet panel.
 * @csspart detail - The detail view.
 * @csspart apply - The apply link or button.
 * @csspart button - Buttons (search, load more, back, retry).
 *
 * @example
 * ```html
 * <script type="module" src="https://cdn.example.ma/nassij.js"></script>
 * <nassij-call-list api-base="https://api.example.ma/" status="open" sync-url
 *   apply-href="/apply/?call={id}"></nassij-call-list>
 * ```
 */
export class NassijCallList extends NassijElement {
  static override properties = {
    ...NassijElement.properties,
    calls: { attribute: false },
    facets: { attribute: false },
    total: { type: Number },
    details: { attribute: false },
    errorCode: { attribute: false },
    status: {},
    region: {},
    domain: {},
    sector: {},
    pageSize: { type: Number, attribute: 'page-size' },
    syncUrl: { type: Boolean, attribute: 'sync-url' },
    urlPrefix: { attribute: 'url-prefix' },
    applyHref: { attribute: 'apply-href' },
    filters: { state: true },
    selectedId: { state: true },
    filtersOpen: { state: true },
    loading: { state: true },
    windowStart: { state: true },
    windowEnd: { state: true },
    rowHeight: { state: true },
  };
  static override messages = callListMessages;
  /** The element's styles: the shared tokens and base styles, then its own. */
  static override styles = [baseStyles, callListStyles];

  /** Data mode: the calls to show; when set, the element does not search by itself. */
  declare calls: CallSummary[] | undefined;
  /** Data mode: facet counts; computed from `calls` when absent. */
  declare facets: Facets | undefined;
  /** Data mode: the number of matching calls (defaults to `calls.length`). */
  declare total: number | undefined;
  /** Data mode: full calls by id for the detail view (the summary is shown otherwise). */
  declare details: Record<string, Call> | undefined;
  /** An error code to show (set by the element when a load fails; hosts may set it in data mode). */
  declare errorCode: string | undefined;
  /** Initial status filter, space- or comma-separated (`open`). */
  declare status: string | undefined;
  /** Preset region filter (`MA-06`). */
  declare region: string | undefined;
  /** Preset domain filter (`youth`). */
  declare domain: string | undefined;
  /** Preset sector filter (`youth-culture`). */
  declare sector: string | undefined;
  /** Calls per page (1–100). */
  declare pageSize: number;
  /** Mirror the filters in the page URL (`history.replaceState`) and restore them on load and `popstate`. */
  declare syncUrl: boolean;
  /** Prefix of the URL parameters when `sync-url` is set. */
  declare urlPrefix: string;
  /** Where "apply" leads, `{id}` replaced by the call id (`/apply.html?call={id}`); a button otherwise. */
  declare applyHref: string | undefined;
  declare filters: CallFilters;
  declare selectedId: string | undefined;
  declare filtersOpen: boolean;
  declare loading: boolean;
  declare windowStart: number;
  declare windowEnd: number;
  declare rowHeight: number;

  /** @internal */
  online = new OnlineController(this, (online) => {
    if (online && this.errorCode && !this.calls) void this.load();
  });
  /** @internal */
  announcer = new LiveAnnouncer(this);

  #items: CallSummary[] | undefined;
  #facets: Facets | undefined;
  #total: number | undefined;
  #cursor: string | null = null;
  #abort: AbortController | undefined;
  #fromUrl = false;
  #fullCall: Call | undefined;
  #detailLoading = false;
  #returnFocusTo: string | undefined;
  #frame = 0;

  #onPopState = () => {
    const restored = readFilters(new URLSearchParams(location.search), this.urlPrefix);
    this.filters = restored ?? this.#presetFilters();
    this.#filtersChanged(false);
  };
  #onScroll = () => {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#computeWindow();
    });
  };

  constructor() {
    super();
    this.pageSize = 20;
    this.syncUrl = false;
    this.urlPrefix = 'nassij-';
    this.filters = emptyFilters();
    this.filtersOpen = false;
    this.loading = false;
    this.windowStart = 0;
    this.windowEnd = VIRTUALIZE_AFTER;
    this.rowHeight = ESTIMATED_CARD;
  }

  /** The calls shown: the host's in data mode, else those loaded so far. */
  get results(): CallSummary[] | undefined {
    return this.calls ?? this.#items;
  }

  /** Number of matching calls (may exceed the number loaded). */
  get resultTotal(): number {
    return this.total ?? this.#total ?? this.results?.length ?? 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.syncUrl) {
      const restored = readFilters(new URLSearchParams(location.search), this.urlPrefix);
      if (restored) {
        this.filters = restored;
        this.#fromUrl = true;
      }
      window.addEventListener('popstate', this.#onPopState);
    }
    document.addEventListener('scroll', this.#onScroll, { capture: true, passive: true });
    window.addEventListener('resize', this.#onScroll, { passive: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.#onPopState);
    document.removeEventListener('scroll', this.#onScroll, { capture: true });
    window.removeEventListener('resize', this.#onScroll);
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues): void {
    const presetChanged = PRESETS.some((name) => changed.has(name));
    if (presetChanged && !this.#fromUrl) this.filters = this.#presetFilters();
    super.willUpdate(changed);
    if (presetChanged && this.hasUpdated && !this.calls && this.resolvedClient) void this.load();
    if (changed.has('calls') || changed.has('total') || (changed.has('locale') && this.results)) {
      if (this.calls) this.announcer.announce(this.t('callList.count', { count: this.resultTotal }));
    }
  }

  protected override clientChanged(client: BaseClient | undefined): void {
    if (client && !this.calls) void this.load();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#virtual) this.#measure();
    renderJsonLd(this, 'call-list', callsJsonLd(this.results ?? [], this.locale));
  }

  #presetFilters(): CallFilters {
    const filters = emptyFilters();
    filters.q = this.filters.q;
    filters.sort = this.filters.sort;
    for (const name of PRESETS) filters.values[name] = splitList(this[name]);
    return filters;
  }

  /** Searches from the first page with the current filters (client mode). */
  async load(): Promise<void> {
    await this.#fetch(false);
  }

  /** Appends the next page (client mode). */
  async loadMore(): Promise<void> {
    if (this.#cursor) await this.#fetch(true);
  }

  async #fetch(more: boolean): Promise<void> {
    const client = this.resolvedClient;
    if (!client || this.calls) return;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.loading = true;
    this.errorCode = undefined;
    try {
      const query = { ...toSearchQuery(this.filters), limit: this.pageSize };
      const page = await client.request(searchCallsRef, {
        query: more && this.#cursor ? { ...query, cursor: this.#cursor } : query,
        signal: abort.signal,
      });
      if (abort.signal.aborted) return;
      this.#items = more ? [...(this.#items ?? []), ...page.items] : page.items;
      this.#facets = page.facets;
      this.#total = page.total ?? this.#items.length;
      this.#cursor = page.nextCursor;
      this.announcer.announce(this.t('callList.count', { count: this.#total }));
    } catch (error) {
      if (abort.signal.aborted) return;
      this.errorCode = this.failureCode(error);
      this.emit('nassij-error', { code: this.errorCode });
    } finally {
      if (this.#abort === abort) this.loading = false;
    }
  }

  #filtersChanged(writeUrl = true): void {
    if (this.syncUrl && writeUrl) {
      const url = new URL(location.href);
      writeFilters(url.searchParams, this.filters, this.urlPrefix);
      history.replaceState(history.state, '', url);
    }
    this.#fromUrl = true; // the reader's choice now wins over later preset changes
    this.windowStart = 0;
    this.emit('nassij-call-search', toSearchQuery(this.filters));
    void this.load();
  }

  #onSearch(event: SubmitEvent): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('q') as HTMLInputElement;
    this.filters = { ...this.filters, q: input.value };
    this.#filtersChanged();
  }

  #onSort(event: Event): void {
    const sort = (event.target as HTMLSelectElement).value as CallFilters['sort'];
    this.filters = { ...this.filters, sort };
    this.#filtersChanged();
  }

  #onFacet(facet: CallFacet, value: string, checked: boolean): void {
    const current = this.filters.values[facet].filter((v) => v !== value);
    const values = { ...this.filters.values, [facet]: checked ? [...current, value] : current };
    this.filters = { ...this.filters, values };
    this.#filtersChanged();
  }

  #clearFilters(): void {
    this.filters = { ...emptyFilters(), sort: this.filters.sort };
    this.#filtersChanged();
  }

  /** Opens the detail view of a call, as activating its card does. */
  async openCall(callId: string): Promise<void> {
    const summary = this.results?.find((call) => call.id === callId);
    const reference = summary?.reference;
    if (!this.emit('nassij-call-select', { callId, reference })) return;
    this.#returnFocusTo = callId;
    this.selectedId = callId;
    this.#fullCall = this.details?.[callId];
    const client = this.resolvedClient;
    if (!this.#fullCall && client && !this.calls) {
      this.#detailLoading = true;
      try {
        this.#fullCall = await client.request(getCallRef, { params: { callId } });
      } catch (error) {
        this.emit('nassij-error', { code: this.failureCode(error) });
      } finally {
        this.#detailLoading = false;
        this.requestUpdate();
      }
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#detail-title')?.focus();
  }

  /** Closes the detail view and puts focus back on the card that opened it. */
  async closeCall(): Promise<void> {
    this.selectedId = undefined;
    this.#fullCall = undefined;
    const id = this.#returnFocusTo;
    const index = this.results?.findIndex((call) => call.id === id) ?? -1;
    if (index >= 0) this.#ensureRendered(index);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-call-id="${CSS.escape(id ?? '')}"]`)?.focus();
  }

  #applyUrl(callId: string): string | undefined {
    if (!this.applyHref) return undefined;
    return safeHref(this.applyHref.replaceAll('{id}', encodeURIComponent(callId)), location.href);
  }

  #onApply(event: Event, call: CallSummary): void {
    const allowed = this.emit('nassij-apply', { callId: call.id, reference: call.reference });
    if (!allowed) event.preventDefault();
  }

  // --- virtualisation -------------------------------------------------------------------------------------

  get #virtual(): boolean {
    return (this.results?.length ?? 0) > VIRTUALIZE_AFTER;
  }

  #computeWindow(): void {
    const count = this.results?.length ?? 0;
    if (count <= VIRTUALIZE_AFTER || this.selectedId) return;
    const list = this.renderRoot.querySelector('.cards-window');
    if (!list) return;
    const top = list.getBoundingClientRect().top;
    const first = Math.floor(Math.max(0, -top) / this.rowHeight);
    const visible = Math.ceil(window.innerHeight / this.rowHeight) + 1;
    const start = Math.max(0, Math.min(first, count - 1) - BUFFER);
    const end = Math.min(count, first + visible + BUFFER);
    if (start !== this.windowStart || end !== this.windowEnd) {
      this.windowStart = start;
      this.windowEnd = end;
    }
  }

  #ensureRendered(index: number): void {
    if (!this.#virtual) return;
    const count = this.results?.length ?? 0;
    if (index >= this.windowStart + 1 && index < this.windowEnd - 1) return;
    this.windowStart = Math.max(0, Math.min(this.windowStart, index - BUFFER));
    this.windowEnd = Math.min(count, Math.max(index + BUFFER, this.windowStart + 2 * BUFFER));
  }

  /** Measures rendered cards so the spacers stand for the cards not rendered. */
  #measure(): void {
    const cards = this.renderRoot.querySelectorAll<HTMLElement>('ul.cards > li');
    if (!cards.length) return;
    let height = 0;
    for (const card of cards) height += card.offsetHeight;
    const average = Math.round(height / cards.length);
    if (average > 0 && Math.abs(average - this.rowHeight) > 4) {
      this.rowHeight = average;
      this.#onScroll();
    }
  }

  #onCardKey(event: KeyboardEvent, index: number): void {
    // Tab leaves a virtualised list at its rendered end; arrows walk every card, following reading order.
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const count = this.results?.length ?? 0;
    const next = index + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0 || next >= count) return;
    event.preventDefault();
    this.#ensureRendered(next);
    const id = this.results?.[next]?.id ?? '';
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`[data-call-id="${CSS.escape(id)}"]`)?.focus(),
    );
  }

  #onCardFocus(index: number): void {
    if (this.#virtual) this.#ensureRendered(index);
  }

  // --- rendering ------------------------------------------------------------------------------------------

  #text(text: LocalizedText | undefined): TemplateResult | typeof nothing {
    if (!text) return nothing;
    const picked = pickText(text, this.locale);
    return picked.locale === this.locale
      ? html`${picked.text}`
      : html`<span lang=${picked.locale} dir="auto">${picked.text}</span>`;
  }

  #facetLabel(facet: CallFacet, value: string): TemplateResult | string {
    const reference = REFERENCE_NAMES[facet]?.get(value);
    if (reference) return this.#text(reference) as TemplateResult;
    if (facet === 'status') return this.t(`status.${value}`);
    return this.t(`callList.${facet}.${value}`);
  }

  #award(call: CallSummary): string {
    const { minAward, maxAward, total } = call.budget;
    if (minAward && maxAward)
      return this.t('callList.awardBetween', {
        min: this.fmt.money(minAward),
        max: this.fmt.money(maxAward),
      });
    if (maxAward) return this.t('callList.awardUpTo', { max: this.fmt.money(maxAward) });
    if (minAward) return this.t('callList.awardFrom', { min: this.fmt.money(minAward) });
    return this.t('callList.budgetTotal', { total: this.fmt.money(total) });
  }

  #regions(call: CallSummary): TemplateResult | string {
    if (call.coverage === 'national') return this.t('callList.national');
    return html`${call.eligibleRegions.map(
      (code, i) =>
        html`${i ? '، '.slice(this.locale === 'ar' ? 0 : 1) : ''}${
          REFERENCE_NAMES.region?.get(code) ? this.#text(REFERENCE_NAMES.region.get(code)) : code
        }`,
    )}`;
  }

  #deadline(call: CallSummary): TemplateResult {
    const closes = call.dates.closes;
    if (!closes) return html`<span class="deadline-at">${this.t('callList.rolling')}</span>`;
    const days = this.fmt.daysUntil(closes.at);
    const left =
      days < 0
        ? this.t('deadline.closed')
        : days === 0
          ? this.t('deadline.closesToday')
          : this.t('count.daysLeft', { count: days });
    return html`<time class="deadline-at" datetime=${closes.at}>${this.fmt.dateTime(closes.at)}</time>
      <span class="badge days ${days >= 0 && days <= 7 ? 'soon' : ''}">${left}</span>`;
  }

  #renderCard(call: CallSummary, index: number, count: number): TemplateResult {
    return html`<li aria-setsize=${count} aria-posinset=${index + 1}>
      <article class="card" part="card" aria-labelledby="title-${call.id}">
        <div class="card-head">
          <h3 id="title-${call.id}">
            <button
              type="button"
              class="open-call"
              data-call-id=${call.id}
              @click=${() => this.openCall(call.id)}
              @keydown=${(event: KeyboardEvent) => this.#onCardKey(event, index)}
              @focus=${() => this.#onCardFocus(index)}
            >
              ${this.#text(call.title)}
            </button>
          </h3>
          <span class="badge status status-${call.status}">${this.t(`status.${call.status}`)}</span>
        </div>
        <dl>
          <dt>${this.t('callList.funder')}</dt>
          <dd>${this.#text(call.funder.name)}</dd>
          <dt>${this.t('callList.award')}</dt>
          <dd>${this.#award(call)}</dd>
          <dt>${this.t('callList.regions')}</dt>
          <dd>${this.#regions(call)}</dd>
          <dt>${this.t('callList.deadline')}</dt>
          <dd class="deadline">${this.#deadline(call)}</dd>
        </dl>
      </article>
    </li>`;
  }

  #renderFacets(): TemplateResult {
    const results = this.results ?? [];
    const facets = this.calls ? (this.facets ?? countFacets(results)) : (this.#facets ?? {});
    const selectedCount = CALL_FACETS.reduce((sum, facet) => sum + this.filters.values[facet].length, 0);
    return html`<div class="facets-column">
      <button
        type="button"
        class="nassij-button filters-toggle"
        data-variant="secondary"
        part="button"
        aria-expanded=${this.filtersOpen ? 'true' : 'false'}
        aria-controls="facets"
        @click=${() => {
          this.filtersOpen = !this.filtersOpen;
        }}
      >
        ${this.t('action.filters')}${selectedCount ? ` (${this.fmt.number(selectedCount)})` : ''}
      </button>
      <div id="facets" class="facets ${this.filtersOpen ? 'open' : ''}" part="facets">
        <h2 class="visually-hidden">${this.t('callList.filtersHeading')}</h2>
        ${CALL_FACETS.map((facet) => {
          const values: FacetValue[] = [...(facets[facet] ?? [])];
          for (const value of this.filters.values[facet])
            if (!values.some((v) => v.value === value)) values.push({ value, count: 0 });
          if (!values.length) return nothing;
          return html`<fieldset data-facet=${facet}>
            <legend>${this.t(`callList.facet.${facet}`)}</legend>
            ${values.map(
              ({ value, count }) => html`<label class="facet-value">
                <input
                  type="checkbox"
                  name=${facet}
                  .value=${value}
                  .checked=${this.filters.values[facet].includes(value)}
                  @change=${(event: Event) =>
                    this.#onFacet(facet, value, (event.target as HTMLInputElement).checked)}
                />
                <span>${this.#facetLabel(facet, value)}</span>
                <span class="count">(${this.fmt.number(count)})</span>
              </label>`,
            )}
          </fieldset>`;
        })}
        ${
          selectedCount || this.filters.q
            ? html`<button type="button" class="nassij-button" data-variant="secondary" part="button"
                @click=${() => this.#clearFilters()}>${this.t('action.clearFilters')}</button>`
            : nothing
        }
      </div>
    </div>`;
  }

  #renderResults(): TemplateResult {
    const results = this.results;
    if (this.errorCode && this.errorCode !== 'offline' && !results?.length)
      return renderError(this, { code: this.errorCode, onRetry: () => this.load() });
    if (this.errorCode === 'offline' && !results) return renderError(this, { code: 'offline' });
    if (!results || (this.loading && !this.#cursor && !results.length))
      return renderLoading(this, { lines: 4 });
    if (!results.length) return renderEmpty(this, { message: this.t('callList.none') });
    const count = results.length;
    const virtual = count > VIRTUALIZE_AFTER;
    const start = virtual ? this.windowStart : 0;
    const end = virtual ? Math.max(start + 1, Math.min(this.windowEnd, count)) : count;
    const before = start * this.rowHeight;
    const after = (count - end) * this.rowHeight;
    return html`<div class="cards-window">
        ${virtual ? html`<div aria-hidden="true" style=${styleMap({ blockSize: `${before}px` })}></div>` : nothing}
        <ul class="cards" aria-label=${this.t('callList.count', { count: this.resultTotal })}>
          ${repeat(
            results.slice(start, end),
            (call) => call.id,
            (call, i) => this.#renderCard(call, start + i, count),
          )}
        </ul>
        ${virtual ? html`<div aria-hidden="true" style=${styleMap({ blockSize: `${after}px` })}></div>` : nothing}
      </div>
      ${
        this.#cursor && !this.calls
          ? html`<div class="more">
            <p class="muted">${this.t('pagination.showing', { shown: count, total: this.resultTotal })}</p>
            <button type="button" class="nassij-button" part="button" ?disabled=${this.loading}
              @click=${() => this.loadMore()}>${this.t('pagination.loadMore')}</button>
          </div>`
          : nothing
      }`;
  }

  #renderDetail(id: string): TemplateResult {
    const summary = this.results?.find((call) => call.id === id);
    const call: CallSummary | undefined = this.#fullCall ?? summary;
    const full = this.#fullCall;
    const back = html`<button type="button" class="nassij-button" data-variant="secondary" part="button"
      @click=${() => this.closeCall()}>${this.t('callList.back')}</button>`;
    if (!call) return html`${back}${this.#detailLoading ? renderLoading(this) : renderEmpty(this)}`;
    const applyUrl = this.#applyUrl(call.id);
    const apply = applyUrl
      ? html`<a class="nassij-button" part="apply" href=${applyUrl} @click=${(e: Event) => this.#onApply(e, call)}
          >${this.t('callList.apply')}</a>`
      : html`<button type="button" class="nassij-button" part="apply" @click=${(e: Event) => this.#onApply(e, call)}>
          ${this.t('callList.apply')}
        </button>`;
    const date = (label: string, at: string | undefined) =>
      at
        ? html`<dt>${this.t(label)}</dt><dd><time datetime=${at}>${this.fmt.dateTime(at)}</time></dd>`
        : nothing;
    return html`<article class="detail" part="detail" @keydown=${(e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        void this.closeCall();
      }
    }}>
      <div class="detail-actions">${back}</div>
      <h2 id="detail-title" tabindex="-1">${this.#text(call.title)}</h2>
      <p class="muted">${this.t('callList.reference')}: <span dir="ltr">${call.reference}</span> ·
        <span class="badge status status-${call.status}">${this.t(`status.${call.status}`)}</span></p>
      <dl>
        <dt>${this.t('callList.funder')}</dt><dd>${this.#text(call.funder.name)}</dd>
        <dt>${this.t('callList.award')}</dt><dd>${this.#award(call)}</dd>
        <dt>${this.t('callList.regions')}</dt><dd>${this.#regions(call)}</dd>
        <dt>${this.t('callList.deadline')}</dt><dd class="deadline">${this.#deadline(call)}</dd>
      </dl>
      ${call.status === 'open' ? html`<div class="detail-actions">${apply}</div>` : nothing}
      <section>
        <h3>${this.t('callList.description')}</h3>
        <p>${this.#text(full?.description ?? call.summary)}</p>
      </section>
      ${this.#detailLoading ? renderLoading(this) : nothing}
      ${
        full?.criteria.length
          ? html`<section>
            <h3>${this.t('callList.criteria')}</h3>
            <ul>
              ${full.criteria.map(
                (c) => html`<li>${this.#text(c.label)} —
                  ${this.t('callList.weight', { weight: this.fmt.percent(c.weight / 100) })}
                  ${c.description ? html`<br /><span class="muted">${this.#text(c.description)}</span>` : nothing}</li>`,
              )}
            </ul>
          </section>`
          : nothing
      }
      ${
        full?.requiredDocuments.length
          ? html`<section>
            <h3>${this.t('callList.requiredDocuments')}</h3>
            <ul>
              ${full.requiredDocuments.map((d) => {
                const template = safeHref(d.templateUrl);
                return html`<li>
                  <strong>${this.#text(d.label)}</strong>
                  (${d.requirement === 'mandatory' ? this.t('callList.mandatory') : this.t('callList.conditional')})
                  ${d.condition ? html`— ${this.#text(d.condition)}` : nothing}
                  <br /><span class="muted">${this.t('callList.formats', {
                    formats: d.mediaTypes.map((m) => FORMATS[m] ?? m.split('/')[1]?.toUpperCase()).join(', '),
                  })} · ${this.t('callList.maxSize', {
                    size: this.fmt.number(Math.round((d.maxBytes / 1_048_576) * 10) / 10),
                  })}</span>
                  ${template ? html`· <a href=${template} rel="noopener">${this.t('callList.template')}</a>` : nothing}
                </li>`;
              })}
            </ul>
          </section>`
          : nothing
      }
      <section>
        <h3>${this.t('callList.keyDates')}</h3>
        <dl>
          ${date('callList.date.published', call.dates.publishedAt)}
          ${date('callList.date.opens', call.dates.opensAt)}
          ${date('callList.date.enquiries', call.dates.enquiryPeriod?.end)}
          ${(call.dates.infoSessions ?? []).map(
            (s) => html`<dt>${this.t('callList.date.infoSession')}</dt>
              <dd><time datetime=${s.at}>${this.fmt.dateTime(s.at)}</time> — ${this.#text(s.place)}</dd>`,
          )}
          ${date('callList.date.closes', call.dates.closes?.at)}
          ${date('callList.date.decision', call.dates.decisionExpectedAt)}
        </dl>
      </section>
      ${
        full?.amendments.length
          ? html`<section>
            <h3>${this.t('callList.amendments')}</h3>
            <ul>
              ${full.amendments.map(
                (a) => html`<li>
                  ${this.t('callList.amendment', { version: this.fmt.number(a.version), date: this.fmt.date(a.at) })}:
                  ${this.#text(a.summary)}
                </li>`,
              )}
            </ul>
          </section>`
          : nothing
      }
      ${full ? this.#renderContact(full) : nothing}
      ${
        full?.documents.some((d) => safeHref(d.url))
          ? html`<section>
            <h3>${this.t('callList.documents')}</h3>
            <ul>
              ${full.documents.map((d) => {
                const url = safeHref(d.url);
                return url
                  ? html`<li><a href=${url} rel="noopener">${this.#text(d.title)}</a></li>`
                  : nothing;
              })}
            </ul>
          </section>`
          : nothing
      }
    </article>`;
  }

  #renderContact(call: Call): TemplateResult | typeof nothing {
    const { name, email, phone, url } = call.contact;
    const site = safeHref(url);
    if (!name && !email && !phone && !site) return nothing;
    return html`<section>
      <h3>${this.t('callList.contact')}</h3>
      <dl>
        ${name ? html`<dt class="visually-hidden">${this.t('callList.contact')}</dt><dd>${this.#text(name)}</dd>` : nothing}
        ${email ? html`<dt>${this.t('callList.email')}</dt><dd><a href="mailto:${email}" dir="ltr">${email}</a></dd>` : nothing}
        ${phone ? html`<dt>${this.t('callList.phone')}</dt><dd><a href="tel:${phone}" dir="ltr">${phone}</a></dd>` : nothing}
        ${site ? html`<dt>${this.t('callList.website')}</dt><dd><a href=${site} rel="noopener" dir="ltr">${site}</a></dd>` : nothing}
      </dl>
    </section>`;
  }

  override render(): TemplateResult {
    const offline = !this.online.online || this.errorCode === 'offline';
    if (this.selectedId)
      return html`${this.announcer.region()}${offline ? renderOffline(this) : nothing}${this.#renderDetail(this.selectedId)}`;
    return html`${this.announcer.region()}
      <form class="toolbar" role="search" @submit=${this.#onSearch}>
        <div class="search">
          <div class="field">
            <label for="q">${this.t('callList.searchLabel')}</label>
            <input id="q" name="q" type="search" class="nassij-input" maxlength="200" .value=${this.filters.q} />
          </div>
          <button type="submit" class="nassij-button" part="button">${this.t('action.search')}</button>
        </div>
        <div class="field">
          <label for="sort">${this.t('callList.sortLabel')}</label>
          <select id="sort" class="nassij-input" @change=${this.#onSort}>
            ${CALL_SORTS.map(
              (sort) =>
                html`<option value=${sort} ?selected=${this.filters.sort === sort}>${this.t(`callList.sort.${sort}`)}</option>`,
            )}
          </select>
        </div>
      </form>
      ${offline && this.results ? renderOffline(this) : nothing}
      <div class="layout">
        ${this.#renderFacets()}
        <section class="results" aria-labelledby="results-title" aria-busy=${this.loading ? 'true' : 'false'}>
          <div class="results-head">
            <h2 id="results-title">${this.t('callList.title')}</h2>
            ${this.results ? html`<p class="muted total">${this.t('callList.count', { count: this.resultTotal })}</p>` : nothing}
          </div>
          ${this.#renderResults()}
        </section>
      </div>`;
  }
}

/** `detail` of `nassij-call-search`: the search the reader asked for (`q`, facet arrays, `sort`). */
export type NassijCallSearchDetail = CallSearchQuery;

/** `detail` of `nassij-call-select`. */
export interface NassijCallSelectDetail {
  callId: string;
  /** The call's public reference (`MA-MJCC-2026-0007`), when the summary is loaded. */
  reference: string | undefined;
}

/** `detail` of `nassij-apply`. */
export interface NassijApplyDetail {
  callId: string;
  reference: string;
}

/**
 * The events `<nassij-call-list>` fires; all bubble out of shadow roots (composed).
 *
 * @example
 * ```ts
 * list.addEventListener('nassij-apply', (event) => openForm(event.detail.callId));
 * ```
 */
export interface NassijCallListEventMap {
  'nassij-call-search': CustomEvent<NassijCallSearchDetail>;
  'nassij-call-select': CustomEvent<NassijCallSelectDetail>;
  'nassij-apply': CustomEvent<NassijApplyDetail>;
  'nassij-error': CustomEvent<NassijErrorDetail>;
}

declare global {
  // The tag as the self-registering entry defines it; declared here so the class alone brings the type.
  interface HTMLElementTagNameMap {
    'nassij-call-list': NassijCallList;
  }
  // Typed listeners on the element, on its ancestors, on `document` and on `window`.
  interface GlobalEventHandlersEventMap extends NassijCallListEventMap {}
}
