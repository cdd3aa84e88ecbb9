import type { Indicator, IndicatorCode, IndicatorSet } from '@nassij/contract';
import { html, svg, type TemplateResult } from 'lit';
import { plain } from '../../base/states.js';
import {
  BAR_CHART,
  barLayout,
  type ChartBar,
  type ChartId,
  type RegionRow,
  TREND_CHART,
  toCsv,
  trendLayout,
} from '../charts.js';
import type { NassijIndicators } from '../nassij-indicators.js';
import { direction, formatValue, regionCsv, regionRows, scope, trendRows, withName } from '../values.js';
import { renderTable } from './table.js';

/** What a chart's frame shows around the drawing. */
interface Frame {
  id: ChartId;
  /** The title's message, whose `{indicator}` is the indicator's name. */
  key: string;
  params: Record<string, string>;
  indicator: Indicator;
  rows: readonly RegionRow[];
  /** Header of the table's first column (region or year). */
  keyHeader: string;
  description: string;
  chart: TemplateResult;
  csv: string;
  filename: string;
}

/** The frame every chart shares: figure, caption, description, table toggle and download link. */
function renderFrame(host: NassijIndicators, f: Frame): TemplateResult {
  const shown = Boolean(host.tables[f.id]);
  const id = `${host.uid}-${f.id}`;
  const title = withName(host, f.key, f.indicator.name, f.params);
  const titleText = host.t(f.key, { ...f.params, indicator: plain(host.locale, f.indicator.name) });
  const { rows, indicator, keyHeader } = f;
  // The label changes with the view; a fixed label with `aria-pressed` as well would say it twice.
  return html`<figure part="figure" data-chart=${f.id} aria-labelledby="${id}-cap">
    <figcaption id="${id}-cap">${title}</figcaption>
    <p id="${id}-desc" class="desc">${f.description}</p>
    <div class="actions">
      <button type="button" class="nassij-button toggle" part="button" @click=${() => host.toggleTable(f.id)}>
        ${host.t(shown ? 'ind.showChart' : 'ind.showTable')}
      </button>
      <a class="download" href=${host.csv.url(f.id, f.csv)} download=${f.filename}
        >${host.t('ind.download')}<span class="visually-hidden"> — ${host.t('ind.downloadOf', { title: titleText })}</span></a
      >
    </div>
    ${shown ? renderTable(host, { caption: title, keyHeader, rows, indicator, kind: f.id }) : f.chart}
  </figure>`;
}

/** Horizontal bars for the 12 regions, growing from the inline-start side. */
export function renderBars(host: NassijIndicators, national: IndicatorSet, code: IndicatorCode): unknown {
  const indicator = national.indicators.find((i) => i.code === code);
  if (!indicator) return null;
  const rows = regionRows(host, indicator);
  const format = (value: number) => formatValue(host, indicator.unit, value);
  const max = rows.reduce((a, b) => (b.value > a.value ? b : a), rows[0] as RegionRow);
  const min = rows.reduce((a, b) => (b.value < a.value ? b : a), rows[0] as RegionRow);
  return renderFrame(host, {
    id: 'bars',
    key: 'ind.bars.title',
    params: { year: String(national.year) },
    indicator,
    rows,
    keyHeader: host.t('ind.col.region'),
    description: host.t('ind.bars.desc', {
      max: max.label,
      maxValue: format(max.value),
      min: min.label,
      minValue: format(min.value),
      count: rows.length,
    }),
    chart: barsSvg(host, rows, format),
    csv: regionCsv(code, national.year, rows),
    filename: `nassij-${code}-${national.year}-regions.csv`,
  });
}

function barsSvg(
  host: NassijIndicators,
  rows: RegionRow[],
  format: (value: number) => string,
): TemplateResult {
  const dir = direction(host);
  const selected = host.data?.region;
  const { width, labelWidth, pad, row } = BAR_CHART;
  const labelX = dir === 'rtl' ? width - labelWidth + pad : labelWidth - pad;
  return html`<svg class="chart bars" role="img" aria-labelledby="${host.uid}-bars-cap"
    aria-describedby="${host.uid}-bars-desc" viewBox="0 0 ${width} ${rows.length * row}" direction=${dir}>
    ${barLayout(rows, dir).map((bar) => {
      const mark = bar.key === selected ? ` ${host.t('ind.selected')}` : '';
      const valueX = dir === 'rtl' ? bar.x - pad / 2 : bar.x + bar.width + pad / 2;
      const middle = bar.y + bar.height / 2;
      return svg`<g class=${mark ? 'selected' : ''}>
        <text class="label" x=${labelX} y=${middle} text-anchor="end" dominant-baseline="central" direction=${dir}
          >${bar.label}${mark}</text>
        <rect class="bar" data-key=${bar.key} data-value=${bar.value} x=${bar.x} y=${bar.y} width=${bar.width} height=${bar.height}></rect>
        <text class="value" x=${valueX} y=${middle} text-anchor="start" dominant-baseline="central" direction=${dir}
          >${format(bar.value)}</text>
      </g>`;
    })}
  </svg>`;
}

/** Columns for the years with data, in reading order. */
export function renderTrend(host: NassijIndicators, data: IndicatorSet, code: IndicatorCode): unknown {
  const indicator = data.indicators.find((i) => i.code === code);
  const rows = trendRows(host.history ?? [data], code);
  if (!indicator || rows.length === 0) return null;
  const format = (value: number) => formatValue(host, indicator.unit, value);
  const first = rows[0] as RegionRow;
  const last = rows[rows.length - 1] as RegionRow;
  return renderFrame(host, {
    id: 'trend',
    key: 'ind.trend.title',
    params: { scope: scope(host, data) },
    indicator,
    rows,
    keyHeader: host.t('ind.col.year'),
    description: host.t('ind.trend.desc', {
      first: first.label,
      firstValue: format(first.value),
      last: last.label,
      lastValue: format(last.value),
    }),
    chart: trendSvg(host, rows, format),
    csv: toCsv(
      ['indicator', 'year', 'region', 'value', 'numerator', 'denominator'],
      rows.map((r) => [
        code,
        r.key,
        data.region ?? '',
        r.value,
        r.numerator ?? null,
        r.denominatorValue ?? null,
      ]),
    ),
    filename: `nassij-${code}-trend${data.region ? `-${data.region}` : ''}.csv`,
  });
}

function trendSvg(
  host: NassijIndicators,
  rows: RegionRow[],
  format: (value: number) => string,
): TemplateResult {
  const dir = direction(host);
  const { width, height, bottom, side } = TREND_CHART;
  const base = height - bottom;
  return html`<svg class="chart trend" role="img" aria-labelledby="${host.uid}-trend-cap"
    aria-describedby="${host.uid}-trend-desc" viewBox="0 0 ${width} ${height}" direction=${dir}>
    <line class="axis" x1=${side} x2=${width - side} y1=${base} y2=${base}></line>
    ${trendLayout(rows, dir).map((c: ChartBar) => {
      const middle = c.x + c.width / 2;
      return svg`<g>
        <rect class="bar" data-key=${c.key} data-value=${c.value} x=${c.x} y=${c.y} width=${c.width} height=${c.height}></rect>
        <text class="value" x=${middle} y=${c.y - 6} text-anchor="middle">${format(c.value)}</text>
        <text class="label" x=${middle} y=${base + 20} text-anchor="middle">${c.label}</text>
      </g>`;
    })}
  </svg>`;
}
