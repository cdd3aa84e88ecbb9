import type { Message } from '../i18n/messages.js';
import type { ConsultationListKey } from './consultation-list.messages.js';

/** English messages of the consultation list, fetched on demand. */
const en: Readonly<Record<ConsultationListKey, Message>> = {
  'cons.subject.draft_law': 'Draft law',
  'cons.subject.decree': 'Draft decree',
  'cons.subject.policy': 'Public policy',
  'cons.subject.programme': 'Programme',
  'cons.subject.regional_plan': 'Regional development plan',
  'cons.scope.national': 'National',
  'cons.scope.regional': 'Regional',
  'cons.scope.local': 'Local',
  'cons.phase.upcoming': 'Upcoming',
  'cons.phase.information': 'Information',
  'cons.phase.contributions_open': 'Contributions open',
  'cons.phase.closed': 'Closed',
  'cons.phase.synthesis_published': 'Synthesis published',
  'cons.stats.line': '{participants} participants, {contributions} contributions',
  'cons.list.region': 'Region',
  'cons.list.title': 'Public consultations',
  'cons.list.filters': 'Filter the consultations',
  'cons.list.all': 'All',
  'cons.list.issuingBody': 'Issuing body',
  'cons.list.phase': 'Phase',
  'cons.list.none': 'No consultation matches this choice.',
};

export default en;
