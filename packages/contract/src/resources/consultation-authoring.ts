// What the staff of an organisation write when they prepare, publish and run a consultation: the draft, its
// text (sections and articles with stable ids), the bodies of the lifecycle actions, and the check that a
// draft is complete enough to publish. The check lives here, beside the schemas, so that the server refuses
// exactly what the consultation editor shows as missing.
import * as z from 'zod/mini';
import { Code, Id, PublicReference, RegionCode } from '../shared/ids.js';
import { Instant } from '../shared/instant.js';
import { Locale, LocalizedText } from '../shared/localized-text.js';
import { PageQuery } from '../shared/page.js';
import { type FieldError, FieldError as FieldErrorSchema } from '../shared/problem.js';
import {
  ConsultationDocument,
  ConsultationPhase,
  ConsultationQuestion,
  ConsultationScope,
  ParticipationMode,
  SubjectType,
} from './consultation.js';

const ArticleNumber = /* @__PURE__ */ (() => z.string().check(z.trim(), z.minLength(1), z.maxLength(20)))();

/**
 * One article of a draft text. `id` is stable across versions (contributions stay attached to it); it may
 * be left out for a new article, and the server gives it one when it saves the draft.
 *
 * @example
 * ```ts
 * const a: DraftArticle = { id: 'art-3', number: '3', body: { ar: 'يرتكز التشاور العمومي…', fr: 'La consultation…' } };
 * ```
 */
export const DraftArticle = /* @__PURE__ */ (() =>
  z.strictObject({
    id: z.optional(Id),
    number: ArticleNumber,
    heading: z.optional(LocalizedText),
    body: LocalizedText,
  }))();
export type DraftArticle = z.infer<typeof DraftArticle>;

/**
 * A section (title, chapter) of a draft text. A text without chapters has one section without a heading;
 * it is published under the consultation's title.
 *
 * @example
 * ```ts
 * const s: DraftSection = { id: 'ch-1', heading: { fr: 'Dispositions générales' }, articles: [] };
 * ```
 */
export const DraftSection = /* @__PURE__ */ (() =>
  z.strictObject({
    id: z.optional(Id),
    heading: z.optional(LocalizedText),
    articles: z.array(DraftArticle).check(z.maxLength(2000)),
  }))();
export type DraftSection = z.infer<typeof DraftSection>;

/**
 * The consulted text as it is written: an optional preamble and the sections with their articles.
 *
 * @example
 * ```ts
 * const text: DraftText = { sections: [{ articles: [{ number: '1', body: { ar: 'يهدف هذا القانون…' } }] }] };
 * ```
 */
export const DraftText = /* @__PURE__ */ (() =>
  z.strictObject({
    preamble: z.optional(LocalizedText),
    sections: z.array(DraftSection).check(z.maxLength(500)),
  }))();
export type DraftText = z.infer<typeof DraftText>;

/**
 * When each phase starts: `information` (optional: the text is readable before contributions open),
 * `contributions_open`, and `closed` (contributions end). A consultation's phase follows these dates and
 * the clock; the `synthesis_published` phase begins when its synthesis is published.
 *
 * @example
 * ```ts
 * const phases: ConsultationDraftPhases = { information: '2027-01-05T09:00:00Z',
 *   contributions_open: '2027-01-12T09:00:00Z', closed: '2027-02-12T22:59:00Z' };
 * ```
 */
export const ConsultationDraftPhases = /* @__PURE__ */ (() =>
  z.strictObject({
    information: z.optional(Instant),
    contributions_open: z.optional(Instant),
    closed: z.optional(Instant),
  }))();
export type ConsultationDraftPhases = z.infer<typeof ConsultationDraftPhases>;

/** The editable fields of a consultation, each as a published consultation requires it. */
const draftValues = /* @__PURE__ */ (() => ({
  title: LocalizedText,
  summary: LocalizedText,
  scope: ConsultationScope,
  region: RegionCode,
  /** The commune of a local consultation (code of the territorial reference). */
  communeCode: Code,
  subjectType: SubjectType,
  participationMode: ParticipationMode,
  domains: z.array(Code).check(z.maxLength(50)),
  documents: z.array(ConsultationDocument).check(z.maxLength(50)),
  questions: z.array(ConsultationQuestion).check(z.maxLength(100)),
  phases: ConsultationDraftPhases,
  text: DraftText,
}))();
type DraftValues = typeof draftValues;

const draftShape = /* @__PURE__ */ (() =>
  Object.fromEntries(Object.entries(draftValues).map(([name, schema]) => [name, z.optional(schema)])) as {
    [K in keyof DraftValues]: z.ZodMiniOptional<DraftValues[K]>;
  })();

