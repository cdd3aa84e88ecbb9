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
