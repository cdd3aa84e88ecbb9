import type { Message } from '../i18n/messages.js';
import type { DirectoryKey } from './association-directory.messages.js';

/** Tamazight (Tifinagh) messages of `<nassij-association-directory>`, fetched on demand; drafts to be reviewed. */
const zgh: Readonly<Record<DirectoryKey, Message>> = {
  'dir.title': 'ⴰⵙⵎⵉⵍ ⵏ ⵜⵎⵙⵙⵓⴷⴰⵙⵉⵏ',
  'dir.search': 'ⵙⵉⴳⴳⵍ ⵜⵉⵎⵙⵙⵓⴷⴰⵙⵉⵏ',
  'dir.q': 'ⵉⵙⵎ ⵏ ⵜⵎⵙⵙⵓⴷⴰⵙⵜ (ⵙ ⵜⵄⵔⴰⴱⵜ ⵏⵖ ⵙ ⵜⴼⵔⴰⵏⵙⵉⵙⵜ)',
  'dir.region': 'ⵜⴰⵎⵏⴰⴹⵜ',
  'dir.anyRegion': 'ⴽⵓⵍⵍⵓ ⵜⵉⵎⵏⴰⴹⵉⵏ',
  'dir.domain': 'ⴰⵏⴰⵡ ⵏ ⵜⵡⵓⵔⵉ',
  'dir.anyDomain': 'ⴽⵓⵍⵍⵓ ⵉⵏⴰⵡⵏ',
  'dir.status': 'ⴰⴷⴷⴰⴷ',
  'dir.publicUtilityOnly': 'ⵜⵉⵏ ⵏ ⵜⵏⴼⵔⵓⵜ ⵜⴰⵎⴰⵜⴰⵢⵜ ⴽⴰⵏ',
  'dir.submit': 'ⵙⵉⴳⴳⵍ',
  'dir.count': { one: '{count} ⵜⵎⵙⵙⵓⴷⴰⵙⵜ', other: '{count} ⵜⵎⵙⵙⵓⴷⴰⵙⵉⵏ' },
  'dir.countEstimated': { one: '≈ {count} ⵜⵎⵙⵙⵓⴷⴰⵙⵜ', other: '≈ {count} ⵜⵎⵙⵙⵓⴷⴰⵙⵉⵏ' },
  'dir.results': 'ⵜⵉⵢⴰⴼⵓⵜⵉⵏ',
  'dir.none': 'ⵓⵍⴰ ⵜⴰⵎⵙⵙⵓⴷⴰⵙⵜ ⵉⵎⵙⴰⵙⴰⵏ ⴷ ⵓⵔⵣⵣⵓ ⴰⴷ.',
  'dir.more': 'ⵙⵎⴰⵍ ⵓⴳⴳⴰⵔ',
  'dir.publicUtility': 'ⵜⴰⵏⴼⵔⵓⵜ ⵜⴰⵎⴰⵜⴰⵢⵜ',
  'dir.profile': 'ⵜⴰⴼⵉⵛⵜ ⵏ ⵜⵎⵙⵙⵓⴷⴰⵙⵜ',
  'dir.close': 'ⵔⴳⵍ ⵜⴰⴼⵉⵛⵜ',
  'dir.registration': 'ⵓⵟⵟⵓⵏ ⵏ ⵓⵙⴰⵡⵍ',
  'dir.domains': 'ⵉⵏⴰⵡⵏ ⵏ ⵜⵡⵓⵔⵉ',
  'dir.status.yes': 'ⵜⴰⵎⵙⵙⵓⴷⴰⵙⵜ ⵏ ⵜⵏⴼⵔⵓⵜ ⵜⴰⵎⴰⵜⴰⵢⵜ',
  'dir.status.no': 'ⵓⵔ ⵜⴻⵜⵜⵓⵙⵙⵏ ⵙ ⵜⵏⴼⵔⵓⵜ ⵜⴰⵎⴰⵜⴰⵢⵜ',
  'dir.founded': 'ⴰⵙⵙ ⵏ ⵜⵓⵙⵙⵓⵏⵜ',
  'dir.stats': 'ⴳ ⵜⵖⴰⵡⵙⴰ',
  'dir.callsAppliedTo': 'ⵉⵙⵓⵜⴰⵔ ⵉⵙ ⵜⴻⵙⵙⵓⴼⵖ ⴰⵙⵓⵜⵔ',
  'dir.awardsReceived': 'ⵜⵉⵡⵉⵙⵉⵏ ⵉⵜⵜⵓⵙⴽⴰⵔⵏ',
  'dir.amountReceived': 'ⴰⵎⴹⴰⵏ ⵏ ⵉⴷⵔⵉⵎⵏ',
  'dir.trainingsAttended': 'ⵉⵙⵍⵎⴰⴷⵏ ⵉⵙ ⵜⴻⵍⵍⴰ',
  'dir.website': 'ⴰⵙⵉⵜ',
  'dir.annualReports': 'ⵉⵏⵇⵇⵉⵙⵏ ⵏ ⵓⵙⴳⴳⵯⴰⵙ ⵉⵜⵜⵓⵙⵔⵙⵏ',
  'dir.annualReportsNone': 'ⵓⵍⴰ ⵢⴰⵏ',
};
export default zgh;
