// What the staff of an organisation write when they prepare, publish and run a call: the draft, the bodies
// of the lifecycle actions, and the check that a draft is complete enough to publish. The check lives here,
// beside the schemas, so that the server refuses exactly what the call editor shows as missing.
import * as z from 'zod/mini';
import { EligibilityRules } from '../eligibility/rules.js';
import { Code, Id, PublicReference, RegionCode } from '../shared/ids.js';
import { Deadline, Instant, Period } from '../shared/instant.js';
import { LocalizedText } from '../shared/localized-text.js';
import { toMinorUnits } from '../shared/money.js';
import { PageQuery } from '../shared/page.js';
import { type FieldError, FieldError as FieldErrorSchema } from '../shared/problem.js';
import { LegalForm } from './association.js';
import {
  Amendment,
  Call,
  CallBudget,
  CallContact,
  CallReviewRules,
  CallStatus,
  DeadlineModel,
  Instrument,
  LinkedDocument,
  ReportRequirement,
  RequiredDocument,
  SelectionCriterion,
} from './call.js';
import { FormDefinition } from './form.js';

/** The dates a call manager sets; `publishedAt` is set by publishing. */
export const CallDraftDates = /* @__PURE__ */ (() =>
  z.strictObject({
    opensAt: z.optional(Instant),
    closes: z.optional(Deadline),
    enquiryPeriod: z.optional(Period),
    infoSessions: Call.shape.dates.shape.infoSessions,
    decisionExpectedAt: z.optional(Instant),
  }))();
export type CallDraftDates = z.infer<typeof CallDraftDates>;

/** The editable fields of a call, each as a published call requires it. */
const draftValues = /* @__PURE__ */ (() => ({
  title: LocalizedText,
  summary: LocalizedText,
  description: LocalizedText,
  programme: LocalizedText,
  fiscalYear: z.number().check(z.int(), z.minimum(2000), z.maximum(2100)),
  instrument: Instrument,
  domains: z.array(Code),
  coverage: z.enum(['national', 'regions']),
  eligibleRegions: z.array(RegionCode),
  budget: CallBudget,
  dates: CallDraftDates,
  deadlineModel: DeadlineModel,
  eligibleApplicantTypes: z.array(LegalForm),
  eligibility: z.strictObject({ rules: EligibilityRules, text: z.optional(LocalizedText) }),
  criteria: z.array(SelectionCriterion),
  requiredDocuments: z.array(RequiredDocument),
  form: FormDefinition,
  contact: CallContact,
  documents: z.array(LinkedDocument),
  review: CallReviewRules,
  reports: z.array(ReportRequirement),
}))();
type DraftValues = typeof draftValues;

/** Every field optional: what a draft may hold. */
const draftShape = /* @__PURE__ */ (() =>
  Object.fromEntries(Object.entries(draftValues).map(([name, schema]) => [name, z.optional(schema)])) as {
    [K in keyof DraftValues]: z.ZodMiniOptional<DraftValues[K]>;
  })();

/**
 * The editable fields of a call, every one optional: a draft may be saved half-written, and publishing
 * ({@link callPublicationProblems}) says what is still missing.
 *
 * @example
 * ```ts
 * const fields: CallDraftFields = { title: { ar: 'دعم مشاريع الشباب', fr: 'Soutien aux projets des jeunes' } };
 * ```
 */
export const CallDraftFields = /* @__PURE__ */ (() => z.strictObject(draftShape))();
export type CallDraftFields = z.infer<typeof CallDraftFields>;

/** The names of {@link CallDraftFields}, in the order the editor shows them. */
export const CALL_DRAFT_FIELDS = Object.keys(draftShape) as (keyof CallDraftFields)[];

/**
 * Body of `POST /v1/calls`: the first fields of a new draft. `organisationId` is needed only by a platform
 * admin; staff create drafts for their own organisation.
 *
 * @example
 * ```ts
 * await client.calls.create({ title: { ar: 'دعم الجمعيات', fr: 'Soutien aux associations' }, fiscalYear: 2027 });
 * ```
 */
