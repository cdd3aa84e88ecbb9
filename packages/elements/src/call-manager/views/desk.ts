import type { ApplicationSummary, StaffMember } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage, text } from '../../base/states.js';
import { checkEligibility, decide, nameOf, publishResults, saveReviewers } from '../actions.js';
import type { CallDesk, NassijCallManager } from '../nassij-call-manager.js';

// One published call's desk, imported when a call is opened (with its requests): its reviewers, the
// eligibility-check queue, the decisions board and the results. Every form keeps label, hint, error and
// control in this one shadow tree; our own validation messages are shown after submit, by the field.

/** The refusal of the last write asked in `scope`, in the reader's language (the platform's code). */
function refusal(host: NassijCallManager, scope: string): unknown {
  const error = host.actionError;
  return error?.scope === scope
    ? html`<p class="error" role="alert">${errorMessage(host, error.code)}</p>`
    : nothing;
}

/** What the last write of `scope` did (announced already by the live region). */
function notice(host: NassijCallManager, scope: string): unknown {
  return host.notice?.scope === scope ? html`<p class="notice">${host.notice.text}</p>` : nothing;
}

/** A field's error message, in a region that exists before the error does (so it is announced). */
function fieldError(id: string, shown: boolean, message: string): TemplateResult {
  return html`<span class="field-error" id="${id}-error" role=${shown ? 'alert' : nothing}>${shown ? message : ''}</span>`;
}

function reviewers(host: NassijCallManager, desk: CallDesk): TemplateResult {
  const assigned = new Set(desk.reviewers.map((r) => r.accountId));
  // Someone assigned earlier who is no longer in the pool stays listed, so saving does not drop them unseen.
  const people: Pick<StaffMember, 'accountId' | 'displayName' | 'organisationId'>[] = [
    ...desk.pool,
    ...desk.reviewers.filter((r) => !desk.pool.some((p) => p.accountId === r.accountId)),
  ];
  return html`<section class="desk-part" aria-labelledby="cm-reviewers-h">
    <h4 id="cm-reviewers-h" tabindex="-1">${host.t('cm.reviewers.title')}</h4>
    ${
      people.length === 0
        ? html`<p class="muted">${host.t('cm.reviewers.none')}</p>`
        : html`<form class="reviewers" novalidate @submit=${(e: SubmitEvent) => void saveReviewers(host, desk, e)}>
          <fieldset>
            <legend>${host.t('cm.reviewers.legend')}</legend>
            ${people.map(
              (person) => html`<div class="option">
                <input type="checkbox" id="rv-${person.accountId}" name="reviewer" value=${person.accountId}
                  .checked=${assigned.has(person.accountId)} />
                <label for="rv-${person.accountId}"><span dir="auto">${person.displayName}</span>${
                  person.organisationId ? nothing : html` (${host.t('cm.reviewers.independent')})`
                }</label>
              </div>`,
            )}
          </fieldset>
          ${refusal(host, 'reviewers')} ${notice(host, 'reviewers')}
          <button class="nassij-button save-reviewers" part="button" type="submit" ?disabled=${host.busy}>
            ${host.t('cm.reviewers.save')}</button>
        </form>`
    }
  </section>`;
}

/** What identifies an application in a queue: project, amount asked, date of submission. */
function facts(host: NassijCallManager, app: ApplicationSummary): TemplateResult {
  return html`<span class="meta">
    ${app.projectTitle ? html`<span dir="auto">${app.projectTitle}</span>` : nothing}
    ${app.requestedAmount ? html`<span>${host.t('cm.requested', { amount: host.fmt.money(app.requestedAmount) })}</span>` : nothing}
    ${app.submittedAt ? html`<time datetime=${app.submittedAt}>${host.fmt.date(app.submittedAt)}</time>` : nothing}
  </span>`;
}

