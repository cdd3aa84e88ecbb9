import * as z from 'zod/mini';
import { Code, Email, Id, PublicReference, RegionCode } from '../shared/ids.js';
import { Instant, Period } from '../shared/instant.js';
import { Locale, LocalizedText } from '../shared/localized-text.js';
import { Money } from '../shared/money.js';
import { PageQuery } from '../shared/page.js';
import { queryFlag } from '../shared/query-flag.js';
import { DISPLAY_TIME_ZONE } from '../shared/time.js';

// Trainings follow schema.org Course / CourseInstance and LHÉO in spirit; credentials are meant to be
// exportable as Open Badges 3.0. Levels are written out here rather than imported from `reference/` so
// that this file does not depend on the reference data being loaded.

/** A level of the unified competency framework: 1 (initiation), 2 (consolidation), 3 (mastery). */
const Level = /* @__PURE__ */ (() => z.literal([1, 2, 3]))();

/** A coerced level read from a URL query (`?level=2`). */
const QueryLevel = /* @__PURE__ */ (() => z.pipe(z.coerce.number<1 | 2 | 3>(), Level))();

/** A short single-language label typed by a person (a name, a role): trimmed, 1–120 characters. */
const ShortText = /* @__PURE__ */ (() => z.string().check(z.trim(), z.minLength(1), z.maxLength(120)))();

/**
 * How a course is delivered.
 *
 * @example
 * ```ts
 * const modality: Modality = 'blended';
 * ```
 */
export const Modality = /* @__PURE__ */ (() => z.enum(['on_site', 'online', 'blended']))();
export type Modality = z.infer<typeof Modality>;

/**
 * What a course costs a participant. A paid course has a positive amount: a zero amount is written
 * `{ free: true }`, so that the "free" filter and the display never disagree.
 *
 * @example
 * ```ts
 * const cost: CourseCost = { free: false, amount: { amount: '300.00', currency: 'MAD' }, fundedBy: { fr: 'INDH' } };
 * ```
 */
export const CourseCost = /* @__PURE__ */ (() =>
  z.discriminatedUnion('free', [
    z.strictObject({ free: z.literal(true) }),
    z.strictObject({
      free: z.literal(false),
      amount: Money.check(
        z.refine((money) => !/^0(\.0{1,2})?$/.test(money.amount), {
          message: 'A paid course costs more than zero; use { free: true } otherwise',
          path: ['amount'],
          params: { code: 'too_small' },
        }),
      ),
      fundedBy: z.optional(LocalizedText),
    }),
  ]))();
export type CourseCost = z.infer<typeof CourseCost>;

/**
 * Where a session takes place: on site in a region and city, or online.
 *
 * @example
 * ```ts
 * const where: SessionLocation = { kind: 'on_site', region: 'MA-06', city: { ar: 'الدار البيضاء', fr: 'Casablanca' } };
 * ```
 */
export const SessionLocation = /* @__PURE__ */ (() =>
  z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('on_site'),
      region: RegionCode,
      city: LocalizedText,
      address: z.optional(LocalizedText),
    }),
    z.strictObject({
      kind: z.literal('online'),
      /** Name of the platform (`Zoom`, `BigBlueButton`); the join link is sent to registrants only. */
      platform: z.optional(ShortText),
    }),
  ]))();
export type SessionLocation = z.infer<typeof SessionLocation>;

/**
 * Whether a session accepts registrations: `waitlist` when it is full but still takes names in line.
 *
 * @example
 * ```ts
 * const state: RegistrationState = 'waitlist';
 * ```
 */
export const RegistrationState = /* @__PURE__ */ (() =>
  z.enum(['open', 'closed', 'suspended', 'waitlist']))();
export type RegistrationState = z.infer<typeof RegistrationState>;

/**
 * The life of a session itself, independent of its registrations.
 *
 * @example
 * ```ts
 * const status: SessionStatus = 'postponed';
 * ```
 */
export const SessionStatus = /* @__PURE__ */ (() =>
  z.enum(['scheduled', 'cancelled', 'postponed', 'completed']))();
