// How completed registrations become competency records: one acquisition per session and competency for an
// association however many of its people took part, the highest level kept, the framework's order, and
// certificates only on a person's own record.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { COMPETENCY_CODES } from '@nassij/contract';
import { type AcquisitionRow, toRecords } from './store.js';

const course = (title: string) => JSON.stringify({ title: { fr: title } });

/** Rows as the query reads them: most recent session first. */
const ROWS: AcquisitionRow[] = [
  // Two participants of the association in the same session: one acquisition for the association.
  {
    course_id: 'crs_test_c',
    session_id: 'ses_test_j',
    end_at: '2026-05-14T16:00:00Z',
    code: 'advocacy',
    level: 2,
    course: course('Plaidoyer 2'),
    certificate_id: 'cert_b',
  },
  {
    course_id: 'crs_test_c',
    session_id: 'ses_test_j',
    end_at: '2026-05-14T16:00:00Z',
    code: 'advocacy',
    level: 2,
    course: course('Plaidoyer 2'),
    certificate_id: 'cert_c',
  },
  {
    course_id: 'crs_test_b',
    session_id: 'ses_test_d',
    end_at: '2026-02-01T16:00:00Z',
    code: 'governance',
    level: 1,
    course: course('Gouvernance'),
    certificate_id: null,
  },
  {
    course_id: 'crs_test_d',
    session_id: 'ses_test_b',
    end_at: '2025-11-20T16:00:00Z',
    code: 'advocacy',
    level: 1,
    course: course('Plaidoyer 1'),
    certificate_id: 'cert_a',
  },
];

describe('competency records', () => {
  test('an association: one acquisition per session, the highest level, the framework order, no certificate', () => {
    const records = toRecords(ROWS, false);
    // The framework lists governance before advocacy, though advocacy was acquired last.
    assert.ok(COMPETENCY_CODES.indexOf('governance') < COMPETENCY_CODES.indexOf('advocacy'));
    assert.deepEqual(
      records.map((r) => r.code),
      ['governance', 'advocacy'],
    );
    const advocacy = records.find((r) => r.code === 'advocacy');
    assert.equal(advocacy?.highestLevel, 2);
    assert.deepEqual(
      advocacy?.acquisitions.map((a) => [a.sessionId, a.level, a.courseTitle.fr]),
      [
        ['ses_test_j', 2, 'Plaidoyer 2'],
        ['ses_test_b', 1, 'Plaidoyer 1'],
      ],
    );
    assert.ok(records.every((r) => r.acquisitions.every((a) => a.certificateId === undefined)));
    assert.ok(advocacy?.name?.fr, 'named from the framework');
  });

  test('a person: each certificate kept, none invented', () => {
    const advocacy = toRecords(ROWS, true).find((r) => r.code === 'advocacy');
    assert.deepEqual(
      advocacy?.acquisitions.map((a) => a.certificateId),
      ['cert_b', 'cert_c', 'cert_a'],
    );
    const governance = toRecords(ROWS, true).find((r) => r.code === 'governance');
    assert.equal(governance?.acquisitions[0]?.certificateId, undefined);
  });

  test('nothing completed, nothing acquired', () => {
    assert.deepEqual(toRecords([], false), []);
  });
});