export const CreateCallDraft = /* @__PURE__ */ (() =>
  z.strictObject({ ...draftShape, organisationId: z.optional(Id) }))();
export type CreateCallDraft = z.infer<typeof CreateCallDraft>;

/**
 * Body of `PATCH /v1/calls/{callId}` (a draft only, with `If-Match`): each field given replaces the draft's
 * whole field; `null` clears it. Fields not given are kept.
 *
 * @example
 * ```ts
 * const { etag } = await client.calls.getDraftWithEtag(draft.id);
 * await client.calls.update(draft.id, { budget: null, fiscalYear: 2027 }, { ifMatch: etag });
 * ```
 */
export const UpdateCallDraft = /* @__PURE__ */ (() =>
  z.strictObject(
    Object.fromEntries(
      Object.entries(draftValues).map(([name, schema]) => [name, z.optional(z.nullable(schema))]),
    ) as { [K in keyof DraftValues]: z.ZodMiniOptional<z.ZodMiniNullable<DraftValues[K]>> },
  ))();
export type UpdateCallDraft = z.infer<typeof UpdateCallDraft>;

/**
 * A call as its organisation's staff edit it before publication: the fields written so far, its
 * `revision` (one more at each save; `If-Match` sends the draft's ETag, which the answer's `ETag` header
 * carries), and `problems`: what publishing would refuse now (empty when the draft can be published). A
 * published call keeps its draft, marked `published`, with the public call's id.
 *
 * @example
 * ```ts
 * const draft = await client.calls.create({ title: { ar: '…', fr: '…' } });
 * draft.problems.map((p) => p.path); // ['/title', '/summary', …]
 * ```
 */
export const CallDraft = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    organisationId: Id,
    state: z.enum(['draft', 'published']),
    revision: z.number().check(z.int(), z.minimum(1)),
    createdAt: Instant,
    updatedAt: Instant,
    fields: CallDraftFields,
    problems: z.array(FieldErrorSchema),
  }))();
export type CallDraft = z.infer<typeof CallDraft>;

/**
 * Body of `POST /v1/calls/{callId}/amendments`: the fields that change (as in {@link CallDraftFields}) and a
 * public summary of what changed and why. The amended call must still pass {@link callPublicationProblems},
 * except for an opening date already past.
 *
 * @example
 * ```ts
 * await client.calls.amend(callId, {
 *   changes: { dates: { ...call.dates, closes: { at: later, timeZone: 'Africa/Casablanca' } } },
 *   summary: { ar: 'تمديد أجل إيداع الطلبات', fr: 'Report de la date limite de dépôt' },
 * });
 * ```
 */
export const AmendCall = /* @__PURE__ */ (() =>
  z.strictObject({ changes: CallDraftFields, summary: LocalizedText }))();
export type AmendCall = z.infer<typeof AmendCall>;

/** Body of `POST /v1/calls/{callId}/results`: an optional public note (a default one says the results are out). */
export const PublishCallResults = /* @__PURE__ */ (() =>
  z.strictObject({ summary: z.optional(LocalizedText) }))();
export type PublishCallResults = z.infer<typeof PublishCallResults>;

/** Body of `POST /v1/calls/{callId}/close` and `…/cancel`: why, in words the public reads. */
export const CallActionReason = /* @__PURE__ */ (() => z.strictObject({ reason: LocalizedText }))();
export type CallActionReason = z.infer<typeof CallActionReason>;

/**
 * One version of a published call as its public history keeps it: the amendment that made it (absent for
 * version 1) and the call as it read then.
 *
 * @example
 * ```ts
 * const history = await client.calls.versions(callId, { limit: 20 });
 * history.items.map((v) => v.version); // [1, 2]
 * ```
 */
export const CallVersion = /* @__PURE__ */ (() =>
  z.strictObject({
    version: z.number().check(z.int(), z.minimum(1)),
    at: Instant,
    amendment: z.optional(Amendment),
    call: z.omit(Call, { stats: true }),
  }))();
export type CallVersion = z.infer<typeof CallVersion>;

