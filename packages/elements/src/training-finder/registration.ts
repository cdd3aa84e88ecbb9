import type { Course, Member, Registration, SessionSummary } from '@nassij/contract';

// The registration form's answers and their checks, in the page's language (the form has `novalidate`: the
// browser's own bubbles speak the browser's language, not the page's).

/** What the registration form asks: the association, the member it sends (an account), their role, consent. */
export interface RegistrationInput {
  associationId: string;
  accountId: string;
  role: string;
  consent: boolean;
}

/** A field of the registration form that can be wrong. */
export type RegistrationField = 'association' | 'participant' | 'consent';

/** The fields in the order they appear, so that focus goes to the first wrong one. */
export const REGISTRATION_FIELDS: readonly RegistrationField[] = ['association', 'participant', 'consent'];

/** Reads the form and checks it: the answers, and the message key of each wrong field. */
export function readRegistration(form: HTMLFormElement): {
  input: RegistrationInput;
  errors: Partial<Record<RegistrationField, string>>;
} {
  const data = new FormData(form);
  const input: RegistrationInput = {
    associationId: String(data.get('association') ?? ''),
    accountId: String(data.get('participant') ?? ''),
    role: String(data.get('role') ?? '').trim(),
    consent: data.get('consent') !== null,
  };
  const errors: Partial<Record<RegistrationField, string>> = {};
  if (!input.associationId) errors.association = 'tf.error.association';
  if (!input.accountId) errors.participant = 'tf.error.participant';
  if (!input.consent) errors.consent = 'tf.error.consent';
  return { input, errors };
}

/** Data mode without a client: the outcome the element shows; the page hears `nassij-register`. */
export function localRegistration(
  course: Course,
  session: SessionSummary,
  input: RegistrationInput,
  member: Pick<Member, 'accountId' | 'displayName'> | undefined,
): Registration {
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const full = session.seatsLeft === 0;
  const status = full ? 'waitlisted' : 'confirmed';
  return {
    id: `local_${Date.now()}`,
    sessionId: session.id,
    courseId: course.id,
    associationId: input.associationId,
    participant: {
      name: member?.displayName ?? input.accountId,
      accountId: input.accountId,
      ...(input.role ? { role: input.role } : {}),
    },
    status,
    ...(full ? { waitlistPosition: 1 } : {}),
    createdAt: now,
    history: [{ at: now, status }],
  };
}
