import type { Application, Call } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage, text } from '../../base/states.js';
import { decide, submitReview } from '../actions.js';
import type { NassijReviewPanel } from '../nassij-review-panel.js';
import { renderAnswers, renderAttachments } from './answers.js';
import { adoptApplicationStyles } from './application.styles.js';
import { renderDecision } from './decision.js';
import { renderReviewForm } from './review-form.js';

// The open application, imported when an application is opened (in parallel with its request): its answers
// and files, the review form, the decision and their writes stay out of the panel's first download.

/** One application read-only (heading, status, answers, files), the review form, then the decision. */
export function renderApplication(
  host: NassijReviewPanel,
  application: Application,
  call: Call,
): TemplateResult {
  adoptApplicationStyles(host);
  return html`<h3 tabindex="-1">${text(host, application.associationName)}</h3>
    <p class="meta">
      <span class="status" data-status=${application.status}>${host.t(`rp.status.${application.status}`)}</span>
      ${application.requestedAmount ? html`<span>${host.t('rp.requested', { amount: host.fmt.money(application.requestedAmount) })}</span>` : nothing}
      ${application.submittedAt ? html`<time datetime=${application.submittedAt}>${host.fmt.date(application.submittedAt)}</time>` : nothing}
    </p>
    ${renderAnswers(host, application, call)}
    ${renderAttachments(host, application, call)}
    ${host.actionError ? html`<p class="error" role="alert">${errorMessage(host, host.actionError)}</p>` : nothing}
    ${renderReviewForm(host, call, {
      submit: (e) => void submitReview(host, e),
      conflict: (v) => {
        host.conflict = v;
      },
    })}
    ${
      host.reviewed || application.decision
        ? renderDecision(host, application, {
            submit: (e) => void decide(host, e),
            outcome: (v) => {
              host.outcome = v;
            },
          })
        : nothing
    }`;
}
