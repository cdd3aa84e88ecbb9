import { html, nothing, type TemplateResult } from 'lit';
import { plain, text } from '../../base/states.js';
import type { NassijApplicationForm } from '../nassij-application-form.js';
import { renderChecklist } from './attachments.js';
import { fieldErrorMessage } from './field-parts.js';
import { renderField } from './fields.js';

// One section of the form per step: the GOV.UK-style error summary, the fields, the save state and the
// step navigation.

/** Moves focus to the field an error summary link names (a budget line's own input when it has one). */
function focusField(host: NassijApplicationForm, path: string, event: Event): void {
  event.preventDefault();
  const [, , fieldId, , index, prop] = path.split('/');
  const root = host.renderRoot;
  const target =
    (index !== undefined && prop
      ? root.querySelector<HTMLElement>(`#f-${fieldId}-${index}-${prop}`)
      : null) ?? root.querySelector<HTMLElement>(`[data-field="${fieldId}"]`);
  target?.focus();
  target?.scrollIntoView?.({ block: 'center' });
}

function renderErrorSummary(host: NassijApplicationForm): TemplateResult | typeof nothing {
  if (!host.errors.length) return nothing;
  const fields = host.sections.flatMap((s) => s.fields);
  const label = (fieldId: string) => {
    const field = fields.find((f) => f.id === fieldId);
    return field ? plain(host.locale, field.label) : host.t('field.invalid');
  };
  return html`<div class="error-summary" part="error-summary" tabindex="-1" role="alert" aria-labelledby="af-errors">
    <h3 id="af-errors">${host.t('af.errorSummary')}</h3>
    <ul>
      ${host.errors.map((e) => {
        const fieldId = e.path.split('/')[2] ?? '';
        return html`<li><a href="#f-${fieldId}" @click=${(ev: Event) => focusField(host, e.path, ev)}>
          ${host.t('af.fieldError', { label: label(fieldId), message: fieldErrorMessage(host, e) })}
        </a></li>`;
      })}
    </ul>
  </div>`;
}

function renderSaveState(host: NassijApplicationForm): TemplateResult {
  const state = host.saveState;
  const message =
    state === 'saving'
      ? host.t('af.saving')
      : state === 'device' || !host.online.online
        ? host.t('af.savedDevice')
        : host.savedAt
          ? host.t('af.saved', { time: host.fmt.time(host.savedAt) })
          : '';
  return html`<p class="save-state" data-state=${state}>${message}</p>`;
}

export function renderStep(host: NassijApplicationForm): TemplateResult | typeof nothing {
  const sections = host.sections;
  const step = host.step;
  const section = sections[step];
  if (!section) return nothing;
  const onSubmit = (e: Event) => {
    e.preventDefault();
    void host.next();
  };
  return html`${renderErrorSummary(host)}
    <form class="step" novalidate @submit=${onSubmit}>
      <p class="progress">${host.t('af.step', { current: step + 1, total: sections.length })}</p>
      <h3 tabindex="-1" data-focus>${text(host, section.title)}</h3>
      ${section.description ? html`<p>${text(host, section.description)}</p>` : nothing}
      ${section.fields.some((f) => f.type === 'attachment') ? renderChecklist(host) : nothing}
      ${section.fields.map((f) => renderField(host, f))}
      ${renderSaveState(host)}
      <div class="nav">
        ${
          step > 0
            ? html`<button class="nassij-button back" part="button" type="button" @click=${() => host.goTo(step - 1)}>
            ${host.t('af.back')}</button>`
            : nothing
        }
        <button class="nassij-button primary next" part="button" type="submit">
          ${step === sections.length - 1 ? host.t('af.review.heading') : host.t('af.next')}
        </button>
      </div>
    </form>`;
}
