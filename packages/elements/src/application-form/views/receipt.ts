import type { Application } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import type { NassijApplicationForm } from '../nassij-application-form.js';
import { renderCheck, renderDecision } from './decision.js';
import { renderActionError } from './start.js';

// After submission: the printable receipt, the status timeline (with the eligibility check's outcome), the
// decision with its appeal window, and the withdrawal.

const TIMELINE = ['submitted', 'received', 'eligibility_check', 'under_review', 'decision'] as const;
const ACTIVE: readonly string[] = ['submitted', 'received', 'eligibility_check', 'under_review'];

function renderReceipt(
  host: NassijApplicationForm,
  receipt: Application['receipt'],
): TemplateResult | typeof nothing {
  if (!receipt) return nothing;
  return html`<section class="receipt" part="receipt" aria-labelledby="af-receipt">
    <h3 id="af-receipt" tabindex="-1" data-focus>${host.t('af.receipt.title')}</h3>
    <p>${host.t('af.receipt.intro')}</p>
    <dl>
      <div><dt>${host.t('af.receipt.number')}</dt><dd class="receipt-number" dir="ltr">${receipt.number}</dd></div>
      <div><dt>${host.t('af.receipt.time')}</dt><dd>${host.fmt.dateTime(receipt.submittedAt)}</dd></div>
      <div><dt>${host.t('af.receipt.hash')}</dt><dd class="hash" dir="ltr">${receipt.contentHash}</dd></div>
    </dl>
    <button class="nassij-button no-print" part="button" type="button" @click=${() => window.print()}>
      ${host.t('af.receipt.print')}</button>
  </section>`;
}

function stepLabel(
  host: NassijApplicationForm,
  step: (typeof TIMELINE)[number],
  application: Application,
): string {
  const decision = application.decision;
  if (step === 'decision' && !decision && application.eligibilityCheck?.admissible === false)
    return host.t('af.timeline.inadmissible');
  if (step !== 'decision' || !decision) return host.t(`af.timeline.${step}`);
  return decision.outcome === 'awarded'
    ? host.t('af.timeline.awarded', { amount: decision.amount ? host.fmt.money(decision.amount) : '' })
    : host.t('af.timeline.rejected');
}

function renderTimeline(host: NassijApplicationForm, application: Application): TemplateResult {
  const reached = new Map(application.history.map((h) => [h.status, h]));
  const check = application.eligibilityCheck;
  // Found not admissible: rejected without review, so the review step was never reached.
  const inadmissible = check?.admissible === false;
  const decided = application.decision ?? reached.get('awarded') ?? reached.get('rejected');
  const current = decided
    ? 4
    : Math.max(
        -1,
        ...ACTIVE.map((s, i) =>
          reached.has(s as Application['status']) || application.status === s ? i : -1,
        ),
      );
  return html`<section class="timeline" aria-labelledby="af-timeline">
    <h3 id="af-timeline" tabindex="-1">${host.t('af.timeline.title')}</h3>
    <ol>
      ${TIMELINE.map((step, i) => {
        const state =
          inadmissible && step === 'under_review'
            ? 'skipped'
            : i < current || (i === 4 && decided)
              ? 'done'
              : i === current
                ? 'current'
                : 'pending';
        const at =
          step === 'decision'
            ? (application.decision?.decidedAt ?? (inadmissible ? check?.checkedAt : undefined))
            : reached.get(step)?.at;
        return html`<li data-step=${step} data-state=${state} aria-current=${state === 'current' ? 'step' : nothing}>
          <span class="marker" aria-hidden="true">${state === 'done' ? '✓' : state === 'skipped' ? '–' : host.fmt.number(i + 1)}</span>
          <span class="what">${stepLabel(host, step, application)}</span>
          <span class="state">${host.t(`af.timeline.${state}`)}${at ? html` — ${host.fmt.dateTime(at)}` : nothing}</span>
          ${step === 'eligibility_check' ? renderCheck(host, check) : nothing}
        </li>`;
      })}
    </ol>
    ${application.status === 'withdrawn' ? html`<p class="withdrawn" role="status">${host.t('af.timeline.withdrawn')}</p>` : nothing}
  </section>`;
}

function renderWithdraw(host: NassijApplicationForm): TemplateResult {
  const dialog = () => host.renderRoot.querySelector<HTMLDialogElement>('dialog.withdraw');
  const onSubmit = (e: Event) => {
    e.preventDefault();
    const reason = new FormData(e.target as HTMLFormElement).get('reason');
    void host.withdraw(typeof reason === 'string' ? reason : '');
  };
  return html`<button class="nassij-button no-print withdraw" part="button" type="button"
      @click=${() => dialog()?.showModal()}>${host.t('af.withdraw')}</button>
    <dialog class="withdraw" aria-labelledby="af-withdraw">
      <form method="dialog" @submit=${onSubmit}>
        <h3 id="af-withdraw">${host.t('af.withdraw.confirmTitle')}</h3>
        <p>${host.t('af.withdraw.confirmText')}</p>
        <label for="af-withdraw-reason">${host.t('af.withdraw.reason')} <span class="optional">${host.t('af.optional')}</span></label>
        <textarea class="nassij-input" id="af-withdraw-reason" name="reason" rows="3" autocomplete="off"></textarea>
        <div class="nav">
          <button class="nassij-button" part="button" type="button" @click=${() => dialog()?.close()}>
            ${host.t('af.withdraw.cancel')}</button>
          <button class="nassij-button danger confirm" part="button" type="submit" ?disabled=${host.busy}>
            ${host.t('af.withdraw.confirm')}</button>
        </div>
      </form>
    </dialog>`;
}

export function renderDone(host: NassijApplicationForm): TemplateResult | typeof nothing {
  const application = host.application;
  if (!application) return nothing;
  const closes = host.callData?.dates.closes;
  const canWithdraw = ACTIVE.includes(application.status) && (!closes || Date.parse(closes.at) > host.now);
  return html`${renderReceipt(host, application.receipt)}
    ${renderTimeline(host, application)}
    ${renderDecision(host, application.decision)}
    ${renderActionError(host)}
    ${canWithdraw ? renderWithdraw(host) : nothing}`;
}
