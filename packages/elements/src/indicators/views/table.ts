import type { Indicator, IndicatorCode, IndicatorSet } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { plain } from '../../base/states.js';
import { type ChartId, type RegionRow, type SortKey, sortRows } from '../charts.js';
import type { NassijIndicators } from '../nassij-indicators.js';
import { formatPart, formatValue, regionCsv, regionRows, withName } from '../values.js';

/** What a table shows: exactly a chart's rows. */
interface TableSpec {
  caption: TemplateResult;
  keyHeader: string;
  rows: readonly RegionRow[];
  indicator: Indicator;
  kind: ChartId;
}

/**
 * A chart's data as a table, in a box of its own that scrolls sideways when the table is wider than the
 * screen (focusable, named by the caption); the breakdown's headers sort it.
 */
export function renderTable(
  host: NassijIndicators,
  { caption, keyHeader, rows, indicator, kind }: TableSpec,
): TemplateResult {
  const hasParts = rows.some((r) => r.numerator !== undefined || r.denominatorValue !== undefined);
  const header = (key: SortKey, label: string) =>
    kind === 'breakdown' ? sortHeader(host, key, label) : html`<th scope="col">${label}</th>`;
  const part = (value: number | undefined) =>
    value === undefined ? '—' : formatPart(host, indicator, value);
  const captionId = `${host.uid}-${kind}-table`;
  return html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby=${captionId}>
    <table data-table=${kind}>
      <caption id=${captionId}>${caption}</caption>
      <thead>
        <tr>
          ${header('label', keyHeader)} ${header('value', host.t('ind.col.value'))}
          ${hasParts ? html`${header('numerator', host.t('ind.col.numerator'))}${header('denominatorValue', host.t('ind.col.denominator'))}` : nothing}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) => html`<tr data-key=${r.key}>
            <th scope="row">${r.label}</th>
            <td data-value=${r.value}>${formatValue(host, indicator.unit, r.value)}</td>
            ${hasParts ? html`<td>${part(r.numerator)}</td><td>${part(r.denominatorValue)}</td>` : nothing}
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function sortHeader(host: NassijIndicators, key: SortKey, label: string): TemplateResult {
  const active = host.sort.key === key;
  const order = active ? host.sort.order : 'none';
  const arrow = active ? (host.sort.order === 'ascending' ? '▲' : '▼') : '↕';
  return html`<th scope="col" aria-sort=${order}>
    <button type="button" class="sort" data-sort=${key} @click=${() => host.sortBy(key)}>
      ${label}<span class="visually-hidden"> — ${host.t('ind.sortBy', { column: label })}</span>
      <span aria-hidden="true" class="arrow">${arrow}</span>
    </button>
  </th>`;
}

/** The regional breakdown: a sortable table and its CSV. */
export function renderBreakdown(
  host: NassijIndicators,
  national: IndicatorSet,
  code: IndicatorCode,
): unknown {
  const indicator = national.indicators.find((i) => i.code === code);
  if (!indicator) return null;
  const rows = sortRows(regionRows(host, indicator), host.sort.key, host.sort.order, host.fmt.tag);
  const params = { year: String(national.year) };
  const title = withName(host, 'ind.breakdown.title', indicator.name, params);
  const titleText = host.t('ind.breakdown.title', {
    ...params,
    indicator: plain(host.locale, indicator.name),
  });
  const csv = regionCsv(code, national.year, rows);
  // Not a named region: its table's scroll box is one already, under the same title.
  return html`<section class="breakdown" data-chart="breakdown">
    <h3>${title}</h3>
    ${renderTable(host, { caption: title, keyHeader: host.t('ind.col.region'), rows, indicator, kind: 'breakdown' })}
    <p>
      <a class="download" href=${host.csv.url('breakdown', csv)} download=${`nassij-${code}-${national.year}-breakdown.csv`}
        >${host.t('ind.download')}<span class="visually-hidden"> — ${host.t('ind.downloadOf', { title: titleText })}</span></a
      >
    </p>
  </section>`;
}
