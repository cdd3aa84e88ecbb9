import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage } from '../base/states.js';
import type { NassijSubscribe } from './nassij-subscribe.js';
import { CALL_FILTERS, type CallFilter, DIGESTS, fieldOfPath, type SubscribeField } from './request.js';

// The form (error summary, address, what to follow, how often, consent, submit) and the message shown once
// the platform accepted the request.

/** The GOV.UK error summary: what went wrong, each line a link that moves focus to its control. */
function renderErrorSummary(host: NassijSubscribe): TemplateResult | typeof nothing {
  if (!host.errors.length) return nothing;
  return html`<div class="error-summary" part="error-summary" tabindex="-1" role="alert" aria-labelledby="sub-errors">
    <h3 id="sub-errors">${host.t('sub.errorSummary')}</h3>
    <ul>
      ${host.errors.map((error) => {
        const field = fieldOfPath(error.path);
        const onClick = (event: Event) => {
          event.preventDefault();
          host.focusField(field);
        };
        return html`<li><a href="#sub-${field}" @click=${onClick}>
          ${host.t('sub.fieldError', { label: host.labelOf(field), message: host.errorText(error) })}</a></li>`;
      })}
    </ul>
  </div>`;
}

/** A field's error messages, or nothing; its id is what the control's `aria-describedby` names. */
function fieldErrors(host: NassijSubscribe, field: SubscribeField): TemplateResult | typeof nothing {
  const errors = host.errorsAt(field);
  if (!errors.length) return nothing;
  return html`<p class="field-error" id="sub-${field}-error">
    ${errors.map((error) => html`<span>${host.errorText(error)}</span> `)}</p>`;
}

function describedBy(host: NassijSubscribe, field: SubscribeField, hint?: string): string | typeof nothing {
  const ids = [hint, host.errorsAt(field).length ? `sub-${field}-error` : undefined].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
}

function renderEmail(host: NassijSubscribe): TemplateResult {
  const invalid = host.errorsAt('email').length > 0;
  return html`<div class="field ${invalid ? 'invalid' : ''}">
    <label for="sub-email">${host.t('sub.email')}</label>
    <p class="hint" id="sub-email-hint">${host.t('sub.email.hint')}</p>
    ${fieldErrors(host, 'email')}
    <input id="sub-email" class="nassij-input" type="email" name="email" autocomplete="email" dir="ltr"
      spellcheck="false" .value=${host.input.email} aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${describedBy(host, 'email', 'sub-email-hint')}
      @input=${(e: Event) => host.change('email', (e.target as HTMLInputElement).value)} />
  </div>`;
}

function renderFilter(host: NassijSubscribe, filter: CallFilter): TemplateResult {
  const invalid = host.errorsAt(filter).length > 0;
  const value = host.input[filter];
  return html`<div class="field ${invalid ? 'invalid' : ''}">
    <label for="sub-${filter}">${host.t(`sub.${filter}`)}</label>
    ${fieldErrors(host, filter)}
    <select id="sub-${filter}" class="nassij-input" name=${filter} aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${describedBy(host, filter)}
      @change=${(e: Event) => host.change(filter, (e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${value === ''}>${host.t('sub.any')}</option>
      ${host.choices(filter).map(([code, name]) => html`<option value=${code} ?selected=${code === value}>${name}</option>`)}
    </select>
  </div>`;
}

function renderWhat(host: NassijSubscribe): TemplateResult | typeof nothing {
  if (host.consultationId) {
    // The page chose the consultation: nothing to pick, but a wrong id is still told where it belongs.
    if (!host.errorsAt('consultation').length) return nothing;
    return html`<div class="field invalid" id="sub-consultation" tabindex="-1">${fieldErrors(host, 'consultation')}</div>`;
  }
  return html`<fieldset aria-describedby="sub-which-hint">
    <legend>${host.t('sub.which')}</legend>
    <p class="hint" id="sub-which-hint">${host.t('sub.which.hint')}</p>
    <div class="filters">${CALL_FILTERS.map((filter) => renderFilter(host, filter))}</div>
  </fieldset>`;
}

function renderDigest(host: NassijSubscribe): TemplateResult {
  const invalid = host.errorsAt('digest').length > 0;
  return html`<fieldset class=${invalid ? 'invalid' : ''} aria-describedby=${describedBy(host, 'digest')}>
    <legend>${host.t('sub.digest')}</legend>
    ${fieldErrors(host, 'digest')}
    ${DIGESTS.map(
      (digest, index) => html`<label class="choice">
        <input type="radio" name="digest" id="sub-digest-${index}" value=${digest}
          .checked=${host.input.digest === digest}
          @change=${() => host.change('digest', digest)} />
        ${host.t(`sub.digest.${digest}`)}
      </label>`,
    )}
  </fieldset>`;
}

/**
 * The subscription form.
 *
 * @example
 * ```ts
 * html`${renderForm(this)}`;
 * ```
 */
export function renderForm(host: NassijSubscribe): TemplateResult {
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void host.submit();
  };
  const sending = host.status === 'sending';
  return html`${renderErrorSummary(host)}
    <form part="form" novalidate @submit=${onSubmit} aria-busy=${sending ? 'true' : 'false'}>
      ${renderEmail(host)} ${renderWhat(host)} ${renderDigest(host)}
      <p class="consent" id="sub-consent">${host.t('sub.consent')}</p>
      <div class="actions">
        <button class="nassij-button" part="button" type="submit" aria-describedby="sub-consent"
          ?disabled=${sending}>${sending ? host.t('sub.sending') : host.t('sub.submit')}</button>
      </div>
      ${
        host.submitError
          ? html`<p class="submit-error" role="alert" tabindex="-1">${errorMessage(host, host.submitError)}</p>`
          : nothing
      }
    </form>`;
}

/**
 * The answer once the platform accepted the request: the same whatever the address.
 *
 * @example
 * ```ts
 * html`${renderSent(this)}`;
 * ```
 */
export function renderSent(host: NassijSubscribe): TemplateResult {
  return html`<div class="sent" part="sent" role="status">
    <h3 tabindex="-1">${host.t('sub.sent.title')}</h3>
    <p>${host.t('sub.sent.body', { count: host.confirmDays })}</p>
    <div class="actions">
      <button class="nassij-button" data-variant="secondary" part="button" type="button"
        @click=${() => void host.edit()}>${host.t('sub.sent.again')}</button>
    </div>
  </div>`;
}
