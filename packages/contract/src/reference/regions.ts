import * as z from 'zod/mini';
import { RegionCode } from '../shared/ids.js';
import { pickText } from '../shared/locale.js';
import { type Locale, LocalizedText } from '../shared/localized-text.js';

/**
 * A region of the 2015 territorial division, with its name and its seat (chef-lieu) in four languages.
 *
 * @example
 * ```ts
 * const region: Region = Region.parse({ code: 'MA-09', name: { fr: 'Souss-Massa' }, seat: { fr: 'Agadir' } });
 * ```
 */
export const Region = /* @__PURE__ */ (() =>
  z.strictObject({
    code: RegionCode,
    name: LocalizedText,
    seat: LocalizedText,
  }))();
export type Region = z.infer<typeof Region>;

/*
 * Sources of the names:
 * - décret n° 2-15-40 du 1er joumada I 1436 (20 février 2015) fixant le nombre des régions, leur dénomination,
 *   leur chef-lieu et les préfectures et provinces qui les composent (Arabic and French names, seats);
 * - ISO 3166-2:MA for the codes MA-01 … MA-12 and the English forms;
 * - IRCAM transliteration conventions for the Tifinagh (zgh) forms. Those forms are our transliterations,
 *   not an official list: they are to be checked by IRCAM before being relied upon.
 */

/**
 * The 12 regions of Morocco, in code order.
 *
 * @example
 * ```ts
 * REGIONS.length; // 12
 * REGIONS[0]?.name.fr; // 'Tanger-Tétouan-Al Hoceïma'
 * ```
 */
