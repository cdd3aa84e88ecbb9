import type { Application } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import type { NassijApplicationForm } from '../nassij-application-form.js';

// What the call's staff decided, as the applicant reads it: the eligibility check's outcome (with its reason
// when not admissible), then the decision with its amount, conditions, reason and the appeal window.
// Reasons and conditions are the staff's own words, in whatever language they wrote: `dir="auto"` keeps a
// French reason readable inside an Arabic page and the reverse.

/**
 * The eligibility check's outcome under its step of the timeline: admissible, or not and why.
 *
 * @example
 * ```ts
 * html`<li data-step="eligibility_check">…${renderCheck(host, application.eligibilityCheck)}</li>`;
 * ```
 */
export function renderCheck(
  host: NassijApplicationForm,
  check: Application['eligibilityCheck'],
): TemplateResult | typeof nothing {
  if (!check) return nothing;
  if (check.admissible)
    return html`<p class="check" data-admissible="true">${host.t('af.check.admissible')}</p>`;
  return html`<p class="check" data-admissible="false">${host.t('af.check.inadmissible')}</p>
    ${
      check.reason
        ? html`<p class="check-reason">${host.t('af.check.reason')} <span dir="auto">${check.reason}</span></p>`
        : nothing
    }`;
}

/** "You may appeal until …" while the window is open, "The appeal window closed on …" after. */
function renderAppeal(
  host: NassijApplicationForm,
  until: string | undefined,
): TemplateResult | typeof nothing {
  if (!until) return nothing;
  const open = Date.parse(until) > host.now;
  const dateTime = host.fmt.dateTime(until);
  return html`<p class="appeal" data-open=${open ? 'true' : 'false'}>
    ${open ? host.t('af.appeal.open', { dateTime }) : host.t('af.appeal.closed', { dateTime })}
  </p>`;
}

/**
 * The decision on the application: outcome, amount awarded, conditions, reason, date, and the appeal window
 * (computed against the element's clock, so the line changes when the window closes). Nothing before a
 * decision.
 *
 * @example
 * ```ts
 * html`${renderTimeline(host, application)}${renderDecision(host, application.decision)}`;
 * ```
 */
export function renderDecision(
  host: NassijApplicationForm,
  decision: Application['decision'],
): TemplateResult | typeof nothing {
  if (!decision) return nothing;
  const row = (label: string, value: unknown, className: string) =>
    html`<div class=${className}><dt>${label}</dt><dd>${value}</dd></div>`;
  return html`<section class="decision" aria-labelledby="af-decision" data-outcome=${decision.outcome}>
    <h3 id="af-decision" tabindex="-1">${host.t('af.decision.title')}</h3>
    <p class="outcome">${host.t(decision.outcome === 'awarded' ? 'af.decision.awarded' : 'af.decision.rejected')}</p>
    <dl>
      ${decision.amount ? row(host.t('af.decision.amount'), host.fmt.money(decision.amount), 'amount') : nothing}
      ${
        decision.conditions
          ? row(
              host.t('af.decision.conditions'),
              html`<span dir="auto">${decision.conditions}</span>`,
              'conditions',
            )
          : nothing
      }
      ${
        decision.reason
          ? row(host.t('af.decision.reason'), html`<span dir="auto">${decision.reason}</span>`, 'reason')
          : nothing
      }
      ${row(host.t('af.decision.decidedAt'), host.fmt.dateTime(decision.decidedAt), 'decided-at')}
    </dl>
    ${renderAppeal(host, decision.appealUntil)}
  </section>`;
}
