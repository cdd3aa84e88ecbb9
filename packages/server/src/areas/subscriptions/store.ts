// The subscriptions themselves: a request writes a pending row and queues the confirmation message in one
// transaction; the confirmation link starts it; an unsubscribe ends it and erases the address.
import { createHash, randomBytes } from 'node:crypto';
import {
  type CreateSubscription,
  DOMAIN_CODES,
  type Locale,
  normaliseEmail,
  SECTORS,
  SUBSCRIPTION_CONFIRM_DAYS,
  type SubscriptionConfirmed,
  type SubscriptionDigest,
  type SubscriptionFilter,
} from '@nassij/contract';
import type { Db } from '../../db/db.js';
import { newSortableId } from '../../events/log.js';
import { problem } from '../../http/problem.js';
import { composeMail } from '../../mail/layout.js';
import { enqueueMail } from '../../mail/outbox.js';
import { SUBSCRIPTION_TEXTS } from './messages.js';
import { nextDigestAt } from './schedule.js';
import { describeFilter } from './texts.js';

const DAY_MS = 86_400_000;

/** A row of `subscriptions`. */
export interface SubscriptionRow {
  id: string;
  email: string | null;
  locale: string;
  filter_kind: string;
  filter: string;
  filter_key: string;
  digest: SubscriptionDigest;
  state: 'pending' | 'active' | 'unsubscribed';
  confirm_hash: string | null;
  confirm_expires_at: string | null;
  confirmed_at: string | null;
  unsubscribe_token: string;
  created_at: string;
  unsubscribed_at: string | null;
  mark_at: string | null;
  mark_id: string | null;
  next_digest_at: string | null;
  lease_until: string | null;
}

/** A new link token: 32 random bytes, base64url (43 characters). */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a confirmation token: its sha256, so that a copy of the database confirms nothing. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * A stable text of a filter (its fields in a fixed order), to find an address's subscription to the same thing.
 *
 * @example
 * ```ts
 * filterKey({ kind: 'calls', sector: 'x', region: 'MA-09' }); // '{"kind":"calls","region":"MA-09","sector":"x"}'
 * ```
 */
export function filterKey(filter: SubscriptionFilter): string {
  const entries = Object.entries(filter)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(Object.fromEntries(entries));
}

/**
 * Refuses a filter that names what does not exist (a sector, a domain, an organisation, a consultation) with
 * `validation_failed` naming the field. The region is already one of the twelve by the contract.
 *
 * @example
 * ```ts
 * await checkFilter(db, { kind: 'calls', sector: 'no-such-sector' }); // throws 422, path /filter/sector
 * ```
 */
export async function checkFilter(db: Db, filter: SubscriptionFilter): Promise<void> {
  const unknown = (field: string, what: string) =>
    problem('validation_failed', `No such ${what}`, {
      errors: [{ path: `/filter/${field}`, in: 'body', code: 'invalid_value', message: `No such ${what}` }],
    });
  if (filter.kind === 'consultation') {
    const found = await db.one('SELECT id FROM consultations WHERE id = ?', [filter.consultationId]);
    if (!found) throw unknown('consultationId', 'consultation');
    return;
  }
  if (filter.sector !== undefined && !SECTORS.some((sector) => sector.code === filter.sector))
    throw unknown('sector', 'sector');
  if (filter.domain !== undefined && !(DOMAIN_CODES as readonly string[]).includes(filter.domain))
    throw unknown('domain', 'domain');
  if (filter.funder !== undefined) {
    const found = await db.one('SELECT id FROM organisations WHERE id = ?', [filter.funder]);
    if (!found) throw unknown('funder', 'organisation');
  }
}

/** Where the links of messages point: the server's public origin. */
export interface LinkBase {
  publicUrl: string;
}

/**
 * The address of the page that confirms a subscription (it asks for a click: opening it changes nothing).
 *
 * @example
 * ```ts
 * confirmPageUrl('https://nassij.ma', token, 'fr'); // 'https://nassij.ma/subscriptions/confirm?token=…&lang=fr'
 * ```
 */
export function confirmPageUrl(publicUrl: string, token: string, locale: Locale): string {
  return `${publicUrl}/subscriptions/confirm?token=${encodeURIComponent(token)}&lang=${locale}`;
}

/**
 * The page that ends a subscription after a click, linked from the body of every message.
 *
 * @example
 * ```ts
 * unsubscribePageUrl('https://nassij.ma', token, 'ar');
 * ```
 */
export function unsubscribePageUrl(publicUrl: string, token: string, locale: Locale): string {
  return `${publicUrl}/subscriptions/unsubscribe?token=${encodeURIComponent(token)}&lang=${locale}`;
}

/**
 * The RFC 8058 one-click address of the `List-Unsubscribe` header: mail clients POST
 * `List-Unsubscribe=One-Click` to it, without opening any page.
 *
 * @example
 * ```ts
 * oneClickUrl('https://nassij.ma', token); // 'https://nassij.ma/v1/subscriptions/unsubscribe?token=…'
 * ```
 */
