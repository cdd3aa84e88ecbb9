import * as z from 'zod/mini';
import { EligibilityRules } from '../eligibility/rules.js';
import { FunderLevel } from '../reference/sectors.js';
import { Code, Email, Id, Phone, PublicReference, RegionCode, WebUrl } from '../shared/ids.js';
import { CalendarDate, Deadline, Instant, Period } from '../shared/instant.js';
import { LocalizedText } from '../shared/localized-text.js';
import { Money } from '../shared/money.js';
import { PageQuery } from '../shared/page.js';
import { LegalForm } from './association.js';
import { FormDefinition } from './form.js';

/** Where a call is in its life. */
export const CALL_STATUSES = ['forecast', 'open', 'closed', 'under_review', 'awarded', 'cancelled'] as const;
export const CallStatus = /* @__PURE__ */ (() => z.enum(CALL_STATUSES))();
export type CallStatus = z.infer<typeof CallStatus>;

/** The kind of support a call offers. */
export const Instrument = /* @__PURE__ */ (() =>
  z.enum(['grant', 'partnership_agreement', 'in_kind', 'capacity_building']))();
export type Instrument = z.infer<typeof Instrument>;

/** The body that funds a call. */
export const Funder = /* @__PURE__ */ (() =>
  z.strictObject({
    /** The organisation that runs the call (see `Organisation`); absent only in data older than organisations. */
    organisationId: z.optional(Id),
    sectorCode: Code,
    name: LocalizedText,
    level: FunderLevel,
  }))();
export type Funder = z.infer<typeof Funder>;

/** How a call takes applications: one deadline, continuously, or at successive cut-off dates. */
export const DeadlineModel = /* @__PURE__ */ (() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('single') }),
    z.strictObject({ kind: z.literal('rolling') }),
    z.strictObject({ kind: z.literal('cutoffs'), cutoffs: z.array(Deadline).check(z.minLength(1)) }),
  ]))();
export type DeadlineModel = z.infer<typeof DeadlineModel>;

/** A published selection criterion: its weight (percent of the total), its maximum score and scoring anchors. */
export const SelectionCriterion = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    label: LocalizedText,
    description: z.optional(LocalizedText),
    weight: z.number().check(z.minimum(0), z.maximum(100)),
    maxScore: z.number().check(z.int(), z.minimum(1), z.maximum(100)),
    anchors: z.array(
      z.strictObject({
        score: z.number().check(z.int(), z.nonnegative(), z.maximum(100)),
        description: LocalizedText,
      }),
    ),
  }))();
export type SelectionCriterion = z.infer<typeof SelectionCriterion>;

/** A document an applicant must (or, under a condition, may have to) attach. */
export const RequiredDocument = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    type: Code,
    label: LocalizedText,
    requirement: z.enum(['mandatory', 'conditional']),
    condition: z.optional(LocalizedText),
    /** Accepted media types, such as `application/pdf`; checked by sniffing the content, not the name. */
    mediaTypes: z.array(z.string().check(z.regex(/^[a-z]+\/[a-z0-9.+-]+$/))).check(z.minLength(1)),
    maxBytes: z.number().check(z.int(), z.minimum(1), z.maximum(50 * 1024 * 1024)),
    templateUrl: z.optional(WebUrl),
  }))();
export type RequiredDocument = z.infer<typeof RequiredDocument>;

/** A change to a published call, kept in its amendments log (Open Contracting style). */
export const Amendment = /* @__PURE__ */ (() =>
  z.strictObject({
    version: z.number().check(z.int(), z.minimum(2)),
    at: Instant,
    summary: LocalizedText,
    fields: z.optional(z.array(z.string())),
  }))();
export type Amendment = z.infer<typeof Amendment>;

/**
 * How a call's applications are judged: how many reviews (by assigned reviewers without a conflict of
 * interest) each needs before a decision, and how many days an applicant has to appeal a decision.
 *
 * @example
 * ```ts
 * const review: CallReviewRules = { reviewsPerApplication: 2, appealDays: 15 };
 * ```
 */
export const CallReviewRules = /* @__PURE__ */ (() =>
  z.strictObject({
    reviewsPerApplication: z.number().check(z.int(), z.minimum(1), z.maximum(10)),
    appealDays: z.number().check(z.int(), z.minimum(0), z.maximum(180)),
  }))();
export type CallReviewRules = z.infer<typeof CallReviewRules>;

