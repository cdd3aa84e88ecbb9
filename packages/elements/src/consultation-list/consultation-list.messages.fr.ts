import type { Message } from '../i18n/messages.js';
import type { ConsultationListKey } from './consultation-list.messages.js';

/** French messages of the consultation list, fetched on demand. */
const fr: Readonly<Record<ConsultationListKey, Message>> = {
  'cons.subject.draft_law': 'Projet de loi',
  'cons.subject.decree': 'Projet de décret',
  'cons.subject.policy': 'Politique publique',
  'cons.subject.programme': 'Programme',
  'cons.subject.regional_plan': 'Programme de développement régional',
  'cons.scope.national': 'Nationale',
  'cons.scope.regional': 'Régionale',
  'cons.scope.local': 'Locale',
  'cons.phase.upcoming': 'À venir',
  'cons.phase.information': 'Information',
  'cons.phase.contributions_open': 'Contributions ouvertes',
  'cons.phase.closed': 'Close',
  'cons.phase.synthesis_published': 'Synthèse publiée',
  'cons.stats.line': '{participants} participants, {contributions} contributions',
  'cons.list.region': 'Région',
  'cons.list.title': 'Consultations publiques',
  'cons.list.filters': 'Filtrer les consultations',
  'cons.list.all': 'Toutes',
  'cons.list.issuingBody': 'Organisme émetteur',
  'cons.list.phase': 'Étape',
  'cons.list.none': 'Aucune consultation ne correspond à ce choix.',
};

export default fr;
