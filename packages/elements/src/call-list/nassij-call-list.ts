import { type Call, type CallSummary, type Facets, getCallRef, searchCallsRef } from '@nassij/contract';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { BaseClient } from '../base/client.js';
import { callsJsonLd, renderJsonLd } from '../base/json-ld.js';
import { NassijElement } from '../base/nassij-element.js';
import { ResourceController } from '../base/resource.js';
import { LiveAnnouncer, lazy, OnlineController, renderOffline, safeHref } from '../base/states.js';
import { baseStyles } from '../styles/index.js';
import { callListMessages } from './call-list.messages.js';
import { callListStyles } from './call-list.styles.js';
import type { NassijCallListEventMap } from './events.js';
import { type CallFeedLinks, callCalendarLink, callFeedLinks, HeadFeedLink } from './feed-links.js';
import {
  CALL_SORTS,
  type CallFacet,
  type CallFilters,
  countFacets,
  emptyFilters,
  readFilters,
  splitList,
  toSearchQuery,
  writeFilters,
} from './filters.js';
import { renderFiltersPanel } from './views/filters-panel.js';
import { renderResults } from './views/results.js';
import { VirtualWindow } from './virtual-window.js';

// The event types live in events.ts; they are part of this module's public API.
export type {
  NassijApplyDetail,
  NassijCallListEventMap,
  NassijCallSearchDetail,
  NassijCallSelectDetail,
} from './events.js';

export { VIRTUALIZE_AFTER } from './virtual-window.js';

const PRESETS = ['status', 'region', 'domain', 'sector'] as const;

/**
 * The details view, loaded when a call is first opened (at the same time as the full call), so pages that
 * only list calls do not download it; one copy for every list of the page.
 */
const detailsView = lazy(() => import('./views/call-details.js'));

/** The calls shown and what came with them: one page or more (client mode), or the host's (data mode). */
export interface CallPage {
  items: CallSummary[];
  facets: Facets;
  total: number;
  /** The next page's cursor; `null` on the last page and in data mode. */
  cursor: string | null;
}

