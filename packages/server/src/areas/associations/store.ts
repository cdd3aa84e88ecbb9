import {
  type Association,
  type AssociationStats,
  type AssociationSummary,
  type EligibilityProfile,
  foldForSearch,
  fromMinorUnits,
  type LocalizedText,
  profileOf,
  type RegionCode,
} from '@nassij/contract';
import type { Db, SqlValue } from '../../db/db.js';
import { tableExists } from '../../db/tables.js';
import { indexForSearch } from '../../search/search.js';

/** The search-index kind of associations. */
export const ASSOCIATION_KIND = 'association';

interface Row {
  data: string;
}

/**
 * Stores (inserts or replaces) an association with its domains and indexes it for search, in one
 * transaction. `stats` is never stored: it is computed on read.
 *
 * @example
 * ```ts
 * saveAssociation(db, { id: 'asso_0001', registrationNumber: 'REC-2008-0001', ... });
 * ```
 */
export function saveAssociation(db: Db, association: Association): void {
  const { stats: _stats, ...stored } = association;
  const sortName = foldForSearch(association.name.ar ?? association.name.fr ?? association.name.zgh ?? '');
  db.transaction(() => {
    db.run('DELETE FROM association_domains WHERE association_id = ?', [association.id]);
    db.run('DELETE FROM associations WHERE id = ?', [association.id]);
    db.run(
      `INSERT INTO associations (id, registration_number, name, name_sort, acronym, region, legal_form, founded_on,
         public_utility, size_band, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        association.id,
        association.registrationNumber,
        JSON.stringify(association.name),
        sortName,
        association.acronym ?? null,
        association.region,
        association.legalForm,
        association.foundedOn,
        association.publicUtility ? 1 : 0,
        association.sizeBand,
        JSON.stringify(stored),
      ],
    );
    for (const domain of new Set(association.domains)) {
      db.run('INSERT INTO association_domains (association_id, domain) VALUES (?, ?)', [
        association.id,
        domain,
      ]);
    }
    indexForSearch(db, ASSOCIATION_KIND, association.id, [
      association.name,
      association.acronym,
      association.registrationNumber,
      association.commune,
      association.province,
    ]);
  });
}

/**
 * Reads one association as stored (without `stats`), or `undefined`.
 *
 * @example
 * ```ts
 * const association = readAssociation(db, 'asso_0001');
 * ```
 */
export function readAssociation(db: Db, id: string): Association | undefined {
  const row = db.get<Row>('SELECT data FROM associations WHERE id = ?', [id]);
  return row ? (JSON.parse(row.data) as Association) : undefined;
}

/**
 * The eligibility profile of an association (what calls' rules look at), or `undefined`.
 *
 * @example
 * ```ts
 * const profile = associationProfile(db, 'asso_0001');
 * if (profile) evaluateEligibility(call.eligibility, profile, now.toISOString());
 * ```
 */
export function associationProfile(db: Db, id: string): EligibilityProfile | undefined {
  const association = readAssociation(db, id);
  return association ? profileOf(association) : undefined;
}

/**
 * The name of an association in every language it has, or `undefined`.
 *
 * @example
 * ```ts
 * associationName(db, 'asso_0001')?.ar;
 * ```
 */
export function associationName(db: Db, id: string): LocalizedText | undefined {
  const row = db.get<{ name: string }>('SELECT name FROM associations WHERE id = ?', [id]);
  return row ? (JSON.parse(row.name) as LocalizedText) : undefined;
}

/**
 * The region code of an association, or `undefined`.
 *
 * @example
 * ```ts
 * associationRegion(db, 'asso_0001'); // 'MA-09'
 * ```
 */
export function associationRegion(db: Db, id: string): RegionCode | undefined {
  return db.get<{ region: RegionCode }>('SELECT region FROM associations WHERE id = ?', [id])?.region;
}

/**
 * What a list shows of an association.
 *
 * @example
 * ```ts
 * const row = toSummary(readAssociation(db, 'asso_0001')!);
 * ```
 */
export function toSummary(association: Association): AssociationSummary {
  return {
    id: association.id,
    name: association.name,
    ...(association.acronym ? { acronym: association.acronym } : {}),
    legalForm: association.legalForm,
    region: association.region,
    domains: association.domains,
    sizeBand: association.sizeBand,
    publicUtility: association.publicUtility,
  };
}

/** First query of `attempts` that runs; the tables of other areas may differ in shape or not exist yet. */
function firstNumber(db: Db, table: string, attempts: readonly string[], params: SqlValue[]): number {
  if (!tableExists(db, table)) return 0;
  for (const sql of attempts) {
    try {
      const row = db.get<{ n: number | bigint | null }>(sql, params);
      return Number(row?.n ?? 0);
    } catch {
      // Try the next shape.
    }
  }
  return 0;
}

/**
 * What an association has done on the platform, computed from the applications, awards and training
 * registrations tables (each counted as zero while its area's table is absent).
 *
 * @example
 * ```ts
 * associationStats(db, 'asso_0001').trainingsAttended;
 * ```
 */
export function associationStats(db: Db, id: string): AssociationStats {
  const callsAppliedTo = firstNumber(
    db,
    'applications',
    [
      "SELECT COUNT(DISTINCT call_id) AS n FROM applications WHERE association_id = ? AND status <> 'draft'",
      'SELECT COUNT(DISTINCT call_id) AS n FROM applications WHERE association_id = ?',
    ],
    [id],
  );
  const awardsReceived = firstNumber(
    db,
    'awards',
    ['SELECT COUNT(*) AS n FROM awards WHERE association_id = ?'],
    [id],
  );
  const amountMinor = firstNumber(
    db,
    'awards',
    [
      'SELECT COALESCE(SUM(amount_minor), 0) AS n FROM awards WHERE association_id = ?',
      'SELECT COALESCE(SUM(amount), 0) AS n FROM awards WHERE association_id = ?',
    ],
    [id],
  );
  const trainingsAttended = firstNumber(
    db,
    'training_registrations',
    [
      "SELECT COUNT(*) AS n FROM training_registrations WHERE association_id = ? AND status IN ('attended', 'completed')",
    ],
    [id],
  );
  return {
    callsAppliedTo,
    awardsReceived,
    amountReceived: fromMinorUnits(Math.max(0, Math.trunc(amountMinor))),
    trainingsAttended,
  };
}
