import { getIndicatorsRef, type IndicatorCode, type IndicatorSet, type RegionCode } from '@nassij/contract';
import { html, nothing, type PropertyValues } from 'lit';
import type { BaseClient } from '../base/client.js';
import { NassijElement, type NassijErrorDetail } from '../base/nassij-element.js';
import { ResourceController } from '../base/resource.js';
import { LiveAnnouncer, lazy, OnlineController, renderOffline } from '../base/states.js';
import { baseStyles } from '../styles/index.js';
import type { ChartId, SortKey } from './charts.js';
import { CsvLinks } from './csv-links.js';
import { indicatorsMessages } from './indicators.messages.js';
import { indicatorsStyles } from './indicators.styles.js';

/** What the element shows: the year's set, the national set of that year, and one set per year. */
export interface IndicatorSets {
  data?: IndicatorSet;
  national?: IndicatorSet;
  history?: IndicatorSet[];
}

let uid = 0;

/** The views of the sets (filters, figures, charts, tables): imported with the first sets, then kept. */
const setsView = lazy(() => import('./views/sets.js'));

/**
 * Key figures and charts of the platform's indicators (`GET /v1/indicators`), each figure with its
 * definition, denominator and period beside it. The charts (bars by region, a trend over years and a
 * sortable regional table) are SVG drawn by this element, readable right to left, each with a table view
 * holding exactly its data and a CSV download built in the browser.
 *
 * Client mode: `api-base`, a `client` or a `<nassij-provider>`. Data mode: set `data` (the year's set),
 * `national` (the same year for every region, for the regional charts; defaults to `data`) and `history`
 * (one set per year, for the trend); the element then never requests anything, and answers a change of
 * year or region with `nassij-indicators-change` for the host to set new data.
 *
 * @tagname nassij-indicators
 * @fires {CustomEvent<NassijIndicatorsChangeDetail>} nassij-indicators-change - The reader chose another year or region; `detail: { year, region }`.
 * @fires {CustomEvent<NassijErrorDetail>} nassij-error - A load failed; `detail: { code }`.
 * @cssprop --nassij-indicators-bar - Colour of the bars and columns (default: the primary colour).
 * @cssprop --nassij-indicators-bar-selected - Colour of the selected region's bar.
 * @csspart figure - Each chart's `<figure>`.
 * @csspart figure-card - Each key figure's card.
 * @csspart button - Buttons (table toggles, retry).
 *
 * @example
 * ```html
 * <nassij-indicators api-base="https://platform.example/api" year="2025" lang="ar"></nassij-indicators>
 * ```
 */
export class NassijIndicators extends NassijElement {
  static override properties = {
    year: { type: Number, reflect: true },
    region: { reflect: true },
    codes: {},
    chart: {},
    data: { attribute: false, noAccessor: true },
    national: { attribute: false, noAccessor: true },
    history: { attribute: false, noAccessor: true },
    errorCode: { attribute: 'error-code', noAccessor: true },
    tables: { state: true },
    sort: { state: true },
  };
  static override messages = indicatorsMessages;
  /** The element's styles: the shared tokens and base styles, then its own. */
  static override styles = [baseStyles, indicatorsStyles];

  /** The year shown (`year`); unset: the latest year with data. */
  declare year: number | undefined;
  /** A region code (`region`, `MA-01` … `MA-12`) to narrow the key figures and the trend to. */
  declare region: string | undefined;
  /** Indicator codes to show (`codes`, separated by spaces or commas); unset: all. */
  declare codes: string | undefined;
  /** The indicator drawn in the charts (`chart`); default: the share of associations supported. */
  declare chart: string | undefined;
  /** @internal Which charts show their table. */
  declare tables: Partial<Record<ChartId, boolean>>;
  /** @internal The breakdown's order. */
  declare sort: { key: SortKey; order: 'ascending' | 'descending' };

  /** @internal Ids unique to this instance (several on one page). */
  readonly uid = `nassij-ind-${++uid}`;
  /**
   * @internal The sets shown. Client mode: loaded (`load`). Data mode: the host's `data`, `national` and
   * `history` go in with `set`, the one way they reach the view.
   */
  readonly sets = new ResourceController<IndicatorSets>(this, { load: (signal) => this.#fetch(signal) });
  /** @internal */
  readonly csv = new CsvLinks(this);
  /** @internal */
  online = new OnlineController(this, (online) => {
    if (online && this.errorCode) void this.load();
  });
  /** @internal */
  announcer = new LiveAnnouncer(this);
  /** The sets' views: requested with the sets (client mode) or when a host gives them. */
  readonly #view = new ResourceController(this, {
    load: () => {
      const load = setsView.load();
      // `updateComplete` waits for the import and the render that shows it (data mode awaits nothing else).
      this.waitFor(load);
      return load;
    },
  });
  #dataMode = false;
  #announced: IndicatorSet | undefined;

  constructor() {
    super();
    this.tables = {};
    this.sort = { key: 'value', order: 'descending' };
  }

  /** The year's indicators: given by the host (data mode), or loaded. */
  get data(): IndicatorSet | undefined {
    return this.sets.value?.data;
  }
  set data(data: IndicatorSet | undefined) {
    if (data) this.#dataMode = true;
    this.#give('data', data);
  }

  /** The year's indicators for the whole country, whose region breakdown feeds the regional charts. */
  get national(): IndicatorSet | undefined {
    return this.sets.value?.national;
  }
  set national(national: IndicatorSet | undefined) {
    this.#give('national', national);
  }

