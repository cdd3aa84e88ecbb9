import type { Application, Call } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage } from '../../base/states.js';
import type { NassijReviewPanel } from '../nassij-review-panel.js';

/** The reviews that count toward a decision: those of reviewers who declared no conflict. */
function scoredReviews(application: Application) {
  return (application.reviews ?? []).filter((r) => !r.conflictOfInterest.declared);
}

/** The reviews so far, for the staff who decide: how many of those the call asks for, and each total. */
export function renderReviews(host: NassijReviewPanel, application: Application, call: Call): TemplateResult {
  const reviews = application.reviews ?? [];
  const needed = call.review?.reviewsPerApplication ?? 1;
  return html`<h4>${host.t('rp.reviewsList')}</h4>
    <p class="progress">${host.t('rp.reviewsList.progress', { count: scoredReviews(application).length, needed })}</p>
    ${
      reviews.length
        ? html`<ul class="reviews">
          ${reviews.map(
            (r) => html`<li data-review=${r.id}>
              ${
                r.conflictOfInterest.declared
                  ? host.t('rp.reviewsList.conflict', { name: r.reviewer.displayName })
                  : host.t('rp.reviewsList.score', {
                      name: r.reviewer.displayName,
                      total: host.fmt.number(r.weightedTotal ?? 0),
                    })
              }
              ${r.comment ? html`<br /><span class="user-text" dir="auto">${r.comment}</span>` : nothing}
            </li>`,
          )}
        </ul>`
        : nothing
    }`;
}

/**
 * A refused decision, explained: the call still open (with its closing date), reviews missing (how many
 * of how many), the only reviewer deciding; other codes by their shared message.
 */
function refusal(host: NassijReviewPanel, code: string, application: Application, call: Call): string {
  if (code === 'call_still_open') {
    const closes = call.dates.closes?.at;
    return closes
      ? host.t('rp.decision.callStillOpen', { date: host.fmt.date(closes) })
      : errorMessage(host, code);
  }
  if (code === 'reviews_incomplete')
    return host.t('rp.decision.reviewsIncomplete', {
      count: scoredReviews(application).length,
      needed: call.review?.reviewsPerApplication ?? 1,
    });
  if (code === 'conflict_of_interest') return host.t('rp.decision.onlyReviewer');
  return errorMessage(host, code);
}

/**
 * The decision (the call's staff), under its own heading (focus lands there after deciding): the decision
 * made, or the form (award with an amount, or reject) with our own validation and the server's refusals.
 */
export function renderDecision(
  host: NassijReviewPanel,
  application: Application,
  call: Call,
  on: { submit(event: SubmitEvent): void; outcome(value: 'awarded' | 'rejected'): void },
): TemplateResult {
  const heading = html`<h4 id="rp-decision-h" tabindex="-1">${host.t('rp.decision.legend')}</h4>`;
  if (application.decision)
    return html`${heading}<p role="status" class="decided">${host.t('rp.decision.done', {
      outcome: host.t(`rp.decision.${application.decision.outcome}`),
    })}${application.decision.amount ? html` <span>${host.fmt.money(application.decision.amount)}</span>` : nothing}</p>
      ${application.decision.outcome === 'awarded' ? html`<p class="muted">${host.t('rp.decision.notPublic')}</p>` : nothing}`;
  if (application.status !== 'under_review')
    return html`${heading}<p class="muted">${host.t('rp.decision.notYet')}</p>`;
  const invalid = host.fieldError === 'amount';
  return html`${heading}<form class="decision" novalidate @submit=${on.submit}>
    <fieldset aria-labelledby="rp-decision-h">
      ${(['awarded', 'rejected'] as const).map(
        (v) => html`<div class="option">
          <input type="radio" id="d-${v}" name="outcome" value=${v} .checked=${host.outcome === v}
            @change=${() => on.outcome(v)} />
          <label for="d-${v}">${host.t(`rp.decision.${v}`)}</label>
        </div>`,
      )}
    </fieldset>
    ${
      host.outcome === 'awarded'
        ? html`<div class="field"><label for="d-amount">${host.t('rp.decision.amount')}</label>
        <input class="nassij-input" id="d-amount" name="amount" inputmode="decimal" dir="ltr" autocomplete="off"
          aria-invalid=${invalid ? 'true' : 'false'} aria-describedby="d-amount-error" />
        <span class="field-error" id="d-amount-error" role=${invalid ? 'alert' : nothing}>${invalid ? host.t('rp.decision.amountInvalid') : ''}</span></div>`
        : nothing
    }
    <div class="field"><label for="d-reason">${host.t('rp.decision.reason')}</label>
      <textarea class="nassij-input" id="d-reason" name="reason" rows="3"></textarea></div>
    <p class="error" id="rp-decision-error" role="alert">${
      host.actionError ? refusal(host, host.actionError, application, call) : ''
    }</p>
    <button class="nassij-button decide" part="button" type="submit" aria-describedby="rp-decision-error"
      ?disabled=${host.busy}>${host.t('rp.decision.submit')}</button>
  </form>`;
}
