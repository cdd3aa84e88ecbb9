import type { Message } from '../i18n/messages.js';
import type { MyTrainingKey } from './my-training.messages.js';

const fr: Readonly<Record<MyTrainingKey, Message>> = {
  'tm.title': 'Mes inscriptions et attestations',
  'tm.empty': 'Vous n’êtes inscrit·e à aucune formation pour l’instant.',
  'tm.association': 'Au titre de : {name}',
  'tm.certificate': 'Obtenir mon attestation',
  'tm.pdf': 'Attestation (PDF)',
  'tm.verify': 'Page de vérification',
  'tm.json': 'Télécharger l’attestation numérique (JSON)',
  'tm.certHint':
    'Toute personne à qui vous la montrez peut la vérifier sur sa page de vérification, ou avec le fichier JSON signé.',
  'tm.competencies': 'Mes compétences',
  'tm.noCompetencies':
    'Aucune compétence enregistrée pour l’instant : elles s’ajoutent à chaque formation suivie en entier.',
  'tm.level': 'Niveau le plus élevé : {level}',
  'tm.acquired': '{course} — suivie le {date} (niveau {level})',
};

export default fr;
