import * as z from 'zod/mini';
import { Code, RegionCode } from '../shared/ids.js';
import { LocalizedText } from '../shared/localized-text.js';

/**
 * The level of the body that funds a call, as the indicators break support down.
 *
 * @example
 * ```ts
 * FunderLevel.parse('regional'); // 'regional'
 * ```
 */
export const FunderLevel = /* @__PURE__ */ (() =>
  z.enum(['national', 'regional', 'provincial', 'communal', 'public_establishment']))();
export type FunderLevel = z.infer<typeof FunderLevel>;

/** What kind of body a sector is. */
export const SectorKind = /* @__PURE__ */ (() =>
  z.enum([
    'ministry',
    'public_establishment',
    'regional_council',
    'provincial_council',
    'communal_council',
  ]))();
export type SectorKind = z.infer<typeof SectorKind>;

/** The funder level each kind of body belongs to; a sector must agree with it. */
export const LEVEL_OF_KIND: Readonly<Record<SectorKind, FunderLevel>> = {
  ministry: 'national',
  public_establishment: 'public_establishment',
  regional_council: 'regional',
  provincial_council: 'provincial',
  communal_council: 'communal',
};

/**
 * A government sector that publishes calls, consultations or trainings: a ministry, a public establishment
 * or an elected council. Councils name their region; national bodies do not.
 *
 * @example
 * ```ts
 * const sector: Sector = Sector.parse({
 *   code: 'region-souss-massa', name: { fr: 'Conseil régional Souss-Massa' },
 *   kind: 'regional_council', level: 'regional', region: 'MA-09',
 * });
 * ```
 */
export const Sector = /* @__PURE__ */ (() =>
  z
    .strictObject({
      code: Code,
      name: LocalizedText,
      kind: SectorKind,
      level: FunderLevel,
      region: z.optional(RegionCode),
    })
    .check(
      z.refine((sector) => LEVEL_OF_KIND[sector.kind] === sector.level, {
        message: 'The level does not match the kind of body',
        path: ['level'],
      }),
      z.refine(
        (sector) =>
          sector.kind.endsWith('_council') ? sector.region !== undefined : sector.region === undefined,
        {
          message: 'Councils name their region; national bodies do not',
          path: ['region'],
        },
      ),
    ))();
export type Sector = z.infer<typeof Sector>;

/*
 * Names follow the 2021 government decree of attributions (Arabic and French as published in the Bulletin
 * officiel). The Tifinagh (zgh) forms are working translations to be checked by IRCAM; where we had none we
 * could stand behind, zgh is left out and readers fall back to Arabic.
 */

/**
 * The sectors shipped as reference data.
 *
 * @example
 * ```ts
 * SECTORS.find((s) => s.code === 'entraide-nationale')?.level; // 'public_establishment'
 * ```
 */
