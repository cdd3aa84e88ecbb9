export { AUDIT_ACTIONS, type AuditAction } from '@nassij/contract';
export {
  type AuditEntry,
  type AuditFilter,
  type AuditRecord,
  audit,
  readAudit,
} from './audit.js';
export type { Db, Migration, SqlValue } from './db.js';
export { isNewDatabase, migrate } from './migrate.js';
export { coreMigration } from './migrations/001_core.js';
export { idempotencyLeasesMigration } from './migrations/002_idempotency_leases.js';
export { auditReasonsMigration } from './migrations/003_audit_reasons.js';
export { auditSeqMigration } from './migrations/004_audit_seq.js';
export { rateLimitsMigration } from './migrations/007_rate_limits.js';
export { CORE_MIGRATIONS } from './migrations/index.js';
export { openSqlite, StartupError } from './sqlite.js';
export { tableExists } from './tables.js';
