// SQL ↔ contract objects for the stages that come before a decision: the eligibility check of an
// application, and each reviewer's conflict-of-interest declaration on it (see `026_review_governance`).
import type { ConflictDeclaration, EligibilityCheck } from '@nassij/contract';
import type { Db } from '../../db/db.js';
import { marks } from '../../db/faceted-search.js';

/**
 * Records (or replaces) the eligibility check of an application. Its status change is the caller's.
 *
 * @example
 * ```ts
 * await writeEligibilityCheck(db, id, { admissible: true, checkedAt: now.toISOString() }, auth.id);
 * ```
 */
export async function writeEligibilityCheck(
  db: Db,
  applicationId: string,
  check: EligibilityCheck,
  checkedBy?: string,
): Promise<void> {
  await db.write(
    `INSERT INTO eligibility_checks (application_id, admissible, reason, checked_at, checked_by)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (application_id) DO UPDATE SET admissible = excluded.admissible, reason = excluded.reason,
       checked_at = excluded.checked_at, checked_by = excluded.checked_by`,
    [applicationId, check.admissible ? 1 : 0, check.reason ?? null, check.checkedAt, checkedBy ?? null],
  );
}

/**
 * The eligibility check of an application, if made.
 *
 * @example
 * ```ts
 * (await readEligibilityCheck(db, id))?.admissible; // true
 * ```
 */
export async function readEligibilityCheck(
  db: Db,
  applicationId: string,
): Promise<EligibilityCheck | undefined> {
  const row = await db.one<{ admissible: number | boolean; reason: string | null; checked_at: string }>(
    'SELECT admissible, reason, checked_at FROM eligibility_checks WHERE application_id = ?',
    [applicationId],
  );
  if (!row) return undefined;
  return {
    admissible: Boolean(Number(row.admissible)),
    ...(row.reason !== null ? { reason: row.reason } : {}),
    checkedAt: row.checked_at,
  };
}

interface DeclarationRow {
  application_id: string;
  reviewer_id: string;
  declared: number | boolean;
  statement: string | null;
  declared_at: string;
}

function declarationOf(row: DeclarationRow): ConflictDeclaration {
  return {
    applicationId: row.application_id,
    reviewerId: row.reviewer_id,
    declared: Boolean(Number(row.declared)),
    ...(row.statement !== null ? { statement: row.statement } : {}),
    declaredAt: row.declared_at,
  };
}

/**
 * Records (or replaces) a reviewer's declaration on an application.
 *
 * @example
 * ```ts
 * await writeConflictDeclaration(db, { applicationId, reviewerId: auth.id, declared: false, declaredAt });
 * ```
 */
export async function writeConflictDeclaration(db: Db, declaration: ConflictDeclaration): Promise<void> {
  await db.write(
    `INSERT INTO conflict_declarations (application_id, reviewer_id, declared, statement, declared_at)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (application_id, reviewer_id) DO UPDATE SET declared = excluded.declared,
       statement = excluded.statement, declared_at = excluded.declared_at`,
    [
      declaration.applicationId,
      declaration.reviewerId,
      declaration.declared ? 1 : 0,
      declaration.statement ?? null,
      declaration.declaredAt,
    ],
  );
}

/**
 * A reviewer's declaration on an application, if made.
 *
 * @example
 * ```ts
 * const declaration = await readConflictDeclaration(db, applicationId, auth.id);
 * if (!declaration) throw problem('declaration_required');
 * ```
 */
export async function readConflictDeclaration(
  db: Db,
  applicationId: string,
  reviewerId: string,
): Promise<ConflictDeclaration | undefined> {
  const row = await db.one<DeclarationRow>(
    'SELECT * FROM conflict_declarations WHERE application_id = ? AND reviewer_id = ?',
    [applicationId, reviewerId],
  );
  return row ? declarationOf(row) : undefined;
}

/**
 * A reviewer's declarations on several applications (one page of a listing), by application id.
 *
 * @example
 * ```ts
 * const mine = await declarationsOf(db, auth.id, page.items.map((item) => item.id));
 * mine.get(id)?.declared; // false
 * ```
 */
export async function declarationsOf(
  db: Db,
  reviewerId: string,
  applicationIds: readonly string[],
): Promise<Map<string, ConflictDeclaration>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await db.all<DeclarationRow>(
    `SELECT * FROM conflict_declarations WHERE reviewer_id = ? AND application_id IN (${marks(applicationIds)})`,
    [reviewerId, ...applicationIds],
  );
  return new Map(rows.map((row) => [row.application_id, declarationOf(row)]));
}
