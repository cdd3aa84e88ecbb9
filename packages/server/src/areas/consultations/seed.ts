import {
  type ConsultationPhase,
  type ConsultationPhaseDates,
  type ConsultationQuestion,
  type ContributionAuthor,
  type ContributionKind,
  type DocumentSection,
  type DocumentVersion,
  type IssuingBody,
  type LocalizedText,
  type Position,
  type RegionCode,
  SECTORS,
  type Synthesis,
} from '@nassij/contract';
import { toInstant } from '../../auth/tokens.js';
import type { SeedContext } from '../area.js';
import {
  addSupport,
  consultationTotals,
  findContributionRow,
  insertConsultation,
  insertContribution,
  nextContributionSeq,
  type StoredConsultation,
} from './store.js';

const DAY = 24 * 60 * 60 * 1000;
const t = (ar: string, fr: string, zgh?: string): LocalizedText => ({ ar, fr, ...(zgh ? { zgh } : {}) });

function issuer(code: string): IssuingBody {
  const sector = SECTORS.find((s) => s.code === code);
  if (!sector) throw new Error(`unknown sector ${code}`);
  return { sectorCode: sector.code, name: sector.name };
}

function section(
  id: string,
  heading: LocalizedText,
  articles: [string, string, LocalizedText][],
): DocumentSection {
  return { id, heading, articles: articles.map(([aid, number, body]) => ({ id: aid, number, body })) };
}

/** Phase dates relative to now, so that an "open" consultation is open whenever the demo runs. */
function phasesFor(phase: ConsultationPhase, at: (days: number) => string): ConsultationPhaseDates[] {
  const p = (name: ConsultationPhase, start: number, end?: number): ConsultationPhaseDates => ({
    phase: name,
    period: { start: at(start), ...(end === undefined ? {} : { end: at(end) }) },
    timeZone: 'Africa/Casablanca',
  });
  switch (phase) {
    case 'upcoming':
      return [p('information', 10, 25), p('contributions_open', 25, 55), p('closed', 55)];
    case 'information':
      return [p('information', -5, 10), p('contributions_open', 10, 40), p('closed', 40)];
    case 'contributions_open':
      return [p('information', -45, -40), p('contributions_open', -40, 20), p('closed', 20)];
    case 'closed':
      return [p('contributions_open', -90, -20), p('closed', -20)];
    case 'synthesis_published':
      return [p('contributions_open', -150, -90), p('closed', -90, -30), p('synthesis_published', -30)];
  }
}

// The draft law on public consultation (cons_0001), version 1.
const LAW_V1: DocumentSection[] = [
  section('ch-1', t('الباب الأول: أحكام عامة', 'Titre premier : Dispositions générales', 'ⴰⵣⵓⵍ ⴰⵎⵣⵡⴰⵔⵓ'), [
    [
      'art-1',
      '1',
      t(
        'يهدف هذا القانون إلى تحديد شروط وكيفيات إشراك المواطنات والمواطنين وجمعيات المجتمع المدني في إعداد مشاريع النصوص التشريعية والتنظيمية والسياسات العمومية.',
        'La présente loi fixe les conditions et les modalités de participation des citoyennes, des citoyens et des associations de la société civile à l’élaboration des projets de textes législatifs et réglementaires et des politiques publiques.',
      ),
    ],
    [
      'art-2',
      '2',
      t(
        'يقصد بالتشاور العمومي في مدلول هذا القانون كل مسطرة تتيح للعموم إبداء الرأي في مشروع نص قبل اعتماده.',
        'Au sens de la présente loi, on entend par consultation publique toute procédure permettant au public de donner son avis sur un projet de texte avant son adoption.',
      ),
    ],
    [
      'art-3',
      '3',
      t(
        'يرتكز التشاور العمومي على مبادئ الشفافية والمساواة في الولوج وحياد الإدارة وتعليل القرارات.',
        'La consultation publique repose sur les principes de transparence, d’égalité d’accès, de neutralité de l’administration et de motivation des décisions.',
      ),
    ],
  ]),
  section('ch-2', t('الباب الثاني: تنظيم التشاور', 'Titre II : Organisation de la consultation'), [
    [
      'art-4',
      '4',
      t(
        'تنشر السلطة الحكومية المعنية مشروع النص مرفقا بمذكرة تقديمية ودراسة الأثر عند وجودها.',
        'L’autorité gouvernementale concernée publie le projet de texte accompagné d’une note de présentation et, le cas échéant, de l’étude d’impact.',
      ),
    ],
    [
      'art-5',
      '5',
      t(
        'لا يمكن أن تقل مدة التشاور العمومي عن ثلاثين يوما تحتسب من تاريخ النشر.',
        'La durée de la consultation publique ne peut être inférieure à trente jours à compter de la date de publication.',
      ),
    ],
    [
      'art-6',
      '6',
      t(
        'يحدث بوابة وطنية للتشاور العمومي تنشر فيها مشاريع النصوص والمساهمات والحصيلة.',
        'Il est créé un portail national de la consultation publique où sont publiés les projets de textes, les contributions et la synthèse.',
      ),
    ],
    [
      'art-7',
      '7',
      t(
        'تحدد السلطة المعنية كيفية المشاركة: مفتوحة للعموم، أو للحسابات المسجلة، أو للجمعيات.',
        'L’autorité concernée fixe le mode de participation : ouvert à tous, réservé aux comptes enregistrés ou aux associations.',
      ),
    ],
    [
      'art-8',
      '8',
      t(
        'تنشر مشاريع النصوص باللغة العربية، ويمكن نشرها بلغات أخرى.',
        'Les projets de textes sont publiés en langue arabe et peuvent l’être dans d’autres langues.',
      ),
    ],
  ]),
  section(
    'ch-3',
    t('الباب الثالث: المساهمات ومعالجتها', 'Titre III : Les contributions et leur traitement'),
    [
      [
        'art-9',
        '9',
        t(
          'تودع المساهمات عبر البوابة الوطنية أو عبر المواقع الإلكترونية للجهات والجماعات.',
          'Les contributions sont déposées sur le portail national ou sur les sites des régions et des communes.',
        ),
      ],
      [
        'art-10',
        '10',
        t(
          'تخضع المساهمات لإشراف يهدف إلى استبعاد المحتويات المسيئة أو الخارجة عن الموضوع، مع تعليل كل قرار بالإخفاء.',
          'Les contributions sont modérées afin d’écarter les contenus injurieux ou hors sujet ; toute décision de masquage est motivée.',
        ),
      ],
      [
        'art-11',
        '11',
        t(
          'تعالج المعطيات ذات الطابع الشخصي للمساهمين طبقا لأحكام القانون رقم 09.08.',
          'Les données à caractère personnel des contributeurs sont traitées conformément aux dispositions de la loi n° 09-08.',
        ),
      ],
      [
        'art-12',
        '12',
        t(
          'تنشر السلطة المعنية حصيلة التشاور داخل أجل ستين يوما من تاريخ اختتامه.',
          'L’autorité concernée publie la synthèse de la consultation dans un délai de soixante jours à compter de sa clôture.',
        ),
      ],
      [
        'art-13',
        '13',
        t(
          'تتضمن الحصيلة جوابا معللا عن كل توصية، بقبولها أو قبولها جزئيا أو عدم الأخذ بها.',
          'La synthèse comporte une réponse motivée à chaque recommandation : retenue, partiellement retenue ou non retenue.',
        ),
      ],
    ],
  ),
  section('ch-4', t('الباب الرابع: أحكام ختامية', 'Titre IV : Dispositions finales'), [
    [
      'art-14',
      '14',
      t(
        'تحدد كيفيات تطبيق هذا القانون بنص تنظيمي.',
        'Les modalités d’application de la présente loi sont fixées par voie réglementaire.',
      ),
    ],
    [
      'art-15',
      '15',
      t(
        'يدخل هذا القانون حيز التنفيذ ابتداء من تاريخ نشره بالجريدة الرسمية.',
        'La présente loi entre en vigueur à compter de la date de sa publication au Bulletin officiel.',
      ),
    ],
  ]),
];

