import { type AuditLogEntry, listAudit } from '@nassij/contract';
import { AUDIT_ORDER, type AuditRecord, readAudit } from '../../db/audit.js';
import { keysetPage, readKeysetCursor } from '../../http/cursor.js';
import type { Area } from '../area.js';

/**
 * An audit line as the API shows it to admins.
 *
 * @example
 * ```ts
 * readAudit(db, { targetId }).map(toAuditLogEntry);
 * ```
 */
export function toAuditLogEntry(record: AuditRecord): AuditLogEntry {
  return {
    id: record.id,
    at: record.at,
    ...(record.accountId ? { actorId: record.accountId } : {}),
    action: record.action,
    ...(record.targetType && record.targetId
      ? { target: { type: record.targetType, id: record.targetId } }
      : {}),
    ...(record.reason ? { reason: record.reason } : {}),
    ...(record.requestId ? { requestId: record.requestId } : {}),
    ...(record.details ? { details: record.details } : {}),
  };
}

/**
 * The audit log as admins read it: `GET /v1/admin/audit`, newest first, filtered by action, actor, target
 * and time, in keyset pages (a line written while an admin pages through never shifts the pages).
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
  },
};
