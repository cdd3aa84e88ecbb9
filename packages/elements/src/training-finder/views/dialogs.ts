import type { Registration } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { plain, text } from '../../base/states.js';
import type { NassijTrainingFinder } from '../nassij-training-finder.js';
import type { RegistrationField } from '../registration.js';
import type { RegistrationController } from '../registration-controller.js';

// The modal dialog: the registration form, its outcome, and the confirmation before cancelling.

/** The dialog the element shows, if any. */
export function renderDialog(
  host: NassijTrainingFinder,
  reg: RegistrationController,
): TemplateResult | typeof nothing {
  const d = reg.dialog;
  if (!d) return nothing;
  const body =
    d.kind === 'register'
      ? renderRegisterForm(host, reg)
      : d.kind === 'result'
        ? renderResult(host, reg, d.registration)
        : renderCancel(host, reg, d.registration);
  return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${reg.onClosed}>${body}</dialog>`;
}

function alert(reg: RegistrationController) {
  const error = reg.error;
  return error ? html`<p class="alert" role="alert">${error}</p>` : nothing;
}

/** The message under a wrong field, and the attributes that tie it to the field. */
function fieldError(host: NassijTrainingFinder, reg: RegistrationController, field: RegistrationField) {
  const key = reg.fieldErrors[field];
  return {
    invalid: key ? 'true' : nothing,
    describedBy: (ids: string[]) => [...ids, ...(key ? [`${field}-error`] : [])].join(' ') || nothing,
    message: key ? html`<p class="field-error" id="${field}-error">${host.t(key)}</p>` : nothing,
  };
}

function renderAssociation(host: NassijTrainingFinder, reg: RegistrationController): TemplateResult {
  const mine = host.associations ?? [];
  const error = fieldError(host, reg, 'association');
  const [only] = mine;
  if (mine.length > 1)
    return html`<div class="field"><label for="association">${host.t('tf.dialog.association')}</label>
      <select class="nassij-input" id="association" name="association" aria-invalid=${error.invalid}
        aria-describedby=${error.describedBy([])}
        @change=${(e: Event) => void reg.choose((e.target as HTMLSelectElement).value)}>
        ${mine.map((m) => html`<option value=${m.association.id}>${plain(host.locale, m.association.name)}</option>`)}
      </select>${error.message}</div>`;
  if (only)
    return html`<p>${host.t('tf.dialog.association')}: ${text(host, only.association.name)}</p>
      <input type="hidden" name="association" .value=${only.association.id} />`;
  return html`<p class="alert">${host.associationsError ?? host.t('tf.dialog.noAssociation')}</p>`;
}

/** The participant: a member of the association (the signed-in person, or one the representative chooses). */
function renderParticipant(host: NassijTrainingFinder, reg: RegistrationController): TemplateResult {
  const error = fieldError(host, reg, 'participant');
  const people = reg.people;
  if (!people)
    return html`<p class="muted" role="status" id="participant-loading">${host.t('tf.dialog.loadingMembers')}</p>`;
  return html`<div class="field"><label for="participant">${host.t('tf.dialog.participant')}</label>
    <select class="nassij-input" id="participant" name="participant" aria-invalid=${error.invalid}
      aria-describedby=${error.describedBy([])}>
      ${people.map(
        (p) =>
          html`<option value=${p.accountId} ?selected=${p.accountId === reg.me}>${
            p.accountId === reg.me ? host.t('tf.dialog.me', { name: p.displayName }) : p.displayName
          }</option>`,
      )}
    </select>${error.message}
    ${reg.peopleError ? html`<p class="alert">${reg.peopleError}</p>` : nothing}</div>`;
}

function renderRegisterForm(host: NassijTrainingFinder, reg: RegistrationController): TemplateResult {
  const { dialog: d, busy } = reg;
  if (d?.kind !== 'register') return html``;
  const consent = fieldError(host, reg, 'consent');
  const none = (host.associations ?? []).length === 0;
  return html`<h2 id="dialog-title" tabindex="-1">${host.t('tf.dialog.title')}</h2>
    <p>${text(host, d.course.title)} — ${host.fmt.dateTime(d.session.period.start)}</p>
    <form novalidate @submit=${reg.submit} @input=${reg.clearFieldError}>
      ${renderAssociation(host, reg)}
      ${renderParticipant(host, reg)}
      <div class="field"><label for="p-role">${host.t('tf.dialog.role')}</label>
        <input class="nassij-input" id="p-role" name="role" maxlength="120" autocomplete="off" /></div>
      <p class="muted" id="notice">${host.t('tf.dialog.notice')}</p>
      <label class="check"><input type="checkbox" id="consent" name="consent" required
        aria-invalid=${consent.invalid} aria-describedby=${consent.describedBy(['notice'])} />
        ${host.t('tf.dialog.consent')}</label>
      ${consent.message}
      ${alert(reg)}
      <div class="actions">
        <button class="nassij-button" data-variant="secondary" part="button" type="button"
          @click=${() => reg.close()}>${host.t('action.cancel')}</button>
        <button class="nassij-button" part="button" type="submit" ?disabled=${busy || none || !reg.people?.length}>
          ${busy ? host.t('tf.dialog.sending') : host.t('tf.dialog.submit')}</button>
      </div>
    </form>`;
}

function renderResult(
  host: NassijTrainingFinder,
  reg: RegistrationController,
  r: Registration,
): TemplateResult {
  const outcome = r.status === 'waitlisted' || r.status === 'requested' ? r.status : 'confirmed';
  return html`<h2 id="dialog-title">${host.t(`tf.status.${r.status}`)}</h2>
    <p role="status" data-status=${r.status}>${host.t(`tf.result.${outcome}`, {
      name: r.participant.name,
      position: r.waitlistPosition ?? 1,
    })}</p>
    <div class="actions"><button class="nassij-button" part="button" type="button"
      @click=${() => reg.close()}>${host.t('action.close')}</button></div>`;
}

function renderCancel(
  host: NassijTrainingFinder,
  reg: RegistrationController,
  r: Registration,
): TemplateResult {
  return html`<h2 id="dialog-title">${host.t('tf.cancel.title')}</h2>
    <p>${host.t('tf.cancel.text', { name: r.participant.name })}</p>
    ${alert(reg)}
    <div class="actions">
      <button class="nassij-button" data-variant="secondary" part="button" type="button"
        @click=${() => reg.close()}>${host.t('tf.cancel.keep')}</button>
      <button class="nassij-button" part="button" type="button" data-confirm-cancel ?disabled=${reg.busy}
        @click=${() => reg.confirmCancel(r)}>${host.t('tf.cancel.confirm')}</button>
    </div>`;
}