/**
 * The editable fields of a consultation, every one optional: a draft may be saved half-written, and
 * publishing ({@link consultationPublicationProblems}) says what is still missing.
 *
 * @example
 * ```ts
 * const fields: ConsultationDraftFields = { title: { ar: 'مشروع قانون التشاور العمومي', fr: 'Projet de loi sur la consultation publique' } };
 * ```
 */
export const ConsultationDraftFields = /* @__PURE__ */ (() => z.strictObject(draftShape))();
export type ConsultationDraftFields = z.infer<typeof ConsultationDraftFields>;

/** The names of {@link ConsultationDraftFields}, in the order the editor shows them. */
export const CONSULTATION_DRAFT_FIELDS = Object.keys(draftShape) as (keyof ConsultationDraftFields)[];

/**
 * Body of `POST /v1/consultations/drafts`: the first fields of a new draft. `organisationId` is needed only
 * by a platform admin; staff create drafts for their own organisation.
 *
 * @example
 * ```ts
 * await client.consultations.create({ title: { ar: 'مشروع قانون', fr: 'Projet de loi' }, subjectType: 'draft_law' });
 * ```
 */
export const CreateConsultationDraft = /* @__PURE__ */ (() =>
  z.strictObject({ ...draftShape, organisationId: z.optional(Id) }))();
export type CreateConsultationDraft = z.infer<typeof CreateConsultationDraft>;

/**
 * Body of `PATCH /v1/consultations/drafts/{consultationId}` (with `If-Match`): each field given replaces the
 * draft's whole field; `null` clears it. Fields not given are kept.
 *
 * @example
 * ```ts
 * const { etag } = await client.consultations.getDraftWithEtag(draft.id);
 * await client.consultations.update(draft.id, { scope: 'national', region: null }, { ifMatch: etag });
 * ```
 */
export const UpdateConsultationDraft = /* @__PURE__ */ (() =>
  z.strictObject(
    Object.fromEntries(
      Object.entries(draftValues).map(([name, schema]) => [name, z.optional(z.nullable(schema))]),
    ) as { [K in keyof DraftValues]: z.ZodMiniOptional<z.ZodMiniNullable<DraftValues[K]>> },
  ))();
export type UpdateConsultationDraft = z.infer<typeof UpdateConsultationDraft>;

/**
 * A consultation as its organisation's staff edit it before publication: the fields written so far, its
 * `revision` (one more at each save; `If-Match` sends the draft's ETag, which the answer's `ETag` header
 * carries), and `problems`: what publishing would refuse now (empty when it can be published). A published
 * consultation keeps its draft, marked `published`, under the same id.
 *
 * @example
 * ```ts
 * const draft = await client.consultations.create({ title: { ar: '…', fr: '…' } });
 * draft.problems.map((p) => p.path); // ['/summary', '/scope', …]
 * ```
 */
export const ConsultationDraft = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    organisationId: Id,
    state: z.enum(['draft', 'published']),
    revision: z.number().check(z.int(), z.minimum(1)),
    createdAt: Instant,
    updatedAt: Instant,
    fields: ConsultationDraftFields,
    problems: z.array(FieldErrorSchema),
  }))();
export type ConsultationDraft = z.infer<typeof ConsultationDraft>;

/**
 * Body of `POST /v1/consultations/drafts/{consultationId}/import-text`: pasted text read into articles
 * (`shared/article-import.ts`) in the language `locale`. With `replace`, the draft's text becomes the
 * imported one; without, each imported article fills the article of the same number (`12 bis` matches
 * `12 مكرر`), new numbers are added, and nothing is removed — so the Arabic and French texts are pasted
 * one after the other.
 *
 * @example
 * ```ts
 * await client.consultations.importText(draft.id, { text: 'المادة الأولى\nيهدف هذا القانون…', format: 'plain', locale: 'ar' });
 * ```
 */
export const ImportConsultationText = /* @__PURE__ */ (() =>
  z.strictObject({
    text: z.string().check(z.minLength(1), z.maxLength(500_000)),
    format: z._default(z.enum(['plain', 'markdown']), 'plain'),
    locale: Locale,
    replace: z.optional(z.boolean()),
  }))();
export type ImportConsultationText = z.input<typeof ImportConsultationText>;

/**
 * What the import read when it found no article: the `current` member of the `422 no_articles_detected`
 * problem, so that the author sees what was found instead.
 *
 * @example
 * ```ts
 * const preview: ArticleImportPreview = { articles: 0, lineCount: 12, headings: ['Chapitre I'], preamble: 'Le présent…' };
 * ```
 */
