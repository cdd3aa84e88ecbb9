import type { Message } from '../i18n/messages.js';
import type { ReviewPanelKey } from './review-panel.messages.js';

const fr: Readonly<Record<ReviewPanelKey, Message>> = {
  'rp.title': 'Évaluation des demandes',
  'rp.list': 'Demandes de cet appel',
  'rp.none': 'Aucune demande à évaluer.',
  'rp.open': 'Ouvrir la demande de {name}',
  'rp.reviews': { one: '{count} évaluation', many: '{count} d’évaluations', other: '{count} évaluations' },
  'rp.answers': 'Réponses de l’association',
  'rp.back': 'Retour à la liste',
  'rp.coi.legend': 'Déclaration de conflit d’intérêts (avant toute note)',
  'rp.coi.none': 'Je déclare n’avoir aucun conflit d’intérêts avec cette association',
  'rp.coi.declared': 'J’ai un conflit d’intérêts avec cette association',
  'rp.coi.statement': 'Précisions',
  'rp.coi.noScoring': 'Vous avez déclaré un conflit d’intérêts : vous ne notez pas.',
  'rp.score.legend': '{criterion} (poids {weight} %)',
  'rp.score.option': '{score} / {max}',
  'rp.comment': 'Commentaires',
  'rp.submitReview': 'Envoyer l’évaluation',
  'rp.reviewSent': 'Votre évaluation est enregistrée.',
  'rp.decision.legend': 'Décision',
  'rp.decision.awarded': 'Retenir et accorder le soutien',
  'rp.decision.rejected': 'Ne pas retenir',
  'rp.decision.amount': 'Montant accordé (MAD)',
  'rp.decision.reason': 'Motif',
  'rp.decision.submit': 'Enregistrer la décision',
  'rp.decision.done': 'Décision enregistrée : {outcome}.',
};
export default fr;
