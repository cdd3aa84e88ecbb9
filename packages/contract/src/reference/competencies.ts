import * as z from 'zod/mini';
import { LocalizedText } from '../shared/localized-text.js';

/** Codes of the capacity-building competency framework; stable, trainings store them. */
export const COMPETENCY_CODES = [
  'governance',
  'financial-management',
  'project-management',
  'fundraising',
  'advocacy',
  'monitoring-evaluation',
  'legal-compliance',
  'digital-skills',
  'communication',
  'volunteer-management',
] as const;

/**
 * A competency code of the framework.
 *
 * @example
 * ```ts
 * CompetencyCode.parse('fundraising'); // 'fundraising'
 * ```
 */
export const CompetencyCode = /* @__PURE__ */ (() => z.enum(COMPETENCY_CODES))();
export type CompetencyCode = z.infer<typeof CompetencyCode>;

/**
 * A level of mastery: 1 foundation, 2 practitioner, 3 advanced.
 *
 * @example
 * ```ts
 * CompetencyLevel.parse(2); // 2
 * ```
 */
export const CompetencyLevel = /* @__PURE__ */ (() => z.literal([1, 2, 3]))();
export type CompetencyLevel = z.infer<typeof CompetencyLevel>;

/** What a level of one competency means. */
export const CompetencyLevelDescriptor = /* @__PURE__ */ (() =>
  z.strictObject({
    level: CompetencyLevel,
    descriptor: LocalizedText,
  }))();
export type CompetencyLevelDescriptor = z.infer<typeof CompetencyLevelDescriptor>;

/**
 * One competency of the framework with its three levels, in order 1, 2, 3.
 *
 * @example
 * ```ts
 * COMPETENCIES.find((c) => c.code === 'advocacy')?.levels[2]?.level; // 3
 * ```
 */
export const Competency = /* @__PURE__ */ (() =>
  z.strictObject({
    code: CompetencyCode,
    name: LocalizedText,
    description: LocalizedText,
    levels: z.array(CompetencyLevelDescriptor).check(
      z.length(3),
      z.refine((levels) => levels.every((entry, index) => entry.level === index + 1), {
        message: 'Levels 1, 2 and 3, in that order',
      }),
    ),
  }))();
export type Competency = z.infer<typeof Competency>;

// The Tifinagh (zgh) names are working translations to be checked by IRCAM; descriptions fall back to Arabic.

/**
 * The names of the competencies, on their own so that a component listing them does not carry the
 * descriptions of every level.
 *
 * @example
 * ```ts
 * COMPETENCY_NAMES['digital-skills'].fr; // 'Compétences numériques'
 * ```
 */
export const COMPETENCY_NAMES: Readonly<Record<CompetencyCode, LocalizedText>> = {
  governance: { ar: 'الحكامة', fr: 'Gouvernance', zgh: 'ⵜⴰⵏⴱⴹⴰ', en: 'Governance' },
  'financial-management': {
    ar: 'التدبير المالي',
    fr: 'Gestion financière',
    zgh: 'ⴰⵙⵡⵓⴷⴷⵓ ⴰⵙⵉⴷⵉⵔ',
    en: 'Financial management',
  },
  'project-management': {
    ar: 'تدبير المشاريع',
    fr: 'Gestion de projet',
    zgh: 'ⴰⵙⵡⵓⴷⴷⵓ ⵏ ⵉⵙⵏⴼⴰⵔⵏ',
    en: 'Project management',
  },
  fundraising: {
    ar: 'تعبئة الموارد',
    fr: 'Mobilisation de ressources',
    zgh: 'ⴰⵙⵎⵓⵜⵜⵉ ⵏ ⵉⵖⴱⵓⵍⴰ',
    en: 'Fundraising',
  },
  advocacy: { ar: 'الترافع', fr: 'Plaidoyer', zgh: 'ⴰⵙⵏⵇⵇⵙ', en: 'Advocacy' },
  'monitoring-evaluation': {
    ar: 'التتبع والتقييم',
    fr: 'Suivi et évaluation',
    zgh: 'ⴰⴹⴼⴼⵓⵔ ⴷ ⵓⵙⵙⵉⵍⵉ',
    en: 'Monitoring and evaluation',
  },
  'legal-compliance': {
    ar: 'المطابقة القانونية',
    fr: 'Conformité juridique',
    zgh: 'ⴰⵎⵢⴰⵏⴰⵡ ⴰⵣⵔⴼⴰⵏ',
    en: 'Legal compliance',
  },
  'digital-skills': {
    ar: 'المهارات الرقمية',
    fr: 'Compétences numériques',
    zgh: 'ⵜⵉⵣⵎⵔⴰ ⵜⵉⵏⵓⵎⴰⵏⵉⵏ',
    en: 'Digital skills',
  },
  communication: { ar: 'التواصل', fr: 'Communication', zgh: 'ⴰⵎⵢⴰⵡⴰⴹ', en: 'Communication' },
  'volunteer-management': {
    ar: 'تدبير التطوع',
    fr: 'Gestion du bénévolat',
    zgh: 'ⴰⵙⵡⵓⴷⴷⵓ ⵏ ⵓⵙⵏⵎⴰⵍ',
    en: 'Volunteer management',
  },
};

