import type { FieldError, FormField } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { text } from '../../base/states.js';
import type { NassijApplicationForm } from '../nassij-application-form.js';

// What every field shares: its label, hint and errors, in the page's language.

/** The errors of one field (paths `/answers/<fieldId>/…`). */
export function errorsOf(host: NassijApplicationForm, fieldId: string): FieldError[] {
  return host.errors.filter((e) => e.path.split('/')[2] === fieldId);
}

/** A field error in words: our `field.<code>` message, else the generic one (never the code). */
export function fieldErrorMessage(host: NassijApplicationForm, error: FieldError): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(error.params ?? {})) {
    if (typeof value === 'string' || typeof value === 'number') params[name] = value;
  }
  const key = `field.${error.code}`;
  const message = host.t(key, params);
  return message === key ? host.t('field.invalid') : message;
}

export function describedBy(host: NassijApplicationForm, field: FormField): string {
  const ids = [];
  if (field.hint) ids.push(`h-${field.id}`);
  if (errorsOf(host, field.id).length) ids.push(`e-${field.id}`);
  return ids.join(' ');
}

export function labelText(host: NassijApplicationForm, field: FormField): TemplateResult {
  return html`${text(host, field.label)}${field.required ? nothing : html` <span class="optional">${host.t('af.optional')}</span>`}`;
}

export function hintAndErrors(host: NassijApplicationForm, field: FormField): TemplateResult {
  const errors = errorsOf(host, field.id);
  return html`${field.hint ? html`<p class="hint" id="h-${field.id}">${text(host, field.hint)}</p>` : nothing}
    ${
      errors.length
        ? html`<p class="field-error" id="e-${field.id}">
        ${errors.map((e) => html`<span>${fieldErrorMessage(host, e)}</span> `)}</p>`
        : nothing
    }`;
}
