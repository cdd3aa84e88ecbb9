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
 * The call a line concerns, as its `call_id` records it: the call itself, or the call its details name
 * (`details.callId`: reviews, decisions, reports, disbursements). `undefined` when neither says; a line on
 * an application then takes the application's call (see {@link audit}).
 */
function namedCallId(entry: AuditEntry): string | undefined {
  if (entry.targetType === 'call' && entry.targetId) return entry.targetId;
  const named = entry.details?.callId;
  return typeof named === 'string' ? named : undefined;
}

/**
 * Appends to the audit log. Call it in the transaction of the change it records, so that the change and
 * its audit line commit together. The line's `call_id` (what a call's trail reads, by index) is the call
 * it concerns: the target when it is a call, else `details.callId`, else, for a line on an application,
 * that application's call.
 *
 * @example
 * ```ts
 * audit(db, { at: now, accountId: auth.id, action: 'contribution.moderate', targetType: 'contribution', targetId: id, reason, requestId });
 * ```
 */
export async function audit(db: Db, entry: AuditEntry): Promise<void> {
  const callId = namedCallId(entry);
  // Only a line on an application reads the applications table: the core tables work without the areas.
  const ofApplication = callId === undefined && entry.targetType === 'application' && entry.targetId;
  const callIdValue = ofApplication ? '(SELECT call_id FROM applications WHERE id = ?)' : '?';
  await db.write(
    // PostgreSQL numbers the line itself (an identity column). SQLite runs one write at a time, so max + 1
    // (one step down the unique index on seq) cannot collide.
    db.dialect === 'postgres'
      ? `INSERT INTO audit_log (id, at, account_id, action, target_type, target_id, request_id, reason, details, call_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ${callIdValue})`
      : `INSERT INTO audit_log (id, at, account_id, action, target_type, target_id, request_id, reason, details, call_id, seq)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ${callIdValue}, (SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_log))`,
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
      ofApplication ? (entry.targetId as string) : (callId ?? null),
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
 * The audit log's listing order, newest first: by instant, then by the order lines were written. Every
 * listing filter has an index ending in `(at, seq)` (migrations `004_audit_seq`; `062_audit_call_id` for a
 * target type alone).
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
 * The order of a call's trail, oldest first: by instant, then by the order lines were written. The index
 * `(call_id, at, seq)` (migration `062_audit_call_id`) answers every batch as one range.
 */
export const CALL_TRAIL_ORDER: Keyset = {
  name: 'oldest',
  keys: [{ expr: 'at' }, { expr: 'seq' }],
};

/**
 * One batch of a call's audit trail, oldest first: the lines on the call itself, on its applications, and
 * any line whose details name it (reviews, decisions, reports, disbursements), strictly after `after` (the
 * last line of the previous batch), at most `limit`. What an audit of the call (the Court of Accounts)
 * reads, batch after batch, so that a trail of any length streams in flat memory.
 *
 * @example
 * ```ts
 * const first = await readCallAuditBatch(db, callId, undefined, 500);
 * const second = await readCallAuditBatch(db, callId, first.at(-1), 500);
 * ```
 */
export async function readCallAuditBatch(
  db: Db,
  callId: string,
  after: Pick<AuditRecord, 'at' | 'seq'> | undefined,
  limit: number,
): Promise<AuditRecord[]> {
  const resume = keysetClause(CALL_TRAIL_ORDER, after ? [after.at, after.seq] : undefined);
  return await queryAudit(
    db,
    `WHERE call_id = ? AND ${resume.sql}`,
    [callId, ...resume.params],
    Math.max(1, Math.trunc(limit)),
    CALL_TRAIL_ORDER,
  );
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
  order: Keyset = AUDIT_ORDER,
): Promise<AuditRecord[]> {
  const rows = await db.all<AuditRow>(
    `SELECT seq, id, at, account_id, action, target_type, target_id, request_id, reason, details FROM audit_log
     ${where} ${orderByClause(order)}${limit === undefined ? '' : ' LIMIT ?'}`,
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
