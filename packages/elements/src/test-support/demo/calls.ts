import type { Call, CallSummary } from '@nassij/contract';

// Realistic sample calls for Storybook and data-mode tests (never bundled by define.ts).

const DAY = 86_400_000;
const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

const TEMPLATES: Omit<CallSummary, 'id' | 'reference' | 'dates' | 'status' | 'version'>[] = [
  {
    title: {
      ar: 'دعم مشاريع الجمعيات في مجال تشغيل الشباب',
      fr: 'Soutien aux projets associatifs pour l’emploi des jeunes',
      en: 'Support for association projects on youth employment',
    },
    summary: {
      ar: 'دعم مالي لمشاريع الإدماج المهني للشباب في الجهات.',
      fr: 'Appui financier aux projets d’insertion professionnelle des jeunes.',
    },
    funder: {
      sectorCode: 'youth-culture-communication',
      name: {
        ar: 'وزارة الشباب والثقافة والتواصل',
        fr: 'Ministère de la Jeunesse, de la Culture et de la Communication',
      },
      level: 'national',
    },
    fiscalYear: 2026,
    instrument: 'grant',
    domains: ['youth'],
    coverage: 'national',
    eligibleRegions: [],
    budget: {
      total: { amount: '5000000.00', currency: 'MAD' },
      minAward: { amount: '50000.00', currency: 'MAD' },
      maxAward: { amount: '200000.00', currency: 'MAD' },
    },
    deadlineModel: { kind: 'single' },
  },
  {
    title: {
      ar: 'طلب مشاريع لتزويد الدواوير بالماء الصالح للشرب',
      fr: 'Appel à projets pour l’accès des douars à l’eau potable',
    },
    summary: {
      ar: 'تمويل مشاريع جمعيات الماء في الوسط القروي.',
      fr: 'Financement des associations d’eau en milieu rural.',
    },
    funder: {
      sectorCode: 'region-souss-massa',
      name: { ar: 'مجلس جهة سوس ماسة', fr: 'Conseil régional Souss-Massa' },
      level: 'regional',
    },
    fiscalYear: 2026,
    instrument: 'partnership_agreement',
    domains: ['environment'],
    coverage: 'regions',
    eligibleRegions: ['MA-09'],
    budget: {
      total: { amount: '12000000.00', currency: 'MAD' },
      maxAward: { amount: '1500000.00', currency: 'MAD' },
    },
    deadlineModel: { kind: 'single' },
  },
  {
    title: {
      ar: 'دعم الجمعيات العاملة في مجال حقوق المرأة',
      fr: 'Soutien aux associations œuvrant pour les droits des femmes',
      zgh: 'ⴰⵙⵏⴰⴷ ⵏ ⵜⵎⵓⵙⵙⵓⵏⵉⵏ ⵏ ⵉⵣⵔⴼⴰⵏ ⵏ ⵜⵎⵖⴰⵔⵉⵏ',
    },
    summary: {
      ar: 'مشاريع التمكين الاقتصادي للنساء.',
      fr: 'Projets d’autonomisation économique des femmes.',
    },
    funder: {
      sectorCode: 'entraide-nationale',
      name: { ar: 'مؤسسة التعاون الوطني', fr: 'Entraide nationale' },
      level: 'public_establishment',
    },
    fiscalYear: 2026,
    instrument: 'grant',
    domains: ['womens-rights'],
    coverage: 'regions',
    eligibleRegions: ['MA-01', 'MA-06'],
    budget: {
      total: { amount: '800000.00', currency: 'MAD' },
      maxAward: { amount: '40000.00', currency: 'MAD' },
    },
    deadlineModel: { kind: 'single' },
  },
  {
    title: {
      ar: 'برنامج دعم تمدرس الأطفال في العالم القروي',
      fr: 'Programme d’appui à la scolarisation en milieu rural',
    },
    summary: { ar: 'دعم النقل المدرسي ودور الطالب.', fr: 'Transport scolaire et maisons de l’étudiant.' },
    funder: {
      sectorCode: 'national-education',
      name: { ar: 'وزارة التربية الوطنية', fr: 'Ministère de l’Éducation nationale' },
      level: 'national',
    },
    fiscalYear: 2026,
    instrument: 'grant',
    domains: ['education', 'childhood'],
    coverage: 'national',
    eligibleRegions: [],
    budget: { total: { amount: '3000000.00', currency: 'MAD' } },
    deadlineModel: { kind: 'rolling' },
  },
];

