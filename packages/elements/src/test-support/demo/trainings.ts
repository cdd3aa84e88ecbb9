import type { Course, MyAssociation, Registration } from '@nassij/contract';

// Realistic demo data for data mode (stories and tests); not part of the public API.

/** Four courses: open, nearly full, full with a waiting list, online and free. */
export const DEMO_COURSES: Course[] = [
  {
    id: 'crs_demo_1',
    reference: 'MA-MRP-FOR-2026-0003',
    title: {
      ar: 'التدبير المالي للجمعيات',
      fr: 'Gestion financière des associations',
      zgh: 'ⴰⵙⵡⵓⴷⴷⵓ ⴰⵙⵉⴷⵉⵔ ⵏ ⵜⵎⵓⵔⵉⵡⵉⵏ',
      en: 'Financial management for associations',
    },
    description: {
      ar: 'تكوين عملي في إعداد الميزانية والتقارير المالية',
      fr: 'Formation pratique au budget et aux rapports financiers',
      en: 'Hands-on training in budgets and financial reports',
    },
    objectives: [{ ar: 'إعداد ميزانية مشروع', fr: 'Établir le budget d’un projet' }],
    provider: {
      sectorCode: 'mrp',
      name: {
        ar: 'مجلس جهة سوس ماسة',
        fr: 'Conseil régional Souss-Massa',
        en: 'Souss-Massa Regional Council',
      },
    },
    competencies: [{ code: 'financial-management', level: 1 }],
    targetAudience: { ar: 'أمناء مال الجمعيات', fr: 'Trésoriers des associations' },
    languages: ['ar', 'fr'],
    durationHours: 12,
    modality: 'on_site',
    cost: { free: true },
    credential: 'attestation',
    nextSessions: [
      {
        id: 'ses_demo_1',
        period: { start: '2026-05-12T08:00:00Z', end: '2026-05-14T16:00:00Z' },
        location: { kind: 'on_site', region: 'MA-09', city: { ar: 'أكادير', fr: 'Agadir', zgh: 'ⴰⴳⴰⴷⵉⵔ' } },
        seatsLeft: 14,
        registrationState: 'open',
        language: 'ar',
      },
      {
        id: 'ses_demo_2',
        period: { start: '2026-06-02T08:00:00Z', end: '2026-06-04T16:00:00Z' },
        location: { kind: 'on_site', region: 'MA-09', city: { ar: 'تارودانت', fr: 'Taroudant' } },
        seatsLeft: 1,
        registrationState: 'open',
        language: 'fr',
      },
      {
        // Held outside Souss-Massa: a page filtered on MA-09 must not offer it.
        id: 'ses_demo_6',
        period: { start: '2026-06-16T08:00:00Z', end: '2026-06-18T16:00:00Z' },
        location: { kind: 'on_site', region: 'MA-08', city: { ar: 'تنغير', fr: 'Tinghir', zgh: 'ⵜⵉⵏⵖⵉⵔ' } },
        seatsLeft: 20,
        registrationState: 'open',
        language: 'ar',
      },
    ],
  },
  {
    id: 'crs_demo_2',
    reference: 'MA-MRP-FOR-2026-0007',
    title: {
      ar: 'الترافع لدى الجماعات الترابية',
      fr: 'Le plaidoyer auprès des collectivités territoriales',
      zgh: 'ⴰⵙⵏⵎⴰⵍ ⴷⴰⵜ ⵜⵉⵎⴰⵙⵙⴰⵡⵉⵏ ⵜⵉⵎⵏⴰⴹⵉⵏ',
      en: 'Advocacy with local authorities',
    },
    description: {
      ar: 'بناء ملف ترافعي والمشاركة في العرائض',
      fr: 'Construire un dossier de plaidoyer et participer aux pétitions',
    },
    objectives: [{ ar: 'صياغة مذكرة ترافعية' }],
    provider: { sectorCode: 'mrp', name: { ar: 'الوزارة المكلفة بالعلاقات مع البرلمان' } },
    competencies: [
      { code: 'advocacy', level: 2 },
      { code: 'communication', level: 2 },
    ],
    targetAudience: { ar: 'رؤساء الجمعيات', fr: 'Présidents d’associations' },
    languages: ['ar', 'zgh'],
    durationHours: 18,
    modality: 'blended',
    cost: { free: false, amount: { amount: '300.00', currency: 'MAD' }, fundedBy: { fr: 'INDH' } },
    credential: 'badge',
    nextSessions: [
      {
        id: 'ses_demo_3',
        period: { start: '2026-05-20T09:00:00Z', end: '2026-05-22T15:00:00Z' },
        location: { kind: 'on_site', region: 'MA-07', city: { ar: 'مراكش', fr: 'Marrakech', zgh: 'ⵎⵕⵕⴰⴽⵛ' } },
        seatsLeft: 0,
        registrationState: 'waitlist',
        language: 'zgh',
      },
    ],
  },
  {
    id: 'crs_demo_3',
    reference: 'MA-MRP-FOR-2026-0011',
    title: {
      ar: 'المهارات الرقمية للجمعيات',
      fr: 'Compétences numériques pour les associations',
      en: 'Digital skills for associations',
    },
    description: {
      ar: 'استعمال الأدوات الرقمية في التواصل والتدبير',
      fr: 'Utiliser les outils numériques pour communiquer et gérer',
    },
    objectives: [{ fr: 'Publier un rapport d’activité en ligne' }],
    provider: { sectorCode: 'mrp', name: { fr: 'Agence de développement du digital' } },
    competencies: [{ code: 'digital-skills', level: 1 }],
    targetAudience: { fr: 'Chargés de communication' },
    languages: ['fr', 'en'],
    durationHours: 6,
    modality: 'online',
    cost: { free: true },
    credential: 'none',
    nextSessions: [
      {
        id: 'ses_demo_4',
        period: { start: '2026-05-28T14:00:00Z', end: '2026-05-28T17:00:00Z' },
        location: { kind: 'online', platform: 'BigBlueButton' },
        seatsLeft: 80,
        registrationState: 'open',
        language: 'fr',
      },
    ],
  },
  {
    id: 'crs_demo_4',
    reference: 'MA-MRP-FOR-2026-0015',
    title: { ar: 'تتبع وتقييم المشاريع', fr: 'Suivi et évaluation des projets' },
    description: { ar: 'مؤشرات التتبع وتقارير الأثر', fr: 'Indicateurs de suivi et rapports d’impact' },
    objectives: [{ ar: 'بناء إطار منطقي' }],
    provider: { sectorCode: 'mrp', name: { ar: 'مجلس جهة فاس مكناس', fr: 'Conseil régional Fès-Meknès' } },
    competencies: [{ code: 'monitoring-evaluation', level: 3 }],
    targetAudience: { ar: 'منسقو المشاريع' },
    languages: ['ar'],
    durationHours: 24,
    modality: 'on_site',
    cost: { free: true },
    credential: 'attestation',
    nextSessions: [
      {
        id: 'ses_demo_5',
        period: { start: '2026-04-10T08:00:00Z', end: '2026-04-12T16:00:00Z' },
        location: { kind: 'on_site', region: 'MA-03', city: { ar: 'فاس', fr: 'Fès' } },
        seatsLeft: 5,
        registrationState: 'closed',
        language: 'ar',
      },
    ],
  },
];

