import type { Migration } from '../../db/db.js';

/**
 * What the file rules need on `attachments` (a table of `020_calls`): `purged_at`, set when the stored bytes
 * were deleted under the retention rule or an erasure (the row, its hash and scan state stay as the record of
 * what was submitted); `uploaded_by`, the account that uploaded it (`NULL` for rows from before, and for the
 * demo's), so that an erasure finds a person's documents; an index by digest, because a stored file is
 * deleted only when no attachment refers to its bytes any more.
 *
 * @example
 * ```ts
 * const area: Area = { name: 'applications', migrations: [attachmentFilesMigration], register };
 * ```
 */
export const attachmentFilesMigration: Migration = {
  id: '021_attachment_files',
  sql: `
ALTER TABLE attachments ADD COLUMN purged_at TEXT;
ALTER TABLE attachments ADD COLUMN uploaded_by TEXT;
CREATE INDEX attachments_by_sha ON attachments (sha256);
CREATE INDEX attachments_by_uploader ON attachments (uploaded_by);
`,
};

/**
 * Bounded application lists and receipt numbers: an index per keyset (`applications_by_association_updated`
 * for an association's own list, `applications_by_call_submitted` for the reviewers' list of a call), and
 * `receipt_number` as a column (filled from the stored receipts) with an index, so that the next number of
 * a year is one indexed `MAX` instead of reading every submitted application's JSON.
 *
 * @example
 * ```ts
 * const area: Area = { name: 'applications', migrations: [attachmentFilesMigration, applicationKeysetsMigration], register };
 * ```
 */
export const applicationKeysetsMigration: Migration = {
  id: '023_application_keysets',
  sql: {
    sqlite: `
ALTER TABLE applications ADD COLUMN receipt_number TEXT;
UPDATE applications SET receipt_number = json_extract(data, '$.receipt.number') WHERE submitted_at IS NOT NULL;
CREATE INDEX applications_by_receipt ON applications (receipt_number);
CREATE INDEX applications_by_association_updated ON applications (association_id, updated_at DESC, id);
CREATE INDEX applications_by_call_submitted ON applications (call_id, submitted_at, id);
`,
    postgres: `
ALTER TABLE applications ADD COLUMN receipt_number TEXT;
UPDATE applications SET receipt_number = (data::json -> 'receipt' ->> 'number') WHERE submitted_at IS NOT NULL;
CREATE INDEX applications_by_receipt ON applications (receipt_number);
CREATE INDEX applications_by_association_updated ON applications (association_id, updated_at DESC, id);
CREATE INDEX applications_by_call_submitted ON applications (call_id, submitted_at, id);
`,
  },
};

/**
 * An association's figures (`associationStats`: calls applied to, awards and their amount) read from
 * covering indexes: at national scale the demo associations hold hundreds of applications and awards
 * (cloned calls keep their applicants), and reading each row for its `call_id` or amount took 5–7 ms a
 * figure. The new indexes replace the narrower ones of the same name.
 *
 * @example
 * ```ts
 * const area: Area = { name: 'applications', migrations: [..., associationFiguresMigration], register };
 * ```
 */
export const associationFiguresMigration: Migration = {
  id: '024_association_figures',
  sql: `
DROP INDEX applications_by_association;
CREATE INDEX applications_by_association ON applications (association_id, status, call_id);
DROP INDEX awards_by_association;
CREATE INDEX awards_by_association ON awards (association_id, amount_minor);
`,
};

/**
 * Review governance: the eligibility check of each application (`eligibility_checks`, one per application,
 * made by the call's staff before any scoring), each assigned reviewer's conflict-of-interest declaration on
 * an application, made before it is shown to them (`conflict_declarations`), and the end of the appeal window
 * of a decision (`decisions.appeal_until`). Applications already past the check (under review, awarded, or
 * rejected after a decision) get an admissible check dated when they went under review; reviews already
 * written bring the declaration their reviewer made with them.
 *
 * @example
 * ```ts
 * const area: Area = { name: 'applications', migrations: [..., reviewGovernanceMigration], register };
 * ```
 */
export const reviewGovernanceMigration: Migration = {
  id: '026_review_governance',
  sql: `
CREATE TABLE eligibility_checks (
  application_id TEXT PRIMARY KEY REFERENCES applications(id) ON DELETE CASCADE,
  admissible INTEGER NOT NULL,
  reason TEXT,
  checked_at TEXT NOT NULL,
  checked_by TEXT
);
INSERT INTO eligibility_checks (application_id, admissible, checked_at)
  SELECT a.id, 1, COALESCE(
    (SELECT MIN(h.at) FROM application_history h WHERE h.application_id = a.id AND h.status = 'under_review'),
    a.submitted_at, a.updated_at)
  FROM applications a
  WHERE a.status IN ('under_review', 'awarded')
     OR (a.status = 'rejected' AND EXISTS (SELECT 1 FROM decisions d WHERE d.application_id = a.id));

CREATE TABLE conflict_declarations (
  application_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
  reviewer_id TEXT NOT NULL,
  declared INTEGER NOT NULL,
  statement TEXT,
  declared_at TEXT NOT NULL,
  PRIMARY KEY (application_id, reviewer_id)
);
CREATE INDEX conflict_declarations_by_reviewer ON conflict_declarations (reviewer_id, application_id);
INSERT INTO conflict_declarations (application_id, reviewer_id, declared, statement, declared_at)
  SELECT application_id, reviewer_id, conflict_declared, statement, submitted_at FROM reviews;

ALTER TABLE decisions ADD COLUMN appeal_until TEXT;
`,
};

/**
 * Attachments taken from an association's document vault (issue 18): the vault document they came from and
 * the last day it is valid, as it was when attached. The attachment shares the document's stored file (same
 * digest, no new upload) and keeps it stored after the vault lets it go; `valid_until` lets a submission
 * refuse an expired document (`document_expired`) without reading the vault.
 *
 * @example
 * ```ts
 * const area: Area = { name: 'applications', migrations: [..., attachmentsFromVaultMigration], register };
 * ```
 */
export const attachmentsFromVaultMigration: Migration = {
  id: '027_attachments_from_vault',
  sql: `
ALTER TABLE attachments ADD COLUMN vault_document_id TEXT;
ALTER TABLE attachments ADD COLUMN valid_until TEXT;
`,
};
