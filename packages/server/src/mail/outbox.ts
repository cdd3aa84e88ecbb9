// The transactional outbox: a message is a row written in the same transaction as the change that causes
// it (an account created, a password reset asked for), so it exists exactly when that change committed.
// The worker (worker.ts) sends the rows later and retries them; nothing here talks to a mail server.
import { randomBytes } from 'node:crypto';
import { LOCALES, type Locale } from '@nassij/contract';
import type { Db, Migration } from '../db/db.js';

/**
 * The `mail_outbox` table (a core migration: every area may send mail). `state` moves queued → sending
 * (claimed by a worker until `lease_until`) → sent, or back to queued with a later `next_attempt_at` after a
 * failure, or to failed after the last attempt. `message_id` is fixed when the row is written, so every
 * attempt sends the same `Message-ID`. Instants are ISO 8601 UTC texts, which sort as they compare.
 * `account_id` lets the privacy export and erasure find an account's messages; it is no foreign key, so a
 * message outlives nothing it should not: erasure deletes the rows itself.
 */
export const mailOutboxMigration: Migration = {
  id: '008_mail_outbox',
  sql: `
CREATE TABLE mail_outbox (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  recipient TEXT NOT NULL,
  locale TEXT NOT NULL,
  account_id TEXT,
  subject TEXT NOT NULL,
  text_body TEXT NOT NULL,
  html_body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  lease_until TEXT,
  sent_at TEXT,
  last_error TEXT,
  message_id TEXT NOT NULL UNIQUE
);
CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt_at);
CREATE INDEX mail_outbox_by_recipient ON mail_outbox (recipient, created_at);
CREATE INDEX mail_outbox_by_account ON mail_outbox (account_id);
`,
};

/** Where a message is in its delivery. */
/**
 * Extra headers of an outgoing message (a JSON object), such as the `List-Unsubscribe` pair of RFC 8058 that
 * subscription messages carry. Its id sorts after the areas' tables it was first written with; it is a core
 * migration so that every server, whatever its areas, can queue a message with headers.
 */
export const mailHeadersMigration: Migration = {
  id: '091_mail_outbox_headers',
  sql: 'ALTER TABLE mail_outbox ADD COLUMN headers TEXT;',
};

export type MailState = 'queued' | 'sending' | 'sent' | 'failed';

/**
 * A message to send, as an area composes it (see `composeMail` in layout.ts for `subject`, `text`, `html`).
 *
 * @example
 * ```ts
 * const mail: OutgoingMail = { to: 'amina@example.ma', locale: 'ar', kind: 'account.verify-email', ...composeMail('ar', { … }) };
 * ```
 */
export interface OutgoingMail {
  /** The recipient's address. */
  to: string;
  /** The language the message is written in (its HTML part carries it as `lang`/`dir`). */
  locale: Locale;
  /** What the message is about, stable for tests and counting: `account.verify-email`, `claim.verified`. */
  kind: string;
  subject: string;
  /** The plain-text part. */
  text: string;
  /** The HTML part. */
  html: string;
  /** The account the message is about, if any (privacy export and erasure find its messages by it). */
  accountId?: string;
  /**
   * Extra headers, such as `List-Unsubscribe` and `List-Unsubscribe-Post` (RFC 2369, RFC 8058). Stored in the
   * `headers` column the subscriptions area adds (migration `091_mail_outbox_headers`).
   */
  headers?: Record<string, string>;
}

/** A message in the outbox, as {@link listMail} reads it. */
export interface QueuedMail {
  id: string;
  kind: string;
  to: string;
  locale: Locale;
  accountId: string | null;
  subject: string;
  text: string;
  html: string;
  /** When it was enqueued (ISO 8601 UTC). */
  createdAt: string;
  state: MailState;
  /** Sending attempts started so far. */
  attempts: number;
  /** When the next attempt is due (ISO 8601 UTC). */
  nextAttemptAt: string;
  sentAt: string | null;
  lastError: string | null;
  /** The `Message-ID` header every attempt sends, `<id@host>`. */
  messageId: string;
  /** Extra headers the message is sent with, when it has any. */
  headers?: Record<string, string>;
}

