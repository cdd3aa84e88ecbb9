import type { Association, AssociationSummary } from '@nassij/contract';

/**
 * Demo associations (full records) for stories and data-mode tests.
 *
 * @example
 * ```ts
 * el.associations = DEMO_ASSOCIATION_SUMMARIES;
 * el.profiles = Object.fromEntries(DEMO_ASSOCIATIONS.map((a) => [a.id, a]));
 * ```
 */
export const DEMO_ASSOCIATIONS: readonly Association[] = [
  {
    id: 'asso_0001',
    registrationNumber: 'REC-2008-00001',
    name: {
      ar: 'جمعية تيفاوين للتنمية القروية بتيزنيت',
      fr: 'Association Tifawin pour le développement rural de Tiznit',
    },
    legalForm: 'association',
    foundedOn: '2008-04-12',
    region: 'MA-09',
    domains: ['rural-development', 'water', 'education'],
    sizeBand: '6-20',
    contact: { email: 'contact@asso0001.ma' },
    publicUtility: false,
    compliance: { annualReportsFiled: [2023, 2024, 2025] },
    stats: {
      callsAppliedTo: 3,
      awardsReceived: 3,
      amountReceived: { amount: '2084000.00', currency: 'MAD' },
      trainingsAttended: 8,
    },
  },
  {
    id: 'asso_0002',
    registrationNumber: 'REC-1996-00002',
    name: {
      ar: 'جمعية الأمل لمحاربة الأمية بالدار البيضاء',
      fr: "Association Al Amal d'alphabétisation de Casablanca",
    },
    acronym: 'AAAC',
    legalForm: 'public_utility_association',
    foundedOn: '1996-10-03',
    region: 'MA-06',
    domains: ['education', 'womens-rights'],
    sizeBand: '21-50',
    contact: { email: 'contact@alamal.ma' },
    website: 'https://alamal.example.ma',
    publicUtility: true,
    compliance: { annualReportsFiled: [2024, 2025] },
    stats: {
      callsAppliedTo: 5,
      awardsReceived: 2,
      amountReceived: { amount: '450000.00', currency: 'MAD' },
      trainingsAttended: 4,
    },
  },
  {
    id: 'asso_0003',
    registrationNumber: 'REC-2019-00003',
    name: {
      ar: 'جمعية شباب الأطلس للرياضة بخنيفرة',
      fr: "Association Jeunes de l'Atlas pour le sport de Khénifra",
    },
    legalForm: 'association',
    foundedOn: '2019-02-20',
    region: 'MA-05',
    domains: ['youth', 'sport'],
    sizeBand: 'none',
    contact: {},
    publicUtility: false,
    compliance: { annualReportsFiled: [2025] },
    stats: {
      callsAppliedTo: 0,
      awardsReceived: 0,
      amountReceived: { amount: '0.00', currency: 'MAD' },
      trainingsAttended: 1,
    },
  },
];

/** The list view of {@link DEMO_ASSOCIATIONS}. */
export const DEMO_ASSOCIATION_SUMMARIES: readonly AssociationSummary[] = DEMO_ASSOCIATIONS.map((a) => ({
  id: a.id,
  name: a.name,
  ...(a.acronym ? { acronym: a.acronym } : {}),
  legalForm: a.legalForm,
  region: a.region,
  domains: a.domains,
  sizeBand: a.sizeBand,
  publicUtility: a.publicUtility,
}));
