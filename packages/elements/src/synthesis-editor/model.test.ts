import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UpdateSynthesisDraft } from '@nassij/contract';
import {
  demoCandidates,
  demoClosedConsultation,
  demoSynthesisDraft,
} from '../test-support/demo/syntheses.js';
import {
  bodyOf,
  candidatesOf,
  cleanText,
  editedOf,
  hasMore,
  isReportUrl,
  type LoadedCandidates,
  missingOf,
  previewOf,
} from './model.js';

describe('synthesis editor model', () => {
  it('cleans typed text as the API takes it: trimmed, empty languages left out', () => {
    assert.deepEqual(cleanText({ ar: '  نص  ', fr: '   ', en: '' }), { ar: 'نص' });
    assert.equal(cleanText({ fr: ' ' }), undefined);
    assert.equal(cleanText(undefined), undefined);
  });

  it('sends a report link only once it is a whole http(s) address', () => {
    assert.equal(isReportUrl('https://www.sgg.gov.ma/synthese.pdf'), true);
    assert.equal(isReportUrl('http://example.ma'), true);
    assert.equal(isReportUrl('www.sgg.gov.ma'), false);
    assert.equal(isReportUrl('javascript:alert(1)'), false);
    const fields = { ...editedOf(demoSynthesisDraft()), reportUrl: 'https://www.sgg' };
    assert.equal(bodyOf({ ...fields, reportUrl: 'https:/' }).reportUrl, undefined);
    assert.equal(bodyOf(fields).reportUrl, 'https://www.sgg');
  });

  it('round-trips a draft into a body the contract accepts, every decision in the order written', () => {
    const draft = demoSynthesisDraft();
    const fields = editedOf(draft);
    fields.decisions.ctb_test_g = { outcome: 'not_retained', reason: { fr: ' Hors délai ', ar: '' } };
    fields.decisions.ctb_test_f = { reason: { ar: '   ' } };
    const body = bodyOf(fields);
    assert.equal(UpdateSynthesisDraft.safeParse(body).success, true);
    assert.deepEqual(
      body.decisions.map((d) => d.contributionId),
      ['ctb_test_b', 'ctb_test_h', 'ctb_test_g'],
    );
    assert.deepEqual(body.decisions[2], {
      contributionId: 'ctb_test_g',
      outcome: 'not_retained',
      reason: { fr: 'Hors délai' },
    });
    assert.deepEqual(body.articles, draft.articles);
  });

  it('names every missing outcome and reason as the API does, and the summary', () => {
    const fields = editedOf(demoSynthesisDraft());
    assert.deepEqual(
      missingOf(fields, demoCandidates()).map((p) => p.path),
      [
        '/decisions/ctb_test_f/outcome',
        '/decisions/ctb_test_f/reason',
        '/decisions/ctb_test_g/outcome',
        '/decisions/ctb_test_g/reason',
        '/decisions/ctb_test_h/reason',
      ],
    );
    assert.deepEqual(missingOf({ ...fields, summary: { ar: ' ' } }, demoCandidates())[0]?.path, '/summary');
  });

  it('keeps the decisions of pages not loaded, and takes what the server found missing in them', () => {
    const fields = editedOf(demoSynthesisDraft());
    // Only article 2's first page is loaded: the whole text's decision (ctb_test_h) is not on screen.
    const all = demoCandidates();
    const [article] = all.groups;
    assert.ok(article);
    const partial: LoadedCandidates = {
      total: all.total,
      groups: [
        { ...article, candidates: article.candidates.slice(0, 1), nextCursor: 'next' },
        ...all.groups.slice(1).map((group) => ({ ...group, candidates: [], nextCursor: undefined })),
      ],
    };
    assert.equal(hasMore(partial.groups[0] as LoadedCandidates['groups'][number]), true);
    assert.equal(
      hasMore(partial.groups[1] as LoadedCandidates['groups'][number]),
      true,
      'no page loaded yet',
    );
    assert.equal(hasMore(article), false);
    assert.deepEqual(
      bodyOf(fields).decisions.map((d) => d.contributionId),
      ['ctb_test_b', 'ctb_test_h'],
      'a decision of a row not loaded is saved again, not erased',
    );
    const saved = [
      { path: '/summary', code: 'required' as const, message: 'Required' },
      { path: '/decisions/ctb_test_b/reason', code: 'required' as const, message: 'Required' },
      { path: '/decisions/ctb_test_h/reason', code: 'required' as const, message: 'Required' },
    ];
    assert.deepEqual(
      missingOf(fields, partial, saved).map((p) => p.path),
      ['/decisions/ctb_test_h/reason'],
      'a loaded row is checked here (ctb_test_b has its reason now); the others as the server saw them',
    );
  });

  it('previews only the rows with an outcome and a reason, with the figures as they stand', () => {
    const consultation = demoClosedConsultation();
    const preview = previewOf(editedOf(demoSynthesisDraft()), demoCandidates(), consultation);
    assert.deepEqual(
      preview.recommendations.map((r) => [r.contributionId, r.outcome, r.articleId]),
      [['ctb_test_b', 'partly_accepted', 'art-2']],
    );
    assert.equal(preview.frozen?.participants, consultation.stats.participants);
    assert.equal(candidatesOf(demoCandidates()).length, demoCandidates().total);
  });
});
