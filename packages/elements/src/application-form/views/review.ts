import { type AnswerValue, budgetTotals, type FormField, type Money, REGIONS } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { plain, text } from '../../base/states.js';
import type { NassijApplicationForm } from '../nassij-application-form.js';
import { expiredAttachments } from './attachments.js';

// The review page before submitting, and how an answer reads there and in the conflict dialog.

/** An answer in words: names for codes, lists joined the reader's way, money and counts formatted. */
export function displayAnswer(
  host: NassijApplicationForm,
  field: FormField,
  value: AnswerValue | undefined,
): string {
  if (value === undefined || value === null || value === '') return host.t('af.review.empty');
  const option = (v: string) =>
    'options' in field ? plain(host.locale, field.options.find((o) => o.value === v)?.label) || v : v;
  if (typeof value === 'string') {
    if (field.type === 'region')
      return plain(host.locale, REGIONS.find((r) => r.code === value)?.name) || value;
    // A calendar date: noon UTC is that same day in Casablanca.
    if (field.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value))
      return host.fmt.date(`${value}T12:00:00Z`);
    return option(value);
  }
  if (typeof value === 'number') return host.fmt.number(value);
  if (Array.isArray(value)) return host.fmt.list(value.map(option));
  if ('lines' in value) {
    try {
      return `${host.fmt.number(value.lines.length)} — ${host.t('af.budget.total')}: ${host.fmt.money(budgetTotals(value.lines).total)}`;
    } catch {
      return host.fmt.number(value.lines.length); // a half-typed amount: no total yet
    }
  }
  // A half-typed amount reads as typed (Intl would say "NaN").
  if ('amount' in value)
    return /^\d+(\.\d+)?$/.test(value.amount) ? host.fmt.money(value as Money) : value.amount;
  if ('count' in value) return `${host.t('af.ben.count')}: ${host.fmt.number(value.count)}`;
  return host.t('af.review.empty');
}

/**
 * The vault documents attached that have expired (or expire before the call closes), each with a link to
 * its field: the server would refuse the submission (`document_expired`), so the applicant hears it first.
 */
function renderExpired(host: NassijApplicationForm): TemplateResult | typeof nothing {
  const expired = expiredAttachments(host);
  if (expired.size === 0) return nothing;
  const fields = host.sections
    .flatMap((s) => s.fields)
    .filter((f): f is Extract<FormField, { type: 'attachment' }> => f.type === 'attachment');
  const attachments = host.application?.attachments ?? [];
  return html`<section class="expired-documents" aria-labelledby="af-expired">
    <h4 id="af-expired"><span aria-hidden="true">⚠ </span>${host.t('af.review.expiredTitle')}</h4>
    <p>${host.t('af.review.expiredIntro')}</p>
    <ul>
      ${[...expired].map(([documentId, validUntil]) => {
        const field = fields.find((f) => f.documentId === documentId);
        const name = attachments.find((a) => a.documentId === documentId)?.fileName ?? '';
        const label = field ? plain(host.locale, field.label) : documentId;
        const go = (e: Event) => {
          e.preventDefault();
          if (field) void host.goToField(field.id);
        };
        return html`<li data-document=${documentId}>
          ${host.t('af.review.expiredItem', { label, name, date: host.fmt.date(`${validUntil}T12:00:00Z`) })}
          ${field ? html`<a href="#f-${field.id}" class="fix" @click=${go}>${host.t('af.review.expiredFix', { label })}</a>` : nothing}
        </li>`;
      })}
    </ul>
  </section>`;
}

export function renderReview(host: NassijApplicationForm): TemplateResult {
  const sections = host.sections;
  const late = host.submitError === 'deadline_passed';
  const shown = (f: FormField) =>
    f.type === 'attachment'
      ? (host.application?.attachments.find((a) => a.documentId === f.documentId)?.fileName ??
        host.t('af.doc.missing'))
      : displayAnswer(host, f, host.answers[f.id]);
  return html`<section class="review" aria-labelledby="af-review">
    <h3 id="af-review" tabindex="-1" data-focus>${host.t('af.review.heading')}</h3>
    ${sections.map(
      (section, index) => html`<section class="review-section">
        <h4>${text(host, section.title)}</h4>
        <dl>${section.fields.map((f) => html`<div><dt>${text(host, f.label)}</dt><dd>${shown(f)}</dd></div>`)}</dl>
        <button class="nassij-button subtle" part="button" type="button" @click=${() => host.goTo(index)}>
          ${host.t('af.review.edit', { section: plain(host.locale, section.title) })}
        </button>
      </section>`,
    )}
    ${renderExpired(host)}
    ${
      host.submitError
        ? html`<div class="submit-error" role="alert" tabindex="-1" data-code=${host.submitError}>
        <p>${
          late
            ? host.t('af.deadlinePassed')
            : host.submitError === 'forbidden'
              ? host.t('af.representativeSubmits')
              : host.errorText(host.submitError)
        }</p></div>`
        : nothing
    }
    <div class="nav">
      <button class="nassij-button back" part="button" type="button" @click=${() => host.goTo(sections.length - 1)}>
        ${host.t('af.back')}</button>
      <button class="nassij-button primary submit" part="button" type="button" ?disabled=${host.busy}
        aria-busy=${host.busy ? 'true' : 'false'} @click=${() => host.submit()}>
        ${host.busy ? host.t('af.submitting') : host.t('af.submit')}
      </button>
    </div>
  </section>`;
}
