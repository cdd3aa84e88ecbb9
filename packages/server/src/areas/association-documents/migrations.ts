import type { Migration } from '../../db/db.js';

/**
 * The document vault of associations (issue 18): one row per document, its stored file by digest
 * (`sha256:<hex>`, shared with any attachment taken from it), its kind, the year a report covers and its
 * validity. `fiscal_year` is named so on purpose: the demo's dates move to today by whole years there too.
 * No foreign key to `associations`: `saveAssociation` replaces that row on every write, which a cascade
 * would follow.
 *
 * @example
 * ```ts
 * const area: Area = { name: 'association-documents', migrations: [associationDocumentsMigration], register };
 * ```
 */
export const associationDocumentsMigration: Migration = {
  id: '016_association_documents',
  sql: `
CREATE TABLE association_documents (
  id TEXT PRIMARY KEY,
  association_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  fiscal_year INTEGER,
  valid_from TEXT,
  valid_until TEXT,
  file_name TEXT NOT NULL,
  size INTEGER NOT NULL,
  media_type TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  scan_state TEXT NOT NULL,
  uploaded_by TEXT,
  uploaded_at TEXT NOT NULL
);
CREATE INDEX association_documents_by_association ON association_documents (association_id, kind, fiscal_year);
CREATE INDEX association_documents_by_sha ON association_documents (sha256);
CREATE INDEX association_documents_by_uploader ON association_documents (uploaded_by);
`,
};

/**
 * The index of the vault's keyset order (`VAULT_ORDER` in `store.ts`): an association's documents newest
 * year first, then by kind, the latest upload first. `association_documents_by_association (association_id,
 * kind, fiscal_year)` serves the lookups by kind and year but not this order, so every list sorted the
 * whole vault; the vault gains documents every year.
 *
 * @example
 * ```ts
 * migrations: [associationDocumentsMigration, vaultOrderMigration],
 * ```
 */
export const vaultOrderMigration: Migration = {
  id: '064_association_documents_listed',
  sql: `
CREATE INDEX association_documents_listed
  ON association_documents (association_id, COALESCE(fiscal_year, 0) DESC, kind, uploaded_at DESC, id);
`,
};
