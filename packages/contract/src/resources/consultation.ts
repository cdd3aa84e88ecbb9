import * as z from 'zod/mini';
import { Code, Id, PublicReference, RegionCode, WebUrl } from '../shared/ids.js';
import { Deadline, Instant } from '../shared/instant.js';
import { LocalizedText } from '../shared/localized-text.js';
import { PageQuery } from '../shared/page.js';
import { DISPLAY_TIME_ZONE } from '../shared/time.js';

const Count = /* @__PURE__ */ (() => z.number().check(z.int(), z.nonnegative()))();

/**
 * Phases of a consultation, in the order they happen (CONSUL/Decidim "process steps").
 *
 * @example
 * ```ts
 * CONSULTATION_PHASES.indexOf('closed') > CONSULTATION_PHASES.indexOf('contributions_open'); // true
 * ```
 */
export const CONSULTATION_PHASES = [
  'upcoming',
  'information',
  'contributions_open',
  'closed',
  'synthesis_published',
] as const;

/**
 * Where a consultation stands; only `contributions_open` accepts new contributions.
 *
 * @example
 * ```ts
 * const phase: ConsultationPhase = 'contributions_open';
 * ```
 */
export const ConsultationPhase = /* @__PURE__ */ (() => z.enum(CONSULTATION_PHASES))();
export type ConsultationPhase = z.infer<typeof ConsultationPhase>;

/**
 * What is put to consultation.
 *
 * @example
 * ```ts
 * const subject: SubjectType = 'draft_law';
 * ```
 */
export const SubjectType = /* @__PURE__ */ (() =>
  z.enum(['draft_law', 'decree', 'policy', 'programme', 'regional_plan']))();
export type SubjectType = z.infer<typeof SubjectType>;

/**
 * Who may contribute: anyone (an anonymous author gives a display name), signed-in accounts, or
 * accounts acting for an association.
 *
 * @example
 * ```ts
 * const mode: ParticipationMode = 'associations_only';
 * ```
 */
export const ParticipationMode = /* @__PURE__ */ (() =>
  z.enum(['open', 'registered', 'associations_only']))();
export type ParticipationMode = z.infer<typeof ParticipationMode>;

/**
 * Territorial reach of a consultation; `regional` and `local` ones name their region.
 *
 * @example
 * ```ts
 * const scope: ConsultationScope = 'regional';
 * ```
 */
export const ConsultationScope = /* @__PURE__ */ (() => z.enum(['national', 'regional', 'local']))();
export type ConsultationScope = z.infer<typeof ConsultationScope>;

/**
 * The ministry, public establishment, regional council or commune that holds the consultation.
 *
 * @example
 * ```ts
 * const body: IssuingBody = { sectorCode: 'relations-parliament', name: { ar: 'الوزارة المكلفة بالعلاقات مع البرلمان' } };
 * ```
 */
export const IssuingBody = /* @__PURE__ */ (() =>
  z.strictObject({
    /** Code of the sector in the reference data. */
    sectorCode: Code,
    name: LocalizedText,
  }))();
export type IssuingBody = z.infer<typeof IssuingBody>;

/**
 * The dates of one phase. `end` is absent while a phase has no planned end (the synthesis stays published).
 *
 * @example
 * ```ts
 * const open: ConsultationPhaseDates = { phase: 'contributions_open',
 *   period: { start: '2026-03-01T09:00:00Z', end: '2026-03-31T22:59:00Z' }, timeZone: 'Africa/Casablanca' };
 * ```
 */
export const ConsultationPhaseDates = /* @__PURE__ */ (() =>
  z.strictObject({
    phase: ConsultationPhase,
    period: z.strictObject({ start: Instant, end: z.optional(Instant) }).check(
      z.refine((p) => p.end === undefined || p.end > p.start, {
        message: 'The end must come after the start',
        path: ['end'],
      }),
    ),
    timeZone: z.literal(DISPLAY_TIME_ZONE),
  }))();
