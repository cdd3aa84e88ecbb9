import { exportCallAudit, listAudit } from '@nassij/contract';
import { AUDIT_ORDER, readAudit } from '../../db/audit.js';
import { keysetPage, readKeysetCursor } from '../../http/cursor.js';
import type { Area } from '../area.js';
import { exportCallAuditHandler } from './call-trail.js';
import { toAuditLogEntry } from './entry.js';

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
  // The table is the core migration's: every area writes to it.
  migrations: [],
  register(app) {
    app.bind(listAudit, async ({ db, query }) => {
      const after = readKeysetCursor(query.cursor, AUDIT_ORDER.name, AUDIT_ORDER.keys.length);
      const records = await readAudit(db, {
        ...(query.action ? { action: query.action } : {}),
        ...(query.actorId ? { accountId: query.actorId } : {}),
        ...(query.targetType ? { targetType: query.targetType } : {}),
        ...(query.targetId ? { targetId: query.targetId } : {}),
        ...(query.since ? { since: new Date(query.since) } : {}),
        ...(after ? { before: { at: String(after[0]), seq: Number(after[1]) } } : {}),
        limit: query.limit + 1,
      });
      const page = keysetPage(records, query.limit, AUDIT_ORDER.name, (record) => [record.at, record.seq]);
      return { body: { items: page.items.map(toAuditLogEntry), nextCursor: page.nextCursor } };
    });
    app.bind(exportCallAudit, exportCallAuditHandler);
  },
};
