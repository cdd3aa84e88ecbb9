import type { Message } from '../i18n/messages.js';
import type { ReviewPanelKey } from './review-panel.messages.js';

// Tamazight (Tifinagh) drafted by the engineering team, to be reviewed by an IRCAM-trained translator.
const zgh: Readonly<Record<ReviewPanelKey, Message>> = {
  'rp.title': 'ⴰⵙⵏⵇⴷ ⵏ ⵉⵙⵓⵜⴰⵔ',
  'rp.list': 'ⵉⵙⵓⵜⴰⵔ ⵏ ⵓⵙⵓⵜⵔ ⵏ ⵓⵙⵏⴰⴷ ⴰ',
  'rp.none': 'ⵓⵔ ⵉⵍⵍⵉ ⴽⵔⴰ ⵏ ⵓⵙⵓⵜⵔ ⵉ ⵓⵙⵏⵇⴷ.',
  'rp.open': 'ⵕⵥⵎ ⴰⵙⵓⵜⵔ ⵏ {name}',
  'rp.reviews': { one: '{count} ⵓⵙⵏⵇⴷ', other: '{count} ⵉⵙⵏⵇⴷⵏ' },
  'rp.answers': 'ⵜⵉⵔⴰⵔⵓⵜⵉⵏ ⵏ ⵜⵎⵙⵙⵓⴷⴰⵙⵜ',
  'rp.back': 'ⴰⵖⵓⵍ ⵖⵔ ⵜⵍⴳⴰⵎⵜ',
  'rp.coi.legend': 'ⴰⵙⵍⵖⵓ ⵏ ⵜⵎⵏⵖⵉⵡⵜ ⵏ ⵜⵏⴼⵓⵜⵉⵏ (ⵇⴱⵍ ⴽⵓ ⵜⴰⵏⵇⵇⵉⴹⵜ)',
  'rp.coi.none': 'ⵙⵍⵖⵓⵖ ⵉⵙ ⵓⵔ ⵖⵓⵔⵉ ⵜⴰⵎⵏⵖⵉⵡⵜ ⵏ ⵜⵏⴼⵓⵜⵉⵏ ⴷ ⵜⵎⵙⵙⵓⴷⴰⵙⵜ ⴰ',
  'rp.coi.declared': 'ⵖⵓⵔⵉ ⵜⴰⵎⵏⵖⵉⵡⵜ ⵏ ⵜⵏⴼⵓⵜⵉⵏ ⴷ ⵜⵎⵙⵙⵓⴷⴰⵙⵜ ⴰ',
  'rp.coi.statement': 'ⵉⵙⴼⵙⴰⵢⵏ',
  'rp.coi.noScoring': 'ⵜⵙⵍⵖⴰⴷ ⵜⴰⵎⵏⵖⵉⵡⵜ ⵏ ⵜⵏⴼⵓⵜⵉⵏ: ⵓⵔ ⵜⵜⴰⴽⴽⴰⴷ ⵜⴰⵏⵇⵇⵉⴹⵜ.',
  'rp.score.legend': '{criterion} (ⴰⵥⴰⵢ {weight} %)',
  'rp.score.option': '{score} / {max}',
  'rp.comment': 'ⵉⵖⴼⴰⵡⴰⵍⵏ',
  'rp.submitReview': 'ⴰⵣⵏ ⴰⵙⵏⵇⴷ',
  'rp.reviewSent': 'ⴰⵙⵏⵇⴷ ⵏⵏⴽ ⵉⵜⵜⵓⵃⴹⴰ.',
  'rp.decision.legend': 'ⴰⵙⵖⵜⴰⵙ',
  'rp.decision.awarded': 'ⵇⴱⵍ ⴰⵙⵓⵜⵔ ⴷ ⵓⴼⴽⴰ ⵏ ⵓⵙⵏⴰⴷ',
  'rp.decision.rejected': 'ⴰⴳⵢ ⴰⵙⵓⵜⵔ',
  'rp.decision.amount': 'ⴰⵎⴹⴰⵏ ⵏ ⵓⵙⵏⴰⴷ (MAD)',
  'rp.decision.reason': 'ⴰⵎⵏⵜⵉⵍ',
  'rp.decision.submit': 'ⵃⴹⵓ ⴰⵙⵖⵜⴰⵙ',
  'rp.decision.done': 'ⴰⵙⵖⵜⴰⵙ ⵉⵜⵜⵓⵃⴹⴰ: {outcome}.',
};
export default zgh;
