import * as z from 'zod/mini';
import { Code, Id, RegionCode, WebUrl } from '../shared/ids.js';
import { CalendarDate, Instant, Period } from '../shared/instant.js';
import { Locale, LocalizedText } from '../shared/localized-text.js';
import { PageQuery } from '../shared/page.js';
import { DISPLAY_TIME_ZONE } from '../shared/time.js';
import { Course, CourseCost, Modality, RegistrationStatus, Session } from './training.js';

// How an organisation's training staff author courses and run their sessions: the course fields, the
// session fields, the staff's lists with their counts, and the attendance sheet marked per participant per
// day. A course is a draft (never public) until it is published.

/** A level of the unified competency framework: 1 (initiation), 2 (consolidation), 3 (mastery). */
const Level = /* @__PURE__ */ (() => z.literal([1, 2, 3]))();

/** A short single-language label typed by a person (a trainer's name): trimmed, 1–120 characters. */
const ShortText = /* @__PURE__ */ (() => z.string().check(z.trim(), z.minLength(1), z.maxLength(120)))();

/**
 * A text the staff write in Arabic and French at least (Tamazight and English are welcome): the public
 * catalogue shows a course in either official working language. Its values are `LocalizedText`s (no type of
 * its own, so that the API reference keeps linking `LocalizedText` properties to it).
 *
 * @example
 * ```ts
 * BilingualText.parse({ ar: 'التدبير المالي', fr: 'Gestion financière' }); // passes; { ar: '…' } alone does not
 * ```
 */
export const BilingualText = /* @__PURE__ */ (() =>
  LocalizedText.check(
    z.refine((text) => text.ar !== undefined, {
      message: 'Write it in Arabic',
      path: ['ar'],
      params: { code: 'required' },
    }),
    z.refine((text) => text.fr !== undefined, {
      message: 'Write it in French',
      path: ['fr'],
      params: { code: 'required' },
    }),
  ))();

/**
 * The fields staff write for a course. `competencies[].code` must be a code of the competency framework
 * (`GET /v1/reference/competencies`): an unknown one is refused with 422 naming `/competencies/{i}/code`.
 *
 * @example
 * ```ts
 * const fields: CourseFields = {
 *   title: { ar: 'التدبير المالي للجمعيات', fr: 'Gestion financière des associations' },
 *   description: { ar: 'تكوين عملي في الميزانية', fr: 'Formation pratique au budget' },
 *   objectives: [{ ar: 'إعداد ميزانية مشروع', fr: 'Établir le budget d’un projet' }],
 *   targetAudience: { ar: 'أمناء المال', fr: 'Trésoriers' },
 *   competencies: [{ code: 'financial-management', level: 1 }], languages: ['ar', 'fr'], durationHours: 12,
 *   modality: 'on_site', cost: { free: true }, credential: 'attestation',
 * };
 * ```
 */
export const CourseFields = /* @__PURE__ */ (() =>
  z.strictObject({
    title: BilingualText,
    description: BilingualText,
    objectives: z.array(BilingualText).check(z.minLength(1), z.maxLength(20)),
    targetAudience: BilingualText,
    prerequisites: z.optional(LocalizedText),
    competencies: z
      .array(z.strictObject({ code: Code, level: Level }))
      .check(z.minLength(1), z.maxLength(10)),
    languages: z.array(Locale).check(z.minLength(1), z.maxLength(4)),
    durationHours: z.number().check(z.positive(), z.maximum(2_000)),
    modality: Modality,
    cost: CourseCost,
    credential: z.enum(['attestation', 'badge', 'none']),
    accessibility: z.optional(LocalizedText),
  }))();
export type CourseFields = z.infer<typeof CourseFields>;

/**
 * Body of `PATCH /v1/courses/{courseId}`: each field given replaces the course's field (`If-Match` required).
 *
 * @example
 * ```ts
 * const body: UpdateCourse = { durationHours: 18, languages: ['ar', 'fr', 'zgh'] };
 * ```
 */
export const UpdateCourse = /* @__PURE__ */ (() => z.partial(CourseFields))();
export type UpdateCourse = z.infer<typeof UpdateCourse>;

/**
 * A course as its organisation's staff see it: the course (the public shape, `nextSessions` left out), whether
 * it is public yet, and its sessions counted. `draft` courses are never public.
 *
 * @example
 * ```ts
 * const managed: ManagedCourse = { course, organisationId: 'org_province-azilal', state: 'draft',
 *   createdAt: '2026-12-01T09:00:00Z', sessions: { total: 0, upcoming: 0 } };
 * ```
 */
