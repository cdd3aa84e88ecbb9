import type { Application, Call, EligibilityResult } from '@nassij/contract';
import type { Membership } from '../../application-form/nassij-application-form.js';

// Demo data for stories: the seed's call_0001 (every field type, two mandatory documents).

/** A call whose form uses every field type. */
export const DEMO_CALL: Call = {
  id: 'call_0001',
  reference: 'MA-RP-2026-0001',
  title: {
    ar: 'طلب مشاريع منحة لفائدة جمعيات المجتمع المدني - التربية والتعليم',
    fr: 'Appel à propositions subvention pour la société civile – Éducation',
  },
  summary: {
    ar: 'يعلن الوزارة المنتدبة لدى رئيس الحكومة المكلفة بالعلاقات مع البرلمان عن طلب مشاريع لفائدة الجمعيات في مجال التربية والتعليم، في إطار منحة.',
    fr: 'Ministère délégué auprès du Chef du gouvernement chargé des Relations avec le Parlement lance un appel à projets destiné aux associations actives dans le domaine « Éducation » (subvention).',
  },
  funder: {
    sectorCode: 'relations-parliament',
    name: {
      ar: 'الوزارة المنتدبة لدى رئيس الحكومة المكلفة بالعلاقات مع البرلمان',
      fr: 'Ministère délégué auprès du Chef du gouvernement chargé des Relations avec le Parlement',
      en: 'Ministry Delegate to the Head of Government for Relations with Parliament',
    },
    level: 'national',
  },
  programme: {
    ar: 'برنامج دعم المجتمع المدني',
    fr: "Programme d'appui à la société civile",
  },
  fiscalYear: 2026,
  instrument: 'grant',
  domains: ['education', 'womens-rights', 'youth'],
  coverage: 'national',
  eligibleRegions: [],
  budget: {
    total: {
      amount: '3600000.00',
      currency: 'MAD',
    },
    minAward: {
      amount: '30000.00',
      currency: 'MAD',
    },
    maxAward: {
      amount: '150000.00',
      currency: 'MAD',
    },
    expectedAwards: 24,
  },
  dates: {
    publishedAt: '2026-02-28T12:00:00.000Z',
    opensAt: '2026-11-24T00:00:00.000Z',
    closes: {
      at: '2030-03-31T22:59:00.000Z',
      timeZone: 'Africa/Casablanca',
    },
    decisionExpectedAt: '2027-02-22T10:00:00Z',
  },
  deadlineModel: {
    kind: 'single',
  },
  status: 'open',
  version: 1,
  description: {
    ar: 'يعلن الوزارة المنتدبة لدى رئيس الحكومة المكلفة بالعلاقات مع البرلمان عن طلب مشاريع لفائدة الجمعيات في مجال التربية والتعليم، في إطار منحة.\nيهدف هذا الطلب إلى تشجيع المبادرات الجمعوية المبتكرة وتعزيز أثرها على الساكنة المستهدفة. تُقبل المشاريع التي تُنجز داخل أجل لا يتعدى ستة وثلاثين شهرا.',
    fr: 'Ministère délégué auprès du Chef du gouvernement chargé des Relations avec le Parlement lance un appel à projets destiné aux associations actives dans le domaine « Éducation » (subvention).\nCet appel vise à encourager les initiatives associatives innovantes et à renforcer leur impact sur les populations ciblées. Les projets doivent être réalisés en trente-six mois au plus.',
  },
  eligibleApplicantTypes: ['association', 'federation', 'public_utility_association'],
  eligibility: {
    rules: [
      {
        type: 'legal_form_in',
        id: 'legal_form',
        values: ['association', 'federation', 'public_utility_association'],
        text: {
          ar: 'الجمعيات المؤسسة طبقا للقانون',
          fr: 'Associations régulièrement constituées',
        },
      },
      {
        type: 'min_age_years',
        id: 'age',
        years: 2,
        text: {
          ar: 'مرور سنتين على الأقل على التأسيس',
          fr: "Au moins deux ans d'existence",
        },
      },
      {
        type: 'domain_any',
        id: 'domain',
        domains: ['education', 'womens-rights', 'youth'],
      },
    ],
    text: {
      ar: 'يجب أن تكون الجمعية في وضعية قانونية سليمة وأن تكون قد أودعت تقاريرها السنوية.',
      fr: "L'association doit être en situation régulière et avoir déposé ses rapports annuels.",
    },
  },
  criteria: [
    {
      id: 'relevance',
      label: {
        ar: 'ملاءمة المشروع لأهداف البرنامج',
        fr: 'Pertinence au regard des objectifs',
      },
      weight: 30,
      maxScore: 5,
      anchors: [
        {
          score: 0,
          description: {
            ar: 'غير مستوفى',
            fr: 'Non satisfait',
          },
        },
        {
          score: 3,
          description: {
            ar: 'مستوفى جزئيا',
            fr: 'Partiellement satisfait',
          },
        },
        {
          score: 5,
          description: {
            ar: 'مستوفى بشكل ممتاز',
            fr: 'Pleinement satisfait',
          },
        },
      ],
    },
    {
      id: 'feasibility',
      label: {
        ar: 'قابلية الإنجاز',
        fr: 'Faisabilité',
      },
      weight: 25,
      maxScore: 5,
      anchors: [
        {
          score: 0,
          description: {
            ar: 'غير مستوفى',
            fr: 'Non satisfait',
          },
        },
        {
          score: 3,
          description: {
            ar: 'مستوفى جزئيا',
            fr: 'Partiellement satisfait',
          },
        },
        {
          score: 5,
          description: {
            ar: 'مستوفى بشكل ممتاز',
            fr: 'Pleinement satisfait',
          },
        },
      ],
    },
    {
      id: 'impact',
      label: {
        ar: 'الأثر على المستفيدين',
        fr: 'Impact sur les bénéficiaires',
      },
      weight: 25,
      maxScore: 5,
      anchors: [
        {
          score: 0,
          description: {
            ar: 'غير مستوفى',
            fr: 'Non satisfait',
          },
        },
        {
          score: 3,
          description: {
            ar: 'مستوفى جزئيا',
            fr: 'Partiellement satisfait',
          },
        },
        {
          score: 5,
          description: {
            ar: 'مستوفى بشكل ممتاز',
            fr: 'Pleinement satisfait',
          },
        },
      ],
    },
    {
      id: 'budget',
      label: {
        ar: 'انسجام الميزانية',
        fr: 'Cohérence du budget',
      },
      weight: 20,
      maxScore: 5,
      anchors: [
        {
          score: 0,
          description: {
            ar: 'غير مستوفى',
            fr: 'Non satisfait',
          },
        },
        {
          score: 3,
          description: {
            ar: 'مستوفى جزئيا',
            fr: 'Partiellement satisfait',
          },
        },
        {
          score: 5,
          description: {
            ar: 'مستوفى بشكل ممتاز',
            fr: 'Pleinement satisfait',
          },
        },
      ],
    },
  ],
  requiredDocuments: [
    {
      id: 'statutes',
      type: 'statutes',
      label: {
        ar: 'القانون الأساسي للجمعية',
        fr: "Statuts de l'association",
        zgh: 'ⴰⵏⴰⴹⴰⵡ ⴰⵙⵍⴰⵍ',
      },
      requirement: 'mandatory',
      mediaTypes: ['application/pdf'],
      maxBytes: 5242880,
    },
    {
      id: 'budget',
      type: 'budget-spreadsheet',
      label: {
        ar: 'الميزانية التقديرية للمشروع',
        fr: 'Budget prévisionnel du projet',
      },
      requirement: 'mandatory',
      mediaTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      maxBytes: 2097152,
      templateUrl: 'https://www.nassij.ma/modeles/budget-previsionnel.xlsx',
    },
  ],
  form: {
    version: 1,
    sections: [
      {
        id: 'project',
        title: {
          ar: 'المشروع',
          fr: 'Le projet',
          zgh: 'ⴰⵙⵏⴼⴰⵔ',
        },
        fields: [
          {
            id: 'project_title',
            type: 'text',
            required: true,
            maxLength: 200,
            label: {
              ar: 'عنوان المشروع',
              fr: 'Titre du projet',
              zgh: 'ⴰⵣⵡⵍ ⵏ ⵓⵙⵏⴼⴰⵔ',
            },
          },
          {
            id: 'summary',
            type: 'long_text',
            required: true,
            maxLength: 4000,
            label: {
              ar: 'ملخص المشروع',
              fr: 'Résumé du projet',
            },
            hint: {
              ar: 'الأهداف والأنشطة والنتائج المنتظرة',
              fr: 'Objectifs, activités et résultats attendus',
            },
          },
          {
            id: 'start_date',
            type: 'date',
            required: true,
            label: {
              ar: 'تاريخ الانطلاق',
              fr: 'Date de début',
            },
          },
          {
            id: 'duration_months',
            type: 'number',
            required: true,
            integer: true,
            min: 1,
            max: 36,
            label: {
              ar: 'مدة المشروع بالأشهر',
              fr: 'Durée du projet (mois)',
            },
          },
          {
            id: 'project_region',
            type: 'region',
            required: true,
            label: {
              ar: 'جهة تنفيذ المشروع',
              fr: 'Région de mise en œuvre',
            },
          },
          {
            id: 'area',
            type: 'choice',
            required: true,
            label: {
              ar: 'مجال التدخل',
              fr: "Milieu d'intervention",
            },
            options: [
              {
                value: 'urban',
                label: {
                  ar: 'حضري',
                  fr: 'Urbain',
                },
              },
              {
                value: 'rural',
                label: {
                  ar: 'قروي',
                  fr: 'Rural',
                },
              },
              {
                value: 'mixed',
                label: {
                  ar: 'مختلط',
                  fr: 'Mixte',
                },
              },
            ],
          },
          {
            id: 'partners',
            type: 'multi_choice',
            required: false,
            label: {
              ar: 'الشركاء',
              fr: 'Partenaires',
            },
            options: [
              {
                value: 'commune',
                label: {
                  ar: 'الجماعة',
                  fr: 'Commune',
                },
              },
              {
                value: 'school',
                label: {
                  ar: 'مؤسسة تعليمية',
                  fr: 'Établissement scolaire',
                },
              },
              {
                value: 'private',
                label: {
                  ar: 'القطاع الخاص',
                  fr: 'Secteur privé',
                },
              },
              {
                value: 'other-ngo',
                label: {
                  ar: 'جمعية أخرى',
                  fr: 'Autre association',
                },
              },
            ],
          },
        ],
      },
      {
        id: 'budget',
        title: {
          ar: 'الميزانية',
          fr: 'Budget',
          zgh: 'ⵜⴰⵙⵎⵉⵍⵜ',
        },
        fields: [
          {
            id: 'budget_lines',
            type: 'budget_table',
            required: true,
            maxLines: 30,
            label: {
              ar: 'بنود الميزانية',
              fr: 'Lignes budgétaires',
            },
            categories: [
              {
                value: 'staff',
                label: {
                  ar: 'الموارد البشرية',
                  fr: 'Ressources humaines',
                },
              },
              {
                value: 'equipment',
                label: {
                  ar: 'التجهيزات',
                  fr: 'Équipement',
                },
              },
              {
                value: 'activities',
                label: {
                  ar: 'الأنشطة',
                  fr: 'Activités',
                },
              },
              {
                value: 'other',
                label: {
                  ar: 'أخرى',
                  fr: 'Autres',
                },
              },
            ],
          },
          {
            id: 'requested_amount',
            type: 'money',
            required: true,
            max: {
              amount: '150000.00',
              currency: 'MAD',
            },
            label: {
              ar: 'المبلغ المطلوب',
              fr: 'Montant demandé',
            },
          },
        ],
      },
      {
        id: 'beneficiaries',
        title: {
          ar: 'المستفيدون',
          fr: 'Bénéficiaires',
        },
        fields: [
          {
            id: 'beneficiaries',
            type: 'beneficiaries',
            required: true,
            label: {
              ar: 'الفئات المستفيدة',
              fr: 'Publics bénéficiaires',
            },
          },
        ],
      },
      {
        id: 'attachments',
        title: {
          ar: 'الوثائق',
          fr: 'Pièces jointes',
        },
        fields: [
          {
            id: 'doc_statutes',
            type: 'attachment',
            documentId: 'statutes',
            required: true,
            label: {
              ar: 'القانون الأساسي للجمعية',
              fr: "Statuts de l'association",
              zgh: 'ⴰⵏⴰⴹⴰⵡ ⴰⵙⵍⴰⵍ',
            },
          },
          {
            id: 'doc_budget',
            type: 'attachment',
            documentId: 'budget',
            required: true,
            label: {
              ar: 'الميزانية التقديرية للمشروع',
              fr: 'Budget prévisionnel du projet',
            },
          },
        ],
      },
    ],
  },
  amendments: [],
  contact: {
    name: {
      ar: 'مصلحة الشراكة مع الجمعيات',
      fr: 'Service du partenariat associatif',
    },
    email: 'partenariat@relations-parliament.gov.ma',
    phone: '+212 537 82 30 97',
  },
  documents: [
    {
      title: {
        ar: 'دفتر التحملات',
        fr: 'Cahier des charges',
      },
      url: 'https://www.nassij.ma/documents/ma-rp-2026-0001.pdf',
      mediaType: 'application/pdf',
    },
  ],
  stats: {
    applications: 0,
    eligible: 0,
    awarded: 0,
    amountAwarded: {
      amount: '0.00',
      currency: 'MAD',
    },
  },
};

