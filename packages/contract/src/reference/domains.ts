import * as z from 'zod/mini';
import { LocalizedText } from '../shared/localized-text.js';

/** Codes of the domains of intervention; stable, never renamed (calls and associations store them). */
export const DOMAIN_CODES = [
  'education',
  'health',
  'environment',
  'womens-rights',
  'youth',
  'childhood',
  'disability',
  'culture',
  'sport',
  'human-rights',
  'rural-development',
  'digital',
  'social-economy',
  'elderly',
  'migration',
  'water',
] as const;

/**
 * A domain of intervention code.
 *
 * @example
 * ```ts
 * DomainCode.parse('womens-rights'); // 'womens-rights'
 * ```
 */
export const DomainCode = /* @__PURE__ */ (() => z.enum(DOMAIN_CODES))();
export type DomainCode = z.infer<typeof DomainCode>;

/**
 * A domain of intervention of associations and calls.
 *
 * @example
 * ```ts
 * const domain: Domain = { code: 'water', name: { ar: 'الماء', fr: 'Eau' } };
 * ```
 */
export const Domain = /* @__PURE__ */ (() =>
  z.strictObject({
    code: DomainCode,
    name: LocalizedText,
  }))();
export type Domain = z.infer<typeof Domain>;

// The Tifinagh (zgh) names are working translations to be checked by IRCAM.

/**
 * Every domain of intervention, in display order.
 *
 * @example
 * ```ts
 * DOMAINS.find((d) => d.code === 'health')?.name.ar; // 'الصحة'
 * ```
 */
export const DOMAINS: readonly Domain[] = [
  { code: 'education', name: { ar: 'التربية والتعليم', fr: 'Éducation', zgh: 'ⴰⵙⴳⵎⵉ', en: 'Education' } },
  { code: 'health', name: { ar: 'الصحة', fr: 'Santé', zgh: 'ⵜⴰⴷⵓⵙⵉ', en: 'Health' } },
  { code: 'environment', name: { ar: 'البيئة', fr: 'Environnement', zgh: 'ⵜⴰⵡⵏⴰⴹⵜ', en: 'Environment' } },
  {
    code: 'womens-rights',
    name: { ar: 'حقوق المرأة', fr: 'Droits des femmes', zgh: 'ⵉⵣⵔⴼⴰⵏ ⵏ ⵜⵎⵖⴰⵔⵉⵏ', en: "Women's rights" },
  },
  { code: 'youth', name: { ar: 'الشباب', fr: 'Jeunesse', zgh: 'ⵉⵍⵎⵥⵢⴰⵏ', en: 'Youth' } },
  { code: 'childhood', name: { ar: 'الطفولة', fr: 'Enfance', zgh: 'ⵉⴼⵔⵅⴰⵏ', en: 'Childhood' } },
  {
    code: 'disability',
    name: { ar: 'الإعاقة', fr: 'Handicap', zgh: 'ⵉⵎⵙⵍⴰⵢⵏ ⵙ ⵜⵏⴰⴼⵍⵜ', en: 'Disability' },
  },
  { code: 'culture', name: { ar: 'الثقافة', fr: 'Culture', zgh: 'ⵜⴰⴷⵍⵙⴰ', en: 'Culture' } },
  { code: 'sport', name: { ar: 'الرياضة', fr: 'Sport', zgh: 'ⵜⵓⵏⵏⵓⵏⵏⵉ', en: 'Sport' } },
  {
    code: 'human-rights',
    name: { ar: 'حقوق الإنسان', fr: "Droits de l'homme", zgh: 'ⵉⵣⵔⴼⴰⵏ ⵏ ⵓⴼⴳⴰⵏ', en: 'Human rights' },
  },
  {
    code: 'rural-development',
    name: {
      ar: 'التنمية القروية',
      fr: 'Développement rural',
      zgh: 'ⴰⵙⴱⵓⵖⵍⵓ ⵏ ⵓⵎⴰⵣⵉⵔ',
      en: 'Rural development',
    },
  },
  { code: 'digital', name: { ar: 'الرقمنة', fr: 'Numérique', zgh: 'ⴰⵏⵓⵎⴰⵏ', en: 'Digital' } },
  {
    code: 'social-economy',
    name: {
      ar: 'الاقتصاد الاجتماعي والتضامني',
      fr: 'Économie sociale et solidaire',
      zgh: 'ⵜⴰⴷⴰⵎⵙⴰ ⵜⴰⵏⴰⵎⵓⵏⵜ',
      en: 'Social and solidarity economy',
    },
  },
  { code: 'elderly', name: { ar: 'المسنون', fr: 'Personnes âgées', zgh: 'ⵉⵎⵖⴰⵔⵏ', en: 'Older people' } },
  { code: 'migration', name: { ar: 'الهجرة', fr: 'Migration', zgh: 'ⴰⵏⵎⵓⴳⴳⴰ', en: 'Migration' } },
  { code: 'water', name: { ar: 'الماء', fr: 'Eau', zgh: 'ⴰⵎⴰⵏ', en: 'Water' } },
];