export type ConsultationPhaseDates = z.infer<typeof ConsultationPhaseDates>;

/**
 * One published version of the consulted text, as listed on the consultation.
 *
 * @example
 * ```ts
 * const v: ConsultationVersionInfo = { id: 'v2', label: { fr: 'Version 2' }, publishedAt: '2026-03-15T10:00:00Z' };
 * ```
 */
export const ConsultationVersionInfo = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    label: LocalizedText,
    publishedAt: Instant,
    changeSummary: z.optional(LocalizedText),
  }))();
export type ConsultationVersionInfo = z.infer<typeof ConsultationVersionInfo>;

/**
 * How an article changed relative to the previous version.
 *
 * @example
 * ```ts
 * const change: ArticleChange = 'modified';
 * ```
 */
export const ArticleChange = /* @__PURE__ */ (() => z.enum(['added', 'modified', 'unchanged']))();
export type ArticleChange = z.infer<typeof ArticleChange>;

/**
 * One article of the consulted text. Its `id` is STABLE across versions, so contributions made on
 * version 1 stay attached to the same article in version 2; `number` is what readers see.
 *
 * @example
 * ```ts
 * const a: Article = { id: 'art-12b', number: '12 bis', body: { ar: 'تحدث لجنة جهوية…' }, changed: 'added' };
 * ```
 */
export const Article = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    number: z.string().check(z.trim(), z.minLength(1), z.maxLength(20)),
    heading: z.optional(LocalizedText),
    body: LocalizedText,
    contributionCount: z.optional(Count),
    changed: z.optional(ArticleChange),
  }))();
export type Article = z.infer<typeof Article>;

/**
 * A section (chapter, title) of the consulted text and its articles.
 *
 * @example
 * ```ts
 * const s: DocumentSection = { id: 'ch-1', heading: { fr: 'Dispositions générales' }, articles: [] };
 * ```
 */
export const DocumentSection = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    heading: LocalizedText,
    articles: z.array(Article),
  }))();
export type DocumentSection = z.infer<typeof DocumentSection>;

/**
 * One version of the consulted text, made of sections and articles. An article id appears once.
 *
 * @example
 * ```ts
 * const text: DocumentVersion = { id: 'v2', consultationId: 'cons_4', label: { ar: 'الصيغة الثانية' },
 *   publishedAt: '2026-03-15T10:00:00Z', sections: [{ id: 'ch-1', heading: { ar: 'أحكام عامة' },
 *   articles: [{ id: 'art-1', number: '1', body: { ar: 'يهدف هذا القانون…' } }] }] };
 * ```
 */
export const DocumentVersion = /* @__PURE__ */ (() =>
  z
    .strictObject({
      id: Id,
      consultationId: Id,
      label: LocalizedText,
      publishedAt: Instant,
      sections: z.array(DocumentSection),
    })
    .check(
      z.superRefine((version, ctx) => {
        const seen = new Set<string>();
        version.sections.forEach((section, s) => {
          section.articles.forEach((article, a) => {
            if (seen.has(article.id)) {
              ctx.addIssue({
                code: 'custom',
                message: `Article id "${article.id}" appears twice`,
                path: ['sections', s, 'articles', a, 'id'],
                params: { code: 'invalid_value' },
              });
            }
            seen.add(article.id);
          });
        });
      }),
    ))();
export type DocumentVersion = z.infer<typeof DocumentVersion>;

/**
 * A choice of a closed question.
 *
 * @example
 * ```ts
 * const o: QuestionOption = { id: 'yes', label: { fr: 'Oui' } };
 * ```
 */
export const QuestionOption = /* @__PURE__ */ (() => z.strictObject({ id: Id, label: LocalizedText }))();
export type QuestionOption = z.infer<typeof QuestionOption>;