/** The demo member's two associations. */
export const DEMO_MEMBERSHIPS: Membership[] = [
  {
    association: {
      id: 'asso_0001',
      name: {
        ar: 'جمعية تيفاوين للتنمية القروية بتيزنيت',
        fr: 'Association Tifawin pour le développement rural de Tiznit',
      },
      legalForm: 'association',
      region: 'MA-09',
      domains: ['rural-development', 'education'],
      sizeBand: '6-20',
      publicUtility: false,
    },
    role: 'member',
  },
  {
    association: {
      id: 'asso_0002',
      name: {
        ar: 'جمعية أفق لدعم الشباب بالدار البيضاء',
        fr: "Association Ofoq d'appui aux jeunes de Casablanca",
      },
      legalForm: 'association',
      region: 'MA-06',
      domains: ['youth', 'digital'],
      sizeBand: '1-5',
      publicUtility: false,
    },
    role: 'member',
  },
];

/** An unmet eligibility result. */
export const DEMO_INELIGIBLE: EligibilityResult = {
  eligible: false,
  reasons: [
    { rule: 'age', code: 'too_young', params: { minimumYears: 2, ageYears: 1 } },
    { rule: 'reports', code: 'annual_reports_missing', params: { years: 2, missing: ['2024', '2025'] } },
  ],
};