function lawV2(): DocumentSection[] {
  const changed: Record<string, LocalizedText> = {
    'art-5': t(
      'لا يمكن أن تقل مدة التشاور العمومي عن خمسة وأربعين يوما تحتسب من تاريخ النشر.',
      'La durée de la consultation publique ne peut être inférieure à quarante-cinq jours à compter de la date de publication.',
    ),
    'art-8': t(
      'تنشر مشاريع النصوص باللغتين العربية والأمازيغية، ويمكن نشرها بلغات أخرى.',
      'Les projets de textes sont publiés en langues arabe et amazighe et peuvent l’être dans d’autres langues.',
      'ⵜⵜⵓⵙⵙⵓⴼⵖⵏ ⵉⵙⵏⴼⴰⵔⵏ ⵙ ⵜⵄⵔⴰⴱⵜ ⴷ ⵜⵎⴰⵣⵉⵖⵜ.',
    ),
    'art-12': t(
      'تنشر السلطة المعنية حصيلة التشاور داخل أجل ثلاثين يوما من تاريخ اختتامه.',
      'L’autorité concernée publie la synthèse de la consultation dans un délai de trente jours à compter de sa clôture.',
    ),
  };
  return LAW_V1.map((s) => {
    const articles = s.articles
      .filter((a) => a.id !== 'art-14')
      .map((a) => ({ ...a, body: changed[a.id] ?? a.body }));
    if (s.id === 'ch-3') {
      const at = articles.findIndex((a) => a.id === 'art-9');
      articles.splice(at + 1, 0, {
        id: 'art-9b',
        number: '9 مكرر',
        body: t(
          'تضمن البوابة ولوج الأشخاص في وضعية إعاقة إلى مشاريع النصوص وإيداع المساهمات.',
          'Le portail garantit l’accès des personnes en situation de handicap aux projets de textes et au dépôt des contributions.',
        ),
      });
    }
    return { ...s, articles };
  });
}

const LAW_QUESTIONS: ConsultationQuestion[] = [
  {
    id: 'q1',
    kind: 'closed',
    prompt: t(
      'هل توافقون على مدة تشاور لا تقل عن 45 يوما؟',
      'Approuvez-vous une durée de consultation d’au moins 45 jours ?',
    ),
    options: [
      { id: 'yes', label: t('نعم', 'Oui', 'ⵢⴰⵀ') },
      { id: 'no', label: t('لا', 'Non', 'ⵓⵀⵓ') },
      { id: 'no_opinion', label: t('بدون رأي', 'Sans avis') },
    ],
  },
  {
    id: 'q2',
    kind: 'closed',
    multiple: true,
    prompt: t('ما هي قنوات المشاركة التي تفضلونها؟', 'Quels canaux de participation préférez-vous ?'),
    options: [
      { id: 'portal', label: t('البوابة الوطنية', 'Le portail national') },
      { id: 'regional_meetings', label: t('لقاءات جهوية', 'Des réunions régionales') },
      { id: 'associations', label: t('عبر الجمعيات', 'Par les associations') },
      { id: 'mobile', label: t('تطبيق الهاتف', 'Une application mobile') },
    ],
  },
  {
    id: 'q3',
    kind: 'open',
    prompt: t(
      'ما هي اقتراحاتكم لتعزيز مشاركة الشباب؟',
      'Quelles sont vos propositions pour renforcer la participation des jeunes ?',
    ),
  },
];

