import type { Message } from '../i18n/messages.js';
import type { MyTrainingKey } from './my-training.messages.js';

const zgh: Readonly<Record<MyTrainingKey, Message>> = {
  'tm.title': 'ⵉⵙⴽⵍⵉⵙⵏ ⴷ ⵜⵉⴳⴰⵡⵉⵏ ⵉⵏⵓ',
  'tm.empty': 'ⵓⵔ ⵜⵙⴽⵍⵙⴷ ⴳ ⵢⴰⵜ ⵜⵙⵎⵓⵜⵜⵉ ⴰⵔ ⴷⵉⴳ.',
  'tm.association': 'ⵙ ⵢⵉⵙⵎ ⵏ: {name}',
  'tm.certificate': 'ⴰⵡⵉ ⵜⵉⴳⴰⵡⵜ ⵉⵏⵓ',
  'tm.pdf': 'ⵜⵉⴳⴰⵡⵜ (PDF)',
  'tm.verify': 'ⵜⴰⵙⵏⴰ ⵏ ⵓⵙⵙⵏⵇⴷ',
  'tm.json': 'ⴰⴳⵎ ⵜⵉⴳⴰⵡⵜ ⵜⴰⵏⵓⵎⴰⵏⵜ (JSON)',
  'tm.certHint': 'ⴽⵓ ⵢⴰⵏ ⵎⵉ ⵜⵜ ⵜⵙⵙⴽⵏⴷ ⵉⵣⵎⵔ ⴰⴷ ⵜⵜ ⵉⵙⵙⵏⵇⴷ ⴳ ⵜⵙⵏⴰ ⵏ ⵓⵙⵙⵏⵇⴷ, ⵏⵖ ⵙ ⵓⴼⴰⵢⵍⵓ JSON ⵉⵜⵜⵓⵙⵎⴰⵜⵔⵏ.',
  'tm.competencies': 'ⵜⵉⵣⵎⵔⴰ ⵉⵏⵓ',
  'tm.noCompetencies': 'ⵓⵍⴰ ⵜⴰⵣⵎⵔⵜ ⵉⵜⵜⵓⵙⴽⵍⵙⵏ ⴰⵔ ⴷⵉⴳ: ⴽⵓ ⵜⴰⵙⵎⵓⵜⵜⵉ ⵜⵙⵎⴷⴷ ⴰⴷ ⵜⵔⵏⵓ ⵜⴰⵏⵏⵙ.',
  'tm.level': 'ⴰⵙⵡⵉⵔ ⴰⵎⵇⵇⵔⴰⵏ: {level}',
  'tm.acquired': '{course} — ⵜⵜⵓⵙⵎⴷ ⴳ {date} (ⴰⵙⵡⵉⵔ {level})',
};

export default zgh;
