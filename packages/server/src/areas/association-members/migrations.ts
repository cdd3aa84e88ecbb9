import type { Migration } from '../../db/db.js';

/** Portable DDL of the invitations table, the same on both databases. */
const INVITATIONS = `
CREATE TABLE association_invitations (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  association_id TEXT NOT NULL,
  email TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('member', 'treasurer', 'representative')),
  invited_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  accepted_at TEXT,
  accepted_by TEXT
);
CREATE INDEX association_invitations_by_association ON association_invitations (association_id, created_at);
CREATE INDEX association_invitations_by_email ON association_invitations (email);
`;

/**
 * Treasurers, and when a membership began: `memberships.role` (a core table) also allows `treasurer`, and
 * gains `invited_at` (absent for a membership that came from a verified claim or the seed) and `joined_at`.
 * SQLite cannot change a CHECK constraint: the table is rebuilt under the same name, its rows and its index
 * kept (nothing references it). PostgreSQL replaces the constraint in place.
 *
 * `association_invitations` keeps the invitations a representative sends: the token's sha256 only (the token
 * is in the mail), the address (lower case), the role, who invited, until when the link holds, and when and by
 * which account it was accepted (a used link is refused with `link_used`).
 */
export const membershipRolesMigration: Migration = {
  id: '014_membership_roles',
  sql: {
    sqlite: `
CREATE TABLE memberships_014 (
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  association_id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('member', 'treasurer', 'representative')),
  invited_at TEXT,
  joined_at TEXT,
  PRIMARY KEY (account_id, association_id)
);
INSERT INTO memberships_014 (account_id, association_id, role)
  SELECT account_id, association_id, role FROM memberships;
DROP TABLE memberships;
ALTER TABLE memberships_014 RENAME TO memberships;
CREATE INDEX memberships_by_association ON memberships (association_id);
${INVITATIONS}`,
    postgres: `
ALTER TABLE memberships DROP CONSTRAINT IF EXISTS memberships_role_check;
ALTER TABLE memberships ADD CONSTRAINT memberships_role_check
  CHECK (role IN ('member', 'treasurer', 'representative'));
ALTER TABLE memberships ADD COLUMN invited_at TEXT;
ALTER TABLE memberships ADD COLUMN joined_at TEXT;
${INVITATIONS}`,
  },
};