export type SessionStatus = z.infer<typeof SessionStatus>;

/**
 * One dated run of a course (schema.org `CourseInstance`). `period` is in UTC and shown in
 * `Africa/Casablanca`; `seatsLeft` never exceeds `capacity`.
 *
 * @example
 * ```ts
 * const session: Session = {
 *   id: 'ses_1', courseId: 'crs_1', period: { start: '2026-05-12T08:00:00Z', end: '2026-05-14T16:00:00Z' },
 *   timeZone: 'Africa/Casablanca', location: { kind: 'on_site', region: 'MA-07', city: { ar: 'مراكش' } },
 *   capacity: 25, seatsLeft: 4, waitlistCount: 0,
 *   registrationWindow: { opens: '2026-04-01T08:00:00Z', closes: '2026-05-05T22:59:00Z' },
 *   registrationState: 'open', status: 'scheduled', trainers: [{ name: 'Fatima Zahra' }], language: 'ar',
 * };
 * ```
 */
export const Session = /* @__PURE__ */ (() =>
  z
    .strictObject({
      id: Id,
      courseId: Id,
      period: Period,
      timeZone: z.literal(DISPLAY_TIME_ZONE),
      location: SessionLocation,
      capacity: z.number().check(z.int(), z.minimum(1), z.maximum(10_000)),
      seatsLeft: z.number().check(z.int(), z.nonnegative()),
      waitlistCount: z.number().check(z.int(), z.nonnegative()),
      registrationWindow: z.strictObject({ opens: Instant, closes: Instant }).check(
        z.refine((w) => w.closes > w.opens, {
          message: 'Registration closes after it opens',
          path: ['closes'],
        }),
      ),
      registrationState: RegistrationState,
      status: SessionStatus,
      trainers: z.array(z.strictObject({ name: ShortText })),
      language: Locale,
    })
    .check(
      z.refine((s) => s.seatsLeft <= s.capacity, {
        message: 'Seats left cannot exceed the capacity',
        path: ['seatsLeft'],
        params: { code: 'too_big' },
      }),
    ))();
export type Session = z.infer<typeof Session>;

/**
 * The few facts of an upcoming session shown on a course card in search results.
 *
 * @example
 * ```ts
 * const next: SessionSummary = { id: 'ses_1', period: { start: '2026-05-12T08:00:00Z', end: '2026-05-14T16:00:00Z' },
 *   location: { kind: 'online' }, seatsLeft: 12, registrationState: 'open', language: 'fr' };
 * ```
 */
export const SessionSummary = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    period: Period,
    location: SessionLocation,
    seatsLeft: z.number().check(z.int(), z.nonnegative()),
    registrationState: RegistrationState,
    language: Locale,
  }))();
export type SessionSummary = z.infer<typeof SessionSummary>;

/**
 * A training course of the unified capacity-building framework (schema.org `Course`).
 * `nextSessions` (up to three) is filled on search results only, with the upcoming sessions the search's
 * `region`, `from` and `to` keep.
 *
 * @example
 * ```ts
 * const course: Course = {
 *   id: 'crs_1', reference: 'MA-MRP-FOR-2026-0003',
 *   title: { ar: 'التدبير المالي للجمعيات', fr: 'Gestion financière des associations' },
 *   description: { ar: 'تكوين عملي في إعداد الميزانية والتقارير المالية' }, objectives: [{ ar: 'إعداد ميزانية مشروع' }],
 *   provider: { sectorCode: 'mrp', name: { ar: 'الوزارة المكلفة بالعلاقات مع البرلمان' } },
 *   competencies: [{ code: 'financial-management', level: 1 }], targetAudience: { ar: 'أمناء مال الجمعيات' },
 *   languages: ['ar', 'fr'], durationHours: 12, modality: 'on_site', cost: { free: true }, credential: 'attestation',
 * };
 * ```
 */
