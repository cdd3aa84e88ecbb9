import type { Message } from '../../i18n/messages.js';
import type { SynthesisPageKey } from './synthesis.messages.js';

/** English words of the synthesis page (spread into the English catalogs of the components that show it). */
export const synthesisPageEn: Readonly<Record<SynthesisPageKey, Message>> = {
  'cons.synthesis.title': 'Synthesis of the consultation',
  'cons.synthesis.published': 'Published on {date}',
  'cons.synthesis.report': 'Full report',
  'cons.synthesis.byArticle': 'Synthesis by article',
  'cons.synthesis.recommendations': 'What became of the recommendations',
  'cons.synthesis.reason': 'Reason:',
  'cons.synthesis.csv': 'Download the anonymised contributions (CSV)',
  'cons.synthesis.json': 'Download the anonymised contributions (JSON)',
  'cons.synthesis.openData':
    'The files hold the published contributions of all consultations; the consultation_id column names this one.',
  'cons.synthesis.frozen': 'Figures when participation closed ({date})',
  'cons.synthesis.participants': 'Participants',
  'cons.synthesis.contributions': 'Contributions',
  'cons.synthesis.supports': 'Supports',
  'cons.synthesis.article': 'Article {number}',
  'cons.synthesis.whole': 'The whole text',
  'cons.outcome.accepted': 'Accepted',
  'cons.outcome.partly_accepted': 'Partly accepted',
  'cons.outcome.not_retained': 'Not retained',
  'cons.outcome.out_of_scope': 'Out of scope',
};

export default synthesisPageEn;
