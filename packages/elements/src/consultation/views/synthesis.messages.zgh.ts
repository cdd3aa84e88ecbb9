import type { Message } from '../../i18n/messages.js';
import type { SynthesisPageKey } from './synthesis.messages.js';

// Working drafts in Tifinagh, to be reviewed by an IRCAM-trained translator before release.

/** Tamazight (Tifinagh) words of the synthesis page (spread into the Tamazight catalogs that show it). */
export const synthesisPageZgh: Readonly<Record<SynthesisPageKey, Message>> = {
  'cons.synthesis.title': 'ⵜⴰⴳⵎⴰⵎⵜ ⵏ ⵓⵙⵎⵓⵙⵙⵓ',
  'cons.synthesis.published': 'ⵜⵜⵓⵥⵕⴳ ⴳ {date}',
  'cons.synthesis.report': 'ⴰⵏⵇⵇⵉⵙ ⴰⴽⵎⴰⵎⴰⵏ',
  'cons.synthesis.byArticle': 'ⵜⴰⴳⵎⴰⵎⵜ ⵙ ⵉⵎⴰⴳⵔⴰⴷⵏ',
  'cons.synthesis.recommendations': 'ⵎⴰⴷ ⵉⴳⴰⵏ ⵜⵉⵡⵏⵏⴰⵢⵉⵏ',
  'cons.synthesis.reason': 'ⴰⵎⵏⵜⵉⵍ:',
  'cons.synthesis.csv': 'ⴰⴳⵎ ⵜⵉⵜⵔⴰⵡⵉⵏ ⵉⵔⵉⵙⵎⵏ (CSV)',
  'cons.synthesis.json': 'ⴰⴳⵎ ⵜⵉⵜⵔⴰⵡⵉⵏ ⵉⵔⵉⵙⵎⵏ (JSON)',
  'cons.synthesis.openData': 'ⵉⴼⴰⵢⵍⵓⵜⵏ ⴳⵓⵔⵏ ⵜⵉⵜⵔⴰⵡⵉⵏ ⵏ ⴽⵓ ⴰⵙⵎⵓⵙⵙⵓ; ⵜⴰⴳⵊⴷⵉⵜ consultation_id ⴰⴷ ⵜⵙⵙⵎⵍ ⵡⴰ.',
  'cons.synthesis.frozen': 'ⵉⵎⴹⴰⵏ ⴳ ⵜⵉⴳⵓⵔⵉ ⵏ ⵓⵙⵎⵓⵙⵙⵓ ({date})',
  'cons.synthesis.participants': 'ⵉⵎⵙⴰⵙⵜⴰⵢⵏ',
  'cons.synthesis.contributions': 'ⵜⵉⵜⵔⴰⵡⵉⵏ',
  'cons.synthesis.supports': 'ⵉⵙⵏⵜⵉⵍⵏ',
  'cons.synthesis.article': 'ⴰⵎⴰⴳⵔⴰⴷ {number}',
  'cons.synthesis.whole': 'ⴰⴹⵕⵉⵚ ⴰⴽⵎⴰⵎⴰⵏ',
  'cons.outcome.accepted': 'ⵜⵜⵓⵇⴱⵍ',
  'cons.outcome.partly_accepted': 'ⵜⵜⵓⵇⴱⵍ ⵙ ⵓⵃⵟⵟⵓ',
  'cons.outcome.not_retained': 'ⵓⵔ ⵜⵜⵓⵇⴱⵉⵍ',
  'cons.outcome.out_of_scope': 'ⴱⵕⵕⴰ ⵏ ⵓⵙⵎⵓⵙⵙⵓ',
};

export default synthesisPageZgh;
