import type { Indicator, IndicatorSet } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { plain, text } from '../../base/states.js';
import { toCsv } from '../charts.js';
import type { NassijIndicators } from '../nassij-indicators.js';
import { formatPart, formatValue, scope } from '../values.js';

/** The key figures, each with its definition, denominator and period, and a CSV of them all. */
export function renderFigures(host: NassijIndicators, data: IndicatorSet): TemplateResult {
  const csv = toCsv(
    ['code', 'name', 'year', 'region', 'unit', 'value', 'numerator', 'denominator'],
    data.indicators.map((i) => [
      i.code,
      plain(host.locale, i.name),
      i.period.year,
      data.region ?? '',
      i.unit,
      i.value,
      i.numerator ?? null,
      i.denominatorValue ?? null,
    ]),
  );
  const file = `nassij-indicators-${data.year}${data.region ? `-${data.region}` : ''}.csv`;
  return html`<h3>${host.t('ind.keyFigures')}</h3>
    <p class="scope">${scope(host, data)}</p>
    <ul class="figures">
      ${data.indicators.map((i) => renderFigure(host, i))}
    </ul>
    <p>
      <a class="download" href=${host.csv.url('figures', csv)} download=${file}>${host.t('ind.downloadAll')}</a>
    </p>`;
}

function renderFigure(host: NassijIndicators, i: Indicator): TemplateResult {
  const ratio =
    i.numerator !== undefined && i.denominatorValue !== undefined && i.unit !== 'count'
      ? html`<p class="ratio">${host.t('ind.ratio', {
          numerator: formatPart(host, i, i.numerator),
          denominator: formatPart(host, i, i.denominatorValue),
        })}</p>`
      : nothing;
  // The denominator's text goes in the message's slot, so that a fallback keeps its own language mark.
  const [before, after] = host.t('ind.denominator', { text: '\u0000' }).split('\u0000');
  return html`<li class="figure" part="figure-card" data-code=${i.code}>
    <h4>${text(host, i.name)}</h4>
    <p class="value" data-value=${i.value}>${formatValue(host, i.unit, i.value)}</p>
    ${ratio}
    <p class="period">${host.t('ind.period', { year: String(i.period.year) })}</p>
    <p class="denominator">
      ${i.denominator ? html`${before}${text(host, i.denominator)}${after}` : host.t('ind.noDenominator')}
    </p>
    <details>
      <summary>${host.t('ind.definition')}</summary>
      <p>${text(host, i.definition)}</p>
    </details>
  </li>`;
}
