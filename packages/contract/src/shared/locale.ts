import * as z from 'zod/mini';

/**
 * The languages Nassij speaks, in the order a reader is served when a text lacks the requested one.
 * `zgh` is Standard Moroccan Tamazight written in Tifinagh (BCP 47 `zgh-Tfng`).
 */
export const LOCALES = ['ar', 'fr', 'zgh', 'en'] as const;

/** One of {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number];

/** Schema of a {@link Locale}. */
export const Locale = /* @__PURE__ */ z.enum(LOCALES);

/** Languages that are written right to left. */
export const RTL_LOCALES: readonly Locale[] = ['ar'];

/**
 * Text shown to people, in one or more languages; at least one must be present and non-empty.
 *
 * @example
 * ```ts
 * const title: LocalizedText = { ar: 'دعم الجمعيات', fr: 'Soutien aux associations' };
 * ```
 */
export const LocalizedText = /* @__PURE__ */ z
  .strictObject({
    ar: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(20_000))),
    fr: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(20_000))),
    zgh: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(20_000))),
    en: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(20_000))),
  })
  .check(
    z.refine((text) => LOCALES.some((locale) => text[locale] !== undefined), {
      message: 'At least one language is required',
      params: { code: 'required' },
    }),
  );
export type LocalizedText = z.infer<typeof LocalizedText>;

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