/**
 * Query of `GET /v1/calls/{callId}/versions`: a page of the history, oldest version first (`limit` 1–100,
 * default 20, and the previous page's `nextCursor`).
 *
 * @example
 * ```ts
 * const next = await client.calls.versions(callId, { limit: 50, cursor: page.nextCursor ?? undefined });
 * ```
 */
export const CallVersionQuery = /* @__PURE__ */ (() => z.strictObject({ ...PageQuery }))();
export type CallVersionQuery = z.input<typeof CallVersionQuery>;

/** One reviewer assigned to a call. */
export const CallReviewer = /* @__PURE__ */ (() =>
  z.strictObject({
    accountId: Id,
    displayName: z.string(),
    /** The reviewer's organisation; absent for an independent expert of the platform's pool. */
    organisationId: z.optional(Id),
    assignedAt: Instant,
  }))();
export type CallReviewer = z.infer<typeof CallReviewer>;

/** Body of `PUT /v1/calls/{callId}/reviewers`: the whole list of reviewers (accounts with the reviewer role). */
export const SetCallReviewers = /* @__PURE__ */ (() =>
  z.strictObject({ accountIds: z.array(Id).check(z.maxLength(50)) }))();
export type SetCallReviewers = z.infer<typeof SetCallReviewers>;

/** The reviewers of a call. */
export const CallReviewers = /* @__PURE__ */ (() => z.strictObject({ items: z.array(CallReviewer) }))();
export type CallReviewers = z.infer<typeof CallReviewers>;

/**
 * A call as its organisation's staff list them: drafts and published calls alike, with where each stands
 * and how many applications wait at each stage of the selection.
 *
 * @example
 * ```ts
 * const page = await client.calls.managed('org_region-souss-massa', { state: ['draft'] });
 * page.items[0]?.problemCount; // 4 fields still missing
 * ```
 */
export const ManagedCall = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    organisationId: Id,
    state: z.enum(['draft', 'published']),
    /** The public status at the request's clock; absent for a draft. */
    status: z.optional(CallStatus),
    reference: z.optional(PublicReference),
    title: z.optional(LocalizedText),
    closesAt: z.optional(Instant),
    updatedAt: Instant,
    /** Drafts: how many problems publishing would name now. */
    problemCount: z.number().check(z.int(), z.nonnegative()),
    /** Applications by stage: submitted (waiting for the eligibility check), under review, decided. */
    applications: z.strictObject({
      awaitingCheck: z.number().check(z.int(), z.nonnegative()),
      underReview: z.number().check(z.int(), z.nonnegative()),
      decided: z.number().check(z.int(), z.nonnegative()),
    }),
    reviewers: z.number().check(z.int(), z.nonnegative()),
  }))();
export type ManagedCall = z.infer<typeof ManagedCall>;

/** Filters of `GET /v1/organisations/{organisationId}/calls`, most recently changed first. */
export const ManagedCallQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    state: z.optional(z.array(z.enum(['draft', 'published']))),
    ...PageQuery,
  }))();
export type ManagedCallQuery = z.input<typeof ManagedCallQuery>;

// --- The publication check --------------------------------------------------------------------------

/** The languages every published call must have its title, summary and description in. */
export const CALL_PUBLICATION_LANGUAGES = ['ar', 'fr'] as const;

function missing(path: string, message: string): FieldError {
  return { path, code: 'required', message };
}

function invalid(path: string, message: string, params?: FieldError['params']): FieldError {
  return { path, code: 'invalid_value', message, ...(params ? { params } : {}) };
}

function textProblems(fields: CallDraftFields, name: 'title' | 'summary' | 'description'): FieldError[] {
  const text = fields[name];
  if (!text) return [missing(`/${name}`, `The ${name} is required, in Arabic and French`)];
  return CALL_PUBLICATION_LANGUAGES.filter((language) => !text[language]).map((language) =>
    missing(`/${name}/${language}`, `The ${name} is required in ${language === 'ar' ? 'Arabic' : 'French'}`),
  );
}

