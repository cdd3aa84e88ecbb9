import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UpdateSynthesisDraft } from '@nassij/contract';
import {
  demoCandidates,
  demoClosedConsultation,
  demoSynthesisDraft,
} from '../test-support/demo/syntheses.js';
import { bodyOf, candidatesOf, cleanText, editedOf, isReportUrl, missingOf, previewOf } from './model.js';

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
    assert.equal(bodyOf({ ...fields, reportUrl: 'https:/' }, demoCandidates()).reportUrl, undefined);
    assert.equal(bodyOf(fields, demoCandidates()).reportUrl, 'https://www.sgg');
  });

  it('round-trips a draft into a body the contract accepts, decisions in the candidates’ order', () => {
    const draft = demoSynthesisDraft();
    const fields = editedOf(draft);
    fields.decisions.ctb_test_g = { outcome: 'not_retained', reason: { fr: ' Hors délai ', ar: '' } };
    fields.decisions.ctb_test_f = { reason: { ar: '   ' } };
    const body = bodyOf(fields, demoCandidates());
    assert.equal(UpdateSynthesisDraft.safeParse(body).success, true);
    assert.deepEqual(
      body.decisions.map((d) => d.contributionId),
      ['ctb_test_b', 'ctb_test_g', 'ctb_test_h'],
    );
    assert.deepEqual(body.decisions[1], {
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
