import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { queryToObject, validate } from '../shared/validate.js';
import {
  ArticleDiff,
  Consultation,
  ConsultationParams,
  ConsultationQuestion,
  ConsultationSearchQuery,
  ConsultationStats,
  ConsultationSummary,
  DocumentVersion,
  Synthesis,
  VersionDiff,
  VersionDiffQuery,
  VersionParams,
} from './consultation.js';

const stats: ConsultationStats = {
  participants: 412,
  contributions: 958,
  recommendations: 73,
  supports: 2210,
  byRegion: [{ region: 'MA-06', participants: 120, contributions: 301 }],
  byParticipantType: [
    { type: 'citizen', participants: 324, contributions: 718 },
    { type: 'association', participants: 88, contributions: 240 },
  ],
};

const text: DocumentVersion = {
  id: 'v2',
  consultationId: 'cons_sample',
  label: { ar: 'الصيغة الثانية', fr: 'Version 2' },
  publishedAt: '2026-03-15T10:00:00Z',
  sections: [
    {
      id: 'ch-1',
      heading: { ar: 'أحكام عامة', zgh: 'ⵉⵙⵖⴰⵍⵏ ⵉⵎⴰⵜⴰⵢⵏ' },
      articles: [
        {
          id: 'art-1',
          number: '1',
          body: { ar: 'يهدف هذا القانون إلى…' },
          changed: 'unchanged',
          contributionCount: 4,
        },
        {
          id: 'art-12b',
          number: '12 bis',
          body: { fr: 'Il est créé une commission régionale…' },
          changed: 'added',
        },
      ],
    },
  ],
};

function consultation(): Consultation {
  return {
    id: 'cons_sample',
    reference: 'MA-CONS-2026-0004',
    title: { ar: 'مشروع قانون الحق في تأسيس الجمعيات', zgh: 'ⴰⵙⵏⴼⵍⵓⵍ ⵏ ⵓⵣⵔⴼ' },
    summary: { ar: 'مشروع قانون يعدل الظهير 1.58.376', fr: 'Projet de loi modifiant le dahir 1.58.376' },
    issuingBody: {
      sectorCode: 'relations-parliament',
      name: { ar: 'الوزارة المكلفة بالعلاقات مع البرلمان' },
    },
    scope: 'national',
    subjectType: 'draft_law',
    participationMode: 'open',
    phase: 'contributions_open',
    phases: [
      {
        phase: 'information',
        period: { start: '2026-02-15T09:00:00Z', end: '2026-03-01T09:00:00Z' },
        timeZone: 'Africa/Casablanca',
      },
      {
        phase: 'contributions_open',
        period: { start: '2026-03-01T09:00:00Z', end: '2026-03-31T22:59:00Z' },
        timeZone: 'Africa/Casablanca',
      },
      {
        phase: 'synthesis_published',
        period: { start: '2026-05-01T09:00:00Z' },
        timeZone: 'Africa/Casablanca',
      },
    ],
    currentVersionId: 'v2',
    versions: [
      { id: 'v1', label: { fr: 'Version 1' }, publishedAt: '2026-03-01T09:00:00Z' },
      {
        id: 'v2',
        label: { fr: 'Version 2' },
        publishedAt: '2026-03-15T10:00:00Z',
        changeSummary: { fr: 'Article 12 bis ajouté' },
      },
    ],
    text,
    questions: [
      {
        id: 'q1',
        kind: 'closed',
        prompt: { ar: 'هل توافق على المادة 3؟' },
        options: [
          { id: 'yes', label: { ar: 'نعم' } },
          { id: 'no', label: { ar: 'لا' } },
        ],
      },
      { id: 'q2', kind: 'open', prompt: { zgh: 'ⵎⴰⵏ ⴰⵢⴰ ⵜⵔⵉⴷ ⴰⴷ ⵜⵙⵏⴼⵍⵜ?' } },
    ],
    stats,
    documents: [
      {
        title: { fr: 'Note de présentation' },
        url: 'https://www.sgg.gov.ma/note.pdf',
        mediaType: 'application/pdf',
      },
    ],
    domains: ['human-rights'],
  };
}

