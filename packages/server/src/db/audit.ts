import { randomUUID } from 'node:crypto';
import type { AuditAction, LocalizedText } from '@nassij/contract';
import { type Keyset, keysetClause, orderByClause } from '../http/cursor.js';
import type { Db } from './db.js';

/**
 * One line of the audit log: who (`accountId`, `null` for the platform itself) did what (`action`) to which
 * resource, when, and why (`reason`, as the actor gave it). `details` holds what the decision was (the
 * outcome, the new state), never a personal key (device hash, address, e-mail).
 */
export interface AuditEntry {
  at: Date;
  accountId: string | null;
  /** One of the contract's `AUDIT_ACTIONS`. */
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  requestId?: string;
  reason?: string;
  details?: Record<string, unknown>;
}

/**
 * A public reason given in several languages, as the audit log keeps it: one line, each language named.
 *
 * @example
 * ```ts
 * auditReason({ ar: 'انتهاء المشاورات', fr: 'Fin anticipée' }); // 'ar: انتهاء المشاورات | fr: Fin anticipée'
 * ```
 */
export function auditReason(reason: LocalizedText): string {
  return Object.entries(reason)
    .map(([language, text]) => `${language}: ${text}`)
    .join(' | ');
}

/**
 * Appends to the audit log. Call it in the transaction of the change it records, so that the change and
 * its audit line commit together.
 *
 * @example
 * ```ts
 * audit(db, { at: now, accountId: auth.id, action: 'contribution.moderate', targetType: 'contribution', targetId: id, reason, requestId });
 * ```
 */
export async function audit(db: Db, entry: AuditEntry): Promise<void> {
  await db.write(
    // PostgreSQL numbers the line itself (an identity column). SQLite runs one write at a time, so max + 1
    // (one step down the unique index on seq) cannot collide.
    db.dialect === 'postgres'
      ? 'INSERT INTO audit_log (id, at, account_id, action, target_type, target_id, request_id, reason, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
      : `INSERT INTO audit_log (id, at, account_id, action, target_type, target_id, request_id, reason, details, seq)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_log))`,
    [
      randomUUID(),
      entry.at.toISOString(),
      entry.accountId,
      entry.action,
      entry.targetType ?? null,
      entry.targetId ?? null,
      entry.requestId ?? null,
      entry.reason ?? null,
      entry.details ? JSON.stringify(entry.details) : null,
    ],
  );
}

/** An audit line as read back. */
export interface AuditRecord {
  /** The line's number in the order lines were written: the tie-breaker of the listing's order. */
  seq: number;
  id: string;
  /** ISO 8601 UTC with milliseconds. */
  at: string;
  accountId: string | null;
  /** One of the contract's `AUDIT_ACTIONS`. */
  action: AuditAction;
  targetType: string | null;
  targetId: string | null;
  requestId: string | null;
  reason: string | null;
  details: Record<string, unknown> | null;
}

/**
 * The audit log's one order, newest first: by instant, then by the order lines were written. Every listing
 * filter has an index ending in `(at, seq)` (migration `004_audit_seq`).
 */
export const AUDIT_ORDER: Keyset = {
  name: 'newest',
  keys: [
    { expr: 'at', desc: true },
    { expr: 'seq', desc: true },
  ],
};

/** Filters of {@link readAudit}. */
export interface AuditFilter {
  accountId?: string;
  action?: AuditAction;
  targetType?: string;
  targetId?: string;
  /** Lines at or after this instant. */
  since?: Date;
  /** Lines strictly after this position in the listing's order (keyset pagination, newest first). */
  before?: { at: string; seq: number };
  /** At most this many lines (default 100, at most 1000). */
  limit?: number;
}

/**
 * Reads the audit log, newest first (what an admin-only listing would serve).
 *
 * @example
 * ```ts
 * readAudit(db, { targetType: 'contribution', targetId: id })[0]?.accountId; // the moderator
 * ```
 */
export async function readAudit(db: Db, filter: AuditFilter = {}): Promise<AuditRecord[]> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const columns = [
    ['account_id', filter.accountId],
    ['action', filter.action],
    ['target_type', filter.targetType],
    ['target_id', filter.targetId],
  ] as const;
  for (const [column, value] of columns) {
    if (value === undefined) continue;
    where.push(`${column} = ?`);
    params.push(value);
  }
  if (filter.since) {
    where.push('at >= ?');
    params.push(filter.since.toISOString());
  }
  const after = keysetClause(AUDIT_ORDER, filter.before ? [filter.before.at, filter.before.seq] : undefined);
  if (filter.before) {
    where.push(after.sql);
    params.push(...after.params);
  }
  const limit = Math.min(1000, Math.max(1, Math.trunc(filter.limit ?? 100)));
  return await queryAudit(db, where.length ? `WHERE ${where.join(' AND ')}` : '', params, limit);
}

/**
 * Every audit line an account is part of, as actor or as target, newest first and without a limit: what a
 * person's data export (law 09-08) must show.
 *
 * @example
 * ```ts
 * auditInvolving(db, accountId).map((line) => line.action);
 * ```
 */
export async function auditInvolving(db: Db, accountId: string): Promise<AuditRecord[]> {
  return await queryAudit(db, "WHERE account_id = ? OR (target_type = 'account' AND target_id = ?)", [
    accountId,
    accountId,
  ]);
}

/**
 * Every audit line of one call, oldest first: lines on the call itself, on its applications, and any line
 * whose details name it (`details.callId`: reviews, decisions, reports, disbursements). What an audit of the
 * call (the Court of Accounts) reads.
 *
 * @example
 * ```ts
 * (await auditOfCall(db, callId)).map((line) => line.action); // ['call.create', 'call.publish', …]
 * ```
 */
export async function auditOfCall(db: Db, callId: string): Promise<AuditRecord[]> {
  // Ids are letters, digits, '-' and '_': '_' is LIKE's one-character wildcard, so it is escaped.
  const named = `%"callId":"${callId.replaceAll('_', '\\_')}"%`;
  const lines = await queryAudit(
    db,
    `WHERE (target_type = 'call' AND target_id = ?)
        OR (target_type = 'application' AND target_id IN (SELECT id FROM applications WHERE call_id = ?))
        OR details LIKE ? ESCAPE '\\'`,
    [callId, callId, named],
  );
  return lines.reverse();
}

interface AuditRow {
  seq: number;
  id: string;
  at: string;
  account_id: string | null;
  action: AuditAction;
  target_type: string | null;
  target_id: string | null;
  request_id: string | null;
  reason: string | null;
  details: string | null;
}

async function queryAudit(
  db: Db,
  where: string,
  params: readonly (string | number)[],
  limit?: number,
): Promise<AuditRecord[]> {
  const rows = await db.all<AuditRow>(
    `SELECT seq, id, at, account_id, action, target_type, target_id, request_id, reason, details FROM audit_log
     ${where} ${orderByClause(AUDIT_ORDER)}${limit === undefined ? '' : ' LIMIT ?'}`,
    limit === undefined ? [...params] : [...params, limit],
  );
  return rows.map((row) => ({
    seq: row.seq,
    id: row.id,
    at: row.at,
    accountId: row.account_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    requestId: row.request_id,
    reason: row.reason,
    details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null,
  }));
}
