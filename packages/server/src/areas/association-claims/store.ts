// The SQL of claims on associations: a claim and its two files are written together, read back as the
// contract's `AssociationClaim`, listed newest first in keyset pages, and decided once.
import {
  type AssociationClaim,
  type ClaimFile,
  type ClaimFileRole,
  type ClaimState,
  foldForSearch,
  type LocalizedText,
  type ProposedAssociation,
  type RegionCode,
} from '@nassij/contract';
import type { Db, SqlValue } from '../../db/db.js';
import { type Keyset, keysetClause, keysetPage, orderByClause, readKeysetCursor } from '../../http/cursor.js';

/**
 * A receipt number as claims compare it: folded as search folds it (case, accents, punctuation), its words
 * joined by dashes in upper case, so that "REC-2008-0001", "rec 2008 0001" and "REC/2008/0001" are one
 * receipt. The key keeps the look of a reference, so that the demo seed's move of reference years
 * (`time-shift.ts`) moves it as it moves the receipt number itself.
 *
 * @example
 * ```ts
 * receiptKeyOf('rec 2008/0001'); // 'REC-2008-0001'
 * ```
 */
export function receiptKeyOf(receiptNumber: string): string {
  return foldForSearch(receiptNumber).split(' ').join('-').toUpperCase();
}

/** A stored file of a claim: its digest (`sha256:<hex>`) and what the API shows of it. */
export interface StoredClaimFile extends ClaimFile {
  sha256: string;
}

/** A claim with what the API does not show: the digests of its files. */
export interface StoredClaim {
  claim: AssociationClaim;
  files: Record<ClaimFileRole, StoredClaimFile>;
}

interface ClaimRow {
  id: string;
  account_id: string;
  display_name: string;
  kind: AssociationClaim['kind'];
  association_id: string | null;
  proposed: string | null;
  association_name: string;
  region: RegionCode;
  receipt_number: string;
  receipt_date: string;
  state: ClaimState;
  reason: string | null;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
}

interface FileRow {
  claim_id: string;
  role: ClaimFileRole;
  file_sha256: string;
  file_name: string;
  size: number;
  media_type: string;
}

const CLAIM_COLUMNS = `c.id, c.account_id, a.display_name, c.kind, c.association_id, c.proposed, c.association_name,
  c.region, c.receipt_number, c.receipt_date, c.state, c.reason, c.created_at, c.decided_by, c.decided_at`;

function toClaim(row: ClaimRow, files: Record<ClaimFileRole, StoredClaimFile>): AssociationClaim {
  const shown = (file: StoredClaimFile): ClaimFile => ({
    fileName: file.fileName,
    size: file.size,
    mediaType: file.mediaType,
  });
  return {
    id: row.id,
    accountId: row.account_id,
    claimantName: row.display_name,
    kind: row.kind,
    ...(row.association_id ? { associationId: row.association_id } : {}),
    ...(row.proposed ? { proposed: JSON.parse(row.proposed) as ProposedAssociation } : {}),
    associationName: JSON.parse(row.association_name) as LocalizedText,
    region: row.region,
    receiptNumber: row.receipt_number,
    receiptDate: row.receipt_date,
    receipt: shown(files.receipt),
    mandate: shown(files.mandate),
    state: row.state,
    ...(row.reason ? { reason: row.reason } : {}),
    createdAt: row.created_at,
    ...(row.decided_by ? { decidedBy: row.decided_by } : {}),
    ...(row.decided_at ? { decidedAt: row.decided_at } : {}),
  };
}

/** Reads the files of these claims and builds the claims, in the rows' order. */
async function withFiles(db: Db, rows: ClaimRow[]): Promise<StoredClaim[]> {
  if (rows.length === 0) return [];
  const files = await db.all<FileRow>(
    `SELECT claim_id, role, file_sha256, file_name, size, media_type FROM association_claim_files
     WHERE claim_id IN (${rows.map(() => '?').join(', ')})`,
    rows.map((row) => row.id),
  );
  const byClaim = new Map<string, Partial<Record<ClaimFileRole, StoredClaimFile>>>();
  for (const file of files) {
    const entry = byClaim.get(file.claim_id) ?? {};
    entry[file.role] = {
      sha256: file.file_sha256,
      fileName: file.file_name,
      size: Number(file.size),
      mediaType: file.media_type,
    };
    byClaim.set(file.claim_id, entry);
  }
  return rows.map((row) => {
    const entry = byClaim.get(row.id);
    if (!entry?.receipt || !entry.mandate) throw new Error(`Claim ${row.id} lacks a file`);
    const stored = { receipt: entry.receipt, mandate: entry.mandate };
    return { claim: toClaim(row, stored), files: stored };
  });
}

/**
 * Stores a new claim and its two files, in the caller's transaction.
 *
 * @example
 * ```ts
 * await insertClaim(db, claim, { receipt, mandate });
 * ```
 */
