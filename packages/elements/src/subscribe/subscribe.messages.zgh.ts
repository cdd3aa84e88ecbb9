import type { Message } from '../i18n/messages.js';
import type { SubscribeKey } from './subscribe.messages.js';

// Working drafts, to be reviewed by an IRCAM-trained translator.
const zgh: Readonly<Record<SubscribeKey, Message>> = {
  'sub.title.calls': 'ⴹⴼⵕ ⵉⵙⵓⵜⴰⵔ ⵉⵎⴰⵢⵏⵓⵜⵏ ⵙ ⵉⵎⵉⵍ',
  'sub.title.consultation': 'ⴹⴼⵕ ⴰⵙⵎⵔⴰⵙ ⴰⴷ ⵙ ⵉⵎⵉⵍ',
  'sub.intro.calls': 'ⴰⴷ ⴰⵡⵏ ⵏⴰⵔⵓ ⵎⴽ ⵉⵜⵜⵓⵙⵙⵓⴼⵖ ⵢⴰⵏ ⵓⵙⵓⵜⵔ ⵉⵎⵙⴰⵙⴰⵏ ⴷ ⵜⵉⴼⵔⴰⵏ ⵏⵏⵓⵏ, ⵏⵖ ⵉⵜⵜⵓⵙⵏⴼⵍ, ⵏⵖ ⵉⵜⵜⵓⵔⴳⵍ.',
  'sub.intro.consultation': 'ⴰⴷ ⴰⵡⵏ ⵏⴰⵔⵓ ⴳ ⴽⵓ ⴰⵎⴰⵢⵏⵓ ⵏ ⵓⵙⵎⵔⴰⵙ ⴰⴷ: ⵜⴰⵏⵖⵍⴰ ⵜⴰⵎⴰⵢⵏⵓⵜ, ⴰⵙⵉⴽⵍ, ⴰⵙⵎⵓⵏ ⵉⵜⵜⵓⵙⵙⵓⴼⵖⵏ.',
  'sub.email': 'ⵜⴰⵏⵙⴰ ⵏⵏⵓⵏ ⵏ ⵉⵎⵉⵍ',
  'sub.email.hint': 'ⴰⴷ ⵙ ⵙ ⵏⴰⵣⵏ ⴰⵙⵖⵏ ⵉ ⵓⵙⵏⵜⵎ ⵏ ⵓⵎⴰⵜⵔⵓ.',
  'sub.email.required': 'ⴰⵔⵓ ⵜⴰⵏⵙⴰ ⵏⵏⵓⵏ ⵏ ⵉⵎⵉⵍ.',
  'sub.email.invalid': 'ⴰⵔⵓ ⵜⴰⵏⵙⴰ ⵏ ⵉⵎⵉⵍ ⵉⵚⵃⴰⵏ, ⴰⵎ {example}.',
  'sub.which': 'ⵎⴰⵏ ⵉⵙⵓⵜⴰⵔ?',
  'sub.which.hint': 'ⴰⵊⵊ «ⴰⴽⴽ» ⴳ ⵢⴰⵏ ⵓⵙⵏⴼⴰⵔ ⴰⴷ ⴷ ⴰⵡⵏ ⵉⵍⴽⵎ ⴽⵓⵍⵍⵓ ⵎⴰ ⵜ ⵢⵓⵖⵏ.',
  'sub.region': 'ⵜⴰⵎⵏⴰⴹⵜ',
  'sub.sector': 'ⴰⵏⵙⵏⴰⴷ',
  'sub.funder': 'ⵜⴰⵙⵓⴷⵙⵜ ⵏ ⵓⵙⵏⴰⴷ',
  'sub.domain': 'ⵜⴰⵖⵓⵍⵜ',
  'sub.any': 'ⴰⴽⴽ',
  'sub.unknownChoice': '{code} (ⵓⵔ ⵉⵜⵜⵓⵙⵙⵏ)',
  'sub.choice.invalid': 'ⴰⴼⵔⴰⵏ ⴰⴷ ⵓⵔ ⵉⵜⵜⵓⵙⵙⵏ. ⴼⵔⵏ ⵙⴳ ⵜⵍⴳⴰⵎⵜ.',
  'sub.consultation': 'ⴰⵙⵎⵔⴰⵙ',
  'sub.request': 'ⴰⵙⵓⵜⵔ',
  'sub.digest': 'ⵎⵏⵛⴽ ⵏ ⵜⵉⴽⴽⴰⵍ?',
  'sub.digest.immediate': 'ⴳ ⴽⵓ ⴰⵎⴰⵢⵏⵓ',
  'sub.digest.daily': 'ⴰⵙⵖⵓⵍ ⴳ ⵡⴰⵙⵙ, ⴳ 8',
  'sub.digest.weekly': 'ⴰⵙⵖⵓⵍ ⴳ ⵉⵎⴰⵍⴰⵙⵙ, ⴰⵢⵏⴰⵙ ⴳ 8',
  'sub.consent':
    'ⵏⵃⴹⵓ ⵜⴰⵏⵙⴰ ⵏⵏⵓⵏ ⴷ ⵜⵉⴼⵔⴰⵏ ⵏⵏⵓⵏ ⵖⴰⵙ ⴰⴷ ⴰⵡⵏ ⵏⴰⵣⵏ ⵜⵉⵣⵏⴰⵏ ⴰⴷ, ⴰⵔ ⴰⴷ ⵜⴽⴽⵙⵎ ⴰⵎⴰⵜⵔⵓ. ⵓⵔ ⵏⵜⵜⴰⵣⵏ ⵢⴰⵜ ⴰⵔ ⵜⵙⵏⵜⵎⵎ ⵜⴰⵏⵙⴰ. ⴳ ⴽⵓ ⵜⴰⵣⵏⵉⵜ ⵢⴰⵏ ⵓⵙⵖⵏ ⵏ ⵓⴽⴽⵙ ⵏ ⵓⵎⴰⵜⵔⵓ ⵙ ⵢⴰⵜ ⵜⴰⴽⵍⵉⴽⵜ, ⵢⴰⴷ ⵉⵜⵜⴽⴽⵙ ⵜⴰⵏⵙⴰ ⵖⵉⵍⴰ. (ⴰⵙⵍⴳⵏ 09-08 ⵅⴼ ⵓⵙⵎⵓⵜⵜⴳ ⵏ ⵉⵙⴼⴽⴰ ⵉⵏⵎⴰⵏⴰⵡⵏ.)',
  'sub.submit': 'ⵎⵜⵔ',
  'sub.sending': 'ⴰⵣⴰⵏ…',
  'sub.errorSummary': 'ⵍⵍⴰⵏ ⵢⴰⵏ ⵓⵎⵓⴽⵔⵉⵙ',
  'sub.fieldError': '{label}: {message}',
  'sub.sent.title': 'ⵥⵕ ⵜⴰⵙⵏⵓⴽⵜ ⵏⵏⵓⵏ ⵏ ⵉⵎⵉⵍ',
  'sub.sent.body': {
    one: 'ⵎⴽ ⵜⵚⵃⴰ ⵜⴰⵏⵙⴰ, ⴰⴷ ⴰⵡⵏ ⵜⴰⵡⴹ ⵢⴰⵜ ⵜⴰⵣⵏⵉⵜ ⵙ ⵓⵙⵖⵏ ⵏ ⵓⵙⵏⵜⵎ, ⵉⵚⵃⴰⵏ ⵉ {count} ⵡⴰⵙⵙ. ⵓⵔ ⵏⵜⵜⴰⵣⵏ ⵢⴰⵜ ⴰⵔ ⵜⵙⵏⵜⵎⵎ.',
    other:
      'ⵎⴽ ⵜⵚⵃⴰ ⵜⴰⵏⵙⴰ, ⴰⴷ ⴰⵡⵏ ⵜⴰⵡⴹ ⵢⴰⵜ ⵜⴰⵣⵏⵉⵜ ⵙ ⵓⵙⵖⵏ ⵏ ⵓⵙⵏⵜⵎ, ⵉⵚⵃⴰⵏ ⵉ {count} ⵡⵓⵙⵙⴰⵏ. ⵓⵔ ⵏⵜⵜⴰⵣⵏ ⵢⴰⵜ ⴰⵔ ⵜⵙⵏⵜⵎⵎ.',
  },
  'sub.sent.again': 'ⵙⵏⴼⵍ ⵜⵉⴼⵔⴰⵏ ⵏⵖ ⵜⴰⵏⵙⴰ',
};
export default zgh;