/**
 * `<nassij-call-list>`: searchable, faceted list of calls for public support, with a detail view and an
 * apply action. Arabic first and mirrored in right-to-left languages.
 *
 * Client mode: give `api-base` (or a `client`, or a `<nassij-provider>` ancestor) and the element searches
 * the platform itself. Data mode: set `calls` (and optionally `facets`, `total`, `details`) and listen to
 * `nassij-call-search` to supply new results; the element then never requests anything itself.
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
 * @csspart feed-links - The links to the feed and the calendar of the calls shown.
 * @csspart calendar-link - The "add the deadline to my calendar" link of a call's details.
 *
 * @example
 * ```html
 * <script type="module" src="https://cdn.example.ma/nassij.js"></script>
 * <nassij-call-list api-base="https://api.example.ma/" status="open" sync-url feed-link
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
    errorCode: { attribute: false, noAccessor: true },
    status: {},
    region: {},
    domain: {},
    sector: {},
    pageSize: { type: Number, attribute: 'page-size' },
    syncUrl: { type: Boolean, attribute: 'sync-url' },
    urlPrefix: { attribute: 'url-prefix' },
    applyHref: { attribute: 'apply-href' },
    feedLink: { type: Boolean, attribute: 'feed-link' },
    filters: { state: true },
    selectedId: { state: true },
    filtersOpen: { state: true },
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
  /**
   * Let the element put a `<link rel="alternate" type="application/atom+xml">` for the calls shown (the
   * current filters, in the reader's language) in the document's head, so that browsers and feed readers
   * offer it; one link per list, kept up to date and removed when the list leaves the page.
   */
  declare feedLink: boolean;
  /** @internal What the reader chose. */
  declare filters: CallFilters;
  /** @internal The call whose details are shown. */
  declare selectedId: string | undefined;
  /** @internal Whether the filters disclosure is open (narrow layouts). */
  declare filtersOpen: boolean;

  /**
   * @internal The calls shown. Client mode: searches (`load`, `loadMore`). Data mode: `set` from `calls`,
   * the one way the host's calls reach the view.
   */
  readonly page = new ResourceController<CallPage>(this, { load: (signal) => this.#search(signal) });
  /** @internal The full call whose details are shown (client mode), or `details[id]` (data mode). */
  readonly detail = new ResourceController<Call>(this, {
    load: (signal) =>
      this.#client().request(getCallRef, { params: { callId: this.selectedId ?? '' }, signal }),
    keepValueOnError: false,
  });
  /**
   * The details view's module: imported when a call is first opened (skeleton meanwhile, error and retry).
   * Once it is here, focus goes to the call's title (after a retry too, whose button is then gone).
   */
  readonly #detailsView = new ResourceController(this, {
    load: () => detailsView.load(),
    onValue: () => void this.#focusTitle(),
  });
  /** @internal The cards rendered when there are too many to render them all. */
  readonly virtual = new VirtualWindow(this);
  /** @internal */
  online = new OnlineController(this, (online) => {
    if (online && this.errorCode && !this.calls) void this.load();
  });
  /** @internal */
  announcer = new LiveAnnouncer(this);

  #more = false;
  #fromUrl = false;
  #announced: CallPage | undefined;
  #returnFocusTo: string | undefined;
  readonly #headLink = new HeadFeedLink();

  #onPopState = () => {
    const restored = readFilters(new URLSearchParams(location.search), this.urlPrefix);
    this.filters = restored ?? this.#presetFilters();
    this.#filtersChanged(false);
  };

  constructor() {
    super();
    this.pageSize = 20;
    this.syncUrl = false;
    this.feedLink = false;
    this.urlPrefix = 'nassij-';
    this.filters = emptyFilters();
    this.filtersOpen = false;
  }

  /** The code of the last failed search (read from the loader); hosts may set one to show in data mode. */
  get errorCode(): string | undefined {
    return this.page.errorCode;
  }
  set errorCode(code: string | undefined) {
    const old = this.page.errorCode;
    this.page.errorCode = code;
    this.requestUpdate('errorCode', old);
  }

  /** Whether a search is in flight. */
  get loading(): boolean {
    return this.page.loading;
  }

  /** The calls shown: the host's in data mode, else those loaded so far. */
  get results(): CallSummary[] | undefined {
    return this.page.value?.items;
  }

  /** Number of matching calls (may exceed the number loaded). */
  get resultTotal(): number {
    return this.page.value?.total ?? 0;
  }

  /** @internal For the virtual window. */
  get cardCount(): number {
    return this.results?.length ?? 0;
  }

  /** @internal For the virtual window: the list is not shown while a call's details are. */
  get listHidden(): boolean {
    return this.selectedId !== undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.syncUrl) return;
    const restored = readFilters(new URLSearchParams(location.search), this.urlPrefix);
    if (restored) {
      this.filters = restored;
      this.#fromUrl = true;
    }
    window.addEventListener('popstate', this.#onPopState);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.#onPopState);
    this.#headLink.remove();
  }

  protected override willUpdate(changed: PropertyValues): void {
    const presetChanged = PRESETS.some((name) => changed.has(name));
    if (presetChanged && !this.#fromUrl) this.filters = this.#presetFilters();
    if (this.calls && (changed.has('calls') || changed.has('facets') || changed.has('total'))) {
      const calls = this.calls;
      const facets = this.facets ?? countFacets(calls);
      this.page.set({ items: calls, facets, total: this.total ?? calls.length, cursor: null });
    }
    super.willUpdate(changed);
    if (presetChanged && this.hasUpdated && !this.calls && this.resolvedClient) void this.load();
    // Announced here, not when the answer arrives: an update runs only once the locale's catalogue is
    // loaded, so a French page never hears an Arabic count.
    const value = this.page.value;
    if (value !== this.#announced) {
      this.#announced = value;
      if (value) this.announcer.announce(this.t('callList.count', { count: value.total }));
    }
  }

  protected override clientChanged(client: BaseClient | undefined): void {
    if (client && !this.calls) void this.load();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    renderJsonLd(this, 'call-list', callsJsonLd(this.results ?? [], this.locale));
    const links = this.feedLink ? this.feedLinks : undefined;
    if (links) this.#headLink.update(links.feed, this.t('callList.title'), this.locale);
    else this.#headLink.remove();
  }

  /**
   * The Atom feed (in the reader's language) and the calendar of the calls matching the current filters;
   * `undefined` without a platform to link to (data mode without a client).
   *
   * @example
   * ```ts
   * list.feedLinks?.feed; // 'https://platform.example/api/v1/feeds/calls.atom?status=open&lang=ar'
   * ```
   */
  get feedLinks(): CallFeedLinks | undefined {
    return callFeedLinks(this.resolvedClient, this.filters, this.locale);
  }

  /** @internal The calendar file of one call's deadline, when there is a platform to link to. */
  callCalendarUrl(callId: string): string | undefined {
    return callCalendarLink(this.resolvedClient, callId, this.locale);
  }

  #presetFilters(): CallFilters {
    const filters = emptyFilters();
    filters.q = this.filters.q;
    filters.sort = this.filters.sort;
    for (const name of PRESETS) filters.values[name] = splitList(this[name]);
    return filters;
  }

  #client(): BaseClient {
    const client = this.resolvedClient;
    if (!client) throw new Error('No client'); // Never: loads start only with a client.
    return client;
  }

  /**
   * Searches from the first page with the current filters (client mode; data mode waits for the host).
   *
   * @example
   * ```ts
   * list.status = 'open forecast';
   * await list.load();
   * ```
   */
  async load(): Promise<void> {
    if (this.calls || !this.resolvedClient) return;
    this.#more = false;
    await this.page.run();
  }

  /** Appends the next page (client mode). */
  async loadMore(): Promise<void> {
    if (this.calls || !this.page.value?.cursor) return;
    this.#more = true;
    await this.page.run();
  }

  async #search(signal: AbortSignal): Promise<CallPage> {
    const previous = this.#more ? this.page.value : undefined;
    const query = { ...toSearchQuery(this.filters), limit: this.pageSize };
    const page = await this.#client().request(searchCallsRef, {
      query: previous?.cursor ? { ...query, cursor: previous.cursor } : query,
      signal,
    });
    const items = previous ? [...previous.items, ...page.items] : page.items;
    return { items, facets: page.facets ?? {}, total: page.total ?? items.length, cursor: page.nextCursor };
  }

  #filtersChanged(writeUrl = true): void {
    if (this.syncUrl && writeUrl) {
      const url = new URL(location.href);
      writeFilters(url.searchParams, this.filters, this.urlPrefix);
      history.replaceState(history.state, '', url);
    }
    this.#fromUrl = true; // the reader's choice now wins over later preset changes
    this.virtual.reset();
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

  /** @internal A facet value was checked or unchecked. */
  setFacet(facet: CallFacet, value: string, checked: boolean): void {
    const current = this.filters.values[facet].filter((v) => v !== value);
    const values = { ...this.filters.values, [facet]: checked ? [...current, value] : current };
    this.filters = { ...this.filters, values };
    this.#filtersChanged();
  }

  /** @internal */
  clearFilters(): void {
    this.filters = { ...emptyFilters(), sort: this.filters.sort };
    this.#filtersChanged();
  }

  /** Opens the detail view of a call, as activating its card does. */
  async openCall(callId: string): Promise<void> {
    const summary = this.results?.find((call) => call.id === callId);
    if (!this.emit('nassij-call-select', { callId, reference: summary?.reference })) return;
    this.#returnFocusTo = callId;
    this.selectedId = callId;
    // The view's module is requested with the full call, not after it.
    const view = this.#detailsView.value ?? this.#detailsView.run();
    const given = this.details?.[callId];
    if (given || this.calls || !this.resolvedClient) this.detail.set(given);
    else void this.detail.run();
    await view;
    await this.#focusTitle();
  }

  async #focusTitle(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#detail-title')?.focus();
  }

  /** Closes the detail view and puts focus back on the card that opened it. */
  async closeCall(): Promise<void> {
    this.selectedId = undefined;
    this.detail.set(undefined);
    const id = this.#returnFocusTo ?? '';
    const index = this.results?.findIndex((call) => call.id === id) ?? -1;
    if (index >= 0) this.virtual.ensureRendered(index);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-call-id="${CSS.escape(id)}"]`)?.focus();
  }

  /** @internal Where "apply" leads for a call, when `apply-href` is set. */
  applyUrl(callId: string): string | undefined {
    if (!this.applyHref) return undefined;
    return safeHref(this.applyHref.replaceAll('{id}', encodeURIComponent(callId)), location.href);
  }

  /** @internal */
  onApply(event: Event, call: CallSummary): void {
    const allowed = this.emit('nassij-apply', { callId: call.id, reference: call.reference });
    if (!allowed) event.preventDefault();
  }

  /** @internal Moves focus to card `index` (arrow keys walk past the rendered window). */
  focusCard(index: number): void {
    this.virtual.ensureRendered(index);
    const id = this.results?.[index]?.id ?? '';
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`[data-call-id="${CSS.escape(id)}"]`)?.focus(),
    );
  }

  /** The feed and calendar of the calls shown: they follow the filters, so they sit with the results. */
  #renderFeedLinks(): TemplateResult | typeof nothing {
    const links = this.feedLinks;
    const feed = safeHref(links?.feed);
    const calendar = safeHref(links?.calendar);
    if (!feed || !calendar) return nothing;
    return html`<ul class="feed-links" part="feed-links">
      <li><a href=${feed} type="application/atom+xml" data-link="feed">${this.t('callList.subscribeFeed')}</a></li>
      <li><a href=${calendar} type="text/calendar" data-link="calendar">${this.t('callList.addDeadlines')}</a></li>
    </ul>`;
  }

  override render(): TemplateResult {
    const offline = !this.online.online || this.errorCode === 'offline';
    const id = this.selectedId;
    if (id) {
      const view = this.#detailsView;
      return html`${this.announcer.region()}${offline ? renderOffline(this) : nothing}${
        view.value
          ? nothing
          : html`<button type="button" class="nassij-button" data-variant="secondary" part="button"
              @click=${() => this.closeCall()}>${this.t('callList.back')}</button>`
      }${view.render({ ready: (module) => module.renderCallDetails(this, id) })}`;
    }
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
          <select id="sort" name="sort" class="nassij-input" @change=${this.#onSort}>
            ${CALL_SORTS.map(
              (sort) =>
                html`<option value=${sort} ?selected=${this.filters.sort === sort}>${this.t(`callList.sort.${sort}`)}</option>`,
            )}
          </select>
        </div>
      </form>
      ${offline && this.results ? renderOffline(this) : nothing}
      <div class="layout">
        ${renderFiltersPanel(this)}
        <section class="results" aria-labelledby="results-title" aria-busy=${this.loading ? 'true' : 'false'}>
          <div class="results-head">
            <h2 id="results-title">${this.t('callList.title')}</h2>
            ${this.results ? html`<p class="muted total" tabindex="-1">${this.t('callList.count', { count: this.resultTotal })}</p>` : nothing}
          </div>
          ${this.#renderFeedLinks()}
          ${renderResults(this)}
        </section>
      </div>`;
  }
}

declare global {
  // The tag as the self-registering entry defines it; declared here so the class alone brings the type.
  interface HTMLElementTagNameMap {
    'nassij-call-list': NassijCallList;
  }
  // Typed listeners on the element, on its ancestors, on `document` and on `window`.
  interface GlobalEventHandlersEventMap extends NassijCallListEventMap {}
}
