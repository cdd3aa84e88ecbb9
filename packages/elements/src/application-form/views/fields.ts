import { type AnswerValue, type FormField, REGIONS } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { plain, text } from '../../base/states.js';
import type { NassijApplicationForm } from '../nassij-application-form.js';
import { renderAttachment } from './attachments.js';
import { moneyInput, renderBeneficiaries, renderBudget } from './budget.js';
import { describedBy, errorsOf, hintAndErrors, labelText } from './field-parts.js';

// One field of the form, generated from the call's definition; errors in the page's language.

function numberInput(host: NassijApplicationForm, fieldId: string, event: Event): void {
  const input = event.target as HTMLInputElement;
  if (input.value === '') host.setAnswer(fieldId, input.validity.badInput ? 'NaN' : null);
  else host.setAnswer(fieldId, Number.isFinite(input.valueAsNumber) ? input.valueAsNumber : input.value);
}

function renderChoice(
  host: NassijApplicationForm,
  field: Extract<FormField, { type: 'choice' | 'multi_choice' }>,
  value: AnswerValue | undefined,
  invalid: boolean,
): TemplateResult {
  const multi = field.type === 'multi_choice';
  const chosen = Array.isArray(value) ? value : [];
  const options = field.options;
  return html`<fieldset class="field ${invalid ? 'invalid' : ''}" aria-describedby=${describedBy(host, field) || nothing}>
    <legend>${labelText(host, field)}</legend>${hintAndErrors(host, field)}
    ${options.map(
      (o, i) => html`<div class="option">
        <input id="f-${field.id}-${i}" name=${field.id} type=${multi ? 'checkbox' : 'radio'} value=${o.value}
          data-field=${i === 0 ? field.id : nothing} aria-invalid=${invalid ? 'true' : 'false'}
          .checked=${multi ? chosen.includes(o.value) : value === o.value}
          @change=${(e: Event) => {
            const input = e.target as HTMLInputElement;
            if (!multi) host.setAnswer(field.id, input.value);
            else
              host.setAnswer(
                field.id,
                input.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value),
              );
          }} />
        <label for="f-${field.id}-${i}">${text(host, o.label)}</label>
      </div>`,
    )}
  </fieldset>`;
}

type SimpleField = Extract<
  FormField,
  { type: 'text' | 'long_text' | 'number' | 'money' | 'date' | 'region' }
>;
/** What a simple field's control needs besides the field. */
interface Control {
  value: AnswerValue | undefined;
  text: string;
  invalid: boolean;
  describedBy: string;
}

/** The one control of a simple field (its label, hint and errors are around it). */
function control(host: NassijApplicationForm, field: SimpleField, c: Control): TemplateResult {
  const id = `f-${field.id}`;
  const invalid = c.invalid ? 'true' : 'false';
  const described = c.describedBy || nothing;
  const set = (e: Event) => host.setAnswer(field.id, (e.target as HTMLInputElement).value || null);
  switch (field.type) {
    case 'text':
      return html`<input class="nassij-input" id=${id} data-field=${field.id} type="text" .value=${c.text}
        maxlength=${field.maxLength ?? nothing} autocomplete=${field.autocomplete ?? 'off'} ?required=${field.required}
        aria-invalid=${invalid} aria-describedby=${described}
        @input=${(e: Event) => host.setAnswer(field.id, (e.target as HTMLInputElement).value)} />`;
    case 'long_text':
      return html`<textarea class="nassij-input" id=${id} data-field=${field.id} rows="6" .value=${c.text}
        maxlength=${field.maxLength ?? nothing} autocomplete=${field.autocomplete ?? 'off'} ?required=${field.required}
        aria-invalid=${invalid} aria-describedby=${described}
        @input=${(e: Event) => host.setAnswer(field.id, (e.target as HTMLTextAreaElement).value)}></textarea>`;
    case 'number':
      return html`<input class="nassij-input short" id=${id} data-field=${field.id} type="number" inputmode="numeric"
        .value=${c.text} min=${field.min ?? nothing} max=${field.max ?? nothing} step=${field.integer ? '1' : 'any'}
        autocomplete="off" ?required=${field.required} aria-invalid=${invalid} aria-describedby=${described}
        @input=${(e: Event) => numberInput(host, field.id, e)} />`;
    case 'money':
      return moneyInput(
        host,
        { id, invalid: c.invalid, describedBy: c.describedBy },
        field.id,
        c.value,
        (v) => host.setAnswer(field.id, v),
        field.required,
      );
    case 'date':
      return html`<input class="nassij-input short" id=${id} data-field=${field.id} type="date" .value=${c.text}
        autocomplete="off" ?required=${field.required} aria-invalid=${invalid} aria-describedby=${described}
        @input=${set} />`;
    case 'region':
      return html`<select class="nassij-input" id=${id} data-field=${field.id} autocomplete="address-level1"
        ?required=${field.required} aria-invalid=${invalid} aria-describedby=${described} @change=${set}>
        <option value="" ?selected=${!c.text}>${host.t('af.chooseOption')}</option>
        ${REGIONS.map((r) => html`<option value=${r.code} ?selected=${c.text === r.code}>${plain(host.locale, r.name)}</option>`)}
      </select>`;
  }
}

export function renderField(host: NassijApplicationForm, field: FormField): TemplateResult {
  const value = host.answers[field.id];
  const invalid = errorsOf(host, field.id).length > 0;
  switch (field.type) {
    case 'choice':
    case 'multi_choice':
      return renderChoice(host, field, value, invalid);
    case 'budget_table':
      return renderBudget(host, field, value, invalid);
    case 'beneficiaries':
      return renderBeneficiaries(host, field, value, invalid);
    case 'attachment':
      return renderAttachment(host, field, invalid);
  }
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  return html`<div class="field ${invalid ? 'invalid' : ''}">
    <label for="f-${field.id}">${labelText(host, field)}</label>${hintAndErrors(host, field)}
    ${control(host, field, { value, text, invalid, describedBy: describedBy(host, field) })}
  </div>`;
}
