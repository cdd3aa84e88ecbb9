import type { Call, SelectionCriterion } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { plain, text } from '../../base/states.js';
import type { NassijReviewPanel } from '../nassij-review-panel.js';

// The review, once the reviewer declared no conflict: one radio group per criterion with the call's
// published anchors, a comment, and send.

function criterion(host: NassijReviewPanel, c: SelectionCriterion): TemplateResult {
  return html`<fieldset class="criterion" data-criterion=${c.id}>
    <legend>${host.t('rp.score.legend', { criterion: plain(host.locale, c.label), weight: c.weight })}</legend>
    ${Array.from({ length: c.maxScore + 1 }, (_, score) => {
      const anchor = c.anchors.find((a) => a.score === score);
      return html`<div class="option">
        <input type="radio" id="s-${c.id}-${score}" name="score-${c.id}" value=${score} />
        <label for="s-${c.id}-${score}">${host.t('rp.score.option', { score, max: c.maxScore })}${
          anchor ? html` — ${text(host, anchor.description)}` : nothing
        }</label>
      </div>`;
    })}
  </fieldset>`;
}

/** The review form of the open application. */
export function renderReviewForm(
  host: NassijReviewPanel,
  call: Call,
  on: { submit(event: SubmitEvent): void },
): TemplateResult {
  const error = host.fieldError === 'scores';
  return html`<form class="review" novalidate aria-labelledby="rp-review-h" @submit=${on.submit}>
    ${call.criteria.map((c) => criterion(host, c))}
    <div class="field"><label for="rp-comment">${host.t('rp.comment')}</label>
      <textarea class="nassij-input" id="rp-comment" name="comment" rows="4"></textarea></div>
    <p class="field-error" id="rp-review-error" role=${error ? 'alert' : nothing}>${error ? host.t('rp.score.missing') : ''}</p>
    <button class="nassij-button submit-review" part="button" type="submit" aria-describedby="rp-review-error"
      ?disabled=${host.busy}>${host.t('rp.submitReview')}</button>
  </form>`;
}