function budgetProblems(budget: CallDraftFields['budget']): FieldError[] {
  if (!budget) return [missing('/budget', 'The budget and the range of an award are required')];
  const problems: FieldError[] = [];
  const total = toMinorUnits(budget.total);
  if (total <= 0n) problems.push(invalid('/budget/total', 'The total budget must be more than zero'));
  if (!budget.minAward) problems.push(missing('/budget/minAward', 'The smallest award is required'));
  if (!budget.maxAward) problems.push(missing('/budget/maxAward', 'The largest award is required'));
  if (budget.minAward && budget.maxAward && toMinorUnits(budget.minAward) > toMinorUnits(budget.maxAward))
    problems.push(invalid('/budget/minAward', 'The smallest award is larger than the largest'));
  if (budget.maxAward && toMinorUnits(budget.maxAward) > total)
    problems.push(invalid('/budget/maxAward', 'The largest award is larger than the total budget'));
  return problems;
}

// The problems name no `now`: a draft's ETag is the hash of the draft with its problems, and an instant that
// changes with every read would make a draft with a past date impossible to save with If-Match.
function dateProblems(fields: CallDraftFields, now: string, opened: boolean): FieldError[] {
  const problems: FieldError[] = [];
  const opensAt = fields.dates?.opensAt;
  if (!fields.deadlineModel) problems.push(missing('/deadlineModel', 'Say how the call takes applications'));
  if (!opensAt) problems.push(missing('/dates/opensAt', 'The opening date is required'));
  else if (!opened && opensAt <= now)
    problems.push(invalid('/dates/opensAt', 'The opening date must be in the future'));
  const closes = fields.dates?.closes?.at;
  const model = fields.deadlineModel?.kind;
  if (model === 'single' || model === 'cutoffs') {
    if (!closes) problems.push(missing('/dates/closes', 'The closing date is required'));
    else if (closes <= now)
      problems.push(invalid('/dates/closes/at', 'The closing date must be in the future'));
    else if (opensAt && closes <= opensAt)
      problems.push(invalid('/dates/closes/at', 'The closing date must come after the opening date'));
  }
  if (fields.deadlineModel?.kind === 'cutoffs')
    fields.deadlineModel.cutoffs.forEach((cutoff, index) => {
      if (cutoff.at <= now)
        problems.push(invalid(`/deadlineModel/cutoffs/${index}/at`, 'A cut-off date is in the past'));
    });
  return problems;
}

function criteriaProblems(criteria: CallDraftFields['criteria']): FieldError[] {
  if (!criteria || criteria.length === 0)
    return [missing('/criteria', 'At least one selection criterion is required')];
  const problems: FieldError[] = [];
  const sum = criteria.reduce((total, criterion) => total + criterion.weight, 0);
  if (Math.abs(sum - 100) > 1e-9)
    problems.push(
      invalid('/criteria', `The weights of the criteria add up to ${sum}, not 100`, { sum, expected: 100 }),
    );
  const ids = new Set<string>();
  criteria.forEach((criterion, index) => {
    if (ids.has(criterion.id))
      problems.push({
        path: `/criteria/${index}/id`,
        code: 'not_allowed',
        message: 'Criterion ids must be unique',
      });
    ids.add(criterion.id);
    if (criterion.anchors.length < 2)
      problems.push({
        path: `/criteria/${index}/anchors`,
        code: 'too_short',
        message: 'Each criterion needs scoring anchors for at least its lowest and highest scores',
        params: { minimum: 2 },
      });
    criterion.anchors.forEach((anchor, anchorIndex) => {
      if (anchor.score > criterion.maxScore)
        problems.push(
          invalid(`/criteria/${index}/anchors/${anchorIndex}/score`, 'An anchor scores above the maximum', {
            maximum: criterion.maxScore,
          }),
        );
    });
  });
  return problems;
}

