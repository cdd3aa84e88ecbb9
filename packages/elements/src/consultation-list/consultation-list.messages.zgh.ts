import type { Message } from '../i18n/messages.js';
import type { ConsultationListKey } from './consultation-list.messages.js';

/** Tamazight (Tifinagh) messages of the consultation list, fetched on demand. */
const zgh: Readonly<Record<ConsultationListKey, Message>> = {
  'cons.subject.draft_law': 'ⴰⵙⵏⴼⴰⵔ ⵏ ⵓⵙⵍⵖⵓ',
  'cons.subject.decree': 'ⴰⵙⵏⴼⴰⵔ ⵏ ⵓⵙⵍⴽⵉⵎ',
  'cons.subject.policy': 'ⵜⴰⵙⵔⵜⵉⵜ ⵜⴰⵎⴰⵜⴰⵢⵜ',
  'cons.subject.programme': 'ⴰⵖⴰⵡⴰⵙ',
  'cons.subject.regional_plan': 'ⴰⵖⴰⵡⴰⵙ ⵏ ⵜⵏⴼⵔⵓⵜ ⵜⴰⵏⴰⵎⵓⵏⵜ',
  'cons.scope.national': 'ⵜⴰⵏⴰⵎⵓⵔⵜ',
  'cons.scope.regional': 'ⵜⴰⵏⴰⵎⵓⵏⵜ',
  'cons.scope.local': 'ⵜⴰⴷⵖⴰⵔⴰⵏⵜ',
  'cons.phase.upcoming': 'ⵙ ⴷⴰⵜ',
  'cons.phase.information': 'ⴰⵙⵙⵉⵏⴰ',
  'cons.phase.contributions_open': 'ⵜⵉⵜⵔⴰⵡⵉⵏ ⵕⵥⵎⵏⵜ',
  'cons.phase.closed': 'ⵉⵜⵜⵓⵇⵇⵏ',
  'cons.phase.synthesis_published': 'ⵜⴰⴳⵎⴰⵎⵜ ⵜⵜⵓⵥⵕⴳ',
  'cons.stats.line': '{participants} ⵉⵎⵙⴰⵙⵜⴰⵢⵏ, {contributions} ⵜⵉⵜⵔⴰⵡⵉⵏ',
  'cons.list.region': 'ⵜⴰⵎⵏⴰⴹⵜ',
  'cons.list.title': 'ⵉⵙⵎⵓⵙⵙⵓⵜⵏ ⵉⵎⴰⵜⴰⵢⵏ',
  'cons.list.filters': 'ⵙⵖⵍ ⵉⵙⵎⵓⵙⵙⵓⵜⵏ',
  'cons.list.all': 'ⴰⴽⴽⵡ',
  'cons.list.issuingBody': 'ⴰⵎⵙⵙⵓⴷⵙ',
  'cons.list.phase': 'ⵜⴰⴼⵔⴽⵉⵡⵜ',
  'cons.list.none': 'ⵓⵔ ⵉⵍⵍⵉ ⴽⵔⴰ ⵏ ⵓⵙⵎⵓⵙⵙⵓ ⵉⵎⵙⴰⵙⴰⵏ ⴷ ⵓⵙⵜⴰⵢ ⴰ.',
};

export default zgh;
