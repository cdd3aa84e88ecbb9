import {
  type Association,
  isExpiredOn,
  type ScanState,
  type VaultDocument,
  type VaultDocumentKind,
  YEARLY_VAULT_KINDS,
} from '@nassij/contract';
import type { Db } from '../../db/db.js';
import { tableExists } from '../../db/tables.js';
import { type Keyset, keysetClause, keysetPage, orderByClause, readKeysetCursor } from '../../http/cursor.js';
import { registerFileReferences } from '../applications/files.js';

// A vault document's bytes stay stored while the vault keeps it.
registerFileReferences('association_documents', 'sha256');

interface VaultRow {
  id: string;
  association_id: string;
  kind: VaultDocumentKind;
  fiscal_year: number | bigint | null;
  valid_from: string | null;
  valid_until: string | null;
  file_name: string;
  size: number | bigint;
  media_type: VaultDocument['mediaType'];
  sha256: string;
  scan_state: ScanState;
  uploaded_by: string | null;
  uploaded_at: string;
}

/** A vault document as stored: everything but `expired`, which depends on the day it is read. */
export type StoredVaultDocument = Omit<VaultDocument, 'expired'>;

function fromRow(row: VaultRow): StoredVaultDocument {
  return {
    id: row.id,
    associationId: row.association_id,
    kind: row.kind,
    ...(row.fiscal_year !== null ? { year: Number(row.fiscal_year) } : {}),
    ...(row.valid_from ? { validFrom: row.valid_from } : {}),
    ...(row.valid_until ? { validUntil: row.valid_until } : {}),
    fileName: row.file_name,
    size: Number(row.size),
    mediaType: row.media_type,
    sha256: row.sha256,
    scanState: row.scan_state,
    ...(row.uploaded_by ? { uploadedBy: row.uploaded_by } : {}),
    uploadedAt: row.uploaded_at,
  };
}

/**
 * A stored vault document as read on `today` (a Casablanca date): with `expired` set.
 *
 * @example
 * ```ts
 * asReadOn(stored, casablancaDate(now)).expired;
 * ```
 */
export function asReadOn(document: StoredVaultDocument, today: string): VaultDocument {
  return { ...document, expired: isExpiredOn(document.validUntil, today) };
}

/**
 * The vault's one order as a keyset: newest year first (documents without a year, such as statutes, last),
 * then by kind, the latest upload first, then id. The index `association_documents_listed` (migration
 * `064_association_documents_listed`) has the same keys after `association_id`, so a page is one range of it.
 */
export const VAULT_ORDER: Keyset = {
  name: 'vault',
  keys: [
    { expr: 'COALESCE(d.fiscal_year, 0)', desc: true },
    { expr: 'd.kind' },
    { expr: 'd.uploaded_at', desc: true },
    { expr: 'd.id' },
  ],
};

/**
 * One page of an association's vault in {@link VAULT_ORDER}, and the cursor of the next (`null` on the last).
 *
 * @example
 * ```ts
 * const { items, nextCursor } = await listVaultDocumentPage(db, 'asso_0001', { limit: 20 });
 * ```
 */
export async function listVaultDocumentPage(
  db: Db,
  associationId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ items: StoredVaultDocument[]; nextCursor: string | null }> {
  const after = readKeysetCursor(query.cursor, VAULT_ORDER.name, VAULT_ORDER.keys.length);
  const keyset = keysetClause(VAULT_ORDER, after);
  const rows = await db.all<VaultRow>(
    `SELECT * FROM association_documents d WHERE d.association_id = ? AND (${keyset.sql})
     ${orderByClause(VAULT_ORDER)} LIMIT ?`,
    [associationId, ...keyset.params, query.limit + 1],
  );
  const page = keysetPage(rows, query.limit, VAULT_ORDER.name, (row) => [
    Number(row.fiscal_year ?? 0),
    row.kind,
    row.uploaded_at,
    row.id,
  ]);
  return { items: page.items.map(fromRow), nextCursor: page.nextCursor };
}

/**
 * One document of an association's vault, or `undefined` (also when it belongs to another association).
 *
 * @example
 * ```ts
 * const document = await readVaultDocument(db, 'asso_0001', 'vdoc_000001');
 * ```
 */
export async function readVaultDocument(
  db: Db,
  associationId: string,
  documentId: string,
): Promise<StoredVaultDocument | undefined> {
  const row = await db.one<VaultRow>(
    'SELECT * FROM association_documents WHERE id = ? AND association_id = ?',
    [documentId, associationId],
  );
  return row ? fromRow(row) : undefined;
}

