export { type AuditEntry, audit } from './audit.js';
export type { Db, Migration, SqlValue } from './db.js';
export { isNewDatabase, migrate } from './migrate.js';
export { coreMigration } from './migrations/001_core.js';
export { idempotencyLeasesMigration } from './migrations/002_idempotency_leases.js';
export { openSqlite, StartupError } from './sqlite.js';
