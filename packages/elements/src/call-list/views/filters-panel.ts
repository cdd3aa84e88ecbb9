import type { FacetValue } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { CALL_FACETS } from '../filters.js';
import type { NassijCallList } from '../nassij-call-list.js';
import { facetLabel } from './call-facts.js';

/**
 * The filters: a column beside the results on wide layouts; on narrow ones a disclosure button (with the
 * number of values chosen) and a "show results" button that closes it and takes focus to the result count.
 */
export function renderFiltersPanel(host: NassijCallList): TemplateResult {
  const facets = host.page.value?.facets ?? {};
  const chosen = host.filters.values;
  const selected = CALL_FACETS.reduce((sum, facet) => sum + chosen[facet].length, 0);
  return html`<div class="facets-column">
    <button type="button" class="nassij-button filters-toggle" data-variant="secondary" part="button"
      aria-expanded=${host.filtersOpen ? 'true' : 'false'} aria-controls="facets"
      @click=${() => {
        host.filtersOpen = !host.filtersOpen;
      }}
    >${
      // One message with the count, so each language puts it where it belongs and its parentheses read right.
      selected ? host.t('callList.filtersToggle', { count: selected }) : host.t('action.filters')
    }</button>
    <div id="facets" class="facets ${host.filtersOpen ? 'open' : ''}" part="facets">
      <h2 class="visually-hidden">${host.t('callList.filtersHeading')}</h2>
      ${CALL_FACETS.map((facet) => {
        const values: FacetValue[] = [...(facets[facet] ?? [])];
        for (const value of chosen[facet])
          if (!values.some((v) => v.value === value)) values.push({ value, count: 0 });
        if (!values.length) return nothing;
        return html`<fieldset data-facet=${facet}>
          <legend>${host.t(`callList.facet.${facet}`)}</legend>
          ${values.map(
            ({ value, count }) => html`<label class="facet-value">
              <input type="checkbox" name=${facet} .value=${value} .checked=${chosen[facet].includes(value)}
                @change=${(event: Event) => host.setFacet(facet, value, (event.target as HTMLInputElement).checked)}
              />
              <span>${facetLabel(host, facet, value)}</span>
              <span class="count">(${host.fmt.number(count)})</span>
            </label>`,
          )}
        </fieldset>`;
      })}
      <div class="facet-actions">
        <button type="button" class="nassij-button show-results" part="button" @click=${() => showResults(host)}>
          ${host.t('callList.showResults')}
        </button>
        ${
          selected || host.filters.q
            ? html`<button type="button" class="nassij-button" data-variant="secondary" part="button"
                @click=${() => host.clearFilters()}>${host.t('action.clearFilters')}</button>`
            : nothing
        }
      </div>
    </div>
  </div>`;
}

/** Closes the disclosure and moves focus to the result count, which the reader hears first. */
async function showResults(host: NassijCallList): Promise<void> {
  host.filtersOpen = false;
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>('.total')?.focus();
}
