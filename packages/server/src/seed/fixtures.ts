/**
 * The demo dataset's fixture manifest: the ids that tests, benchmarks and stories need, named by the role
 * they play. The seed's structure does not depend on when it runs (it is generated at a fixed instant and
 * only its dates move to today, see `time-shift.ts`), so these ids hold at any date and hour; the
 * time-travel suite (`fixtures.test.ts`) seeds at several instants and checks every role claimed here.
 *
 * Name an id by its role here rather than writing a seeded id in a test. This module imports nothing, so
 * browser tests can read it too (the test runner's server plugin hands it to them).
 *
 * @example
 * ```ts
 * import { demoFixtures } from '@nassij/server/testing';
 * const call = await client.calls.get(demoFixtures.calls.openEligible);
 * ```
 */
export const demoFixtures = {
  /** The demo accounts' ids by role (their e-mails and passwords are in `DEMO_ACCOUNTS`, printed at start). */
  accounts: {
    citizen: 'acc_0001',
    member: 'acc_0002',
    representative: 'acc_0003',
    reviewer: 'acc_0004',
    moderator: 'acc_0005',
    admin: 'acc_0006',
    /** The organisation admin of `organisations.ministry`: manages its staff and everything of its calls. */
    ministryAdmin: 'acc_0007',
    /** A call manager of `organisations.ministry`, which runs `calls.openEligible`: writes and runs its calls. */
    ministryCallManager: 'acc_0008',
    /** A reviewer on the staff of `organisations.ministry` (the demo `reviewer` belongs to no organisation). */
    ministryReviewer: 'acc_0009',
    /** The organisation admin of `organisations.regionalCouncil`, another organisation than the ministry. */
    regionAdmin: 'acc_0010',
    /** A call manager of `organisations.regionalCouncil`: a staff member of another organisation. */
    regionCallManager: 'acc_0011',
    /** A reviewer on the staff of `organisations.regionalCouncil`. */
    regionReviewer: 'acc_0012',
    /** A consultation manager of `organisations.ministry`, which issues `consultations.draftLaw`: prepares and runs its consultations. */
    ministryConsultationManager: 'acc_0013',
    /** The training manager of `organisations.trainingProvider`, which provides `courses.first`; locale fr. */
    trainingManager: 'acc_0014',
  },
  organisations: {
    /** The ministry (national) that runs `calls.openEligible`; one demo staff account per staff role. */
    ministry: 'org_relations-parliament',
    /** The regional council of Souss-Massa (MA-09), region of `associations.represented`; one staff per role. */
    regionalCouncil: 'org_region-souss-massa',
    /** The provincial council of Azilal: it provides `courses.first`; its training manager is `accounts.trainingManager`. */
    trainingProvider: 'org_province-azilal',
  },
  associations: {
    /**
     * The representative's association; the demo member belongs to it too. In Souss-Massa (MA-09); its
     * Arabic name is written with a shadda (الجمعيّة تيفاوين …), so a plain query "جمعية تيفاوين" finds it.
     */
    represented: 'asso_0001',
    /**
     * The demo member's second association (the representative is not a member of it), in Casablanca-Settat
     * (MA-06). Founded less than a year ago, so too young for `calls.openEligible`, which asks for two years.
     */
    memberOnly: 'asso_0002',
    /** An association no demo account belongs to. */
    unaffiliated: 'asso_0003',
    /**
     * An association the demo citizen has claimed: its claim (`claims.pendingOfCitizen`) waits for a reviewer,
     * so no demo account is a member of it yet and its receipt number is taken by that pending claim.
     */
    claimedByCitizen: 'asso_0004',
  },
  calls: {
    /**
     * An open national grant, closes in a few weeks, no application of `represented` yet, which is eligible;
     * its form has every field type and two mandatory documents (statutes as PDF, budget as a spreadsheet).
     */
    openEligible: 'call_0001',
    /**
     * Open and national; closes tomorrow at 23:59 Casablanca time, before any other open call; `represented`
     * is eligible.
     */
    closingTomorrow: 'call_0002',
    /**
     * More open calls with no application of `represented`, which is eligible for each: one per test that
     * starts a draft of its own, so that tests sharing a server do not meet.
     */
    openForDrafts: ['call_0008', 'call_0009', 'call_0010'],
    /**
     * Closed a few days ago; its applications are received and waiting for the eligibility check. Run by
     * `organisations.ministry`, like the two below.
     */
    closedReceived: 'call_0016',
    /** Under review: every application passed its eligibility check and the demo reviewer may score them. */
    underReview: 'call_0018',
    /** Awarded in a past fiscal year, with its awards published. */
    awarded: 'call_0025',
  },
  applications: {
    /** An application of `represented` that was awarded in a past fiscal year, with two attachments. */
    awardedOfRepresented: 'app_0025',
  },
  consultations: {
    /**
     * The draft law on public consultation (found by "التشاور العمومي"): open for contributions to anyone, 15
     * articles in two versions, questions.
     */
    draftLaw: 'cons_0001',
    /** The only regional consultation open for contributions; to signed-in people only. */
    registeredOnly: 'cons_0002',
    /** National, open for contributions on behalf of associations only. */
    associationsOnly: 'cons_0003',
    /** Not open yet (its information phase starts later). */
    upcoming: 'cons_0004',
    /** In its information phase: readable, not open for contributions yet. */
    information: 'cons_0005',
    /** Closed for contributions; no synthesis yet. */
    closed: 'cons_0006',
    /** Its synthesis is published, with an outcome for every recommendation. */
    synthesisPublished: 'cons_0007',
  },
  contributions: {
    /** A published amendment on the draft law with an official response. */
    answeredAmendment: 'ctb_000001',
    /** A published comment on the draft law with replies and supports. */
    publishedWithReplies: 'ctb_000002',
    /** A published recommendation on the draft law with supports and no official response. */
    unansweredRecommendation: 'ctb_000004',
    /** A hidden comment on the draft law. */
    hidden: 'ctb_000009',
    /** A comment on the draft law waiting for moderation. */
    pendingComment: 'ctb_000010',
    /** A recommendation on the draft law waiting for moderation. */
    pendingRecommendation: 'ctb_000013',
  },
  courses: {
    /**
     * The first course of the framework (its first competency, level 1), with four sessions, past and future;
     * `sessions.openWithSeats` is one of them.
     */
    first: 'crs_0001',
    /** A second edition of a course. */
    secondEdition: 'crs_0031',
  },
  sessions: {
    /** A future session of `courses.first` open for registration with free seats; no demo association is registered. */
    openWithSeats: 'ses_0002',
  },
  registrations: {
    /** A confirmed registration of `represented` to a future session. */
    upcomingOfRepresented: 'reg_00726',
    /**
     * A registration of `represented` to a past session, attended and not evaluated yet; its participant is
     * the demo member's account (`accounts.member`).
     */
    attendedOfRepresented: 'reg_00377',
    /**
     * A completed registration of `represented` to a past session, naming the demo member's account
     * (`accounts.member`) as participant, with a credential (`attestation` or `badge`) and no evaluation.
     */
    completedOfMember: 'reg_00121',
  },
  claims: {
    /** The demo citizen's pending claim on `associations.claimedByCitizen`: the platform admin's queue is not empty. */
    pendingOfCitizen: 'clm_demo_0001',
  },
  vaultDocuments: {
    /**
     * The statutes in the vault of `associations.represented` (a clean PDF, no end of validity). Its vault
     * also holds an activity and a financial report for each year it filed, general-assembly minutes, a valid
     * bank certificate and an expired one.
     */
    statutesOfRepresented: 'vdoc_000001',
  },
  /** Well-formed ids that the seed never creates, for "not found" answers. */
  missing: {
    association: 'asso_9999',
    call: 'call_9999',
    application: 'app_9999',
    consultation: 'cons_9999',
    contribution: 'ctb_999999',
    course: 'crs_9999',
    session: 'ses_9999',
    registration: 'reg_99999',
    organisation: 'org_none',
    claim: 'clm_none',
  },
} as const;

/** The type of {@link demoFixtures}. */
export type DemoFixtures = typeof demoFixtures;
