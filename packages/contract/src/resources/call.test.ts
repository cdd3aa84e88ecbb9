import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validate } from '../shared/validate.js';
import { DecideApplication, StartApplication, SubmitReview, UpdateApplication } from './application.js';
import { AwardSearchQuery } from './award.js';
import { Call, CallSearchQuery, CallSummary } from './call.js';
import { budgetTotals, checkAnswers, type FormDefinition } from './form.js';

const form: FormDefinition = {
  version: 2,
  sections: [
    {
      id: 'project',
      title: { ar: 'المشروع', fr: 'Le projet', zgh: 'ⴰⵙⵏⴼⴰⵔ' },
      fields: [
        { id: 'title', type: 'text', required: true, maxLength: 20, label: { ar: 'العنوان', fr: 'Titre' } },
        { id: 'summary', type: 'long_text', required: false, label: { fr: 'Résumé' } },
        {
          id: 'people',
          type: 'number',
          required: false,
          integer: true,
          min: 1,
          max: 10_000,
          label: { fr: 'Personnes' },
        },
        { id: 'region', type: 'region', required: true, label: { ar: 'الجهة' } },
        {
          id: 'theme',
          type: 'choice',
          required: false,
          options: [
            { value: 'water', label: { fr: 'Eau' } },
            { value: 'school', label: { fr: 'École' } },
          ],
          label: { fr: 'Thème' },
        },
        { id: 'budget', type: 'budget_table', required: true, maxLines: 3, label: { fr: 'Budget' } },
        {
          id: 'statutes',
          type: 'attachment',
          documentId: 'statutes',
          required: true,
          label: { fr: 'Statuts' },
        },
      ],
    },
  ],
};

const exampleCall: Call = {
  id: 'call_sample',
  reference: 'MA-MRP-2026-0012',
  version: 2,
  title: {
    ar: 'دعم مشاريع الجمعيات في مجال الماء',
    fr: "Soutien aux projets associatifs dans le domaine de l'eau",
  },
  summary: { ar: 'طلب عروض مفتوح للجمعيات', fr: 'Appel ouvert aux associations', zgh: 'ⴰⵙⵓⵔ ⵉ ⵜⵎⵓⵏⴰ' },
  description: { fr: 'Description complète.' },
  funder: {
    sectorCode: 'mrp',
    name: { fr: 'Ministère chargé des Relations avec le Parlement' },
    level: 'national',
  },
  fiscalYear: 2026,
  instrument: 'grant',
  domains: ['water', 'rural-development'],
  coverage: 'regions',
  eligibleRegions: ['MA-06', 'MA-09'],
  eligibleApplicantTypes: ['association', 'federation'],
  eligibility: {
    rules: [{ id: 'age', type: 'min_age_years', years: 2 }],
    text: { fr: 'Associations constituées depuis au moins deux ans.' },
  },
  budget: {
    total: { amount: '5000000.00', currency: 'MAD' },
    minAward: { amount: '50000', currency: 'MAD' },
    maxAward: { amount: '250000', currency: 'MAD' },
    expectedAwards: 30,
    coFinancingPercent: 20,
  },
  dates: {
    publishedAt: '2026-01-15T09:00:00Z',
    opensAt: '2026-02-01T09:00:00Z',
    closes: { at: '2026-03-31T22:59:00Z', timeZone: 'Africa/Casablanca' },
  },
  deadlineModel: { kind: 'single' },
  status: 'open',
  criteria: [
    {
      id: 'relevance',
      label: { fr: 'Pertinence' },
      weight: 40,
      maxScore: 5,
      anchors: [
        { score: 1, description: { fr: 'Faible' } },
        { score: 5, description: { fr: 'Excellente' } },
      ],
    },
  ],
  requiredDocuments: [
    {
      id: 'statutes',
      type: 'statutes',
      label: { ar: 'النظام الأساسي', fr: 'Statuts' },
      requirement: 'mandatory',
      mediaTypes: ['application/pdf'],
      maxBytes: 5 * 1024 * 1024,
    },
  ],
  form,
  amendments: [
    { version: 2, at: '2026-02-10T10:00:00Z', summary: { fr: 'Budget augmenté' }, fields: ['budget.total'] },
  ],
  contact: { email: 'appels@example.ma', phone: '+212 537 00 00 00' },
  documents: [
    { title: { fr: 'Règlement' }, url: 'https://example.ma/reglement.pdf', mediaType: 'application/pdf' },
  ],
  stats: { applications: 12, eligible: 10, awarded: 0, amountAwarded: { amount: '0', currency: 'MAD' } },
};

test('a full call is valid, and its summary is the call without the details', () => {
  assert.deepEqual(validate(Call, exampleCall), { ok: true, value: exampleCall });
  const {
    description,
    eligibleApplicantTypes,
    eligibility,
    criteria,
    requiredDocuments,
    amendments,
    contact,
    documents,
    stats,
    ...summary
  } = exampleCall;
  assert.ok(
    CallSummary.safeParse({ ...summary, form: undefined }).success === false,
    'strict: no stray fields',
  );
  const { form: _form, ...card } = summary;
  assert.ok(CallSummary.safeParse(card).success);
});

