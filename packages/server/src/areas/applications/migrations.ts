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