function checkForm(host: NassijCallManager, app: ApplicationSummary): TemplateResult {
  const id = `ck-${app.id}`;
  const name = nameOf(host, app.associationName);
  const choice = host.admissible[app.id];
  const unchosen = host.fieldError === `${id}-yes`;
  const noReason = host.fieldError === `${id}-reason`;
  const choose = (admissible: boolean) => {
    host.admissible = { ...host.admissible, [app.id]: admissible };
  };
  return html`<li data-application=${app.id}>
    <form class="check" novalidate @submit=${(e: SubmitEvent) => void checkEligibility(host, app.id, name, e)}>
      <fieldset aria-describedby="${id}-yes-error">
        <legend>${host.t('cm.check.legend', { name })}</legend>
        ${facts(host, app)}
        <div class="option">
          <input type="radio" id="${id}-yes" name="admissible" value="yes" .checked=${choice === true}
            aria-invalid=${unchosen ? 'true' : 'false'} @change=${() => choose(true)} />
          <label for="${id}-yes">${host.t('cm.check.admissible')}</label>
        </div>
        <div class="option">
          <input type="radio" id="${id}-no" name="admissible" value="no" .checked=${choice === false}
            @change=${() => choose(false)} />
          <label for="${id}-no">${host.t('cm.check.notAdmissible')}</label>
        </div>
        ${fieldError(`${id}-yes`, unchosen, host.t('cm.check.choose'))}
      </fieldset>
      <div class="field">
        <label for="${id}-reason">${host.t('cm.check.reason')}</label>
        <textarea class="nassij-input" id="${id}-reason" name="reason" rows="2"
          aria-invalid=${noReason ? 'true' : 'false'} aria-describedby="${id}-reason-error"></textarea>
        ${fieldError(`${id}-reason`, noReason, host.t('cm.check.reasonMissing'))}
      </div>
      ${refusal(host, id)}
      <button class="nassij-button record-check" part="button" type="submit" ?disabled=${host.busy}>
        ${host.t('cm.check.submit')}</button>
    </form>
  </li>`;
}

function checks(host: NassijCallManager, desk: CallDesk): TemplateResult {
  return html`<section class="desk-part" aria-labelledby="cm-check-h">
    <h4 id="cm-check-h" tabindex="-1">${host.t('cm.check.title')}</h4>
    ${notice(host, 'check')}
    ${
      desk.awaitingCheck.length === 0
        ? html`<p class="muted">${host.t('cm.check.none')}</p>`
        : html`<ul class="queue">${desk.awaitingCheck.map((app) => checkForm(host, app))}</ul>`
    }
  </section>`;
}

function decisionForm(host: NassijCallManager, desk: CallDesk, app: ApplicationSummary): TemplateResult {
  const name = nameOf(host, app.associationName);
  const { minAward, maxAward } = desk.call.budget;
  const limits = {
    min: minAward ? host.fmt.money(minAward) : host.fmt.number(0),
    max: maxAward ? host.fmt.money(maxAward) : host.fmt.money(desk.call.budget.total),
  };
  const awarded = host.outcome === 'awarded';
  const badAmount = host.fieldError === 'dc-amount';
  const noReason = host.fieldError === 'dc-reason';
  return html`<form class="decision" novalidate
    @submit=${(e: SubmitEvent) => void decide(host, desk, app.id, name, e)}>
    <fieldset>
      <legend>${host.t('cm.decision.legend', { name })}</legend>
      ${(['awarded', 'rejected'] as const).map(
        (v) => html`<div class="option">
          <input type="radio" id="dc-${v}" name="outcome" value=${v} .checked=${host.outcome === v}
            @change=${() => {
              host.outcome = v;
              host.fieldError = undefined;
            }} />
          <label for="dc-${v}">${host.t(`cm.decision.${v}`)}</label>
        </div>`,
      )}
    </fieldset>
    ${
      awarded
        ? html`<div class="field">
            <label for="dc-amount">${host.t('cm.decision.amount')}</label>
            <span class="hint" id="dc-amount-hint">${host.t('cm.decision.range', limits)}</span>
            <input class="nassij-input" id="dc-amount" name="amount" inputmode="decimal" dir="ltr" autocomplete="off"
              aria-invalid=${badAmount ? 'true' : 'false'} aria-describedby="dc-amount-hint dc-amount-error" />
            ${fieldError('dc-amount', badAmount, host.t('cm.decision.amountInvalid', limits))}
          </div>
          <div class="field">
            <label for="dc-conditions">${host.t('cm.decision.conditions')}</label>
            <textarea class="nassij-input" id="dc-conditions" name="conditions" rows="2"></textarea>
          </div>`
        : nothing
    }
    <div class="field">
      <label for="dc-reason">${host.t('cm.decision.reason')}</label>
      <textarea class="nassij-input" id="dc-reason" name="reason" rows="3"
        aria-invalid=${noReason ? 'true' : 'false'} aria-describedby="dc-reason-error"></textarea>
      ${fieldError('dc-reason', noReason, host.t('cm.decision.reasonMissing'))}
    </div>
    ${refusal(host, 'decision')}
    <button class="nassij-button record-decision" part="button" type="submit" ?disabled=${host.busy}>
      ${host.t('cm.decision.submit')}</button>
  </form>`;
}

