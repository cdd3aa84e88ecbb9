import * as z from 'zod/mini';
import { LOCALES } from './locale.js';

/** One of {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number];

/** Schema of a {@link Locale}. */
export const Locale = /* @__PURE__ */ (() => z.enum(LOCALES))();

/**
 * Text shown to people, in one or more languages; at least one must be present and non-empty.
 *
 * @example
 * ```ts
 * const title: LocalizedText = { ar: 'دعم الجمعيات', fr: 'Soutien aux associations' };
 * ```
 */
export const LocalizedText = /* @__PURE__ */ (() =>
  z
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
    ))();
export type LocalizedText = z.infer<typeof LocalizedText>;
