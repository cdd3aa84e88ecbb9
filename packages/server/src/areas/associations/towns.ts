import type { LocalizedText, RegionCode } from '@nassij/contract';

/** A town of the demo data, named in Arabic and French (and in Tifinagh where it is commonly written so). */
export interface Town {
  region: RegionCode;
  name: LocalizedText & { ar: string; fr: string };
  /** The Arabic name with the preposition `بـ` attached ("in Tiznit"). */
  inAr: string;
}

function town(region: RegionCode, ar: string, fr: string, zgh?: string): Town {
  return { region, name: zgh ? { ar, fr, zgh } : { ar, fr }, inAr: `ب${ar}` };
}

/**
 * Towns of the 12 regions used by the demo seeds (associations' communes, training venues).
 *
 * @example
 * ```ts
 * DEMO_TOWNS.filter((t) => t.region === 'MA-09').map((t) => t.name.fr); // ['Agadir', 'Tiznit', …]
 * ```
 */
export const DEMO_TOWNS: readonly Town[] = [
  town('MA-01', 'طنجة', 'Tanger', 'ⵜⴰⵏⴳⵉⵔ'),
  town('MA-01', 'تطوان', 'Tétouan', 'ⵜⵉⵟⵟⴰⵡⵉⵏ'),
  town('MA-01', 'الحسيمة', 'Al Hoceïma', 'ⵍⵃⵓⵙⵉⵎⴰ'),
  town('MA-01', 'شفشاون', 'Chefchaouen'),
  town('MA-02', 'وجدة', 'Oujda', 'ⵡⵊⴷⴰ'),
  town('MA-02', 'الناظور', 'Nador', 'ⵏⴰⴷⵓⵔ'),
  town('MA-02', 'بركان', 'Berkane'),
  town('MA-02', 'فجيج', 'Figuig', 'ⴼⵉⴳⵉⴳ'),
  town('MA-03', 'فاس', 'Fès', 'ⴼⴰⵙ'),
  town('MA-03', 'مكناس', 'Meknès', 'ⵎⴽⵏⴰⵙ'),
  town('MA-03', 'إفران', 'Ifrane', 'ⵉⴼⵔⴰⵏ'),
  town('MA-03', 'تازة', 'Taza', 'ⵜⴰⵣⴰ'),
  town('MA-04', 'الرباط', 'Rabat', 'ⵕⵕⴱⴰⵟ'),
  town('MA-04', 'سلا', 'Salé'),
  town('MA-04', 'القنيطرة', 'Kénitra'),
  town('MA-04', 'الخميسات', 'Khémisset', 'ⵍⵅⵎⵉⵙⴰⵜ'),
  town('MA-05', 'بني ملال', 'Béni Mellal'),
  town('MA-05', 'خنيفرة', 'Khénifra', 'ⵅⵏⵉⴼⵔⴰ'),
  town('MA-05', 'أزيلال', 'Azilal', 'ⴰⵣⵉⵍⴰⵍ'),
  town('MA-05', 'خريبكة', 'Khouribga'),
  town('MA-06', 'الدار البيضاء', 'Casablanca', 'ⴰⵏⴼⴰ'),
  town('MA-06', 'سطات', 'Settat'),
  town('MA-06', 'المحمدية', 'Mohammedia'),
  town('MA-06', 'الجديدة', 'El Jadida'),
  town('MA-07', 'مراكش', 'Marrakech', 'ⵎⵕⵕⴰⴽⵛ'),
  town('MA-07', 'آسفي', 'Safi'),
  town('MA-07', 'الصويرة', 'Essaouira', 'ⵜⴰⵚⵚⵓⵉⵔⵜ'),
  town('MA-07', 'شيشاوة', 'Chichaoua'),
  town('MA-08', 'الرشيدية', 'Errachidia'),
  town('MA-08', 'ورزازات', 'Ouarzazate', 'ⵡⴰⵔⵣⴰⵣⴰⵜ'),
  town('MA-08', 'زاكورة', 'Zagora', 'ⵜⴰⴳⵯⵏⵉⵜ'),
  town('MA-08', 'تنغير', 'Tinghir', 'ⵜⵉⵏⵖⵉⵔ'),
  town('MA-09', 'أكادير', 'Agadir', 'ⴰⴳⴰⴷⵉⵔ'),
  town('MA-09', 'تيزنيت', 'Tiznit', 'ⵜⵉⵣⵏⵉⵜ'),
  town('MA-09', 'تارودانت', 'Taroudant', 'ⵜⴰⵔⵓⴷⴰⵏⵜ'),
  town('MA-09', 'طاطا', 'Tata', 'ⵟⴰⵟⴰ'),
  town('MA-10', 'كلميم', 'Guelmim', 'ⴳⵍⵎⵉⵎ'),
  town('MA-10', 'طانطان', 'Tan-Tan'),
  town('MA-10', 'سيدي إفني', 'Sidi Ifni', 'ⵙⵉⴷⵉ ⵉⴼⵏⵉ'),
  town('MA-11', 'العيون', 'Laâyoune'),
  town('MA-11', 'بوجدور', 'Boujdour'),
  town('MA-11', 'السمارة', 'Smara'),
  town('MA-12', 'الداخلة', 'Dakhla'),
  town('MA-12', 'أوسرد', 'Aousserd'),
];

/**
 * The demo towns of one region (every region has at least two).
 *
 * @example
 * ```ts
 * townsOf('MA-12')[0]?.name.fr; // 'Dakhla'
 * ```
 */
export function townsOf(region: RegionCode): Town[] {
  return DEMO_TOWNS.filter((t) => t.region === region);
}
