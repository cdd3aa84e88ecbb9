import { synthesisPageEn } from '../consultation/views/synthesis.messages.en.js';
import type { Message } from '../i18n/messages.js';
import type { SynthesisEditorKey } from './synthesis-editor.messages.js';

/** English messages of `<nassij-synthesis-editor>`, fetched on demand. */
const en: Readonly<Record<SynthesisEditorKey, Message>> = {
  ...synthesisPageEn,
  'se.title': 'Write the synthesis of the consultation',
  'se.title.published': 'Synthesis published',
  'se.signIn': 'Sign in with a consultation manager account to write the synthesis.',
  'se.choose': 'Choose a consultation to write its synthesis.',
  'se.phase.open':
    'Participation is still open: you can write the synthesis now; it is published only once participation closes.',
  'se.phase.before':
    'Participation has not started: the synthesis is published only once participation closes.',
  'se.publishedOn': 'Synthesis published on {date}. This is how the consultation’s public page shows it.',
  'se.save.saving': 'Saving…',
  'se.save.device': 'Kept on this device, waiting to be saved on the platform',
  'se.save.saved': 'Saved on the platform at {time}',
  'se.save.none': 'Nothing saved yet',
  'se.progress': {
    zero: 'No recommendation or amendment',
    one: '{done} of {count} with an outcome and a reason',
    other: '{done} of {count} with an outcome and a reason',
  },
  'se.conflict.title': 'This synthesis was changed elsewhere',
  'se.conflict.body':
    'Someone else saved the synthesis meanwhile. Nothing you wrote is lost: it is here and on this device. Save your text over the newer version, or take the newer version.',
  'se.conflict.mine': 'Save my text',
  'se.conflict.theirs': 'Take the newer version',
  'se.summary': 'Overall summary (public)',
  'se.summary.hint':
    'What participants said and what the administration did about it: at the top of the public page.',
  'se.report': 'Link to the full report (optional)',
  'se.report.invalid': 'Enter a full address starting with https://',
  'se.lang.ar': 'in Arabic',
  'se.lang.fr': 'in French',
  'se.lang.zgh': 'in Tamazight',
  'se.lang.en': 'in English',
  'se.lang.more': 'Other languages: {label}',
  'se.article': 'Article {number}',
  'se.article.removed': 'Article {number} (removed from the current version)',
  'se.removed': 'Removed article',
  'se.whole': 'The whole text',
  'se.article.summary': 'Summary of the contributions on {article} (optional)',
  'se.article.text': 'Text of the article',
  'se.kind.recommendation': 'Recommendation',
  'se.kind.amendment': 'Amendment',
  'se.onVersion': 'On version {number}',
  'se.supports': { zero: 'no support', one: '{count} support', other: '{count} supports' },
  'se.proposed': 'Proposed wording',
  'se.outcome': 'Outcome',
  'se.reason': 'Reason (public)',
  'se.none':
    'No recommendation or amendment was published in this consultation: the overall summary is enough.',
  'se.item': '{article}, {kind} ({author})',
  'se.problem.summary': 'Overall summary: required',
  'se.problem.outcome': '{item}: no outcome chosen',
  'se.problem.reason': '{item}: reason missing',
  'se.problems': {
    zero: 'Nothing is missing',
    one: '{count} item is missing before publishing',
    other: '{count} items are missing before publishing',
  },
  'se.ready': 'The synthesis is complete: every recommendation and amendment has an outcome and a reason.',
  'se.preview.show': 'Preview the public page',
  'se.preview.title': 'Preview: the synthesis as the public will see it',
  'se.publish': 'Publish the synthesis',
  'se.publish.hint': 'Publishing is final: participation figures are frozen and participants are told.',
  'se.published': 'Synthesis published.',
  'se.group.count': {
    zero: 'No recommendation or amendment',
    one: '{count} recommendation or amendment, {shown} shown',
    other: '{count} recommendations and amendments, {shown} shown',
  },
  'se.more': 'Show more',
  'se.more.loaded': { zero: 'Nothing more', one: '{count} more shown', other: '{count} more shown' },
  'se.problem.unloaded': 'A contribution not shown yet ({id})',
  'se.preview.partial':
    'The preview shows the rows loaded on this page; the published synthesis will list every one.',
};

export default en;
