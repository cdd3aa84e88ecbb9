// How the staff of the organisation that holds a consultation write its synthesis: a draft saved with
// If-Match (summary, a summary per article, and for each recommendation and amendment what became of it
// and why), the list of what needs an answer, and the publication once contributions are closed.
import * as z from 'zod/mini';
import { Id, WebUrl } from '../shared/ids.js';
import { Instant } from '../shared/instant.js';
import { LocalizedText } from '../shared/localized-text.js';
import { PageQuery } from '../shared/page.js';
import { FieldError } from '../shared/problem.js';
import { queryFlag } from '../shared/query-flag.js';
import { RecommendationOutcome } from './consultation.js';
import { ContributionAuthor, Position } from './contribution.js';

/** Most article summaries one synthesis holds (a long law has a few hundred articles). */
export const SYNTHESIS_ARTICLES_MAX = 1000;
/** Most recommendations and amendments one synthesis answers. */
export const SYNTHESIS_DECISIONS_MAX = 5000;

const Count = /* @__PURE__ */ (() => z.number().check(z.int(), z.nonnegative()))();

/**
 * What the synthesis says of one recommendation or amendment. In a draft both `outcome` and `reason` may
 * still be missing; publishing needs them both.
 *
 * @example
 * ```ts
 * const d: SynthesisDecision = { contributionId: 'ctb_000091', outcome: 'accepted',
 *   reason: { ar: 'رُفع الأجل إلى ستين يوما في الصيغة الثالثة', fr: 'Délai porté à 60 jours' } };
 * ```
 */
export const SynthesisDecision = /* @__PURE__ */ (() =>
  z.strictObject({
    contributionId: Id,
    outcome: z.optional(RecommendationOutcome),
    reason: z.optional(LocalizedText),
  }))();
export type SynthesisDecision = z.infer<typeof SynthesisDecision>;

/**
 * The summary of what contributors said about one article.
 *
 * @example
 * ```ts
 * const a: SynthesisArticleSummary = { articleId: 'art-3', summary: { fr: 'Forte demande de délais plus longs' } };
 * ```
 */
export const SynthesisArticleSummary = /* @__PURE__ */ (() =>
  z.strictObject({ articleId: Id, summary: LocalizedText }))();
export type SynthesisArticleSummary = z.infer<typeof SynthesisArticleSummary>;

const draftFields = /* @__PURE__ */ (() => ({
  summary: z.optional(LocalizedText),
  reportUrl: z.optional(WebUrl),
  articles: z.array(SynthesisArticleSummary).check(z.maxLength(SYNTHESIS_ARTICLES_MAX)),
  decisions: z.array(SynthesisDecision).check(z.maxLength(SYNTHESIS_DECISIONS_MAX)),
}))();

/**
 * Body of `PUT /v1/consultations/{consultationId}/synthesis/draft`: the whole draft, replacing the saved one
 * (send `If-Match` with the ETag last read). Article ids are those of the current text; contribution ids
 * those `…/synthesis/candidates` lists. An id given twice is refused.
 *
 * @example
 * ```ts
 * const body: UpdateSynthesisDraft = { summary: { ar: 'تلقت الوزارة 958 مساهمة…' },
 *   articles: [{ articleId: 'art-3', summary: { ar: 'طالب المساهمون بتمديد الأجل' } }],
 *   decisions: [{ contributionId: 'ctb_000091', outcome: 'out_of_scope', reason: { fr: 'Relève d’un décret' } }] };
 * ```
 */
export const UpdateSynthesisDraft = /* @__PURE__ */ (() =>
  z.strictObject(draftFields).check(
    z.superRefine((draft, ctx) => {
      const twice = (ids: string[], path: string) => {
        const seen = new Set<string>();
        ids.forEach((id, i) => {
          if (seen.has(id))
            ctx.addIssue({
              code: 'custom',
              message: `"${id}" appears twice`,
              path: [path, i],
              params: { code: 'invalid_value' },
            });
          seen.add(id);
        });
      };
      twice(
        draft.articles.map((a) => a.articleId),
        'articles',
      );
      twice(
        draft.decisions.map((d) => d.contributionId),
        'decisions',
      );
    }),
  ))();
export type UpdateSynthesisDraft = z.infer<typeof UpdateSynthesisDraft>;

/**
 * The synthesis being written, for the staff of the consultation's organisation. `problems` says what
 * publishing would refuse now: a missing summary, and each recommendation or amendment without an outcome or
 * a reason (`path` `/decisions/{contributionId}/outcome` or `…/reason`). `publishedAt` is set once published.
 *
 * @example
 * ```ts
 * const d: SynthesisDraft = { consultationId: 'cons_0005', revision: 3, updatedAt: '2026-05-01T09:00:00Z',
 *   summary: { fr: '958 contributions reçues' }, articles: [], decisions: [],
 *   problems: [{ path: '/decisions/ctb_000091/outcome', code: 'required', message: 'No outcome yet' }] };
 * ```
 */
