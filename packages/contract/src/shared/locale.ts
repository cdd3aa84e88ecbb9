// Language helpers without zod, so that a component using them does not carry the schemas (those live in
// localized-text.ts).
import type { Locale, LocalizedText } from './localized-text.js';

/**
 * The languages Nassij speaks, in the order a reader is served when a text lacks the requested one.
 * `zgh` is Standard Moroccan Tamazight written in Tifinagh (BCP 47 `zgh-Tfng`).
 */
export const LOCALES = ['ar', 'fr', 'zgh', 'en'] as const;

/** Languages that are written right to left. */
export const RTL_LOCALES: readonly Locale[] = ['ar'];

/**
 * The order in which languages are tried for a reader who asked for `requested`:
 * the requested language, then Arabic, French, English, then whatever remains (Tamazight).
 *
 * @example
 * ```ts
 * fallbackOrder('zgh'); // ['zgh', 'ar', 'fr', 'en']
 * ```
 */
export function fallbackOrder(requested: Locale): Locale[] {
  const order: Locale[] = [requested];
  for (const locale of ['ar', 'fr', 'en', 'zgh'] as const) if (!order.includes(locale)) order.push(locale);
  return order;
}

/**
 * Picks the text for a reader, following {@link fallbackOrder}. Returns the language actually used,
 * so a component can set `lang` on the element that shows it (screen readers then pronounce it right).
 *
 * @example
 * ```ts
 * pickText({ fr: 'Appel' }, 'ar'); // { text: 'Appel', locale: 'fr' }
 * ```
 */
export function pickText(text: LocalizedText, requested: Locale): { text: string; locale: Locale } {
  for (const locale of fallbackOrder(requested)) {
    const value = text[locale];
    if (value) return { text: value, locale };
  }
  return { text: '', locale: requested };
}

/**
 * Normalises a BCP 47 tag (`ar-MA`, `fr-FR`, `zgh-Tfng`, `tzm`) to a Nassij {@link Locale}, or `undefined`.
 *
 * @example
 * ```ts
 * toLocale('ar-MA'); // 'ar'
 * ```
 */
export function toLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const primary = tag.toLowerCase().split(/[-_]/)[0];
  if (primary === 'tzm' || primary === 'ber' || primary === 'shi' || primary === 'rif') return 'zgh';
  return (LOCALES as readonly string[]).includes(primary ?? '') ? (primary as Locale) : undefined;
}
