import type { Certificate, Member, MyCompetencies, Registration } from '@nassij/contract';
import type { CourseRow, SessionDesk } from '../../session-manager/model.js';
import { DEMO_COURSES } from './trainings.js';

// Realistic demo data of a training department (data mode of <nassij-session-manager>: stories and tests)
// and of a participant's own registrations, certificates and competencies (<nassij-training-finder>).
// Not part of the public API.

const [first, second] = DEMO_COURSES as [(typeof DEMO_COURSES)[number], (typeof DEMO_COURSES)[number]];
const { nextSessions: _a, ...course } = first;
const { nextSessions: _b, ...draft } = second;

/** A session of three days that has ended, with five participants: its sheet can be filled in full. */
const ended = {
  id: 'ses_demo_office_1',
  courseId: course.id,
  period: { start: '2026-03-03T08:00:00Z', end: '2026-03-05T16:00:00Z' },
  timeZone: 'Africa/Casablanca' as const,
  location: { kind: 'on_site' as const, region: 'MA-05' as const, city: { ar: 'أزيلال', fr: 'Azilal' } },
  capacity: 20,
  seatsLeft: 15,
  waitlistCount: 0,
  registrationWindow: { opens: '2026-02-01T08:00:00Z', closes: '2026-03-01T22:00:00Z' },
  registrationState: 'closed' as const,
  status: 'completed' as const,
  trainers: [{ name: 'Fatima Zahra Benali' }],
  language: 'ar' as const,
};

/** A session to come, with its waiting list. */
const upcoming = {
  ...ended,
  id: 'ses_demo_office_2',
  period: { start: '2027-01-12T08:00:00Z', end: '2027-01-13T16:00:00Z' },
  location: { kind: 'online' as const, platform: 'BigBlueButton' },
  capacity: 12,
  seatsLeft: 0,
  waitlistCount: 3,
  registrationWindow: { opens: '2026-12-01T08:00:00Z', closes: '2027-01-10T22:00:00Z' },
  registrationState: 'waitlist' as const,
  status: 'scheduled' as const,
  language: 'fr' as const,
};

/** The provincial council's courses: one published with two sessions, one draft. */
export const DEMO_COURSE_ROWS: CourseRow[] = [
  {
    managed: {
      course,
      organisationId: 'org_province-azilal',
      state: 'published',
      createdAt: '2026-01-10T09:00:00Z',
      publishedAt: '2026-01-12T09:00:00Z',
      sessions: { total: 2, upcoming: 1 },
    },
    sessions: [
      { session: ended, counts: { confirmed: 5, waitlisted: 0, attended: 4 } },
      {
        session: upcoming,
        joinUrl: 'https://meet.example.ma/nassij-42',
        counts: { confirmed: 12, waitlisted: 3, attended: 0 },
      },
    ],
  },
  {
    managed: {
      course: draft,
      organisationId: 'org_province-azilal',
      state: 'draft',
      createdAt: '2026-02-20T09:00:00Z',
      sessions: { total: 0, upcoming: 0 },
    },
    sessions: [],
  },
];

const PARTICIPANTS = [
  ['reg_demo_office_1', 'أمينة العلوي', 'completed'],
  ['reg_demo_office_2', 'Youssef Benali', 'completed'],
  ['reg_demo_office_3', 'ⵜⵉⵍⵉⵍⵉ ⴰⵎⴰⵣⵉⵖ', 'attended'],
  ['reg_demo_office_4', 'Hamid Ouazzani', 'confirmed'],
  ['reg_demo_office_5', 'سعاد الإدريسي', 'no_show'],
] as const;

const DAYS = ['2026-03-03', '2026-03-04', '2026-03-05'];