/** The kinds of report an awarded association owes its funder. */
export const REPORT_KINDS = ['progress', 'financial', 'final'] as const;
export const ReportKind = /* @__PURE__ */ (() => z.enum(REPORT_KINDS))();
export type ReportKind = z.infer<typeof ReportKind>;

/**
 * A report each awarded association owes, and by when (a Casablanca calendar date).
 *
 * @example
 * ```ts
 * const final: ReportRequirement = { id: 'final', kind: 'final', dueOn: '2027-12-31',
 *   label: { ar: 'التقرير النهائي', fr: 'Rapport final' } };
 * ```
 */
export const ReportRequirement = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    kind: ReportKind,
    label: LocalizedText,
    dueOn: CalendarDate,
  }))();
export type ReportRequirement = z.infer<typeof ReportRequirement>;

/** How a call ended before its time: closed early or cancelled, when, and why (public). */
export const CallClosure = /* @__PURE__ */ (() =>
  z.strictObject({
    kind: z.enum(['closed_early', 'cancelled']),
    at: Instant,
    reason: LocalizedText,
  }))();
export type CallClosure = z.infer<typeof CallClosure>;

/** A linked document (terms of reference, guide, decision). Links are http(s) only. */
export const LinkedDocument = /* @__PURE__ */ (() =>
  z.strictObject({
    title: LocalizedText,
    url: WebUrl,
    mediaType: z.optional(z.string()),
  }))();
export type LinkedDocument = z.infer<typeof LinkedDocument>;

/** Amounts a call puts on the table. */
export const CallBudget = /* @__PURE__ */ (() =>
  z.strictObject({
    total: Money,
    minAward: z.optional(Money),
    maxAward: z.optional(Money),
    expectedAwards: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(1_000_000))),
    /** Share of the project the applicant must finance itself, in percent. */
    coFinancingPercent: z.optional(z.number().check(z.minimum(0), z.maximum(100))),
  }))();
export type CallBudget = z.infer<typeof CallBudget>;

/** The key dates of a call. Every closing moment is a {@link Deadline}: an instant with its zone. */
export const CallDates = /* @__PURE__ */ (() =>
  z.strictObject({
    publishedAt: Instant,
    opensAt: Instant,
    /** The closing deadline for `single`; the next cut-off for `cutoffs`; absent for `rolling`. */
    closes: z.optional(Deadline),
    enquiryPeriod: z.optional(Period),
    infoSessions: z.optional(
      z.array(z.strictObject({ at: Instant, place: LocalizedText, url: z.optional(WebUrl) })),
    ),
    decisionExpectedAt: z.optional(Instant),
  }))();
export type CallDates = z.infer<typeof CallDates>;

/** Public figures of a call. */
export const CallStats = /* @__PURE__ */ (() =>
  z.strictObject({
    applications: z.number().check(z.int(), z.nonnegative()),
    eligible: z.number().check(z.int(), z.nonnegative()),
    awarded: z.number().check(z.int(), z.nonnegative()),
    amountAwarded: Money,
  }))();
export type CallStats = z.infer<typeof CallStats>;

/** Who an applicant can ask. */
export const CallContact = /* @__PURE__ */ (() =>
  z.strictObject({
    name: z.optional(LocalizedText),
    email: z.optional(Email),
    phone: z.optional(Phone),
    url: z.optional(WebUrl),
  }))();
export type CallContact = z.infer<typeof CallContact>;

const callCore = /* @__PURE__ */ (() => ({
  id: Id,
  reference: PublicReference,
  title: LocalizedText,
  summary: LocalizedText,
  funder: Funder,
  programme: z.optional(LocalizedText),
  fiscalYear: z.number().check(z.int(), z.minimum(2000), z.maximum(2100)),
  instrument: Instrument,
  domains: z.array(Code),
  /** `national`: open to the whole country; `regions`: only to `eligibleRegions`. */
  coverage: z.enum(['national', 'regions']),
  eligibleRegions: z.array(RegionCode),
  budget: CallBudget,
  dates: CallDates,
  deadlineModel: DeadlineModel,
  status: CallStatus,
  version: z.number().check(z.int(), z.minimum(1)),
}))();

/**
 * A call as a list shows it: enough for a card (title, funder, award range, regions, deadline, status).
 *
 * @example
 * ```ts
 * const page = await client.calls.search({ status: ['open'], region: ['MA-06'] });
 * page.items[0]?.dates.closes?.at; // '2026-03-31T22:59:00Z'
 * ```
 */
