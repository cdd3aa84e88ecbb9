import * as z from 'zod/mini';
import { Id, isRegionCode } from '../shared/ids.js';
import { isCalendarDate } from '../shared/instant.js';
import { LocalizedText } from '../shared/localized-text.js';
import { isMoney, Money, toMinorUnits } from '../shared/money.js';
import type { FieldError } from '../shared/problem.js';

/** Types of field an application form can hold. */
export const FORM_FIELD_TYPES = [
  'text',
  'long_text',
  'number',
  'money',
  'date',
  'choice',
  'multi_choice',
  'region',
  'budget_table',
  'beneficiaries',
  'attachment',
] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

const fieldBase = /* @__PURE__ */ (() => ({
  id: Id,
  label: LocalizedText,
  hint: z.optional(LocalizedText),
  required: z.boolean(),
}))();

/** A short or long text answer; `autocomplete` is the HTML token a browser may fill it with. */
const TextField = /* @__PURE__ */ (() =>
  z.strictObject({
    ...fieldBase,
    type: z.enum(['text', 'long_text']),
    maxLength: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(20_000))),
    autocomplete: z.optional(z.string().check(z.regex(/^[a-z -]+$/))),
  }))();
const NumberField = /* @__PURE__ */ (() =>
  z.strictObject({
    ...fieldBase,
    type: z.literal('number'),
    // Bounded like a number answer, now that staff write forms through the API.
    min: z.optional(
      z.number().check(z.minimum(-Number.MAX_SAFE_INTEGER), z.maximum(Number.MAX_SAFE_INTEGER)),
    ),
    max: z.optional(
      z.number().check(z.minimum(-Number.MAX_SAFE_INTEGER), z.maximum(Number.MAX_SAFE_INTEGER)),
    ),
    integer: z.optional(z.boolean()),
  }))();
const MoneyField = /* @__PURE__ */ (() =>
  z.strictObject({
    ...fieldBase,
    type: z.literal('money'),
    max: z.optional(Money),
  }))();
const DateField = /* @__PURE__ */ (() => z.strictObject({ ...fieldBase, type: z.literal('date') }))();
const ChoiceField = /* @__PURE__ */ (() =>
  z.strictObject({
    ...fieldBase,
    type: z.enum(['choice', 'multi_choice']),
    options: z
      .array(z.strictObject({ value: z.string().check(z.minLength(1)), label: LocalizedText }))
      .check(z.minLength(1)),
  }))();
const RegionField = /* @__PURE__ */ (() => z.strictObject({ ...fieldBase, type: z.literal('region') }))();
/** A budget table: lines with an amount and the part co-financed by others. */
const BudgetTableField = /* @__PURE__ */ (() =>
  z.strictObject({
    ...fieldBase,
    type: z.literal('budget_table'),
    categories: z.optional(z.array(z.strictObject({ value: z.string(), label: LocalizedText }))),
    maxLines: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(200))),
  }))();
const BeneficiariesField = /* @__PURE__ */ (() =>
  z.strictObject({ ...fieldBase, type: z.literal('beneficiaries') }))();
/** One slot per required document of the call (`documentId` names it). */
const AttachmentField = /* @__PURE__ */ (() =>
  z.strictObject({
    ...fieldBase,
    type: z.literal('attachment'),
    documentId: Id,
  }))();

/**
 * One field of an application form, by `type`.
 *
 * @example
 * ```ts
 * const field: FormField = { id: 'project_title', type: 'text', required: true, maxLength: 200,
 *   label: { ar: 'عنوان المشروع', fr: 'Titre du projet' } };
 * ```
 */
export const FormField = /* @__PURE__ */ (() =>
  z.discriminatedUnion('type', [
    TextField,
    NumberField,
    MoneyField,
    DateField,
    ChoiceField,
    RegionField,
    BudgetTableField,
    BeneficiariesField,
    AttachmentField,
  ]))();
export type FormField = z.infer<typeof FormField>;

/**
 * The versioned definition of a call's application form: sections (the steps the applicant walks
 * through) of fields. Answers are stored with the version they were given for.
 *
 * @example
 * ```ts
 * const form: FormDefinition = { version: 1, sections: [{ id: 'project', title: { fr: 'Projet' }, fields: [] }] };
 * ```
 */
