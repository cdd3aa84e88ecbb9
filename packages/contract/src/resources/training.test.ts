import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { queryToObject, validate } from '../shared/validate.js';
import {
  CancelRegistration,
  COURSE_DETAIL_SESSIONS,
  Course,
  CourseCost,
  CourseDetail,
  CourseParams,
  CourseSearchQuery,
  CreateRegistration,
  EvaluateRegistration,
  RecordAttendance,
  Registration,
  RegistrationListQuery,
  RegistrationParams,
  Session,
  SessionParams,
  SessionSearchQuery,
} from './training.js';

const session: Session = {
  id: 'ses_sample',
  courseId: 'crs_sample',
  period: { start: '2026-05-12T08:00:00Z', end: '2026-05-14T16:00:00Z' },
  timeZone: 'Africa/Casablanca',
  location: {
    kind: 'on_site',
    region: 'MA-07',
    city: { ar: 'مراكش', zgh: 'ⵎⵕⵕⴰⴽⵛ' },
    address: { fr: 'Centre Ibn Tofail' },
  },
  capacity: 25,
  seatsLeft: 4,
  waitlistCount: 0,
  registrationWindow: { opens: '2026-04-01T08:00:00Z', closes: '2026-05-05T22:59:00Z' },
  registrationState: 'open',
  status: 'scheduled',
  trainers: [{ name: 'فاطمة الزهراء' }],
  language: 'ar',
};

const course: Course = {
  id: 'crs_sample',
  reference: 'MA-MRP-FOR-2026-0003',
  title: { ar: 'التدبير المالي للجمعيات', fr: 'Gestion financière des associations', zgh: 'ⴰⵙⵡⵓⴷⴷⵓ ⴰⵏⴰⵎⵓⵔ' },
  description: { ar: 'تكوين عملي في إعداد الميزانية والتقارير المالية' },
  objectives: [{ ar: 'إعداد ميزانية مشروع' }, { fr: 'Tenir une comptabilité simple' }],
  provider: { sectorCode: 'mrp', name: { ar: 'الوزارة المكلفة بالعلاقات مع البرلمان' } },
  competencies: [{ code: 'financial-management', level: 1 }],
  targetAudience: { ar: 'أمناء مال الجمعيات' },
  languages: ['ar', 'zgh'],
  durationHours: 12.5,
  modality: 'blended',
  cost: { free: true },
  credential: 'badge',
  nextSessions: [
    {
      id: 'ses_sample',
      period: session.period,
      location: { kind: 'online', platform: 'BigBlueButton' },
      seatsLeft: 4,
      registrationState: 'open',
      language: 'ar',
    },
  ],
};

const registration: Registration = {
  id: 'reg_sample',
  sessionId: 'ses_sample',
  courseId: 'crs_sample',
  associationId: 'asso_sample',
  participant: { name: 'ⵜⵉⵍⵉⵍⵉ ⴰⵎⴰⵣⵉⵖ', role: 'أمينة المال' },
  status: 'completed',
  attendance: { attendedHours: 12 },
  evaluation: { rating: 5, comment: 'تكوين مفيد جدا', submittedAt: '2026-05-15T09:00:00Z' },
  credentialIssuedOn: '2026-05-15T08:00:00Z',
  createdAt: '2026-04-02T10:00:00Z',
  history: [
    { at: '2026-04-02T10:00:00Z', status: 'confirmed' },
    { at: '2026-05-14T16:00:00Z', status: 'completed', reason: 'Présence complète' },
  ],
};

function codes(result: ReturnType<typeof validate>): string[] {
  return result.ok ? [] : result.errors.map((e) => `${e.path}:${e.code}`);
}