export const ArticleImportPreview = /* @__PURE__ */ (() =>
  z.strictObject({
    articles: z.number().check(z.int(), z.nonnegative()),
    lineCount: z.number().check(z.int(), z.nonnegative()),
    headings: z.array(z.string()),
    preamble: z.string(),
  }))();
export type ArticleImportPreview = z.infer<typeof ArticleImportPreview>;

/**
 * Body of `POST /v1/consultations/{consultationId}/versions`: the whole new text, `changeSummary` (what
 * changed and why, public), an optional `label` (default "Version N"). An article that keeps its `id`
 * is the same article (its contributions follow it); one without an id is new. Removing an article that
 * has contributions is refused (`removed_article_has_contributions`) unless `removedArticles` says
 * `keep_contributions` for it: its contributions then show as "on a removed article".
 *
 * @example
 * ```ts
 * await client.consultations.publishVersion(id, { text, changeSummary: { ar: '…', fr: 'Délai porté à 60 jours' },
 *   removedArticles: { 'art-7': 'keep_contributions' } });
 * ```
 */
export const PublishConsultationVersion = /* @__PURE__ */ (() =>
  z.strictObject({
    text: DraftText,
    changeSummary: LocalizedText,
    label: z.optional(LocalizedText),
    removedArticles: z.optional(z.record(Id, z.literal('keep_contributions'))),
  }))();
export type PublishConsultationVersion = z.infer<typeof PublishConsultationVersion>;

/** Body of `POST /v1/consultations/{consultationId}/close`: why contributions close early, in public words. */
export const CloseConsultation = /* @__PURE__ */ (() => z.strictObject({ reason: LocalizedText }))();
export type CloseConsultation = z.infer<typeof CloseConsultation>;

/** Contributions by moderation state. */
const ModerationCounts = /* @__PURE__ */ (() =>
  z.strictObject({
    pending: z.number().check(z.int(), z.nonnegative()),
    published: z.number().check(z.int(), z.nonnegative()),
    hidden: z.number().check(z.int(), z.nonnegative()),
  }))();

/**
 * A consultation as its organisation's staff list them: drafts and published ones alike, with where each
 * stands and its contributions by moderation state.
 *
 * @example
 * ```ts
 * const page = await client.consultations.managed('org_relations-parliament', { state: ['draft'] });
 * page.items[0]?.problemCount; // 3 fields still missing
 * ```
 */
export const ManagedConsultation = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    organisationId: Id,
    state: z.enum(['draft', 'published']),
    /** The phase at the request's clock; absent for a draft. */
    phase: z.optional(ConsultationPhase),
    reference: z.optional(PublicReference),
    title: z.optional(LocalizedText),
    /** When contributions close (planned or done). */
    contributionsCloseAt: z.optional(Instant),
    /** Published versions of the text. */
    versions: z.number().check(z.int(), z.nonnegative()),
    updatedAt: Instant,
    /** Drafts: how many problems publishing would name now. */
    problemCount: z.number().check(z.int(), z.nonnegative()),
    contributions: ModerationCounts,
  }))();
export type ManagedConsultation = z.infer<typeof ManagedConsultation>;

/** Filters of `GET /v1/organisations/{organisationId}/consultations`, most recently changed first. */
export const ManagedConsultationQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    state: z.optional(z.array(z.enum(['draft', 'published'])).check(z.maxLength(2))),
    ...PageQuery,
  }))();
export type ManagedConsultationQuery = z.input<typeof ManagedConsultationQuery>;

// --- The publication check --------------------------------------------------------------------------

/** The languages every published consultation must have its title and summary in. */
export const CONSULTATION_PUBLICATION_LANGUAGES = ['ar', 'fr'] as const;

function missing(path: string, message: string): FieldError {
  return { path, code: 'required', message };
}

function invalid(path: string, message: string): FieldError {
  return { path, code: 'invalid_value', message };
}

function textProblems(fields: ConsultationDraftFields, name: 'title' | 'summary'): FieldError[] {
  const text = fields[name];
  if (!text) return [missing(`/${name}`, `The ${name} is required, in Arabic and French`)];
  return CONSULTATION_PUBLICATION_LANGUAGES.filter((language) => !text[language]).map((language) =>
    missing(`/${name}/${language}`, `The ${name} is required in ${language === 'ar' ? 'Arabic' : 'French'}`),
  );
}