/** A row of `mail_outbox`. */
export interface MailRow {
  id: string;
  kind: string;
  recipient: string;
  locale: string;
  account_id: string | null;
  subject: string;
  text_body: string;
  html_body: string;
  created_at: string;
  state: MailState;
  attempts: number | string;
  next_attempt_at: string;
  lease_until: string | null;
  sent_at: string | null;
  last_error: string | null;
  message_id: string;
  /** JSON object of extra headers, or NULL (absent before migration `091_mail_outbox_headers`). */
  headers?: string | null;
}

/**
 * The mail settings of one database handle, set by the server ({@link useMail}): the clock that dates
 * messages, the host part of their `Message-ID`, and the worker to wake after a commit that enqueued mail.
 */
export interface MailSettings {
  clock: () => Date;
  /** The domain after `@` in `Message-ID` (the sender's domain). */
  messageIdHost: string;
  /** Called once a transaction that enqueued mail has committed. */
  wake?: () => void;
}

const SETTINGS = new WeakMap<Db, MailSettings>();

/**
 * Sets how {@link enqueueMail} dates and names messages on `db`, and whom it wakes after a commit. The
 * server calls it at start; without it, messages are dated by the system clock and named `@localhost`.
 *
 * @example
 * ```ts
 * useMail(db, { clock, messageIdHost: 'nassij.ma', wake: () => worker.wake() });
 * ```
 */
export function useMail(db: Db, settings: MailSettings): void {
  SETTINGS.set(db, settings);
}

/** The settings {@link useMail} gave `db`, or the defaults. */
export function mailSettings(db: Db): MailSettings {
  return SETTINGS.get(db) ?? { clock: () => new Date(), messageIdHost: 'localhost' };
}

let lastMs = 0;
let sequence = 0;

/**
 * A new message id, `mail_` then 26 base-32 characters: the creation time in milliseconds and a counter
 * within one millisecond (so ids of one process sort in creation order, which {@link listMail} uses when
 * messages share a `created_at`, as under a test's fixed clock), then random bits.
 */
function newMailId(): string {
  const now = Date.now();
  if (now === lastMs) sequence += 1;
  else {
    lastMs = now;
    sequence = 0;
  }
  const time = now.toString(32).padStart(10, '0');
  const counter = sequence.toString(32).padStart(4, '0');
  const random = BigInt(`0x${randomBytes(8).toString('hex')}`)
    .toString(32)
    .padStart(13, '0')
    .slice(0, 12);
  return `mail_${time}${counter}${random}`;
}

// Deliberately loose: the address was validated where it was entered; this only refuses what no mail
// server would take (and header injection: no spaces or line breaks).
const ADDRESS = /^[^\s@<>",]+@[^\s@<>",]+$/;

/**
 * Writes a message into the outbox; call it inside the same `db.atomic` as the change that causes it (the
 * transactional outbox: a rolled-back change sends nothing, a committed one always sends). The worker is
 * woken once the transaction commits. Returns the message id.
 *
 * @example
 * ```ts
 * await db.atomic(async () => {
 *   await db.write('UPDATE accounts SET email_verification = ? WHERE id = ?', [hash, accountId]);
 *   const mail = composeMail(locale, { subject, paragraphs: [intro], action: { label, url } });
 *   await enqueueMail(db, { to: email, locale, kind: 'account.verify-email', accountId, ...mail });
 * });
 * ```
 */