describe('Course', () => {
  it('accepts a course in Arabic and Tifinagh with next sessions', () => {
    assert.equal(validate(Course, course).ok, true);
  });

  it('refuses more than three next sessions, an empty competency list and a level of 4', () => {
    const next = course.nextSessions?.[0];
    assert.ok(next);
    assert.deepEqual(codes(validate(Course, { ...course, nextSessions: [next, next, next, next] })), [
      '/nextSessions:too_long',
    ]);
    assert.deepEqual(codes(validate(Course, { ...course, competencies: [] })), ['/competencies:too_short']);
    assert.deepEqual(codes(validate(Course, { ...course, competencies: [{ code: 'advocacy', level: 4 }] })), [
      '/competencies/0/level:invalid_value',
    ]);
  });

  it('refuses a zero duration and a course without languages', () => {
    assert.deepEqual(codes(validate(Course, { ...course, durationHours: 0 })), ['/durationHours:too_small']);
    assert.deepEqual(codes(validate(Course, { ...course, languages: [] })), ['/languages:too_short']);
  });

  it('carries its next sessions in the detail shape, at most 20, with how many are upcoming', () => {
    assert.equal(
      validate(CourseDetail, { ...course, sessions: [session], upcomingSessionCount: 1 }).ok,
      true,
    );
    assert.deepEqual(codes(validate(CourseDetail, course)), [
      '/sessions:required',
      '/upcomingSessionCount:required',
    ]);
    const many = Array.from({ length: COURSE_DETAIL_SESSIONS + 1 }, () => session);
    assert.deepEqual(codes(validate(CourseDetail, { ...course, sessions: many, upcomingSessionCount: 21 })), [
      '/sessions:too_long',
    ]);
  });
});

describe('CourseCost', () => {
  const paid = (amount: unknown) => ({ free: false, amount: { amount, currency: 'MAD' } });

  it('accepts free, the smallest paid amount and the largest amount', () => {
    assert.equal(validate(CourseCost, { free: true }).ok, true);
    assert.equal(validate(CourseCost, paid('0.01')).ok, true);
    assert.equal(validate(CourseCost, paid('999999999999999.99')).ok, true);
    assert.equal(
      validate(CourseCost, { ...paid('300'), fundedBy: { ar: 'المبادرة الوطنية للتنمية البشرية' } }).ok,
      true,
    );
  });

  it('refuses a paid course at zero, a float, three decimals, a sign and another currency', () => {
    assert.deepEqual(codes(validate(CourseCost, paid('0.00'))), ['/amount/amount:too_small']);
    assert.deepEqual(codes(validate(CourseCost, paid(300.5))), ['/amount/amount:invalid_type']);
    assert.deepEqual(codes(validate(CourseCost, paid('12.345'))), ['/amount/amount:invalid_format']);
    assert.deepEqual(codes(validate(CourseCost, paid('-5'))), ['/amount/amount:invalid_format']);
    assert.deepEqual(codes(validate(CourseCost, paid('1e3'))), ['/amount/amount:invalid_format']);
    assert.deepEqual(
      codes(validate(CourseCost, { free: false, amount: { amount: '10', currency: 'EUR' } })),
      ['/amount/currency:invalid_value'],
    );
  });

  it('refuses a paid course without an amount and an amount on a free course', () => {
    assert.deepEqual(codes(validate(CourseCost, { free: false })), ['/amount:required']);
    assert.deepEqual(codes(validate(CourseCost, { free: true, amount: { amount: '10', currency: 'MAD' } })), [
      '/amount:unknown_field',
    ]);
  });
});

describe('Session', () => {
  it('accepts an on-site and an online session', () => {
    assert.equal(validate(Session, session).ok, true);
    assert.equal(validate(Session, { ...session, location: { kind: 'online' } }).ok, true);
  });

  it('refuses an end before the start', () => {
    const period = { start: '2026-05-14T16:00:00Z', end: '2026-05-12T08:00:00Z' };
    assert.deepEqual(codes(validate(Session, { ...session, period })), ['/period/end:invalid']);
  });

  it('refuses a registration window that closes before it opens, and more seats left than capacity', () => {
    const registrationWindow = { opens: '2026-05-05T22:59:00Z', closes: '2026-04-01T08:00:00Z' };
    assert.deepEqual(codes(validate(Session, { ...session, registrationWindow })), [
      '/registrationWindow/closes:invalid',
    ]);
    assert.deepEqual(codes(validate(Session, { ...session, seatsLeft: 26 })), ['/seatsLeft:too_big']);
  });

  it('refuses an offset instant, another time zone and an unknown region', () => {
    const period = { start: '2026-05-12T09:00:00+01:00', end: '2026-05-14T16:00:00Z' };
    assert.deepEqual(codes(validate(Session, { ...session, period })), ['/period/start:invalid_format']);
    assert.deepEqual(codes(validate(Session, { ...session, timeZone: 'Europe/Paris' })), [
      '/timeZone:invalid_value',
    ]);
    const location = { ...session.location, region: 'MA-13' };
    assert.deepEqual(codes(validate(Session, { ...session, location })), ['/location/region:invalid_format']);
  });
});

