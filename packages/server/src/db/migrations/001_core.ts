import type { Migration } from '../db.js';

/**
 * The core tables: accounts and their memberships, bearer tokens, idempotency keys, the audit log and
 * file metadata. `memberships.association_id` has no foreign key because associations arrive with the
 * associations area's own migration. Instants are ISO 8601 UTC text; JSON is text.
 */
export const coreMigration: Migration = {
  id: '001_core',
  sql: `
CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  roles TEXT NOT NULL,
  locale TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE memberships (
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  association_id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('member', 'representative')),
  PRIMARY KEY (account_id, association_id)
);
CREATE INDEX memberships_by_association ON memberships (association_id);

CREATE TABLE tokens (
  hash TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX tokens_by_account ON tokens (account_id);

CREATE TABLE idempotency_keys (
  scope TEXT NOT NULL,
  idem_key TEXT NOT NULL,
  route_id TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  response_body TEXT,
  response_headers TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (scope, idem_key)
);

CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  account_id TEXT,
  action TEXT NOT NULL,
  target_type TEXT,
  target_id TEXT,
  request_id TEXT,
  details TEXT
);
CREATE INDEX audit_log_by_target ON audit_log (target_type, target_id);

CREATE TABLE files (
  sha256 TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  media_type TEXT NOT NULL,
  path TEXT NOT NULL,
  created_at TEXT NOT NULL
);
`,
};
