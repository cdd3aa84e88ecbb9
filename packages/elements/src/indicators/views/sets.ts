import type { IndicatorSet } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { renderEmpty } from '../../base/states.js';
import type { NassijIndicators } from '../nassij-indicators.js';
import { chartCode } from '../values.js';
import { renderBars, renderTrend } from './charts.js';
import { renderFigures } from './figures.js';
import { renderFilters } from './filters.js';
import { renderBreakdown } from './table.js';

// What <nassij-indicators> shows once it has sets: filters, key figures, charts and the breakdown. A chunk
// of its own, requested with the sets (or when a host gives them), so that the page's download stays small.

/** The year's set and the national set: filters, key figures, the charts and the breakdown. */
export function renderSets(
  host: NassijIndicators,
  data: IndicatorSet,
  national: IndicatorSet,
): TemplateResult {
  const code = chartCode(national, host.chart);
  const empty = data.indicators.length === 0;
  return html`<section aria-labelledby="${host.uid}-title" aria-busy=${host.sets.loading ? 'true' : 'false'}>
    <h2 id="${host.uid}-title">${host.t('ind.title')}</h2>
    ${renderFilters(host, data, national)}
    ${empty ? renderEmpty(host, { message: host.t('ind.empty') }) : renderFigures(host, data)}
    ${
      code
        ? html`${renderBars(host, national, code)} ${renderTrend(host, data, code)} ${renderBreakdown(host, national, code)}`
        : empty
          ? nothing
          : html`<p class="note">${host.t('ind.noChart')}</p>`
    }
  </section>`;
}