/** A draft with some answers and one attachment. */
export const DEMO_DRAFT: Application = {
  id: 'app_0100',
  callId: 'call_0001',
  callReference: DEMO_CALL.reference,
  callTitle: DEMO_CALL.title,
  associationId: 'asso_0001',
  associationName: DEMO_MEMBERSHIPS[0]!.association.name,
  formVersion: 1,
  status: 'draft',
  history: [{ status: 'draft', at: '2026-03-01T09:00:00Z' }],
  answers: {
    project_title: 'نادي القراءة في الدواوير',
    summary: 'أنشطة قراءة أسبوعية لفائدة أطفال الدواوير.',
    start_date: '2027-01-15',
    duration_months: 12,
    project_region: 'MA-09',
    area: 'rural',
    budget_lines: {
      lines: [
        {
          id: 'line_1',
          label: 'كتب',
          category: 'activities',
          amount: { amount: '100000.00', currency: 'MAD' },
          coFinanced: { amount: '20000.00', currency: 'MAD' },
        },
      ],
    },
    requested_amount: { amount: '80000.00', currency: 'MAD' },
    beneficiaries: { count: 120, women: 60, youth: 90 },
  },
  attachments: [
    {
      id: 'att_1',
      documentId: 'statutes',
      fileName: 'statuts.pdf',
      size: 120000,
      mediaType: 'application/pdf',
      sha256: `sha256:${'a'.repeat(64)}`,
      scanState: 'pending',
      uploadedAt: '2026-03-01T09:10:00Z',
    },
  ],
  revision: 4,
  createdAt: '2026-03-01T09:00:00Z',
  autosavedAt: '2026-03-01T09:12:00Z',
};

