// Who is told: the one query per kind of recipient, shared by every notice and reminder of this area (and
// open to other areas), so that "the members of an association" or "the author of a contribution" means
// the same everywhere. Erased accounts are never recipients: their row stays, with a tombstone address.
import { DISPLAY_TIME_ZONE, type Locale, normaliseEmail, toLocale } from '@nassij/contract';
import type { Db } from '../../db/db.js';

/** An account a message goes to, with the language it reads. */
export interface Recipient {
  id: string;
  email: string;
  name: string;
  locale: Locale;
}

interface AccountRow {
  id: string;
  email: string;
  display_name: string;
  locale: string | null;
}

/** An account without a chosen language reads Arabic, the platform's first language. */
function toRecipient(row: AccountRow): Recipient {
  return { id: row.id, email: row.email, name: row.display_name, locale: toLocale(row.locale) ?? 'ar' };
}

/**
 * The members (representatives included) of an association whose accounts are not erased, by account id.
 *
 * @example
 * ```ts
 * const members = await associationMembers(db, 'asso_0001'); // [{ id: 'acc_0002', locale: 'ar', … }, …]
 * ```
 */
export async function associationMembers(db: Db, associationId: string): Promise<Recipient[]> {
  const rows = await db.all<AccountRow>(
    `SELECT a.id, a.email, a.display_name, a.locale
       FROM memberships m JOIN accounts a ON a.id = m.account_id
      WHERE m.association_id = ? AND a.erased_at IS NULL
      ORDER BY a.id`,
    [associationId],
  );
  return rows.map(toRecipient);
}

/**
 * One account, unless it is erased or unknown.
 *
 * @example
 * ```ts
 * const author = await accountRecipient(db, row.account_id); // undefined for an erased account
 * ```
 */
export async function accountRecipient(db: Db, accountId: string): Promise<Recipient | undefined> {
  const row = await db.one<AccountRow>(
    'SELECT id, email, display_name, locale FROM accounts WHERE id = ? AND erased_at IS NULL',
    [accountId],
  );
  return row ? toRecipient(row) : undefined;
}

/**
 * Who hears about a training registration: the participant's own account (its address, its language) when
 * the registration names one — they are the one to attend. A registration made before accounts were named
 * reaches the account whose address the association typed for them, if any. Otherwise (nobody named, or
 * an erased account) the association's members, who registered them and pass the word on.
 *
 * @example
 * ```ts
 * const to = await participantRecipients(db, { associationId: 'asso_0001', participantAccountId: 'acc_0002' });
 * ```
 */
export async function participantRecipients(
  db: Db,
  registration: {
    associationId: string;
    participantAccountId?: string | undefined;
    participantEmail?: string | undefined;
  },
): Promise<Recipient[]> {
  if (registration.participantAccountId) {
    const participant = await accountRecipient(db, registration.participantAccountId);
    if (participant) return [participant];
  }
  const email =
    registration.participantEmail === undefined ? undefined : normaliseEmail(registration.participantEmail);
  if (email) {
    const row = await db.one<AccountRow>(
      'SELECT id, email, display_name, locale FROM accounts WHERE email = ? AND erased_at IS NULL',
      [email],
    );
    if (row) return [toRecipient(row)];
  }
  return associationMembers(db, registration.associationId);
}

const INTL_LOCALE: Record<Locale, string> = { ar: 'ar-MA', fr: 'fr-MA', zgh: 'zgh', en: 'en-GB' };

/**
 * An instant as a reader in `locale` reads it, on Moroccan time (Africa/Casablanca, whose Ramadan offset
 * the time-zone data knows): the day in words and the time.
 *
 * @example
 * ```ts
 * casablancaText('2026-12-05T10:15:00Z', 'fr'); // '5 décembre 2026 à 11:15'
 * ```
 */
export function casablancaText(instant: string | Date, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: DISPLAY_TIME_ZONE,
  }).format(new Date(instant));
}

/**
 * A calendar date (`YYYY-MM-DD`, a Moroccan day) in words in `locale`.
 *
 * @example
 * ```ts
 * calendarDateText('2027-06-30', 'en'); // '30 June 2027'
 * ```
 */
export function calendarDateText(date: string, locale: Locale): string {
  // Noon UTC is the same day in Casablanca whatever its offset.
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}
