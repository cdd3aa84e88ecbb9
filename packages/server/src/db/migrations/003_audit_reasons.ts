import type { Migration } from '../db.js';

/**
 * The audit log records why as well as who and when: `reason` is the reason the actor gave (a moderator's,
 * a decision's), kept apart from `details` so that an admin listing can show it without parsing JSON.
 * Indexes serve the admin listing, newest first, by actor or by action.
 */
export const auditReasonsMigration: Migration = {
  id: '003_audit_reasons',
  sql: `
ALTER TABLE audit_log ADD COLUMN reason TEXT;
CREATE INDEX audit_log_by_at ON audit_log (at);
CREATE INDEX audit_log_by_account ON audit_log (account_id, at);
CREATE INDEX audit_log_by_action ON audit_log (action, at);
`,
};
