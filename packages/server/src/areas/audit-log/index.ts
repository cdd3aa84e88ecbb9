import { exportCallAudit, listAudit } from '@nassij/contract';
import type { Area } from '../area.js';
import { exportCallAuditHandler } from './call-trail.js';
import { toAuditLogEntry } from './entry.js';
import { listAuditHandler } from './listing.js';
import { auditCallIdOfApplicationsMigration } from './migrations.js';

export { toAuditLogEntry };

/**
 * The audit log as admins read it: `GET /v1/admin/audit`, newest first, filtered by action, actor, target
 * and time, in keyset pages (a line written while an admin pages through never shifts the pages); and one
 * call's whole trail, JSON or CSV, for its organisation's admins (`GET /v1/calls/{callId}/audit`).
 *
 * @example
 * ```ts
 * const AREAS: Area[] = [..., auditLogArea];
 * ```
 */
export const auditLogArea: Area = {
  name: 'audit-log',
  // The table is the core migrations': every area writes to it. This area's one migration reads the
  // applications table, which a call's trail covers.
  migrations: [auditCallIdOfApplicationsMigration],
  register(app) {
    app.bind(listAudit, listAuditHandler);
    app.bind(exportCallAudit, exportCallAuditHandler);
  },
};