export const FormDefinition = /* @__PURE__ */ (() =>
  z.strictObject({
    version: z.number().check(z.int(), z.minimum(1), z.maximum(10_000)),
    sections: z.array(
      z.strictObject({
        id: Id,
        title: LocalizedText,
        description: z.optional(LocalizedText),
        fields: z.array(FormField),
      }),
    ),
  }))();
export type FormDefinition = z.infer<typeof FormDefinition>;

/** A line of a budget table answer. */
export const BudgetLine = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    label: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
    category: z.optional(z.string().check(z.maxLength(60))),
    amount: Money,
    /** Part of `amount` paid by the association or other funders. */
    coFinanced: Money,
  }))();
export type BudgetLine = z.infer<typeof BudgetLine>;

/** People the project reaches: a count and who they are. */
const MAX_PEOPLE = 100_000_000;
const MAX_DESCRIPTION = 2000;

export const Beneficiaries = /* @__PURE__ */ (() =>
  z.strictObject({
    count: z.number().check(z.int(), z.nonnegative(), z.maximum(MAX_PEOPLE)),
    description: z.optional(z.string().check(z.maxLength(MAX_DESCRIPTION))),
    women: z.optional(z.number().check(z.int(), z.nonnegative(), z.maximum(MAX_PEOPLE))),
    youth: z.optional(z.number().check(z.int(), z.nonnegative(), z.maximum(MAX_PEOPLE))),
  }))();
export type Beneficiaries = z.infer<typeof Beneficiaries>;

const isCount = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_PEOPLE;

/**
 * Whether `value` is {@link Beneficiaries}, as the schema decides, without zod (see `isRegionCode`).
 *
 * @example
 * ```ts
 * isBeneficiaries({ count: 120, women: 70 }); // true
 * ```
 */
export function isBeneficiaries(value: unknown): value is Beneficiaries {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { count, description, women, youth, ...rest } = value as Record<string, unknown>;
  return (
    Object.keys(rest).length === 0 &&
    isCount(count) &&
    (description === undefined ||
      (typeof description === 'string' && description.length <= MAX_DESCRIPTION)) &&
    (women === undefined || isCount(women)) &&
    (youth === undefined || isCount(youth))
  );
}

/**
 * The value of one answer. Which shape is valid depends on the field's type; {@link checkAnswers}
 * checks it against the form definition.
 */
export const AnswerValue = /* @__PURE__ */ (() =>
  z.union([
    z.string().check(z.maxLength(20_000)),
    // Finite and exact: beyond ±2^53 − 1 a number no longer holds the integer it was written as.
    z.number().check(z.minimum(-Number.MAX_SAFE_INTEGER), z.maximum(Number.MAX_SAFE_INTEGER)),
    z.array(z.string().check(z.maxLength(200))).check(z.maxLength(100)),
    Money,
    z.strictObject({ lines: z.array(BudgetLine).check(z.maxLength(200)) }),
    Beneficiaries,
    z.null(),
  ]))();
export type AnswerValue = z.infer<typeof AnswerValue>;

/** Answers keyed by field id. `null` clears an answer. */
export const Answers = /* @__PURE__ */ (() => z.record(Id, AnswerValue))();
export type Answers = z.infer<typeof Answers>;

/** Totals of a budget table answer, in minor units, exactly. */
export function budgetTotals(lines: readonly BudgetLine[]): {
  total: Money;
  coFinanced: Money;
  requested: Money;
} {
  let total = 0n;
  let coFinanced = 0n;
  for (const line of lines) {
    total += toMinorUnits(line.amount);
    coFinanced += toMinorUnits(line.coFinanced);
  }
  const fmt = (minor: bigint): Money => ({
    amount: `${minor / 100n}.${(minor % 100n).toString().padStart(2, '0')}`,
    currency: 'MAD',
  });
  return { total: fmt(total), coFinanced: fmt(coFinanced), requested: fmt(total - coFinanced) };
}

function isEmpty(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && 'lines' in value) return value.lines.length === 0;
  return false;
}

function fieldError(
  field: FormField,
  code: FieldError['code'],
  message: string,
  params?: FieldError['params'],
) {
  return { path: `/answers/${field.id}`, in: 'body' as const, code, message, ...(params ? { params } : {}) };
}

