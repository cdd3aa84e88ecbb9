import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { queryToObject, validate } from '../shared/validate.js';
import {
  AwardReport,
  AwardReportQuery,
  RecordDisbursement,
  ReviewAwardReport,
  SubmitAwardReport,
} from './award-report.js';

const report: AwardReport = {
  id: 'rpt_0a1b2c3d4e5f60718293a4b5',
  awardId: 'awd_sample',
  callId: 'call_sample',
  associationId: 'asso_sample',
  requirementId: 'progress',
  kind: 'progress',
  label: { ar: 'تقرير مرحلي', fr: 'Rapport d’étape' },
  dueOn: '2027-06-30',
  status: 'returned',
  overdue: true,
  submission: {
    at: '2027-06-20T09:00:00.000Z',
    by: 'acc_sample',
    summary: 'Activités du semestre',
    attachment: {
      fileId: `sha256:${'a'.repeat(64)}`,
      fileName: 'rapport.pdf',
      size: 1024,
      mediaType: 'application/pdf',
      scanState: 'clean',
    },
  },
  review: {
    at: '2027-07-01T09:00:00.000Z',
    by: 'acc_staff',
    outcome: 'returned',
    reason: 'Factures manquantes',
  },
};

describe('award reports', () => {
  test('a returned report with its submission and review is valid; an unknown status is not', () => {
    assert.deepEqual(validate(AwardReport, report), { ok: true, value: report });
    const bad = validate(AwardReport, { ...report, status: 'lost' });
    assert.ok(!bad.ok && bad.errors.some((e) => e.path === '/status'));
  });

  test('a submission needs a summary that is not blank', () => {
    assert.deepEqual(validate(SubmitAwardReport, { summary: '  Bilan  ' }), {
      ok: true,
      value: { summary: 'Bilan' },
    });
    const blank = validate(SubmitAwardReport, { summary: '   ' });
    assert.ok(!blank.ok && blank.errors.some((e) => e.path === '/summary'));
  });

  test('a review outcome is received, accepted or returned', () => {
    assert.ok(validate(ReviewAwardReport, { outcome: 'received' }).ok);
    assert.ok(!validate(ReviewAwardReport, { outcome: 'rejected' }).ok);
  });

  test('a tranche has an amount in MAD, a calendar date and a reference', () => {
    const tranche = {
      amount: { amount: '60000.00', currency: 'MAD' },
      paidOn: '2027-07-15',
      reference: 'OP-1',
    };
    assert.ok(validate(RecordDisbursement, tranche).ok);
    const negative = validate(RecordDisbursement, { ...tranche, amount: { amount: '-5', currency: 'MAD' } });
    assert.ok(!negative.ok && negative.errors.some((e) => e.path.startsWith('/amount')));
    assert.ok(!validate(RecordDisbursement, { ...tranche, paidOn: '2027-02-30' }).ok);
  });

  test('the list filters read repeated statuses and a yes/no overdue from the query string', () => {
    const query = queryToObject(
      AwardReportQuery,
      new URLSearchParams('status=due&status=returned&overdue=true'),
    );
    assert.deepEqual(validate(AwardReportQuery, query), {
      ok: true,
      value: { status: ['due', 'returned'], overdue: true, limit: 20 },
    });
    const paged = queryToObject(AwardReportQuery, new URLSearchParams('limit=5&cursor=abc_12-Z'));
    assert.deepEqual(validate(AwardReportQuery, paged), {
      ok: true,
      value: { limit: 5, cursor: 'abc_12-Z' },
    });
    assert.ok(
      !validate(AwardReportQuery, queryToObject(AwardReportQuery, new URLSearchParams('limit=101'))).ok,
    );
  });
});
