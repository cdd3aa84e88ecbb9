import type { Consultation, ConsultationQuestion } from '@nassij/contract';
import { CONTRIBUTION_BODY_MAX } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage, text } from '../../base/states.js';
import type { NassijConsultation } from '../nassij-consultation.js';
import { field, renderConsent, renderIdentity } from './form.js';
import { submitAnswer } from './form-values.js';

// The consultation's questions, one form each: a submit checks and marks that form only, and every id
// starts with the form's id (`q-<index>`), so no id appears twice however many questions there are.

/** The question forms. */
export function renderQuestions(host: NassijConsultation, data: Consultation): TemplateResult {
  return html`<section class="questions" aria-labelledby="questions-h">
    <h3 id="questions-h">${host.t('cons.questions.title')}</h3>
    ${data.questions.map((q, index) => renderQuestion(host, data, q, `q-${index}`))}
    ${host.formError && !host.form ? html`<p role="alert" class="error">${errorMessage(host, host.formError)}</p>` : nothing}
  </section>`;
}

function renderQuestion(
  host: NassijConsultation,
  data: Consultation,
  q: ConsultationQuestion,
  id: string,
): TemplateResult {
  const answer = field(host, id, 'answer');
  return html`<form class="question" novalidate data-form=${id} @submit=${(e: SubmitEvent) => submitAnswer(host, e, q)}>
    <fieldset>
      <legend>${text(host, q.prompt)}</legend>
      ${
        q.kind === 'open'
          ? html`<label for=${`${id}-text`}>${host.t('cons.questions.answer')}</label>
              <textarea id=${`${id}-text`} name="answer" class="nassij-input" maxlength=${CONTRIBUTION_BODY_MAX}
                aria-invalid=${answer.invalid} aria-describedby=${answer.describedBy || nothing}></textarea>`
          : (q.options ?? []).map(
              (o) =>
                html`<label><input type=${q.multiple ? 'checkbox' : 'radio'} name="answer" value=${o.id}
                  aria-invalid=${answer.invalid} aria-describedby=${answer.describedBy || nothing} /> ${text(host, o.label)}</label>`,
            )
      }
      ${answer.error}
    </fieldset>
    ${renderIdentity(host, data, id)} ${renderConsent(host, id)}
    <button class="nassij-button" part="button" type="submit">${host.t('cons.questions.send')}</button>
  </form>`;
}