/**
 * `count` sample call summaries, cycling through a few realistic ones with distinct ids and deadlines.
 *
 * @example
 * ```ts
 * el.calls = demoCalls(500); // a virtualised list
 * ```
 */
export function demoCalls(count: number, now: Date = new Date()): CallSummary[] {
  return Array.from({ length: count }, (_, i) => {
    const template = TEMPLATES[i % TEMPLATES.length] as (typeof TEMPLATES)[number];
    const n = String(i + 1).padStart(4, '0');
    const closesAt = iso(now.getTime() + (3 + ((i * 7) % 60)) * DAY);
    return {
      ...template,
      id: `call_${n}`,
      reference: `NSJ-2026-${n}`,
      status: 'open',
      version: 1,
      dates: {
        publishedAt: iso(now.getTime() - 20 * DAY),
        opensAt: iso(now.getTime() - 15 * DAY),
        ...(template.deadlineModel.kind === 'rolling'
          ? {}
          : { closes: { at: closesAt, timeZone: 'Africa/Casablanca' as const } }),
      },
    };
  });
}

/**
 * The full version of `demoCalls(…)[0]`, for the detail view in data mode.
 *
 * @example
 * ```ts
 * el.details = { [detail.id]: demoCallDetail() };
 * ```
 */
export function demoCallDetail(now: Date = new Date()): Call {
  const summary = demoCalls(1, now)[0] as CallSummary;
  return {
    ...summary,
    version: 2,
    description: {
      ar: 'يهدف هذا الطلب إلى دعم مشاريع الجمعيات التي تساهم في الإدماج المهني للشباب.\nتقدم الطلبات عبر المنصة.',
      fr: 'Cet appel soutient les projets associatifs favorisant l’insertion professionnelle des jeunes.',
    },
    eligibleApplicantTypes: ['association'],
    eligibility: { rules: { all: [] } as unknown as Call['eligibility']['rules'] },
    criteria: [
      {
        id: 'crit_1',
        label: { ar: 'جودة المشروع', fr: 'Qualité du projet' },
        weight: 40,
        maxScore: 20,
        anchors: [],
      },
      {
        id: 'crit_2',
        label: { ar: 'الأثر على الشباب', fr: 'Impact sur les jeunes' },
        weight: 35,
        maxScore: 20,
        anchors: [],
      },
      {
        id: 'crit_3',
        label: { ar: 'القدرة التدبيرية', fr: 'Capacité de gestion' },
        weight: 25,
        maxScore: 20,
        anchors: [],
      },
    ],
    requiredDocuments: [
      {
        id: 'doc_1',
        type: 'statutes',
        label: { ar: 'القانون الأساسي للجمعية', fr: 'Statuts de l’association' },
        requirement: 'mandatory',
        mediaTypes: ['application/pdf'],
        maxBytes: 5 * 1_048_576,
      },
      {
        id: 'doc_2',
        type: 'budget',
        label: { ar: 'الميزانية التقديرية', fr: 'Budget prévisionnel' },
        requirement: 'mandatory',
        mediaTypes: [
          'application/pdf',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'application/vnd.oasis.opendocument.spreadsheet',
        ],
        maxBytes: 2 * 1_048_576,
        templateUrl: 'https://example.ma/modeles/budget.xlsx',
      },
    ],
    form: { id: 'form_1', version: 1, fields: [] } as unknown as Call['form'],
    amendments: [
      {
        version: 2,
        at: iso(now.getTime() - 5 * DAY),
        summary: { ar: 'تمديد آخر أجل بأسبوع.', fr: 'Report de la date limite d’une semaine.' },
      },
    ],
    contact: { email: 'appels@example.ma', phone: '+212537000000', url: 'https://example.ma/contact' },
    documents: [
      {
        title: { ar: 'دفتر التحملات', fr: 'Cahier des charges' },
        url: 'https://example.ma/docs/cahier.pdf',
        mediaType: 'application/pdf',
      },
      { title: { fr: 'Lien dangereux' }, url: 'javascript:alert(1)' as 'https://x' },
    ],
    stats: { applications: 0, eligible: 0, awarded: 0, amountAwarded: { amount: '0', currency: 'MAD' } },
  };
}
