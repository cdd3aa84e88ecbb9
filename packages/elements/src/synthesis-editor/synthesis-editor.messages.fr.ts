import { synthesisPageFr } from '../consultation/views/synthesis.messages.fr.js';
import type { Message } from '../i18n/messages.js';
import type { SynthesisEditorKey } from './synthesis-editor.messages.js';

/** French messages of `<nassij-synthesis-editor>`, fetched on demand. */
const fr: Readonly<Record<SynthesisEditorKey, Message>> = {
  ...synthesisPageFr,
  'se.title': 'Rédiger la synthèse de la consultation',
  'se.title.published': 'Synthèse publiée',
  'se.signIn': 'Connectez-vous avec un compte de gestion des consultations pour rédiger la synthèse.',
  'se.choose': 'Choisissez une consultation pour en rédiger la synthèse.',
  'se.phase.open':
    'La participation est encore ouverte : vous pouvez rédiger la synthèse dès maintenant ; elle ne sera publiée qu’après la clôture.',
  'se.phase.before':
    'La participation n’a pas commencé : la synthèse ne peut être publiée qu’après la clôture.',
  'se.publishedOn':
    'Synthèse publiée le {date}. Voici comment elle apparaît sur la page publique de la consultation.',
  'se.save.saving': 'Enregistrement…',
  'se.save.device': 'Gardé sur cet appareil, en attente d’enregistrement sur la plateforme',
  'se.save.saved': 'Enregistré sur la plateforme à {time}',
  'se.save.none': 'Rien d’enregistré pour l’instant',
  'se.progress': {
    zero: 'Aucune recommandation ni aucun amendement',
    one: '{done} sur {count} avec une suite et un motif',
    many: '{done} sur {count} avec une suite et un motif',
    other: '{done} sur {count} avec une suite et un motif',
  },
  'se.conflict.title': 'Cette synthèse a été modifiée ailleurs',
  'se.conflict.body':
    'Quelqu’un d’autre a enregistré la synthèse entre-temps. Rien de ce que vous avez écrit n’est perdu : c’est ici et sur cet appareil. Enregistrez votre texte par-dessus la version la plus récente, ou reprenez celle-ci.',
  'se.conflict.mine': 'Enregistrer mon texte',
  'se.conflict.theirs': 'Reprendre la version la plus récente',
  'se.summary': 'Synthèse générale (publique)',
  'se.summary.hint':
    'Ce que les participants ont dit et ce que l’administration en a fait : en tête de la page publique.',
  'se.report': 'Lien vers le rapport complet (facultatif)',
  'se.report.invalid': 'Saisissez une adresse complète commençant par https://',
  'se.lang.ar': 'en arabe',
  'se.lang.fr': 'en français',
  'se.lang.zgh': 'en amazighe',
  'se.lang.en': 'en anglais',
  'se.lang.more': 'Autres langues : {label}',
  'se.article': 'Article {number}',
  'se.article.removed': 'Article {number} (supprimé de la version en vigueur)',
  'se.removed': 'Article supprimé',
  'se.whole': 'L’ensemble du texte',
  'se.article.summary': 'Synthèse des contributions sur {article} (facultatif)',
  'se.article.text': 'Texte de l’article',
  'se.kind.recommendation': 'Recommandation',
  'se.kind.amendment': 'Amendement',
  'se.onVersion': 'Sur la version {number}',
  'se.supports': {
    zero: 'aucun soutien',
    one: '{count} soutien',
    many: '{count} de soutiens',
    other: '{count} soutiens',
  },
  'se.proposed': 'Rédaction proposée',
  'se.outcome': 'Suite donnée',
  'se.reason': 'Motif (public)',
  'se.none':
    'Aucune recommandation ni aucun amendement publié dans cette consultation : la synthèse générale suffit.',
  'se.item': '{article}, {kind} ({author})',
  'se.problem.summary': 'Synthèse générale : obligatoire',
  'se.problem.outcome': '{item} : aucune suite choisie',
  'se.problem.reason': '{item} : motif manquant',
  'se.problems': {
    zero: 'Rien ne manque',
    one: '{count} élément manque avant la publication',
    many: '{count} d’éléments manquent avant la publication',
    other: '{count} éléments manquent avant la publication',
  },
  'se.ready':
    'La synthèse est complète : chaque recommandation et chaque amendement a une suite et un motif.',
  'se.preview.show': 'Aperçu de la page publique',
  'se.preview.title': 'Aperçu : la synthèse telle que le public la verra',
  'se.publish': 'Publier la synthèse',
  'se.publish.hint':
    'La publication est définitive : les chiffres de participation sont figés et les participants prévenus.',
  'se.published': 'Synthèse publiée.',
  'se.group.count': {
    zero: 'Aucune recommandation ni amendement',
    one: '{count} recommandation ou amendement, {shown} affiché',
    many: '{count} de recommandations et amendements, {shown} affichés',
    other: '{count} recommandations et amendements, {shown} affichés',
  },
  'se.more': 'Afficher la suite',
  'se.more.loaded': {
    zero: 'Rien de plus',
    one: '{count} contribution de plus affichée',
    many: '{count} de contributions de plus affichées',
    other: '{count} contributions de plus affichées',
  },
  'se.problem.unloaded': 'Contribution pas encore affichée ({id})',
  'se.preview.partial':
    'L’aperçu montre les lignes affichées sur cette page ; la synthèse publiée les reprendra toutes.',
};

export default fr;
