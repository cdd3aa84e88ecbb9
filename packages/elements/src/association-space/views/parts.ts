import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage } from '../../base/states.js';
import type { NassijAssociationSpace, SpacePart } from '../nassij-association-space.js';

// Pieces every section's view uses: a field's error, the platform's refusal of a write, what a write did,
// a part the platform could not give, and the inline confirmation of a removal.

/** A field's error, in a region that exists before the error does (so that it is announced). */
export function fieldError(host: NassijAssociationSpace, id: string): TemplateResult {
  const key = host.fieldErrors[id];
  return html`<span class="field-error" id="${id}-error" role=${key ? 'alert' : nothing}>${key ? host.t(key) : ''}</span>`;
}

/** `aria-invalid` of a field our validation stopped at. */
export function invalid(host: NassijAssociationSpace, id: string): 'true' | 'false' {
  return host.fieldErrors[id] ? 'true' : 'false';
}

/** The refusal of the last write asked in `scope`, in the reader's language (the platform's code). */
export function refusal(host: NassijAssociationSpace, scope: string): unknown {
  const error = host.actionError;
  return error?.scope === scope
    ? html`<p class="error" role="alert">${errorMessage(host, error.code)}</p>`
    : nothing;
}

/** What the last write of `scope` did (announced already by the live region). */
export function notice(host: NassijAssociationSpace, scope: string): unknown {
  return host.notice?.scope === scope ? html`<p class="notice">${host.notice.text}</p>` : nothing;
}

/** A part of the space: its view, or why it is missing (not on this platform yet, or an error). */
export function part<T>(
  host: NassijAssociationSpace,
  value: SpacePart<T>,
  ready: (value: T) => unknown,
): unknown {
  if (value.value !== undefined) return ready(value.value);
  if (value.error === 'unavailable')
    return html`<p class="muted unavailable">${host.t('as.unavailable')}</p>`;
  return html`<div class="nassij-state" data-state="error" role="alert">
    <p>${errorMessage(host, value.error ?? 'unknown')}</p>
    <button class="nassij-button" part="button" type="button" @click=${() => void host.refresh()}>
      ${host.t('action.retry')}</button>
  </div>`;
}

/**
 * The inline confirmation of `key` (a removal, leaving, a hand-over): the question, Confirm and Cancel.
 * Confirm gets the focus when it opens; Cancel puts it back on the button that asked (`returnTo`).
 */
export function confirmation(
  host: NassijAssociationSpace,
  key: string,
  question: string,
  onConfirm: () => void,
  returnTo: string,
  cancel: (returnTo: string) => void,
): unknown {
  if (host.confirming !== key) return nothing;
  const id = `cf-${key.replace(/[^\w-]/g, '_')}`;
  return html`<div class="confirm" role="group" aria-labelledby=${id}>
    <p id=${id}>${question}</p>
    ${refusal(host, key)}
    <p class="form-actions">
      <button class="nassij-button danger" part="button" type="button" data-confirm ?disabled=${host.busy}
        @click=${onConfirm}>${host.t('as.confirm')}</button>
      <button class="nassij-button" data-variant="secondary" part="button" type="button"
        @click=${() => cancel(returnTo)}>${host.t('action.cancel')}</button>
    </p>
  </div>`;
}
