import { type IndicatorSet, pickText, REGIONS } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import type { NassijIndicators } from '../nassij-indicators.js';
import { chartable, chartCode } from '../values.js';

/** Year, region and (when several can be drawn) the indicator of the charts. */
export function renderFilters(
  host: NassijIndicators,
  data: IndicatorSet,
  national: IndicatorSet,
): TemplateResult {
  const drawable = chartable(national);
  const code = chartCode(national, host.chart);
  const years = [...new Set([...data.years, data.year])].sort((a, b) => b - a);
  return html`<fieldset class="filters">
    <legend>${host.t('ind.filters')}</legend>
    <label
      >${host.t('ind.year')}
      <select class="nassij-input" name="year" @change=${(e: Event) => host.onFilter(e, 'year')}>
        ${years.map((year) => html`<option value=${year} ?selected=${year === data.year}>${year}</option>`)}
      </select></label
    >
    <label
      >${host.t('ind.region')}
      <select class="nassij-input" name="region" @change=${(e: Event) => host.onFilter(e, 'region')}>
        <option value="" ?selected=${!data.region}>${host.t('ind.allRegions')}</option>
        ${REGIONS.map((r) => option(host, r.code, r.name, r.code === data.region))}
      </select></label
    >
    ${
      drawable.length > 1
        ? html`<label
            >${host.t('ind.chartIndicator')}
            <select class="nassij-input" name="chart" @change=${(e: Event) => host.onFilter(e, 'chart')}>
              ${drawable.map((i) => option(host, i.code, i.name, i.code === code))}
            </select></label
          >`
        : nothing
    }
  </fieldset>`;
}

/** An option named in the reader's language, or marked with the language it falls back to. */
function option(
  host: NassijIndicators,
  value: string,
  name: Parameters<typeof pickText>[0],
  selected: boolean,
): TemplateResult {
  const picked = pickText(name, host.locale);
  return html`<option value=${value} ?selected=${selected} lang=${picked.locale === host.locale ? nothing : picked.locale}>
    ${picked.text}
  </option>`;
}
