export { AUDIT_ACTIONS, type AuditAction } from '@nassij/contract';
export type { Area, SeedContext } from './areas/area.js';
export { AREAS } from './areas/index.js';
export { hashPassword, verifyPassword } from './auth/password.js';
export {
  type AccountRecord,
  bearerToken,
  checkToken,
  issueToken,
  loadAccount,
  readAccount,
  revokeAccountTokens,
  revokeToken,
  TOKEN_LIFETIME_MS,
  toInstant,
} from './auth/tokens.js';
export {
  type AuditEntry,
  type AuditFilter,
  type AuditRecord,
  audit,
  readAudit,
} from './db/audit.js';
export type { Db, Migration, SqlValue } from './db/db.js';
export { isTransactionConflict, isUniqueViolation } from './db/errors.js';
export { isNewDatabase, migrate } from './db/migrate.js';
export { coreMigration } from './db/migrations/001_core.js';
export { idempotencyLeasesMigration } from './db/migrations/002_idempotency_leases.js';
export { auditReasonsMigration } from './db/migrations/003_audit_reasons.js';
export { isPostgresUrl, openDatabase } from './db/open.js';
export { openPostgres, TransactionConflict } from './db/postgres.js';
export { openSqlite, StartupError } from './db/sqlite.js';
export { tableExists } from './db/tables.js';
export {
  type ApiApp,
  type ApiAppOptions,
  type AppEnv,
  type BindOptions,
  bind,
  type Clock,
  clientIp,
  createApiApp,
  type Handler,
  type HandlerInput,
  type HandlerResult,
  MAX_JSON_BYTES,
} from './http/app.js';
export {
  type AddressResolver,
  addressResolver,
  forwardedFor,
  normalizeAddress,
  type ProxyHeader,
  parseTrustProxy,
  type TrustProxy,
} from './http/client-address.js';
export { decodeCursor, encodeCursor } from './http/cursor.js';
export { etagMatches, etagOf, requireIfMatch } from './http/etag.js';
export { createLogger, type Logger, type LogLevel } from './http/log.js';
export { ApiError, type ProblemExtra, problem, problemDocument, problemResponse } from './http/problem.js';
export {
  DEFAULT_RATE_LIMIT,
  DEFAULT_SIGN_IN_LIMITS,
  RateLimiter,
  type RateLimitOptions,
  rateLimited,
  type SignInAttempt,
  type SignInLimits,
  SignInThrottle,
} from './http/rate-limit.js';
export { DEMO_ACCOUNTS, type DemoAccount, type DemoAccountKey } from './seed/demo.js';
export { mulberry32, seedFor } from './seed/prng.js';
export { type RunningServer, type ServerOptions, startServer } from './server.js';