interface Person {
  author: ContributionAuthor;
  key: string;
  accountId?: string;
}

const PEOPLE: Person[] = [
  { key: 'seed:p1', author: { displayName: 'سعاد بنعيسى', participantType: 'citizen', region: 'MA-07' } },
  {
    key: 'seed:p2',
    author: { displayName: 'Youssef El Amrani', participantType: 'citizen', region: 'MA-06' },
  },
  { key: 'seed:p3', author: { displayName: 'ⵎⵓⵃⵎⵎⴷ ⴰⵢⵜ ⵍⵃⴰⵊ', participantType: 'citizen', region: 'MA-09' } },
  {
    key: 'acc:acc_0003',
    accountId: 'acc_0003',
    author: {
      displayName: 'جمعية الأمل للتنمية',
      participantType: 'association',
      associationId: 'asso_0001',
      region: 'MA-04',
    },
  },
  {
    key: 'seed:p5',
    author: {
      displayName: 'Collectif Jeunesse Active',
      participantType: 'association',
      associationId: 'asso_0002',
      region: 'MA-03',
    },
  },
  { key: 'seed:p6', author: { displayName: 'حسن أوبلا', participantType: 'citizen', region: 'MA-08' } },
  { key: 'seed:p7', author: { displayName: 'Karim Ouazzani', participantType: 'citizen', region: 'MA-01' } },
  { key: 'seed:p8', author: { displayName: 'ⵜⵉⵍⵉⵍⵉ ⴰⵎⵣⵢⴰⵏ', participantType: 'citizen', region: 'MA-05' } },
  {
    key: 'seed:p9',
    author: { displayName: 'جمعية نساء الأطلس', participantType: 'association', region: 'MA-05' },
  },
  { key: 'seed:p10', author: { displayName: 'Nadia Berrada', participantType: 'citizen', region: 'MA-04' } },
];

interface Seeded {
  who: number;
  article: string | null;
  kind: ContributionKind;
  body: string;
  proposed?: string;
  position?: Position;
  supports?: number;
  state?: 'pending' | 'published' | 'hidden';
  reason?: string;
  daysAgo: number;
  response?: LocalizedText;
  replies?: { who: number; body: string; daysAgo: number }[];
}

const LAW_CONTRIBUTIONS: Seeded[] = [
  {
    who: 8,
    article: 'art-5',
    kind: 'amendment',
    position: 'for',
    supports: 14,
    daysAgo: 30,
    body: 'أقترح رفع مدة التشاور إلى ستين يوما حتى تتمكن الجمعيات القروية من تنظيم لقاءات مع الساكنة.',
    proposed: 'لا يمكن أن تقل مدة التشاور العمومي عن ستين يوما تحتسب من تاريخ النشر.',
    response: t(
      'تم رفع المدة إلى خمسة وأربعين يوما في الصيغة الثانية.',
      'La durée a été portée à quarante-cinq jours dans la version 2.',
    ),
  },
  {
    who: 1,
    article: 'art-5',
    kind: 'comment',
    position: 'against',
    supports: 9,
    daysAgo: 28,
    body: 'Trente jours, c’est trop court pour les associations des zones rurales, surtout pendant les moissons.',
    replies: [
      { who: 6, body: 'Tout à fait d’accord, il faudrait aussi éviter le mois de Ramadan.', daysAgo: 27 },
    ],
  },
  {
    who: 2,
    article: 'art-8',
    kind: 'recommendation',
    position: 'for',
    supports: 11,
    daysAgo: 25,
    body: 'ⵉⵙⵙⴻⴼⴽ ⴰⴷ ⵜⵜⵓⵙⵙⵓⴼⵖⵏ ⵉⵙⵏⴼⴰⵔⵏ ⵙ ⵜⵎⴰⵣⵉⵖⵜ. يجب نشر مشاريع النصوص بالأمازيغية طبقا للقانون التنظيمي 26.16.',
  },
  {
    who: 3,
    article: 'art-11',
    kind: 'recommendation',
    position: 'neutral',
    supports: 7,
    daysAgo: 24,
    body: 'Prévoir l’effacement des données personnelles des contributeurs un an après la publication de la synthèse.',
  },
  {
    who: 0,
    article: 'art-11',
    kind: 'comment',
    position: 'for',
    supports: 2,
    daysAgo: 22,
    body: 'يجب ألا يظهر البريد الإلكتروني للمساهمين في أي حال من الأحوال.',
  },
  {
    who: 4,
    article: 'art-12',
    kind: 'amendment',
    position: 'against',
    supports: 6,
    daysAgo: 21,
    body: 'Soixante jours pour publier la synthèse, c’est trop long : l’intérêt du public retombe.',
    proposed:
      'L’autorité concernée publie la synthèse dans un délai de trente jours à compter de la clôture.',
    replies: [
      {
        who: 9,
        body: 'Trente jours suffisent si les contributions sont classées au fil de l’eau.',
        daysAgo: 20,
      },
    ],
  },
  {
    who: 5,
    article: 'art-10',
    kind: 'comment',
    daysAgo: 19,
    state: 'hidden',
    reason: 'Contient des données personnelles (numéro de téléphone)',
    body: 'اتصلوا بي على الرقم 0600000000 لمزيد من التفاصيل حول هذا الموضوع.',
  },
  {
    who: 6,
    article: 'art-10',
    kind: 'comment',
    position: 'neutral',
    daysAgo: 1,
    state: 'pending',
    body: 'Qui modère les modérateurs ? Il faudrait une voie de recours contre un masquage.',
  },
  {
    who: 9,
    article: 'art-1',
    kind: 'comment',
    position: 'for',
    supports: 4,
    daysAgo: 35,
    body: 'مبادرة إيجابية تعزز الديمقراطية التشاركية التي نص عليها دستور 2011.',
  },
  {
    who: 7,
    article: null,
    kind: 'recommendation',
    position: 'for',
    supports: 5,
    daysAgo: 18,
    body: 'Créer dans chaque région un comité de suivi des consultations associant élus et associations.',
  },
  {
    who: 2,
    article: 'art-9',
    kind: 'recommendation',
    position: 'for',
    daysAgo: 2,
    state: 'pending',
    body: 'ⴰⵙⵏⴼⴰⵔ ⵏ ⵜⵖⵔⵎⵉⵏ. تمكين المواطنين من إيداع المساهمات في مقرات الجماعات لمن لا يتوفر على الإنترنت.',
  },
  {
    who: 1,
    article: 'art-6',
    kind: 'comment',
    position: 'for',
    supports: 3,
    daysAgo: 16,
    body: 'Le portail national doit être accessible aux personnes malvoyantes (lecteurs d’écran, contrastes).',
    replies: [{ who: 0, body: 'نعم، وبلغة الإشارة أيضا في الفيديوهات التوضيحية.', daysAgo: 15 }],
  },
  {
    who: 3,
    article: 'art-3',
    kind: 'amendment',
    position: 'neutral',
    supports: 3,
    daysAgo: 14,
    body: 'Ajouter le principe de redevabilité : chaque avis reçoit une réponse.',
    proposed:
      'La consultation publique repose sur les principes de transparence, d’égalité d’accès, de neutralité et de redevabilité.',
  },
];