describe('Consultation', () => {
  test('accepts a full national consultation in Arabic, French and Tifinagh', () => {
    const result = validate(Consultation, consultation());
    assert.equal(result.ok, true, JSON.stringify(!result.ok && result.errors));
  });

  test('refuses a javascript: document URL', () => {
    const c = consultation();
    c.documents = [{ title: { fr: 'x' }, url: 'javascript:alert(1)', mediaType: 'application/pdf' }];
    const result = validate(Consultation, c);
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.errors.some((e) => e.path === '/documents/0/url'));
  });

  test('refuses a javascript: synthesis report URL', () => {
    const result = validate(Synthesis, {
      publishedAt: '2026-05-02T10:00:00Z',
      summary: { fr: 'x' },
      reportUrl: 'javascript:alert(1)',
      articles: [],
      recommendations: [],
    });
    assert.ok(!result.ok && result.errors[0]?.path === '/reportUrl');
  });

  test('a regional consultation names its region, a national one does not', () => {
    const regional = { ...consultation(), scope: 'regional' as const };
    const missing = validate(Consultation, regional);
    assert.ok(!missing.ok && missing.errors[0]?.path === '/region');
    assert.equal(validate(Consultation, { ...regional, region: 'MA-06' }).ok, true);
    assert.equal(validate(Consultation, { ...consultation(), region: 'MA-06' }).ok, false);
  });

  test('the current version must be listed', () => {
    const result = validate(Consultation, { ...consultation(), currentVersionId: 'v9' });
    assert.ok(!result.ok && result.errors[0]?.path === '/currentVersionId');
  });

  test('a phase ending before it starts is refused', () => {
    const c = consultation();
    c.phases = [
      {
        phase: 'closed',
        period: { start: '2026-04-01T00:00:00Z', end: '2026-03-01T00:00:00Z' },
        timeZone: 'Africa/Casablanca',
      },
    ];
    const result = validate(Consultation, c);
    assert.ok(!result.ok && result.errors[0]?.path === '/phases/0/period/end');
  });

  test('an unknown phase or subject type is refused', () => {
    assert.equal(validate(Consultation, { ...consultation(), phase: 'voting' }).ok, false);
    assert.equal(validate(Consultation, { ...consultation(), subjectType: 'law' }).ok, false);
  });
});

describe('DocumentVersion', () => {
  test('accepts articles numbered "12 bis"', () => {
    assert.equal(validate(DocumentVersion, text).ok, true);
  });

  test('refuses an article id appearing twice', () => {
    const dup = structuredClone(text);
    dup.sections[0]?.articles.push({ id: 'art-1', number: '2', body: { ar: 'نص' } });
    const result = validate(DocumentVersion, dup);
    assert.ok(!result.ok && result.errors[0]?.path === '/sections/0/articles/2/id');
  });
});

describe('ConsultationQuestion', () => {
  test('a closed question needs two options; an open one has none', () => {
    const closed = validate(ConsultationQuestion, {
      id: 'q1',
      kind: 'closed',
      prompt: { ar: 'سؤال' },
      options: [],
    });
    assert.ok(!closed.ok && closed.errors[0]?.code === 'required');
    const open = validate(ConsultationQuestion, {
      id: 'q2',
      kind: 'open',
      prompt: { ar: 'سؤال' },
      options: [{ id: 'a', label: { ar: 'أ' } }],
    });
    assert.ok(!open.ok && open.errors[0]?.code === 'not_allowed');
  });
});

describe('ConsultationStats', () => {
  test('refuses negative and fractional counts and bad regions', () => {
    assert.equal(validate(ConsultationStats, stats).ok, true);
    assert.equal(validate(ConsultationStats, { ...stats, participants: -1 }).ok, false);
    assert.equal(validate(ConsultationStats, { ...stats, supports: 1.5 }).ok, false);
    assert.equal(
      validate(ConsultationStats, {
        ...stats,
        byRegion: [{ region: 'MA-13', participants: 1, contributions: 1 }],
      }).ok,
      false,
    );
  });
});

describe('Synthesis', () => {
  test('accepts outcomes for recommendations and refuses unknown outcomes', () => {
    const synthesis = {
      publishedAt: '2026-05-02T10:00:00Z',
      summary: { ar: 'توصلنا بـ 958 مساهمة' },
      reportUrl: 'https://www.sgg.gov.ma/synthese.pdf',
      articles: [{ articleId: 'art-3', summary: { fr: 'Demande de délais plus longs' } }],
      recommendations: [
        {
          contributionId: 'ctb_accepted_sample',
          articleId: 'art-3',
          excerpt: 'تمديد الأجل',
          outcome: 'accepted',
          reason: { ar: 'تم' },
        },
        {
          contributionId: 'ctb_not_retained_sample',
          excerpt: 'ⴰⵙⵏⴼⵍ',
          outcome: 'not_retained',
          reason: { zgh: 'ⵓⵔ ⵉⵜⵜⵓⵙⵏⴼⵍ' },
        },
      ],
    };
    assert.equal(validate(Synthesis, synthesis).ok, true);
    const bad = structuredClone(synthesis);
    (bad.recommendations[0] as { outcome: string }).outcome = 'maybe';
    assert.equal(validate(Synthesis, bad).ok, false);
  });
});