export const SECTORS: readonly Sector[] = [
  {
    code: 'relations-parliament',
    name: {
      ar: 'الوزارة المنتدبة لدى رئيس الحكومة المكلفة بالعلاقات مع البرلمان',
      fr: 'Ministère délégué auprès du Chef du gouvernement chargé des Relations avec le Parlement',
      en: 'Ministry Delegate to the Head of Government for Relations with Parliament',
    },
    kind: 'ministry',
    level: 'national',
  },
  {
    code: 'interior',
    name: {
      ar: 'وزارة الداخلية',
      fr: "Ministère de l'Intérieur",
      zgh: 'ⵜⴰⵎⴰⵡⴰⵙⵜ ⵏ ⵓⴳⵏⵙⵓ',
      en: 'Ministry of the Interior',
    },
    kind: 'ministry',
    level: 'national',
  },
  {
    code: 'youth-culture-communication',
    name: {
      ar: 'وزارة الشباب والثقافة والتواصل',
      fr: 'Ministère de la Jeunesse, de la Culture et de la Communication',
      en: 'Ministry of Youth, Culture and Communication',
    },
    kind: 'ministry',
    level: 'national',
  },
  {
    code: 'solidarity-family',
    name: {
      ar: 'وزارة التضامن والإدماج الاجتماعي والأسرة',
      fr: "Ministère de la Solidarité, de l'Insertion sociale et de la Famille",
      en: 'Ministry of Solidarity, Social Integration and the Family',
    },
    kind: 'ministry',
    level: 'national',
  },
  {
    code: 'national-education',
    name: {
      ar: 'وزارة التربية الوطنية والتعليم الأولي والرياضة',
      fr: "Ministère de l'Éducation nationale, du Préscolaire et des Sports",
      zgh: 'ⵜⴰⵎⴰⵡⴰⵙⵜ ⵏ ⵓⵙⴳⵎⵉ ⴰⵏⴰⵎⵓⵔ',
      en: 'Ministry of National Education, Preschool and Sports',
    },
    kind: 'ministry',
    level: 'national',
  },
  {
    code: 'health',
    name: {
      ar: 'وزارة الصحة والحماية الاجتماعية',
      fr: 'Ministère de la Santé et de la Protection sociale',
      zgh: 'ⵜⴰⵎⴰⵡⴰⵙⵜ ⵏ ⵜⴷⵓⵙⵉ',
      en: 'Ministry of Health and Social Protection',
    },
    kind: 'ministry',
    level: 'national',
  },
  {
    code: 'agriculture',
    name: {
      ar: 'وزارة الفلاحة والصيد البحري والتنمية القروية والمياه والغابات',
      fr: "Ministère de l'Agriculture, de la Pêche maritime, du Développement rural et des Eaux et Forêts",
      zgh: 'ⵜⴰⵎⴰⵡⴰⵙⵜ ⵏ ⵜⴼⵍⵍⴰⵃⵜ',
      en: 'Ministry of Agriculture, Maritime Fisheries, Rural Development, Water and Forests',
    },
    kind: 'ministry',
    level: 'national',
  },
  {
    code: 'entraide-nationale',
    name: { ar: 'التعاون الوطني', fr: 'Entraide Nationale', en: 'National Mutual Aid (Entraide Nationale)' },
    kind: 'public_establishment',
    level: 'public_establishment',
  },
  {
    code: 'ads',
    name: {
      ar: 'وكالة التنمية الاجتماعية',
      fr: 'Agence de Développement Social',
      en: 'Social Development Agency',
    },
    kind: 'public_establishment',
    level: 'public_establishment',
  },
  {
    // Not an établissement public in law (it sits in the Interior ministry), but it funds associations
    // through its own calls, which is what this list is for.
    code: 'indh',
    name: {
      ar: 'التنسيقية الوطنية للمبادرة الوطنية للتنمية البشرية',
      fr: "Coordination nationale de l'Initiative nationale pour le développement humain",
      zgh: 'ⵜⴰⵏⵏⴰⵍⵜ ⵜⴰⵏⴰⵎⵓⵔⵜ ⵉ ⵓⵙⴱⵓⵖⵍⵓ ⴰⵏⴼⴳⴰⵏ',
      en: 'National Coordination of the National Human Development Initiative (INDH)',
    },
    kind: 'public_establishment',
    level: 'public_establishment',
  },
  {
    code: 'region-casablanca-settat',
    name: {
      ar: 'مجلس جهة الدار البيضاء سطات',
      fr: 'Conseil régional Casablanca-Settat',
      zgh: 'ⴰⵙⵇⵇⵉⵎ ⵏ ⵜⵎⵏⴰⴹⵜ ⵏ ⴰⵏⴼⴰ-ⵙⵟⵟⴰⵜ',
      en: 'Casablanca-Settat Regional Council',
    },
    kind: 'regional_council',
    level: 'regional',
    region: 'MA-06',
  },
  {
    code: 'region-souss-massa',
    name: {
      ar: 'مجلس جهة سوس ماسة',
      fr: 'Conseil régional Souss-Massa',
      zgh: 'ⴰⵙⵇⵇⵉⵎ ⵏ ⵜⵎⵏⴰⴹⵜ ⵏ ⵙⵓⵙ-ⵎⴰⵙⵙⴰ',
      en: 'Souss-Massa Regional Council',
    },
    kind: 'regional_council',
    level: 'regional',
    region: 'MA-09',
  },
  {
    code: 'region-tanger-tetouan-al-hoceima',
    name: {
      ar: 'مجلس جهة طنجة تطوان الحسيمة',
      fr: 'Conseil régional Tanger-Tétouan-Al Hoceïma',
      en: 'Tanger-Tetouan-Al Hoceima Regional Council',
    },
    kind: 'regional_council',
    level: 'regional',
    region: 'MA-01',
  },
  {
    code: 'province-azilal',
    name: {
      ar: 'المجلس الإقليمي لأزيلال',
      fr: "Conseil provincial d'Azilal",
      en: 'Azilal Provincial Council',
    },
    kind: 'provincial_council',
    level: 'provincial',
    region: 'MA-05',
  },
  {
    code: 'commune-rabat',
    name: { ar: 'جماعة الرباط', fr: 'Commune de Rabat', en: 'Rabat Municipal Council' },
    kind: 'communal_council',
    level: 'communal',
    region: 'MA-04',
  },
];
