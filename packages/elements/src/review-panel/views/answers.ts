import {
  type AnswerValue,
  type Application,
  type Beneficiaries,
  type BudgetLine,
  type Call,
  type FormField,
  fileTypeName,
  type Money,
  regionName,
} from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage, plain, text } from '../../base/states.js';
import { fileSize } from '../../i18n/file-size.js';
import type { NassijReviewPanel } from '../nassij-review-panel.js';

// An application's answers as a reviewer reads them: each value typed by its field (amounts, dates, regions,
// options by their labels, budget lines, beneficiaries), never raw JSON; then the attached files.

type Answer = AnswerValue | boolean | undefined;

function isMoney(value: object): value is Money {
  return 'amount' in value && 'currency' in value;
}

function isEmpty(value: Answer): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** The label of a choice option (or a budget category), in the reader's language; the value if unknown. */
function optionLabel(host: NassijReviewPanel, field: FormField, value: string): string {
  const options =
    field.type === 'choice' || field.type === 'multi_choice'
      ? field.options
      : field.type === 'budget_table'
        ? (field.categories ?? [])
        : [];
  const option = options.find((o) => o.value === value);
  return option ? plain(host.locale, option.label) : value;
}

/**
 * The exact sum of amounts (decimal strings, in minor units). The contract's `budgetTotals` would do, but its
 * module brings the zod schemas into this bundle (+8.7 KB gzip) for one addition.
 */
function sum(amounts: readonly Money[]): Money {
  let minor = 0n;
  for (const { amount } of amounts) {
    const [whole = '0', cents = ''] = amount.replace(/^-/, '').split('.');
    const value = BigInt(whole) * 100n + BigInt(cents.padEnd(2, '0').slice(0, 2));
    minor += amount.startsWith('-') ? -value : value;
  }
  const sign = minor < 0n ? '-' : '';
  const abs = minor < 0n ? -minor : minor;
  return { amount: `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`, currency: 'MAD' };
}