export const Course = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    reference: PublicReference,
    title: LocalizedText,
    description: LocalizedText,
    objectives: z.array(LocalizedText),
    provider: z.strictObject({ sectorCode: Code, name: LocalizedText }),
    competencies: z.array(z.strictObject({ code: Code, level: Level })).check(z.minLength(1)),
    targetAudience: LocalizedText,
    prerequisites: z.optional(LocalizedText),
    languages: z.array(Locale).check(z.minLength(1)),
    durationHours: z.number().check(z.positive(), z.maximum(2_000)),
    modality: Modality,
    cost: CourseCost,
    /** `badge` credentials can be exported as Open Badges 3.0 achievements. */
    credential: z.enum(['attestation', 'badge', 'none']),
    accessibility: z.optional(LocalizedText),
    nextSessions: z.optional(z.array(SessionSummary).check(z.maxLength(3))),
  }))();
export type Course = z.infer<typeof Course>;

/** Most upcoming sessions `GET /v1/courses/{courseId}` embeds; `GET /v1/sessions?courseId=` pages them all. */
export const COURSE_DETAIL_SESSIONS = 20;

/**
 * A course with its upcoming sessions, as `GET /v1/courses/{courseId}` returns it: the sessions not started
 * yet, soonest first, at most {@link COURSE_DETAIL_SESSIONS}, and how many there are in all
 * (`upcomingSessionCount`). Past sessions and the rest of a long programme are paged by
 * `GET /v1/sessions?courseId=` (with `from` for the upcoming ones only): a course repeated every month in
 * each region would otherwise embed hundreds of sessions within a few years.
 *
 * @example
 * ```ts
 * const detail: CourseDetail = { ...course, sessions: [session], upcomingSessionCount: 1 };
 * ```
 */
export const CourseDetail = /* @__PURE__ */ (() =>
  z.extend(Course, {
    sessions: z.array(Session).check(z.maxLength(COURSE_DETAIL_SESSIONS)),
    /** All the course's sessions not started yet, embedded or not. */
    upcomingSessionCount: z.number().check(z.int(), z.nonnegative()),
  }))();
export type CourseDetail = z.infer<typeof CourseDetail>;

/**
 * Where a registration stands. `requested` awaits confirmation; `waitlisted` waits for a seat.
 *
 * @example
 * ```ts
 * const status: RegistrationStatus = 'waitlisted';
 * ```
 */
export const RegistrationStatus = /* @__PURE__ */ (() =>
  z.enum(['requested', 'confirmed', 'waitlisted', 'cancelled', 'attended', 'no_show', 'completed']))();
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;

const Rating = /* @__PURE__ */ (() => z.number().check(z.int(), z.minimum(1), z.maximum(5)))();
const Comment = /* @__PURE__ */ (() => z.string().check(z.trim(), z.minLength(1), z.maxLength(2_000)))();
const AttendedHours = /* @__PURE__ */ (() => z.number().check(z.nonnegative(), z.maximum(2_000)))();

/**
 * The person an association sends to a session. Law 09-08: a name and, if useful, a role. A registration
 * names a member's account (`accountId`) and shows that account's display name; registrations made before
 * accounts were named keep the name typed then, and no `accountId`. The e-mail of older registrations is
 * shown to nobody but the association's members and the organisers.
 *
 * @example
 * ```ts
 * const who: TrainingParticipant = { name: 'ⵜⵉⵍⵉⵍⵉ ⴰⵎⴰⵣⵉⵖ', role: 'Trésorière', accountId: 'acc_0002' };
 * ```
 */
export const TrainingParticipant = /* @__PURE__ */ (() =>
  z.strictObject({
    name: ShortText,
    role: z.optional(ShortText),
    email: z.optional(Email),
    accountId: z.optional(Id),
  }))();
export type TrainingParticipant = z.infer<typeof TrainingParticipant>;

