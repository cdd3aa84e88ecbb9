import type { Migration } from '../../db/db.js';

// The start of the information phase of consultations written before this migration, from their JSON.
const BACKFILL_SQLITE = `
UPDATE consultations SET information_at = (
  SELECT json_extract(p.value, '$.period.start') FROM json_each(consultations.data, '$.phases') p
  WHERE json_extract(p.value, '$.phase') = 'information'
);
UPDATE consultations SET contributions_close_at = (
  SELECT json_extract(p.value, '$.period.start') FROM json_each(consultations.data, '$.phases') p
  WHERE json_extract(p.value, '$.phase') = 'closed'
) WHERE contributions_close_at IS NULL;`;

const BACKFILL_POSTGRES = `
UPDATE consultations SET information_at = (
  SELECT p->'period'->>'start' FROM jsonb_array_elements(consultations.data::jsonb->'phases') p
  WHERE p->>'phase' = 'information' LIMIT 1
);
UPDATE consultations SET contributions_close_at = (
  SELECT p->'period'->>'start' FROM jsonb_array_elements(consultations.data::jsonb->'phases') p
  WHERE p->>'phase' = 'closed' LIMIT 1
) WHERE contributions_close_at IS NULL;`;

const TABLES = `
ALTER TABLE consultations ADD COLUMN information_at TEXT;
ALTER TABLE consultations ADD COLUMN closure TEXT;

CREATE TABLE consultation_drafts (
  id TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL,
  state TEXT NOT NULL,
  revision INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT,
  fields TEXT NOT NULL
);
CREATE INDEX consultation_drafts_by_organisation ON consultation_drafts (organisation_id, updated_at, id);
CREATE INDEX consultations_by_sector_created ON consultations (issuing_sector, created_at, id);
`;

/**
 * Consultations written by their organisation's staff, and phases that follow the clock.
 *
 * - `consultations.information_at`: the start of the information phase, beside the start and end of
 *   contributions already there, so that lists compute each consultation's phase at the request's clock
 *   in SQL (`consultationPhaseSql`) rather than trusting the phase stored when it was written;
 *   `contributions_close_at` now falls back to the start of the `closed` phase when contributions had no
 *   planned end. Both are filled from the stored JSON of existing consultations.
 * - `consultations.closure`: the public reason of an early close (JSON `{at, reason}`).
 * - `consultation_drafts`: a consultation while its staff write it (fields as JSON, a revision for
 *   `If-Match`); publishing writes the consultation under the same id and marks the draft `published`.
 */
export const consultationAuthoringMigration: Migration = {
  id: '044_consultation_authoring',
  sql: { sqlite: TABLES + BACKFILL_SQLITE, postgres: TABLES + BACKFILL_POSTGRES },
};
