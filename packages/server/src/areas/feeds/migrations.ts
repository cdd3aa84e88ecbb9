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

/**
 * The SQL of a synthesis's publication instant, per dialect: `consultations.synthesis` is the published
 * synthesis as JSON text (`NULL` until published). The syntheses feed orders by exactly this expression,
 * so that the index below answers it.
 */
export const SYNTHESIS_PUBLISHED_AT = {
  sqlite: "json_extract(synthesis, '$.publishedAt')",
  postgres: "(synthesis::jsonb ->> 'publishedAt')",
} as const;

/**
 * The syntheses feed reads the newest published syntheses by this index, `LIMIT` entries, instead of every
 * consultation with a synthesis sorted in memory. An expression index on the stored JSON, owned by the
 * feeds area (its only reader), so the consultations' own table definition does not change; partial, as
 * most consultations have no synthesis yet.
 */
export const synthesisFeedIndexMigration: Migration = {
  id: '063_synthesis_feed_index',
  sql: {
    sqlite: `CREATE INDEX consultations_by_synthesis_published ON consultations (${SYNTHESIS_PUBLISHED_AT.sqlite}, id) WHERE synthesis IS NOT NULL;`,
    postgres: `CREATE INDEX consultations_by_synthesis_published ON consultations (${SYNTHESIS_PUBLISHED_AT.postgres}, id) WHERE synthesis IS NOT NULL;`,
  },
};
