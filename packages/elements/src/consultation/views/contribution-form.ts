import {
  type Article,
  CONTRIBUTION_BODY_MAX,
  CONTRIBUTION_PROPOSED_TEXT_MAX,
  type Consultation,
  type CreateContribution,
} from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage, text } from '../../base/states.js';
import { CONTRIBUTION_FORM, type FormState, POSITION_ICON, POSITIONS } from '../model.js';
import type { NassijConsultation } from '../nassij-consultation.js';
import { counter, field, renderConsent, renderIdentity } from './form.js';
import { authorFor, invalid, invalidFields, value } from './form-values.js';

// The contribution form of an article or the whole text, and its submit: part of the detail view, loaded
// with it when the reader opens an article.

/** The contribution form (comment, recommendation, amendment) of an article or the whole text. */
export function renderForm(
  host: NassijConsultation,
  data: Consultation,
  form: FormState,
  article: Article | undefined,
): TemplateResult {
  const id = CONTRIBUTION_FORM;
  const draft = host.drafts.draftOf(form);
  const body = field(host, id, 'body', `${id}-body-count`);
  const target = article ? host.t('cons.article', { number: article.number }) : host.t('cons.whole.title');
  return html`<form part="form" class="contribute" novalidate aria-labelledby="form-heading" data-form=${id}
    @input=${host.drafts.onInput} @change=${host.drafts.onInput} @submit=${(e: SubmitEvent) => submitContribution(host, e)}>
    <h4 id="form-heading" tabindex="-1" data-focus-after-sign-in>${host.t(`cons.action.${form.kind}`)} — ${target}</h4>
    <fieldset class="inline">
      <legend>${host.t('cons.position.label')}</legend>
      ${POSITIONS.map(
        (p) => html`<label><input type="radio" name="position" value=${p} ?checked=${draft.position === p} />
          <span aria-hidden="true">${POSITION_ICON[p]}</span> ${host.t(`cons.position.${p}`)}</label>`,
      )}
    </fieldset>
    <p>
      <label for=${`${id}-body`}>${host.t(`cons.form.body.${form.kind}`)}</label>
      <textarea id=${`${id}-body`} name="body" class="nassij-input" rows="5" maxlength=${CONTRIBUTION_BODY_MAX}
        .value=${draft.body ?? ''} aria-invalid=${body.invalid} aria-describedby=${body.describedBy}></textarea>
      ${counter(host, `${id}-body-count`, draft.body ?? '', CONTRIBUTION_BODY_MAX)} ${body.error}
    </p>
    ${form.kind === 'amendment' ? renderProposal(host, draft.proposedText ?? '', article) : nothing}
    ${renderIdentity(host, data, id)} ${renderConsent(host, id)}
    <p class="draft-note">${host.t('cons.form.draftSaved')}</p>
    ${host.formError ? html`<p role="alert" class="error">${errorMessage(host, host.formError)}</p>` : nothing}
    <p class="form-actions">
      <button class="nassij-button" part="button" type="submit" ?disabled=${host.busy}>${host.t('cons.form.send')}</button>
      <button class="nassij-button" data-variant="secondary" part="button" type="button" @click=${() => host.closeForm()}>${host.t('action.cancel')}</button>
    </p>
  </form>`;
}

/** An amendment: the current text beside the proposed one. */
function renderProposal(
  host: NassijConsultation,
  value: string,
  article: Article | undefined,
): TemplateResult {
  const id = CONTRIBUTION_FORM;
  const proposed = field(host, id, 'proposedText', `${id}-proposedText-count`);
  return html`<div class="compare">
    <div><p class="label">${host.t('cons.form.current')}</p><p class="current">${article ? text(host, article.body) : nothing}</p></div>
    <div>
      <label for=${`${id}-proposed`} class="label">${host.t('cons.form.proposed')}</label>
      <textarea id=${`${id}-proposed`} name="proposedText" class="nassij-input" rows="5" maxlength=${CONTRIBUTION_PROPOSED_TEXT_MAX}
        .value=${value} aria-invalid=${proposed.invalid} aria-describedby=${proposed.describedBy}></textarea>
      ${counter(host, `${id}-proposedText-count`, value, CONTRIBUTION_PROPOSED_TEXT_MAX)} ${proposed.error}
    </div>
  </div>`;
}

/** The contribution the form describes (checked already). */
export function contributionOf(
  host: NassijConsultation,
  form: HTMLFormElement,
  state: FormState,
): CreateContribution {
  const values = new FormData(form);
  const position = value(values, 'position');
  const author = authorFor(host, values);
  const honeypot = value(values, 'website');
  return {
    kind: state.kind,
    articleId: state.articleId,
    body: value(values, 'body'),
    consent: true,
    ...(state.kind === 'amendment' ? { proposedText: value(values, 'proposedText') } : {}),
    ...(position ? { position: position as (typeof POSITIONS)[number] } : {}),
    ...(author ? { author } : {}),
    ...(honeypot ? { honeypot } : {}),
  };
}

/**
 * Sends the contribution form, once checked.
 *
 * @example
 * ```ts
 * html`<form novalidate @submit=${(e: SubmitEvent) => submitContribution(host, e)}>…</form>`;
 * ```
 */
export async function submitContribution(host: NassijConsultation, event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const state = host.form;
  if (!state) return;
  const required = ['body', 'displayName', ...(state.kind === 'amendment' ? ['proposedText'] : [])];
  if (await invalid(host, form, invalidFields(host, form, required))) return;
  await host.outboxes.contribute(contributionOf(host, form, state), host.drafts.keyOf(state));
}