/** The same application, submitted, with its receipt. */
export const DEMO_SUBMITTED: Application = {
  ...DEMO_DRAFT,
  status: 'received',
  history: [
    { status: 'draft', at: '2026-03-01T09:00:00Z' },
    { status: 'submitted', at: '2026-03-02T10:00:00Z' },
    { status: 'received', at: '2026-03-02T10:00:01Z' },
  ],
  submittedAt: '2026-03-02T10:00:00Z',
  receipt: {
    number: 'REC-2026-000100',
    submittedAt: '2026-03-02T10:00:00Z',
    timeZone: 'Africa/Casablanca',
    contentHash: `sha256:${'b'.repeat(64)}`,
  },
};

/**
 * The same application once found admissible, reviewed and awarded, with the staff's conditions and reason and
 * an appeal window until `appealUntil` (an instant: pass a future one for an open window, a past one for a
 * closed window).
 */
export function demoDecided(appealUntil: string): Application {
  return {
    ...DEMO_SUBMITTED,
    status: 'awarded',
    history: [
      ...DEMO_SUBMITTED.history,
      { status: 'eligibility_check', at: '2026-04-01T09:00:00Z' },
      { status: 'under_review', at: '2026-04-02T09:00:00Z' },
      { status: 'awarded', at: '2026-05-04T10:00:00Z' },
    ],
    eligibilityCheck: { admissible: true, checkedAt: '2026-04-02T09:00:00Z' },
    decision: {
      outcome: 'awarded',
      amount: { amount: '75000.00', currency: 'MAD' },
      conditions: 'Rapport financier à remettre sous douze mois.\nRapport d’étape à six mois.',
      reason: 'Projet pertinent, budget réaliste.',
      decidedAt: '2026-05-04T10:00:00Z',
      appealUntil,
    },
  };
}
