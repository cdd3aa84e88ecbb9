import type { Migration } from '../../db/db.js';

/**
 * Claims on associations. `association_id` is the claimed association (`claim`), or for `register` the one
 * created at verification (none before: a refused registration leaves no association); `proposed` the JSON
 * of the proposed association. `receipt_key` is the receipt number folded as search folds it, without spaces,
 * so that "REC-2008-0001" and "rec 2008 0001" are one receipt: a receipt has at most one claim that is not
 * refused (`association_claims_open_receipt`), which also makes "one pending claim per account and
 * association" hold, since a claim carries the association's own receipt number. `region` is the
 * association's: a regional council reviews the claims of its region (`association_claims_by_region`).
 *
 * `association_claim_files` holds the receipt and the mandate of each claim (`sha256:<hex>` of the stored
 * bytes, registered with the file keeper so that the sweep keeps them).
 */
export const associationClaimsMigration: Migration = {
  id: '013_association_claims',
  sql: `
CREATE TABLE association_claims (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('claim', 'register')),
  association_id TEXT,
  proposed TEXT,
  association_name TEXT NOT NULL,
  region TEXT NOT NULL,
  receipt_number TEXT NOT NULL,
  receipt_key TEXT NOT NULL,
  receipt_date TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'verified', 'refused')),
  reason TEXT,
  created_at TEXT NOT NULL,
  decided_by TEXT,
  decided_at TEXT
);
CREATE UNIQUE INDEX association_claims_open_receipt ON association_claims (receipt_key) WHERE state <> 'refused';
CREATE INDEX association_claims_newest ON association_claims (created_at, id);
CREATE INDEX association_claims_by_state ON association_claims (state, created_at, id);
CREATE INDEX association_claims_by_region ON association_claims (region, state, created_at, id);
CREATE INDEX association_claims_by_account ON association_claims (account_id, created_at);

CREATE TABLE association_claim_files (
  claim_id TEXT NOT NULL REFERENCES association_claims(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('receipt', 'mandate')),
  file_sha256 TEXT NOT NULL,
  file_name TEXT NOT NULL,
  size INTEGER NOT NULL,
  media_type TEXT NOT NULL,
  PRIMARY KEY (claim_id, role)
);
CREATE INDEX association_claim_files_by_sha ON association_claim_files (file_sha256);
`,
};

/**
 * The index of a regional council's queue of every state, `claims.list?region=` without `state`, in the
 * listing's newest-first order: `association_claims_by_region (region, state, created_at, id)` cannot
 * order it (its second key is the state), so the plan walked every claim of the country newest first and
 * dropped those of other regions.
 *
 * @example
 * ```ts
 * migrations: [associationClaimsMigration, claimsByRegionNewestMigration],
 * ```
 */
export const claimsByRegionNewestMigration: Migration = {
  id: '064_association_claims_by_region_newest',
  sql: `
CREATE INDEX association_claims_by_region_newest ON association_claims (region, created_at, id);
`,
};
