// The messages that follow a person's own action or a decision about their file: a receipt, an eligibility
// outcome, a decision, a seat from the waitlist, a moderation outcome. Each is queued through the mail
// outbox inside the transaction of the change that causes it (the caller's `db.atomic`), so a rolled-back
// change tells nobody and a committed one always does; each recipient reads it in their own language.
import { type Locale, type LocalizedText, type Money, pickText } from '@nassij/contract';
import type { Db } from '../../db/db.js';
import { composeMail } from '../../mail/layout.js';
import { enqueueMail } from '../../mail/outbox.js';
import { readStoredCall } from '../calls/store.js';
import { type NoticeFacts, type NoticeKind, noticeMessage } from './mail-messages.js';
import {
  accountRecipient,
  associationMembers,
  casablancaText,
  participantRecipients,
  type Recipient,
} from './recipients.js';

/**
 * Queues one message of `kind` per recipient, each with facts in their language; returns how many.
 *
 * @example
 * ```ts
 * await tell(db, await associationMembers(db, associationId), 'application.received', (locale) => facts(locale));
 * ```
 */
export async function tell<K extends NoticeKind>(
  db: Db,
  recipients: readonly Recipient[],
  kind: K,
  facts: (locale: Locale) => NoticeFacts[K],
): Promise<number> {
  for (const recipient of recipients) {
    const content = noticeMessage(recipient.locale, recipient.name, kind, facts(recipient.locale));
    await enqueueMail(db, {
      to: recipient.email,
      locale: recipient.locale,
      kind,
      accountId: recipient.id,
      ...composeMail(recipient.locale, content),
    });
  }
  return recipients.length;
}

/** A text in the reader's language (or the nearest one the text has). */
const textIn = (text: LocalizedText, locale: Locale): string => pickText(text, locale).text;

const INTL_LOCALE: Record<Locale, string> = { ar: 'ar-MA', fr: 'fr-MA', zgh: 'zgh', en: 'en-GB' };

/** An amount of money as the reader writes it (`100 000,00 MAD`). */
function moneyText(money: Money, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], {
    style: 'currency',
    currency: money.currency,
    currencyDisplay: 'code',
  }).format(Number(money.amount));
}

/** The call an application went to, or nothing when it is gone (nothing to say then). */
async function callOf(
  db: Db,
  callId: string,
): Promise<{ title: LocalizedText; reference: string } | undefined> {
  const call = await readStoredCall(db, callId);
  return call ? { title: call.title, reference: call.reference } : undefined;
}

/**
 * Tells the members of the association that its application was submitted: the receipt number, the call
 * and the time in Casablanca. Call it in the transaction that issues the receipt.
 *
 * @example
 * ```ts
 * await noticeReceipt(db, { associationId, callId, receiptNumber: receipt.number, submittedAt: receipt.submittedAt });
 * ```
 */
export async function noticeReceipt(
  db: Db,
  input: { associationId: string; callId: string; receiptNumber: string; submittedAt: string },
): Promise<number> {
  const call = await callOf(db, input.callId);
  if (!call) return 0;
  return tell(db, await associationMembers(db, input.associationId), 'application.received', (locale) => ({
    callTitle: textIn(call.title, locale),
    callReference: call.reference,
    receiptNumber: input.receiptNumber,
    at: casablancaText(input.submittedAt, locale),
  }));
}

/**
 * Tells the members of the association whether its application is admissible, with the reason given.
 * Call it in the transaction that records the eligibility check.
 *
 * @example
 * ```ts
 * await noticeEligibility(db, { associationId, callId, admissible: false, reason: 'Statuts non conformes' });
 * ```
 */
export async function noticeEligibility(
  db: Db,
  input: { associationId: string; callId: string; admissible: boolean; reason?: string | undefined },
): Promise<number> {
  const call = await callOf(db, input.callId);
  if (!call) return 0;
  return tell(db, await associationMembers(db, input.associationId), 'application.eligibility', (locale) => ({
    callTitle: textIn(call.title, locale),
    callReference: call.reference,
    admissible: input.admissible,
    reason: input.reason,
  }));
}

/**
 * Tells the members of the association the decision on its application: outcome, amount, conditions,
 * reason and the end of the appeal window. Call it in the transaction that records the decision.
 *
 * @example
 * ```ts
 * await noticeDecision(db, { associationId, callId, outcome: 'awarded', amount, conditions, reason, appealUntil });
 * ```
 */
