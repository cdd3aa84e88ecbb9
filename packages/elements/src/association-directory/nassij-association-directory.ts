import {
  type Association,
  type AssociationSummary,
  DOMAINS,
  type DomainCode,
  getAssociationRef,
  REGIONS,
  type RegionCode,
  searchAssociationsRef,
} from '@nassij/contract';
import { html, type PropertyValues, type TemplateResult } from 'lit';
import type { BaseClient } from '../base/client.js';
import { NassijElement, type NassijErrorDetail } from '../base/nassij-element.js';
import { ResourceController } from '../base/resource.js';
import { LiveAnnouncer, lazy, plain } from '../base/states.js';
import { baseStyles } from '../styles/index.js';
import { directoryMessages } from './association-directory.messages.js';
import { directoryStyles } from './association-directory.styles.js';

/**
 * The views loaded when first needed, so the page download holds only the search form; one copy for every
 * directory of the page. `results`: with the first search (alongside its request) or when the host gives
 * `associations`. `profile`: when a profile is first opened (alongside the profile's request).
 */
const resultsView = lazy(() => import('./views/results.js'));
const profileView = lazy(() => import('./views/profile.js'));

/** The search form's values. */
export interface DirectoryFilters {
  q: string;
  region: string;
  domain: string;
  publicUtility: boolean;
}

/** The results shown: a page or more (client mode), or the host's that match (data mode). */
export interface DirectoryPage {
  items: AssociationSummary[];
  total: number;
  /** `total` is an estimate (a text found in most of a national directory); absent when it is exact. */
  estimated?: boolean;
  /** The next page's cursor; `null` on the last page and in data mode. */
  cursor: string | null;
}

/** Whether a summary matches the filters, for data mode (Arabic or French name, acronym; accents ignored). */
function matches(item: AssociationSummary, filters: DirectoryFilters): boolean {
  const fold = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f\u064b-\u0652]/g, '')
      .toLocaleLowerCase();
  const q = fold(filters.q.trim());
  const names = [...Object.values(item.name), item.acronym ?? ''].map(fold);
  return (
    (!q || names.some((name) => name.includes(q))) &&
    (!filters.region || item.region === filters.region) &&
    (!filters.domain || (item.domains as readonly string[]).includes(filters.domain)) &&
    (!filters.publicUtility || item.publicUtility)
  );
}

/**
 * The public directory of associations: search by name (Arabic or French), region, field of action and
 * public-utility status, then a profile card with the registration number, fields, region, status and what
 * the association did on the platform (calls applied to, awards and amount received, trainings attended).
 *
 * Client mode: `api-base`, `client` or a `<nassij-provider>`; `load()` searches again (`search()` is its
 * former name). Data mode: set `associations` (summaries, filtered in the page; the element then never
 * requests anything) and `profiles` (full records by id).
 *
 * @tagname nassij-association-directory
 * @fires {CustomEvent<NassijAssociationSelectDetail>} nassij-association-select - A profile was opened; `detail: { associationId }`.
 * @fires {CustomEvent<NassijErrorDetail>} nassij-error - A search or a profile failed to load; `detail: { code }`.
 * @csspart result - Each result's button.
 * @csspart profile - The profile card.
 * @csspart button - Buttons.
 *
 * @example
 * ```html
 * <nassij-association-directory api-base="https://platform.example/api" lang="fr"></nassij-association-directory>
 * ```
 */
export class NassijAssociationDirectory extends NassijElement {
  static override properties = {
    associations: { attribute: false },
    profiles: { attribute: false },
    pageSize: { type: Number, attribute: 'page-size' },
    errorCode: { attribute: 'error-code', noAccessor: true },
    filters: { state: true },
  };
  static override messages = directoryMessages;
  /** The element's styles: the shared tokens and base styles, then its own. */
  static override styles = [baseStyles, directoryStyles];

  /** Summaries to search in the page (data mode). */
  declare associations: AssociationSummary[] | undefined;
  /** Full records by id, for the profile card in data mode. */
  declare profiles: Record<string, Association> | undefined;
  /** Results per page in client mode (`page-size`). */
  declare pageSize: number;
  /** @internal The search form's values. */
  declare filters: DirectoryFilters;