function checkOne(field: FormField, value: AnswerValue): FieldError[] {
  const wrongType = [fieldError(field, 'invalid_type', `"${field.id}" has the wrong kind of answer`)];
  switch (field.type) {
    case 'text':
    case 'long_text':
      if (typeof value !== 'string') return wrongType;
      if (field.maxLength !== undefined && value.length > field.maxLength)
        return [
          fieldError(field, 'too_long', `At most ${field.maxLength} characters`, {
            maximum: field.maxLength,
          }),
        ];
      return [];
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return wrongType;
      if (field.integer && !Number.isInteger(value))
        return [fieldError(field, 'invalid_type', 'A whole number')];
      if (field.min !== undefined && value < field.min)
        return [fieldError(field, 'too_small', `At least ${field.min}`, { minimum: field.min })];
      if (field.max !== undefined && value > field.max)
        return [fieldError(field, 'too_big', `At most ${field.max}`, { maximum: field.max })];
      return [];
    case 'money':
      if (!isMoney(value)) return wrongType;
      if (field.max && toMinorUnits(value as Money) > toMinorUnits(field.max))
        return [
          fieldError(field, 'too_big', `At most ${field.max.amount} MAD`, { maximum: field.max.amount }),
        ];
      return [];
    case 'date':
      return isCalendarDate(value) ? [] : [fieldError(field, 'invalid_format', 'A date such as 2026-03-31')];
    case 'choice': {
      const allowed = field.options.map((o) => o.value);
      return typeof value === 'string' && allowed.includes(value)
        ? []
        : [fieldError(field, 'invalid_value', 'Choose one of the options', { allowed })];
    }
    case 'multi_choice': {
      const allowed = field.options.map((o) => o.value);
      return Array.isArray(value) && value.every((v) => allowed.includes(v))
        ? []
        : [fieldError(field, 'invalid_value', 'Choose among the options', { allowed })];
    }
    case 'region':
      return isRegionCode(value)
        ? []
        : [fieldError(field, 'invalid_value', 'A region code from MA-01 to MA-12')];
    case 'budget_table': {
      if (typeof value !== 'object' || value === null || !('lines' in value)) return wrongType;
      if (field.maxLines !== undefined && value.lines.length > field.maxLines)
        return [
          fieldError(field, 'too_long', `At most ${field.maxLines} lines`, { maximum: field.maxLines }),
        ];
      const errors: FieldError[] = [];
      value.lines.forEach((line, index) => {
        if (toMinorUnits(line.coFinanced) > toMinorUnits(line.amount))
          errors.push({
            path: `/answers/${field.id}/lines/${index}/coFinanced`,
            in: 'body',
            code: 'too_big',
            message: 'The co-financed part cannot exceed the line amount',
            params: { maximum: line.amount.amount },
          });
      });
      return errors;
    }
    case 'beneficiaries':
      return isBeneficiaries(value) ? [] : wrongType;
    case 'attachment':
      // Files are uploaded as attachments, not typed as answers.
      return [fieldError(field, 'not_allowed', 'Upload the document as an attachment')];
  }
}

/**
 * Checks answers against a form definition. With `complete: false` (autosave) only the answers given are
 * checked; with `complete: true` (submit) every required field must be answered too, and every required
 * attachment slot filled (`attachedDocumentIds`: the document ids of the uploaded attachments). The server and
 * the application form run this same function, so they never disagree.
 *
 * @example
 * ```ts
 * const errors = checkAnswers(call.form, application.answers, { complete: true });
 * if (errors.length) showErrorSummary(errors); // paths like '/answers/project_title'
 * ```
 */
export function checkAnswers(
  form: FormDefinition,
  answers: Answers,
  options: { complete: boolean; attachedDocumentIds?: Iterable<string> },
): FieldError[] {
  const fields = new Map(form.sections.flatMap((s) => s.fields).map((f) => [f.id, f]));
  const attached = new Set(options.attachedDocumentIds ?? []);
  const errors: FieldError[] = [];
  for (const [id, value] of Object.entries(answers)) {
    const field = fields.get(id);
    if (!field) {
      errors.push({
        path: `/answers/${id}`,
        in: 'body',
        code: 'unknown_field',
        message: `Unknown field "${id}"`,
      });
      continue;
    }
    if (!isEmpty(value)) errors.push(...checkOne(field, value as AnswerValue));
  }
  if (options.complete) {
    for (const field of fields.values()) {
      const missing =
        field.type === 'attachment' ? !attached.has(field.documentId) : isEmpty(answers[field.id]);
      if (field.required && missing) errors.push(fieldError(field, 'required', `"${field.id}" is required`));
    }
  }
  return errors;
}
