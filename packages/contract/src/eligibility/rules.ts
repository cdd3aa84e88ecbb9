import * as z from 'zod/mini';
import { DomainCode } from '../reference/domains.js';
import { LegalForm, SizeBand, Year } from '../resources/association.js';
import { Id, RegionCode } from '../shared/ids.js';
import { CalendarDate } from '../shared/instant.js';
import { LocalizedText } from '../shared/localized-text.js';

// Every rule carries a stable `id` (reasons point at it) and an optional text shown beside the check.
const base = /* @__PURE__ */ (() => ({
  id: Id,
  text: z.optional(LocalizedText),
}))();

/** The applicant's legal form is one of `values`. */
export const LegalFormInRule = /* @__PURE__ */ (() =>
  z.strictObject({
    type: z.literal('legal_form_in'),
    ...base,
    values: z.array(LegalForm).check(z.minLength(1)),
  }))();

/** The applicant's region is one of `regions`. */
export const RegionInRule = /* @__PURE__ */ (() =>
  z.strictObject({
    type: z.literal('region_in'),
    ...base,
    regions: z.array(RegionCode).check(z.minLength(1)),
  }))();

/** The applicant works in at least one of `domains`. */
export const DomainAnyRule = /* @__PURE__ */ (() =>
  z.strictObject({
    type: z.literal('domain_any'),
    ...base,
    domains: z.array(DomainCode).check(z.minLength(1)),
  }))();

/** The applicant was founded at least `years` full years before the evaluation date. */
export const MinAgeYearsRule = /* @__PURE__ */ (() =>
  z.strictObject({
    type: z.literal('min_age_years'),
    ...base,
    years: z.number().check(z.int(), z.minimum(1), z.maximum(100)),
  }))();

/** The applicant is recognised of public utility. */
export const PublicUtilityRule = /* @__PURE__ */ (() =>
  z.strictObject({
    type: z.literal('public_utility'),
    ...base,
  }))();

/** The applicant filed its annual report for each of the `years` most recent past calendar years. */
export const AnnualReportsFiledRule = /* @__PURE__ */ (() =>
  z.strictObject({
    type: z.literal('annual_reports_filed'),
    ...base,
    years: z.number().check(z.int(), z.minimum(1), z.maximum(10)),
  }))();

/** The applicant's size band is one of `values`. */
export const SizeBandInRule = /* @__PURE__ */ (() =>
  z.strictObject({
    type: z.literal('size_band_in'),
    ...base,
    values: z.array(SizeBand).check(z.minLength(1)),
  }))();

/**
 * One machine-readable eligibility rule of a call. The server and the form's pre-check evaluate the same
 * rules with {@link evaluateEligibility}.
 *
 * @example
 * ```ts
 * const rule: EligibilityRule = { type: 'region_in', id: 'region', regions: ['MA-09'],
 *   text: { ar: 'الجمعيات المتواجدة بجهة سوس ماسة', fr: 'Associations de la région Souss-Massa' } };
 * ```
 */
export const EligibilityRule = /* @__PURE__ */ (() =>
  z.discriminatedUnion('type', [
    LegalFormInRule,
    RegionInRule,
    DomainAnyRule,
    MinAgeYearsRule,
    PublicUtilityRule,
    AnnualReportsFiledRule,
    SizeBandInRule,
  ]))();
export type EligibilityRule = z.infer<typeof EligibilityRule>;

/**
 * The rules of a call; ids are unique so that each reason names exactly one rule.
 *
 * @example
 * ```ts
 * EligibilityRules.parse([{ type: 'public_utility', id: 'rup' }]);
 * ```
 */
export const EligibilityRules = /* @__PURE__ */ (() =>
  z.array(EligibilityRule).check(
    z.refine((rules) => new Set(rules.map((rule) => rule.id)).size === rules.length, {
      message: 'Rule ids must be unique',
      params: { code: 'not_allowed' },
    }),
  ))();
export type EligibilityRules = z.infer<typeof EligibilityRules>;

/**
 * What the evaluator needs to know of an association (see `profileOf`). The form's pre-check builds it
 * from the association the signed-in member acts for.
 *
 * @example
 * ```ts
 * const profile: EligibilityProfile = { legalForm: 'association', region: 'MA-09', domains: ['water'],
 *   foundedOn: '2015-03-01', publicUtility: false, annualReportsFiled: [2024, 2025], sizeBand: 'none' };
 * ```
 */
export const EligibilityProfile = /* @__PURE__ */ (() =>
  z.strictObject({
    legalForm: LegalForm,
    region: RegionCode,
    domains: z.array(DomainCode),
    foundedOn: CalendarDate,
    publicUtility: z.boolean(),
    annualReportsFiled: z.array(Year),
    sizeBand: SizeBand,
  }))();
export type EligibilityProfile = z.infer<typeof EligibilityProfile>;

/**
 * Stable codes of unmet eligibility rules; components translate them, never rename one.
 *
 * @example
 * ```ts
 * ELIGIBILITY_REASON_CODES.includes('too_young'); // true
 * ```
 */
export const ELIGIBILITY_REASON_CODES = [
  'legal_form_not_allowed',
  'region_not_eligible',
  'domain_not_covered',
  'too_young',
  'not_public_utility',
  'annual_reports_missing',
  'size_band_not_allowed',
] as const;

/** One of {@link ELIGIBILITY_REASON_CODES}. */
export const EligibilityReasonCode = /* @__PURE__ */ (() => z.enum(ELIGIBILITY_REASON_CODES))();
export type EligibilityReasonCode = z.infer<typeof EligibilityReasonCode>;

/**
 * Why one rule is not met: the rule's id, a stable code and the values a translated message needs.
 *
 * @example
 * ```ts
 * const reason: EligibilityReason = { rule: 'age', code: 'too_young', params: { minimumYears: 2, ageYears: 1 } };
 * ```
 */
export const EligibilityReason = /* @__PURE__ */ (() =>
  z.strictObject({
    rule: z.string(),
    code: EligibilityReasonCode,
    params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
  }))();
export type EligibilityReason = z.infer<typeof EligibilityReason>;

/**
 * The outcome of an evaluation: `eligible` is true exactly when `reasons` is empty.
 *
 * @example
 * ```ts
 * const result: EligibilityResult = { eligible: true, reasons: [] };
 * ```
 */
export const EligibilityResult = /* @__PURE__ */ (() =>
  z.strictObject({
    eligible: z.boolean(),
    reasons: z.array(EligibilityReason),
  }))();
export type EligibilityResult = z.infer<typeof EligibilityResult>;