export const ManagedCourse = /* @__PURE__ */ (() =>
  z.strictObject({
    course: Course,
    organisationId: Id,
    state: z.enum(['draft', 'published']),
    createdAt: Instant,
    publishedAt: z.optional(Instant),
    sessions: z.strictObject({
      total: z.number().check(z.int(), z.nonnegative()),
      upcoming: z.number().check(z.int(), z.nonnegative()),
    }),
  }))();
export type ManagedCourse = z.infer<typeof ManagedCourse>;

/**
 * Query of `GET /v1/organisations/{organisationId}/courses`: drafts and published courses, newest first.
 *
 * @example
 * ```ts
 * validate(ManagedCourseQuery, { state: 'draft', limit: '20' }, 'query');
 * ```
 */
export const ManagedCourseQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    state: z.optional(z.enum(['draft', 'published'])),
    ...PageQuery,
  }))();
export type ManagedCourseQuery = z.infer<typeof ManagedCourseQuery>;

/**
 * Where a session is held, as staff write it. On site: the region, the commune (`city`) and the address.
 * Online: the join link (http or https only), sent to confirmed registrants and never shown publicly, the
 * platform's name, and optionally the region the session is meant for (so a regional search finds it).
 *
 * @example
 * ```ts
 * const place: SessionPlace = { kind: 'online', joinUrl: 'https://meet.example.ma/nassij-42', platform: 'BigBlueButton' };
 * ```
 */
export const SessionPlace = /* @__PURE__ */ (() =>
  z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('on_site'),
      region: RegionCode,
      city: LocalizedText,
      address: LocalizedText,
    }),
    z.strictObject({
      kind: z.literal('online'),
      joinUrl: WebUrl,
      platform: z.optional(ShortText),
      region: z.optional(RegionCode),
    }),
  ]))();
export type SessionPlace = z.infer<typeof SessionPlace>;

/** Refuses a registration window that does not close after it opens, or closes after the session ends. */
const windowInsidePeriod = /* @__PURE__ */ (() =>
  z.refine<{
    period?: { start: string; end: string } | undefined;
    registrationWindow?: { opens: string; closes: string } | undefined;
  }>((s) => !s.period || !s.registrationWindow || s.registrationWindow.closes <= s.period.end, {
    message: 'Registration closes before the session ends',
    path: ['registrationWindow', 'closes'],
    params: { code: 'too_big' },
  }))();

const Window = /* @__PURE__ */ (() =>
  z.strictObject({ opens: Instant, closes: Instant }).check(
    z.refine((w) => w.closes > w.opens, {
      message: 'Registration closes after it opens',
      path: ['closes'],
    }),
  ))();

/**
 * Body of `POST /v1/courses/{courseId}/sessions`. Dates are instants (UTC); the session is shown in
 * `Africa/Casablanca`, and its attendance days are the Casablanca dates from its start to its end.
 *
 * @example
 * ```ts
 * const body: CreateSession = {
 *   period: { start: '2027-01-12T08:00:00Z', end: '2027-01-13T16:00:00Z' },
 *   place: { kind: 'on_site', region: 'MA-09', city: { ar: 'أكادير', fr: 'Agadir' },
 *     address: { ar: 'دار الجمعيات', fr: 'Maison des associations' } },
 *   capacity: 25, registrationWindow: { opens: '2026-12-01T08:00:00Z', closes: '2027-01-10T22:00:00Z' },
 *   trainers: [{ name: 'Fatima Zahra Benali' }], language: 'ar',
 * };
 * ```
 */
export const CreateSession = /* @__PURE__ */ (() =>
  z
    .strictObject({
      period: Period,
      place: SessionPlace,
      capacity: z.number().check(z.int(), z.minimum(1), z.maximum(10_000)),
      registrationWindow: Window,
      trainers: z.array(z.strictObject({ name: ShortText })).check(z.minLength(1), z.maxLength(20)),
      language: Locale,
    })
    .check(windowInsidePeriod))();
export type CreateSession = z.infer<typeof CreateSession>;

/**
 * Body of `PATCH /v1/sessions/{sessionId}` (`If-Match` required): each field given replaces the session's.
 * A capacity below the confirmed registrations is refused (409 `capacity_below_confirmed`); a capacity that
 * grows gives the new seats to the waitlist, first in line first.
 *
 * @example
 * ```ts
 * const body: UpdateSession = { capacity: 30 };
 * ```
 */