/**
 * A question put to participants: `closed` ones list at least two `options` (`multiple` allows
 * several answers); `open` ones are answered in text and have no options.
 *
 * @example
 * ```ts
 * const q: ConsultationQuestion = { id: 'q1', kind: 'closed', prompt: { ar: 'هل توافق على المادة 3؟' },
 *   options: [{ id: 'yes', label: { ar: 'نعم' } }, { id: 'no', label: { ar: 'لا' } }] };
 * ```
 */
export const ConsultationQuestion = /* @__PURE__ */ (() =>
  z
    .strictObject({
      id: Id,
      kind: z.enum(['closed', 'open']),
      prompt: LocalizedText,
      options: z.optional(z.array(QuestionOption)),
      multiple: z.optional(z.boolean()),
    })
    .check(
      z.superRefine((q, ctx) => {
        if (q.kind === 'closed' && (q.options?.length ?? 0) < 2) {
          ctx.addIssue({
            code: 'custom',
            message: 'A closed question offers at least two options',
            path: ['options'],
            params: { code: 'required' },
          });
        }
        if (q.kind === 'open' && (q.options !== undefined || q.multiple !== undefined)) {
          ctx.addIssue({
            code: 'custom',
            message: 'An open question has no options',
            path: [q.options !== undefined ? 'options' : 'multiple'],
            params: { code: 'not_allowed' },
          });
        }
      }),
    ))();
export type ConsultationQuestion = z.infer<typeof ConsultationQuestion>;

/**
 * Participation figures, overall, by region and by participant type.
 *
 * @example
 * ```ts
 * const stats: ConsultationStats = { participants: 412, contributions: 958, recommendations: 73, supports: 2210,
 *   byRegion: [{ region: 'MA-06', participants: 120, contributions: 301 }],
 *   byParticipantType: [{ type: 'association', participants: 88, contributions: 240 }] };
 * ```
 */
export const ConsultationStats = /* @__PURE__ */ (() =>
  z.strictObject({
    participants: Count,
    contributions: Count,
    recommendations: Count,
    supports: Count,
    byRegion: z.array(z.strictObject({ region: RegionCode, participants: Count, contributions: Count })),
    byParticipantType: z.array(
      z.strictObject({ type: z.enum(['citizen', 'association']), participants: Count, contributions: Count }),
    ),
  }))();
export type ConsultationStats = z.infer<typeof ConsultationStats>;

/**
 * What became of a recommendation or an amendment in the synthesis: taken up, in part, not retained, or
 * outside what the consulted text can settle (`out_of_scope`).
 *
 * @example
 * ```ts
 * const outcome: RecommendationOutcome = 'partly_accepted';
 * ```
 */
export const RecommendationOutcome = /* @__PURE__ */ (() =>
  z.enum(['accepted', 'partly_accepted', 'not_retained', 'out_of_scope']))();
export type RecommendationOutcome = z.infer<typeof RecommendationOutcome>;

/**
 * The participation figures a synthesis answers for, frozen when it is published: what the consultation
 * had received when contributions closed. Later moderation or supports do not move them.
 *
 * @example
 * ```ts
 * const f: SynthesisFigures = { participants: 412, contributions: 958, supports: 2210, closedAt: '2026-03-31T22:59:00Z' };
 * ```
 */
export const SynthesisFigures = /* @__PURE__ */ (() =>
  z.strictObject({
    participants: Count,
    contributions: Count,
    supports: Count,
    /** When contributions closed. */
    closedAt: Instant,
  }))();
export type SynthesisFigures = z.infer<typeof SynthesisFigures>;

/**
 * The published synthesis: an overall summary, a summary per article, and for each recommendation
 * what became of it and why (the accountability CONSUL and Decidim call "results").
 *
 * @example
 * ```ts
 * const s: Synthesis = { publishedAt: '2026-05-02T10:00:00Z', summary: { fr: '958 contributions reçues…' },
 *   articles: [{ articleId: 'art-3', summary: { fr: 'Forte demande de délais plus longs' } }],
 *   recommendations: [{ contributionId: 'ctb_91', articleId: 'art-3', excerpt: 'Porter le délai à 60 jours',
 *     outcome: 'accepted', reason: { fr: 'Délai porté à 60 jours dans la version 3' } }] };
 * ```
 */
