import type { Migration } from '../../db/db.js';

/**
 * The lines on an application that do not name their call in `details` (an attachment taken from the vault,
 * a purge past retention) get the application's call as `call_id`, so that the call's trail still shows
 * them. Core migration `062_audit_call_id` added the column and filled it for the other lines; this one
 * reads the applications table (the calls area's), which a core migration cannot: the core tables also
 * run without the areas. `audit()` fills new lines the same way.
 */
export const auditCallIdOfApplicationsMigration: Migration = {
  id: '062_audit_call_id_applications',
  sql: `
UPDATE audit_log
   SET call_id = (SELECT a.call_id FROM applications a WHERE a.id = audit_log.target_id)
 WHERE call_id IS NULL AND target_type = 'application';
`,
};
