import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { queryToObject, validate } from '../shared/validate.js';
import {
  CONTRIBUTION_BODY_MAX,
  CONTRIBUTION_PROPOSED_TEXT_MAX,
  Contribution,
  ContributionListQuery,
  ContributionParams,
  ContributionReceipt,
  ContributionRepliesQuery,
  CreateContribution,
  contributionFollowPath,
  DISPLAY_NAME_MAX,
  isHoneypotFilled,
  ModerateContribution,
  ModerationQueueQuery,
  ReportContribution,
  RespondToContribution,
  SupportResult,
  SupportWithdrawal,
} from './contribution.js';

const comment = {
  kind: 'comment',
  articleId: 'art-3',
  body: 'أقترح تمديد الأجل إلى ستين يوما',
  consent: true,
};

function contribution(): Contribution {
  return {
    id: 'ctb_sample',
    consultationId: 'cons_sample',
    articleId: 'art-3',
    kind: 'amendment',
    body: 'أقترح تمديد الأجل',
    proposedText: 'يحدد الأجل في ستين يوما',
    position: 'for',
    author: {
      displayName: 'جمعية أمل',
      participantType: 'association',
      associationId: 'asso_sample',
      region: 'MA-06',
    },
    createdAt: '2026-03-02T08:00:00Z',
    moderation: { state: 'published', decidedAt: '2026-03-02T09:00:00Z' },
    supports: 14,
    supportedByMe: false,
    replies: [
      {
        id: 'ctb_reply_sample',
        consultationId: 'cons_sample',
        articleId: 'art-3',
        parentId: 'ctb_sample',
        kind: 'comment',
        body: 'ⵏⵇⴱⵍ ⴰⵙⵏⴼⵍ ⴰⴷ',
        author: { displayName: 'ⵎⵓⵃⵎⵎⴷ', participantType: 'citizen', region: 'MA-05' },
        createdAt: '2026-03-03T10:00:00Z',
        moderation: { state: 'published' },
        supports: 0,
      },
    ],
    officialResponse: {
      body: { ar: 'تم أخذ المقترح بعين الاعتبار', fr: 'Proposition retenue' },
      respondedAt: '2026-04-10T09:00:00Z',
      by: { fr: 'Secrétariat général du gouvernement' },
    },
    history: [
      { at: '2026-03-02T08:00:00Z', action: 'created' },
      { at: '2026-03-02T09:00:00Z', action: 'published' },
      { at: '2026-04-10T09:00:00Z', action: 'responded' },
    ],
  };
}

function codes(input: unknown) {
  const result = validate(CreateContribution, input, 'body');
  return result.ok ? [] : result.errors.map((e) => `${e.path}:${e.code}`);
}

