import type { SharedMessageKey } from './ar.js';
import type { Message } from './messages.js';

/**
 * Shared UI messages in Standard Moroccan Tamazight, Tifinagh script (`zgh-Tfng`). Two plural forms: `one`
 * for exactly 1, `other` otherwise (see `plural.ts`). Drafted by the engineering team: to be reviewed by an
 * IRCAM-trained translator before release (tracked in the package README).
 */
const zgh: Readonly<Record<SharedMessageKey, Message>> = {
  'state.loading': 'ⴰⵣⴷⴰⵎ…',
  'state.empty': 'ⵓⵍⴰ ⵢⴰⵜ ⵎⴰ ⵢⵜⵜⵓⵙⴽⴰⵏ ⵖⵉⵍⴰ.',
  'state.error': 'ⵜⵍⵍⴰ ⵢⴰⵜ ⵜⵣⴳⵍⵜ.',
  'state.offline': 'ⵓⵔ ⵜⵇⵇⵏⵜ. ⵉⵙⴰⵍⵍ ⵍⵍⵉ ⵜⵥⵕⵉⵜ ⵣⴷ ⵓⵔ ⴷ ⵉⵎⴰⵢⵏⵓⵜⵏ.',
  'state.backOnline': 'ⵜⵓⵍⵙⵜ ⵜⵇⵇⵏⵜ.',
  'action.retry': 'ⴰⵍⵙ',
  'action.search': 'ⵔⵣⵓ',
  'action.filters': 'ⵉⵙⵜⴰⵢⵏ',
  'action.clearFilters': 'ⵙⴼⴹ ⵉⵙⵜⴰⵢⵏ',
  'action.apply': 'ⵙⵙⵎⵔⵙ',
  'action.close': 'ⵔⴳⵍ',
  'action.cancel': 'ⵙⵔ',
  'action.signIn': 'ⴽⵛⵎ',
  'action.signOut': 'ⴼⴼⵖ',
  'pagination.loadMore': 'ⵙⴽⵏ ⵓⴳⴳⴰⵔ',
  'pagination.showing': '{shown} ⵙⴳ {total}',
  'count.results': { one: '{count} ⵜⵢⴰⴼⵓⵜ', other: '{count} ⵜⵢⴰⴼⵓⵜⵉⵏ' },
  'count.daysLeft': { one: 'ⴰⴷ ⵉⵔⴳⵍ ⴷⴳ {count} ⵡⴰⵙⵙ', other: 'ⴰⴷ ⵉⵔⴳⵍ ⴷⴳ {count} ⵡⵓⵙⵙⴰⵏ' },
  'count.seatsLeft': { one: '{count} ⵓⴷⵖⴰⵔ ⴰⵢ ⵉⵇⵇⵉⵎⵏ', other: '{count} ⵉⴷⵖⴰⵔⵏ ⴰⵢ ⵉⵇⵇⵉⵎⵏ' },
  'count.contributions': { one: '{count} ⵜⵡⵙⵉⵜ', other: '{count} ⵜⵡⵙⵉⵡⵉⵏ' },
  'deadline.closesToday': 'ⴰⴷ ⵉⵔⴳⵍ ⴰⵙⵙⴰ',
  'deadline.closed': 'ⵉⵔⴳⵍ',
  'deadline.at': 'ⴰⵣⵎⵣ ⴰⵏⴳⴳⴰⵔⵓ: {date}',
  'status.forecast': 'ⴰⵔ ⴷ ⵉⵜⵜⴰⵙ',
  'status.open': 'ⵉⵕⵥⵎ',
  'status.closed': 'ⵉⵔⴳⵍ',
  'status.under_review': 'ⴰⵔ ⵉⵜⵜⵓⵙⵙⵏⵇⴰⴷ',
  'status.awarded': 'ⵉⵜⵜⵓⴼⴽⴰ',
  'status.cancelled': 'ⵉⵜⵜⵓⵙⵔ',
  'status.draft': 'ⴰⵣⵡⵉⵔ',
  'status.published': 'ⵉⵜⵜⵓⵙⵙⵓⴼⵖ',
  'field.required': 'ⵉⴳⵔ ⴰ ⵉⵇⵇⴰⵏ.',
  'field.unknown_field': 'ⵉⴳⵔ ⴰ ⵓⵔ ⵉⵜⵜⵓⵇⴱⴰⵍ.',
  'field.invalid_type': 'ⴰⵏⴰⵡ ⵏ ⵜⵎⵙⵙⵓⴹⵜ ⴰ ⵓⵔ ⵉⵚⵃⵉⵃ.',
  'field.invalid_format': 'ⵜⴰⵍⵖⴰ ⵏ ⵜⵎⵙⵙⵓⴹⵜ ⴰ ⵓⵔ ⵜⵚⵃⵉⵃ.',
  'field.invalid_value': 'ⵜⴰⵎⵙⵙⵓⴹⵜ ⴰ ⵓⵔ ⵜⵍⵍⵉ ⴳ ⵉⵙⵜⵉⵢⵏ.',
  'field.too_short': 'ⵙⵙⴽⵛⵎ ⵓⵍⴰ ⴷ {minimum} ⵏ ⵉⵙⴽⴽⵉⵍⵏ.',
  'field.too_long': 'ⵙⵙⴽⵛⵎ ⴰⵔ {maximum} ⵏ ⵉⵙⴽⴽⵉⵍⵏ ⵡⴰⵍⴰ ⵓⴳⴳⴰⵔ.',
  'field.too_small': 'ⵙⵙⴽⵛⵎ ⵜⴰⵎⵙⵙⵓⴹⵜ ⵓⵍⴰ ⴷ {minimum}.',
  'field.too_big': 'ⵙⵙⴽⵛⵎ ⵜⴰⵎⵙⵙⵓⴹⵜ ⴰⵔ {maximum} ⵡⴰⵍⴰ ⵓⴳⴳⴰⵔ.',
  'field.not_multiple_of': 'ⵙⵙⴽⵛⵎ ⴰⵙⴳⴳⵓⵜ ⵏ {divisor}.',
  'field.not_allowed': 'ⵜⴰⵎⵙⵙⵓⴹⵜ ⴰ ⵓⵔ ⵜⵜⵓⵙⵓⵔⴼ.',
  'field.invalid': 'ⵜⴰⵎⵙⵙⵓⴹⵜ ⴰ ⵓⵔ ⵜⵚⵃⵉⵃ.',
  'error.network_error': 'ⵓⵔ ⵜⵜⵓⵍⴽⴰⵎ ⵜⵖⵉⵡⴰⵏⵜ ⵖⵉⵍⴰ. ⴰⵍⵙ ⴷⴼⴼⵉⵔ ⵛⵡⵉⵢ.',
  'error.timeout': 'ⵜⴰⵖⵉⵡⴰⵏⵜ ⵜⵙⵙⵓⵖⵣⴼ ⴰⵔⵔⴰ.',
  'error.offline': 'ⵓⵔ ⵜⵇⵇⵏⵜ.',
  'error.unknown': 'ⵜⵍⵍⴰ ⵢⴰⵜ ⵜⵣⴳⵍⵜ.',
};

export default zgh;