describe('Registration', () => {
  it('accepts a completed registration with evaluation', () => {
    assert.equal(validate(Registration, registration).ok, true);
  });

  it('refuses an evaluation rated 0 or 6, and a comment over 2000 characters', () => {
    const evaluation = { rating: 0, submittedAt: '2026-05-15T09:00:00Z' };
    assert.deepEqual(codes(validate(Registration, { ...registration, evaluation })), [
      '/evaluation/rating:too_small',
    ]);
    assert.deepEqual(
      codes(validate(Registration, { ...registration, evaluation: { ...evaluation, rating: 6 } })),
      ['/evaluation/rating:too_big'],
    );
    const long = { ...evaluation, rating: 4, comment: 'ت'.repeat(2001) };
    assert.deepEqual(codes(validate(Registration, { ...registration, evaluation: long })), [
      '/evaluation/comment:too_long',
    ]);
  });

  it('refuses an unknown status and a waitlist position of 0', () => {
    assert.deepEqual(codes(validate(Registration, { ...registration, status: 'pending' })), [
      '/status:invalid_value',
    ]);
    assert.deepEqual(codes(validate(Registration, { ...registration, waitlistPosition: 0 })), [
      '/waitlistPosition:too_small',
    ]);
  });
});

describe('write schemas', () => {
  const writes = [
    [
      'CreateRegistration',
      CreateRegistration,
      {
        sessionId: 'ses_sample',
        associationId: 'asso_sample',
        participant: { accountId: 'acc_sample' },
        consent: true,
      },
    ],
    ['CancelRegistration', CancelRegistration, { reason: 'Empêchement' }],
    ['RecordAttendance', RecordAttendance, { attendedHours: 12, status: 'completed' }],
    ['EvaluateRegistration', EvaluateRegistration, { rating: 3, comment: 'ⵉⵖⵓⴷⴰ' }],
    ['CourseSearchQuery', CourseSearchQuery, { q: 'تدبير' }],
    ['SessionSearchQuery', SessionSearchQuery, { courseId: 'crs_sample' }],
    ['RegistrationListQuery', RegistrationListQuery, { status: ['confirmed'] }],
    ['CourseParams', CourseParams, { courseId: 'crs_sample' }],
    ['SessionParams', SessionParams, { sessionId: 'ses_sample' }],
    ['RegistrationParams', RegistrationParams, { registrationId: 'reg_sample' }],
  ] as const;

  for (const [name, schema, valid] of writes) {
    it(`${name} accepts a valid value and names an unknown field`, () => {
      assert.equal(validate(schema, valid).ok, true);
      const result = validate(schema, { ...valid, extra: 1 }, 'body');
      assert.equal(result.ok, false);
      assert.deepEqual(result.ok ? [] : result.errors.map((e) => [e.path, e.code, e.in]), [
        ['/extra', 'unknown_field', 'body'],
      ]);
    });
  }

  it('names an unknown field nested in the participant', () => {
    const body = {
      sessionId: 'ses_sample',
      associationId: 'asso_sample',
      participant: { accountId: 'acc_sample', cin: 'AB123' },
      consent: true,
    };
    assert.deepEqual(codes(validate(CreateRegistration, body)), ['/participant/cin:unknown_field']);
  });
});

describe('CreateRegistration', () => {
  const body = {
    sessionId: 'ses_sample',
    associationId: 'asso_sample',
    participant: { accountId: 'acc_sample', role: 'رئيسة' },
    consent: true,
  };

  it('requires consent to be true', () => {
    assert.equal(validate(CreateRegistration, body).ok, true);
    assert.deepEqual(codes(validate(CreateRegistration, { ...body, consent: false })), [
      '/consent:invalid_value',
    ]);
    const { consent: _, ...withoutConsent } = body;
    assert.deepEqual(codes(validate(CreateRegistration, withoutConsent)), ['/consent:required']);
  });

  it('refuses an empty or over-long role', () => {
    const as = (role: string) => ({ ...body, participant: { accountId: 'acc_sample', role } });
    assert.deepEqual(codes(validate(CreateRegistration, as('   '))), ['/participant/role:too_short']);
    assert.deepEqual(codes(validate(CreateRegistration, as('ا'.repeat(121)))), [
      '/participant/role:too_long',
    ]);
  });

  it('refuses a typed name, e-mail included: a registration names an account', () => {
    const typed = { ...body, participant: { name: 'أمينة', email: 'amina@example.ma' } };
    assert.deepEqual(codes(validate(CreateRegistration, typed)), [
      '/participant/accountId:required',
      '/participant/name:unknown_field',
      '/participant/email:unknown_field',
    ]);
  });
});