interface SimpleConsultation {
  id: string;
  number: number;
  title: LocalizedText;
  summary: LocalizedText;
  sector: string;
  scope: 'national' | 'regional' | 'local';
  region?: RegionCode;
  subjectType: StoredConsultation['subjectType'];
  mode: StoredConsultation['participationMode'];
  phase: ConsultationPhase;
  domains: string[];
  sections: DocumentSection[];
  contributions: number;
}

const OTHERS: SimpleConsultation[] = [
  {
    id: 'cons_0002',
    number: 2,
    sector: 'region-souss-massa',
    scope: 'regional',
    region: 'MA-09',
    subjectType: 'regional_plan',
    mode: 'registered',
    phase: 'contributions_open',
    domains: ['rural-development', 'water'],
    title: t(
      'برنامج التنمية الجهوية لجهة سوس ماسة 2022-2027: المراجعة المرحلية',
      'Programme de développement régional Souss-Massa 2022-2027 : révision à mi-parcours',
      'ⴰⵖⴰⵡⴰⵙ ⵏ ⵜⵏⴼⵍⵉⵜ ⵜⴰⵏⴰⵎⵓⵔⵜ ⵏ ⵙⵓⵙ ⵎⴰⵙⵙⴰ',
    ),
    summary: t(
      'يعرض مجلس الجهة المراجعة المرحلية لبرنامج التنمية الجهوية على المواطنين قصد إبداء الرأي في الأولويات.',
      'Le Conseil régional soumet la révision à mi-parcours du PDR aux citoyens pour avis sur les priorités.',
    ),
    sections: [
      section('axe-1', t('المحور الأول: الماء والفلاحة', 'Axe 1 : Eau et agriculture'), [
        [
          'pdr-1',
          '1',
          t(
            'تعميم تقنيات الري الموضعي في سهل سوس وتحلية مياه البحر لفائدة الساكنة.',
            'Généraliser l’irrigation localisée dans la plaine du Souss et le dessalement de l’eau de mer pour la population.',
          ),
        ],
        [
          'pdr-2',
          '2',
          t(
            'دعم التعاونيات النسائية لإنتاج زيت الأركان وتثمين المنتوجات المحلية.',
            'Soutenir les coopératives féminines d’huile d’argan et la valorisation des produits du terroir.',
          ),
        ],
      ]),
      section('axe-2', t('المحور الثاني: الشباب والتشغيل', 'Axe 2 : Jeunesse et emploi'), [
        [
          'pdr-3',
          '3',
          t(
            'إحداث فضاءات للمقاولة الذاتية في كل إقليم من أقاليم الجهة.',
            'Créer des espaces d’auto-entrepreneuriat dans chaque province de la région.',
          ),
        ],
        [
          'pdr-4',
          '4',
          t(
            'تعزيز النقل المدرسي في الجماعات القروية لمحاربة الهدر المدرسي.',
            'Renforcer le transport scolaire dans les communes rurales contre le décrochage scolaire.',
          ),
        ],
      ]),
    ],
    contributions: 14,
  },
  {
    id: 'cons_0003',
    number: 3,
    sector: 'solidarity-family',
    scope: 'national',
    subjectType: 'policy',
    mode: 'associations_only',
    phase: 'contributions_open',
    domains: ['social-economy', 'human-rights'],
    title: t(
      'دليل مساطر الشراكة بين الدولة والجمعيات',
      'Guide des procédures du partenariat État-associations',
    ),
    summary: t(
      'مشروع دليل موحد لمساطر الدعم العمومي للجمعيات، مفتوح لمساهمات ممثلي الجمعيات.',
      'Projet de guide unifié des procédures de soutien public aux associations, ouvert aux représentants d’associations.',
    ),
    sections: [
      section('g-1', t('طلبات العروض', 'Appels à projets'), [
        [
          'g-1-1',
          '1',
          t(
            'تعلن طلبات العروض قبل ثلاثين يوما على الأقل من آخر أجل لإيداع الملفات.',
            'Les appels à projets sont annoncés au moins trente jours avant la date limite de dépôt.',
          ),
        ],
        [
          'g-1-2',
          '2',
          t(
            'تنشر معايير الانتقاء وشبكة التنقيط مع الإعلان.',
            'Les critères de sélection et la grille de notation sont publiés avec l’appel.',
          ),
        ],
      ]),
      section('g-2', t('تتبع الشراكات', 'Suivi des partenariats'), [
        [
          'g-2-1',
          '3',
          t(
            'تقدم الجمعية تقريرا ماليا وأدبيا عند نهاية كل سنة من الشراكة.',
            'L’association remet un rapport financier et moral à la fin de chaque année de partenariat.',
          ),
        ],
        [
          'g-2-2',
          '4',
          t(
            'تصرف الأقساط داخل أجل ستين يوما من المصادقة على التقرير.',
            'Les tranches sont versées dans les soixante jours suivant l’approbation du rapport.',
          ),
        ],
      ]),
    ],
    contributions: 10,
  },
  {
    id: 'cons_0004',
    number: 4,
    sector: 'commune-rabat',
    scope: 'local',
    region: 'MA-04',
    subjectType: 'programme',
    mode: 'open',
    phase: 'upcoming',
    domains: ['environment'],
    title: t(
      'برنامج عمل جماعة الرباط: المساحات الخضراء',
      'Programme d’action de la commune de Rabat : espaces verts',
    ),
    summary: t(
      'تشاور مرتقب حول تهيئة المساحات الخضراء والحدائق العمومية.',
      'Consultation à venir sur l’aménagement des espaces verts et jardins publics.',
    ),
    sections: [
      section('p-1', t('الحدائق', 'Jardins'), [
        ['rb-1', '1', t('تهيئة حديقة في كل مقاطعة.', 'Aménager un jardin dans chaque arrondissement.')],
        [
          'rb-2',
          '2',
          t('غرس عشرة آلاف شجرة على امتداد ثلاث سنوات.', 'Planter dix mille arbres en trois ans.'),
        ],
      ]),
    ],
    contributions: 0,
  },
  {
    id: 'cons_0005',
    number: 5,
    sector: 'health',
    scope: 'national',
    subjectType: 'decree',
    mode: 'registered',
    phase: 'information',
    domains: ['health', 'childhood'],
    title: t('مشروع مرسوم يتعلق بالصحة المدرسية', 'Projet de décret relatif à la santé scolaire'),
    summary: t(
      'مرحلة إخبار قبل فتح باب المساهمات حول تنظيم الصحة المدرسية.',
      'Phase d’information avant l’ouverture des contributions sur l’organisation de la santé scolaire.',
    ),
    sections: [
      section('d-1', t('أحكام عامة', 'Dispositions générales'), [
        [
          'ds-1',
          '1',
          t(
            'يستفيد كل تلميذ من فحص طبي عند الالتحاق بالمدرسة.',
            'Chaque élève bénéficie d’une visite médicale à l’entrée à l’école.',
          ),
        ],
        [
          'ds-2',
          '2',
          t(
            'تحدث خلية للصحة المدرسية في كل مديرية إقليمية.',
            'Une cellule de santé scolaire est créée dans chaque direction provinciale.',
          ),
        ],
      ]),
    ],
    contributions: 0,
  },
  {
    id: 'cons_0006',
    number: 6,
    sector: 'youth-culture-communication',
    scope: 'national',
    subjectType: 'policy',
    mode: 'open',
    phase: 'closed',
    domains: ['youth', 'culture'],
    title: t(
      'الاستراتيجية الوطنية المندمجة للشباب',
      'Stratégie nationale intégrée de la jeunesse',
      'ⵜⴰⵙⵜⵔⴰⵜⵉⵊⵉⵜ ⵏ ⵉⵍⵎⵥⵢⴰⵏ',
    ),
    summary: t(
      'تشاور مختتم حول أولويات السياسة العمومية للشباب.',
      'Consultation close sur les priorités de la politique publique de la jeunesse.',
    ),
    sections: [
      section('y-1', t('المشاركة', 'Participation'), [
        [
          'y-1',
          '1',
          t(
            'إحداث مجالس شبابية محلية في كل جماعة.',
            'Créer des conseils locaux de jeunes dans chaque commune.',
          ),
        ],
        [
          'y-2',
          '2',
          t(
            'تعميم دور الشباب المفتوحة مساء وعطلة نهاية الأسبوع.',
            'Généraliser les maisons de jeunes ouvertes le soir et le week-end.',
          ),
        ],
      ]),
      section('y-2', t('التشغيل', 'Emploi'), [
        [
          'y-3',
          '3',
          t(
            'برنامج للتدريب المهني لفائدة الشباب غير الحاصلين على شهادة.',
            'Un programme de formation professionnelle pour les jeunes sans diplôme.',
          ),
        ],
      ]),
    ],
    contributions: 12,
  },
  {
    id: 'cons_0007',
    number: 7,
    sector: 'region-tanger-tetouan-al-hoceima',
    scope: 'regional',
    region: 'MA-01',
    subjectType: 'programme',
    mode: 'open',
    phase: 'synthesis_published',
    domains: ['environment', 'social-economy'],
    title: t(
      'برنامج جهوي للاقتصاد الاجتماعي والتضامني',
      'Programme régional de l’économie sociale et solidaire',
    ),
    summary: t(
      'تشاور انتهى بنشر الحصيلة وأجوبة معللة عن كل توصية.',
      'Consultation achevée : la synthèse et une réponse motivée à chaque recommandation sont publiées.',
    ),
    sections: [
      section('e-1', t('التعاونيات', 'Coopératives'), [
        [
          'ess-1',
          '1',
          t('مواكبة مائة تعاونية ناشئة كل سنة.', 'Accompagner cent coopératives naissantes chaque année.'),
        ],
        [
          'ess-2',
          '2',
          t(
            'إحداث سوق جهوي دائم لمنتوجات الاقتصاد التضامني.',
            'Créer un marché régional permanent des produits solidaires.',
          ),
        ],
      ]),
      section('e-2', t('التمويل', 'Financement'), [
        [
          'ess-3',
          '3',
          t('صندوق جهوي للقروض الصغرى بدون فوائد.', 'Un fonds régional de microcrédits sans intérêts.'),
        ],
      ]),
    ],
    contributions: 16,
  },
];