function budget(host: NassijReviewPanel, field: FormField, lines: readonly BudgetLine[]): TemplateResult {
  const totals = { total: sum(lines.map((l) => l.amount)), coFinanced: sum(lines.map((l) => l.coFinanced)) };
  const fmt = host.fmt;
  // A table in its own scroll container: at 320 px it scrolls inside, never the page.
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${plain(host.locale, field.label)}>
    <table>
      <thead><tr>
        <th scope="col">${host.t('rp.budget.line')}</th><th scope="col">${host.t('rp.budget.category')}</th>
        <th scope="col">${host.t('rp.budget.amount')}</th><th scope="col">${host.t('rp.budget.coFinanced')}</th>
      </tr></thead>
      <tbody>
        ${lines.map(
          (line) => html`<tr>
            <td class="user-text" dir="auto">${line.label}</td>
            <td>${line.category ? optionLabel(host, field, line.category) : nothing}</td>
            <td class="num">${fmt.money(line.amount)}</td><td class="num">${fmt.money(line.coFinanced)}</td>
          </tr>`,
        )}
      </tbody>
      <tfoot><tr>
        <th scope="row" colspan="2">${host.t('rp.budget.total')}</th>
        <td class="num">${fmt.money(totals.total)}</td><td class="num">${fmt.money(totals.coFinanced)}</td>
      </tr></tfoot>
    </table>
  </div>`;
}

function beneficiaries(host: NassijReviewPanel, value: Beneficiaries): TemplateResult {
  const parts = [host.t('rp.beneficiaries.count', { count: value.count })];
  if (value.women !== undefined) parts.push(host.t('rp.beneficiaries.women', { count: value.women }));
  if (value.youth !== undefined) parts.push(host.t('rp.beneficiaries.youth', { count: value.youth }));
  return html`${host.fmt.list(parts)}${
    value.description ? html`<br /><span class="user-text" dir="auto">${value.description}</span>` : nothing
  }`;
}

/** One answer, typed by its field; shapes the field does not expect are still shown typed, never as JSON. */
export function renderAnswer(host: NassijReviewPanel, field: FormField, value: Answer): unknown {
  if (isEmpty(value) || value === undefined || value === null)
    return html`<span class="muted">${host.t('rp.unanswered')}</span>`;
  if (typeof value === 'boolean') return host.t(value ? 'rp.yes' : 'rp.no');
  if (typeof value === 'number') return host.fmt.number(value);
  if (typeof value === 'string') {
    if (field.type === 'date') return host.fmt.date(value);
    if (field.type === 'region') return regionName(value, host.locale);
    if (field.type === 'choice') return optionLabel(host, field, value);
    return html`<span class="user-text" dir="auto">${value}</span>`;
  }
  if (Array.isArray(value))
    return host.fmt.list(
      value.map((v) => (field.type === 'region' ? regionName(v, host.locale) : optionLabel(host, field, v))),
    );
  if (isMoney(value)) return host.fmt.money(value);
  if ('lines' in value) return budget(host, field, value.lines);
  return beneficiaries(host, value);
}

/** The answers, section by section (attachment slots are listed with the files). */
export function renderAnswers(host: NassijReviewPanel, application: Application, call: Call): TemplateResult {
  return html`<h4>${host.t('rp.answers')}</h4>
    ${call.form.sections.map((section) => {
      const fields = section.fields.filter((f) => f.type !== 'attachment');
      return fields.length
        ? html`<h5>${text(host, section.title)}</h5>
          <dl class="answers">
            ${fields.map(
              (f) => html`<div>
                <dt>${text(host, f.label)}</dt>
                <dd data-field=${f.id} data-type=${f.type}>${renderAnswer(host, f, application.answers[f.id])}</dd>
              </div>`,
            )}
          </dl>`
        : nothing;
    })}`;
}

/**
 * The attached files: name, the document of the call it answers, friendly type, size and scan state, and a
 * download button for a file the scanner found clean and that is still kept. The API gives no address to
 * link to: the file comes through the client (`onDownload`), with the reader's token.
 */
export function renderAttachments(
  host: NassijReviewPanel,
  application: Application,
  call: Call,
  onDownload: (attachmentId: string) => void,
): TemplateResult {
  const files = application.attachments;
  return html`<h4>${host.t('rp.attachments')}</h4>
    ${
      files.length
        ? html`<ul class="attachments">
          ${files.map((file) => {
            const doc = call.requiredDocuments.find((d) => d.id === file.documentId);
            return html`<li data-attachment=${file.id}>
              <span class="file-name" dir="auto">${file.fileName}</span>
              ${doc ? html`<span class="doc">${text(host, doc.label)}</span>` : nothing}
              <span class="meta">
                <span class="type">${fileTypeName(file.mediaType)}</span>
                <span class="size">${fileSize(host.fmt, file.size)}</span>
                <span class="scan" data-scan=${file.scanState}>${host.t(`rp.scan.${file.scanState}`)}</span>
              </span>
              ${file.purgedAt ? html`<span class="muted">${host.t('rp.attachment.purged')}</span>` : nothing}
              ${
                file.scanState === 'clean' && !file.purgedAt
                  ? html`<button class="nassij-button download" data-variant="secondary" part="button" type="button"
                      data-download=${file.id} ?disabled=${host.busy} @click=${() => onDownload(file.id)}>${host.t(
                        'rp.download',
                        { name: file.fileName },
                      )}</button>`
                  : nothing
              }
            </li>`;
          })}
        </ul>
        ${
          host.downloadError
            ? html`<p class="error" role="alert">${
                // A file the platform no longer keeps says so, rather than a bare "not found".
                host.downloadError === 'not_found'
                  ? host.t('rp.download.missing')
                  : errorMessage(host, host.downloadError)
              }</p>`
            : nothing
        }`
        : html`<p class="muted">${host.t('rp.attachments.none')}</p>`
    }`;
}
