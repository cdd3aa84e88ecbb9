import type { Migration } from '../../db/db.js';

/**
 * Accounts that sign up themselves: `accounts.email_verified_at` says when the address was confirmed, and
 * `one_time_tokens` holds the links sent by e-mail (sign-up verification, password reset, change of address).
 *
 * `email_verified_at` is `NULL` only for an account that signed up and has not opened its link yet: sign-up
 * writes `NULL` explicitly. Every other account — those that existed before this migration (dated by their
 * creation), and those an operator, the demo seed or a test creates without naming the column (the default,
 * the epoch: "vouched for when created") — counts as verified, so the `--seed demo` accounts sign in as before.
 *
 * A link's token is never stored, only its sha256 (hex) like bearer tokens; `purpose` says what it may do,
 * `new_email` is the address a change of e-mail moves to, and `used_at` makes it single use.
 */
export const accountLifecycleMigration: Migration = {
  id: '009_account_lifecycle',
  sql: `
ALTER TABLE accounts ADD COLUMN email_verified_at TEXT DEFAULT '1970-01-01T00:00:00Z';
UPDATE accounts SET email_verified_at = created_at;

CREATE TABLE one_time_tokens (
  hash TEXT PRIMARY KEY,
  purpose TEXT NOT NULL CHECK (purpose IN ('verify_email', 'reset_password', 'change_email')),
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  new_email TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX one_time_tokens_by_account ON one_time_tokens (account_id, purpose);
`,
};
