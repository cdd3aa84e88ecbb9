import type { Application } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import type { NassijReviewPanel } from '../nassij-review-panel.js';

/**
 * The decision, under its own heading (focus lands there once the review is sent and after deciding): the
 * decision made, or the form (award with an amount, or reject) with our own validation messages.
 */
export function renderDecision(
  host: NassijReviewPanel,
  application: Application,
  on: { submit(event: SubmitEvent): void; outcome(value: 'awarded' | 'rejected'): void },
): TemplateResult {
  const heading = html`<h4 id="rp-decision-h" tabindex="-1">${host.t('rp.decision.legend')}</h4>`;
  if (application.decision)
    return html`${heading}<p role="status" class="decided">${host.t('rp.decision.done', {
      outcome: host.t(`rp.decision.${application.decision.outcome}`),
    })}${application.decision.amount ? html` <span>${host.fmt.money(application.decision.amount)}</span>` : nothing}</p>`;
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
    <button class="nassij-button decide" part="button" type="submit" ?disabled=${host.busy}>${host.t('rp.decision.submit')}</button>
  </form>`;
}
