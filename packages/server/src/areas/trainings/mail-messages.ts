// What the trainings area says by e-mail when a session is cancelled, in the four languages (Arabic is the
// source). The message goes through the outbox in the transaction that cancels the session, so a rolled-back
// cancellation tells nobody.
import { type Course, casablancaDate, type Locale, pickText, type Session, toLocale } from '@nassij/contract';
import type { Db } from '../../db/db.js';
import { marks } from '../../db/faceted-search.js';
import { composeMail, type MailContent } from '../../mail/layout.js';
import { enqueueMail } from '../../mail/outbox.js';

/** The facts a cancellation message is built from, already in the recipient's language. */
interface CancelledFacts {
  name: string;
  title: string;
  date: string;
  reason: string;
}

const WORDING: Record<
  Locale,
  {
    subject: (f: CancelledFacts) => string;
    greeting: (name: string) => string;
    lead: (f: CancelledFacts) => string;
    reason: string;
    next: string;
    footer: string;
  }
> = {
  ar: {
    subject: (f) => `إلغاء دورة «${f.title}»`,
    greeting: (name) => `مرحبا ${name}،`,
    lead: (f) => `أُلغيت دورة «${f.title}» المقررة يوم ${f.date}، وأُلغي تسجيلكم فيها.`,
    reason: 'السبب:',
    next: 'يمكنكم التسجيل في دورة أخرى من دورات هذا التكوين على منصة نسيج.',
    footer: 'وصلتكم هذه الرسالة لأنكم مسجلون في هذه الدورة على منصة نسيج.',
  },
  fr: {
    subject: (f) => `Session annulée : « ${f.title} »`,
    greeting: (name) => `Bonjour ${name},`,
    lead: (f) =>
      `La session de « ${f.title} » prévue le ${f.date} est annulée ; votre inscription l’est aussi.`,
    reason: 'Motif :',
    next: 'Vous pouvez vous inscrire à une autre session de cette formation sur Nassij.',
    footer: 'Vous recevez ce message parce que vous étiez inscrit·e à cette session sur Nassij.',
  },
  zgh: {
    subject: (f) => `ⵜⵜⵓⵙⵔⵎⵙ ⵜⵉⵣⵉ ⵏ «${f.title}»`,
    greeting: (name) => `ⴰⵣⵓⵍ ${name},`,
    lead: (f) => `ⵜⵜⵓⵙⵔⵎⵙ ⵜⵉⵣⵉ ⵏ «${f.title}» ⵏ ${f.date}, ⴷ ⵓⵣⵎⵎⵎ ⵏⵏⵓⵏ ⴳⵉⵙ.`,
    reason: 'ⴰⵙⵔⴰⴳ:',
    next: 'ⵜⵣⵎⵔⵎ ⴰⴷ ⵜⵣⵎⵎⵎ ⴳ ⵜⵉⵣⵉ ⵢⴰⴹⵏ ⵏ ⵓⵙⵍⵎⴷ ⴰ ⴳ ⵏⵙⵉⵊ.',
    footer: 'ⵜⵜⵓⵣⵏ ⵜⵓⵏⵏⵓⵏ ⵜⵓⵣⵉⵏⵜ ⴰ ⴰⵛⴽⵓ ⵜⵣⵎⵎⵎ ⴳ ⵜⵉⵣⵉ ⴰ ⴳ ⵏⵙⵉⵊ.',
  },
  en: {
    subject: (f) => `Session cancelled: “${f.title}”`,
    greeting: (name) => `Hello ${name},`,
    lead: (f) =>
      `The session of “${f.title}” planned on ${f.date} is cancelled, and so is your registration.`,
    reason: 'Reason:',
    next: 'You may register for another session of this course on Nassij.',
    footer: 'You receive this message because you were registered for this session on Nassij.',
  },
};

/**
 * The message telling a registrant that their session is cancelled, in `locale`.
 *
 * @example
 * ```ts
 * const content = sessionCancelledMessage('fr', { name: 'Amina', title: 'Gestion financière', date: '2027-01-12',
 *   reason: 'Formateur indisponible' });
 * ```
 */
export function sessionCancelledMessage(locale: Locale, facts: CancelledFacts): MailContent {
  const words = WORDING[locale];
  return {
    subject: words.subject(facts),
    greeting: words.greeting(facts.name),
    paragraphs: [words.lead(facts), `${words.reason}\n${facts.reason}`, words.next],
    footer: words.footer,
  };
}

/**
 * Queues one message per person concerned by the cancelled registrations: the participant's account when
 * the registration names one, else (registrations made before accounts were named) the association's
 * representatives. Each is told once, in their language; returns how many were queued. Call it inside the
 * transaction that cancels the session.
 *
 * @example
 * ```ts
 * await noticeSessionCancelled(db, { registrationIds: ['reg_1'], course, session, reason: 'Formateur indisponible' });
 * ```
 */
export async function noticeSessionCancelled(
  db: Db,
  input: { registrationIds: readonly string[]; course: Course; session: Session; reason: string },
): Promise<number> {
  if (input.registrationIds.length === 0) return 0;
  const ids = [...input.registrationIds];
  const recipients = await db.all<{ id: string; email: string; display_name: string; locale: string | null }>(
    `SELECT DISTINCT a.id, a.email, a.display_name, a.locale FROM accounts a
      WHERE a.erased_at IS NULL AND (
        a.id IN (SELECT participant_account_id FROM training_registrations WHERE id IN (${marks(ids)}))
        OR a.id IN (SELECT m.account_id FROM memberships m JOIN training_registrations r
                      ON r.association_id = m.association_id
                     WHERE r.id IN (${marks(ids)}) AND r.participant_account_id IS NULL
                       AND m.role = 'representative'))
      ORDER BY a.id`,
    [...ids, ...ids],
  );
  const date = casablancaDate(input.session.period.start);
  for (const recipient of recipients) {
    const locale: Locale = toLocale(recipient.locale) ?? 'ar';
    const content = sessionCancelledMessage(locale, {
      name: recipient.display_name,
      title: pickText(input.course.title, locale).text,
      date,
      reason: input.reason,
    });
    await enqueueMail(db, {
      to: recipient.email,
      locale,
      kind: 'training.session-cancelled',
      accountId: recipient.id,
      ...composeMail(locale, content),
    });
  }
  return recipients.length;
}
