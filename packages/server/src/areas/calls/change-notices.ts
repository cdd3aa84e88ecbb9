// When a published call changes (an amendment, an early close, a cancellation), the associations that have a
// draft application on it are told by e-mail, each member in their own language: their draft may need the
// change (a new document, another deadline), and a cancelled call will not take it at all. The message goes
// through the outbox in the same transaction as the change, so a rolled-back change tells nobody.
import { type Locale, type LocalizedText, pickText, toLocale } from '@nassij/contract';
import type { Db } from '../../db/db.js';
import { composeMail } from '../../mail/layout.js';
import { enqueueMail } from '../../mail/outbox.js';
import { type CallChangeKind, callChangeMessage } from './mail-messages.js';

/** A member of an association with a draft on the call: who is told. */
interface Recipient {
  id: string;
  email: string;
  display_name: string;
  locale: string | null;
}

/**
 * Queues one message per member (not erased) of every association with a draft application
 * on the call; returns how many were queued. Call it inside the transaction that saves the change.
 *
 * @example
 * ```ts
 * await noticeDraftApplicants(db, { callId: call.id, title: call.title, reference: call.reference },
 *   { kind: 'amended', summary: amendment.summary, version: amendment.version });
 * ```
 */
export async function noticeDraftApplicants(
  db: Db,
  call: { callId: string; title: LocalizedText; reference: string },
  change: { kind: CallChangeKind; summary: LocalizedText; version: number },
): Promise<number> {
  const recipients = await db.all<Recipient>(
    `SELECT DISTINCT a.id, a.email, a.display_name, a.locale
       FROM applications ap
       JOIN memberships m ON m.association_id = ap.association_id
       JOIN accounts a ON a.id = m.account_id
      WHERE ap.call_id = ? AND ap.status = 'draft' AND a.erased_at IS NULL
      ORDER BY a.id`,
    [call.callId],
  );
  for (const recipient of recipients) {
    const locale: Locale = toLocale(recipient.locale) ?? 'ar';
    const content = callChangeMessage(locale, change.kind, {
      name: recipient.display_name,
      title: pickText(call.title, locale).text,
      reference: call.reference,
      summary: pickText(change.summary, locale).text,
      version: change.version,
    });
    await enqueueMail(db, {
      to: recipient.email,
      locale,
      kind: `call.${change.kind}`,
      accountId: recipient.id,
      ...composeMail(locale, content),
    });
  }
  return recipients.length;
}