describe('ConsultationSummary', () => {
  test('accepts a card with its closing deadline', () => {
    const summary = {
      id: 'cons_summary_sample',
      reference: 'MA-CONS-2026-0009',
      title: { fr: 'Plan de développement régional' },
      summary: { fr: 'PDR 2026-2031' },
      issuingBody: { sectorCode: 'regional-council-ma-06', name: { fr: 'Conseil régional' } },
      scope: 'regional',
      region: 'MA-06',
      subjectType: 'regional_plan',
      participationMode: 'associations_only',
      phase: 'contributions_open',
      contributionsClose: { at: '2026-03-31T22:59:00Z', timeZone: 'Africa/Casablanca' },
      participants: 12,
      contributions: 30,
      domains: ['rural-development'],
    };
    assert.equal(validate(ConsultationSummary, summary).ok, true);
    assert.equal(
      validate(ConsultationSummary, { ...summary, contributionsClose: { at: '2026-03-31' } }).ok,
      false,
    );
  });
});

describe('ConsultationSearchQuery', () => {
  test('reads repeated keys into arrays and defaults the page size', () => {
    const params = new URLSearchParams('q=جمعيات&phase=contributions_open&region=MA-06&region=MA-01');
    const result = validate(ConsultationSearchQuery, queryToObject(ConsultationSearchQuery, params), 'query');
    assert.ok(result.ok);
    assert.deepEqual(result.value.region, ['MA-06', 'MA-01']);
    assert.deepEqual(result.value.phase, ['contributions_open']);
    assert.equal(result.value.limit, 20);
  });

  test('an unknown query key is an unknown_field', () => {
    const result = validate(ConsultationSearchQuery, { status: ['open'] }, 'query');
    assert.ok(!result.ok);
    assert.deepEqual(result.errors[0], {
      path: '/status',
      in: 'query',
      code: 'unknown_field',
      message: 'Unknown field "status"',
    });
  });

  test('refuses unknown filter values and an oversized limit', () => {
    assert.equal(validate(ConsultationSearchQuery, { phase: ['voting'] }).ok, false);
    assert.equal(validate(ConsultationSearchQuery, { scope: ['planet'] }).ok, false);
    assert.equal(validate(ConsultationSearchQuery, { limit: '500' }).ok, false);
  });
});

describe('params and diff', () => {
  test('a consultation may be named by its public reference', () => {
    assert.equal(validate(ConsultationParams, { consultationId: 'MA-CONS-2026-0004' }).ok, true);
    assert.equal(validate(ConsultationParams, { consultationId: '../etc' }).ok, false);
    assert.equal(validate(VersionParams, { consultationId: 'cons_sample', versionId: 'v2' }).ok, true);
    assert.equal(validate(VersionDiffQuery, {}).ok, false);
  });

  test('an article diff keeps before/after consistent with the change', () => {
    assert.equal(validate(ArticleDiff, { articleId: 'a', change: 'added', after: { ar: 'جديد' } }).ok, true);
    assert.equal(
      validate(ArticleDiff, { articleId: 'a', change: 'added', before: { ar: 'قديم' } }).ok,
      false,
    );
    assert.equal(validate(ArticleDiff, { articleId: 'a', change: 'removed', after: { ar: 'x' } }).ok, false);
    const modified = validate(ArticleDiff, { articleId: 'a', change: 'modified', before: { fr: 'x' } });
    assert.ok(
      !modified.ok && modified.errors[0]?.path === '/after' && modified.errors[0].code === 'required',
    );
    const diff = {
      consultationId: 'cons_sample',
      fromVersionId: 'v1',
      toVersionId: 'v2',
      articles: [
        {
          articleId: 'art-3',
          number: '3',
          change: 'modified',
          before: { fr: '30 jours' },
          after: { fr: '60 jours' },
        },
      ],
    };
    assert.equal(validate(VersionDiff, diff).ok, true);
  });
});