/** The ended session's desk: its sheet half filled, the summary of two evaluations, one certificate issued. */
export const DEMO_DESK: SessionDesk = {
  course,
  managed: DEMO_COURSE_ROWS[0]!.sessions[0]!,
  sheet: {
    sessionId: ended.id,
    timeZone: 'Africa/Casablanca',
    days: DAYS,
    completionShare: 1,
    ended: true,
    lines: PARTICIPANTS.map(([registrationId, name, status], index) => ({
      registrationId,
      associationId: 'asso_demo_1',
      participant: { name },
      status,
      days: DAYS.map((day, d) => ({
        day,
        present: status === 'completed' || (status === 'attended' && d === 0) || (index === 3 && d < 2),
      })),
      // The first completed participant's certificate is issued already (see `certificates` below).
      ...(index === 0 ? { certificateId: 'cert_demo_1' } : {}),
    })),
  },
  evaluations: {
    sessionId: ended.id,
    count: 2,
    averageRating: 4.5,
    distribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 1 },
    comments: [
      { rating: 5, comment: 'تكوين مفيد جدا، أمثلة من الواقع.', submittedAt: '2026-03-06T10:00:00Z' },
    ],
    nextCursor: null,
  },
  certificates: [
    {
      registrationId: 'reg_demo_office_1',
      certificateId: 'cert_demo_1',
      pdfUrl: 'https://platform.example/api/v1/certificates/cert_demo_1.pdf',
      verificationUrl: 'https://platform.example/verify/cert_demo_1',
    },
  ],
};

/** The members of the demo association a representative chooses a participant from. */
export const DEMO_MEMBERS: Member[] = [
  { accountId: 'acc_demo_rep', displayName: 'Khadija Amrani', role: 'representative' },
  { accountId: 'acc_demo_member', displayName: 'يوسف بن علي', role: 'member' },
  { accountId: 'acc_demo_member_2', displayName: 'ⵜⵉⵍⵉⵍⵉ ⴰⵎⴰⵣⵉⵖ', role: 'member' },
];

/** A participant's own registrations: one completed (its certificate can be asked for), one to come. */
export const DEMO_MY_REGISTRATIONS: Registration[] = [
  {
    id: 'reg_demo_office_1',
    sessionId: ended.id,
    courseId: course.id,
    associationId: 'asso_demo_1',
    participant: { name: 'أمينة العلوي', accountId: 'acc_demo_member' },
    status: 'completed',
    createdAt: '2026-02-02T10:00:00Z',
    history: [
      { at: '2026-02-02T10:00:00Z', status: 'confirmed' },
      { at: '2026-03-05T17:00:00Z', status: 'completed' },
    ],
  },
  {
    id: 'reg_demo_office_6',
    sessionId: upcoming.id,
    courseId: course.id,
    associationId: 'asso_demo_1',
    participant: { name: 'أمينة العلوي', accountId: 'acc_demo_member' },
    status: 'waitlisted',
    waitlistPosition: 2,
    createdAt: '2026-12-02T10:00:00Z',
    history: [{ at: '2026-12-02T10:00:00Z', status: 'waitlisted' }],
  },
];

/** The certificate of the completed registration, as the platform answers it (signature shortened). */
export const DEMO_CERTIFICATE: Pick<Certificate, 'id' | 'registrationId' | 'links' | 'issuedAt' | 'locale'> =
  {
    id: 'cert_demo_1',
    registrationId: 'reg_demo_office_1',
    issuedAt: '2026-03-06T09:00:00Z',
    locale: 'ar',
    links: {
      self: 'https://platform.example/api/v1/certificates/cert_demo_1',
      pdf: 'https://platform.example/api/v1/certificates/cert_demo_1.pdf',
      verify: 'https://platform.example/verify/cert_demo_1',
    },
  };

/** The participant's competencies: the course's, at level 1, from the completed session. */
export const DEMO_MY_COMPETENCIES: MyCompetencies = {
  competencies: [
    {
      code: 'financial-management',
      highestLevel: 1,
      acquisitions: [
        {
          courseId: course.id,
          courseTitle: course.title,
          sessionId: ended.id,
          level: 1,
          completedOn: '2026-03-05T16:00:00Z',
          certificateId: 'cert_demo_1',
        },
      ],
    },
  ],
};