const GENERIC: { kind: ContributionKind; body: string; proposed?: string }[] = [
  { kind: 'comment', body: 'مقترح مهم، لكن يجب تحديد الجدولة الزمنية والميزانية المرصودة.' },
  {
    kind: 'comment',
    body: 'Il faut associer les associations locales dès la conception, pas seulement à la fin.',
  },
  { kind: 'recommendation', body: 'إعطاء الأولوية للجماعات القروية والمناطق الجبلية.' },
  {
    kind: 'recommendation',
    body: 'Publier chaque année un rapport d’exécution avec des indicateurs chiffrés.',
  },
  { kind: 'recommendation', body: 'ⴰⵙⵎⵓⵜⵜⴳ ⵏ ⵜⵎⵖⴰⵔⵉⵏ. تخصيص حصة للنساء والشباب في المستفيدين.' },
  { kind: 'comment', body: 'Les critères doivent être publiés en arabe, en amazighe et en français.' },
  {
    kind: 'amendment',
    body: 'Préciser un délai ferme plutôt qu’un objectif.',
    proposed: 'La mesure est mise en œuvre au plus tard douze mois après l’adoption du programme.',
  },
  { kind: 'comment', body: 'التجربة السابقة أظهرت ضعف التنسيق بين المتدخلين.' },
];

