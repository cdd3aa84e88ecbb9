import type { Migration } from '../db.js';

/**
 * Fills `call_id` of existing lines, per dialect: the call a line concerns is the call itself, else the
 * `callId` its details name (reviews, decisions, reports, disbursements); only a text `callId` counts, as
 * `audit()` writes it. Exported for the test that checks a backfilled line reads as a new one.
 */
export const AUDIT_CALL_ID_BACKFILL = {
  sqlite: `
UPDATE audit_log
   SET call_id = CASE WHEN target_type = 'call' AND target_id IS NOT NULL THEN target_id
                      ELSE json_extract(details, '$.callId') END
 WHERE (target_type = 'call' AND target_id IS NOT NULL)
    OR (json_valid(details) AND json_type(details, '$.callId') = 'text');`,
  postgres: `
UPDATE audit_log
   SET call_id = CASE WHEN target_type = 'call' AND target_id IS NOT NULL THEN target_id
                      ELSE details::jsonb ->> 'callId' END
 WHERE (target_type = 'call' AND target_id IS NOT NULL)
    OR (details LIKE '%"callId"%' AND jsonb_typeof(details::jsonb -> 'callId') = 'string');`,
};

const INDEXES = `
CREATE INDEX audit_log_by_call ON audit_log (call_id, at, seq);
CREATE INDEX audit_log_by_target_type ON audit_log (target_type, at, seq);
`;

/**
 * Two listings the audit log's indexes could not order:
 * - a call's trail (`GET /v1/calls/{callId}/audit`) searched `details` with `LIKE '%"callId":"…"%'`, a scan
 *   of the whole log on every export. `call_id` now names the call a line concerns, written by `audit()`
 *   and backfilled here, and `(call_id, at, seq)` reads a trail in order, batch after batch;
 * - `GET /v1/admin/audit?targetType=` without `targetId`: `(target_type, target_id, at, seq)` cannot give
 *   every line of a type in time order, so the database sorted them all; `(target_type, at, seq)` can.
 *
 * Lines on an application that do not name their call are backfilled by the audit-log area's
 * `062_audit_call_id_applications`, which may read the applications table (a core migration runs without
 * the areas' tables).
 */
export const auditCallIdMigration: Migration = {
  id: '062_audit_call_id',
  sql: {
    sqlite: `ALTER TABLE audit_log ADD COLUMN call_id TEXT;${AUDIT_CALL_ID_BACKFILL.sqlite}${INDEXES}`,
    postgres: `ALTER TABLE audit_log ADD COLUMN call_id TEXT;${AUDIT_CALL_ID_BACKFILL.postgres}${INDEXES}`,
  },
};