export async function insertClaim(
  db: Db,
  claim: Omit<AssociationClaim, 'claimantName' | 'receipt' | 'mandate'>,
  files: Record<ClaimFileRole, StoredClaimFile>,
): Promise<void> {
  await db.write(
    `INSERT INTO association_claims (id, account_id, kind, association_id, proposed, association_name, region,
       receipt_number, receipt_key, receipt_date, state, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      claim.id,
      claim.accountId,
      claim.kind,
      claim.associationId ?? null,
      claim.proposed ? JSON.stringify(claim.proposed) : null,
      JSON.stringify(claim.associationName),
      claim.region,
      claim.receiptNumber,
      receiptKeyOf(claim.receiptNumber),
      claim.receiptDate,
      claim.state,
      claim.createdAt,
    ],
  );
  for (const role of ['receipt', 'mandate'] as const) {
    const file = files[role];
    await db.write(
      `INSERT INTO association_claim_files (claim_id, role, file_sha256, file_name, size, media_type)
       VALUES (?, ?, ?, ?, ?, ?)`,
      [claim.id, role, file.sha256, file.fileName, file.size, file.mediaType],
    );
  }
}

/**
 * One claim with its files, or `undefined`.
 *
 * @example
 * ```ts
 * const stored = await readClaim(db, params.claimId);
 * ```
 */
export async function readClaim(db: Db, claimId: string): Promise<StoredClaim | undefined> {
  const row = await db.one<ClaimRow>(
    `SELECT ${CLAIM_COLUMNS} FROM association_claims c JOIN accounts a ON a.id = c.account_id WHERE c.id = ?`,
    [claimId],
  );
  return row ? (await withFiles(db, [row]))[0] : undefined;
}

/**
 * The claims of an account, newest first.
 *
 * @example
 * ```ts
 * const { items } = { items: await claimsOfAccount(db, auth.id) };
 * ```
 */
export async function claimsOfAccount(db: Db, accountId: string): Promise<AssociationClaim[]> {
  const rows = await db.all<ClaimRow>(
    `SELECT ${CLAIM_COLUMNS} FROM association_claims c JOIN accounts a ON a.id = c.account_id
     WHERE c.account_id = ? ORDER BY c.created_at DESC, c.id DESC`,
    [accountId],
  );
  return (await withFiles(db, rows)).map((stored) => stored.claim);
}

/** The listing's one order, newest first. */
const NEWEST: Keyset = {
  name: 'newest',
  keys: [
    { expr: 'c.created_at', desc: true },
    { expr: 'c.id', desc: true },
  ],
};

/**
 * A page of claims, newest first, optionally of one state and one region (a regional council's queue).
 *
 * @example
 * ```ts
 * const page = await listClaimPage(db, { state: 'pending', region: 'MA-09', limit: 20 });
 * ```
 */
export async function listClaimPage(
  db: Db,
  query: {
    state?: ClaimState | undefined;
    region?: RegionCode | undefined;
    limit: number;
    cursor?: string | undefined;
  },
): Promise<{ items: AssociationClaim[]; nextCursor: string | null }> {
  const after = readKeysetCursor(query.cursor, NEWEST.name, NEWEST.keys.length);
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (query.state) {
    where.push('c.state = ?');
    params.push(query.state);
  }
  if (query.region) {
    where.push('c.region = ?');
    params.push(query.region);
  }
  const keyset = keysetClause(NEWEST, after);
  where.push(`(${keyset.sql})`);
  params.push(...keyset.params);
  const rows = await db.all<ClaimRow>(
    `SELECT ${CLAIM_COLUMNS} FROM association_claims c JOIN accounts a ON a.id = c.account_id
     WHERE ${where.join(' AND ')} ${orderByClause(NEWEST)} LIMIT ?`,
    [...params, query.limit + 1],
  );
  const page = keysetPage(rows, query.limit, NEWEST.name, (row) => [row.created_at, row.id]);
  return {
    items: (await withFiles(db, page.items)).map((stored) => stored.claim),
    nextCursor: page.nextCursor,
  };
}

/**
 * Whether a claim that is not refused (pending or verified) holds this receipt number.
 *
 * @example
 * ```ts
 * if (await receiptHeld(db, fields.receiptNumber)) throw problem('receipt_already_claimed');
 * ```
 */
export async function receiptHeld(db: Db, receiptNumber: string, exceptClaimId?: string): Promise<boolean> {
  const row = await db.one(
    "SELECT 1 AS held FROM association_claims WHERE receipt_key = ? AND state <> 'refused' AND id <> ? LIMIT 1",
    [receiptKeyOf(receiptNumber), exceptClaimId ?? ''],
  );
  return row !== undefined;
}

/**
 * Whether an association of the directory already carries this receipt number, as given (trimmed) or in
 * upper case: a registration must claim that association instead of registering it again. The directory's
 * `registration_number` is unique and indexed, so this is two lookups.
 *
 * @example
 * ```ts
 * if (await receiptInDirectory(db, fields.receiptNumber)) throw problem('receipt_already_claimed');
 * ```
 */
export async function receiptInDirectory(db: Db, receiptNumber: string): Promise<boolean> {
  const number = receiptNumber.trim();
  const row = await db.one('SELECT 1 AS held FROM associations WHERE registration_number IN (?, ?)', [
    number,
    number.toUpperCase(),
  ]);
  return row !== undefined;
}

/**
 * Records the decision on a pending claim; returns whether it was still pending (a concurrent decision
 * wins otherwise). A verified registration records the id of the association it created.
 *
 * @example
 * ```ts
 * await decideClaim(db, claim.id, { state: 'refused', by: auth.id, at: now, reason });
 * ```
 */
export async function decideClaim(
  db: Db,
  claimId: string,
  decision: {
    state: 'verified' | 'refused';
    by: string;
    at: string;
    reason?: string;
    associationId?: string;
  },
): Promise<boolean> {
  const updated = await db.write(
    `UPDATE association_claims SET state = ?, decided_by = ?, decided_at = ?, reason = ?,
       association_id = COALESCE(?, association_id)
     WHERE id = ? AND state = 'pending'`,
    [
      decision.state,
      decision.by,
      decision.at,
      decision.reason ?? null,
      decision.associationId ?? null,
      claimId,
    ],
  );
  return updated.changes > 0;
}
