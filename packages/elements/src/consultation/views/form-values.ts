import {
  CONTRIBUTION_BODY_MAX,
  type ConsultationQuestion,
  type CreateContribution,
  DISPLAY_NAME_MAX,
  type RegionCode,
} from '@nassij/contract';
import { plain } from '../../base/states.js';
import type { NassijConsultation } from '../nassij-consultation.js';

// What the forms hold, read from the submitted form alone: checks, the answers to questions and their submit
// (the contribution form's are in contribution-form.ts).

export const value = (values: FormData, name: string) => String(values.get(name) ?? '').trim();

/**
 * Checks what the server would refuse, in the reader's language, in the submitted form only: other forms
 * of the element keep their state.
 */
export function invalidFields(
  host: NassijConsultation,
  form: HTMLFormElement,
  required: string[],
): Record<string, string> {
  const values = new FormData(form);
  const errors: Record<string, string> = {};
  for (const name of required) {
    if (values.has(name) && !value(values, name)) errors[name] = host.t('field.required');
  }
  const consent = form.querySelector<HTMLInputElement>('input[name="consent"]');
  if (consent && !consent.checked) errors.consent = host.t('cons.consent.required');
  return errors;
}

/** Who contributes, by participation mode: an association chosen, the anonymous fields, or the account. */
export function authorFor(host: NassijConsultation, values: FormData): CreateContribution['author'] {
  if (host.data?.participationMode === 'associations_only') {
    const chosen = host.associations?.find((m) => m.association.id === values.get('associationId'));
    return chosen
      ? {
          displayName: plain(host.locale, chosen.association.name).slice(0, DISPLAY_NAME_MAX),
          participantType: 'association',
          associationId: chosen.association.id,
          ...(chosen.association.region ? { region: chosen.association.region } : {}),
        }
      : undefined;
  }
  if (host.signedIn) return undefined;
  const region = value(values, 'region');
  return {
    displayName: value(values, 'displayName'),
    participantType: values.get('participantType') === 'association' ? 'association' : 'citizen',
    ...(region ? { region: region as RegionCode } : {}),
  };
}

/** The answer to one question, and the errors of its form. */
export function answerOf(
  host: NassijConsultation,
  form: HTMLFormElement,
  question: ConsultationQuestion,
): { body: CreateContribution; errors: Record<string, string> } {
  const values = new FormData(form);
  const chosen = values.getAll('answer').map(String);
  const answer = question.kind === 'open' ? value(values, 'answer') : chosen;
  const errors = invalidFields(host, form, ['displayName']);
  if (!answer.length) errors.answer = host.t('field.required');
  // The body is what moderators and open data read: the chosen options as a list in the reader's language.
  const labels = (question.options ?? [])
    .filter((o) => chosen.includes(o.id))
    .map((o) => plain(host.locale, o.label));
  const author = authorFor(host, values);
  const body: CreateContribution = {
    kind: 'answer',
    articleId: null,
    questionId: question.id,
    answer,
    body: typeof answer === 'string' ? answer : host.fmt.list(labels).slice(0, CONTRIBUTION_BODY_MAX),
    consent: true,
    ...(author ? { author } : {}),
  };
  return { body, errors };
}

/** Shows the errors on the submitted form only and focuses its first invalid field; `false` when none. */
export async function invalid(
  host: NassijConsultation,
  form: HTMLFormElement,
  errors: Record<string, string>,
) {
  host.errorForm = form.dataset.form;
  host.fieldErrors = errors;
  if (!Object.keys(errors).length) return false;
  await host.updateComplete;
  form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  return true;
}

/**
 * Sends the answer to one question: its own form only is checked and marked.
 *
 * @example
 * ```ts
 * html`<form novalidate @submit=${(e: SubmitEvent) => submitAnswer(host, e, question)}>…</form>`;
 * ```
 */
export async function submitAnswer(
  host: NassijConsultation,
  event: SubmitEvent,
  question: ConsultationQuestion,
): Promise<void> {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const { body, errors } = answerOf(host, form, question);
  if (!(await invalid(host, form, errors))) await host.outboxes.contribute(body, undefined);
}
