import { type ApplicationSummary, regionName } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { renderEmpty, text } from '../../base/states.js';
import type { NassijReviewPanel } from '../nassij-review-panel.js';

/** The call's applications: one button each, with status, region, amount asked and reviews so far. */
export function renderList(
  host: NassijReviewPanel,
  items: readonly ApplicationSummary[],
  open: (id: string) => void,
): TemplateResult {
  if (items.length === 0) return renderEmpty(host, { message: host.t('rp.none') });
  return html`<h3>${host.t('rp.list')}</h3>
    <ul class="apps">
      ${items.map(
        (a) => html`<li data-application=${a.id}>
          <button class="nassij-button" part="button" type="button" data-open=${a.id} @click=${() => open(a.id)}>
            ${text(host, a.associationName)}${a.projectTitle ? html` — <span dir="auto">${a.projectTitle}</span>` : nothing}
          </button>
          <span class="meta">
            <span class="status" data-status=${a.status}>${host.t(`rp.status.${a.status}`)}</span>
            <span>${regionName(a.region, host.locale)}</span>
            ${a.requestedAmount ? html`<span>${host.t('rp.requested', { amount: host.fmt.money(a.requestedAmount) })}</span>` : nothing}
            <span>${host.t('rp.reviews', { count: a.reviewCount ?? 0 })}</span>
          </span>
        </li>`,
      )}
    </ul>`;
}
