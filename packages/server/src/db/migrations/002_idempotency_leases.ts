import type { Migration } from '../db.js';

/**
 * Leases for idempotency keys (see `http/idempotency.ts`). A key still "in progress" names the attempt that
 * holds it (`claim_id`) and until when (`locked_until`, ISO 8601 UTC); once that instant is past, a retry
 * with the same key and request takes it over, so a write interrupted by a crash can be retried. Rows left
 * "in progress" by an older server have no lease and are free at once. `created_at` gets an index for the
 * 24-hour purge that runs with every keyed write.
 */
export const idempotencyLeasesMigration: Migration = {
  id: '002_idempotency_leases',
  sql: `
ALTER TABLE idempotency_keys ADD COLUMN claim_id TEXT;
ALTER TABLE idempotency_keys ADD COLUMN locked_until TEXT;
CREATE INDEX idempotency_keys_by_created_at ON idempotency_keys (created_at);
`,
};
