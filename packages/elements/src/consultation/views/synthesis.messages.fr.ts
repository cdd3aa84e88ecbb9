import type { Message } from '../../i18n/messages.js';
import type { SynthesisPageKey } from './synthesis.messages.js';

/** French words of the synthesis page (spread into the French catalogs of the components that show it). */
export const synthesisPageFr: Readonly<Record<SynthesisPageKey, Message>> = {
  'cons.synthesis.title': 'Synthèse de la consultation',
  'cons.synthesis.published': 'Publiée le {date}',
  'cons.synthesis.report': 'Rapport complet',
  'cons.synthesis.byArticle': 'Synthèse par article',
  'cons.synthesis.recommendations': 'Suite donnée aux recommandations',
  'cons.synthesis.reason': 'Motif :',
  'cons.synthesis.csv': 'Télécharger les contributions anonymisées (CSV)',
  'cons.synthesis.json': 'Télécharger les contributions anonymisées (JSON)',
  'cons.synthesis.openData':
    'Les fichiers contiennent les contributions publiées de toutes les consultations ; la colonne consultation_id désigne celle-ci.',
  'cons.synthesis.frozen': 'Chiffres à la clôture de la participation ({date})',
  'cons.synthesis.participants': 'Participants',
  'cons.synthesis.contributions': 'Contributions',
  'cons.synthesis.supports': 'Soutiens',
  'cons.synthesis.article': 'Article {number}',
  'cons.synthesis.whole': 'L’ensemble du texte',
  'cons.outcome.accepted': 'Retenue',
  'cons.outcome.partly_accepted': 'Retenue en partie',
  'cons.outcome.not_retained': 'Non retenue',
  'cons.outcome.out_of_scope': 'Hors du champ de la consultation',
};

export default synthesisPageFr;
