// Words that browsers' Intl cannot be trusted to have: Tamazight (Tifinagh) month names and list joining,
// which most browser ICU builds lack, and readable names of file formats instead of media types. No zod here,
// so that components carry these without the schemas.

/**
 * Month names in Standard Moroccan Tamazight (Tifinagh), January first, as CLDR's `zgh` locale writes them.
 * Browser builds of ICU usually lack `zgh`; formatters put these in place of the fallback locale's months.
 *
 * @example
 * ```ts
 * TAMAZIGHT_MONTHS[2]; // 'ⵎⴰⵕⵚ' (March)
 * ```
 */
export const TAMAZIGHT_MONTHS = [
  'ⵉⵏⵏⴰⵢⵔ',
  'ⴱⵕⴰⵢⵕ',
  'ⵎⴰⵕⵚ',
  'ⵉⴱⵔⵉⵔ',
  'ⵎⴰⵢⵢⵓ',
  'ⵢⵓⵏⵢⵓ',
  'ⵢⵓⵍⵢⵓⵣ',
  'ⵖⵓⵛⵜ',
  'ⵛⵓⵜⴰⵏⴱⵉⵔ',
  'ⴽⵜⵓⴱⵔ',
  'ⵏⵓⵡⴰⵏⴱⵉⵔ',
  'ⴷⵓⵊⴰⵏⴱⵉⵔ',
] as const;

/**
 * Joins words as a Tamazight list: commas, and "ⴷ" ("and") before the last (`disjunction`: "ⵏⵖ", "or").
 * CLDR's `zgh` has no list patterns, so `Intl.ListFormat('zgh')` falls back to English ("a, b, and c").
 *
 * @example
 * ```ts
 * tamazightList(['ⴰ', 'ⴱ', 'ⵛ']); // 'ⴰ, ⴱ ⴷ ⵛ'
 * ```
 */
export function tamazightList(
  items: readonly string[],
  type: 'conjunction' | 'disjunction' = 'conjunction',
): string {
  if (items.length < 2) return items.join('');
  const word = type === 'conjunction' ? 'ⴷ' : 'ⵏⵖ';
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

/** Short names of the file formats calls and consultations accept, by media type. */
const FILE_TYPE_NAMES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'application/msword': 'DOC',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.ms-excel': 'XLS',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.ms-powerpoint': 'PPT',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
  'application/vnd.oasis.opendocument.presentation': 'ODP',
  'application/zip': 'ZIP',
  'text/csv': 'CSV',
  'text/plain': 'TXT',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WEBP',
  'image/gif': 'GIF',
};

/**
 * The name a person knows a file format by (its usual extension, the same in every language), for a media
 * type; an unknown type gives its last word (`application/x-foo` → `FOO`), never the raw media type.
 *
 * @example
 * ```ts
 * fileTypeName('application/vnd.oasis.opendocument.spreadsheet'); // 'ODS'
 * ```
 */
export function fileTypeName(mediaType: string): string {
  const type = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  const known = FILE_TYPE_NAMES[type];
  if (known) return known;
  const subtype = type.split('/')[1] ?? type;
  const word = subtype.split(/[.+-]/).filter(Boolean).pop() ?? subtype;
  return word.toUpperCase().slice(0, 12);
}
