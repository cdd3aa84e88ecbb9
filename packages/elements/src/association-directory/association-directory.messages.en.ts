import type { Message } from '../i18n/messages.js';
import type { DirectoryKey } from './association-directory.messages.js';

/** English messages of `<nassij-association-directory>`, fetched on demand. */
const en: Readonly<Record<DirectoryKey, Message>> = {
  'dir.title': 'Association directory',
  'dir.search': 'Search associations',
  'dir.q': 'Association name (Arabic or French)',
  'dir.region': 'Region',
  'dir.anyRegion': 'All regions',
  'dir.domain': 'Field of action',
  'dir.anyDomain': 'All fields',
  'dir.status': 'Status',
  'dir.publicUtilityOnly': 'Public utility only',
  'dir.submit': 'Search',
  'dir.count': { one: '{count} association', other: '{count} associations' },
  'dir.countEstimated': { one: 'about {count} association', other: 'about {count} associations' },
  'dir.results': 'Results',
  'dir.none': 'No association matches this search.',
  'dir.more': 'Show more',
  'dir.publicUtility': 'Public utility',
  'dir.profile': 'Association profile',
  'dir.close': 'Close the profile',
  'dir.registration': 'Registration number',
  'dir.domains': 'Fields of action',
  'dir.status.yes': 'Recognised as of public utility',
  'dir.status.no': 'Not recognised as of public utility',
  'dir.founded': 'Founded on',
  'dir.stats': 'On the platform',
  'dir.callsAppliedTo': 'Calls applied to',
  'dir.awardsReceived': 'Awards received',
  'dir.amountReceived': 'Total amount received',
  'dir.trainingsAttended': 'Trainings attended',
  'dir.website': 'Website',
  'dir.annualReports': 'Annual reports filed',
  'dir.annualReportsNone': 'None',
};
export default en;