/**
 * Adds a document to a vault (its bytes are stored by the caller).
 *
 * @example
 * ```ts
 * await insertVaultDocument(db, { id, associationId, kind: 'statutes', fileName, size, mediaType, sha256,
 *   scanState: 'pending', uploadedBy: auth.id, uploadedAt });
 * ```
 */
export async function insertVaultDocument(db: Db, document: StoredVaultDocument): Promise<void> {
  await db.write(
    `INSERT INTO association_documents (id, association_id, kind, fiscal_year, valid_from, valid_until, file_name,
       size, media_type, sha256, scan_state, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      document.id,
      document.associationId,
      document.kind,
      document.year ?? null,
      document.validFrom ?? null,
      document.validUntil ?? null,
      document.fileName,
      document.size,
      document.mediaType,
      document.sha256,
      document.scanState,
      document.uploadedBy ?? null,
      document.uploadedAt,
    ],
  );
}

/**
 * Removes a document from a vault; `true` when one was removed. Attachments taken from it keep their own
 * row and the stored file (the file keeper counts them).
 *
 * @example
 * ```ts
 * if (!(await deleteVaultDocument(db, associationId, documentId))) throw problem('not_found');
 * ```
 */
export async function deleteVaultDocument(
  db: Db,
  associationId: string,
  documentId: string,
): Promise<boolean> {
  return (
    (
      await db.write('DELETE FROM association_documents WHERE id = ? AND association_id = ?', [
        documentId,
        associationId,
      ])
    ).changes > 0
  );
}

/**
 * Records the scan of a vault document, unless it left `pending` meanwhile; attachments of the same bytes
 * still `pending` (taken from this document before its scan ended) get the same state, since the scan
 * judges the bytes. `true` when recorded.
 *
 * @example
 * ```ts
 * await recordVaultScanState(db, document.id, await getScanner().scan(bytes, document.mediaType));
 * ```
 */
export async function recordVaultScanState(
  db: Db,
  documentId: string,
  state: Exclude<ScanState, 'pending'>,
): Promise<boolean> {
  return await db.atomic(async () => {
    const row = await db.one<{ sha256: string }>(
      "SELECT sha256 FROM association_documents WHERE id = ? AND scan_state = 'pending'",
      [documentId],
    );
    if (!row) return false;
    await db.write('UPDATE association_documents SET scan_state = ? WHERE id = ?', [state, documentId]);
    if (await tableExists(db, 'attachments'))
      await db.write("UPDATE attachments SET scan_state = ? WHERE sha256 = ? AND scan_state = 'pending'", [
        state,
        row.sha256,
      ]);
    return true;
  });
}

/**
 * The years for which an association's vault holds both the activity report and the financial report, in
 * order: what the directory shows as "annual reports filed".
 *
 * @example
 * ```ts
 * await reportsFiledIn(db, 'asso_0001'); // [2020, 2021, 2022, 2023, 2024, 2025]
 * ```
 */
export async function reportsFiledIn(db: Db, associationId: string): Promise<number[]> {
  const rows = await db.all<{ year: number | bigint }>(
    `SELECT fiscal_year AS year FROM association_documents
     WHERE association_id = ? AND kind IN (?, ?) AND fiscal_year IS NOT NULL
     GROUP BY fiscal_year HAVING COUNT(DISTINCT kind) = 2 ORDER BY fiscal_year`,
    [associationId, ...YEARLY_VAULT_KINDS],
  );
  return rows.map((row) => Number(row.year));
}

/**
 * Copies the years the vault proves (see {@link reportsFiledIn}) into the association's public record
 * (`compliance.annualReportsFiled`), which the directory, the eligibility rules and the record's readers read
 * without a join. Call it in the transaction that changed the vault, so both commit together.
 *
 * @example
 * ```ts
 * await db.atomic(async () => { await insertVaultDocument(db, document); await syncReportsFiled(db, associationId); });
 * ```
 */
export async function syncReportsFiled(db: Db, associationId: string): Promise<number[]> {
  const row = await db.one<{ data: string }>('SELECT data FROM associations WHERE id = ?', [associationId]);
  if (!row) return [];
  const association = JSON.parse(row.data) as Association;
  const years = await reportsFiledIn(db, associationId);
  if (JSON.stringify(association.compliance.annualReportsFiled) === JSON.stringify(years)) return years;
  association.compliance = { ...association.compliance, annualReportsFiled: years };
  await db.write('UPDATE associations SET data = ? WHERE id = ?', [
    JSON.stringify(association),
    associationId,
  ]);
  return years;
}