// The messages name no instant: a draft's ETag is the hash of the draft with its problems, and a message
// that changed with every read would make a draft impossible to save with If-Match.
function phaseProblems(phases: ConsultationDraftPhases | undefined, now: string): FieldError[] {
  const problems: FieldError[] = [];
  const order: (keyof ConsultationDraftPhases)[] = ['information', 'contributions_open', 'closed'];
  if (!phases?.contributions_open)
    problems.push(missing('/phases/contributions_open', 'The date contributions open is required'));
  if (!phases?.closed) problems.push(missing('/phases/closed', 'The date contributions close is required'));
  let previous: string | undefined;
  for (const name of order) {
    const at = phases?.[name];
    if (!at) continue;
    if (at <= now) problems.push(invalid(`/phases/${name}`, 'This date must be in the future'));
    else if (previous && at <= previous)
      problems.push(invalid(`/phases/${name}`, 'The phases must follow each other in order'));
    previous = at;
  }
  return problems;
}

/**
 * The problems of a text as published: at least one article, article numbers and ids unique, every
 * article with a body, every section with a heading when there are several. `base` prefixes the pointers
 * (`/text` in a draft).
 *
 * @example
 * ```ts
 * textPublicationProblems(body.text, '/text'); // [{ path: '/text/sections/0/articles/2/number', … }]
 * ```
 */
export function textPublicationProblems(text: DraftText | undefined, base = '/text'): FieldError[] {
  const articles = text?.sections.flatMap((section) => section.articles) ?? [];
  if (!text || articles.length === 0)
    return [missing(`${base}/sections`, 'The text has no article: paste it or write its articles')];
  const problems: FieldError[] = [];
  const numbers = new Set<string>();
  const ids = new Set<string>();
  text.sections.forEach((section, s) => {
    if (text.sections.length > 1 && !section.heading)
      problems.push(missing(`${base}/sections/${s}/heading`, 'A text in several sections names each one'));
    section.articles.forEach((article, a) => {
      const path = `${base}/sections/${s}/articles/${a}`;
      const number = article.number.trim().toLowerCase();
      if (numbers.has(number))
        problems.push({
          path: `${path}/number`,
          code: 'not_allowed',
          message: `Article ${article.number} appears twice`,
        });
      numbers.add(number);
      if (article.id && ids.has(article.id))
        problems.push({ path: `${path}/id`, code: 'not_allowed', message: 'Article ids must be unique' });
      if (article.id) ids.add(article.id);
      if (!Object.values(article.body).some((body) => body && body.trim().length > 0))
        problems.push(missing(`${path}/body`, `Article ${article.number} has no text`));
    });
  });
  return problems;
}

/**
 * Everything that keeps a consultation from being published, as field errors (JSON Pointers into the
 * draft's fields), empty when it can be: title and summary in Arabic and French; the scope, with the
 * region of a regional or local consultation (and its commune for a local one), none for a national one;
 * what is consulted on and who may take part; at least one domain; the dates contributions open and
 * close (and, if given, the information phase before them), in the future and in order; a text of at
 * least one article (see {@link textPublicationProblems}). Questions and documents are optional.
 *
 * @example
 * ```ts
 * const problems = consultationPublicationProblems(draft.fields, new Date().toISOString());
 * if (problems.length > 0) showMissing(problems); // [{ path: '/phases/closed', code: 'required', … }]
 * ```
 */
export function consultationPublicationProblems(fields: ConsultationDraftFields, now: string): FieldError[] {
  const problems: FieldError[] = [...textProblems(fields, 'title'), ...textProblems(fields, 'summary')];
  if (!fields.scope)
    problems.push(missing('/scope', 'Say whether the consultation is national, regional or local'));
  else if (fields.scope === 'national') {
    if (fields.region !== undefined)
      problems.push({
        path: '/region',
        code: 'not_allowed',
        message: 'A national consultation names no region',
      });
  } else {
    if (fields.region === undefined)
      problems.push(missing('/region', 'A regional or local consultation names its region'));
    if (fields.scope === 'local' && fields.communeCode === undefined)
      problems.push(missing('/communeCode', 'A local consultation names its commune'));
  }
  if (!fields.subjectType) problems.push(missing('/subjectType', 'Say what is put to consultation'));
  if (!fields.participationMode) problems.push(missing('/participationMode', 'Say who may take part'));
  if (!fields.domains || fields.domains.length === 0)
    problems.push(missing('/domains', 'At least one domain is required'));
  problems.push(...phaseProblems(fields.phases, now));
  problems.push(...textPublicationProblems(fields.text, '/text'));
  const questionIds = new Set<string>();
  fields.questions?.forEach((question, index) => {
    if (questionIds.has(question.id))
      problems.push({
        path: `/questions/${index}/id`,
        code: 'not_allowed',
        message: 'Question ids must be unique',
      });
    questionIds.add(question.id);
  });
  return problems;
}