export const Synthesis = /* @__PURE__ */ (() =>
  z.strictObject({
    publishedAt: Instant,
    /** The figures at closing; present on every synthesis published through the API. */
    frozen: z.optional(SynthesisFigures),
    summary: LocalizedText,
    reportUrl: z.optional(WebUrl),
    articles: z.array(z.strictObject({ articleId: Id, summary: LocalizedText })),
    recommendations: z.array(
      z.strictObject({
        contributionId: Id,
        articleId: z.optional(Id),
        /** What the contribution was; absent on syntheses seeded before amendments were answered too. */
        kind: z.optional(z.enum(['recommendation', 'amendment'])),
        /** The words of the contribution the synthesis answers, in the contributor's own language. */
        excerpt: z.string().check(z.minLength(1), z.maxLength(1000)),
        outcome: RecommendationOutcome,
        reason: LocalizedText,
      }),
    ),
  }))();
export type Synthesis = z.infer<typeof Synthesis>;

/**
 * A document attached to a consultation (explanatory note, impact study); links are http(s) only.
 *
 * @example
 * ```ts
 * const d: ConsultationDocument = { title: { fr: 'Note de présentation' },
 *   url: 'https://www.sgg.gov.ma/note.pdf', mediaType: 'application/pdf' };
 * ```
 */
export const ConsultationDocument = /* @__PURE__ */ (() =>
  z.strictObject({
    title: LocalizedText,
    url: WebUrl,
    mediaType: z
      .string()
      .check(z.regex(/^[a-z]+\/[a-z0-9.+-]+$/, { message: 'A media type such as application/pdf' })),
  }))();
export type ConsultationDocument = z.infer<typeof ConsultationDocument>;

/**
 * Why a consultation's contributions closed before their planned end, and when: public words of its
 * organisation, shown beside the phases.
 *
 * @example
 * ```ts
 * const c: ConsultationClosure = { at: '2026-03-20T10:00:00Z', reason: { fr: 'Le projet est retiré' } };
 * ```
 */
export const ConsultationClosure = /* @__PURE__ */ (() =>
  z.strictObject({
    at: Instant,
    reason: LocalizedText,
  }))();
export type ConsultationClosure = z.infer<typeof ConsultationClosure>;

function regionMatchesScope(c: { scope: ConsultationScope; region?: string | undefined }): boolean {
  return c.scope === 'national' ? c.region === undefined : c.region !== undefined;
}

const regionForScope = /* @__PURE__ */ (() =>
  z.refine<{ scope: ConsultationScope; region?: string | undefined }>(regionMatchesScope, {
    message: 'A regional or local consultation names its region; a national one does not',
    path: ['region'],
    params: { code: 'invalid' },
  }))();

/**
 * A public consultation on a draft law, decree, policy, programme or regional plan.
 * `text` (the current version) is present on the detail route only.
 *
 * @example
 * ```ts
 * const c: Consultation = {
 *   id: 'cons_4', reference: 'MA-CONS-2026-0004', title: { ar: 'مشروع قانون الحق في تأسيس الجمعيات' },
 *   summary: { ar: 'مشروع قانون يعدل الظهير 1.58.376' },
 *   issuingBody: { sectorCode: 'relations-parliament', name: { ar: 'الوزارة المكلفة بالعلاقات مع البرلمان' } },
 *   scope: 'national', subjectType: 'draft_law', participationMode: 'open', phase: 'contributions_open',
 *   phases: [{ phase: 'contributions_open', period: { start: '2026-03-01T09:00:00Z', end: '2026-03-31T22:59:00Z' },
 *     timeZone: 'Africa/Casablanca' }],
 *   currentVersionId: 'v1', versions: [{ id: 'v1', label: { ar: 'الصيغة الأولى' }, publishedAt: '2026-03-01T09:00:00Z' }],
 *   questions: [], documents: [], domains: ['human-rights'],
 *   stats: { participants: 0, contributions: 0, recommendations: 0, supports: 0, byRegion: [], byParticipantType: [] },
 * };
 * ```
 */
