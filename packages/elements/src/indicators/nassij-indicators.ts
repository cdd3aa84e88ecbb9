import {
  getIndicatorsRef,
  type Indicator,
  type IndicatorBreakdown,
  type IndicatorCode,
  type IndicatorSet,
  pickText,
  REGIONS,
  type RegionCode,
  regionName,
} from '@nassij/contract';
import { css, html, nothing, type PropertyValues, svg, type TemplateResult } from 'lit';
import type { BaseClient } from '../base/client.js';
import { NassijElement } from '../base/nassij-element.js';
import {
  LiveAnnouncer,
  OnlineController,
  renderEmpty,
  renderError,
  renderLoading,
  renderOffline,
} from '../base/states.js';
import { baseStyles } from '../styles/index.js';
import {
  BAR_CHART,
  barLayout,
  type ChartBar,
  type SortKey,
  sortRows,
  TREND_CHART,
  toCsv,
  trendLayout,
} from './charts.js';
import { indicatorsMessages } from './indicators.messages.js';

/** Indicators whose numerator and denominator are amounts in MAD rather than counts. */
const MONEY_PARTS: ReadonlySet<IndicatorCode> = new Set(['support_concentration_top_fifth']);

/** One row of the regional data: the region, its value and the parts of the ratio. */
interface RegionRow {
  key: string;
  label: string;
  value: number;
  numerator?: number;
  denominatorValue?: number;
}

type ChartId = 'bars' | 'trend' | 'breakdown';

let uid = 0;