export const REGIONS: readonly Region[] = [
  {
    code: 'MA-01',
    name: {
      ar: 'طنجة تطوان الحسيمة',
      fr: 'Tanger-Tétouan-Al Hoceïma',
      zgh: 'ⵜⴰⵏⴳⵉⵔ-ⵜⵉⵟⵟⴰⵡⵉⵏ-ⵍⵃⵓⵙⵉⵎⴰ',
      en: 'Tanger-Tetouan-Al Hoceima',
    },
    seat: { ar: 'طنجة', fr: 'Tanger', zgh: 'ⵜⴰⵏⴳⵉⵔ', en: 'Tangier' },
  },
  {
    code: 'MA-02',
    name: { ar: 'الشرق', fr: "L'Oriental", zgh: 'ⴰⴳⵎⵎⵓⴹ', en: 'Oriental' },
    seat: { ar: 'وجدة', fr: 'Oujda', zgh: 'ⵡⵊⴷⴰ', en: 'Oujda' },
  },
  {
    code: 'MA-03',
    name: { ar: 'فاس مكناس', fr: 'Fès-Meknès', zgh: 'ⴼⴰⵙ-ⵎⴽⵏⴰⵙ', en: 'Fez-Meknes' },
    seat: { ar: 'فاس', fr: 'Fès', zgh: 'ⴼⴰⵙ', en: 'Fez' },
  },
  {
    code: 'MA-04',
    name: {
      ar: 'الرباط سلا القنيطرة',
      fr: 'Rabat-Salé-Kénitra',
      zgh: 'ⵔⴱⴰⵟ-ⵙⵍⴰ-ⵇⵏⵉⵟⵔⴰ',
      en: 'Rabat-Sale-Kenitra',
    },
    seat: { ar: 'الرباط', fr: 'Rabat', zgh: 'ⵔⴱⴰⵟ', en: 'Rabat' },
  },
  {
    code: 'MA-05',
    name: {
      ar: 'بني ملال خنيفرة',
      fr: 'Béni Mellal-Khénifra',
      zgh: 'ⴰⵢⵜ ⵎⵍⵍⴰⵍ-ⵅⵏⵉⴼⵕⴰ',
      en: 'Beni Mellal-Khenifra',
    },
    seat: { ar: 'بني ملال', fr: 'Béni Mellal', zgh: 'ⴰⵢⵜ ⵎⵍⵍⴰⵍ', en: 'Beni Mellal' },
  },
  {
    code: 'MA-06',
    name: { ar: 'الدار البيضاء سطات', fr: 'Casablanca-Settat', zgh: 'ⴰⵏⴼⴰ-ⵙⵟⵟⴰⵜ', en: 'Casablanca-Settat' },
    seat: { ar: 'الدار البيضاء', fr: 'Casablanca', zgh: 'ⴰⵏⴼⴰ', en: 'Casablanca' },
  },
  {
    code: 'MA-07',
    name: { ar: 'مراكش آسفي', fr: 'Marrakech-Safi', zgh: 'ⵎⵕⵕⴰⴽⵛ-ⴰⵙⴼⵉ', en: 'Marrakesh-Safi' },
    seat: { ar: 'مراكش', fr: 'Marrakech', zgh: 'ⵎⵕⵕⴰⴽⵛ', en: 'Marrakesh' },
  },
  {
    code: 'MA-08',
    name: { ar: 'درعة تافيلالت', fr: 'Drâa-Tafilalet', zgh: 'ⴷⵔⵄⴰ-ⵜⴰⴼⵉⵍⴰⵍⵜ', en: 'Draa-Tafilalet' },
    seat: { ar: 'الرشيدية', fr: 'Errachidia', zgh: 'ⵉⵎⵜⵖⵔⵏ', en: 'Errachidia' },
  },
  {
    code: 'MA-09',
    name: { ar: 'سوس ماسة', fr: 'Souss-Massa', zgh: 'ⵙⵓⵙ-ⵎⴰⵙⵙⴰ', en: 'Souss-Massa' },
    seat: { ar: 'أكادير', fr: 'Agadir', zgh: 'ⴰⴳⴰⴷⵉⵔ', en: 'Agadir' },
  },
  {
    code: 'MA-10',
    name: { ar: 'كلميم واد نون', fr: 'Guelmim-Oued Noun', zgh: 'ⴳⵍⵎⵉⵎ-ⵡⴰⴷ ⵏⵓⵏ', en: 'Guelmim-Oued Noun' },
    seat: { ar: 'كلميم', fr: 'Guelmim', zgh: 'ⴳⵍⵎⵉⵎ', en: 'Guelmim' },
  },
  {
    code: 'MA-11',
    name: {
      ar: 'العيون الساقية الحمراء',
      fr: 'Laâyoune-Sakia El Hamra',
      zgh: 'ⵍⵄⵢⵓⵏ-ⵙⴰⴳⵢⴰ ⵍⵃⴰⵎⵔⴰ',
      en: 'Laayoune-Sakia El Hamra',
    },
    seat: { ar: 'العيون', fr: 'Laâyoune', zgh: 'ⵍⵄⵢⵓⵏ', en: 'Laayoune' },
  },
  {
    code: 'MA-12',
    name: {
      ar: 'الداخلة وادي الذهب',
      fr: 'Dakhla-Oued Ed-Dahab',
      zgh: 'ⴷⴷⴰⵅⵍⴰ-ⵡⴰⴷ ⴷⴷⴰⵀⴰⴱ',
      en: 'Dakhla-Oued Ed-Dahab',
    },
    seat: { ar: 'الداخلة', fr: 'Dakhla', zgh: 'ⴷⴷⴰⵅⵍⴰ', en: 'Dakhla' },
  },
];

/**
 * The region with this ISO 3166-2 code, or `undefined` for an unknown code.
 *
 * @example
 * ```ts
 * regionByCode('MA-06')?.seat.fr; // 'Casablanca'
 * ```
 */
export function regionByCode(code: string): Region | undefined {
  return REGIONS.find((region) => region.code === code);
}

/**
 * The name of a region in the reader's language (with the usual fallback), or the code itself when it is
 * not a Moroccan region code, so that a label is never blank.
 *
 * @example
 * ```ts
 * regionName('MA-09', 'fr'); // 'Souss-Massa'
 * ```
 */
export function regionName(code: string | undefined, locale: Locale): string {
  const region = code ? regionByCode(code) : undefined;
  return region ? pickText(region.name, locale).text : (code ?? '');
}