export const Consultation = /* @__PURE__ */ (() =>
  z
    .strictObject({
      id: Id,
      reference: PublicReference,
      title: LocalizedText,
      summary: LocalizedText,
      issuingBody: IssuingBody,
      scope: ConsultationScope,
      region: z.optional(RegionCode),
      subjectType: SubjectType,
      participationMode: ParticipationMode,
      phase: ConsultationPhase,
      phases: z.array(ConsultationPhaseDates),
      currentVersionId: Id,
      versions: z.array(ConsultationVersionInfo).check(z.minLength(1)),
      text: z.optional(DocumentVersion),
      questions: z.array(ConsultationQuestion),
      stats: ConsultationStats,
      synthesis: z.optional(Synthesis),
      /** Present when contributions were closed early, with the public reason (detail route only). */
      closure: z.optional(ConsultationClosure),
      documents: z.array(ConsultationDocument),
      /** Codes of the domains of intervention in the reference data. */
      domains: z.array(Code),
    })
    .check(
      regionForScope,
      z.refine((c) => c.versions.some((v) => v.id === c.currentVersionId), {
        message: 'The current version must be one of the listed versions',
        path: ['currentVersionId'],
        params: { code: 'invalid_value' },
      }),
    ))();
export type Consultation = z.infer<typeof Consultation>;

/**
 * A consultation as a list shows it: enough for a card, with the closing deadline of contributions.
 *
 * @example
 * ```ts
 * const s: ConsultationSummary = { id: 'cons_4', reference: 'MA-CONS-2026-0004', title: { fr: 'Projet de loi' },
 *   summary: { fr: 'Réforme du droit d’association' }, issuingBody: { sectorCode: 'relations-parliament',
 *   name: { fr: 'Ministère chargé des relations avec le Parlement' } }, scope: 'national', subjectType: 'draft_law',
 *   participationMode: 'open', phase: 'contributions_open', participants: 412, contributions: 958, domains: [],
 *   contributionsClose: { at: '2026-03-31T22:59:00Z', timeZone: 'Africa/Casablanca' } };
 * ```
 */
export const ConsultationSummary = /* @__PURE__ */ (() =>
  z
    .strictObject({
      id: Id,
      reference: PublicReference,
      title: LocalizedText,
      summary: LocalizedText,
      issuingBody: IssuingBody,
      scope: ConsultationScope,
      region: z.optional(RegionCode),
      subjectType: SubjectType,
      participationMode: ParticipationMode,
      phase: ConsultationPhase,
      /** When contributions close, if that phase has a planned end. */
      contributionsClose: z.optional(Deadline),
      participants: Count,
      contributions: Count,
      domains: z.array(Code),
    })
    .check(regionForScope))();
export type ConsultationSummary = z.infer<typeof ConsultationSummary>;

const filter = <T extends z.core.$ZodType>(item: T) => z.optional(z.array(item).check(z.maxLength(50)));

/**
 * Query of `GET /v1/consultations`. Multi-valued filters repeat their key
 * (`?phase=contributions_open&region=MA-06&region=MA-01`).
 *
 * @example
 * ```ts
 * ConsultationSearchQuery.parse({ q: 'جمعيات', phase: ['contributions_open'] }); // limit defaults to 20
 * ```
 */
export const ConsultationSearchQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    q: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
    phase: filter(ConsultationPhase),
    region: filter(RegionCode),
    subjectType: filter(SubjectType),
    /** Sector codes of issuing bodies. */
    issuingBody: filter(Code),
    scope: filter(ConsultationScope),
    ...PageQuery,
  }))();
