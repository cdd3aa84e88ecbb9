import type { Migration } from '../../db/db.js';

/**
 * The version each contribution without one was written on: the latest version published at or before it,
 * or the first version when it predates them all (a consultation seeded before its text's date). Exported
 * so a test can check that it gives, for the demo data, what the seed writes.
 */
export const CONTRIBUTION_VERSION_BACKFILL = `
UPDATE contributions SET version_id = COALESCE(
  (SELECT v.id FROM consultation_versions v
    WHERE v.consultation_id = contributions.consultation_id AND v.published_at <= contributions.created_at
    ORDER BY v.position DESC LIMIT 1),
  (SELECT v.id FROM consultation_versions v
    WHERE v.consultation_id = contributions.consultation_id
    ORDER BY v.position LIMIT 1)
) WHERE version_id IS NULL;`;

/**
 * Each contribution records the version of the text current when it was written, so that read under a
 * newer version it can say whether its article changed or went away since, and an amendment can be shown
 * against the very wording it amends. Rows written before this are given the version current at their
 * `created_at` (both columns are ISO 8601 UTC text of one format, so they compare as text).
 */
export const contributionVersionsMigration: Migration = {
  id: '045_contribution_versions',
  sql: `
ALTER TABLE contributions ADD COLUMN version_id TEXT;
${CONTRIBUTION_VERSION_BACKFILL}
`,
};

/**
 * The synthesis being written, one per consultation, saved whole (`PUT`) under an ETag. The published
 * synthesis stays in `consultations.synthesis`, which the public reads; this table is staff-only.
 */
export const synthesisDraftsMigration: Migration = {
  id: '046_synthesis_drafts',
  sql: `
CREATE TABLE synthesis_drafts (
  consultation_id TEXT PRIMARY KEY REFERENCES consultations(id) ON DELETE CASCADE,
  revision INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  published_at TEXT,
  data TEXT NOT NULL
);
`,
};