  /**
   * @internal The results. Client mode: searches (`load`, `loadMore`). Data mode: `set` with the host's
   * `associations` filtered in the page, the one way they reach the view.
   */
  readonly page = new ResourceController<DirectoryPage>(this, { load: (signal) => this.#search(signal) });
  /** @internal The profile shown: `profiles[id]` (data mode) or `GET /v1/associations/{id}`. */
  readonly card = new ResourceController<Association>(this, {
    load: (signal) => {
      const client = this.resolvedClient;
      if (!client) throw new Error('No client'); // Never: a profile is fetched only with a client.
      return client.request(getAssociationRef, { params: { associationId: this.#opening ?? '' }, signal });
    },
    keepValueOnError: false,
  });
  /** @internal */
  announcer = new LiveAnnouncer(this);
  #more = false;
  #opening: string | undefined;
  #announced: DirectoryPage | undefined;
  /** The results view's module (skeleton while it is imported, error and retry offline). */
  readonly #resultsView = new ResourceController(this, { load: () => resultsView.load() });
  /** The profile view's module; once it arrives (a retry too), focus goes to the profile shown, if any. */
  readonly #profileView = new ResourceController(this, {
    load: () => profileView.load(),
    onValue: () => void this.#focusProfile(),
  });

  constructor() {
    super();
    this.pageSize = 20;
    this.filters = { q: '', region: '', domain: '', publicUtility: false };
  }

  /** The last search's error code (read from the loader); a host may set one to show (`error-code`). */
  get errorCode(): string | undefined {
    return this.page.errorCode;
  }
  set errorCode(code: string | undefined) {
    const old = this.page.errorCode;
    this.page.errorCode = code ?? undefined;
    this.requestUpdate('errorCode', old);
  }

  /** Whether a search is in flight. */
  get loading(): boolean {
    return this.page.loading;
  }

  /** The results loaded so far (client mode) or the host's that match the filters (data mode). */
  get items(): AssociationSummary[] | undefined {
    return this.page.value?.items;
  }

  /** The number of matching associations (may exceed the number loaded). */
  get total(): number | undefined {
    return this.page.value?.total;
  }

  /** The cursor of the next page, `null` on the last one. */
  get nextCursor(): string | null {
    return this.page.value?.cursor ?? null;
  }

  /** The results shown: filtered `associations` in data mode, else the loaded pages. */
  get results(): AssociationSummary[] | undefined {
    return this.items;
  }

  /** The profile shown. */
  get profile(): Association | undefined {
    return this.card.value;
  }

  protected override clientChanged(client: BaseClient | undefined): void {
    if (client && !this.associations) void this.load();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.associations && (changed.has('associations') || changed.has('filters'))) {
      this.#loadResults();
      const items = this.associations.filter((a) => matches(a, this.filters));
      this.page.set({ items, total: items.length, cursor: null });
    }
    super.willUpdate(changed);
    // Announced here rather than when the answer arrives: updates run once the locale's words are loaded.
    const value = this.page.value;
    if (value !== this.#announced) {
      this.#announced = value;
      if (value) this.announcer.announce(this.countText(value));
    }
  }

  /**
   * Searches from the first page with the current filters (client mode; data mode filters in the page).
   *
   * @example
   * ```ts
   * directory.filters = { ...directory.filters, q: 'Tifawin' };
   * await directory.load();
   * ```
   */
  async load(): Promise<void> {
    if (this.associations || !this.resolvedClient) return;
    this.#more = false;
    // The results view comes alongside the first search's request; `updateComplete` waits for both.
    this.#loadResults();
    await this.page.run();
  }

  /** Appends the next page (client mode). */
  async loadMore(): Promise<void> {
    if (this.associations || !this.nextCursor) return;
    this.#more = true;
    await this.page.run();
  }

  /**
   * The former name of {@link load} (and, with `more`, of {@link loadMore}); kept for pages that call it.
   *
   * @example
   * ```ts
   * await directory.search(); // same as directory.load()
   * ```
   */
  search(more = false): Promise<void> {
    return more ? this.loadMore() : this.load();
  }

  async #search(signal: AbortSignal): Promise<DirectoryPage> {
    const previous = this.#more ? this.page.value : undefined;
    const { q, region, domain, publicUtility } = this.filters;
    const client = this.resolvedClient;
    if (!client) throw new Error('No client'); // Never: `load` starts only with a client.
    const page = await client.request(searchAssociationsRef, {
      query: {
        limit: this.pageSize,
        ...(q.trim() ? { q: q.trim() } : {}),
        ...(region ? { region: [region as RegionCode] } : {}),
        ...(domain ? { domain: [domain as DomainCode] } : {}),
        ...(publicUtility ? { publicUtility: true } : {}),
        ...(previous?.cursor ? { cursor: previous.cursor } : {}),
      },
      signal,
    });
    const items = previous ? [...previous.items, ...page.items] : page.items;
    return {
      items,
      total: page.total ?? items.length,
      ...(page.estimated ? { estimated: true } : {}),
      cursor: page.nextCursor,
    };
  }

  /** "12 associations", or "about 210,000 associations" when the platform estimated the count. */
  countText(page: DirectoryPage): string {
    return this.t(page.estimated ? 'dir.countEstimated' : 'dir.count', { count: page.total });
  }

  /** Opens the profile card of one association (from `profiles`, or `GET /v1/associations/{id}`). */
  async open(associationId: string): Promise<void> {
    this.emit('nassij-association-select', { associationId });
    this.#opening = associationId;
    // The view's module is requested with the profile, not after it; `updateComplete` waits for it.
    const view = this.#profileView.value ? undefined : this.#profileView.run();
    if (view) this.waitFor(view);
    const local = this.profiles?.[associationId];
    if (local || !this.resolvedClient) this.card.set(local);
    else await this.card.run();
    await view;
    await this.#focusProfile();
  }

  async #focusProfile(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.profile h3')?.focus();
  }

