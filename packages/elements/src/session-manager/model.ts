import type {
  AttendanceSheet,
  Course,
  ManagedCourse,
  ManagedSession,
  SessionEvaluations,
} from '@nassij/contract';

// What <nassij-session-manager> shows, whatever page or API filled it: the organisation's courses, each with
// its sessions and their counts, and one session's desk (attendance sheet, evaluations, certificates).

/** One course of the organisation (draft or published) with its sessions, soonest first. */
export interface CourseRow {
  managed: ManagedCourse;
  sessions: ManagedSession[];
}

/** A certificate issued for a completed registration: where its PDF and its public verification page are. */
export interface IssuedCertificate {
  registrationId: string;
  /** The certificate's id (`GET /v1/certificates/{certificateId}`). */
  certificateId?: string | undefined;
  /** The PDF, in the participant's language. */
  pdfUrl?: string | undefined;
  /** The public page where anyone checks it. */
  verificationUrl?: string | undefined;
}

/**
 * The summary of a session's evaluations, as the platform gives it to the session's staff
 * (`GET /v1/sessions/{sessionId}/evaluations`): how many, the average rating, how many gave each rating
 * from 1 to 5, and the comments — no participant is named.
 */
export type EvaluationSummary = SessionEvaluations;

/**
 * One session's desk: its course, the session with its counts, the attendance sheet (each seat holder, each
 * day, the marks saved so far), the summary of its evaluations, and the certificates issued.
 */
export interface SessionDesk {
  course: Course;
  managed: ManagedSession;
  sheet: AttendanceSheet;
  /** `undefined` when the platform could not give the summary: the sheet is shown without it. */
  evaluations: EvaluationSummary | undefined;
  certificates: IssuedCertificate[];
}