function formProblems(fields: CallDraftFields): FieldError[] {
  const form = fields.form;
  if (!form) return [missing('/form', 'The application form is required')];
  const problems: FieldError[] = [];
  const fieldIds = new Set<string>();
  let count = 0;
  const documents = new Set((fields.requiredDocuments ?? []).map((document) => document.id));
  form.sections.forEach((section, sectionIndex) => {
    section.fields.forEach((field, fieldIndex) => {
      count++;
      const path = `/form/sections/${sectionIndex}/fields/${fieldIndex}`;
      if (fieldIds.has(field.id))
        problems.push({
          path: `${path}/id`,
          code: 'not_allowed',
          message: `The field id ${field.id} is used twice`,
        });
      fieldIds.add(field.id);
      if (field.type === 'attachment' && !documents.has(field.documentId))
        problems.push(
          invalid(
            `${path}/documentId`,
            `The form asks for a document the call does not list: ${field.documentId}`,
          ),
        );
    });
  });
  if (count === 0) problems.push(missing('/form/sections', 'The form has no field'));
  return problems;
}

/**
 * Everything that keeps a call from being published, as field errors (JSON Pointers into the draft's
 * fields), empty when it can be: title, summary and description in Arabic and French; instrument, fiscal
 * year, domains and the regions it covers; the budget with the smallest and largest award; the deadline
 * model with an opening and a closing instant in the future (`opened`: the call is already open, as for an
 * amendment, so its opening date may be past); eligible applicant types and eligibility rules (the
 * evaluator's schema accepts them as the draft is stored); criteria whose weights add up to 100, each with
 * scoring anchors; the documents asked for; a form with fields, unique ids, and attachment slots for listed
 * documents only; a contact; the review rules (reviews per application, appeal days); the reports awarded
 * associations owe (an empty list when none), each due after the call closes.
 *
 * @example
 * ```ts
 * const problems = callPublicationProblems(draft.fields, new Date().toISOString());
 * if (problems.length > 0) showMissing(problems); // [{ path: '/criteria', code: 'invalid_value', … }]
 * ```
 */
export function callPublicationProblems(
  fields: CallDraftFields,
  now: string,
  options: { opened?: boolean } = {},
): FieldError[] {
  const problems: FieldError[] = [
    ...textProblems(fields, 'title'),
    ...textProblems(fields, 'summary'),
    ...textProblems(fields, 'description'),
  ];
  if (fields.instrument === undefined)
    problems.push(missing('/instrument', 'The kind of support is required'));
  if (fields.fiscalYear === undefined) problems.push(missing('/fiscalYear', 'The fiscal year is required'));
  if (!fields.domains || fields.domains.length === 0)
    problems.push(missing('/domains', 'At least one domain is required'));
  if (!fields.coverage) problems.push(missing('/coverage', 'Say whether the call is national or regional'));
  else if (fields.coverage === 'regions' && (fields.eligibleRegions ?? []).length === 0)
    problems.push(missing('/eligibleRegions', 'A regional call names at least one region'));
  problems.push(...budgetProblems(fields.budget));
  problems.push(...dateProblems(fields, now, options.opened ?? false));
  if (!fields.eligibleApplicantTypes || fields.eligibleApplicantTypes.length === 0)
    problems.push(missing('/eligibleApplicantTypes', 'Say which kinds of association may apply'));
  if (!fields.eligibility) problems.push(missing('/eligibility', 'The eligibility rules are required'));
  problems.push(...criteriaProblems(fields.criteria));
  if (!fields.requiredDocuments)
    problems.push(missing('/requiredDocuments', 'List the documents asked for (an empty list if none)'));
  problems.push(...formProblems(fields));
  if (!fields.review)
    problems.push(
      missing('/review', 'Say how many reviews each application needs and how long appeals stay open'),
    );
  if (!fields.reports)
    problems.push(missing('/reports', 'List the reports awarded associations owe (an empty list if none)'));
  else
    fields.reports.forEach((report, index) => {
      const closes = fields.dates?.closes?.at.slice(0, 10);
      if (closes && report.dueOn <= closes)
        problems.push(invalid(`/reports/${index}/dueOn`, 'A report falls due before the call closes'));
    });
  const contact = fields.contact;
  if (!contact || !(contact.email || contact.phone || contact.url))
    problems.push(
      missing('/contact', 'An e-mail address, a phone number or a web page for questions is required'),
    );
  return problems;
}
