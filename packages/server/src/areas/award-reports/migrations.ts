import type { Migration } from '../../db/db.js';

/**
 * What follows an award. `award_reports` holds a row per report once the association first submits it (a
 * report without a row is `due`): its status, the last submission and the funder's last review as JSON, and
 * the `sha256:` id of the submission's file, indexed, so that whoever deletes stored files can see in one
 * lookup that a report still uses one.
 * `disbursements` holds the tranches paid; `(award_id, tranche)` is unique, so two staff recording a tranche
 * at once cannot both take the same number, and the sum check runs in the same transaction as the insert.
 * No foreign key to `awards`: the applications area owns that table and decides when its rows are written.
 *
 * @example
 * ```ts
 * const area: Area = { name: 'award-reports', migrations: [awardReportsMigration], register };
 * ```
 */
export const awardReportsMigration: Migration = {
  id: '030_award_reports',
  sql: `
CREATE TABLE award_reports (
  award_id TEXT NOT NULL,
  requirement_id TEXT NOT NULL,
  call_id TEXT NOT NULL,
  association_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('submitted', 'accepted', 'returned')),
  updated_at TEXT NOT NULL,
  submission TEXT NOT NULL,
  review TEXT,
  file_sha256 TEXT,
  PRIMARY KEY (award_id, requirement_id)
);
CREATE INDEX award_reports_by_call ON award_reports (call_id);
CREATE INDEX award_reports_by_association ON award_reports (association_id);
CREATE INDEX award_reports_by_file ON award_reports (file_sha256) WHERE file_sha256 IS NOT NULL;

CREATE TABLE disbursements (
  id TEXT PRIMARY KEY,
  award_id TEXT NOT NULL,
  tranche INTEGER NOT NULL,
  amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
  paid_on TEXT NOT NULL,
  reference TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  UNIQUE (award_id, tranche)
);
`,
};

/**
 * Report files are scanned like application attachments: `file_scan_state` says where the scan of the
 * report's current file stands (`NULL` when it has none). A file stored before this migration was never
 * scanned: it is `pending`, and the first download scans it (see `reportFileHandler`).
 *
 * @example
 * ```ts
 * const area: Area = { name: 'award-reports', migrations: [awardReportsMigration, awardReportScansMigration], register };
 * ```
 */
export const awardReportScansMigration: Migration = {
  id: '031_award_report_scans',
  sql: `
ALTER TABLE award_reports ADD COLUMN file_scan_state TEXT
  CHECK (file_scan_state IN ('pending', 'clean', 'infected', 'error'));
UPDATE award_reports SET file_scan_state = 'pending' WHERE file_sha256 IS NOT NULL;
`,
};