  /** Imports the results view unless it is here; `updateComplete` waits for it and the render that shows it. */
  #loadResults(): void {
    if (!this.#resultsView.value) this.waitFor(this.#resultsView.run());
  }

  #onSubmit(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    this.filters = {
      q: String(data.get('q') ?? ''),
      region: String(data.get('region') ?? ''),
      domain: String(data.get('domain') ?? ''),
      publicUtility: data.get('publicUtility') === 'on',
    };
    this.card.set(undefined);
    void this.load();
  }

  override render(): TemplateResult {
    return html`${this.announcer.region()}
      <section aria-labelledby="dir-title">
        <h2 id="dir-title">${this.t('dir.title')}</h2>
        ${this.#renderForm()}
        ${this.page.render({
          lines: 4,
          ready: (page) =>
            this.#resultsView.render({ ready: (view) => view.renderResults(this, page), lines: 4 }),
        })}
        ${this.card.render({
          ready: (profile) =>
            this.#profileView.render({ ready: (view) => view.renderProfile(this, profile), lines: 4 }),
        })}
      </section>`;
  }

  #renderForm(): TemplateResult {
    const f = this.filters;
    return html`<form role="search" aria-label=${this.t('dir.search')} @submit=${this.#onSubmit}>
      <label class="field q"
        >${this.t('dir.q')}
        <input class="nassij-input" type="search" name="q" .value=${f.q} autocomplete="off"
      /></label>
      <label class="field"
        >${this.t('dir.region')}
        <select class="nassij-input" name="region">
          <option value="">${this.t('dir.anyRegion')}</option>
          ${REGIONS.map((r) => html`<option value=${r.code} ?selected=${r.code === f.region}>${plain(this.locale, r.name)}</option>`)}
        </select></label
      >
      <label class="field"
        >${this.t('dir.domain')}
        <select class="nassij-input" name="domain">
          <option value="">${this.t('dir.anyDomain')}</option>
          ${DOMAINS.map((d) => html`<option value=${d.code} ?selected=${d.code === f.domain}>${plain(this.locale, d.name)}</option>`)}
        </select></label
      >
      <fieldset class="field">
        <legend>${this.t('dir.status')}</legend>
        <label class="check"
          ><input type="checkbox" name="publicUtility" .checked=${f.publicUtility} />
          ${this.t('dir.publicUtilityOnly')}</label
        >
      </fieldset>
      <button class="nassij-button" part="button" type="submit">${this.t('dir.submit')}</button>
    </form>`;
  }
}

/** `detail` of `nassij-association-select`. */
export interface NassijAssociationSelectDetail {
  associationId: string;
}

/**
 * The events `<nassij-association-directory>` fires; all bubble out of shadow roots (composed).
 *
 * @example
 * ```ts
 * directory.addEventListener('nassij-association-select', (event) => track(event.detail.associationId));
 * ```
 */
export interface NassijAssociationDirectoryEventMap {
  'nassij-association-select': CustomEvent<NassijAssociationSelectDetail>;
  'nassij-error': CustomEvent<NassijErrorDetail>;
}

declare global {
  // The tag as the self-registering entry defines it; declared here so the class alone brings the type.
  interface HTMLElementTagNameMap {
    'nassij-association-directory': NassijAssociationDirectory;
  }
  interface GlobalEventHandlersEventMap extends NassijAssociationDirectoryEventMap {}
}
