import type {
  Article,
  ConsultationVersionInfo,
  Contribution,
  ContributionReply,
  DocumentVersion,
} from '@nassij/contract';
import type { NassijElement } from '../base/nassij-element.js';

// Types and constants the consultation element and its views share.

/** The kinds of contribution the form writes. */
export type Kind = 'comment' | 'recommendation' | 'amendment';
/** The orders of the contribution list. */
export type Sort = 'most_supported' | 'newest';
/** A contribution or a reply to one. */
export type Item = Contribution | ContributionReply;

/** The open contribution form: its target (an article id, or `null` for the whole text) and kind. */
export interface FormState {
  articleId: string | null;
  kind: Kind;
}

/** The id of the contribution form (question forms are `q-<index>`): ids and errors are per form. */
export const CONTRIBUTION_FORM = 'f';
export const POSITIONS = ['for', 'against', 'neutral'] as const;
export const POSITION_ICON = { for: '✓', against: '✗', neutral: '○' } as const;
export const OUTCOME_ICON = {
  accepted: '✓',
  partly_accepted: '◐',
  not_retained: '✗',
  out_of_scope: '⊘',
} as const;
export const REPORT_REASONS = ['spam', 'abuse', 'off_topic', 'personal_data', 'other'] as const;
/** Counters are announced when fewer characters than this share of the limit remain. */
export const NEAR_LIMIT = 0.1;

/**
 * The articles of a version, in order.
 *
 * @example
 * ```ts
 * articlesOf(consultation.text).length;
 * ```
 */
export function articlesOf(version: DocumentVersion | undefined): Article[] {
  return version?.sections.flatMap((s) => s.articles) ?? [];
}

/**
 * A version's name in the reader's language: its label in that language, else "Version 2" from the
 * catalogue — never another language's label (a Tamazight page showed the Arabic one).
 *
 * @example
 * ```ts
 * versionName(host, { id: 'v2', label: { ar: 'الصيغة الثانية' }, publishedAt }, 1); // 'ⵜⴰⵍⵖⴰ 2' in zgh
 * ```
 */
export function versionName(
  host: NassijElement,
  version: Pick<ConsultationVersionInfo, 'label'> | undefined,
  index: number,
): string {
  return version?.label[host.locale] || host.t('cons.version.numbered', { number: index + 1 });
}