/** Two associations, so the dialog shows its chooser. */
export const DEMO_ASSOCIATIONS: MyAssociation[] = [
  {
    association: {
      id: 'asso_demo_1',
      name: { ar: 'جمعية أمل سوس للتنمية', fr: 'Association Amal Souss pour le développement' },
      legalForm: 'association',
      region: 'MA-09',
      domains: ['education'],
      sizeBand: '1-5',
      publicUtility: false,
    },
    role: 'member',
  },
  {
    association: {
      id: 'asso_demo_2',
      name: { ar: 'تعاونية نساء تيزنيت', fr: 'Coopérative des femmes de Tiznit' },
      legalForm: 'association',
      region: 'MA-09',
      domains: ['education'],
      sizeBand: '1-5',
      publicUtility: false,
    },
    role: 'member',
  },
];

/** "My registrations": one confirmed, one waitlisted, one cancelled. */
export const DEMO_REGISTRATIONS: Registration[] = [
  {
    id: 'reg_demo_1',
    sessionId: 'ses_demo_1',
    courseId: 'crs_demo_1',
    associationId: 'asso_demo_1',
    participant: { name: 'أمينة العلوي', role: 'أمينة المال' },
    status: 'confirmed',
    createdAt: '2026-04-02T10:00:00Z',
    history: [{ at: '2026-04-02T10:00:00Z', status: 'confirmed' }],
  },
  {
    id: 'reg_demo_2',
    sessionId: 'ses_demo_3',
    courseId: 'crs_demo_2',
    associationId: 'asso_demo_1',
    participant: { name: 'ⵜⵉⵍⵉⵍⵉ ⴰⵎⴰⵣⵉⵖ' },
    status: 'waitlisted',
    waitlistPosition: 2,
    createdAt: '2026-04-03T10:00:00Z',
    history: [{ at: '2026-04-03T10:00:00Z', status: 'waitlisted' }],
  },
  {
    id: 'reg_demo_3',
    sessionId: 'ses_demo_4',
    courseId: 'crs_demo_3',
    associationId: 'asso_demo_2',
    participant: { name: 'Youssef Benali', role: 'Chargé de communication' },
    status: 'cancelled',
    createdAt: '2026-03-20T10:00:00Z',
    history: [{ at: '2026-03-20T10:00:00Z', status: 'confirmed' }],
  },
];