export async function enqueueMail(db: Db, mail: OutgoingMail): Promise<string> {
  if (!ADDRESS.test(mail.to)) throw new RangeError(`Not a mail address: ${JSON.stringify(mail.to)}`);
  if (!(LOCALES as readonly string[]).includes(mail.locale))
    throw new RangeError(`Not a locale: ${JSON.stringify(mail.locale)}`);
  if (/[\r\n]/.test(mail.subject)) throw new RangeError('A mail subject is one line');
  // A header name is a token and a value one line: nothing here can inject another header.
  for (const [name, value] of Object.entries(mail.headers ?? {}))
    if (!/^[A-Za-z0-9-]{1,76}$/.test(name) || /[\r\n]/.test(value))
      throw new RangeError(`Not a mail header: ${JSON.stringify(name)}`);
  const settings = mailSettings(db);
  const id = newMailId();
  const now = settings.clock().toISOString();
  await db.write(
    `INSERT INTO mail_outbox (id, kind, recipient, locale, account_id, subject, text_body, html_body,
       created_at, state, attempts, next_attempt_at, message_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?)`,
    [
      id,
      mail.kind,
      mail.to,
      mail.locale,
      mail.accountId ?? null,
      mail.subject,
      mail.text,
      mail.html,
      now,
      now,
      `<${id}@${settings.messageIdHost}>`,
    ],
  );
  // Only messages with headers touch the column, so the outbox works without the subscriptions area.
  if (mail.headers && Object.keys(mail.headers).length > 0)
    await db.write('UPDATE mail_outbox SET headers = ? WHERE id = ?', [JSON.stringify(mail.headers), id]);
  // Outside a transaction this runs at once; inside, only if the transaction commits.
  db.afterCommit(() => mailSettings(db).wake?.());
  return id;
}

/**
 * A row as a {@link QueuedMail}.
 *
 * @example
 * ```ts
 * const mail = toQueuedMail(row); // { id: 'mail_…', to: 'amina@example.ma', state: 'queued', … }
 * ```
 */
export function toQueuedMail(row: MailRow): QueuedMail {
  return {
    id: row.id,
    kind: row.kind,
    to: row.recipient,
    locale: row.locale as Locale,
    accountId: row.account_id,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    createdAt: row.created_at,
    state: row.state,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    sentAt: row.sent_at,
    lastError: row.last_error,
    messageId: row.message_id,
    ...(row.headers ? { headers: JSON.parse(row.headers) as Record<string, string> } : {}),
  };
}

/**
 * The messages in the outbox, newest first, whatever their state: all of them, or those to one address
 * and/or of one kind. Tests read links from `text`; `/dev/mail` lists them.
 *
 * @example
 * ```ts
 * const [latest] = await listMail(db, { to: 'amina@example.ma', kind: 'account.verify-email' });
 * const link = latest?.text.match(/https?:\/\/\S+/)?.[0];
 * ```
 */
export async function listMail(
  db: Db,
  filter: { to?: string; kind?: string; limit?: number } = {},
): Promise<QueuedMail[]> {
  const where: string[] = [];
  const params: string[] = [];
  if (filter.to !== undefined) {
    where.push('recipient = ?');
    params.push(filter.to);
  }
  if (filter.kind !== undefined) {
    where.push('kind = ?');
    params.push(filter.kind);
  }
  const limit =
    filter.limit !== undefined && Number.isInteger(filter.limit) && filter.limit > 0
      ? ` LIMIT ${filter.limit}`
      : '';
  const rows = await db.all<MailRow>(
    `SELECT * FROM mail_outbox${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}
     ORDER BY created_at DESC, id DESC${limit}`,
    params,
  );
  return rows.map(toQueuedMail);
}

/**
 * One message by id, or `undefined`.
 *
 * @example
 * ```ts
 * const mail = await getMail(db, id); // mail?.state === 'sent'
 * ```
 */
export async function getMail(db: Db, id: string): Promise<QueuedMail | undefined> {
  const row = await db.one<MailRow>('SELECT * FROM mail_outbox WHERE id = ?', [id]);
  return row ? toQueuedMail(row) : undefined;
}