export const CallSummary = /* @__PURE__ */ (() => z.strictObject(callCore))();
export type CallSummary = z.infer<typeof CallSummary>;

/**
 * A call for public support, in full: eligibility (machine-readable rules plus text), selection
 * criteria with weights and anchors published before opening, required documents, the versioned
 * application form, amendments, contact, documents and public figures.
 */
export const Call = /* @__PURE__ */ (() =>
  z.strictObject({
    ...callCore,
    description: LocalizedText,
    eligibleApplicantTypes: z.array(LegalForm),
    eligibility: z.strictObject({ rules: EligibilityRules, text: z.optional(LocalizedText) }),
    criteria: z.array(SelectionCriterion),
    requiredDocuments: z.array(RequiredDocument),
    form: FormDefinition,
    amendments: z.array(Amendment),
    contact: CallContact,
    documents: z.array(LinkedDocument),
    /** How applications are judged; absent on calls published before the rules existed. */
    review: z.optional(CallReviewRules),
    /** The reports each awarded association owes; absent or empty when none. */
    reports: z.optional(z.array(ReportRequirement)),
    /** Why the call was closed early or cancelled, and when; absent otherwise. */
    closure: z.optional(CallClosure),
    stats: CallStats,
  }))();
export type Call = z.infer<typeof Call>;

/** Award-size buckets used as a facet and a filter (amounts in MAD, by the call's maximum award). */
export const AWARD_RANGES = ['lt-50k', '50k-200k', '200k-1m', 'gte-1m'] as const;
export const AwardRange = /* @__PURE__ */ (() => z.enum(AWARD_RANGES))();
export type AwardRange = z.infer<typeof AwardRange>;
/** Bounds of each {@link AWARD_RANGES} bucket in MAD: `[min inclusive, max exclusive)`; `null` is open. */
export const AWARD_RANGE_BOUNDS: Record<AwardRange, [number, number | null]> = {
  'lt-50k': [0, 50_000],
  '50k-200k': [50_000, 200_000],
  '200k-1m': [200_000, 1_000_000],
  'gte-1m': [1_000_000, null],
};

/** Closing-date buckets used as a facet and a filter, counted in Africa/Casablanca days from now. */
export const CLOSING_RANGES = ['within-7-days', 'within-30-days', 'later', 'no-deadline'] as const;
export const ClosingRange = /* @__PURE__ */ (() => z.enum(CLOSING_RANGES))();
export type ClosingRange = z.infer<typeof ClosingRange>;

/** Sort orders of a call search. */
export const CallSort = /* @__PURE__ */ (() => z.enum(['closing_soonest', 'newest', 'largest']))();
export type CallSort = z.infer<typeof CallSort>;

/**
 * Filters of `GET /v1/calls`. Multi-valued filters are repeated keys (`?region=MA-01&region=MA-06`).
 * The response's facets: `status`, `region`, `domain`, `sector`, `funderLevel`, `instrument`,
 * `fiscalYear`, `awardRange`, `closing`.
 *
 * @example
 * ```ts
 * CallSearchQuery.parse({ status: ['open'], region: ['MA-06'], sort: 'closing_soonest' });
 * ```
 */
export const CallSearchQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    q: z.optional(z.string().check(z.maxLength(200))),
    status: z.optional(z.array(CallStatus)),
    region: z.optional(z.array(RegionCode)),
    domain: z.optional(z.array(Code)),
    sector: z.optional(z.array(Code)),
    funderLevel: z.optional(z.array(FunderLevel)),
    instrument: z.optional(z.array(Instrument)),
    fiscalYear: z.optional(
      z.array(z.coerce.number<number>().check(z.int(), z.minimum(2000), z.maximum(2100))),
    ),
    awardRange: z.optional(z.array(AwardRange)),
    closing: z.optional(z.array(ClosingRange)),
    sort: z._default(CallSort, 'closing_soonest'),
    ...PageQuery,
  }))();
export type CallSearchQuery = z.input<typeof CallSearchQuery>;

/** Path parameters of a call's routes. */
export const CallParams = /* @__PURE__ */ (() => z.strictObject({ callId: Id }))();
export type CallParams = z.infer<typeof CallParams>;

/** Query of `GET /v1/calls/{callId}/eligibility`: which association to check. */
export const EligibilityQuery = /* @__PURE__ */ (() => z.strictObject({ associationId: Id }))();
export type EligibilityQuery = z.infer<typeof EligibilityQuery>;
