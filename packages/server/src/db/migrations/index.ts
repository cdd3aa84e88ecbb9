import { mailHeadersMigration, mailOutboxMigration } from '../../mail/outbox.js';
import type { Migration } from '../db.js';
import { coreMigration } from './001_core.js';
import { idempotencyLeasesMigration } from './002_idempotency_leases.js';
import { auditReasonsMigration } from './003_audit_reasons.js';
import { auditSeqMigration } from './004_audit_seq.js';
import { rateLimitsMigration } from './007_rate_limits.js';
import { auditCallIdMigration } from './062_audit_call_id.js';

export {
  auditCallIdMigration,
  auditReasonsMigration,
  auditSeqMigration,
  coreMigration,
  idempotencyLeasesMigration,
  mailHeadersMigration,
  mailOutboxMigration,
  rateLimitsMigration,
};

/**
 * Every migration of the core tables (accounts, tokens, idempotency keys, the audit log, files, shared
 * counters), in order: what a server applies before its areas' migrations. A new core migration is added
 * here only, so no caller can forget one.
 *
 * @example
 * ```ts
 * await migrate(db, [...CORE_MIGRATIONS, ...areas.flatMap((area) => area.migrations)]);
 * ```
 */
export const CORE_MIGRATIONS: readonly Migration[] = [
  coreMigration,
  idempotencyLeasesMigration,
  auditReasonsMigration,
  auditSeqMigration,
  rateLimitsMigration,
  mailOutboxMigration,
  mailHeadersMigration,
  auditCallIdMigration,
];
