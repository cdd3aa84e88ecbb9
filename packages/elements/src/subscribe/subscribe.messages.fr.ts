import type { Message } from '../i18n/messages.js';
import type { SubscribeKey } from './subscribe.messages.js';

const fr: Readonly<Record<SubscribeKey, Message>> = {
  'sub.title.calls': 'Suivre les nouveaux appels par courriel',
  'sub.title.consultation': 'Suivre cette consultation par courriel',
  'sub.intro.calls':
    'Nous vous écrivons quand un appel correspondant à vos choix est publié, modifié, clôturé ou annulé.',
  'sub.intro.consultation':
    'Nous vous écrivons à chaque nouveauté de cette consultation : nouvelle version, changement de phase, synthèse publiée.',
  'sub.email': 'Votre adresse électronique',
  'sub.email.hint': 'Nous y envoyons un lien pour confirmer l’abonnement.',
  'sub.email.required': 'Saisissez votre adresse électronique.',
  'sub.email.invalid': 'Saisissez une adresse électronique valide, comme {example}.',
  'sub.which': 'Quels appels ?',
  'sub.which.hint': 'Laissez « Tous » dans une case pour tout recevoir à son sujet.',
  'sub.region': 'Région',
  'sub.sector': 'Secteur',
  'sub.funder': 'Organisme financeur',
  'sub.domain': 'Domaine d’intervention',
  'sub.any': 'Tous',
  'sub.unknownChoice': '{code} (inconnu)',
  'sub.choice.invalid': 'Ce choix est inconnu. Choisissez dans la liste.',
  'sub.consultation': 'Consultation',
  'sub.request': 'Demande',
  'sub.digest': 'À quel rythme ?',
  'sub.digest.immediate': 'À chaque nouveauté',
  'sub.digest.daily': 'Un résumé par jour, à 8 h',
  'sub.digest.weekly': 'Un résumé par semaine, le lundi à 8 h',
  'sub.consent':
    'Nous conservons votre adresse et vos choix uniquement pour vous envoyer ces messages, jusqu’à votre désabonnement. Rien n’est envoyé avant que vous ayez confirmé l’adresse. Chaque message contient un lien de désabonnement en un clic, qui efface aussitôt l’adresse. (Loi n° 09-08 relative à la protection des personnes physiques à l’égard du traitement des données à caractère personnel.)',
  'sub.submit': 'S’abonner',
  'sub.sending': 'Envoi…',
  'sub.errorSummary': 'Il y a un problème',
  'sub.fieldError': '{label} : {message}',
  'sub.sent.title': 'Consultez votre messagerie',
  'sub.sent.body': {
    one: 'Si l’adresse est la bonne, vous recevrez un message avec un lien pour confirmer l’abonnement, valable {count} jour. Rien d’autre n’est envoyé avant la confirmation.',
    many: 'Si l’adresse est la bonne, vous recevrez un message avec un lien pour confirmer l’abonnement, valable {count} de jours. Rien d’autre n’est envoyé avant la confirmation.',
    other:
      'Si l’adresse est la bonne, vous recevrez un message avec un lien pour confirmer l’abonnement, valable {count} jours. Rien d’autre n’est envoyé avant la confirmation.',
  },
  'sub.sent.again': 'Modifier les choix ou l’adresse',
};
export default fr;
