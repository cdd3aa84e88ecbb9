// Tamazight words that browsers' Intl cannot be trusted to have: Tifinagh month names and list joining, which
// most browser ICU builds lack. No zod here, so that components carry these without the schemas.

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
