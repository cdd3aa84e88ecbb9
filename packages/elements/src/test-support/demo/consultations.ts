import type {
  Consultation,
  ConsultationPhase,
  ConsultationSummary,
  Contribution,
  DocumentVersion,
  Synthesis,
  VersionDiff,
} from '@nassij/contract';

// Realistic data-mode fixtures (Arabic first) for stories and tests; shaped like the reference server's seed.

const day = (n: number) => new Date(Date.UTC(2026, 2, 1 + n, 9)).toISOString().replace('.000', '');

const v1: DocumentVersion = {
  id: 'v1',
  consultationId: 'cons_demo',
  label: { ar: 'الصيغة الأولى', fr: 'Version 1' },
  publishedAt: day(0),
  sections: [
    {
      id: 'ch-1',
      heading: { ar: 'الباب الأول: أحكام عامة', fr: 'Titre I : Dispositions générales' },
      articles: [
        {
          id: 'art-1',
          number: '1',
          body: {
            ar: 'يهدف هذا القانون إلى تنظيم التشاور العمومي.',
            fr: 'La présente loi organise la consultation publique.',
          },
          contributionCount: 3,
        },
        {
          id: 'art-2',
          number: '2',
          body: {
            ar: 'لا تقل مدة التشاور عن ثلاثين يوما.',
            fr: 'La consultation dure au moins trente jours.',
          },
          contributionCount: 5,
        },
        {
          id: 'art-3',
          number: '3',
          body: { ar: 'تنشر الإدارة حصيلة التشاور.', fr: 'L’administration publie le bilan.' },
          contributionCount: 0,
        },
      ],
    },
  ],
};

const v2: DocumentVersion = {
  ...v1,
  id: 'v2',
  label: { ar: 'الصيغة الثانية', fr: 'Version 2' },
  publishedAt: day(15),
  sections: [
    {
      id: 'ch-1',
      heading: v1.sections[0]?.heading ?? { ar: '' },
      articles: [
        {
          id: 'art-1',
          number: '1',
          body: {
            ar: 'يهدف هذا القانون إلى تنظيم التشاور العمومي.',
            fr: 'La présente loi organise la consultation publique.',
          },
          contributionCount: 3,
        },
        {
          id: 'art-2',
          number: '2',
          body: {
            ar: 'لا تقل مدة التشاور عن خمسة وأربعين يوما.',
            fr: 'La consultation dure au moins quarante-cinq jours.',
          },
          contributionCount: 5,
          changed: 'modified',
        },
        {
          id: 'art-2b',
          number: '2 مكرر',
          body: { ar: 'تحدث لجنة جهوية للتشاور.', fr: 'Une commission régionale de consultation est créée.' },
          contributionCount: 1,
          changed: 'added',
        },
      ],
    },
  ],
};

/**
 * The demo diff of version 2 against version 1: one article modified, one added, one removed.
 *
 * @example
 * ```ts
 * el.diff = demoDiff;
 * ```
 */
export const demoDiff: VersionDiff = {
  consultationId: 'cons_demo',
  fromVersionId: 'v1',
  toVersionId: 'v2',
  articles: [
    { articleId: 'art-1', number: '1', change: 'unchanged' },
    {
      articleId: 'art-2',
      number: '2',
      change: 'modified',
      before: v1.sections[0]?.articles[1]?.body ?? { ar: '' },
      after: v2.sections[0]?.articles[1]?.body ?? { ar: '' },
    },
    { articleId: 'art-2b', number: '2 مكرر', change: 'added', after: { ar: 'تحدث لجنة جهوية للتشاور.' } },
    { articleId: 'art-3', number: '3', change: 'removed', before: { ar: 'تنشر الإدارة حصيلة التشاور.' } },
  ],
};

/**
 * The demo synthesis: a summary, one per-article summary and a recommendation per outcome.
 *
 * @example
 * ```ts
 * demoConsultation('synthesis_published').synthesis?.recommendations.length; // 3
 * ```
 */
export const demoSynthesis: Synthesis = {
  publishedAt: day(60),
  summary: {
    ar: 'تلقت الاستشارة 958 مساهمة من 412 مشاركا، أغلبها حول مدة التشاور.',
    fr: '958 contributions de 412 participants, surtout sur la durée.',
  },
  articles: [
    {
      articleId: 'art-2',
      summary: { ar: 'طلب واسع لتمديد المدة.', fr: 'Forte demande d’allonger la durée.' },
    },
  ],
  recommendations: [
    {
      contributionId: 'ctb_1',
      articleId: 'art-2',
      excerpt: 'رفع المدة إلى ستين يوما',
      outcome: 'partly_accepted',
      reason: { ar: 'رفعت إلى خمسة وأربعين يوما.' },
    },
    {
      contributionId: 'ctb_2',
      articleId: 'art-1',
      excerpt: 'إشراك الجماعات الترابية',
      outcome: 'accepted',
      reason: { ar: 'أضيفت المادة 2 مكرر.' },
    },
    {
      contributionId: 'ctb_3',
      excerpt: 'إلغاء التشاور الإلكتروني',
      outcome: 'not_retained',
      reason: { ar: 'يبقى التشاور الإلكتروني أساسيا.' },
    },
  ],
};

/**
 * A demo consultation in the given phase and participation mode, with its current text (version 2).
 *
 * @example
 * ```ts
 * el.data = demoConsultation('contributions_open', 'open');
 * ```
 */
