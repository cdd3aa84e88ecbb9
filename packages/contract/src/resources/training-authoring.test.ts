import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from '../shared/validate.js';
import { CreateRegistration } from './training.js';
import {
  AttendanceLine,
  BilingualText,
  CancelSession,
  CourseFields,
  CreateSession,
  MarkAttendance,
  SessionEvaluations,
  UpdateSession,
} from './training-authoring.js';

const session: CreateSession = {
  period: { start: '2027-01-12T08:00:00Z', end: '2027-01-13T16:00:00Z' },
  place: {
    kind: 'on_site',
    region: 'MA-09',
    city: { ar: 'أكادير', fr: 'Agadir' },
    address: { ar: 'دار الجمعيات', fr: 'Maison des associations' },
  },
  capacity: 25,
  registrationWindow: { opens: '2026-12-01T08:00:00Z', closes: '2027-01-10T22:00:00Z' },
  trainers: [{ name: 'Fatima Zahra Benali' }],
  language: 'ar',
};

const paths = (result: ReturnType<typeof validate>) => (result.ok ? [] : result.errors.map((e) => e.path));

describe('training authoring schemas', () => {
  it('a course text needs Arabic and French, each named when missing', () => {
    assert.ok(validate(BilingualText, { ar: 'عنوان', fr: 'Titre', zgh: 'ⴰⵣⵡⵍ' }).ok);
    assert.deepEqual(paths(validate(BilingualText, { ar: 'عنوان' })), ['/fr']);
    assert.deepEqual(paths(validate(BilingualText, { fr: 'Titre' })), ['/ar']);
  });

  it('a course has at least one competency at level 1 to 3', () => {
    const fields = {
      title: { ar: 'أ', fr: 'A' },
      description: { ar: 'ب', fr: 'B' },
      objectives: [{ ar: 'ج', fr: 'C' }],
      targetAudience: { ar: 'د', fr: 'D' },
      competencies: [{ code: 'advocacy', level: 2 }],
      languages: ['ar'],
      durationHours: 6,
      modality: 'online',
      cost: { free: true },
      credential: 'none',
    };
    assert.ok(validate(CourseFields, fields).ok);
    assert.deepEqual(paths(validate(CourseFields, { ...fields, competencies: [] })), ['/competencies']);
    assert.deepEqual(
      paths(validate(CourseFields, { ...fields, competencies: [{ code: 'advocacy', level: 4 }] })),
      ['/competencies/0/level'],
    );
  });

  it('a session: http(s) join links only, registration closing before it ends, an address on site', () => {
    assert.ok(validate(CreateSession, session).ok);
    const online = (joinUrl: string) =>
      validate(CreateSession, { ...session, place: { kind: 'online', joinUrl } });
    assert.ok(online('https://meet.example.ma/room').ok);
    assert.deepEqual(paths(online('javascript:alert(1)')), ['/place/joinUrl']);
    assert.deepEqual(paths(online('ftp://example.ma/x')), ['/place/joinUrl']);
    assert.deepEqual(
      paths(
        validate(CreateSession, {
          ...session,
          registrationWindow: { opens: '2026-12-01T08:00:00Z', closes: '2027-01-14T08:00:00Z' },
        }),
      ),
      ['/registrationWindow/closes'],
    );
    const { address: _address, ...withoutAddress } = session.place as { address: unknown };
    assert.deepEqual(paths(validate(CreateSession, { ...session, place: withoutAddress })), [
      '/place/address',
    ]);
    assert.ok(validate(UpdateSession, { capacity: 30 }).ok);
    assert.deepEqual(paths(validate(UpdateSession, { capacity: 0 })), ['/capacity']);
  });

  it('cancelling needs a reason; marks name a registration, a calendar date and presence', () => {
    assert.deepEqual(paths(validate(CancelSession, {})), ['/reason']);
    assert.ok(
      validate(MarkAttendance, {
        marks: [{ registrationId: 'reg_sample', day: '2027-01-12', present: true }],
      }).ok,
    );
    assert.deepEqual(
      paths(
        validate(MarkAttendance, {
          marks: [{ registrationId: 'reg_sample', day: '12/01/2027', present: true }],
        }),
      ),
      ['/marks/0/day'],
    );
    assert.deepEqual(paths(validate(MarkAttendance, { marks: [] })), ['/marks']);
  });

  it('a registration names an account, never a typed name', () => {
    const base = { sessionId: 'ses_sample', associationId: 'asso_sample', consent: true };
    assert.ok(
      validate(CreateRegistration, { ...base, participant: { accountId: 'acc_sample', role: 'أمين المال' } })
        .ok,
    );
    assert.equal(validate(CreateRegistration, { ...base, participant: { name: 'يوسف' } }).ok, false);
    assert.equal(validate(CreateRegistration, { ...base, participant: {} }).ok, false);
  });
});

describe('what staff read after a session', () => {
  const evaluations = {
    sessionId: 'ses_sample',
    count: 2,
    averageRating: 4.5,
    distribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 1 },
    comments: [{ rating: 5, comment: 'تكوين مفيد جدا', submittedAt: '2027-01-14T17:00:00Z' }],
    nextCursor: null,
  };

  it('SessionEvaluations: no average without evaluations; a comment cannot carry who wrote it', () => {
    assert.ok(validate(SessionEvaluations, evaluations).ok);
    const { averageRating: _, ...none } = evaluations;
    assert.ok(validate(SessionEvaluations, { ...none, count: 0, comments: [] }).ok);
    // One page of comments: the cursor of the next one, or null; never left out.
    assert.ok(validate(SessionEvaluations, { ...evaluations, nextCursor: 'eyJ2IjoxfQ' }).ok);
    const { nextCursor: _cursor, ...unpaged } = evaluations;
    assert.deepEqual(paths(validate(SessionEvaluations, unpaged)), ['/nextCursor']);
    const named = {
      ...evaluations.comments[0],
      participant: { name: 'أمينة' },
      registrationId: 'reg_sample',
    };
    assert.deepEqual(paths(validate(SessionEvaluations, { ...evaluations, comments: [named] })), [
      '/comments/0/participant',
      '/comments/0/registrationId',
    ]);
    assert.deepEqual(paths(validate(SessionEvaluations, { ...evaluations, averageRating: 6 })), [
      '/averageRating',
    ]);
    assert.deepEqual(
      paths(
        validate(SessionEvaluations, {
          ...evaluations,
          distribution: { ...evaluations.distribution, '6': 1 },
        }),
      ),
      ['/distribution/6'],
    );
  });

  it('AttendanceLine carries the certificate id once one is issued', () => {
    const line = {
      registrationId: 'reg_sample',
      associationId: 'asso_sample',
      participant: { name: 'يوسف بنعلي', accountId: 'acc_sample' },
      status: 'completed',
      days: [{ day: '2027-01-12', present: true }],
    };
    assert.ok(validate(AttendanceLine, line).ok);
    assert.ok(validate(AttendanceLine, { ...line, certificateId: 'cert_sample' }).ok);
    assert.deepEqual(paths(validate(AttendanceLine, { ...line, certificateId: '' })), ['/certificateId']);
  });
});
