import type { AuditLogEntry } from '@nassij/contract';
import type { AuditRecord } from '../../db/audit.js';

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