export function demoConsultation(
  phase: ConsultationPhase = 'contributions_open',
  mode: Consultation['participationMode'] = 'open',
): Consultation {
  return {
    id: 'cons_demo',
    reference: 'MA-CONS-2026-0001',
    title: {
      ar: 'مشروع قانون يتعلق بالتشاور العمومي',
      fr: 'Projet de loi relatif à la consultation publique',
    },
    summary: {
      ar: 'مشروع قانون يحدد قواعد إشراك المواطنين والجمعيات.',
      fr: 'Règles de participation des citoyens et associations.',
    },
    issuingBody: {
      sectorCode: 'relations-parliament',
      name: {
        ar: 'الوزارة المكلفة بالعلاقات مع البرلمان',
        fr: 'Ministère chargé des relations avec le Parlement',
      },
    },
    scope: 'national',
    subjectType: 'draft_law',
    participationMode: mode,
    phase,
    phases: [
      { phase: 'information', period: { start: day(-10), end: day(0) }, timeZone: 'Africa/Casablanca' },
      { phase: 'contributions_open', period: { start: day(0), end: day(45) }, timeZone: 'Africa/Casablanca' },
      { phase: 'synthesis_published', period: { start: day(60) }, timeZone: 'Africa/Casablanca' },
    ],
    currentVersionId: 'v2',
    versions: [
      { id: 'v1', label: v1.label, publishedAt: v1.publishedAt },
      {
        id: 'v2',
        label: v2.label,
        publishedAt: v2.publishedAt,
        changeSummary: { ar: 'تمديد المدة وإحداث لجنة جهوية.' },
      },
    ],
    text: v2,
    questions: [
      {
        id: 'q1',
        kind: 'closed',
        prompt: { ar: 'هل توافق على مدة خمسة وأربعين يوما؟' },
        options: [
          { id: 'yes', label: { ar: 'نعم' } },
          { id: 'no', label: { ar: 'لا' } },
        ],
      },
    ],
    stats: {
      participants: 412,
      contributions: 958,
      recommendations: 73,
      supports: 2210,
      byRegion: [{ region: 'MA-09', participants: 120, contributions: 301 }],
      byParticipantType: [{ type: 'association', participants: 88, contributions: 240 }],
    },
    ...(phase === 'synthesis_published' ? { synthesis: demoSynthesis } : {}),
    documents: [
      {
        title: { ar: 'المذكرة التقديمية' },
        url: 'https://www.sgg.gov.ma/note.pdf',
        mediaType: 'application/pdf',
      },
    ],
    domains: ['human-rights'],
  };
}

/**
 * Demo contributions on article 2: an amendment with a reply and an official response, a comment against,
 * and a text that looks like markup (shown as text).
 *
 * @example
 * ```ts
 * el.contributions = demoContributions();
 * ```
 */
export function demoContributions(): Contribution[] {
  const base = {
    consultationId: 'cons_demo',
    articleId: 'art-2',
    moderation: { state: 'published' as const },
  };
  return [
    {
      ...base,
      id: 'ctb_1',
      kind: 'amendment',
      position: 'for',
      body: 'أقترح رفع المدة حتى تتمكن الجمعيات القروية من تنظيم لقاءات.',
      proposedText: 'لا تقل مدة التشاور عن ستين يوما.',
      author: {
        displayName: 'جمعية أمل',
        participantType: 'association',
        associationId: 'asso_0001',
        region: 'MA-09',
      },
      createdAt: day(3),
      supports: 14,
      officialResponse: {
        body: { ar: 'رفعت المدة إلى خمسة وأربعين يوما.' },
        respondedAt: day(16),
        by: { ar: 'الوزارة' },
      },
      replies: [
        {
          ...base,
          id: 'ctb_4',
          parentId: 'ctb_1',
          kind: 'comment',
          body: 'متفق تماما.',
          author: { displayName: 'يوسف', participantType: 'citizen' },
          createdAt: day(4),
          supports: 2,
        },
      ],
    },
    {
      ...base,
      id: 'ctb_2',
      kind: 'comment',
      position: 'against',
      body: 'ثلاثون يوما كافية.',
      author: { displayName: 'Karim', participantType: 'citizen', region: 'MA-06' },
      createdAt: day(5),
      supports: 3,
      replies: [],
    },
    {
      ...base,
      id: 'ctb_3',
      kind: 'comment',
      position: 'neutral',
      body: '<img src=x onerror=alert(1)> يظهر كنص',
      author: { displayName: 'ⵎⵓⵃⵎⵎⴷ', participantType: 'citizen' },
      createdAt: day(6),
      supports: 0,
      replies: [],
    },
  ];
}

/**
 * Demo cards for `<nassij-consultation-list>`, one per phase.
 *
 * @example
 * ```ts
 * list.consultations = demoSummaries();
 * ```
 */
export function demoSummaries(): ConsultationSummary[] {
  const c = demoConsultation();
  const phases: ConsultationPhase[] = [
    'contributions_open',
    'information',
    'upcoming',
    'closed',
    'synthesis_published',
  ];
  return phases.map((phase, i) => ({
    id: `cons_demo_${i}`,
    reference: `MA-CONS-2026-000${i + 1}`,
    title:
      i === 1
        ? { ar: 'برنامج التنمية الجهوية لسوس ماسة', fr: 'Programme de développement régional Souss-Massa' }
        : c.title,
    summary: c.summary,
    issuingBody:
      i === 1 ? { sectorCode: 'region-souss-massa', name: { ar: 'مجلس جهة سوس ماسة' } } : c.issuingBody,
    scope: i === 1 ? 'regional' : 'national',
    ...(i === 1 ? { region: 'MA-09' } : {}),
    subjectType: i === 1 ? 'regional_plan' : 'draft_law',
    participationMode: 'open',
    phase,
    ...(phase === 'contributions_open'
      ? { contributionsClose: { at: day(45), timeZone: 'Africa/Casablanca' as const } }
      : {}),
    participants: 40 * (i + 1),
    contributions: 90 * (i + 1),
    domains: ['human-rights'],
  }));
}