/**
 * An association's registration of one participant to a session, with its history.
 *
 * @example
 * ```ts
 * const registration: Registration = {
 *   id: 'reg_1', sessionId: 'ses_1', courseId: 'crs_1', associationId: 'asso_12',
 *   participant: { name: 'أمينة العلوي', role: 'أمينة المال', accountId: 'acc_0002' }, status: 'confirmed',
 *   createdAt: '2026-04-02T10:00:00Z', history: [{ at: '2026-04-02T10:00:00Z', status: 'confirmed' }],
 * };
 * ```
 */
export const Registration = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    sessionId: Id,
    courseId: Id,
    associationId: Id,
    participant: TrainingParticipant,
    status: RegistrationStatus,
    /** 1 is next in line; present only while `waitlisted`. */
    waitlistPosition: z.optional(z.number().check(z.int(), z.minimum(1))),
    attendance: z.optional(z.strictObject({ attendedHours: AttendedHours })),
    evaluation: z.optional(
      z.strictObject({ rating: Rating, comment: z.optional(Comment), submittedAt: Instant }),
    ),
    credentialIssuedOn: z.optional(Instant),
    createdAt: Instant,
    history: z.array(
      z.strictObject({
        at: Instant,
        status: RegistrationStatus,
        reason: z.optional(z.string().check(z.maxLength(500))),
      }),
    ),
  }))();
export type Registration = z.infer<typeof Registration>;

/** Refuses a range whose `from` comes after its `to` (instants in UTC compare as strings). */
const range = /* @__PURE__ */ (() =>
  z.refine<{ from?: string | undefined; to?: string | undefined }>(
    (q) => !q.from || !q.to || q.from <= q.to,
    { message: '"from" must not come after "to"', path: ['to'] },
  ))();

/**
 * Query of `GET /v1/courses`. `region` keeps courses with an upcoming session held in one of those regions;
 * `from`/`to` keep courses with a session starting in that range;
 * `free` and `seatsAvailable` read `true`/`false` (also `1`/`0`, `yes`/`no`).
 *
 * @example
 * ```ts
 * validate(CourseSearchQuery, { competency: ['advocacy'], level: ['2'], region: ['MA-01'], free: 'true' }, 'query');
 * ```
 */
export const CourseSearchQuery = /* @__PURE__ */ (() =>
  z
    .strictObject({
      q: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
      competency: z.optional(z.array(Code)),
      level: z.optional(z.array(QueryLevel)),
      modality: z.optional(z.array(Modality)),
      region: z.optional(z.array(RegionCode)),
      language: z.optional(z.array(Locale)),
      from: z.optional(Instant),
      to: z.optional(Instant),
      free: z.optional(queryFlag()),
      seatsAvailable: z.optional(queryFlag()),
      sectorCode: z.optional(z.array(Code)),
      sort: z._default(z.enum(['next_session', 'newest', 'title']), 'next_session'),
      ...PageQuery,
    })
    .check(range))();
export type CourseSearchQuery = z.infer<typeof CourseSearchQuery>;

/**
 * Query of `GET /v1/sessions`: sessions starting between `from` and `to`, by course, region and state.
 *
 * @example
 * ```ts
 * validate(SessionSearchQuery, { courseId: 'crs_1', state: ['open', 'waitlist'] }, 'query');
 * ```
 */
export const SessionSearchQuery = /* @__PURE__ */ (() =>
  z
    .strictObject({
      courseId: z.optional(Id),
      region: z.optional(z.array(RegionCode)),
      from: z.optional(Instant),
      to: z.optional(Instant),
      state: z.optional(z.array(RegistrationState)),
      ...PageQuery,
    })
    .check(range))();
export type SessionSearchQuery = z.infer<typeof SessionSearchQuery>;

/**
 * Body of `POST /v1/registrations`. The participant is a member's account (`accountId`, with a role if
 * useful): the account must belong to `associationId` (422 `participant_not_member` otherwise), and it
 * registers itself, or the association's representative registers it. A typed name is refused (422 at
 * `/participant/accountId`): a registration names a person, so that they are told and certified. `consent`
 * records the participant's agreement to the processing of their name (law 09-08); it must be `true`.
 *
 * @example
 * ```ts
 * const body: CreateRegistration = { sessionId: 'ses_1', associationId: 'asso_12',
 *   participant: { accountId: 'acc_0002', role: 'أمين المال' }, consent: true };
 * ```
 */