const POSITIONS: Position[] = ['for', 'for', 'against', 'neutral'];
const OUTCOMES = ['accepted', 'partly_accepted', 'not_retained'] as const;
const OUTCOME_REASONS: Record<(typeof OUTCOMES)[number], LocalizedText> = {
  accepted: t(
    'أدرجت التوصية في الصيغة النهائية للبرنامج.',
    'La recommandation est intégrée à la version finale du programme.',
  ),
  partly_accepted: t(
    'أخذت التوصية بعين الاعتبار جزئيا في حدود الميزانية المتاحة.',
    'La recommandation est partiellement retenue dans la limite du budget disponible.',
  ),
  not_retained: t(
    'لم يؤخذ بالتوصية لأنها تخرج عن اختصاصات الجهة.',
    'La recommandation n’est pas retenue : elle relève d’autres compétences que celles de la région.',
  ),
};

/**
 * Seeds seven consultations covering every phase, scope and participation mode, among them the draft law
 * on public consultation (`cons_0001`) in two versions with a rich set of contributions. Stats are never
 * seeded: they are computed from these contributions.
 *
 * @example
 * ```ts
 * await seedConsultations(ctx);
 * ```
 */
export async function seedConsultations(ctx: SeedContext): Promise<void> {
  const { db, now } = ctx;
  const at = (days: number) => toInstant(new Date(now.getTime() + days * DAY));
  const year = now.getUTCFullYear();
  let supporter = 0;
  const support = async (id: string, count: number, daysAgo: number) => {
    for (let i = 0; i < count; i++) await addSupport(db, id, `seed:s${++supporter}`, at(-daysAgo + 0.5));
  };

  await db.atomic(async () => {
    // The draft law, in two versions.
    const v1: DocumentVersion = {
      id: 'v1',
      consultationId: 'cons_0001',
      label: t('الصيغة الأولى', 'Version 1', 'ⵜⴰⵏⵖⵍⴰ ⵜⴰⵎⵣⵡⴰⵔⵓⵜ'),
      publishedAt: at(-40),
      sections: LAW_V1,
    };
    const v2: DocumentVersion = {
      id: 'v2',
      consultationId: 'cons_0001',
      label: t('الصيغة الثانية', 'Version 2'),
      publishedAt: at(-10),
      sections: lawV2(),
    };
    // The version current when a contribution was written (what migration 045 backfills by the same rule).
    const lawVersionAt = (instant: string) => (instant >= v2.publishedAt ? v2.id : v1.id);
    await insertConsultation(db, {
      createdAt: at(-45),
      versions: [v1, v2],
      consultation: {
        id: 'cons_0001',
        reference: `MA-CONS-${year}-0001`,
        title: t(
          'مشروع قانون يتعلق بالتشاور العمومي',
          'Projet de loi relatif à la consultation publique',
          'ⴰⵙⵏⴼⴰⵔ ⵏ ⵓⵙⵍⵖⵓ ⵖⴼ ⵓⵎⵙⴰⵙⴰ ⴰⵎⴰⵜⴰⵢ',
        ),
        summary: t(
          'مشروع قانون يحدد شروط وكيفيات إشراك المواطنات والمواطنين والجمعيات في إعداد النصوص والسياسات العمومية، تطبيقا للفصلين 12 و13 من الدستور.',
          'Projet de loi fixant les conditions de participation des citoyens et des associations à l’élaboration des textes et des politiques publiques, en application des articles 12 et 13 de la Constitution.',
        ),
        issuingBody: issuer('relations-parliament'),
        scope: 'national',
        subjectType: 'draft_law',
        participationMode: 'open',
        phase: 'contributions_open',
        phases: phasesFor('contributions_open', at),
        currentVersionId: 'v2',
        versions: [
          { id: 'v1', label: v1.label, publishedAt: v1.publishedAt },
          {
            id: 'v2',
            label: v2.label,
            publishedAt: v2.publishedAt,
            changeSummary: t(
              'تمديد مدة التشاور، النشر بالأمازيغية، تقليص أجل نشر الحصيلة، إضافة المادة 9 مكرر وحذف المادة 14.',
              'Durée allongée, publication en amazighe, synthèse plus rapide, article 9 bis ajouté et article 14 supprimé.',
            ),
          },
        ],
        questions: LAW_QUESTIONS,
        documents: [
          {
            title: t('المذكرة التقديمية', 'Note de présentation'),
            url: 'https://www.sgg.gov.ma/Portals/0/consultation/note-presentation.pdf',
            mediaType: 'application/pdf',
          },
        ],
        domains: ['human-rights'],
      },
    });

    for (const item of LAW_CONTRIBUTIONS) {
      const person = PEOPLE[item.who] as Person;
      const state = item.state ?? 'published';
      const created = at(-item.daysAgo);
      const id = await insertContribution(db, {
        seq: await nextContributionSeq(db),
        consultationId: 'cons_0001',
        articleId: item.article,
        versionId: lawVersionAt(created),
        kind: item.kind,
        body: item.body,
        proposedText: item.proposed,
        position: item.position,
        author: person.author,
        participantKey: person.key,
        accountId: person.accountId ?? null,
        // Seeded anonymous pending contributions come from a device that no test can present.
        deviceHash: state === 'pending' ? `seed-device-${item.who}` : null,
        createdAt: created,
        state,
        ...(state === 'pending' ? {} : { decidedAt: at(-item.daysAgo + 0.2) }),
        reason: item.reason,
        officialResponse: item.response
          ? { body: item.response, respondedAt: at(-10), by: issuer('relations-parliament').name }
          : undefined,
      });
      if (state === 'published') await support(id, item.supports ?? 0, item.daysAgo);
      for (const reply of item.replies ?? []) {
        const replier = PEOPLE[reply.who] as Person;
        const replyId = await insertContribution(db, {
          seq: await nextContributionSeq(db),
          consultationId: 'cons_0001',
          articleId: item.article,
          versionId: lawVersionAt(at(-reply.daysAgo)),
          parentId: id,
          kind: 'comment',
          body: reply.body,
          author: replier.author,
          participantKey: replier.key,
          accountId: replier.accountId ?? null,
          createdAt: at(-reply.daysAgo),
          state: 'published',
          decidedAt: at(-reply.daysAgo + 0.1),
        });
        await support(replyId, ctx.randomInt(0, 3), reply.daysAgo);
      }
    }
    // Answers to the three questions.
    const q3Answers = [
      'إدماج التربية على المواطنة في المقررات الدراسية.',
      'Des consultations sur les réseaux sociaux avec des vidéos courtes.',
      'ⴰⵙⵎⵓⵜⵜⴳ ⵏ ⵉⵍⵎⵥⵢⴰⵏ ⴷⴳ ⵜⵉⵏⵎⵍ. إشراك المؤسسات التعليمية في التعريف بالبوابة.',
    ];
    for (const [i, person] of PEOPLE.entries()) {
      if (person.accountId) continue;
      const questionId = i % 3 === 0 ? 'q3' : i % 3 === 1 ? 'q1' : 'q2';
      const answer =
        questionId === 'q3'
          ? (q3Answers[i % q3Answers.length] as string)
          : questionId === 'q1'
            ? [ctx.pick(['yes', 'yes', 'no', 'no_opinion'])]
            : ['portal', ctx.pick(['regional_meetings', 'associations', 'mobile'])];
      const answeredAt = at(-ctx.randomInt(3, 30));
      await insertContribution(db, {
        seq: await nextContributionSeq(db),
        consultationId: 'cons_0001',
        articleId: null,
        kind: 'answer',
        body: typeof answer === 'string' ? answer : 'جوابي على السؤال',
        questionId,
        answer,
        author: person.author,
        participantKey: person.key,
        versionId: lawVersionAt(answeredAt),
        createdAt: answeredAt,
        state: 'published',
        decidedAt: at(-2),
      });
    }

    // The other consultations, with generated contributions.
    for (const spec of OTHERS) {
      const version: DocumentVersion = {
        id: 'v1',
        consultationId: spec.id,
        label: t('الصيغة الأولى', 'Version 1'),
        publishedAt: (phasesFor(spec.phase, at)[0]?.period.start as string) ?? at(-30),
        sections: spec.sections,
      };
      const phases = phasesFor(spec.phase, at);
      const openStart = Date.parse(
        phases.find((p) => p.phase === 'contributions_open')?.period.start ?? at(0),
      );
      const articleIds = spec.sections.flatMap((s) => s.articles.map((a) => a.id));
      const recommendations: { id: string; articleId: string; excerpt: string }[] = [];
      const insertSpec = async () =>
        await insertConsultation(db, {
          createdAt: phases[0]?.period.start ?? at(-30),
          versions: [version],
          consultation: {
            id: spec.id,
            reference: `MA-CONS-${year}-${String(spec.number).padStart(4, '0')}`,
            title: spec.title,
            summary: spec.summary,
            issuingBody: issuer(spec.sector),
            scope: spec.scope,
            ...(spec.region ? { region: spec.region } : {}),
            subjectType: spec.subjectType,
            participationMode: spec.mode,
            phase: spec.phase,
            phases,
            currentVersionId: 'v1',
            versions: [{ id: 'v1', label: version.label, publishedAt: version.publishedAt }],
            questions: [],
            documents: [],
            domains: spec.domains,
          },
        });
      // The consultation row must exist before its contributions; the synthesis is added after them.
      await insertSpec();
      for (let i = 0; i < spec.contributions; i++) {
        const base = ctx.pick(GENERIC);
        const person = ctx.pick(PEOPLE);
        const author: ContributionAuthor =
          spec.mode === 'associations_only'
            ? {
                displayName: ctx.pick(['جمعية الأمل للتنمية', 'Association Tafoukt', 'جمعية نساء الأطلس']),
                participantType: 'association',
                ...(i % 2 === 0 ? { associationId: 'asso_0001' } : {}),
                region: ctx.pick<RegionCode>(['MA-04', 'MA-05', 'MA-06']),
              }
            : {
                ...person.author,
                region: spec.region && ctx.random() < 0.7 ? spec.region : (person.author.region ?? 'MA-06'),
              };
        const createdMs = Math.min(openStart + ctx.randomInt(1, 25) * DAY, now.getTime() - DAY);
        const articleId = ctx.pick(articleIds);
        const id = await insertContribution(db, {
          seq: await nextContributionSeq(db),
          consultationId: spec.id,
          articleId,
          versionId: version.id,
          kind: base.kind,
          body: base.body,
          proposedText: base.proposed,
          position: ctx.pick(POSITIONS),
          author,
          participantKey:
            spec.mode === 'associations_only' ? `seed:${spec.id}:${i % 5}` : `seed:${spec.id}:${i}`,
          createdAt: toInstant(new Date(createdMs)),
          state: 'published',
          decidedAt: toInstant(new Date(createdMs + DAY / 4)),
        });
        await support(id, ctx.randomInt(0, 8), 3);
        if (base.kind === 'recommendation') recommendations.push({ id, articleId, excerpt: base.body });
      }
      if (spec.phase === 'synthesis_published') {
        // The figures at closing, as publishing through the API freezes them.
        const totals = await consultationTotals(db, spec.id);
        const synthesis: Synthesis = {
          publishedAt: phases.find((p) => p.phase === 'synthesis_published')?.period.start ?? at(-30),
          frozen: {
            participants: totals.participants,
            contributions: totals.contributions,
            supports: totals.supports,
            closedAt: phases.find((p) => p.phase === 'contributions_open')?.period.end ?? at(-90),
          },
          summary: t(
            `تلقى المجلس ${spec.contributions} مساهمة. تركزت المقترحات على مواكبة التعاونيات وتمويلها.`,
            `Le Conseil a reçu ${spec.contributions} contributions, centrées sur l’accompagnement et le financement des coopératives.`,
          ),
          reportUrl: 'https://www.region-tanger-tetouan-alhoceima.ma/synthese-ess.pdf',
          articles: articleIds.map((articleId) => ({
            articleId,
            summary: t(
              'طالب المساهمون بتوضيح المعايير والجدولة الزمنية.',
              'Les contributeurs demandent des critères et un calendrier précis.',
            ),
          })),
          recommendations: recommendations.map((r, i) => {
            const outcome = OUTCOMES[i % OUTCOMES.length] as (typeof OUTCOMES)[number];
            return {
              contributionId: r.id,
              articleId: r.articleId,
              kind: 'recommendation' as const,
              excerpt: r.excerpt,
              outcome,
              reason: OUTCOME_REASONS[outcome],
            };
          }),
        };
        await db.write('UPDATE consultations SET synthesis = ? WHERE id = ?', [
          JSON.stringify(synthesis),
          spec.id,
        ]);
      }
    }
    // The seeded official response is visible in the contribution's history through insertContribution.
    if (!(await findContributionRow(db, 'ctb_000001')))
      throw new Error('consultations seed: first contribution missing');
  });
}