describe('RecordAttendance and EvaluateRegistration', () => {
  it('refuses hours for a no-show and negative hours', () => {
    assert.equal(validate(RecordAttendance, { attendedHours: 0, status: 'no_show' }).ok, true);
    assert.deepEqual(codes(validate(RecordAttendance, { attendedHours: 3, status: 'no_show' })), [
      '/attendedHours:not_allowed',
    ]);
    assert.deepEqual(codes(validate(RecordAttendance, { attendedHours: -1, status: 'attended' })), [
      '/attendedHours:too_small',
    ]);
    assert.deepEqual(codes(validate(RecordAttendance, { attendedHours: 2, status: 'confirmed' })), [
      '/status:invalid_value',
    ]);
  });

  it('refuses ratings 0, 6 and 4.5', () => {
    assert.deepEqual(codes(validate(EvaluateRegistration, { rating: 0 })), ['/rating:too_small']);
    assert.deepEqual(codes(validate(EvaluateRegistration, { rating: 6 })), ['/rating:too_big']);
    assert.deepEqual(codes(validate(EvaluateRegistration, { rating: 4.5 })), ['/rating:invalid_type']);
    assert.equal(validate(EvaluateRegistration, { rating: 1 }).ok, true);
    assert.equal(validate(EvaluateRegistration, { rating: 5 }).ok, true);
  });
});

describe('CourseSearchQuery', () => {
  const parse = (query: string) =>
    validate(CourseSearchQuery, queryToObject(CourseSearchQuery, new URLSearchParams(query)), 'query');

  it('reads repeated keys, coerced levels, booleans and defaults', () => {
    const result = parse(
      'competency=advocacy&level=2&level=3&region=MA-01&region=MA-06&free=true&seatsAvailable=0&language=zgh',
    );
    assert.ok(result.ok);
    assert.deepEqual(result.value.level, [2, 3]);
    assert.deepEqual(result.value.region, ['MA-01', 'MA-06']);
    assert.equal(result.value.free, true);
    assert.equal(result.value.seatsAvailable, false);
    assert.equal(result.value.sort, 'next_session');
    assert.equal(result.value.limit, 20);
  });

  it('refuses level 0, a bad boolean, an unknown sort and "from" after "to"', () => {
    assert.deepEqual(codes(parse('level=0')), ['/level/0:invalid_value']);
    assert.deepEqual(codes(parse('free=maybe')), ['/free:invalid_value']);
    assert.deepEqual(codes(parse('sort=price')), ['/sort:invalid_value']);
    assert.deepEqual(codes(parse('from=2026-06-01T00:00:00Z&to=2026-05-01T00:00:00Z')), ['/to:invalid']);
    assert.equal(parse('from=2026-05-01T00:00:00Z&to=2026-06-01T00:00:00Z').ok, true);
  });

  it('refuses a limit over 100', () => {
    assert.deepEqual(codes(parse('limit=101')), ['/limit:too_big']);
  });
});

describe('SessionSearchQuery and RegistrationListQuery', () => {
  it('reads states and statuses as arrays and refuses unknown ones', () => {
    const sessions = validate(
      SessionSearchQuery,
      queryToObject(SessionSearchQuery, new URLSearchParams('state=open')),
    );
    assert.ok(sessions.ok);
    assert.deepEqual(sessions.value.state, ['open']);
    assert.deepEqual(codes(validate(SessionSearchQuery, { state: ['full'] })), ['/state/0:invalid_value']);
    assert.deepEqual(codes(validate(RegistrationListQuery, { status: ['no-show'] })), [
      '/status/0:invalid_value',
    ]);
  });
});