export const CreateRegistration = /* @__PURE__ */ (() =>
  z.strictObject({
    sessionId: Id,
    associationId: Id,
    participant: z.strictObject({ accountId: Id, role: z.optional(ShortText) }),
    // A boolean first, so that a missing consent reads `required` and `false` reads `invalid_value`.
    consent: z.pipe(z.boolean(), z.literal(true)),
  }))();
export type CreateRegistration = z.infer<typeof CreateRegistration>;

/**
 * Body of `POST /v1/registrations/{registrationId}/cancel`: an optional reason kept in the history.
 *
 * @example
 * ```ts
 * const body: CancelRegistration = { reason: 'Empêchement' };
 * ```
 */
export const CancelRegistration = /* @__PURE__ */ (() =>
  z.strictObject({
    reason: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))),
  }))();
export type CancelRegistration = z.infer<typeof CancelRegistration>;

/**
 * Body of `POST /v1/registrations/{registrationId}/attendance` (organisers). A `no_show` attended no hours.
 *
 * @example
 * ```ts
 * const body: RecordAttendance = { attendedHours: 12, status: 'completed' };
 * ```
 */
export const RecordAttendance = /* @__PURE__ */ (() =>
  z
    .strictObject({
      attendedHours: AttendedHours,
      status: z.enum(['attended', 'no_show', 'completed']),
    })
    .check(
      z.refine((a) => a.status !== 'no_show' || a.attendedHours === 0, {
        message: 'A participant who did not show attended no hours',
        path: ['attendedHours'],
        params: { code: 'not_allowed' },
      }),
    ))();
export type RecordAttendance = z.infer<typeof RecordAttendance>;

/**
 * Body of `POST /v1/registrations/{registrationId}/evaluation`: a rating from 1 to 5 and a comment.
 *
 * @example
 * ```ts
 * const body: EvaluateRegistration = { rating: 5, comment: 'تكوين مفيد جدا' };
 * ```
 */
export const EvaluateRegistration = /* @__PURE__ */ (() =>
  z.strictObject({
    rating: Rating,
    comment: z.optional(Comment),
  }))();
export type EvaluateRegistration = z.infer<typeof EvaluateRegistration>;

/**
 * Query of `GET /v1/registrations`: the signed-in account's associations' registrations, narrowed.
 *
 * @example
 * ```ts
 * validate(RegistrationListQuery, { status: ['confirmed', 'waitlisted'] }, 'query');
 * ```
 */
export const RegistrationListQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    associationId: z.optional(Id),
    sessionId: z.optional(Id),
    status: z.optional(z.array(RegistrationStatus)),
    ...PageQuery,
  }))();
export type RegistrationListQuery = z.infer<typeof RegistrationListQuery>;

/**
 * Path parameters of `/v1/courses/{courseId}`.
 *
 * @example
 * ```ts
 * CourseParams.parse({ courseId: 'crs_1' });
 * ```
 */
export const CourseParams = /* @__PURE__ */ (() => z.strictObject({ courseId: Id }))();
export type CourseParams = z.infer<typeof CourseParams>;

/**
 * Path parameters of `/v1/sessions/{sessionId}`.
 *
 * @example
 * ```ts
 * SessionParams.parse({ sessionId: 'ses_1' });
 * ```
 */
export const SessionParams = /* @__PURE__ */ (() => z.strictObject({ sessionId: Id }))();
export type SessionParams = z.infer<typeof SessionParams>;

/**
 * Path parameters of `/v1/registrations/{registrationId}` and its actions.
 *
 * @example
 * ```ts
 * RegistrationParams.parse({ registrationId: 'reg_1' });
 * ```
 */
export const RegistrationParams = /* @__PURE__ */ (() => z.strictObject({ registrationId: Id }))();
export type RegistrationParams = z.infer<typeof RegistrationParams>;