describe('CreateContribution', () => {
  test('accepts an Arabic comment, a Tifinagh recommendation and a whole-text comment', () => {
    assert.deepEqual(codes(comment), []);
    assert.deepEqual(
      codes({ kind: 'recommendation', body: 'ⴰⵙⵏⴼⵍ ⵏ ⵓⵣⵔⴼ ⴰⴷ ⵉⵍⴰⵇ', consent: true, position: 'neutral' }),
      [],
    );
    assert.deepEqual(codes({ kind: 'comment', articleId: null, body: 'Texte global', consent: true }), []);
  });

  test('accepts an anonymous author in the open mode shape', () => {
    const body = {
      ...comment,
      author: { displayName: 'Amina', participantType: 'citizen', region: 'MA-06' },
    };
    assert.deepEqual(codes(body), []);
    assert.deepEqual(codes({ ...comment, author: { displayName: '', participantType: 'citizen' } }), [
      '/author/displayName:too_short',
    ]);
    assert.deepEqual(
      codes({
        ...comment,
        author: { displayName: 'x'.repeat(DISPLAY_NAME_MAX + 1), participantType: 'citizen' },
      }),
      ['/author/displayName:too_long'],
    );
    assert.deepEqual(
      codes({
        ...comment,
        author: { displayName: 'Amina', participantType: 'citizen', associationId: 'asso_sample' },
      }),
      ['/author/associationId:not_allowed'],
    );
  });

  test('an unknown field is an unknown_field naming it', () => {
    const result = validate(CreateContribution, { ...comment, titel: 'x' }, 'body');
    assert.ok(!result.ok);
    assert.deepEqual(result.errors, [
      { path: '/titel', in: 'body', code: 'unknown_field', message: 'Unknown field "titel"' },
    ]);
  });

  test('an amendment without proposed text is refused', () => {
    assert.deepEqual(codes({ ...comment, kind: 'amendment' }), ['/proposedText:required']);
    assert.deepEqual(codes({ ...comment, kind: 'amendment', proposedText: 'يحدد الأجل في ستين يوما' }), []);
    assert.deepEqual(codes({ ...comment, proposedText: 'x' }), ['/proposedText:not_allowed']);
    assert.deepEqual(
      codes({ ...comment, kind: 'amendment', proposedText: 'x'.repeat(CONTRIBUTION_PROPOSED_TEXT_MAX + 1) }),
      ['/proposedText:too_long'],
    );
  });

  test('an answer needs its question; option ids or text are accepted', () => {
    assert.deepEqual(codes({ ...comment, kind: 'answer', answer: ['yes'] }), ['/questionId:required']);
    assert.deepEqual(codes({ ...comment, kind: 'answer', questionId: 'q1', answer: ['yes'] }), []);
    assert.deepEqual(codes({ ...comment, kind: 'answer', questionId: 'q2', answer: 'ⵢⴰⵀ' }), []);
    assert.deepEqual(codes({ ...comment, questionId: 'q1' }), ['/questionId:not_allowed']);
    assert.deepEqual(codes({ ...comment, kind: 'answer', questionId: 'q1', answer: [] }), [
      '/answer:too_short',
    ]);
  });

  test('consent must be exactly true', () => {
    const { consent: _, ...withoutConsent } = comment;
    // The code of a missing literal is validate()'s choice; what matters here is that /consent is named.
    assert.deepEqual(
      codes(withoutConsent).map((c) => c.split(':')[0]),
      ['/consent'],
    );
    assert.deepEqual(codes({ ...comment, consent: false }), ['/consent:invalid_value']);
    assert.deepEqual(codes({ ...comment, consent: 'yes' }), ['/consent:invalid_value']);
  });

  test('body length is 1..CONTRIBUTION_BODY_MAX after trimming', () => {
    assert.equal(CONTRIBUTION_BODY_MAX, 4000);
    assert.deepEqual(codes({ ...comment, body: 'ب'.repeat(CONTRIBUTION_BODY_MAX) }), []);
    assert.deepEqual(codes({ ...comment, body: 'ب'.repeat(CONTRIBUTION_BODY_MAX + 1) }), ['/body:too_long']);
    assert.deepEqual(codes({ ...comment, body: '   \n ' }), ['/body:too_short']);
    const { body: _, ...withoutBody } = comment;
    assert.deepEqual(codes(withoutBody), ['/body:required']);
  });

  test('control characters are refused, line breaks and tabs kept', () => {
    assert.deepEqual(codes({ ...comment, body: 'سطر أول\nسطر ثان\tمع جدولة' }), []);
    for (const bad of ['a\u0000b', 'a\u0007b', 'a\rb', 'a\u001bb', 'a\u007fb', 'a\u0085b']) {
      assert.deepEqual(codes({ ...comment, body: bad }), ['/body:invalid_format'], JSON.stringify(bad));
    }
    assert.deepEqual(
      codes({ ...comment, author: { displayName: 'Ami\u0000na', participantType: 'citizen' } }),
      ['/author/displayName:invalid_format'],
    );
  });

  test('the honeypot is accepted by the schema and detected by isHoneypotFilled', () => {
    const trapped = validate(CreateContribution, { ...comment, honeypot: 'http://spam.example' });
    assert.ok(trapped.ok);
    assert.equal(isHoneypotFilled(trapped.value), true);
    assert.equal(isHoneypotFilled({ ...comment, honeypot: '' }), false);
    assert.equal(isHoneypotFilled({ ...comment, honeypot: undefined }), false);
  });

  test('unknown kinds and positions are refused', () => {
    assert.deepEqual(codes({ ...comment, kind: 'vote' }), ['/kind:invalid_value']);
    assert.deepEqual(codes({ ...comment, position: 'maybe' }), ['/position:invalid_value']);
  });
});

describe('Contribution', () => {
  test('accepts a contribution with a one-level reply, response and history', () => {
    const result = validate(Contribution, contribution());
    assert.equal(result.ok, true, JSON.stringify(!result.ok && result.errors));
  });

  test('replies cannot nest a second level', () => {
    const c = contribution();
    const nested = { ...c, replies: [{ ...c.replies?.[0], replies: [] }] };
    const result = validate(Contribution, nested);
    assert.ok(!result.ok && result.errors[0]?.code === 'unknown_field');
  });

  test('a contribution says how many replies it has and where the rest continue; a reply says neither', () => {
    const c = contribution();
    const counted = { ...c, replyCount: 40, repliesNextCursor: 'eyJ2IjoxfQ' };
    assert.equal(validate(Contribution, counted).ok, true);
    assert.equal(validate(Contribution, { ...c, replyCount: 1, repliesNextCursor: null }).ok, true);
    assert.equal(validate(Contribution, { ...c, replyCount: -1 }).ok, false);
    assert.equal(validate(Contribution, { ...c, replyCount: 1.5 }).ok, false);
    const reply = { ...c.replies?.[0], replyCount: 0 };
    const result = validate(Contribution, { ...c, replies: [reply] });
    assert.ok(!result.ok && result.errors[0]?.code === 'unknown_field');
  });

  test('the replies query takes a page limit and a cursor only', () => {
    assert.deepEqual(
      validate(
        ContributionRepliesQuery,
        queryToObject(ContributionRepliesQuery, new URLSearchParams('limit=5')),
        'query',
      ),
      {
        ok: true,
        value: { limit: 5 },
      },
    );
    assert.equal(validate(ContributionRepliesQuery, { limit: 101 }, 'query').ok, false);
    assert.equal(validate(ContributionRepliesQuery, { sort: 'newest' }, 'query').ok, false);
  });

  test('articleId null means the whole text; absent is refused', () => {
    assert.equal(validate(Contribution, { ...contribution(), articleId: null }).ok, true);
    const { articleId: _, ...withoutArticle } = contribution();
    assert.equal(validate(Contribution, withoutArticle).ok, false);
  });

  test('never carries an e-mail on the author', () => {
    const c = contribution();
    const result = validate(Contribution, { ...c, author: { ...c.author, email: 'a@example.ma' } });
    assert.ok(!result.ok && result.errors[0]?.path === '/author/email');
  });
});