test('a call refuses bad deadlines, float money, javascript: links and unknown statuses', () => {
  const errors = (patch: (c: Record<string, unknown>) => void) => {
    const copy = structuredClone(exampleCall) as unknown as Record<string, unknown>;
    patch(copy);
    const result = validate(Call, copy);
    return result.ok ? [] : result.errors.map((e) => `${e.path}:${e.code}`);
  };
  assert.deepEqual(
    errors(
      (c) =>
        ((c.dates as Record<string, unknown>).closes = { at: '2026-03-31', timeZone: 'Africa/Casablanca' }),
    ),
    ['/dates/closes/at:invalid_format'],
  );
  assert.deepEqual(
    errors((c) => ((c.budget as Record<string, unknown>).total = { amount: 5e6, currency: 'MAD' })),
    ['/budget/total/amount:invalid_type'],
  );
  assert.deepEqual(
    errors((c) => (c.documents = [{ title: { fr: 'x' }, url: 'javascript:alert(1)' }])),
    ['/documents/0/url:invalid_format'],
  );
  assert.deepEqual(
    errors((c) => (c.status = 'opened')),
    ['/status:invalid_value'],
  );
  assert.deepEqual(
    errors((c) => (c.eligibleRegions = ['MA-13'])),
    ['/eligibleRegions/0:invalid_format'],
  );
});

test('call search filters are strict, repeated and coerced from the query string', () => {
  const ok = validate(
    CallSearchQuery,
    { status: ['open'], region: ['MA-06'], fiscalYear: ['2026'], limit: '50' },
    'query',
  );
  assert.ok(ok.ok);
  assert.equal(ok.ok && ok.value.sort, 'closing_soonest');
  assert.deepEqual(ok.ok && ok.value.fiscalYear, [2026]);
  const typo = validate(CallSearchQuery, { regoin: ['MA-06'] }, 'query');
  assert.deepEqual(!typo.ok && typo.errors.map((e) => [e.path, e.code, e.in]), [
    ['/regoin', 'unknown_field', 'query'],
  ]);
  assert.equal(validate(CallSearchQuery, { awardRange: ['huge'] }).ok, false);
  assert.ok(validate(AwardSearchQuery, { fiscalYear: ['2025'], funderLevel: ['regional'] }).ok);
});

test('checkAnswers accepts good partial answers on autosave and lists every missing field on submit', () => {
  const answers = { title: 'ماء للجميع', region: 'MA-09', people: 120 };
  assert.deepEqual(checkAnswers(form, answers, { complete: false }), []);
  const missing = checkAnswers(form, answers, { complete: true }).map((e) => `${e.path}:${e.code}`);
  assert.deepEqual(missing, ['/answers/budget:required', '/answers/statutes:required']);
  const done = checkAnswers(
    form,
    {
      ...answers,
      budget: {
        lines: [
          {
            id: 'l1',
            label: 'مضخة',
            amount: { amount: '1000', currency: 'MAD' },
            coFinanced: { amount: '200', currency: 'MAD' },
          },
        ],
      },
    },
    { complete: true, attachedDocumentIds: ['statutes'] },
  );
  assert.deepEqual(done, []);
});

test('checkAnswers refuses wrong kinds, limits and unknown fields, naming each', () => {
  const errors = checkAnswers(
    form,
    {
      title: 'x'.repeat(21),
      people: 1.5,
      region: 'MA-99',
      theme: 'space',
      typo: 'x',
      budget: {
        lines: [
          {
            id: 'l1',
            label: 'x',
            amount: { amount: '10', currency: 'MAD' },
            coFinanced: { amount: '11', currency: 'MAD' },
          },
        ],
      },
      statutes: 'file.pdf',
    },
    { complete: false },
  ).map((e) => `${e.path}:${e.code}`);
  assert.deepEqual(errors.sort(), [
    '/answers/budget/lines/0/coFinanced:too_big',
    '/answers/people:invalid_type',
    '/answers/region:invalid_value',
    '/answers/statutes:not_allowed',
    '/answers/theme:invalid_value',
    '/answers/title:too_long',
    '/answers/typo:unknown_field',
  ]);
});

test('budget totals are exact in minor units', () => {
  const line = (amount: string, coFinanced: string) => ({
    id: amount,
    label: 'x',
    amount: { amount, currency: 'MAD' as const },
    coFinanced: { amount: coFinanced, currency: 'MAD' as const },
  });
  assert.deepEqual(budgetTotals([line('0.1', '0'), line('0.2', '0.05'), line('999999999999.99', '0')]), {
    total: { amount: '1000000000000.29', currency: 'MAD' },
    coFinanced: { amount: '0.05', currency: 'MAD' },
    requested: { amount: '1000000000000.24', currency: 'MAD' },
  });
});

test('application writes are strict and enforce their rules', () => {
  assert.ok(StartApplication.safeParse({ callId: 'call_sample', associationId: 'asso_sample' }).success);
  const typo = validate(UpdateApplication, { answerz: {} }, 'body');
  assert.deepEqual(!typo.ok && typo.errors.map((e) => `${e.path}:${e.code}`), ['/answerz:unknown_field']);
  const conflicted = validate(SubmitReview, {
    conflictOfInterest: { declared: true, statement: 'عضو في الجمعية' },
    scores: [{ criterionId: 'relevance', score: 4 }],
  });
  assert.deepEqual(!conflicted.ok && conflicted.errors.map((e) => `${e.path}:${e.code}`), [
    '/scores:not_allowed',
  ]);
  const award = validate(DecideApplication, { outcome: 'awarded' });
  assert.deepEqual(!award.ok && award.errors.map((e) => `${e.path}:${e.code}`), ['/amount:required']);
  assert.ok(DecideApplication.safeParse({ outcome: 'rejected', reason: 'Hors délai' }).success);
});