export async function noticeDecision(
  db: Db,
  input: {
    associationId: string;
    callId: string;
    outcome: 'awarded' | 'rejected';
    amount?: Money | undefined;
    conditions?: string | undefined;
    reason?: string | undefined;
    appealUntil?: string | undefined;
  },
): Promise<number> {
  const call = await callOf(db, input.callId);
  if (!call) return 0;
  return tell(db, await associationMembers(db, input.associationId), 'application.decision', (locale) => ({
    callTitle: textIn(call.title, locale),
    callReference: call.reference,
    awarded: input.outcome === 'awarded',
    amount: input.amount ? moneyText(input.amount, locale) : undefined,
    conditions: input.conditions,
    reason: input.reason,
    appealUntil: input.appealUntil ? casablancaText(input.appealUntil, locale) : undefined,
  }));
}

/** A training registration with what a message about it says. */
export interface RegistrationNoticeFacts {
  associationId: string;
  /** The participant's account, when the registration names one (registrations are made by account). */
  participantAccountId?: string | undefined;
  participant: { name: string; email?: string };
  courseTitle: LocalizedText;
  startAt: string;
}

/**
 * A registration, its participant, its course's title and its session's start, or `undefined`.
 *
 * @example
 * ```ts
 * const facts = await registrationNoticeFacts(db, 'reg_00726'); // { participant: { name: 'أمينة' }, startAt: '…' }
 * ```
 */
export async function registrationNoticeFacts(
  db: Db,
  registrationId: string,
): Promise<RegistrationNoticeFacts | undefined> {
  const row = await db.one<{
    association_id: string;
    participant_account_id: string | null;
    data: string;
    start_at: string;
    course_data: string;
  }>(
    `SELECT r.association_id, r.participant_account_id, r.data, s.start_at, c.data AS course_data
       FROM training_registrations r
       JOIN training_sessions s ON s.id = r.session_id
       JOIN courses c ON c.id = r.course_id
      WHERE r.id = ?`,
    [registrationId],
  );
  if (!row) return undefined;
  const data = JSON.parse(row.data) as { participant: { name: string; email?: string } };
  const course = JSON.parse(row.course_data) as { title: LocalizedText };
  return {
    associationId: row.association_id,
    ...(row.participant_account_id ? { participantAccountId: row.participant_account_id } : {}),
    participant: data.participant,
    courseTitle: course.title,
    startAt: row.start_at,
  };
}

/**
 * Queues a message about a registration (`training.promoted`, `training.reminder`) to its participant's
 * account, or to its association's members (see `participantRecipients`); returns the recipients told.
 *
 * @example
 * ```ts
 * const told = await noticeRegistration(db, 'training.promoted', facts);
 * ```
 */
export async function noticeRegistration(
  db: Db,
  kind: 'training.promoted' | 'training.reminder',
  facts: RegistrationNoticeFacts,
  recipients?: readonly Recipient[],
): Promise<Recipient[]> {
  const to = [
    ...(recipients ??
      (await participantRecipients(db, {
        associationId: facts.associationId,
        participantAccountId: facts.participantAccountId,
        participantEmail: facts.participant.email,
      }))),
  ];
  await tell(db, to, kind, (locale) => ({
    course: textIn(facts.courseTitle, locale),
    participant: facts.participant.name,
    start: casablancaText(facts.startAt, locale),
  }));
  return to;
}

/**
 * Tells whoever the registration is for that it left the waitlist for a seat. Call it in the transaction
 * that promotes it.
 *
 * @example
 * ```ts
 * await noticeWaitlistPromotion(db, first.id);
 * ```
 */
export async function noticeWaitlistPromotion(db: Db, registrationId: string): Promise<number> {
  const facts = await registrationNoticeFacts(db, registrationId);
  if (!facts) return 0;
  return (await noticeRegistration(db, 'training.promoted', facts)).length;
}

/**
 * Tells the author of a contribution (a signed-in account; an anonymous author has no address) that a
 * moderator published or hid it, with the reason. Call it in the transaction of the decision.
 *
 * @example
 * ```ts
 * await noticeModeration(db, { contributionId: row.id, published: false, reason: 'Propos injurieux' });
 * ```
 */
export async function noticeModeration(
  db: Db,
  input: { contributionId: string; published: boolean; reason?: string | undefined },
): Promise<number> {
  const row = await db.one<{ account_id: string | null; data: string }>(
    `SELECT ct.account_id, c.data FROM contributions ct JOIN consultations c ON c.id = ct.consultation_id
      WHERE ct.id = ?`,
    [input.contributionId],
  );
  if (!row?.account_id) return 0;
  const author = await accountRecipient(db, row.account_id);
  if (!author) return 0;
  const consultation = JSON.parse(row.data) as { title: LocalizedText };
  return tell(db, [author], 'contribution.moderated', (locale) => ({
    consultation: textIn(consultation.title, locale),
    published: input.published,
    reason: input.reason,
  }));
}