/**
 * The capacity-building competency framework.
 *
 * @example
 * ```ts
 * COMPETENCIES.map((c) => c.code); // ['governance', 'financial-management', …]
 * ```
 */
export const COMPETENCIES: readonly Competency[] = [
  {
    code: 'governance',
    name: COMPETENCY_NAMES.governance,
    description: {
      ar: 'تسيير الهيئات والقرارات وفق النظام الأساسي ومبادئ الشفافية والمساءلة',
      fr: 'Faire fonctionner les organes et décisions selon les statuts, avec transparence et redevabilité',
      en: 'Running bodies and decisions according to the statutes, with transparency and accountability',
    },
    levels: [
      {
        level: 1,
        descriptor: {
          ar: 'يعرف النظام الأساسي وأدوار الهيئات',
          fr: 'Connaît les statuts et le rôle des organes',
          en: 'Knows the statutes and the role of each body',
        },
      },
      {
        level: 2,
        descriptor: {
          ar: 'ينظم الجموع العامة ويوثق القرارات',
          fr: 'Organise les assemblées générales et consigne les décisions',
          en: 'Runs general assemblies and records decisions',
        },
      },
      {
        level: 3,
        descriptor: {
          ar: 'يضع سياسات داخلية ويقيم أداء الهيئات',
          fr: 'Établit des politiques internes et évalue les organes',
          en: 'Sets internal policies and reviews how bodies perform',
        },
      },
    ],
  },
  {
    code: 'financial-management',
    name: COMPETENCY_NAMES['financial-management'],
    description: {
      ar: 'مسك المحاسبة وإعداد الميزانيات والتقارير المالية',
      fr: 'Tenir la comptabilité, établir budgets et rapports financiers',
      en: 'Keeping the accounts, preparing budgets and financial reports',
    },
    levels: [
      {
        level: 1,
        descriptor: {
          ar: 'يسجل المداخيل والمصاريف بانتظام',
          fr: 'Enregistre recettes et dépenses régulièrement',
          en: 'Records income and spending regularly',
        },
      },
      {
        level: 2,
        descriptor: {
          ar: 'يعد ميزانية مشروع ويتتبع تنفيذها',
          fr: "Construit le budget d'un projet et en suit l'exécution",
          en: 'Builds a project budget and tracks its execution',
        },
      },
      {
        level: 3,
        descriptor: {
          ar: 'يعد القوائم المالية السنوية ويستعد للافتحاص',
          fr: "Produit les états financiers annuels et prépare l'audit",
          en: 'Produces annual financial statements and prepares for audit',
        },
      },
    ],
  },
  {
    code: 'project-management',
    name: COMPETENCY_NAMES['project-management'],
    description: {
      ar: 'تصميم المشاريع وتخطيطها وتنفيذها في الآجال والميزانية',
      fr: 'Concevoir, planifier et conduire des projets dans les délais et le budget',
      en: 'Designing, planning and delivering projects on time and on budget',
    },
    levels: [
      {
        level: 1,
        descriptor: {
          ar: 'يصوغ أهداف المشروع وأنشطته',
          fr: "Formule les objectifs et activités d'un projet",
          en: "States a project's objectives and activities",
        },
      },
      {
        level: 2,
        descriptor: {
          ar: 'يستعمل الإطار المنطقي وجدولة الأنشطة',
          fr: 'Utilise le cadre logique et un chronogramme',
          en: 'Uses a logical framework and a work plan',
        },
      },
      {
        level: 3,
        descriptor: {
          ar: 'يقود مشاريع متعددة الشركاء ويدبر المخاطر',
          fr: 'Pilote des projets multi-partenaires et gère les risques',
          en: 'Leads multi-partner projects and manages risks',
        },
      },
    ],
  },
  {
    code: 'fundraising',
    name: COMPETENCY_NAMES.fundraising,
    description: {
      ar: 'تنويع مصادر التمويل والاستجابة لطلبات العروض',
      fr: 'Diversifier les financements et répondre aux appels à projets',
      en: 'Diversifying funding and answering calls for proposals',
    },
    levels: [
      {
        level: 1,
        descriptor: {
          ar: 'يحدد مصادر التمويل المتاحة',
          fr: 'Repère les sources de financement disponibles',
          en: 'Identifies available funding sources',
        },
      },
      {
        level: 2,
        descriptor: {
          ar: 'يعد ملف طلب دعم كاملا',
          fr: 'Monte un dossier de demande de soutien complet',
          en: 'Prepares a complete support application',
        },
      },
      {
        level: 3,
        descriptor: {
          ar: 'يضع استراتيجية تمويل متعددة السنوات',
          fr: 'Définit une stratégie de financement pluriannuelle',
          en: 'Sets a multi-year funding strategy',
        },
      },
    ],
  },
  {
    code: 'advocacy',
    name: COMPETENCY_NAMES.advocacy,
    description: {
      ar: 'التأثير في السياسات العمومية والمشاركة في التشاور العمومي',
      fr: 'Influencer les politiques publiques et participer aux consultations',
      en: 'Influencing public policy and taking part in public consultations',
    },
    levels: [
      {
        level: 1,
        descriptor: {
          ar: 'يعرف آليات الديمقراطية التشاركية',
          fr: 'Connaît les mécanismes de démocratie participative',
          en: 'Knows the mechanisms of participatory democracy',
        },
      },
      {
        level: 2,
        descriptor: {
          ar: 'يصوغ مذكرة ترافعية مبنية على معطيات',
          fr: 'Rédige une note de plaidoyer étayée',
          en: 'Writes an evidence-based advocacy brief',
        },
      },
      {
        level: 3,
        descriptor: {
          ar: 'يقود حملات ترافع وتحالفات',
          fr: 'Conduit des campagnes et des coalitions',
          en: 'Leads campaigns and coalitions',
        },
      },
    ],
  },
  {
    code: 'monitoring-evaluation',
    name: COMPETENCY_NAMES['monitoring-evaluation'],
    description: {
      ar: 'قياس النتائج والأثر واستخلاص الدروس',
      fr: 'Mesurer résultats et impact, en tirer des leçons',
      en: 'Measuring results and impact, and learning from them',
    },
    levels: [
      {
        level: 1,
        descriptor: {
          ar: 'يجمع معطيات الأنشطة',
          fr: 'Collecte les données des activités',
          en: 'Collects activity data',
        },
      },
      {
        level: 2,
        descriptor: {
          ar: 'يحدد مؤشرات ويعد تقارير التتبع',
          fr: 'Définit des indicateurs et produit des rapports de suivi',
          en: 'Defines indicators and writes monitoring reports',
        },
      },
      {
        level: 3,
        descriptor: {
          ar: 'يصمم تقييمات للأثر',
          fr: "Conçoit des évaluations d'impact",
          en: 'Designs impact evaluations',
        },
      },
    ],
  },
  {
    code: 'legal-compliance',
    name: COMPETENCY_NAMES['legal-compliance'],
    description: {
      ar: 'احترام الالتزامات القانونية للجمعيات (الظهير 1.58.376، التصريحات، حماية المعطيات)',
      fr: 'Respecter les obligations légales des associations (dahir 1-58-376, déclarations, loi 09-08)',
      en: 'Meeting the legal duties of associations (dahir 1-58-376, filings, data protection law 09-08)',
    },
    levels: [
      {
        level: 1,
        descriptor: {
          ar: 'يعرف التزامات التصريح والتجديد',
          fr: 'Connaît les obligations de déclaration et de renouvellement',
          en: 'Knows the filing and renewal duties',
        },
      },
      {
        level: 2,
        descriptor: {
          ar: 'يودع التقارير السنوية في آجالها',
          fr: 'Dépose les rapports annuels dans les délais',
          en: 'Files annual reports on time',
        },
      },
      {
        level: 3,
        descriptor: {
          ar: 'يضع نظاما للمطابقة والمراقبة الداخلية',
          fr: 'Met en place un dispositif de conformité et de contrôle interne',
          en: 'Sets up compliance and internal control',
        },
      },
    ],
  },
  {
    code: 'digital-skills',
    name: COMPETENCY_NAMES['digital-skills'],
    description: {
      ar: 'استعمال الأدوات الرقمية والمنصات العمومية بأمان',
      fr: 'Utiliser les outils numériques et les plateformes publiques en sécurité',
      en: 'Using digital tools and public platforms safely',
    },
    levels: [
      {
        level: 1,
        descriptor: {
          ar: 'يستعمل البريد الإلكتروني والمنصات الأساسية',
          fr: 'Utilise la messagerie et les plateformes de base',
          en: 'Uses e-mail and basic platforms',
        },
      },
      {
        level: 2,
        descriptor: {
          ar: 'يدبر الوثائق والعمل التشاركي عبر الإنترنت',
          fr: 'Gère documents et travail collaboratif en ligne',
          en: 'Manages documents and online collaboration',
        },
      },
      {
        level: 3,
        descriptor: {
          ar: 'يضع أدوات رقمية ويحمي المعطيات الشخصية',
          fr: 'Déploie des outils numériques et protège les données personnelles',
          en: 'Deploys digital tools and protects personal data',
        },
      },
    ],
  },
  {
    code: 'communication',
    name: COMPETENCY_NAMES.communication,
    description: {
      ar: 'التعريف بالجمعية وأنشطتها لدى الجمهور والشركاء',
      fr: "Faire connaître l'association et ses actions au public et aux partenaires",
      en: 'Making the association and its work known to the public and partners',
    },
    levels: [
      {
        level: 1,
        descriptor: {
          ar: 'ينشر أخبار الأنشطة',
          fr: 'Publie des nouvelles des activités',
          en: 'Posts news of activities',
        },
      },
      {
        level: 2,
        descriptor: {
          ar: 'يعد خطة تواصل ومحتوى متعدد اللغات',
          fr: 'Élabore un plan de communication et des contenus multilingues',
          en: 'Prepares a communication plan and multilingual content',
        },
      },
      {
        level: 3,
        descriptor: {
          ar: 'يدبر العلاقات مع الإعلام والشركاء',
          fr: 'Gère les relations avec les médias et les partenaires',
          en: 'Manages media and partner relations',
        },
      },
    ],
  },
  {
    code: 'volunteer-management',
    name: COMPETENCY_NAMES['volunteer-management'],
    description: {
      ar: 'استقطاب المتطوعين وتأطيرهم والاعتراف بعملهم',
      fr: 'Recruter, encadrer et reconnaître les bénévoles',
      en: 'Recruiting, supporting and recognising volunteers',
    },
    levels: [
      {
        level: 1,
        descriptor: {
          ar: 'يستقبل المتطوعين ويوجههم',
          fr: 'Accueille et oriente les bénévoles',
          en: 'Welcomes and guides volunteers',
        },
      },
      {
        level: 2,
        descriptor: {
          ar: 'ينظم مهام المتطوعين وتكوينهم',
          fr: 'Organise les missions et la formation des bénévoles',
          en: 'Organises volunteer roles and training',
        },
      },
      {
        level: 3,
        descriptor: {
          ar: 'يضع سياسة للتطوع وتثمين الخبرات',
          fr: 'Définit une politique de bénévolat et de valorisation des acquis',
          en: 'Sets a volunteering policy and recognises what volunteers learn',
        },
      },
    ],
  },
];
