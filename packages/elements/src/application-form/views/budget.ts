import {
  type AnswerValue,
  type BudgetLine,
  budgetTotals,
  type FormField,
  type Money,
} from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { plain } from '../../base/states.js';
import { parseMoney } from '../draft-store.js';
import type { NassijApplicationForm } from '../nassij-application-form.js';
import { describedBy, fieldErrorMessage, hintAndErrors, labelText } from './field-parts.js';

// The budget table (lines, co-financing and totals), the beneficiaries block and the money input.

const ZERO: Money = { amount: '0', currency: 'MAD' };

function newLineId(): string {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now()}${Math.random().toString(36).slice(2)}`;
  return `line_${random.replace(/[^A-Za-z0-9]/g, '').slice(0, 12)}`;
}

/** An amount typed in dirhams: any digits, a comma or a dot; the unit is said by the catalogue. */
export function moneyInput(
  host: NassijApplicationForm,
  { id, invalid, describedBy }: { id: string; invalid: boolean; describedBy: string },
  dataField: string | undefined,
  value: AnswerValue | undefined,
  onChange: (value: AnswerValue) => void,
  required: boolean,
): TemplateResult {
  const text =
    value && typeof value === 'object' && 'amount' in value
      ? value.amount
      : typeof value === 'string'
        ? value
        : '';
  return html`<span class="money"><input class="nassij-input short" id=${id} data-field=${dataField ?? nothing}
      type="text" inputmode="decimal" dir="ltr" .value=${text} autocomplete="off" ?required=${required}
      aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy || nothing}
      @input=${(e: Event) => onChange(parseMoney((e.target as HTMLInputElement).value))} /><span aria-hidden="true">${host.t('af.currency')}</span></span>`;
}

function linesOf(value: AnswerValue | undefined): BudgetLine[] {
  return value && typeof value === 'object' && 'lines' in value ? value.lines : [];
}

function asMoney(value: AnswerValue): Money {
  return value && typeof value === 'object' && 'amount' in value
    ? (value as Money)
    : { amount: typeof value === 'string' ? value : '0', currency: 'MAD' };
}

function renderTotals(host: NassijApplicationForm, lines: BudgetLine[]): TemplateResult | typeof nothing {
  let totals: ReturnType<typeof budgetTotals>;
  try {
    totals = budgetTotals(lines);
  } catch {
    return nothing; // a half-typed amount: totals wait for it
  }
  if (totals.requested.amount.includes('-')) return nothing; // co-financing above an amount: said per line
  const required = host.callData?.budget.coFinancingPercent;
  const share =
    Number(totals.total.amount) > 0 ? Number(totals.coFinanced.amount) / Number(totals.total.amount) : 0;
  return html`<dl class="totals" aria-live="polite">
    <div><dt>${host.t('af.budget.total')}</dt><dd>${host.fmt.money(totals.total)}</dd></div>
    <div><dt>${host.t('af.budget.coFinancedTotal')}</dt><dd>${host.fmt.money(totals.coFinanced)}</dd></div>
    <div><dt>${host.t('af.budget.requested')}</dt><dd class="requested">${host.fmt.money(totals.requested)}</dd></div>
    <div><dt>${host.t('af.budget.share', { percent: host.fmt.percent(share, 1) })}</dt>
      <dd>${
        required !== undefined
          ? html`${host.t('af.budget.shareRequired', { percent: host.fmt.percent(required / 100) })} —
          ${share * 100 >= required ? host.t('af.budget.shareMet') : host.t('af.budget.shareShort')}`
          : nothing
      }</dd></div>
  </dl>`;
}

/** One line of the budget: label, category, amount and co-financing, with its errors. */
function budgetLine(
  host: NassijApplicationForm,
  field: Extract<FormField, { type: 'budget_table' }>,
  item: BudgetLine,
  i: number,
  set: (lines: BudgetLine[]) => void,
): TemplateResult {
  // Read the lines at event time, not render time: two quick edits must not undo each other.
  const fresh = () => linesOf(host.answers[field.id]);
  const update = (patch: Partial<BudgetLine>) =>
    set(fresh().map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const base = `f-${field.id}-${i}`;
  const errors = host.errors.filter((e) => e.path.startsWith(`/answers/${field.id}/lines/${i}/`));
  const error = errors.length ? `${base}-err` : '';
  return html`<li><fieldset class="line">
      <legend>${host.t('af.budget.line', { n: i + 1 })}</legend>
      <label for="${base}-label">${host.t('af.budget.label')}</label>
      <input class="nassij-input" id="${base}-label" data-field=${i === 0 ? field.id : nothing} type="text"
        autocomplete="off" .value=${item.label} @input=${(e: Event) => update({ label: (e.target as HTMLInputElement).value })} />
      ${
        field.categories?.length
          ? html`<label for="${base}-category">${host.t('af.budget.category')}</label>
          <select class="nassij-input" id="${base}-category"
            @change=${(e: Event) => update({ category: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${!item.category}>${host.t('af.chooseOption')}</option>
            ${field.categories.map((c) => html`<option value=${c.value} ?selected=${item.category === c.value}>${plain(host.locale, c.label)}</option>`)}
          </select>`
          : nothing
      }
      <label for="${base}-amount">${host.t('af.budget.amount')}</label>
      ${moneyInput(host, { id: `${base}-amount`, invalid: false, describedBy: '' }, undefined, item.amount, (v) => update({ amount: asMoney(v ?? '0') }), true)}
      <label for="${base}-coFinanced">${host.t('af.budget.coFinanced')}</label>
      ${moneyInput(host, { id: `${base}-coFinanced`, invalid: errors.length > 0, describedBy: error }, undefined, item.coFinanced, (v) => update({ coFinanced: asMoney(v ?? '0') }), true)}
      ${errors.length ? html`<p class="field-error" id=${error}>${errors.map((e) => fieldErrorMessage(host, e))}</p>` : nothing}
      <button class="nassij-button subtle" part="button" type="button"
        @click=${() => set(fresh().filter((_, j) => j !== i))}>${host.t('af.budget.remove', { n: i + 1 })}</button>
    </fieldset></li>`;
}

export function renderBudget(
  host: NassijApplicationForm,
  field: Extract<FormField, { type: 'budget_table' }>,
  value: AnswerValue | undefined,
  invalid: boolean,
): TemplateResult {
  const lines = linesOf(value);
  const set = (next: BudgetLine[]) => host.setAnswer(field.id, { lines: next });
  // Read the lines at event time, not render time: two quick edits must not undo each other.
  const fresh = () => linesOf(host.answers[field.id]);
  return html`<fieldset class="field budget ${invalid ? 'invalid' : ''}" aria-describedby=${describedBy(host, field) || nothing}>
    <legend>${labelText(host, field)}</legend>${hintAndErrors(host, field)}
    ${lines.length === 0 ? html`<p>${host.t('af.budget.none')}</p>` : nothing}
    <ol class="lines">${lines.map((item, i) => budgetLine(host, field, item, i, set))}</ol>
    <button class="nassij-button" part="button" type="button" ?disabled=${lines.length >= (field.maxLines ?? 200)}
      data-field=${lines.length === 0 ? field.id : nothing}
      @click=${() => set([...fresh(), { id: newLineId(), label: '', amount: ZERO, coFinanced: ZERO }])}>
      ${host.t('af.budget.add')}
    </button>
    ${renderTotals(host, lines)}
  </fieldset>`;
}

type Beneficiaries = { count: number; women?: number; youth?: number; description?: string };

export function renderBeneficiaries(
  host: NassijApplicationForm,
  field: FormField,
  value: AnswerValue | undefined,
  invalid: boolean,
): TemplateResult {
  const current = (
    value && typeof value === 'object' && 'count' in value ? value : { count: 0 }
  ) as Beneficiaries;
  const hasValue = value !== undefined && value !== null;
  const set = (patch: Partial<Beneficiaries>) => {
    const next: Record<string, number | string> = { ...current, ...patch };
    for (const [k, v] of Object.entries(next))
      if (v === '' || (typeof v === 'number' && Number.isNaN(v))) delete next[k];
    host.setAnswer(field.id, next as AnswerValue);
  };
  const num = (key: 'count' | 'women' | 'youth', label: string, first = false) => html`<div class="sub">
      <label for="f-${field.id}-${key}">${label}</label>
      <input class="nassij-input short" id="f-${field.id}-${key}" data-field=${first ? field.id : nothing}
        type="number" min="0" step="1" inputmode="numeric" autocomplete="off"
        .value=${hasValue && current[key] !== undefined ? String(current[key]) : ''}
        aria-invalid=${invalid ? 'true' : 'false'}
        @input=${(e: Event) => set({ [key]: (e.target as HTMLInputElement).valueAsNumber })} />
    </div>`;
  return html`<fieldset class="field ${invalid ? 'invalid' : ''}" aria-describedby=${describedBy(host, field) || nothing}>
    <legend>${labelText(host, field)}</legend>${hintAndErrors(host, field)}
    ${num('count', host.t('af.ben.count'), true)} ${num('women', host.t('af.ben.women'))} ${num('youth', host.t('af.ben.youth'))}
    <div class="sub">
      <label for="f-${field.id}-description">${host.t('af.ben.description')}</label>
      <textarea class="nassij-input" id="f-${field.id}-description" rows="3" autocomplete="off"
        .value=${current.description ?? ''}
        @input=${(e: Event) => set({ description: (e.target as HTMLTextAreaElement).value })}></textarea>
    </div>
  </fieldset>`;
}
