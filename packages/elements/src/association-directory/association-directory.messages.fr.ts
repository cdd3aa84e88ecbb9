import type { Message } from '../i18n/messages.js';
import type { DirectoryKey } from './association-directory.messages.js';

/** French messages of `<nassij-association-directory>`, fetched on demand. */
const fr: Readonly<Record<DirectoryKey, Message>> = {
  'dir.title': 'Annuaire des associations',
  'dir.search': 'Rechercher une association',
  'dir.q': "Nom de l'association (en arabe ou en français)",
  'dir.region': 'Région',
  'dir.anyRegion': 'Toutes les régions',
  'dir.domain': "Domaine d'action",
  'dir.anyDomain': 'Tous les domaines',
  'dir.status': 'Statut',
  'dir.publicUtilityOnly': "Reconnues d'utilité publique seulement",
  'dir.submit': 'Rechercher',
  'dir.count': { one: '{count} association', many: '{count} d’associations', other: '{count} associations' },
  'dir.countEstimated': {
    one: 'environ {count} association',
    many: 'environ {count} d’associations',
    other: 'environ {count} associations',
  },
  'dir.results': 'Résultats',
  'dir.none': 'Aucune association ne correspond à cette recherche.',
  'dir.more': 'Afficher plus',
  'dir.publicUtility': 'Utilité publique',
  'dir.profile': "Fiche de l'association",
  'dir.close': 'Fermer la fiche',
  'dir.registration': 'Numéro du récépissé',
  'dir.domains': "Domaines d'action",
  'dir.status.yes': "Association reconnue d'utilité publique",
  'dir.status.no': "Non reconnue d'utilité publique",
  'dir.founded': 'Date de création',
  'dir.stats': 'Sur la plateforme',
  'dir.callsAppliedTo': 'Appels auxquels elle a candidaté',
  'dir.awardsReceived': 'Subventions obtenues',
  'dir.amountReceived': 'Montant total reçu',
  'dir.trainingsAttended': 'Formations suivies',
  'dir.website': 'Site web',
  'dir.annualReports': 'Rapports annuels déposés',
  'dir.annualReportsNone': 'Aucun',
};
export default fr;
