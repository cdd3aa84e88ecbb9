import type {
  Consultation,
  FieldError,
  Locale,
  LocalizedText,
  RecommendationOutcome,
  SynthesisCandidate,
  SynthesisCandidateGroup,
  SynthesisDraft,
  UpdateSynthesisDraft,
} from '@nassij/contract';
import { safeHref } from '../base/safe-href.js';
import type { SynthesisPageData } from '../consultation/views/synthesis-page.js';

// The synthesis as the editor holds it while it is written, and its conversions to what the API takes and
// to what the public page shows: pure functions, so that the element, its views and its tests share them.

/**
 * An article's candidates as the editor holds them: its count, the pages loaded so far, and the cursor of
 * the next page (`undefined` before the first page, `null` once every candidate is loaded).
 */
export interface LoadedCandidateGroup extends SynthesisCandidateGroup {
  candidates: SynthesisCandidate[];
  nextCursor: string | null | undefined;
}

/** The candidates as the editor holds them: every group with its count, each loaded page by page. */
export interface LoadedCandidates {
  /** How many candidates the consultation has, loaded or not. */
  total: number;
  groups: LoadedCandidateGroup[];
}

/**
 * Whether a group has candidates still to load.
 *
 * @example
 * ```ts
 * if (hasMore(group)) showMoreButton(group);
 * ```
 */
export function hasMore(group: Pick<LoadedCandidateGroup, 'nextCursor'>): boolean {
  return group.nextCursor !== null;
}

/** Text typed in each language, as typed (empty languages included). */
export type TypedText = Partial<Record<Locale, string>>;

/** What the editor holds for one recommendation or amendment. */
export interface EditedDecision {
  outcome?: RecommendationOutcome | undefined;
  reason: TypedText;
}

/** The synthesis as the manager writes it. */
export interface EditedSynthesis {
  summary: TypedText;
  reportUrl: string;
  /** Per-article summaries, by article id. */
  articles: Record<string, TypedText>;
  /** What became of each recommendation and amendment, by contribution id. */
  decisions: Record<string, EditedDecision>;
}

/** The outcomes, in the order the editor offers them. */
export const OUTCOMES: readonly RecommendationOutcome[] = [
  'accepted',
  'partly_accepted',
  'not_retained',
  'out_of_scope',
];

/** The languages a text is written in: Arabic and French shown, Tamazight and English behind a disclosure. */
export const LANGUAGES: readonly Locale[] = ['ar', 'fr', 'zgh', 'en'];

/**
 * The id of the control a problem's path names: the first outcome of a row, its Arabic reason, the summary.
 *
 * @example
 * ```ts
 * anchorOf('/decisions/ctb_000004/reason'); // 'se-ctb_000004-reason-ar'
 * ```
 */
export function anchorOf(path: string): string {
  const [, top, id, field] = path.split('/');
  if (top === 'decisions' && id) return field === 'reason' ? `se-${id}-reason-ar` : `se-${id}-outcome`;
  if (top === 'reportUrl') return 'se-report';
  return 'se-summary-ar';
}

/**
 * Typed text as the API takes it: each language trimmed, empty ones left out; `undefined` when none is left.
 *
 * @example
 * ```ts
 * cleanText({ ar: ' نص ', fr: '' }); // { ar: 'نص' }
 * ```
 */
export function cleanText(typed: TypedText | undefined): LocalizedText | undefined {
  const clean: Partial<Record<Locale, string>> = {};
  for (const language of LANGUAGES) {
    const value = typed?.[language]?.trim();
    if (value) clean[language] = value;
  }
  return Object.keys(clean).length ? (clean as LocalizedText) : undefined;
}

/**
 * Whether a typed address may be sent as the report's link: a whole http(s) URL.
 *
 * @example
 * ```ts
 * isReportUrl('https://www.sgg.gov.ma/synthese.pdf'); // true
 * isReportUrl('www.sgg'); // false
 * ```
 */
export function isReportUrl(value: string): boolean {
  // The one scheme check of the elements: what safeHref would link to is what may be sent.
  return safeHref(value.trim()) !== undefined;
}

/**
 * The editor's copy of a saved draft.
 *
 * @example
 * ```ts
 * const fields = editedOf(draft);
 * ```
 */
export function editedOf(draft: SynthesisDraft): EditedSynthesis {
  return {
    summary: { ...(draft.summary ?? {}) },
    reportUrl: draft.reportUrl ?? '',
    articles: Object.fromEntries(draft.articles.map((a) => [a.articleId, { ...a.summary }])),
    decisions: Object.fromEntries(
      draft.decisions.map((d) => [d.contributionId, { outcome: d.outcome, reason: { ...(d.reason ?? {}) } }]),
    ),
  };
}