  /** One set per year, in any order, for the trend. */
  get history(): IndicatorSet[] | undefined {
    return this.sets.value?.history;
  }
  set history(history: IndicatorSet[] | undefined) {
    this.#give('history', history);
  }

  /** The last load's error code (read from the loader); a host may set one to show (`error-code`). */
  get errorCode(): string | undefined {
    return this.sets.errorCode;
  }
  set errorCode(code: string | undefined) {
    const old = this.sets.errorCode;
    this.sets.errorCode = code ?? undefined;
    this.requestUpdate('errorCode', old);
  }

  #give<K extends keyof IndicatorSets>(key: K, value: IndicatorSets[K]): void {
    const old = this.sets.value?.[key];
    const next: IndicatorSets = { ...this.sets.value, [key]: value };
    // `set` keeps a code the host set, whatever order it sets things in.
    this.sets.set(next.data || next.national || next.history ? next : undefined);
    if (next.data) void this.#loadView();
    this.requestUpdate(key, old);
  }

  protected override clientChanged(client: BaseClient | undefined): void {
    if (client && !this.#dataMode) void this.load();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const filters = changed.has('year') || changed.has('region') || changed.has('codes');
    if (filters && this.hasUpdated && !this.#dataMode) void this.load();
    // Announced here, once the locale's words are loaded, and not for the first set a host gives.
    const data = this.data;
    if (data !== this.#announced) {
      if (data && (this.#announced || !this.#dataMode))
        this.announcer.announce(`${this.t('ind.title')} — ${data.year}`);
      this.#announced = data;
    }
  }

  /**
   * Loads the year's set, the national set and one set per year for the trend (client mode).
   *
   * @example
   * ```ts
   * figures.year = 2024; // loads by itself; `load()` reloads the same year
   * await figures.load();
   * ```
   */
  async load(): Promise<void> {
    if (this.#dataMode || !this.resolvedClient) return;
    // The views are requested with the sets, not after them.
    await Promise.all([this.sets.run(), this.#loadView()]);
  }

  /** Imports the sets' views unless they are here; joins an import on its way (a new run would abort it). */
  async #loadView(): Promise<void> {
    if (this.#view.value) return;
    if (this.#view.loading) await setsView.load().catch(() => undefined);
    else await this.#view.run();
  }

  async #fetch(signal: AbortSignal): Promise<IndicatorSets> {
    const client = this.resolvedClient;
    if (!client) throw new Error('No client'); // Never: `load` starts only with a client.
    const region = this.region || undefined;
    const list = (this.codes ?? '').split(/[\s,]+/).filter(Boolean) as IndicatorCode[];
    const get = (year: number | undefined, inRegion: string | undefined) =>
      client.request(getIndicatorsRef, {
        query: {
          ...(year ? { year } : {}),
          ...(inRegion ? { region: inRegion as RegionCode } : {}),
          ...(list.length ? { code: list } : {}),
        },
        signal,
      });
    const data = await get(this.year, region);
    const [national, ...history] = await Promise.all([
      region ? get(data.year, undefined) : Promise.resolve(data),
      ...data.years.map((year) => (year === data.year ? Promise.resolve(data) : get(year, region))),
    ]);
    return { data, national, history };
  }

  /** @internal The reader chose a year, a region or the charts' indicator. */
  onFilter(event: Event, name: 'year' | 'region' | 'chart'): void {
    const value = (event.target as HTMLSelectElement).value;
    if (name === 'year') this.year = Number(value);
    else if (name === 'region') this.region = value || undefined;
    else {
      this.chart = value;
      return;
    }
    this.emit('nassij-indicators-change', { year: this.year, region: this.region });
    // Data mode: the host answers the event with new data.
  }

  /** @internal Shows a chart's table instead of its drawing, or back. */
  toggleTable(id: ChartId): void {
    this.tables = { ...this.tables, [id]: !this.tables[id] };
  }

  /** @internal Sorts the breakdown by a column: again on the same column reverses the order. */
  sortBy(key: SortKey): void {
    const active = this.sort.key === key;
    const first = key === 'label' ? 'ascending' : 'descending';
    const order = active ? (this.sort.order === 'descending' ? 'ascending' : 'descending') : first;
    this.sort = { key, order };
  }

  override render() {
    return html`${this.announcer.region()}
      ${this.online.online ? nothing : renderOffline(this)}
      ${this.sets.render({ lines: 6, ready: ({ data, national }) => (data ? this.#view.render({ lines: 6, ready: (view) => view.renderSets(this, data, national ?? data) }) : nothing) })}`;
  }
}

/** `detail` of `nassij-indicators-change`: the year and region now shown. */
export interface NassijIndicatorsChangeDetail {
  /** The year shown; `undefined` for the latest. */
  year: number | undefined;
  /** A region code (`MA-09`); `undefined` for the whole country. */
  region: string | undefined;
}

/**
 * The events `<nassij-indicators>` fires; all bubble out of shadow roots (composed).
 *
 * @example
 * ```ts
 * figures.addEventListener('nassij-indicators-change', (event) => syncUrl(event.detail.year));
 * ```
 */
export interface NassijIndicatorsEventMap {
  'nassij-indicators-change': CustomEvent<NassijIndicatorsChangeDetail>;
  'nassij-error': CustomEvent<NassijErrorDetail>;
}

declare global {
  // The tag as the self-registering entry defines it; declared here so the class alone brings the type.
  interface HTMLElementTagNameMap {
    'nassij-indicators': NassijIndicators;
  }
  interface GlobalEventHandlersEventMap extends NassijIndicatorsEventMap {}
}
