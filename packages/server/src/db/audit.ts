import { randomUUID } from 'node:crypto';
import type { Db } from './db.js';

/** One line of the audit log: who did what to which resource. */
export interface AuditEntry {
  at: Date;
  accountId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  requestId?: string;
  details?: Record<string, unknown>;
}

/**
 * Appends to the audit log (sign-ins, submissions, moderation decisions).
 *
 * @example
 * ```ts
 * audit(db, { at: now, accountId: auth.id, action: 'application.submit', targetType: 'application', targetId: id, requestId });
 * ```
 */
export function audit(db: Db, entry: AuditEntry): void {
  db.run(
    'INSERT INTO audit_log (id, at, account_id, action, target_type, target_id, request_id, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [
      randomUUID(),
      entry.at.toISOString(),
      entry.accountId,
      entry.action,
      entry.targetType ?? null,
      entry.targetId ?? null,
      entry.requestId ?? null,
      entry.details ? JSON.stringify(entry.details) : null,
    ],
  );
}