export function oneClickUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/v1/subscriptions/unsubscribe?token=${encodeURIComponent(token)}`;
}

/**
 * Records a subscription request and queues its confirmation message (call it inside the request's
 * transaction). A pending request of the same address for the same thing is renewed (new link, new digest
 * and language; the old link stops working); otherwise a new pending row is written, even when the address
 * already has an active subscription to it (confirming the new one replaces the old one), so the answer and
 * what happens never tell whether the address was subscribed.
 *
 * @example
 * ```ts
 * await requestSubscription(db, body, now, { publicUrl: 'https://nassij.ma' });
 * ```
 */
export async function requestSubscription(
  db: Db,
  request: CreateSubscription & { digest: SubscriptionDigest },
  now: Date,
  links: LinkBase,
): Promise<void> {
  const email = normaliseEmail(request.email);
  const key = filterKey(request.filter);
  const token = newLinkToken();
  const expires = new Date(now.getTime() + SUBSCRIPTION_CONFIRM_DAYS * DAY_MS).toISOString();
  const pending = await db.one<{ id: string }>(
    "SELECT id FROM subscriptions WHERE email = ? AND filter_key = ? AND state = 'pending'",
    [email, key],
  );
  if (pending) {
    await db.write(
      `UPDATE subscriptions SET locale = ?, digest = ?, confirm_hash = ?, confirm_expires_at = ?, created_at = ?
        WHERE id = ?`,
      [request.locale, request.digest, tokenHash(token), expires, now.toISOString(), pending.id],
    );
  } else {
    await db.write(
      `INSERT INTO subscriptions (id, email, locale, filter_kind, filter, filter_key, digest, state, confirm_hash,
         confirm_expires_at, unsubscribe_token, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)`,
      [
        newSortableId('sub'),
        email,
        request.locale,
        request.filter.kind,
        JSON.stringify(request.filter),
        key,
        request.digest,
        tokenHash(token),
        expires,
        newLinkToken(),
        now.toISOString(),
      ],
    );
  }
  const locale = request.locale;
  const t = SUBSCRIPTION_TEXTS[locale];
  const what = await describeFilter(db, request.filter, locale);
  await enqueueMail(db, {
    to: email,
    locale,
    kind: 'subscription.confirm',
    ...composeMail(locale, {
      subject: t.confirmSubject,
      paragraphs: [t.confirmIntro(what), t.confirmIgnore],
      action: { label: t.confirmAction, url: confirmPageUrl(links.publicUrl, token, locale) },
    }),
  });
}

/**
 * Opens a confirmation link: the subscription becomes active, counting events from now on (nothing older is
 * sent), and an older active subscription of the same address to the same thing ends. Throws `link_invalid`,
 * `link_expired` or `link_used`.
 *
 * @example
 * ```ts
 * const confirmed = await confirmSubscription(db, token, now);
 * ```
 */
export async function confirmSubscription(db: Db, token: string, now: Date): Promise<SubscriptionConfirmed> {
  const row = await db.one<SubscriptionRow>('SELECT * FROM subscriptions WHERE confirm_hash = ?', [
    tokenHash(token),
  ]);
  if (!row || row.state === 'unsubscribed') throw problem('link_invalid');
  if (row.state === 'active') throw problem('link_used');
  if (row.confirm_expires_at === null || row.confirm_expires_at <= now.toISOString())
    throw problem('link_expired');
  const at = now.toISOString();
  const digest = row.digest;
  await db.write(
    `UPDATE subscriptions SET state = 'active', confirmed_at = ?, mark_at = ?, mark_id = '', next_digest_at = ?
      WHERE id = ? AND state = 'pending'`,
    [at, at, digest === 'immediate' ? null : nextDigestAt(now, digest).toISOString(), row.id],
  );
  // The older subscription to the same thing: this confirmation replaces it (another digest or language).
  await db.write(
    `UPDATE subscriptions SET state = 'unsubscribed', email = NULL, unsubscribed_at = ?, lease_until = NULL
      WHERE email = ? AND filter_key = ? AND state = 'active' AND id <> ?`,
    [at, row.email, row.filter_key, row.id],
  );
  return {
    status: 'confirmed',
    locale: row.locale as Locale,
    filter: JSON.parse(row.filter) as SubscriptionFilter,
    digest,
  };
}

/**
 * Ends the subscription of an unsubscribe token and erases its address; a token already used answers the
 * same (a mail client may post twice). Throws `link_invalid` for a token that never was one.
 *
 * @example
 * ```ts
 * await unsubscribeByToken(db, token, now);
 * ```
 */
export async function unsubscribeByToken(db: Db, token: string, now: Date): Promise<void> {
  const row = await db.one<{ id: string }>('SELECT id FROM subscriptions WHERE unsubscribe_token = ?', [
    token,
  ]);
  if (!row) throw problem('link_invalid');
  await db.write(
    `UPDATE subscriptions SET state = 'unsubscribed', email = NULL, confirm_hash = NULL, unsubscribed_at = ?,
       lease_until = NULL
      WHERE id = ? AND state <> 'unsubscribed'`,
    [now.toISOString(), row.id],
  );
}

/**
 * Ends every subscription of an address and erases it: what the erasure of a person's data calls.
 * Returns how many ended.
 *
 * @example
 * ```ts
 * await eraseSubscriptionsOf(db, 'amina@example.ma', now);
 * ```
 */
export async function eraseSubscriptionsOf(db: Db, email: string, now: Date): Promise<number> {
  const done = await db.write(
    `UPDATE subscriptions SET state = 'unsubscribed', email = NULL, confirm_hash = NULL, unsubscribed_at = ?,
       lease_until = NULL
      WHERE email = ?`,
    [now.toISOString(), normaliseEmail(email)],
  );
  return done.changes;
}
