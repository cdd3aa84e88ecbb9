import {
  fallbackOrder,
  type Locale,
  type LocalizedText,
  pickText,
  type WordDiffPart,
  wordDiff,
} from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import type { NassijElement } from '../../base/nassij-element.js';

// A word-level comparison shown inline: kept words as they are, added words in <ins> (underlined), removed
// words in <del> (struck through), each with a label screen readers read ("added", "removed") since neither
// colour nor a line is heard. Every text goes in as text content (never as markup), in its own direction.

/**
 * The comparison of two texts, word by word (see the contract's `wordDiff`).
 *
 * @example
 * ```ts
 * html`${renderWordDiff(host, wordDiff('ثلاثين يوما', 'ستين يوما'), 'ar')}`;
 * ```
 */
export function renderWordDiff(
  host: NassijElement,
  parts: readonly WordDiffPart[],
  lang: string | undefined,
): TemplateResult {
  const label = (key: 'cons.diff.added' | 'cons.diff.removed') =>
    html`<span class="visually-hidden" lang=${host.locale}>${host.t(key)}: </span>`;
  return html`<p class="word-diff user-text" dir="auto" lang=${lang ?? nothing}>${parts.map((part) =>
    part.op === 'equal'
      ? part.text
      : part.op === 'insert'
        ? html`<ins>${label('cons.diff.added')}${part.text}</ins>`
        : html`<del>${label('cons.diff.removed')}${part.text}</del>`,
  )}</p>`;
}

/**
 * The key to the marks, for sighted readers (screen readers hear each mark's own label instead).
 *
 * @example
 * ```ts
 * html`${renderDiffLegend(host)}${renderWordDiff(host, parts, 'fr')}`;
 * ```
 */
export function renderDiffLegend(host: NassijElement): TemplateResult {
  return html`<p class="diff-legend" aria-hidden="true"><ins>${host.t('cons.diff.added')}</ins> <del>${host.t('cons.diff.removed')}</del></p>`;
}

/**
 * Two versions of a localized text compared in one language: the reader's if both have it, else the first
 * language both have in the platform's fallback order (each side in the same language, or the comparison
 * would be meaningless).
 *
 * @example
 * ```ts
 * const { parts, lang } = diffLocalized('fr', before, after);
 * ```
 */
export function diffLocalized(
  locale: Locale,
  before: LocalizedText,
  after: LocalizedText,
): { parts: WordDiffPart[]; lang: Locale } {
  const common = fallbackOrder(locale).find((l) => before[l] && after[l]);
  if (common) return { parts: wordDiff(before[common] ?? '', after[common] ?? ''), lang: common };
  const older = pickText(before, locale);
  return { parts: wordDiff(older.text, pickText(after, locale).text), lang: older.locale };
}

/**
 * The language a contributor's words are most likely in, from their script: Arabic letters, Tifinagh,
 * else a Latin-script language (French, the platform's other official language, unless only English is there).
 *
 * @example
 * ```ts
 * scriptLocale('لا تقل مدة التشاور', ['ar', 'fr']); // 'ar'
 * ```
 */
export function scriptLocale(text: string, available: readonly Locale[]): Locale | undefined {
  const guess: Locale[] = /\p{Script=Arabic}/u.test(text)
    ? ['ar']
    : /\p{Script=Tifinagh}/u.test(text)
      ? ['zgh']
      : ['fr', 'en'];
  return guess.find((locale) => available.includes(locale));
}