export const UpdateSession = /* @__PURE__ */ (() =>
  z
    .strictObject({
      period: z.optional(Period),
      place: z.optional(SessionPlace),
      capacity: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(10_000))),
      registrationWindow: z.optional(Window),
      trainers: z.optional(
        z.array(z.strictObject({ name: ShortText })).check(z.minLength(1), z.maxLength(20)),
      ),
      language: z.optional(Locale),
    })
    .check(windowInsidePeriod))();
export type UpdateSession = z.infer<typeof UpdateSession>;

/**
 * Body of `POST /v1/sessions/{sessionId}/cancel`: the reason, told to every registrant by e-mail.
 *
 * @example
 * ```ts
 * const body: CancelSession = { reason: 'Le formateur est indisponible' };
 * ```
 */
export const CancelSession = /* @__PURE__ */ (() =>
  z.strictObject({
    reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
  }))();
export type CancelSession = z.infer<typeof CancelSession>;

/**
 * A session as its organisation's staff see it: the public session, its online join link, and its
 * registrations counted (`attended` counts those marked present at least once).
 *
 * @example
 * ```ts
 * const managed: ManagedSession = { session, counts: { confirmed: 12, waitlisted: 2, attended: 0 } };
 * ```
 */
export const ManagedSession = /* @__PURE__ */ (() =>
  z.strictObject({
    session: Session,
    joinUrl: z.optional(WebUrl),
    cancellationReason: z.optional(z.string()),
    counts: z.strictObject({
      confirmed: z.number().check(z.int(), z.nonnegative()),
      waitlisted: z.number().check(z.int(), z.nonnegative()),
      attended: z.number().check(z.int(), z.nonnegative()),
    }),
  }))();
export type ManagedSession = z.infer<typeof ManagedSession>;

/**
 * Query of `GET /v1/courses/{courseId}/sessions`: the course's sessions in start order, for its staff.
 *
 * @example
 * ```ts
 * validate(ManagedSessionQuery, { limit: '20' }, 'query');
 * ```
 */
export const ManagedSessionQuery = /* @__PURE__ */ (() => z.strictObject({ ...PageQuery }))();
export type ManagedSessionQuery = z.infer<typeof ManagedSessionQuery>;

/**
 * The share of a session's days a participant must be present on to complete it: every day. A participant
 * present on some days only has `attended`; one present on none is a `no_show`. Statuses follow the marks
 * once the session has ended (marks made earlier are kept and counted then).
 */
export const COMPLETION_SHARE = 1;

/**
 * One line of the attendance sheet: a registration confirmed (or already decided) with its participant's
 * name, the days marked (a day not listed is not marked yet) and, once issued, the id of its certificate
 * (`GET /v1/certificates/{certificateId}`, its PDF and verification page), so a reloaded sheet links to it.
 *
 * @example
 * ```ts
 * const line: AttendanceLine = { registrationId: 'reg_1', associationId: 'asso_12',
 *   participant: { name: 'يوسف بنعلي', accountId: 'acc_0002' }, status: 'completed',
 *   days: [{ day: '2027-01-12', present: true }], certificateId: 'cert_x' };
 * ```
 */
export const AttendanceLine = /* @__PURE__ */ (() =>
  z.strictObject({
    registrationId: Id,
    associationId: Id,
    participant: z.strictObject({
      name: z.string(),
      role: z.optional(z.string()),
      accountId: z.optional(Id),
    }),
    status: RegistrationStatus,
    days: z.array(z.strictObject({ day: CalendarDate, present: z.boolean() })),
    /** The certificate issued for this registration (revoked ones included), absent until one is. */
    certificateId: z.optional(Id),
  }))();
export type AttendanceLine = z.infer<typeof AttendanceLine>;

/**
 * `GET /v1/sessions/{sessionId}/attendance`: each day of the session (Casablanca dates, start to end) and
 * each registration that holds a seat, in registration order.
 *
 * @example
 * ```ts
 * const sheet: AttendanceSheet = { sessionId: 'ses_1', timeZone: 'Africa/Casablanca',
 *   days: ['2027-01-12', '2027-01-13'], completionShare: 1, ended: false, lines: [line] };
 * ```
 */
