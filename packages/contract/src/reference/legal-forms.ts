import * as z from 'zod/mini';
import { LegalForm } from '../resources/association.js';
import { LocalizedText } from '../shared/localized-text.js';

/**
 * A legal form with its display name.
 *
 * @example
 * ```ts
 * const form: LegalFormEntry = { code: 'network', name: { fr: 'Réseau' } };
 * ```
 */
export const LegalFormEntry = /* @__PURE__ */ (() =>
  z.strictObject({
    code: LegalForm,
    name: LocalizedText,
  }))();
export type LegalFormEntry = z.infer<typeof LegalFormEntry>;

// The Tifinagh (zgh) names are working translations to be checked by IRCAM.

/**
 * Every legal form, with names in four languages.
 *
 * @example
 * ```ts
 * LEGAL_FORMS.find((f) => f.code === 'federation')?.name.ar; // 'جامعة'
 * ```
 */
export const LEGAL_FORMS: readonly LegalFormEntry[] = [
  { code: 'association', name: { ar: 'جمعية', fr: 'Association', zgh: 'ⵜⴰⵎⵙⵙⵓⴷⵙⵜ', en: 'Association' } },
  { code: 'federation', name: { ar: 'جامعة', fr: 'Fédération', zgh: 'ⵜⴰⴼⵉⴷⵉⵔⴰⵍⵉⵜ', en: 'Federation' } },
  { code: 'network', name: { ar: 'شبكة', fr: 'Réseau', zgh: 'ⴰⵥⵟⵟⴰ', en: 'Network' } },
  {
    code: 'public_utility_association',
    name: {
      ar: 'جمعية معترف لها بصفة المنفعة العامة',
      fr: "Association reconnue d'utilité publique",
      zgh: 'ⵜⴰⵎⵙⵙⵓⴷⵙⵜ ⵏ ⵜⵏⴼⵔⵓⵜ ⵜⴰⵎⴰⵜⴰⵢⵜ',
      en: 'Public-utility association',
    },
  },
];
