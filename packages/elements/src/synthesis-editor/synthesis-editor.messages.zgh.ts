import { synthesisPageZgh } from '../consultation/views/synthesis.messages.zgh.js';
import type { Message } from '../i18n/messages.js';
import type { SynthesisEditorKey } from './synthesis-editor.messages.js';

// Working drafts in Tifinagh, to be reviewed by an IRCAM-trained translator before release.

/** Tamazight (Tifinagh) messages of `<nassij-synthesis-editor>`, fetched on demand. */
const zgh: Readonly<Record<SynthesisEditorKey, Message>> = {
  ...synthesisPageZgh,
  'se.title': 'ⴰⵙⵡⵓⴷⴷⵓ ⵏ ⵜⴳⵎⴰⵎⵜ ⵏ ⵓⵙⵎⵓⵙⵙⵓ',
  'se.title.published': 'ⵜⴰⴳⵎⴰⵎⵜ ⵜⵜⵓⵥⵕⴳ',
  'se.signIn': 'ⴽⵛⵎ ⵙ ⵓⵎⵉⴹⴰⵏ ⵏ ⵓⵎⵙⵙⵓⴷⵙ ⵏ ⵓⵙⵎⵓⵙⵙⵓ ⴰⴷ ⵜⵙⵡⵓⴷⴷⵓⴷ ⵜⴰⴳⵎⴰⵎⵜ.',
  'se.choose': 'ⵙⵜⵉ ⴰⵙⵎⵓⵙⵙⵓ ⴰⴷ ⵜⵙⵡⵓⴷⴷⵓⴷ ⵜⴰⴳⵎⴰⵎⵜ ⵏⵏⵙ.',
  'se.phase.open': 'ⴰⵙⵎⵓⵜⵜⴳ ⵉⵍⴰ ⵉⵍⴷⵉ: ⵜⵣⵎⵔⴷ ⴰⴷ ⵜⴰⵔⵓⴷ ⵜⴰⴳⵎⴰⵎⵜ ⵖⵉⵍⴰ; ⵓⵔ ⵜⵜⵓⵥⵕⴰⴳ ⴰⵔ ⴷⴼⴼⵉⵔ ⵜⵉⴳⵓⵔⵉ.',
  'se.phase.before': 'ⴰⵙⵎⵓⵜⵜⴳ ⵓⵔ ⵉⴱⴷⵉ: ⵜⴰⴳⵎⴰⵎⵜ ⵓⵔ ⵜⵜⵓⵥⵕⴰⴳ ⴰⵔ ⴷⴼⴼⵉⵔ ⵜⵉⴳⵓⵔⵉ.',
  'se.publishedOn': 'ⵜⵜⵓⵥⵕⴳ ⵜⴳⵎⴰⵎⵜ ⴳ {date}. ⴰⵢⴰ ⴰⵢⴷ ⵉⵜⵜⴰⴱⴰⵢⵏⵏ ⴳ ⵜⴰⵙⵏⴰ ⵜⴰⴳⴷⵓⴷⴰⵏⵜ.',
  'se.save.saving': 'ⴰⵃⵟⵟⵓ…',
  'se.save.device': 'ⵉⵜⵜⵓⵃⵟⵟⴰ ⴳ ⵜⵎⴰⵙⵙⵏⵜ ⴰ, ⵉⵜⵜⵔⴰⵊⵓ ⴰⵃⵟⵟⵓ ⴳ ⵜⵙⵡⵉⵔⵜ',
  'se.save.saved': 'ⵉⵜⵜⵓⵃⵟⵟⴰ ⴳ ⵜⵙⵡⵉⵔⵜ ⴳ {time}',
  'se.save.none': 'ⵓⵍⴰ ⵢⴰⵏ ⵓⵔ ⵉⵜⵜⵓⵃⵟⵟⴰ',
  'se.progress': {
    zero: 'ⵓⵍⴰ ⵜⴰⵡⵏⵏⴰⵢⵜ ⵓⵍⴰ ⴰⵙⵏⴼⵍ',
    one: '{done} ⵙⴳ {count} ⵖⵓⵔⵙⵏ ⵜⴰⵢⴰⴼⵓⵜ ⴷ ⵓⵎⵏⵜⵉⵍ',
    other: '{done} ⵙⴳ {count} ⵖⵓⵔⵙⵏ ⵜⴰⵢⴰⴼⵓⵜ ⴷ ⵓⵎⵏⵜⵉⵍ',
  },
  'se.conflict.title': 'ⵜⴰⴳⵎⴰⵎⵜ ⴰ ⵜⵜⵓⵙⵏⴼⵍ ⴳ ⵢⴰⵏ ⵓⴷⵖⴰⵔ ⵢⴰⴹⵏ',
  'se.conflict.body':
    'ⵢⴰⵏ ⵢⴰⴹⵏ ⵉⵃⵟⵟⴰ ⵜⴰⴳⵎⴰⵎⵜ ⴳ ⵜⵣⵣⵉ ⴰ. ⵓⵍⴰ ⵢⴰⵜ ⵙⴳ ⵎⴰⴷ ⵜⵓⵔⵉⴷ ⵓⵔ ⵜⵔⵡⵉ: ⵜⵍⵍⴰ ⴷⵉⵏⵏ ⴷ ⴳ ⵜⵎⴰⵙⵙⵏⵜ ⴰ. ⵃⴹⵓ ⴰⴹⵕⵉⵚ ⵏⵏⴽ ⵅⴼ ⵜⵍⵖⴰ ⵜⴰⵎⴰⵢⵏⵓⵜ, ⵏⵖ ⴰⵡⵉ ⵜⴰⵍⵖⴰ ⵜⴰⵎⴰⵢⵏⵓⵜ.',
  'se.conflict.mine': 'ⵃⴹⵓ ⴰⴹⵕⵉⵚ ⵉⵏⵓ',
  'se.conflict.theirs': 'ⴰⵡⵉ ⵜⴰⵍⵖⴰ ⵜⴰⵎⴰⵢⵏⵓⵜ',
  'se.summary': 'ⵜⴰⴳⵎⴰⵎⵜ ⵜⴰⵎⴰⵜⴰⵢⵜ (ⵜⴰⴳⴷⵓⴷⴰⵏⵜ)',
  'se.summary.hint': 'ⵎⴰⴷ ⵏⵏⴰⵏ ⵉⵎⵙⴰⵙⵜⴰⵢⵏ ⴷ ⵎⴰⴷ ⵜⴳⴰ ⵜⵏⴱⴱⴰⴹⵜ: ⴳ ⵓⵙⵏⵏⵉ ⵏ ⵜⵙⵏⴰ ⵜⴰⴳⴷⵓⴷⴰⵏⵜ.',
  'se.report': 'ⴰⵙⵖⵓⵏ ⵏ ⵓⵏⵇⵇⵉⵙ ⴰⴽⵎⴰⵎⴰⵏ (ⴰⵙⵜⴰⵢ)',
  'se.report.invalid': 'ⵙⴽⵛⵎ ⴰⵏⵙⴰ ⴰⴽⵎⴰⵎⴰⵏ ⵏ ⵓⵙⵖⵓⵏ',
  'se.lang.ar': 'ⵙ ⵜⵄⵔⴰⴱⵜ',
  'se.lang.fr': 'ⵙ ⵜⴼⵔⴰⵏⵙⵉⵙⵜ',
  'se.lang.zgh': 'ⵙ ⵜⵎⴰⵣⵉⵖⵜ',
  'se.lang.en': 'ⵙ ⵜⵏⴳⵍⵉⵣⵜ',
  'se.lang.more': 'ⵜⵓⵜⵍⴰⵢⵉⵏ ⵢⴰⴹⵏⵉⵏ: {label}',
  'se.article': 'ⴰⵎⴰⴳⵔⴰⴷ {number}',
  'se.article.removed': 'ⴰⵎⴰⴳⵔⴰⴷ {number} (ⵉⵜⵜⵓⴽⴽⵙ ⴳ ⵜⵍⵖⴰ ⵜⴰⵎⵉⵔⴰⵏⵜ)',
  'se.removed': 'ⴰⵎⴰⴳⵔⴰⴷ ⵉⵜⵜⵓⴽⴽⵙⵏ',
  'se.whole': 'ⴰⴹⵕⵉⵚ ⴰⴽⵎⴰⵎⴰⵏ',
  'se.article.summary': 'ⵜⴰⴳⵎⴰⵎⵜ ⵏ ⵜⵉⵜⵔⴰⵡⵉⵏ ⵖⴼ {article} (ⴰⵙⵜⴰⵢ)',
  'se.article.text': 'ⴰⴹⵕⵉⵚ ⵏ ⵓⵎⴰⴳⵔⴰⴷ',
  'se.kind.recommendation': 'ⵜⴰⵡⵏⵏⴰⵢⵜ',
  'se.kind.amendment': 'ⴰⵙⵏⴼⵍ',
  'se.onVersion': 'ⵖⴼ ⵜⵍⵖⴰ {number}',
  'se.supports': { zero: 'ⵓⵍⴰ ⴰⵙⵏⵜⵉⵍ', one: '{count} ⵓⵙⵏⵜⵉⵍ', other: '{count} ⵉⵙⵏⵜⵉⵍⵏ' },
  'se.proposed': 'ⵜⴰⵍⵖⴰ ⵉⵜⵜⵓⵙⵓⵎⵔⵏ',
  'se.outcome': 'ⵜⴰⵢⴰⴼⵓⵜ',
  'se.reason': 'ⴰⵎⵏⵜⵉⵍ (ⴰⴳⴷⵓⴷⴰⵏ)',
  'se.none': 'ⵓⵍⴰ ⵜⴰⵡⵏⵏⴰⵢⵜ ⵓⵍⴰ ⴰⵙⵏⴼⵍ ⵓⵔ ⵉⵜⵜⵓⵥⵕⴰⴳ ⴳ ⵓⵙⵎⵓⵙⵙⵓ ⴰ: ⵜⴰⴳⵎⴰⵎⵜ ⵜⴰⵎⴰⵜⴰⵢⵜ ⵜⵓⴳⵔ.',
  'se.item': '{article}, {kind} ({author})',
  'se.problem.summary': 'ⵜⴰⴳⵎⴰⵎⵜ ⵜⴰⵎⴰⵜⴰⵢⵜ: ⵉⵍⴰⵇ',
  'se.problem.outcome': '{item}: ⵓⵔ ⵜⵜⵓⴼⵔⴰⵏ ⵜⴰⵢⴰⴼⵓⵜ',
  'se.problem.reason': '{item}: ⵉⵅⵚⵚⴰ ⵓⵎⵏⵜⵉⵍ',
  'se.problems': {
    zero: 'ⵓⵍⴰ ⵢⴰⵜ ⵓⵔ ⵜⵅⵚⵚⴰ',
    one: '{count} ⵓⴼⵔⴷⵉⵙ ⵉⵅⵚⵚⴰ ⵙ ⴷⴰⵜ ⵏ ⵓⵥⵕⴰⴳ',
    other: '{count} ⵉⴼⵔⴷⵉⵙⵏ ⵅⵚⵚⴰⵏ ⵙ ⴷⴰⵜ ⵏ ⵓⵥⵕⴰⴳ',
  },
  'se.ready': 'ⵜⴰⴳⵎⴰⵎⵜ ⵜⴽⵎⵍ: ⴽⵓ ⵜⴰⵡⵏⵏⴰⵢⵜ ⴷ ⴽⵓ ⴰⵙⵏⴼⵍ ⵖⵓⵔⵙⵏ ⵜⴰⵢⴰⴼⵓⵜ ⴷ ⵓⵎⵏⵜⵉⵍ.',
  'se.preview.show': 'ⵙⴽⵏ ⵜⴰⵙⵏⴰ ⵜⴰⴳⴷⵓⴷⴰⵏⵜ',
  'se.preview.title': 'ⴰⵙⴽⴰⵏ: ⵜⴰⴳⵎⴰⵎⵜ ⵎⴽ ⵜⵜ ⵉⵜⵜⵥⵕⴰ ⵓⴳⴷⵓⴷ',
  'se.publish': 'ⵥⵕⴳ ⵜⴰⴳⵎⴰⵎⵜ',
  'se.publish.hint': 'ⴰⵥⵕⴰⴳ ⵉⴳⴰ ⴰⵏⴳⴳⴰⵔⵓ: ⵉⵎⴹⴰⵏ ⵏ ⵓⵙⵎⵓⵜⵜⴳ ⴰⴷ ⴱⴷⴷⵏ ⴷ ⵉⵎⵙⴰⵙⵜⴰⵢⵏ ⴰⴷ ⵜⵜⵓⵙⵙⵏⵏ.',
  'se.published': 'ⵜⵜⵓⵥⵕⴳ ⵜⴳⵎⴰⵎⵜ.',
};

export default zgh;
