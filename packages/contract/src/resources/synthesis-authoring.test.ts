import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RecommendationOutcome, Synthesis } from './consultation.js';
import { SYNTHESIS_DECISIONS_MAX, SynthesisDraft, UpdateSynthesisDraft } from './synthesis-authoring.js';

const reason = { ar: 'خارج نطاق مشروع القانون', fr: 'Hors du champ du projet de loi' };

test('a draft may leave outcomes and reasons out; publishing, not saving, asks for them', () => {
  const draft = UpdateSynthesisDraft.parse({
    articles: [{ articleId: 'art-3', summary: { zgh: 'ⴰⵎⴰⵢⵏⵓ' } }],
    decisions: [
      { contributionId: 'ctb_test_b' },
      { contributionId: 'ctb_test_e', outcome: 'out_of_scope', reason },
    ],
  });
  assert.equal(draft.summary, undefined);
  assert.equal(draft.decisions[1]?.outcome, 'out_of_scope');
});

test('an article or a contribution named twice is refused, at the second one', () => {
  const twice = UpdateSynthesisDraft.safeParse({
    articles: [
      { articleId: 'art-3', summary: { fr: 'a' } },
      { articleId: 'art-3', summary: { fr: 'b' } },
    ],
    decisions: [
      { contributionId: 'ctb_test_b' },
      { contributionId: 'ctb_test_c' },
      { contributionId: 'ctb_test_b' },
    ],
  });
  assert.equal(twice.success, false);
  assert.deepEqual(
    twice.error?.issues.map((i) => i.path.join('/')),
    ['articles/1', 'decisions/2'],
  );
});

test('a draft answers at most SYNTHESIS_DECISIONS_MAX contributions and only known outcomes', () => {
  const many = Array.from({ length: SYNTHESIS_DECISIONS_MAX + 1 }, (_, i) => ({
    contributionId: `ctb_${i}`,
  }));
  assert.equal(UpdateSynthesisDraft.safeParse({ articles: [], decisions: many }).success, false);
  assert.equal(
    UpdateSynthesisDraft.safeParse({ articles: [], decisions: [{ contributionId: 'c', outcome: 'maybe' }] })
      .success,
    false,
  );
  assert.deepEqual(RecommendationOutcome.options, [
    'accepted',
    'partly_accepted',
    'not_retained',
    'out_of_scope',
  ]);
});

test('the draft the API answers and a published synthesis with frozen figures parse', () => {
  SynthesisDraft.parse({
    consultationId: 'cons_test_g',
    revision: 0,
    articles: [],
    decisions: [],
    problems: [{ path: '/summary', code: 'required', message: 'The synthesis needs an overall summary' }],
  });
  const published = Synthesis.parse({
    publishedAt: '2026-05-02T10:00:00Z',
    frozen: { participants: 3, contributions: 5, supports: 9, closedAt: '2026-04-30T22:59:00Z' },
    summary: { ar: 'حصيلة' },
    articles: [],
    recommendations: [
      { contributionId: 'ctb_test_e', kind: 'amendment', excerpt: 'نص', outcome: 'out_of_scope', reason },
    ],
  });
  assert.equal(published.frozen?.supports, 9);
  assert.equal(
    Synthesis.safeParse({
      ...published,
      frozen: { participants: -1, contributions: 0, supports: 0, closedAt: published.publishedAt },
    }).success,
    false,
  );
});
