import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FieldError } from '../shared/problem.js';
import { validate } from '../shared/validate.js';
import {
  AmendCall,
  CALL_DRAFT_FIELDS,
  CallActionReason,
  CallDraft,
  CallDraftFields,
  CallVersion,
  CreateCallDraft,
  callPublicationProblems,
  SetCallReviewers,
  UpdateCallDraft,
} from './call-authoring.js';

// The check is a pure function of the draft and `now`, so a fixed instant keeps these tests true on any day.
const now = '2027-01-10T10:00:00Z';
const opensAt = '2027-02-01T09:00:00Z';
const closesAt = '2027-03-31T22:59:00Z';

/** A draft that publishing accepts as it is: every test breaks one part of a copy of it. */
function completeDraft(): CallDraftFields {
  return {
    title: { ar: 'دعم مشاريع الشباب', fr: 'Soutien aux projets des jeunes' },
    summary: { ar: 'طلب مشاريع مفتوح للجمعيات', fr: 'Appel ouvert aux associations' },
    description: { ar: 'الوصف الكامل لطلب المشاريع.', fr: "Description complète de l'appel." },
    programme: { fr: 'Programme national de soutien à la jeunesse' },
    fiscalYear: 2027,
    instrument: 'grant',
    domains: ['youth'],
    coverage: 'regions',
    eligibleRegions: ['MA-09'],
    budget: {
      total: { amount: '2000000.00', currency: 'MAD' },
      minAward: { amount: '20000', currency: 'MAD' },
      maxAward: { amount: '150000', currency: 'MAD' },
    },
    dates: { opensAt, closes: { at: closesAt, timeZone: 'Africa/Casablanca' } },
    deadlineModel: { kind: 'single' },
    eligibleApplicantTypes: ['association', 'federation'],
    eligibility: {
      rules: [{ id: 'age', type: 'min_age_years', years: 2 }],
      text: { fr: 'Associations constituées depuis au moins deux ans.' },
    },
    criteria: [
      {
        id: 'relevance',
        label: { ar: 'الملاءمة', fr: 'Pertinence' },
        weight: 60,
        maxScore: 5,
        anchors: [
          { score: 1, description: { fr: 'Faible' } },
          { score: 5, description: { fr: 'Excellente' } },
        ],
      },
      {
        id: 'feasibility',
        label: { ar: 'قابلية التنفيذ', fr: 'Faisabilité' },
        weight: 40,
        maxScore: 5,
        anchors: [
          { score: 0, description: { fr: 'Irréaliste' } },
          { score: 5, description: { fr: 'Solide' } },
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
    form: {
      version: 1,
      sections: [
        {
          id: 'project',
          title: { ar: 'المشروع', fr: 'Le projet' },
          fields: [
            { id: 'title', type: 'text', required: true, maxLength: 200, label: { fr: 'Titre' } },
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
    },
    contact: { email: 'appels@example.ma' },
    documents: [],
    review: { reviewsPerApplication: 2, appealDays: 15 },
    reports: [
      {
        id: 'final',
        kind: 'final',
        label: { ar: 'التقرير النهائي', fr: 'Rapport final' },
        dueOn: '2027-12-31',
      },
    ],
  };
}

/** `path:code` of each problem, the way an editor keys its messages. */
const keys = (problems: FieldError[]) => problems.map((problem) => `${problem.path}:${problem.code}`);

/** The problems of the complete draft after `change`. */
function problemsAfter(change: (draft: CallDraftFields) => void, options?: { opened?: boolean }) {
  const draft = completeDraft();
  change(draft);
  return callPublicationProblems(draft, now, options);
}

describe('callPublicationProblems', () => {
  test('a complete draft can be published, and it is a valid CallDraftFields', () => {
    assert.deepEqual(callPublicationProblems(completeDraft(), now), []);
    assert.deepEqual(validate(CallDraftFields, completeDraft()), { ok: true, value: completeDraft() });
  });

  test('an empty draft names every part that is missing, each as required', () => {
    const problems = callPublicationProblems({}, now);
    assert.ok(problems.every((problem) => problem.code === 'required'));
    assert.deepEqual(
      problems.map((problem) => problem.path),
      [
        '/title',
        '/summary',
        '/description',
        '/instrument',
        '/fiscalYear',
        '/domains',
        '/coverage',
        '/budget',
        '/deadlineModel',
        '/dates/opensAt',
        '/eligibleApplicantTypes',
        '/eligibility',
        '/criteria',
        '/requiredDocuments',
        '/form',
        '/review',
        '/reports',
        '/contact',
      ],
    );
    assert.ok(problems.every((problem) => problem.message.length > 0));
  });

  test('titles and summaries need Arabic and French, each language named by its pointer', () => {
    assert.deepEqual(
      keys(
        problemsAfter((draft) => {
          draft.title = { fr: 'Soutien aux projets des jeunes' };
          draft.summary = { ar: 'طلب مشاريع', zgh: 'ⴰⵙⵓⵔ' };
        }),
      ),
      ['/title/ar:required', '/summary/fr:required'],
    );
  });

  test('criteria weights adding up to 90 are refused with the sum in params', () => {
    const problems = problemsAfter((draft) => {
      const first = draft.criteria?.[0];
      assert.ok(first);
      first.weight = 50;
    });
    assert.deepEqual(keys(problems), ['/criteria:invalid_value']);
    assert.deepEqual(problems[0]?.params, { sum: 90, expected: 100 });
  });

  test('decimal weights that add up to 100 are accepted, though floating point sums them to 99.99…', () => {
    const weights = [0.1, 64.1, 35.8];
    assert.notEqual(
      weights.reduce((sum, weight) => sum + weight, 0),
      100,
      'the case this test is about',
    );
    const problems = problemsAfter((draft) => {
      const [first] = draft.criteria ?? [];
      assert.ok(first);
      draft.criteria = weights.map((weight, index) => ({ ...first, id: `criterion-${index}`, weight }));
    });
    assert.deepEqual(problems, []);
  });

  test('a criterion with fewer than two anchors, a duplicate id or an anchor above the maximum is named', () => {
    const problems = problemsAfter((draft) => {
      const [first, second] = draft.criteria ?? [];
      assert.ok(first && second);
      first.anchors = [{ score: 3, description: { fr: 'Moyen' } }];
      second.id = first.id;
      second.anchors[1] = { score: 6, description: { fr: 'Au-delà' } };
    });
    assert.deepEqual(keys(problems), [
      '/criteria/0/anchors:too_short',
      '/criteria/1/id:not_allowed',
      '/criteria/1/anchors/1/score:invalid_value',
    ]);
    assert.deepEqual(problems[0]?.params, { minimum: 2 });
    assert.deepEqual(problems[2]?.params, { maximum: 5 });
  });

  test('a closing date in the past is refused', () => {
    const problems = problemsAfter((draft) => {
      draft.dates = { opensAt, closes: { at: '2027-01-09T22:59:00Z', timeZone: 'Africa/Casablanca' } };
    });
    // A past closing date also comes before the opening date; the one problem says the more useful thing.
    assert.deepEqual(keys(problems), ['/dates/closes/at:invalid_value']);
    assert.match(problems[0]?.message ?? '', /future/);
    assert.equal(problems[0]?.params, undefined, 'no instant that would change the draft at every read');
  });

  test('a closing date before the opening date is refused', () => {
    const problems = problemsAfter((draft) => {
      draft.dates = {
        opensAt: '2027-04-01T09:00:00Z',
        closes: { at: closesAt, timeZone: 'Africa/Casablanca' },
      };
    });
    assert.deepEqual(keys(problems), ['/dates/closes/at:invalid_value']);
    assert.match(problems[0]?.message ?? '', /after the opening/);
  });

  test('an opening date in the past is refused for a draft and accepted for an opened call', () => {
    const past = (draft: CallDraftFields) => {
      draft.dates = {
        opensAt: '2027-01-01T09:00:00Z',
        closes: { at: closesAt, timeZone: 'Africa/Casablanca' },
      };
    };
    assert.deepEqual(keys(problemsAfter(past)), ['/dates/opensAt:invalid_value']);
    assert.deepEqual(problemsAfter(past, { opened: true }), []);
    // Being opened excuses the opening date only: the closing date must still be ahead.
    assert.deepEqual(
      keys(
        problemsAfter(
          (draft) => {
            past(draft);
            draft.dates = {
              ...draft.dates,
              closes: { at: '2027-01-05T22:59:00Z', timeZone: 'Africa/Casablanca' },
            };
          },
          { opened: true },
        ),
      ),
      ['/dates/closes/at:invalid_value'],
    );
  });

  test('a single deadline needs a closing date; a rolling call does not; past cut-offs are named', () => {
    assert.deepEqual(keys(problemsAfter((draft) => (draft.dates = { opensAt }))), ['/dates/closes:required']);
    assert.deepEqual(
      problemsAfter((draft) => {
        draft.deadlineModel = { kind: 'rolling' };
        draft.dates = { opensAt };
      }),
      [],
    );
    assert.deepEqual(
      keys(
        problemsAfter((draft) => {
          draft.deadlineModel = {
            kind: 'cutoffs',
            cutoffs: [
              { at: '2027-01-02T22:59:00Z', timeZone: 'Africa/Casablanca' },
              { at: closesAt, timeZone: 'Africa/Casablanca' },
            ],
          };
        }),
      ),
      ['/deadlineModel/cutoffs/0/at:invalid_value'],
    );
  });

  test('a smallest award above the largest, or a largest above the total, is refused', () => {
    assert.deepEqual(
      keys(
        problemsAfter((draft) => {
          draft.budget = {
            ...draft.budget,
            total: { amount: '2000000', currency: 'MAD' },
            minAward: { amount: '200000.01', currency: 'MAD' },
            maxAward: { amount: '200000', currency: 'MAD' },
          };
        }),
      ),
      ['/budget/minAward:invalid_value'],
    );
    assert.deepEqual(
      keys(
        problemsAfter((draft) => {
          draft.budget = {
            total: { amount: '100000', currency: 'MAD' },
            minAward: { amount: '20000', currency: 'MAD' },
            maxAward: { amount: '150000', currency: 'MAD' },
          };
        }),
      ),
      ['/budget/maxAward:invalid_value'],
    );
    assert.deepEqual(
      keys(problemsAfter((draft) => (draft.budget = { total: { amount: '0', currency: 'MAD' } }))),
      ['/budget/total:invalid_value', '/budget/minAward:required', '/budget/maxAward:required'],
    );
  });

  test('duplicate form field ids and an attachment slot for an unlisted document are named', () => {
    const problems = problemsAfter((draft) => {
      const fields = draft.form?.sections[0]?.fields;
      assert.ok(fields);
      fields.push(
        { id: 'title', type: 'long_text', required: false, label: { fr: 'Titre encore' } },
        { id: 'budget', type: 'attachment', documentId: 'budget', required: true, label: { fr: 'Budget' } },
      );
    });
    assert.deepEqual(keys(problems), [
      '/form/sections/0/fields/2/id:not_allowed',
      '/form/sections/0/fields/3/documentId:invalid_value',
    ]);
    assert.deepEqual(keys(problemsAfter((draft) => (draft.form = { version: 1, sections: [] }))), [
      '/form/sections:required',
    ]);
  });

  test('a regional call names a region, and a contact needs a way to reach someone', () => {
    assert.deepEqual(
      keys(
        problemsAfter((draft) => {
          draft.eligibleRegions = [];
          draft.contact = { name: { fr: 'Service des appels' } };
        }),
      ),
      ['/eligibleRegions:required', '/contact:required'],
    );
    assert.deepEqual(
      problemsAfter((draft) => {
        draft.coverage = 'national';
        draft.eligibleRegions = [];
        draft.contact = { url: 'https://example.ma/appels' };
      }),
      [],
    );
  });

  test('a report due on or before the closing day is named; an empty list of reports is an answer', () => {
    const problems = problemsAfter((draft) => {
      draft.reports = [
        { id: 'progress', kind: 'progress', label: { fr: 'Rapport d’étape' }, dueOn: closesAt.slice(0, 10) },
        ...(draft.reports ?? []),
      ];
    });
    assert.deepEqual(keys(problems), ['/reports/0/dueOn:invalid_value']);
    assert.deepEqual(
      problemsAfter((draft) => (draft.reports = [])),
      [],
    );
    assert.deepEqual(keys(problemsAfter((draft) => delete draft.review)), ['/review:required']);
  });

  test('an empty list of documents is an answer; no list at all is not', () => {
    const noDocuments = (draft: CallDraftFields) => {
      draft.requiredDocuments = [];
      const section = draft.form?.sections[0];
      assert.ok(section);
      section.fields = section.fields.filter((field) => field.type !== 'attachment');
    };
    assert.deepEqual(problemsAfter(noDocuments), []);
    assert.deepEqual(
      keys(
        problemsAfter((draft) => {
          noDocuments(draft);
          delete draft.requiredDocuments;
        }),
      ),
      ['/requiredDocuments:required'],
    );
  });
});

describe('call authoring bodies', () => {
  test('CreateCallDraft takes any subset of the fields, and organisationId for a platform admin', () => {
    assert.ok(validate(CreateCallDraft, {}).ok);
    assert.ok(validate(CreateCallDraft, { ...completeDraft(), organisationId: 'org_sample' }).ok);
    const typo = validate(CreateCallDraft, { titel: { fr: 'x' } }, 'body');
    assert.deepEqual(!typo.ok && typo.errors.map((e) => [e.path, e.code, e.in]), [
      ['/titel', 'unknown_field', 'body'],
    ]);
  });

  test('UpdateCallDraft: null clears a field, a field is checked whole, an unknown field is named', () => {
    const cleared = validate(UpdateCallDraft, { budget: null, fiscalYear: 2028 });
    assert.deepEqual(cleared, { ok: true, value: { budget: null, fiscalYear: 2028 } });
    const unknown = validate(UpdateCallDraft, { budjet: null, status: 'open' }, 'body');
    assert.deepEqual(!unknown.ok && unknown.errors.map((e) => `${e.path}:${e.code}`), [
      '/budjet:unknown_field',
      '/status:unknown_field',
    ]);
    const wrong = validate(UpdateCallDraft, {
      fiscalYear: 1999,
      eligibleRegions: ['MA-13'],
      dates: { opensAt: '2027-02-01' },
    });
    assert.deepEqual(!wrong.ok && wrong.errors.map((e) => `${e.path}:${e.code}`).sort(), [
      '/dates/opensAt:invalid_format',
      '/eligibleRegions/0:invalid_format',
      '/fiscalYear:too_small',
    ]);
    // The organisation of a draft is set when it is made; an edit cannot move it.
    const moved = validate(UpdateCallDraft, { organisationId: 'org_other' });
    assert.deepEqual(!moved.ok && moved.errors.map((e) => e.code), ['unknown_field']);
  });

  test('every editable field can be updated and cleared', () => {
    const complete = completeDraft();
    assert.deepEqual(
      [...CALL_DRAFT_FIELDS].sort(),
      Object.keys(complete).sort(),
      'the fixture sets every editable field',
    );
    for (const name of CALL_DRAFT_FIELDS) {
      assert.ok(validate(UpdateCallDraft, { [name]: complete[name] }).ok, `${name} set`);
      assert.ok(validate(UpdateCallDraft, { [name]: null }).ok, `${name} cleared`);
    }
  });

  test('a draft as the server answers it, with its problems', () => {
    const draft: CallDraft = {
      id: 'call_sample',
      organisationId: 'org_sample',
      state: 'draft',
      revision: 1,
      createdAt: now,
      updatedAt: now,
      fields: { title: { ar: 'دعم', fr: 'Soutien' } },
      problems: callPublicationProblems({ title: { ar: 'دعم', fr: 'Soutien' } }, now),
    };
    assert.deepEqual(validate(CallDraft, draft), { ok: true, value: draft });
    assert.equal(validate(CallDraft, { ...draft, revision: 0 }).ok, false);
    assert.equal(validate(CallDraft, { ...draft, state: 'open' }).ok, false);
  });

  test('an amendment needs its public summary; close and cancel need a reason', () => {
    const changes = { dates: { opensAt, closes: { at: closesAt, timeZone: 'Africa/Casablanca' as const } } };
    assert.ok(validate(AmendCall, { changes, summary: { fr: 'Report de la date limite' } }).ok);
    const bare = validate(AmendCall, { changes });
    assert.deepEqual(!bare.ok && bare.errors.map((e) => `${e.path}:${e.code}`), ['/summary:required']);
    const nulls = validate(AmendCall, { changes: { budget: null }, summary: { fr: 'x' } });
    assert.equal(nulls.ok, false, 'an amendment does not clear a field of a published call');
    assert.ok(validate(CallActionReason, { reason: { ar: 'استنفاد الميزانية' } }).ok);
    const empty = validate(CallActionReason, { reason: {} });
    assert.deepEqual(!empty.ok && empty.errors.map((e) => `${e.path}:${e.code}`), ['/reason:required']);
  });

  test('reviewers are a bounded list of ids', () => {
    assert.ok(validate(SetCallReviewers, { accountIds: [] }).ok);
    const many = validate(SetCallReviewers, {
      accountIds: Array.from({ length: 51 }, (_, i) => `acc_${i}`),
    });
    assert.deepEqual(!many.ok && many.errors.map((e) => `${e.path}:${e.code}`), ['/accountIds:too_long']);
    const bad = validate(SetCallReviewers, { accountIds: ['acc 1'] });
    assert.deepEqual(!bad.ok && bad.errors.map((e) => `${e.path}:${e.code}`), [
      '/accountIds/0:invalid_format',
    ]);
  });

  test('a version of a call has no statistics, and only versions after the first carry an amendment', () => {
    const fields = completeDraft();
    const { dates: _dates, ...rest } = fields;
    const call = {
      ...rest,
      id: 'call_sample',
      reference: 'MA-ORG-2027-0001',
      version: 1,
      funder: {
        organisationId: 'org_sample',
        sectorCode: 'mrp',
        name: { fr: 'Ministère' },
        level: 'national',
      },
      dates: { publishedAt: now, opensAt, closes: { at: closesAt, timeZone: 'Africa/Casablanca' } },
      status: 'forecast',
      amendments: [],
    };
    const version = { version: 1, at: now, call };
    assert.deepEqual(validate(CallVersion, version), { ok: true, value: version });
    const withStats = validate(CallVersion, {
      ...version,
      call: {
        ...call,
        stats: { applications: 0, eligible: 0, awarded: 0, amountAwarded: { amount: '0', currency: 'MAD' } },
      },
    });
    assert.deepEqual(!withStats.ok && withStats.errors.map((e) => `${e.path}:${e.code}`), [
      '/call/stats:unknown_field',
    ]);
  });
});