/**
 * Key figures and charts of the platform's indicators (`GET /v1/indicators`), each figure with its
 * definition, denominator and period beside it. The charts (bars by region, a trend over years and a
 * sortable regional table) are SVG drawn by this element, readable right to left, each with a table view
 * holding exactly its data and a CSV download built in the browser.
 *
 * Client mode: `api-base`, a `client` or a `<nassij-provider>`. Data mode: set `data` (the year's set),
 * `national` (the same year for every region, for the regional charts; defaults to `data`) and `history`
 * (one set per year, for the trend).
 *
 * @tagname nassij-indicators
 * @fires {CustomEvent<NassijIndicatorsChangeDetail>} nassij-indicators-change - The reader chose another year or region; `detail: { year, region }`.
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
    data: { attribute: false },
    national: { attribute: false },
    history: { attribute: false },
    errorCode: { attribute: 'error-code' },
    tables: { state: true },
    sort: { state: true },
  };
  static override messages = indicatorsMessages;

  /** The year shown (`year`); unset: the latest year with data. */
  declare year: number | undefined;
  /** A region code (`region`, `MA-01` … `MA-12`) to narrow the key figures and the trend to. */
  declare region: string | undefined;
  /** Indicator codes to show (`codes`, separated by spaces or commas); unset: all. */
  declare codes: string | undefined;
  /** The indicator drawn in the charts (`chart`); default: the share of associations supported. */
  declare chart: string | undefined;
  /** The year's indicators (data mode, or loaded). */
  declare data: IndicatorSet | undefined;
  /** The year's indicators for the whole country, whose region breakdown feeds the regional charts. */
  declare national: IndicatorSet | undefined;
  /** One set per year, in any order, for the trend. */
  declare history: IndicatorSet[] | undefined;
  /** An error code to show (data mode), or the last load's. */
  declare errorCode: string | undefined;
  declare tables: Partial<Record<ChartId, boolean>>;
  declare sort: { key: SortKey; order: 'ascending' | 'descending' };

  /** @internal */
  online = new OnlineController(this, (online) => {
    if (online && this.errorCode && this.#clientMode) void this.load();
  });
  /** @internal */
  announcer = new LiveAnnouncer(this);
  #id = `nassij-ind-${++uid}`;
  #loads = 0;
  #clientMode = false;
  #urls = new Map<string, { csv: string; url: string }>();

  constructor() {
    super();
    this.tables = {};
    this.sort = { key: 'value', order: 'descending' };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Blob URLs keep their data alive until revoked.
    for (const { url } of this.#urls.values()) URL.revokeObjectURL(url);
    this.#urls.clear();
  }

  protected override clientChanged(client: BaseClient | undefined): void {
    this.#clientMode = Boolean(client) && !this.data;
    if (this.#clientMode) void this.load();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const filters = changed.has('year') || changed.has('region') || changed.has('codes');
    if (filters && this.hasUpdated && this.#clientMode) void this.load();
  }

  #codes(): IndicatorCode[] | undefined {
    const list = (this.codes ?? '').split(/[\s,]+/).filter(Boolean) as IndicatorCode[];
    return list.length > 0 ? list : undefined;
  }

  /** Loads the year's set, the national set and one set per year for the trend (client mode). */
  async load(): Promise<void> {
    const client = this.resolvedClient;
    if (!client) return;
    const ticket = ++this.#loads;
    this.errorCode = undefined;
    this.data = undefined;
    const region = this.region || undefined;
    const code = this.#codes();
    const get = (year: number | undefined, inRegion: string | undefined) =>
      client.request(getIndicatorsRef, {
        query: {
          ...(year ? { year } : {}),
          ...(inRegion ? { region: inRegion as RegionCode } : {}),
          ...(code ? { code } : {}),
        },
      });
    try {
      const data = await get(this.year, region);
      const [national, ...history] = await Promise.all([
        region ? get(data.year, undefined) : Promise.resolve(data),
        ...data.years.map((year) => (year === data.year ? Promise.resolve(data) : get(year, region))),
      ]);
      if (ticket !== this.#loads) return;
      this.national = national;
      this.history = history;
      this.data = data;
      this.announcer.announce(`${this.t('ind.title')} — ${data.year}`);
    } catch (error) {
      if (ticket === this.#loads) this.errorCode = this.failureCode(error);
    }
  }

  #text(value: Parameters<typeof pickText>[0] | undefined): string {
    return value ? pickText(value, this.locale).text : '';
  }

  /** A value as it reads for its unit: Latin digits, percent, MAD. */
  #format(unit: Indicator['unit'], value: number): string {
    if (unit === 'percent') return this.fmt.percent(value / 100, 2);
    if (unit === 'money') return this.fmt.money({ amount: value.toFixed(2), currency: 'MAD' });
    return this.fmt.number(value);
  }

  #part(indicator: Indicator, value: number): string {
    return MONEY_PARTS.has(indicator.code)
      ? this.fmt.money({ amount: value.toFixed(2), currency: 'MAD' })
      : this.fmt.number(value);
  }

  #chartCode(set: IndicatorSet): IndicatorCode | undefined {
    const withRegions = set.indicators.filter((i) => i.breakdown?.some((row) => row.dimension === 'region'));
    const wanted = withRegions.find((i) => i.code === this.chart) ?? withRegions[0];
    return wanted?.code;
  }

  /** The chart indicator's value in every one of the 12 regions (a region without a row reads 0). */
  #regionRows(indicator: Indicator | undefined): RegionRow[] {
    if (!indicator) return [];
    const rows = new Map<string, IndicatorBreakdown>();
    for (const row of indicator.breakdown ?? []) if (row.dimension === 'region') rows.set(row.key, row);
    return REGIONS.map((region) => {
      const row = rows.get(region.code);
      return {
        key: region.code,
        label: pickText(region.name, this.locale).text,
        value: row?.value ?? 0,
        ...(row?.numerator !== undefined ? { numerator: row.numerator } : {}),
        ...(row?.denominatorValue !== undefined ? { denominatorValue: row.denominatorValue } : {}),
      };
    });
  }

  /** A `blob:` URL for a CSV, kept while its content is the same and revoked when it changes. */
  #csvUrl(id: string, csv: string): string {
    const cached = this.#urls.get(id);
    if (cached?.csv === csv) return cached.url;
    if (cached) URL.revokeObjectURL(cached.url);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    this.#urls.set(id, { csv, url });
    return url;
  }

  #onFilter(event: Event, name: 'year' | 'region' | 'chart'): void {
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

  #toggle(id: ChartId): void {
    this.tables = { ...this.tables, [id]: !this.tables[id] };
  }

  override render() {
    if (this.errorCode) return renderError(this, { code: this.errorCode, onRetry: () => void this.load() });
    const data = this.data;
    if (!data) return html`${this.announcer.region()}${renderLoading(this, { lines: 6 })}`;
    const indicators = data.indicators;
    const national = this.national ?? data;
    const code = this.#chartCode(national);
    return html`${this.announcer.region()}
      ${this.online.online ? nothing : renderOffline(this)}
      <section aria-labelledby="${this.#id}-title">
        <h2 id="${this.#id}-title">${this.t('ind.title')}</h2>
        ${this.#renderFilters(data, national)}
        ${indicators.length === 0 ? renderEmpty(this, { message: this.t('ind.empty') }) : this.#renderFigures(data)}
        ${
          code
            ? html`${this.#renderBars(national, code)} ${this.#renderTrend(data, code)}
              ${this.#renderBreakdown(national, code)}`
            : indicators.length > 0
              ? html`<p class="note">${this.t('ind.noChart')}</p>`
              : nothing
        }
      </section>`;
  }

  #renderFilters(data: IndicatorSet, national: IndicatorSet): TemplateResult {
    const chartable = national.indicators.filter((i) =>
      i.breakdown?.some((row) => row.dimension === 'region'),
    );
    const code = this.#chartCode(national);
    const years = [...new Set([...data.years, data.year])].sort((a, b) => b - a);
    return html`<fieldset class="filters">
      <legend>${this.t('ind.filters')}</legend>
      <label
        >${this.t('ind.year')}
        <select class="nassij-input" name="year" @change=${(e: Event) => this.#onFilter(e, 'year')}>
          ${years.map((year) => html`<option value=${year} ?selected=${year === data.year}>${year}</option>`)}
        </select></label
      >
      <label
        >${this.t('ind.region')}
        <select class="nassij-input" name="region" @change=${(e: Event) => this.#onFilter(e, 'region')}>
          <option value="" ?selected=${!data.region}>${this.t('ind.allRegions')}</option>
          ${REGIONS.map(
            (r) =>
              html`<option value=${r.code} ?selected=${r.code === data.region}>
                ${pickText(r.name, this.locale).text}
              </option>`,
          )}
        </select></label
      >
      ${
        chartable.length > 1
          ? html`<label
              >${this.t('ind.chartIndicator')}
              <select class="nassij-input" name="chart" @change=${(e: Event) => this.#onFilter(e, 'chart')}>
                ${chartable.map(
                  (i) =>
                    html`<option value=${i.code} ?selected=${i.code === code}>${this.#text(i.name)}</option>`,
                )}
              </select></label
            >`
          : nothing
      }
    </fieldset>`;
  }

  #scope(data: IndicatorSet): string {
    return data.region
      ? this.t('ind.scope.region', { region: regionName(data.region, this.locale) })
      : this.t('ind.scope.national');
  }

  #renderFigures(data: IndicatorSet): TemplateResult {
    const csv = toCsv(
      ['code', 'name', 'year', 'region', 'unit', 'value', 'numerator', 'denominator'],
      data.indicators.map((i) => [
        i.code,
        this.#text(i.name),
        i.period.year,
        data.region ?? '',
        i.unit,
        i.value,
        i.numerator ?? null,
        i.denominatorValue ?? null,
      ]),
    );
    return html`<h3>${this.t('ind.keyFigures')}</h3>
      <p class="scope">${this.#scope(data)}</p>
      <ul class="figures">
        ${data.indicators.map((i) => this.#renderFigure(i))}
      </ul>
      <p>
        <a
          class="download"
          href=${this.#csvUrl('figures', csv)}
          download=${`nassij-indicators-${data.year}${data.region ? `-${data.region}` : ''}.csv`}
          >${this.t('ind.downloadAll')}</a
        >
      </p>`;
  }

  #renderFigure(i: Indicator): TemplateResult {
    const name = pickText(i.name, this.locale);
    const definition = pickText(i.definition, this.locale);
    const denominator = i.denominator ? pickText(i.denominator, this.locale) : undefined;
    return html`<li class="figure" part="figure-card" data-code=${i.code}>
      <h4 lang=${name.locale}>${name.text}</h4>
      <p class="value" data-value=${i.value}>${this.#format(i.unit, i.value)}</p>
      ${
        i.numerator !== undefined && i.denominatorValue !== undefined && i.unit !== 'count'
          ? html`<p class="ratio">
              ${this.t('ind.ratio', { numerator: this.#part(i, i.numerator), denominator: this.#part(i, i.denominatorValue) })}
            </p>`
          : nothing
      }
      <p class="period">${this.t('ind.period', { year: String(i.period.year) })}</p>
      <p class="denominator">
        ${denominator ? html`<span lang=${denominator.locale}>${this.t('ind.denominator', { text: denominator.text })}</span>` : this.t('ind.noDenominator')}
      </p>
      <details>
        <summary>${this.t('ind.definition')}</summary>
        <p lang=${definition.locale}>${definition.text}</p>
      </details>
    </li>`;
  }

  #dir(): 'ltr' | 'rtl' {
    return this.getAttribute('dir') === 'rtl' ? 'rtl' : 'ltr';
  }

  /** The frame every chart shares: figure, caption, description, toggle and download link. */
  #figure(
    id: ChartId,
    title: string,
    description: string,
    chart: TemplateResult,
    table: TemplateResult,
    csv: string,
    filename: string,
  ): TemplateResult {
    const shown = Boolean(this.tables[id]);
    return html`<figure part="figure" data-chart=${id} aria-labelledby="${this.#id}-${id}-cap">
      <figcaption id="${this.#id}-${id}-cap">${title}</figcaption>
      <p id="${this.#id}-${id}-desc" class="desc">${description}</p>
      <div class="actions">
        <button
          type="button"
          class="nassij-button toggle"
          part="button"
          aria-pressed=${shown ? 'true' : 'false'}
          @click=${() => this.#toggle(id)}
        >
          ${this.t(shown ? 'ind.showChart' : 'ind.showTable')}
        </button>
        <a class="download" href=${this.#csvUrl(id, csv)} download=${filename}
          >${this.t('ind.download')}<span class="visually-hidden"> — ${this.t('ind.downloadOf', { title })}</span></a
        >
      </div>
      ${shown ? table : chart}
    </figure>`;
  }

  #renderBars(national: IndicatorSet, code: IndicatorCode): TemplateResult {
    const indicator = national.indicators.find((i) => i.code === code);
    if (!indicator) return html``;
    const rows = this.#regionRows(indicator);
    const dir = this.#dir();
    const bars = barLayout(rows, dir);
    const title = this.t('ind.bars.title', {
      indicator: this.#text(indicator.name),
      year: String(national.year),
    });
    const max = rows.reduce((a, b) => (b.value > a.value ? b : a), rows[0] as RegionRow);
    const min = rows.reduce((a, b) => (b.value < a.value ? b : a), rows[0] as RegionRow);
    const description = this.t('ind.bars.desc', {
      max: max.label,
      maxValue: this.#format(indicator.unit, max.value),
      min: min.label,
      minValue: this.#format(indicator.unit, min.value),
      count: rows.length,
    });
    const selected = this.data?.region;
    const { width, labelWidth, pad, row } = BAR_CHART;
    const height = rows.length * row;
    const labelX = dir === 'rtl' ? width - labelWidth + pad : labelWidth - pad;
    const chart = html`<svg
      class="chart bars"
      role="img"
      aria-labelledby="${this.#id}-bars-cap"
      aria-describedby="${this.#id}-bars-desc"
      viewBox="0 0 ${width} ${height}"
      direction=${dir}
    >
      ${bars.map((bar) => {
        const isSelected = bar.key === selected;
        const valueX = dir === 'rtl' ? bar.x - pad / 2 : bar.x + bar.width + pad / 2;
        const middle = bar.y + bar.height / 2;
        return svg`<g class=${isSelected ? 'selected' : ''}>
          <text class="label" x=${labelX} y=${middle} text-anchor="end" dominant-baseline="central" direction=${dir}
            >${bar.label}${isSelected ? ` ${this.t('ind.selected')}` : ''}</text>
          <rect class="bar" data-key=${bar.key} data-value=${bar.value} x=${bar.x} y=${bar.y} width=${bar.width} height=${bar.height}></rect>
          <text class="value" x=${valueX} y=${middle} text-anchor="start" dominant-baseline="central" direction=${dir}
            >${this.#format(indicator.unit, bar.value)}</text>
        </g>`;
      })}
    </svg>`;
    const table = this.#table(title, this.t('ind.col.region'), rows, indicator, 'bars');
    const csv = toCsv(
      ['indicator', 'year', 'region', 'region_name', 'value', 'numerator', 'denominator'],
      rows.map((r) => [
        code,
        national.year,
        r.key,
        r.label,
        r.value,
        r.numerator ?? null,
        r.denominatorValue ?? null,
      ]),
    );
    return this.#figure(
      'bars',
      title,
      description,
      chart,
      table,
      csv,
      `nassij-${code}-${national.year}-regions.csv`,
    );
  }

  #trendRows(code: IndicatorCode): RegionRow[] {
    const sets = [...(this.history ?? (this.data ? [this.data] : []))].sort((a, b) => a.year - b.year);
    const rows: RegionRow[] = [];
    for (const set of sets) {
      const indicator = set.indicators.find((i) => i.code === code);
      if (!indicator) continue;
      rows.push({
        key: String(set.year),
        label: String(set.year),
        value: indicator.value,
        ...(indicator.numerator !== undefined ? { numerator: indicator.numerator } : {}),
        ...(indicator.denominatorValue !== undefined ? { denominatorValue: indicator.denominatorValue } : {}),
      });
    }
    return rows;
  }

  #renderTrend(data: IndicatorSet, code: IndicatorCode): TemplateResult {
    const indicator = data.indicators.find((i) => i.code === code);
    const rows = this.#trendRows(code);
    if (!indicator || rows.length === 0) return html``;
    const dir = this.#dir();
    const columns = trendLayout(rows, dir);
    const title = this.t('ind.trend.title', {
      indicator: this.#text(indicator.name),
      scope: this.#scope(data),
    });
    const first = rows[0] as RegionRow;
    const last = rows[rows.length - 1] as RegionRow;
    const description = this.t('ind.trend.desc', {
      first: first.label,
      firstValue: this.#format(indicator.unit, first.value),
      last: last.label,
      lastValue: this.#format(indicator.unit, last.value),
    });
    const { width, height, bottom, side } = TREND_CHART;
    const base = height - bottom;
    const chart = html`<svg
      class="chart trend"
      role="img"
      aria-labelledby="${this.#id}-trend-cap"
      aria-describedby="${this.#id}-trend-desc"
      viewBox="0 0 ${width} ${height}"
      direction=${dir}
    >
      <line class="axis" x1=${side} x2=${width - side} y1=${base} y2=${base}></line>
      ${columns.map((c: ChartBar) => {
        const middle = c.x + c.width / 2;
        return svg`<g>
          <rect class="bar" data-key=${c.key} data-value=${c.value} x=${c.x} y=${c.y} width=${c.width} height=${c.height}></rect>
          <text class="value" x=${middle} y=${c.y - 6} text-anchor="middle">${this.#format(indicator.unit, c.value)}</text>
          <text class="label" x=${middle} y=${base + 20} text-anchor="middle">${c.label}</text>
        </g>`;
      })}
    </svg>`;
    const table = this.#table(title, this.t('ind.col.year'), rows, indicator, 'trend');
    const csv = toCsv(
      ['indicator', 'year', 'region', 'value', 'numerator', 'denominator'],
      rows.map((r) => [
        code,
        r.key,
        data.region ?? '',
        r.value,
        r.numerator ?? null,
        r.denominatorValue ?? null,
      ]),
    );
    return this.#figure(
      'trend',
      title,
      description,
      chart,
      table,
      csv,
      `nassij-${code}-trend${data.region ? `-${data.region}` : ''}.csv`,
    );
  }

  /** A table with exactly a chart's rows; `sortable` adds sort buttons to the headers. */
  #table(
    caption: string,
    keyHeader: string,
    rows: readonly RegionRow[],
    indicator: Indicator,
    kind: ChartId,
  ): TemplateResult {
    const hasParts = rows.some((r) => r.numerator !== undefined || r.denominatorValue !== undefined);
    const sortable = kind === 'breakdown';
    const header = (key: SortKey, label: string) => {
      if (!sortable) return html`<th scope="col">${label}</th>`;
      const active = this.sort.key === key;
      const order = active ? this.sort.order : 'none';
      return html`<th scope="col" aria-sort=${order}>
        <button
          type="button"
          class="sort"
          data-sort=${key}
          @click=${() => {
            this.sort = {
              key,
              order:
                active && this.sort.order === 'descending'
                  ? 'ascending'
                  : active
                    ? 'descending'
                    : key === 'label'
                      ? 'ascending'
                      : 'descending',
            };
          }}
        >
          ${label}<span class="visually-hidden"> — ${this.t('ind.sortBy', { column: label })}</span>
          <span aria-hidden="true" class="arrow">${active ? (this.sort.order === 'ascending' ? '▲' : '▼') : '↕'}</span>
        </button>
      </th>`;
    };
    return html`<div class="table-wrap">
      <table data-table=${kind}>
        <caption>${caption}</caption>
        <thead>
          <tr>
            ${header('label', keyHeader)} ${header('value', this.t('ind.col.value'))}
            ${hasParts ? html`${header('numerator', this.t('ind.col.numerator'))}${header('denominatorValue', this.t('ind.col.denominator'))}` : nothing}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) => html`<tr data-key=${r.key}>
              <th scope="row">${r.label}</th>
              <td data-value=${r.value}>${this.#format(indicator.unit, r.value)}</td>
              ${
                hasParts
                  ? html`<td>${r.numerator === undefined ? '—' : this.#part(indicator, r.numerator)}</td>
                      <td>${r.denominatorValue === undefined ? '—' : this.#part(indicator, r.denominatorValue)}</td>`
                  : nothing
              }
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #renderBreakdown(national: IndicatorSet, code: IndicatorCode): TemplateResult {
    const indicator = national.indicators.find((i) => i.code === code);
    if (!indicator) return html``;
    const rows = sortRows(this.#regionRows(indicator), this.sort.key, this.sort.order, this.fmt.tag);
    const title = this.t('ind.breakdown.title', {
      indicator: this.#text(indicator.name),
      year: String(national.year),
    });
    const csv = toCsv(
      ['indicator', 'year', 'region', 'region_name', 'value', 'numerator', 'denominator'],
      rows.map((r) => [
        code,
        national.year,
        r.key,
        r.label,
        r.value,
        r.numerator ?? null,
        r.denominatorValue ?? null,
      ]),
    );
    return html`<section class="breakdown" data-chart="breakdown" aria-labelledby="${this.#id}-breakdown-cap">
      <h3 id="${this.#id}-breakdown-cap">${title}</h3>
      ${this.#table(title, this.t('ind.col.region'), rows, indicator, 'breakdown')}
      <p>
        <a class="download" href=${this.#csvUrl('breakdown', csv)} download=${`nassij-${code}-${national.year}-breakdown.csv`}
          >${this.t('ind.download')}<span class="visually-hidden"> — ${this.t('ind.downloadOf', { title })}</span></a
        >
      </p>
    </section>`;
  }

  /** The element's styles: the shared tokens and base styles, then its own. */
  static override styles = [
    baseStyles,
    css`
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_n-space-3);
        border: 1px solid var(--_n-border);
        border-radius: var(--_n-radius);
        padding: var(--_n-space-3);
        margin-block-end: var(--_n-space-4);
      }
      .filters label {
        display: flex;
        flex-direction: column;
        gap: var(--_n-space-1);
      }
      .figures {
        list-style: none;
        padding: 0;
        margin: 0 0 var(--_n-space-3);
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
        gap: var(--_n-space-3);
      }
      .figure {
        border: 1px solid var(--_n-border);
        border-radius: var(--_n-radius);
        padding: var(--_n-space-3);
        background: var(--_n-surface);
      }
      .figure h4 {
        font-size: var(--_n-font-size-m);
      }
      .value {
        font-size: var(--_n-font-size-xl);
        font-weight: 700;
        margin: 0;
      }
      .ratio,
      .period,
      .denominator,
      .scope,
      .desc,
      .note {
        color: var(--_n-muted);
        font-size: var(--_n-font-size-s);
        margin-block: var(--_n-space-1);
      }
      summary {
        cursor: pointer;
        min-block-size: 24px;
      }
      figure,
      .breakdown {
        margin: 0 0 var(--_n-space-5);
        padding: var(--_n-space-3);
        border: 1px solid var(--_n-border);
        border-radius: var(--_n-radius);
      }
      figcaption {
        font-weight: 700;
        font-size: var(--_n-font-size-l);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_n-space-3);
        align-items: center;
        margin-block: var(--_n-space-2);
      }
      a {
        color: var(--_n-primary);
      }
      .download {
        display: inline-block;
        min-block-size: 24px;
        padding-block: 2px;
      }
      a:focus-visible,
      button:focus-visible,
      summary:focus-visible {
        outline: 3px solid var(--_n-focus);
        outline-offset: 2px;
      }
      .chart {
        display: block;
        inline-size: 100%;
        max-inline-size: 48rem;
        block-size: auto;
      }
      .chart text {
        fill: var(--_n-text);
        font-family: var(--_n-font-family);
        font-size: 13px;
      }
      .chart .bar {
        fill: var(--nassij-indicators-bar, var(--_n-primary));
      }
      .chart .selected .bar {
        fill: var(--nassij-indicators-bar-selected, var(--_n-warning));
      }
      .chart .selected text {
        font-weight: 700;
      }
      .chart .axis {
        stroke: var(--_n-border);
      }
      .table-wrap {
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
        inline-size: 100%;
      }
      caption {
        text-align: start;
        font-weight: 700;
        padding-block-end: var(--_n-space-2);
      }
      th,
      td {
        text-align: start;
        padding: var(--_n-space-1) var(--_n-space-2);
        border-block-end: 1px solid var(--_n-border);
      }
      td {
        font-variant-numeric: tabular-nums;
      }
      .sort {
        font: inherit;
        font-weight: 700;
        color: inherit;
        background: none;
        border: 0;
        padding: 0;
        min-block-size: 24px;
        cursor: pointer;
        display: inline-flex;
        gap: var(--_n-space-1);
        align-items: center;
      }
      @media (forced-colors: active) {
        .chart .bar {
          fill: CanvasText;
        }
        .chart .selected .bar {
          fill: Highlight;
        }
        .chart text {
          fill: CanvasText;
        }
      }
    `,
  ];
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
}

declare global {
  // The tag as the self-registering entry defines it; declared here so the class alone brings the type.
  interface HTMLElementTagNameMap {
    'nassij-indicators': NassijIndicators;
  }
  interface GlobalEventHandlersEventMap extends NassijIndicatorsEventMap {}
}