export type ConsultationSearchQuery = z.infer<typeof ConsultationSearchQuery>;

/**
 * Path params of a consultation route; `consultationId` is the id or the public reference
 * (`MA-CONS-2026-0004`), so an embed can name a consultation as people know it.
 *
 * @example
 * ```ts
 * ConsultationParams.parse({ consultationId: 'MA-CONS-2026-0004' });
 * ```
 */
export const ConsultationParams = /* @__PURE__ */ (() => z.strictObject({ consultationId: Id }))();
export type ConsultationParams = z.infer<typeof ConsultationParams>;

/**
 * Path params of a version route.
 *
 * @example
 * ```ts
 * VersionParams.parse({ consultationId: 'cons_4', versionId: 'v2' });
 * ```
 */
export const VersionParams = /* @__PURE__ */ (() => z.strictObject({ consultationId: Id, versionId: Id }))();
export type VersionParams = z.infer<typeof VersionParams>;

/**
 * Query of the version comparison: the version to compare against (usually the previous one).
 *
 * @example
 * ```ts
 * VersionDiffQuery.parse({ against: 'v1' });
 * ```
 */
export const VersionDiffQuery = /* @__PURE__ */ (() => z.strictObject({ against: Id }))();
export type VersionDiffQuery = z.infer<typeof VersionDiffQuery>;

/**
 * What happened to one article between two versions: `added` has only `after`, `removed` only
 * `before`, `modified` both, `unchanged` may carry `after` for context.
 *
 * @example
 * ```ts
 * const d: ArticleDiff = { articleId: 'art-3', number: '3', change: 'modified',
 *   before: { fr: 'Délai de 30 jours' }, after: { fr: 'Délai de 60 jours' } };
 * ```
 */
export const ArticleDiff = /* @__PURE__ */ (() =>
  z
    .strictObject({
      articleId: Id,
      /** The article number readers see (in the newer version, else the older one). */
      number: z.optional(z.string().check(z.minLength(1), z.maxLength(20))),
      change: z.enum(['added', 'removed', 'modified', 'unchanged']),
      before: z.optional(LocalizedText),
      after: z.optional(LocalizedText),
    })
    .check(
      z.superRefine((d, ctx) => {
        if (d.change === 'added' && d.before !== undefined) {
          ctx.addIssue({
            code: 'custom',
            message: 'An added article has no former text',
            path: ['before'],
            params: { code: 'not_allowed' },
          });
        }
        if (d.change === 'removed' && d.after !== undefined) {
          ctx.addIssue({
            code: 'custom',
            message: 'A removed article has no new text',
            path: ['after'],
            params: { code: 'not_allowed' },
          });
        }
        if (d.change === 'modified' && (d.before === undefined || d.after === undefined)) {
          ctx.addIssue({
            code: 'custom',
            message: 'A modified article shows its text before and after',
            path: [d.before === undefined ? 'before' : 'after'],
            params: { code: 'required' },
          });
        }
      }),
    ))();
export type ArticleDiff = z.infer<typeof ArticleDiff>;

/**
 * The comparison of two versions of a consulted text, article by article (stable ids make it exact).
 *
 * @example
 * ```ts
 * const diff: VersionDiff = { consultationId: 'cons_4', fromVersionId: 'v1', toVersionId: 'v2',
 *   articles: [{ articleId: 'art-12b', number: '12 bis', change: 'added', after: { ar: 'تحدث لجنة جهوية…' } }] };
 * ```
 */
export const VersionDiff = /* @__PURE__ */ (() =>
  z.strictObject({
    consultationId: Id,
    /** The `against` version. */
    fromVersionId: Id,
    /** The version of the path. */
    toVersionId: Id,
    articles: z.array(ArticleDiff),
  }))();
export type VersionDiff = z.infer<typeof VersionDiff>;