describe('other write schemas', () => {
  test('ReportContribution', () => {
    assert.equal(
      validate(ReportContribution, { reason: 'personal_data', detail: 'رقم هاتف منشور' }).ok,
      true,
    );
    assert.equal(validate(ReportContribution, { reason: 'boring' }).ok, false);
    assert.equal(validate(ReportContribution, { reason: 'other', detail: 'x'.repeat(501) }).ok, false);
    assert.equal(validate(ReportContribution, { reason: 'spam', extra: 1 }).ok, false);
  });

  test('ModerateContribution needs a reason to hide', () => {
    assert.equal(validate(ModerateContribution, { decision: 'publish' }).ok, true);
    const hide = validate(ModerateContribution, { decision: 'hide' }, 'body');
    assert.ok(!hide.ok);
    assert.equal(hide.errors[0]?.path, '/reason');
    assert.equal(hide.errors[0]?.code, 'required');
    assert.equal(
      validate(ModerateContribution, { decision: 'hide', reason: 'Données personnelles' }).ok,
      true,
    );
  });

  test('RespondToContribution takes localized text', () => {
    assert.equal(validate(RespondToContribution, { body: { zgh: 'ⵜⵜⵓⵙⵏⴼⵍ' } }).ok, true);
    assert.equal(validate(RespondToContribution, { body: {} }).ok, false);
    assert.equal(validate(RespondToContribution, { body: 'plain' }).ok, false);
  });
});

describe('queries', () => {
  test('ContributionListQuery defaults to most supported and reads repeated keys', () => {
    const params = new URLSearchParams('kind=amendment&kind=recommendation&position=against');
    const result = validate(ContributionListQuery, queryToObject(ContributionListQuery, params), 'query');
    assert.ok(result.ok);
    assert.equal(result.value.sort, 'most_supported');
    assert.deepEqual(result.value.kind, ['amendment', 'recommendation']);
    assert.equal(validate(ContributionListQuery, { sort: 'oldest' }).ok, false);
    const unknown = validate(ContributionListQuery, { author: 'x' }, 'query');
    assert.ok(!unknown.ok && unknown.errors[0]?.code === 'unknown_field');
  });

  test('ModerationQueueQuery defaults to pending', () => {
    const result = validate(ModerationQueueQuery, {});
    assert.ok(result.ok);
    assert.equal(result.value.state, 'pending');
    assert.equal(result.value.limit, 20);
  });
});

describe('responses', () => {
  test('ContributionReceipt carries a follow path', () => {
    const followUrl = contributionFollowPath('ctb_sample');
    assert.equal(followUrl, '/v1/contributions/ctb_sample');
    const receipt = {
      contribution: contribution(),
      receiptNumber: 'MA-CTB-2026-000123',
      followUrl,
      awaitingModeration: true,
    };
    assert.equal(validate(ContributionReceipt, receipt).ok, true);
    assert.equal(validate(ContributionReceipt, { ...receipt, followUrl: 'javascript:alert(1)' }).ok, false);
  });

  test('SupportResult, SupportWithdrawal and ContributionParams', () => {
    assert.equal(
      validate(SupportResult, { contributionId: 'ctb_sample', supports: 15, supportedByMe: true }).ok,
      true,
    );
    assert.equal(
      validate(SupportResult, { contributionId: 'ctb_sample', supports: 15, supportedByMe: false }).ok,
      false,
    );
    assert.equal(
      validate(SupportWithdrawal, { contributionId: 'ctb_sample', supports: 14, supportedByMe: false }).ok,
      true,
    );
    assert.equal(
      validate(SupportWithdrawal, { contributionId: 'ctb_sample', supports: 14, supportedByMe: true }).ok,
      false,
    );
    assert.equal(validate(ContributionParams, { contributionId: 'ctb 1' }).ok, false);
  });
});
