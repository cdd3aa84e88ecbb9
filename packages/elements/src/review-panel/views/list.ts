import { type ApplicationSummary, regionName } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { renderEmpty, text } from '../../base/states.js';
import type { NassijReviewPanel } from '../nassij-review-panel.js';
import { AWAITING_CHECK, DECIDED } from '../stages.js';

/** How many applications wait for the eligibility check, are under review, are decided. */
function stages(host: NassijReviewPanel, items: readonly ApplicationSummary[]): TemplateResult {
  const count = (statuses: readonly ApplicationSummary['status'][]) =>
    items.filter((a) => statuses.includes(a.status)).length;
  return html`<ul class="stages">
    <li data-stage="awaiting">${host.t('rp.stage.awaiting', { count: count(AWAITING_CHECK) })}</li>
    <li data-stage="review">${host.t('rp.stage.review', { count: count(['under_review']) })}</li>
    <li data-stage="decided">${host.t('rp.stage.decided', { count: count(DECIDED) })}</li>
  </ul>`;
}

/**
 * Why a reviewer cannot open an application (recused, or waiting for its eligibility check), or what they
 * declared on it; nothing for the staff.
 */
function standing(host: NassijReviewPanel, a: ApplicationSummary): unknown {
  if (host.readerRole !== 'reviewer') return nothing;
  if (a.myDeclaration === 'conflict')
    return html`<p class="note" data-note="recused">${host.t('rp.recused')}</p>`;
  if (AWAITING_CHECK.includes(a.status))
    return html`<p class="note" data-note="awaiting-check">${host.t('rp.awaitingCheck')}</p>`;
  return nothing;
}

/**
 * The call's applications: one button each (or, when a reviewer may not open it, its name and why), with
 * its stage, region, amount asked, reviews so far and the reviewer's declaration.
 */
export function renderList(
  host: NassijReviewPanel,
  items: readonly ApplicationSummary[],
  open: (id: string) => void,
): TemplateResult {
  if (items.length === 0) return renderEmpty(host, { message: host.t('rp.none') });
  const reviewer = host.readerRole === 'reviewer';
  return html`<h3>${host.t('rp.list')}</h3>
    ${stages(host, items)}
    <ul class="apps">
      ${items.map((a) => {
        const name = html`${text(host, a.associationName)}${
          a.projectTitle ? html` — <span dir="auto">${a.projectTitle}</span>` : nothing
        }`;
        return html`<li data-application=${a.id}>
          ${
            host.canOpen(a)
              ? html`<button class="nassij-button" part="button" type="button" data-open=${a.id}
                  @click=${() => open(a.id)}>${name}</button>`
              : html`<span class="name" data-name tabindex="-1">${name}</span>`
          }
          <span class="meta">
            <span class="status" data-status=${a.status}>${host.t(`rp.status.${a.status}`)}</span>
            <span>${regionName(a.region, host.locale)}</span>
            ${a.requestedAmount ? html`<span>${host.t('rp.requested', { amount: host.fmt.money(a.requestedAmount) })}</span>` : nothing}
            <span>${host.t('rp.reviews', { count: a.reviewCount ?? 0 })}</span>
            ${
              // Nothing to declare yet on an application waiting for its check: the note below says why.
              reviewer &&
              a.myDeclaration &&
              !(a.myDeclaration === 'none' && AWAITING_CHECK.includes(a.status))
                ? html`<span class="declaration" data-declaration=${a.myDeclaration}>${host.t(`rp.declaration.${a.myDeclaration}`)}</span>`
                : nothing
            }
          </span>
          ${standing(host, a)}
        </li>`;
      })}
    </ul>`;
}
