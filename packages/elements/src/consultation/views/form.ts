import { type Consultation, DISPLAY_NAME_MAX, REGIONS } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { plain, renderError } from '../../base/states.js';
import { NEAR_LIMIT } from '../model.js';
import type { NassijConsultation } from '../nassij-consultation.js';
import { hasConsented } from '../storage.js';

// The parts every form shares: identity, consent, field errors, counters (the contribution form itself is in
// contribution-form.ts, loaded with the detail view). Every id starts with the form's id and errors belong to
// one form: several forms live in one element.

/** A field's error state in one form: `aria-invalid`, the ids it is described by, and the message. */
export interface FieldState {
  invalid: 'true' | 'false';
  describedBy: string;
  error: TemplateResult | typeof nothing;
}

/**
 * The state of field `name` of form `formId`: invalid only when that form was the one submitted.
 * `hints` are ids of other descriptions (hint, counter) that come first.
 */
export function field(
  host: NassijConsultation,
  formId: string,
  name: string,
  ...hints: string[]
): FieldState {
  const message = host.errorForm === formId ? host.fieldErrors[name] : undefined;
  const id = `${formId}-${name}-error`;
  return {
    invalid: message ? 'true' : 'false',
    describedBy: [...hints, ...(message ? [id] : [])].join(' '),
    error: message ? html`<span class="field-error" id=${id}>${message}</span>` : nothing,
  };
}

export function counter(host: NassijConsultation, id: string, value: string, max: number): TemplateResult {
  const left = max - value.length;
  return html`<span class="counter" id=${id} data-near=${left <= max * NEAR_LIMIT ? 'true' : 'false'}>
    ${host.t('cons.form.counter', { count: value.length, max: host.fmt.number(max) })}
  </span>`;
}

/** The anonymous author fields (open mode): name, region, type, and a trap for bots. */
function renderAuthorFields(host: NassijConsultation, formId: string): TemplateResult {
  const author = host.drafts.author;
  const name = field(host, formId, 'displayName', `${formId}-name-hint`);
  return html`<fieldset class="identity">
    <legend>${host.t('cons.identity.title')}</legend>
    <p>
      <label for=${`${formId}-name`}>${host.t('cons.identity.displayName')}</label>
      <input id=${`${formId}-name`} name="displayName" class="nassij-input" autocomplete="nickname"
        maxlength=${DISPLAY_NAME_MAX} .value=${author.displayName} aria-invalid=${name.invalid}
        aria-describedby=${name.describedBy} />
      <span class="hint" id=${`${formId}-name-hint`}>${host.t('cons.identity.displayNameHint')}</span>
      ${name.error}
    </p>
    <p>
      <label for=${`${formId}-region`}>${host.t('cons.identity.region')}</label>
      <select id=${`${formId}-region`} name="region" class="nassij-input">
        <option value="">${host.t('cons.identity.noRegion')}</option>
        ${REGIONS.map((r) => html`<option value=${r.code} ?selected=${r.code === author.region}>${plain(host.locale, r.name)}</option>`)}
      </select>
    </p>
    <fieldset class="inline">
      <legend>${host.t('cons.identity.type')}</legend>
      ${(['citizen', 'association'] as const).map(
        (type) =>
          html`<label><input type="radio" name="participantType" value=${type} ?checked=${author.participantType === type} /> ${host.t(`cons.ptype.${type}`)}</label>`,
      )}
    </fieldset>
    <!-- Bots fill every field; people never see this one. -->
    <div class="trap" aria-hidden="true">
      <label for=${`${formId}-website`}>${host.t('cons.identity.website')}</label>
      <input id=${`${formId}-website`} name="website" tabindex="-1" autocomplete="off" />
    </div>
  </fieldset>`;
}

/** Identity by participation mode; shared by the contribution and answer forms. */
export function renderIdentity(host: NassijConsultation, data: Consultation, formId: string): TemplateResult {
  const mode = data.participationMode;
  if (!host.signedIn) {
    if (mode === 'open') return renderAuthorFields(host, formId);
    return html`<div class="identity notice">
      <p>${host.t(mode === 'associations_only' ? 'cons.identity.associationsOnly' : 'cons.identity.registered')}</p>
      <button class="nassij-button" part="button" type="button" data-sign-in @click=${() => host.signIn(formId)}>${host.t('action.signIn')}</button>
    </div>`;
  }
  const who = host.who;
  if (who.errorCode) return renderError(host, { code: who.errorCode, onRetry: who.retry });
  if (mode === 'associations_only') {
    const list = host.associations ?? [];
    return list.length
      ? html`<p class="identity">
          <label for=${`${formId}-association`}>${host.t('cons.identity.actingFor')}</label>
          <select id=${`${formId}-association`} name="associationId" class="nassij-input">
            ${list.map((m) => html`<option value=${m.association.id}>${plain(host.locale, m.association.name)}</option>`)}
          </select>
        </p>`
      : html`<p class="identity notice" data-not-representative>${who.loading ? '…' : host.t('cons.identity.notRepresentative')}</p>`;
  }
  const account = host.account;
  return html`<p class="identity">${host.t('cons.identity.as')} ${account ? html`<strong dir="auto">${account.displayName}</strong>` : '…'}</p>`;
}

/** The law 09-08 notice: in full with a checkbox the first time, then as a reminder. */
export function renderConsent(host: NassijConsultation, formId: string): TemplateResult {
  if (hasConsented()) {
    return html`<details class="consent">
      <summary>${host.t('cons.consent.reminder')}</summary>
      <p>${host.t('cons.consent.purpose')}</p><p>${host.t('cons.consent.kept')}</p><p>${host.t('cons.consent.public')}</p>
    </details>`;
  }
  const consent = field(host, formId, 'consent');
  return html`<div class="consent notice">
    <p class="label">${host.t('cons.consent.title')}</p>
    <p>${host.t('cons.consent.purpose')}</p>
    <p>${host.t('cons.consent.kept')}</p>
    <p>${host.t('cons.consent.public')}</p>
    <p>${host.t('cons.consent.rights')}</p>
    <label><input type="checkbox" name="consent" id=${`${formId}-consent`} aria-invalid=${consent.invalid}
      aria-describedby=${consent.describedBy || nothing} /> ${host.t('cons.consent.accept')}</label>
    ${consent.error}
  </div>`;
}