export const SynthesisDraft = /* @__PURE__ */ (() =>
  z.strictObject({
    consultationId: Id,
    /** Grows by one at every save. `0` while nothing was saved. */
    revision: Count,
    updatedAt: z.optional(Instant),
    ...draftFields,
    problems: z.array(FieldError),
    publishedAt: z.optional(Instant),
  }))();
export type SynthesisDraft = z.infer<typeof SynthesisDraft>;

/**
 * A recommendation or amendment the synthesis must answer, as the editor lists it: its words, the version
 * it was written on, its supports, and what the draft says of it so far.
 *
 * @example
 * ```ts
 * const c: SynthesisCandidate = { contributionId: 'ctb_000091', kind: 'amendment', versionId: 'v1',
 *   body: 'أقترح تمديد الأجل', proposedText: 'يحدد الأجل في ستين يوما', supports: 14,
 *   author: { displayName: 'جمعية أمل', participantType: 'association' }, createdAt: '2026-03-02T08:00:00Z' };
 * ```
 */
export const SynthesisCandidate = /* @__PURE__ */ (() =>
  z.strictObject({
    contributionId: Id,
    kind: z.enum(['recommendation', 'amendment']),
    versionId: z.optional(Id),
    body: z.string(),
    proposedText: z.optional(z.string()),
    position: z.optional(Position),
    supports: Count,
    author: ContributionAuthor,
    createdAt: Instant,
    outcome: z.optional(RecommendationOutcome),
    reason: z.optional(LocalizedText),
  }))();
export type SynthesisCandidate = z.infer<typeof SynthesisCandidate>;

/**
 * Query of `GET …/synthesis/candidates`: one page of the candidates, most supported first (then newest).
 * `articleId` keeps those on one article; `wholeText: true` those on the whole text rather than an article;
 * neither, every candidate of the consultation. Both at once are refused (422).
 *
 * @example
 * ```ts
 * SynthesisCandidateQuery.parse({ articleId: 'art-3', limit: '50' }); // { articleId: 'art-3', limit: 50 }
 * ```
 */
export const SynthesisCandidateQuery = /* @__PURE__ */ (() =>
  z
    .strictObject({
      articleId: z.optional(Id),
      wholeText: z.optional(queryFlag()),
      ...PageQuery,
    })
    .check(
      z.superRefine((query, ctx) => {
        if (query.articleId !== undefined && query.wholeText)
          ctx.addIssue({
            code: 'custom',
            message: 'Name an article or the whole text, not both',
            path: ['wholeText'],
            params: { code: 'invalid_value' },
          });
      }),
    ))();
export type SynthesisCandidateQuery = z.infer<typeof SynthesisCandidateQuery>;

/**
 * A group of candidates, as `GET …/synthesis/candidates/groups` lists them: an article (or the whole text)
 * and how many candidates it has, to page through with `…/synthesis/candidates?articleId=`.
 *
 * @example
 * ```ts
 * const g: SynthesisCandidateGroup = { articleId: 'art-3', number: '3', count: 412 };
 * ```
 */
export const SynthesisCandidateGroup = /* @__PURE__ */ (() =>
  z.strictObject({
    /** `null`: contributions on the whole text. */
    articleId: z.nullable(Id),
    /** The article's number in the current text; absent for the whole text and removed articles. */
    number: z.optional(z.string()),
    /** True when the article is no longer in the current text. */
    removed: z.optional(z.boolean()),
    /** How many published recommendations and amendments it has. */
    count: Count,
  }))();
export type SynthesisCandidateGroup = z.infer<typeof SynthesisCandidateGroup>;

/**
 * What `GET …/synthesis/candidates/groups` answers: the articles that have candidates, in the order of the
 * current text (articles since removed after them, then the whole text as `articleId: null`), each with
 * its count, and the count of all. As many groups as the text has articles, never one per contribution.
 *
 * @example
 * ```ts
 * const list: SynthesisCandidateGroups = { consultationId: 'cons_0005', total: 413,
 *   groups: [{ articleId: 'art-3', number: '3', count: 412 }, { articleId: null, count: 1 }] };
 * ```
 */
export const SynthesisCandidateGroups = /* @__PURE__ */ (() =>
  z.strictObject({
    consultationId: Id,
    total: Count,
    groups: z.array(SynthesisCandidateGroup),
  }))();
export type SynthesisCandidateGroups = z.infer<typeof SynthesisCandidateGroups>;
