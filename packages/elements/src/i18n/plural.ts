import type { Locale } from '@nassij/contract';

/** A CLDR plural category, as `Intl.PluralRules#select` returns. */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/**
 * Tamazight (`zgh`) has no plural rules in ICU. We use the singular for exactly 1 and the plural for every
 * other count, 0 included ("0 ⵓⵙⵙⴰⵏ", as "0 days"): that is how Standard Moroccan Tamazight textbooks
 * (IRCAM) agree a noun with a numeral, and it keeps two forms for translators to write.
 */
const ZGH_CATEGORIES: readonly PluralCategory[] = ['one', 'other'];

const rulesCache = new Map<Locale, Intl.PluralRules>();

function rules(locale: Locale): Intl.PluralRules {
  let r = rulesCache.get(locale);
  if (!r) {
    r = new Intl.PluralRules(locale);
    rulesCache.set(locale, r);
  }
  return r;
}

/**
 * The plural category of `count` in `locale`, through `Intl.PluralRules`, with an explicit rule for `zgh`.
 *
 * @example
 * ```ts
 * pluralCategory('ar', 11); // 'many'
 * pluralCategory('zgh', 0); // 'other'
 * ```
 */
export function pluralCategory(locale: Locale, count: number): PluralCategory {
  if (locale === 'zgh') return count === 1 ? 'one' : 'other';
  return rules(locale).select(count) as PluralCategory;
}

/**
 * The plural categories a translator must write for `locale` (Arabic: all six).
 *
 * @example
 * ```ts
 * pluralCategories('en'); // ['one', 'other']
 * ```
 */
export function pluralCategories(locale: Locale): readonly PluralCategory[] {
  if (locale === 'zgh') return ZGH_CATEGORIES;
  return rules(locale).resolvedOptions().pluralCategories as PluralCategory[];
}
