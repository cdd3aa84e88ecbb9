import type { Message } from '../messages.js';
import type { ErrorMessageKey } from './ar.js';

/** Messages for the error codes a reachable platform answers with, in French (see ./ar.ts). */
const fr: Readonly<Record<ErrorMessageKey, Message>> = {
  'error.bad_request': 'La demande n’a pas pu être comprise.',
  'error.validation_failed': 'Certains champs sont à corriger.',
  'error.unauthenticated': 'Connectez-vous pour continuer.',
  'error.invalid_credentials': 'Les identifiants sont incorrects.',
  'error.token_expired': 'Votre session a expiré. Reconnectez-vous.',
  'error.forbidden': 'Vous n’êtes pas autorisé à faire cela.',
  'error.not_found': 'Cette page ou cet élément est introuvable.',
  'error.method_not_allowed': 'Cette action n’est pas disponible.',
  'error.conflict': 'Cet élément a été modifié entre-temps. Rechargez et réessayez.',
  'error.already_exists': 'Cet élément existe déjà.',
  'error.already_supported': 'Vous avez déjà apporté votre soutien.',
  'error.already_registered': 'Vous êtes déjà inscrit.',
  'error.invalid_state': 'Cette action n’est pas possible à ce stade.',
  'error.deadline_passed': 'La date limite est dépassée.',
  'error.phase_closed': 'Cette phase est close.',
  'error.not_eligible': 'Vous n’êtes pas éligible.',
  'error.conflict_of_interest': 'Vous ne pouvez pas faire cela en raison d’un conflit d’intérêts.',
  'error.declaration_required': 'Déclarez d’abord s’il y a un conflit d’intérêts avant de lire ce dossier.',
  'error.call_still_open': 'L’appel est encore ouvert : la décision ne peut être prise qu’après sa clôture.',
  'error.reviews_incomplete': 'Ce dossier n’a pas encore reçu le nombre d’évaluations demandé.',
  'error.precondition_failed': 'Cet élément a été modifié entre-temps. Rechargez et réessayez.',
  'error.precondition_required': 'Rechargez l’élément avant de le modifier.',
  'error.payload_too_large': 'L’envoi est trop volumineux.',
  'error.unsupported_media_type': 'Ce format n’est pas pris en charge.',
  'error.file_type_not_allowed': 'Ce type de fichier n’est pas accepté.',
  'error.file_too_large': 'Ce fichier est trop volumineux.',
  'error.idempotency_key_reused': 'Cette demande a déjà été envoyée avec un autre contenu.',
  'error.rate_limited': 'Trop de demandes. Patientez un instant puis réessayez.',
  'error.origin_not_allowed': 'Ce site n’est pas autorisé à utiliser la plateforme.',
  'error.internal': 'La plateforme a rencontré un problème. Réessayez plus tard.',
  'error.unavailable': 'La plateforme est momentanément indisponible. Réessayez plus tard.',
  'error.document_expired':
    'Un document n’est plus valide. Ajoutez une version à jour au coffre de documents, puis réessayez.',
  'error.password_too_short': 'Le mot de passe est trop court : 15 caractères au minimum.',
  'error.password_too_long': 'Le mot de passe est trop long.',
  'error.password_breached': 'Ce mot de passe est trop courant ou a déjà fuité. Choisissez-en un autre.',
  'error.password_context':
    'N’utilisez pas votre adresse e-mail, votre nom ou le nom de la plateforme comme mot de passe.',
  'error.email_not_verified':
    'Votre adresse e-mail n’est pas encore confirmée. Ouvrez le lien que nous vous avons envoyé.',
  'error.link_invalid': 'Ce lien n’est pas valide.',
  'error.link_expired': 'Ce lien a expiré. Demandez-en un nouveau.',
  'error.link_used': 'Ce lien a déjà été utilisé.',
  'error.receipt_already_claimed':
    'Ce numéro de récépissé est déjà revendiqué ou vérifié. S’il s’agit de votre association, contactez la plateforme.',
  'error.registry_mismatch':
    'La demande ne correspond pas au registre : vérifiez le numéro du récépissé et le nom de l’association.',
  'error.already_member_elsewhere': 'Cette adresse occupe déjà ce rôle dans une autre association.',
  'error.no_articles_detected':
    'Aucun article n’a été trouvé dans le texte : commencez chaque article par son intitulé, comme « Article 1 » ou « Article premier ».',
  'error.removed_article_has_contributions':
    'Des articles supprimés ont reçu des contributions : gardez-les ou confirmez que leurs contributions sont conservées.',
  'error.participant_not_member': 'Le participant n’est pas membre de cette association.',
  'error.capacity_below_confirmed':
    'La capacité ne peut pas être inférieure au nombre d’inscriptions confirmées.',
  'error.not_registered': 'Cette personne n’est pas inscrite à cette session.',
  'error.synthesis_incomplete':
    'La synthèse n’est pas complète : donnez à chaque recommandation et amendement une suite et un motif.',
  'error.registration_incomplete': 'Le certificat n’est délivré qu’une fois la formation achevée.',
  'error.webhook_limit_reached':
    'Le nombre maximal de points de terminaison webhook est atteint. Supprimez-en un avant d’en ajouter un autre.',
  'error.member_limit_reached':
    'L’association compte le nombre maximal de membres. Retirez un membre, ou attendez qu’une invitation expire, avant d’en inviter un autre.',
  'error.invalid_response': 'La plateforme a renvoyé une réponse inattendue. Réessayez plus tard.',
  'error.aborted': 'L’action a été annulée.',
  'error.popup_blocked':
    'Le navigateur a bloqué la fenêtre de connexion. Autorisez les fenêtres surgissantes et réessayez.',
  'error.popup_closed': 'La fenêtre de connexion a été fermée avant la fin.',
};

export default fr;