export const AttendanceSheet = /* @__PURE__ */ (() =>
  z.strictObject({
    sessionId: Id,
    timeZone: z.literal(DISPLAY_TIME_ZONE),
    days: z.array(CalendarDate),
    /** The share of days a participant must be present on to complete the session (see `COMPLETION_SHARE`). */
    completionShare: z.number().check(z.positive(), z.maximum(1)),
    /** Whether the session has ended: then the marks decide `completed`, `attended` or `no_show`. */
    ended: z.boolean(),
    lines: z.array(AttendanceLine),
  }))();
export type AttendanceSheet = z.infer<typeof AttendanceSheet>;

/**
 * Body of `PUT /v1/sessions/{sessionId}/attendance`: marks, many at once. A mark replaces the same day's
 * mark of the same registration. A registration not on this session, or holding no seat, is refused with
 * 422 `not_registered` naming the mark (`/marks/{i}/registrationId`); a day outside the session, or still
 * to come, with 422 `validation_failed` naming `/marks/{i}/day`. Nothing is saved when one mark is refused.
 *
 * @example
 * ```ts
 * const body: MarkAttendance = { marks: [{ registrationId: 'reg_1', day: '2027-01-12', present: true }] };
 * ```
 */
export const MarkAttendance = /* @__PURE__ */ (() =>
  z.strictObject({
    marks: z
      .array(z.strictObject({ registrationId: Id, day: CalendarDate, present: z.boolean() }))
      .check(z.minLength(1), z.maxLength(1_000)),
  }))();
export type MarkAttendance = z.infer<typeof MarkAttendance>;

/** A count of evaluations. */
const EvaluationCount = /* @__PURE__ */ (() => z.number().check(z.int(), z.nonnegative()))();

/**
 * `GET /v1/sessions/{sessionId}/evaluations`: what the participants said of a session, for its staff.
 * `count`, `averageRating` (one decimal, absent while nobody has evaluated) and `distribution` (how many
 * gave each rating) sum up every evaluation; `comments` is one page of the written comments, oldest first,
 * and `nextCursor` (passed back as `cursor`) reads the next one, `null` on the last. Comments carry no
 * participant's name nor id: evaluations are candid.
 *
 * @example
 * ```ts
 * const evaluations: SessionEvaluations = { sessionId: 'ses_1', count: 2, averageRating: 4.5,
 *   distribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 1 },
 *   comments: [{ rating: 5, comment: 'تكوين مفيد جدا', submittedAt: '2027-01-14T17:00:00Z' }],
 *   nextCursor: null };
 * ```
 */
export const SessionEvaluations = /* @__PURE__ */ (() =>
  z.strictObject({
    sessionId: Id,
    count: EvaluationCount,
    averageRating: z.optional(z.number().check(z.minimum(1), z.maximum(5))),
    /** How many evaluations gave each rating. */
    distribution: z.strictObject({
      '1': EvaluationCount,
      '2': EvaluationCount,
      '3': EvaluationCount,
      '4': EvaluationCount,
      '5': EvaluationCount,
    }),
    comments: z.array(
      z.strictObject({
        rating: z.number().check(z.int(), z.minimum(1), z.maximum(5)),
        comment: z.string(),
        submittedAt: Instant,
      }),
    ),
    /** The cursor of the next page of comments, `null` on the last page. */
    nextCursor: z.nullable(z.string()),
  }))();
export type SessionEvaluations = z.infer<typeof SessionEvaluations>;

/**
 * Query of `GET /v1/sessions/{sessionId}/evaluations`: `limit` (1–100, default 20) comments a page and the
 * `cursor` of the previous page's `nextCursor`; the summary counts every evaluation whatever the page.
 *
 * @example
 * ```ts
 * validate(SessionEvaluationQuery, { limit: '50' }, 'query');
 * ```
 */
export const SessionEvaluationQuery = /* @__PURE__ */ (() => z.strictObject({ ...PageQuery }))();
export type SessionEvaluationQuery = z.infer<typeof SessionEvaluationQuery>;

/**
 * Query of `GET /v1/me/registrations`: the signed-in person's own registrations, whatever the association.
 *
 * @example
 * ```ts
 * validate(MyRegistrationQuery, { status: ['confirmed'] }, 'query');
 * ```
 */
export const MyRegistrationQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    status: z.optional(z.array(RegistrationStatus)),
    ...PageQuery,
  }))();
export type MyRegistrationQuery = z.infer<typeof MyRegistrationQuery>;
