import type { Application, Call } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage, text } from '../../base/states.js';
import { decide, download, submitReview } from '../actions.js';
import type { NassijReviewPanel } from '../nassij-review-panel.js';
import { renderAnswers, renderAttachments } from './answers.js';
import { adoptApplicationStyles } from './application.styles.js';
import { renderDecision, renderReviews } from './decision.js';
import { renderReviewForm } from './review-form.js';

// The open application, imported when an application is opened (in parallel with its request): its answers
// and files, the declaration, the review form, the decision and their writes stay out of the panel's first
// download.
export { renderDeclaration } from './declaration.js';

/** The reviewer's part: the review form while the application is under review and not reviewed yet. */
function reviewerPart(host: NassijReviewPanel, application: Application, call: Call): TemplateResult {
  const heading = html`<h4 id="rp-review-h" tabindex="-1">${host.t('rp.review.title')}</h4>`;
  const mine = host.account && application.reviews?.some((r) => r.reviewer.id === host.account?.id);
  if (host.reviewed || mine)
    return html`${heading}<p role="status">${host.t(host.reviewed ? 'rp.reviewSent' : 'rp.review.already')}</p>`;
  if (application.status !== 'under_review')
    return html`${heading}<p class="muted">${host.t('rp.review.notUnderReview')}</p>`;
  return html`${heading}
    ${host.actionError ? html`<p class="error" role="alert">${errorMessage(host, host.actionError)}</p>` : nothing}
    ${renderReviewForm(host, call, { submit: (e) => void submitReview(host, e) })}`;
}

/** The staff's part: the reviews so far, then the decision. */
function staffPart(host: NassijReviewPanel, application: Application, call: Call): TemplateResult {
  return html`${renderReviews(host, application, call)}
    ${renderDecision(host, application, call, {
      submit: (e) => void decide(host, e),
      outcome: (v) => {
        host.outcome = v;
      },
    })}`;
}

/** One application read-only (heading, status, answers, files), then the reviewer's or the staff's part. */
export function renderApplication(
  host: NassijReviewPanel,
  application: Application,
  call: Call,
): TemplateResult {
  adoptApplicationStyles(host);
  const role = host.readerRole;
  return html`<h3 tabindex="-1">${text(host, application.associationName)}</h3>
    <p class="meta">
      <span class="status" data-status=${application.status}>${host.t(`rp.status.${application.status}`)}</span>
      ${application.requestedAmount ? html`<span>${host.t('rp.requested', { amount: host.fmt.money(application.requestedAmount) })}</span>` : nothing}
      ${application.submittedAt ? html`<time datetime=${application.submittedAt}>${host.fmt.date(application.submittedAt)}</time>` : nothing}
    </p>
    ${renderAnswers(host, application, call)}
    ${renderAttachments(host, application, call, (id) => void download(host, application.id, id))}
    ${role === 'reviewer' ? reviewerPart(host, application, call) : role === 'staff' ? staffPart(host, application, call) : nothing}`;
}
