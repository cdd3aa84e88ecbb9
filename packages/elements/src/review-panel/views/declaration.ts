import type { ApplicationSummary } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage, text } from '../../base/states.js';
import { declare } from '../actions.js';
import type { NassijReviewPanel } from '../nassij-review-panel.js';
import { adoptApplicationStyles } from './application.styles.js';

// A reviewer's declaration on an application, before it is shown: the API answers 403 declaration_required
// until then, so the panel shows only what the listing already gave (who applies, the project's title).

/**
 * The declaration step: the applicant and the project's title, then "no conflict" or "a conflict" with its
 * statement, and the button that records it.
 */
export function renderDeclaration(host: NassijReviewPanel, summary: ApplicationSummary): TemplateResult {
  adoptApplicationStyles(host);
  const choose = host.fieldError === 'declaration';
  const statementMissing = host.fieldError === 'statement';
  return html`<h3 tabindex="-1">${host.t('rp.declare.title')}</h3>
    <dl class="declaring">
      <div><dt>${host.t('rp.declare.applicant')}</dt><dd>${text(host, summary.associationName)}</dd></div>
      ${
        summary.projectTitle
          ? html`<div><dt>${host.t('rp.declare.project')}</dt><dd dir="auto">${summary.projectTitle}</dd></div>`
          : nothing
      }
    </dl>
    <p>${host.t('rp.declare.intro')}</p>
    <form class="declaration" novalidate @submit=${(e: SubmitEvent) => void declare(host, summary, e)}>
      <fieldset aria-describedby="coi-choose-error">
        <legend>${host.t('rp.coi.legend')}</legend>
        ${(['none', 'declared'] as const).map(
          (v) => html`<div class="option">
            <input type="radio" id="coi-${v}" name="coi" value=${v} .checked=${host.conflict === v}
              aria-invalid=${choose ? 'true' : 'false'}
              @change=${() => {
                host.conflict = v;
                host.fieldError = undefined;
              }} />
            <label for="coi-${v}">${host.t(`rp.coi.${v}`)}</label>
          </div>`,
        )}
        <span class="field-error" id="coi-choose-error" role=${choose ? 'alert' : nothing}>${choose ? host.t('rp.declare.choose') : ''}</span>
        ${
          host.conflict === 'declared'
            ? html`<div class="field"><label for="coi-statement">${host.t('rp.coi.statement')}</label>
              <textarea class="nassij-input" id="coi-statement" name="statement" rows="3" maxlength="2000"
                aria-invalid=${statementMissing ? 'true' : 'false'}
                aria-describedby="coi-statement-error coi-no-scoring"></textarea>
              <span class="field-error" id="coi-statement-error" role=${statementMissing ? 'alert' : nothing}>${
                statementMissing ? host.t('rp.declare.statementMissing') : ''
              }</span></div>
              <p id="coi-no-scoring">${host.t('rp.coi.noScoring')}</p>`
            : nothing
        }
      </fieldset>
      ${host.actionError ? html`<p class="error" role="alert">${errorMessage(host, host.actionError)}</p>` : nothing}
      <button class="nassij-button declare" part="button" type="submit" ?disabled=${host.busy}>${host.t('rp.declare.submit')}</button>
    </form>`;
}
