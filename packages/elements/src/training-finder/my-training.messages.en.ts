import type { Message } from '../i18n/messages.js';
import type { MyTrainingKey } from './my-training.messages.js';

const en: Readonly<Record<MyTrainingKey, Message>> = {
  'tm.title': 'My registrations and certificates',
  'tm.empty': 'You are not registered to any training yet.',
  'tm.association': 'On behalf of: {name}',
  'tm.certificate': 'Get my certificate',
  'tm.pdf': 'Certificate (PDF)',
  'tm.verify': 'Verification page',
  'tm.json': 'Download the digital credential (JSON)',
  'tm.certHint': 'Anyone you show it to can check it on its verification page, or with the signed JSON file.',
  'tm.competencies': 'My competencies',
  'tm.noCompetencies': 'No competency recorded yet: each training you complete adds its own.',
  'tm.level': 'Highest level: {level}',
  'tm.acquired': '{course} — completed on {date} (level {level})',
};

export default en;
