import type { Migration } from '../../db/db.js';

/**
 * The e-mail subscriptions. `state` moves pending (until the confirmation link is opened) → active →
 * unsubscribed, when the address is erased (`email` NULL) and the row stays only so that a repeated
 * unsubscribe answers the same. Only the confirmation token's sha256 is kept; the unsubscribe token is kept
 * as given out, because every later message must carry it (it can end this one subscription and nothing else).
 * `mark_at`/`mark_id` is the position in the event log up to which events were considered; `next_digest_at`
 * is when a daily or weekly digest is next due; `lease_until` is the digest worker's claim.
 */
export const subscriptionsMigration: Migration = {
  id: '090_subscriptions',
  sql: `
CREATE TABLE subscriptions (
  id TEXT PRIMARY KEY,
  email TEXT,
  locale TEXT NOT NULL,
  filter_kind TEXT NOT NULL CHECK (filter_kind IN ('calls', 'consultation')),
  filter TEXT NOT NULL,
  filter_key TEXT NOT NULL,
  digest TEXT NOT NULL CHECK (digest IN ('immediate', 'daily', 'weekly')),
  state TEXT NOT NULL CHECK (state IN ('pending', 'active', 'unsubscribed')),
  confirm_hash TEXT UNIQUE,
  confirm_expires_at TEXT,
  confirmed_at TEXT,
  unsubscribe_token TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  unsubscribed_at TEXT,
  mark_at TEXT,
  mark_id TEXT,
  next_digest_at TEXT,
  lease_until TEXT
);
CREATE INDEX subscriptions_by_email ON subscriptions (email, filter_key);
CREATE INDEX subscriptions_due ON subscriptions (state, digest, next_digest_at);
CREATE TABLE subscription_sends (
  subscription_id TEXT NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
  period TEXT NOT NULL,
  mail_id TEXT,
  event_count INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (subscription_id, period)
);
`,
};
