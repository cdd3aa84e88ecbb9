import type { Migration } from '../../db/db.js';

/**
 * The platform's signing keys, in the database so that every process of a deployment signs with the same key
 * and publishes the same JWK Set. One key per purpose is current (`retired_at` empty): the partial unique
 * index lets processes starting together race to create it, and all but one insert nothing. Retired keys stay,
 * so that certificates they signed keep verifying. The private key is PKCS #8 PEM: protect backups of the
 * database as the key itself.
 *
 * @example
 * ```ts
 * const area: Area = { name: 'credentials', migrations: [platformKeysMigration, certificatesMigration], register };
 * ```
 */
export const platformKeysMigration: Migration = {
  id: '055_platform_keys',
  sql: `
CREATE TABLE platform_keys (
  kid TEXT PRIMARY KEY,
  purpose TEXT NOT NULL,
  algorithm TEXT NOT NULL,
  public_jwk TEXT NOT NULL,
  private_pkcs8 TEXT NOT NULL,
  created_at TEXT NOT NULL,
  retired_at TEXT
);
CREATE UNIQUE INDEX platform_keys_current ON platform_keys (purpose) WHERE retired_at IS NULL;
`,
};

/**
 * Certificates of completed registrations: one per registration (issuing again answers the same one), its
 * signed credential kept as issued (`compact_jws`, the proof) beside the certificate as served (`data`).
 * Read by id (public, unguessable), by participant account (their competencies) and by association.
 *
 * @example
 * ```ts
 * const area: Area = { name: 'credentials', migrations: [platformKeysMigration, certificatesMigration], register };
 * ```
 */
export const certificatesMigration: Migration = {
  id: '056_certificates',
  sql: `
CREATE TABLE certificates (
  id TEXT PRIMARY KEY,
  registration_id TEXT NOT NULL UNIQUE,
  association_id TEXT NOT NULL,
  participant_account_id TEXT,
  course_id TEXT NOT NULL,
  session_id TEXT NOT NULL,
  kid TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  revoked_at TEXT,
  compact_jws TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX certificates_by_participant ON certificates (participant_account_id, issued_at);
CREATE INDEX certificates_by_association ON certificates (association_id, issued_at);
`,
};
