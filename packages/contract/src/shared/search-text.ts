// Arabic marks folded away: tashkeel (fathatan … sukun, U+064B–U+065F), the superscript alef (U+0670),
// Quranic annotation signs (U+06D6–U+06ED) and the tatweel (U+0640) used to stretch words.
const ARABIC_MARKS = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
// Latin combining accents left after NFD decomposition (é → e + U+0301).
const LATIN_ACCENTS = /[\u0300-\u036F]/g;

const LETTER_VARIANTS: Record<string, string> = {
  // Alef with hamza above/below, madda and wasla are written as a bare alef by most people.
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  // Alef maqsura and the Farsi ya are read as ya; a final ta marbuta as ha.
  ى: 'ي',
  ی: 'ي',
  ة: 'ه',
  // Hamza on waw and ya.
  ؤ: 'و',
  ئ: 'ي',
  // Ligatures and letters some keyboards produce.
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
};
const VARIANT_PATTERN = new RegExp(`[${Object.keys(LETTER_VARIANTS).join('')}]`, 'g');

/**
 * Folds text for search, the same way on the indexed text and on the query: Arabic tashkeel and tatweel
 * removed, alef, ya, ta marbuta and hamza forms unified; Latin accents and case folded; punctuation
 * turned into spaces. So `جمعية` finds `الجمعيّة` and `etudiant` finds `Étudiant`.
 *
 * @example
 * ```ts
 * foldForSearch('الجمعيّة'); // 'الجمعيه'
 * foldForSearch('Étudiant·e'); // 'etudiant e'
 * ```
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(LATIN_ACCENTS, '')
    .replace(ARABIC_MARKS, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(VARIANT_PATTERN, (letter) => LETTER_VARIANTS[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The search terms of a query: folded words, with the Arabic definite article `ال` (and `وال`, `بال`,
 * `لل`) taken off so that `جمعية` matches `الجمعية`. Words of one letter are dropped.
 *
 * @example
 * ```ts
 * searchTerms('الجمعيّة للتنمية'); // ['جمعيه', 'تنميه']
 * ```
 */
export function searchTerms(text: string): string[] {
  return foldForSearch(text)
    .split(' ')
    .map((word) => word.replace(/^(?:وال|بال|فال|كال|ال|لل)(?=\p{L}{2,})/u, ''))
    .filter((word) => [...word].length > 1 && word !== 'ال');
}