function decisions(host: NassijCallManager, desk: CallDesk): TemplateResult {
  const toggle = (id: string) => {
    host.deciding = host.deciding === id ? undefined : id;
    host.fieldError = undefined;
    host.actionError = undefined;
  };
  return html`<section class="desk-part" aria-labelledby="cm-decisions-h">
    <h4 id="cm-decisions-h" tabindex="-1">${host.t('cm.decisions.title')}</h4>
    ${notice(host, 'decisions')}
    ${
      desk.underReview.length === 0
        ? html`<p class="muted">${host.t('cm.decisions.none')}</p>`
        : html`<ul class="board">
          ${desk.underReview.map(
            (app) => html`<li data-application=${app.id}>
              <p class="app-name">${text(host, app.associationName)}</p>
              <span class="meta">
                <span class="reviews">${host.t('cm.decisions.reviews', { count: app.reviewCount ?? 0 })}</span>
                <span class="average">${
                  app.averageScore === undefined
                    ? host.t('cm.decisions.noScore')
                    : host.t('cm.decisions.average', { score: Math.round(app.averageScore * 10) / 10 })
                }</span>
              </span>
              ${facts(host, app)}
              <p class="form-actions">
                <button class="nassij-button" data-variant="secondary" part="button" type="button"
                  data-decide=${app.id} aria-expanded=${host.deciding === app.id ? 'true' : 'false'}
                  @click=${() => toggle(app.id)}>${host.t('cm.decide')}<span class="visually-hidden">: ${text(host, app.associationName)}</span></button>
              </p>
              ${host.deciding === app.id ? decisionForm(host, desk, app) : nothing}
            </li>`,
          )}
        </ul>`
    }
  </section>`;
}

function results(host: NassijCallManager, desk: CallDesk): TemplateResult {
  const published = desk.call.status === 'awarded';
  return html`<section class="desk-part" aria-labelledby="cm-results-h">
    <h4 id="cm-results-h" tabindex="-1">${host.t('cm.results.title')}</h4>
    ${
      published
        ? html`<p class="notice published">${host.t('cm.results.published')}</p>`
        : html`<p>${host.t('cm.results.hint')}</p>
          ${refusal(host, 'results')}
          <p class="form-actions">
            <button class="nassij-button publish-results" part="button" type="button" ?disabled=${host.busy}
              @click=${() => void publishResults(host, desk)}>${host.t('cm.results.publish')}</button>
          </p>`
    }
  </section>`;
}

/** The desk of an open call: its heading (focused on opening), reviewers, checks, decisions, results. */
export function renderDesk(host: NassijCallManager, desk: CallDesk): TemplateResult {
  const { call } = desk;
  return html`<h3 id="cm-desk-h" tabindex="-1">${text(host, call.title)}</h3>
    <p class="meta">
      <span class="status" data-status=${call.status}>${host.t(`status.${call.status}`)}</span>
      <span dir="ltr">${call.reference}</span>
      ${call.dates.closes ? html`<span>${host.t('cm.closes', { date: host.fmt.date(call.dates.closes.at) })}</span>` : nothing}
    </p>
    ${reviewers(host, desk)} ${checks(host, desk)} ${decisions(host, desk)} ${results(host, desk)}`;
}
