import type { Migration } from '../../db/db.js';

/**
 * The calendar secrets: one per account at most, stored as its sha256 only (the secret is shown once, when
 * issued). Calendar apps cannot send a bearer token, so the secret in the calendar's address stands for it;
 * issuing a new one replaces the row, and the old address stops working.
 */
export const calendarTokensMigration: Migration = {
  id: '018_calendar_tokens',
  sql: `
CREATE TABLE calendar_tokens (
  account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
`,
};