/**
 * The body of the draft's `PUT`: what is written, every decision whether its candidate is loaded here or
 * not (the draft is saved whole: leaving out a decision of a page not loaded would erase it), in the order
 * they were written; a decision left blank is not sent; a report link is sent only once it is a whole
 * address, so that a link being typed never blocks the save of everything else.
 *
 * @example
 * ```ts
 * await client.request(updateSynthesisDraftRef, { params, body: bodyOf(fields), ifMatch: etag });
 * ```
 */
export function bodyOf(fields: EditedSynthesis): UpdateSynthesisDraft {
  const summary = cleanText(fields.summary);
  const articles = Object.entries(fields.articles).flatMap(([articleId, typed]) => {
    const text = cleanText(typed);
    return text ? [{ articleId, summary: text }] : [];
  });
  const decisions = Object.entries(fields.decisions).flatMap(([contributionId, edited]) => {
    const reason = cleanText(edited?.reason);
    if (!edited?.outcome && !reason) return [];
    return [
      {
        contributionId,
        ...(edited?.outcome ? { outcome: edited.outcome } : {}),
        ...(reason ? { reason } : {}),
      },
    ];
  });
  return {
    ...(summary ? { summary } : {}),
    ...(isReportUrl(fields.reportUrl) ? { reportUrl: fields.reportUrl.trim() } : {}),
    articles,
    decisions,
  };
}

/** A candidate with the group (article) it is listed under. */
export interface PlacedCandidate {
  candidate: SynthesisCandidate;
  articleId: string | null;
}

/**
 * Every candidate loaded so far, in the order the editor lists them.
 *
 * @example
 * ```ts
 * candidatesOf(candidates).length <= candidates.total; // true: equal once every page is loaded
 * ```
 */
export function candidatesOf(candidates: LoadedCandidates): PlacedCandidate[] {
  return candidates.groups.flatMap((group) =>
    group.candidates.map((candidate) => ({ candidate, articleId: group.articleId })),
  );
}

/**
 * What publishing would refuse now, as the server checks it: a missing overall summary, and each
 * recommendation or amendment without an outcome or a reason (paths as the API names them). The rows loaded
 * here are checked against what is typed; for the candidates not loaded yet (which nothing here can have
 * changed), `saved` says what the server found missing in the saved draft.
 *
 * @example
 * ```ts
 * missingOf(fields, candidates, draft.problems); // [{ path: '/decisions/ctb_000004/outcome', code: 'required', message: … }]
 * ```
 */
export function missingOf(
  fields: EditedSynthesis,
  candidates: LoadedCandidates,
  saved: readonly FieldError[] = [],
): FieldError[] {
  const problems: FieldError[] = [];
  const required = (path: string): FieldError => ({ path, code: 'required', message: 'Required' });
  if (!cleanText(fields.summary)) problems.push(required('/summary'));
  const loaded = new Set<string>();
  for (const { candidate } of candidatesOf(candidates)) {
    loaded.add(candidate.contributionId);
    const decision = fields.decisions[candidate.contributionId];
    if (!decision?.outcome) problems.push(required(`/decisions/${candidate.contributionId}/outcome`));
    if (!cleanText(decision?.reason))
      problems.push(required(`/decisions/${candidate.contributionId}/reason`));
  }
  for (const problem of saved) {
    const [, top, id] = problem.path.split('/');
    if (top === 'decisions' && id && !loaded.has(id)) problems.push(required(problem.path));
  }
  return problems;
}

/**
 * The synthesis as the public page would show it once published: the decisions with an outcome and a
 * reason of the rows loaded here (the excerpt needs the row's words), and the participation figures as they
 * stand (publishing freezes them).
 *
 * @example
 * ```ts
 * renderSynthesisPage(editor, previewOf(fields, candidates, consultation), { articles });
 * ```
 */
export function previewOf(
  fields: EditedSynthesis,
  candidates: LoadedCandidates,
  consultation: Consultation,
): SynthesisPageData {
  const body = bodyOf(fields);
  const decided = new Map(body.decisions.map((d) => [d.contributionId, d]));
  const closedAt = consultation.phases.find((p) => p.phase === 'contributions_open')?.period.end;
  const stats = consultation.stats;
  return {
    summary: body.summary ?? ({} as LocalizedText),
    ...(body.reportUrl ? { reportUrl: body.reportUrl } : {}),
    articles: body.articles,
    recommendations: candidatesOf(candidates).flatMap(({ candidate, articleId }) => {
      const decision = decided.get(candidate.contributionId);
      if (!decision?.outcome || !decision.reason) return [];
      return [
        {
          contributionId: candidate.contributionId,
          ...(articleId ? { articleId } : {}),
          kind: candidate.kind,
          excerpt: candidate.body.slice(0, 1000) || '…',
          outcome: decision.outcome,
          reason: decision.reason,
        },
      ];
    }),
    ...(closedAt
      ? {
          frozen: {
            participants: stats.participants,
            contributions: stats.contributions,
            supports: stats.supports,
            closedAt,
          },
        }
      : {}),
  };
}
