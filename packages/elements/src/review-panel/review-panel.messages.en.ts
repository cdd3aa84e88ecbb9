import type { Message } from '../i18n/messages.js';
import type { ReviewPanelKey } from './review-panel.messages.js';

const en: Readonly<Record<ReviewPanelKey, Message>> = {
  'rp.title': 'Review applications',
  'rp.list': 'Applications to this call',
  'rp.none': 'No applications to review.',
  'rp.open': 'Open the application of {name}',
  'rp.reviews': { one: '{count} review', other: '{count} reviews' },
  'rp.answers': 'The association’s answers',
  'rp.back': 'Back to the list',
  'rp.coi.legend': 'Conflict-of-interest declaration (before any score)',
  'rp.coi.none': 'I declare I have no conflict of interest with this association',
  'rp.coi.declared': 'I have a conflict of interest with this association',
  'rp.coi.statement': 'Details',
  'rp.coi.noScoring': 'You declared a conflict of interest: you do not score.',
  'rp.score.legend': '{criterion} (weight {weight}%)',
  'rp.score.option': '{score} / {max}',
  'rp.comment': 'Comments',
  'rp.submitReview': 'Send the review',
  'rp.reviewSent': 'Your review is recorded.',
  'rp.decision.legend': 'Decision',
  'rp.decision.awarded': 'Award the support',
  'rp.decision.rejected': 'Reject',
  'rp.decision.amount': 'Amount awarded (MAD)',
  'rp.decision.reason': 'Reason',
  'rp.decision.submit': 'Record the decision',
  'rp.decision.done': 'Decision recorded: {outcome}.',
};
export default en;
