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
import { marks } from '../../db/faceted-search.js';
import { tableExists } from '../../db/tables.js';
import { cachedFigure } from '../../db/versioned-cache.js';
import { indexForSearch } from '../../search/search.js';
import { domainsKeySql, groupKeysSql } from './migrations.js';

/** The search-index kind of associations. */
export const ASSOCIATION_KIND = 'association';

interface Row {
  data: string;
}

/**
 * Characters of the folded name kept in `name_sort`: the directory's sort key goes into page cursors, which
 * carry at most 256 characters a value and 512 in all, while a name may be long. Names alike over their
 * first 60 characters fall to the id, the keyset's last key.
 */
export const NAME_SORT_LENGTH = 60;

/**
 * The sort key of an association's name: its first name (Arabic, else French, else Tifinagh) folded as
 * search folds it, cut to {@link NAME_SORT_LENGTH} characters (code points, as SQL's `substr` counts them).
 *
 * @example
 * ```ts
 * nameSortOf({ ar: 'الجمعيّة تيفاوين' }); // 'الجمعيه تيفاوين'
 * ```
 */
export function nameSortOf(name: LocalizedText): string {
  const folded = foldForSearch(name.ar ?? name.fr ?? name.zgh ?? '');
  return Array.from(folded).slice(0, NAME_SORT_LENGTH).join('');
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
export async function saveAssociation(db: Db, association: Association): Promise<void> {
  const { stats: _stats, ...stored } = association;
  const sortName = nameSortOf(association.name);
  await db.atomic(async () => {
    // Its old combination of filter values loses it in the facet cube (no row when it is new)…
    await db.write(
      `UPDATE association_facet_cube SET n = n - 1
       WHERE (region, legal_form, public_utility, domains) = (
         SELECT a.region, a.legal_form, a.public_utility, ${domainsKeySql(db.dialect, 'a.id')}
         FROM associations a WHERE a.id = ?)`,
      [association.id],
    );
    await db.write('DELETE FROM association_domains WHERE association_id = ?', [association.id]);
    await db.write('DELETE FROM associations WHERE id = ?', [association.id]);
    await db.write(
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
      await db.write('INSERT INTO association_domains (association_id, domain) VALUES (?, ?)', [
        association.id,
        domain,
      ]);
    }
    // …and its new one counts it, keyed by the same SQL.
    await db.write(
      `INSERT INTO association_facet_cube (region, legal_form, public_utility, domains, n)
       SELECT a.region, a.legal_form, a.public_utility, ${domainsKeySql(db.dialect, 'a.id')}, 1
       FROM associations a WHERE a.id = ?
       ON CONFLICT (region, legal_form, public_utility, domains) DO UPDATE SET n = association_facet_cube.n + 1`,
      [association.id],
    );
    await indexForSearch(
      db,
      ASSOCIATION_KIND,
      association.id,
      [
        association.name,
        association.acronym,
        association.registrationNumber,
        association.commune,
        association.province,
        // What the association says it does, as its representative wrote it (issue 18).
        association.descriptions,
      ],
      // On PostgreSQL a text's pages walk the directory's names there (`076_association_sort_keys`).
      { sortKey: sortName },
    );
    if (db.dialect === 'sqlite') await saveSearchKeys(db, association, sortName);
    else
      await db.write(
        `UPDATE search_docs s SET group_keys = (SELECT ${groupKeysSql('a')} FROM associations a WHERE a.id = s.id)
         WHERE s.kind = ? AND s.id = ?`,
        [ASSOCIATION_KIND, association.id],
      );
  });
}

/**
 * Writes what a text search reads of an association (`012_association_search_keys`) under its search
 * docid, which `indexForSearch` has just given it: called inside `saveAssociation`'s transaction, after its
 * domains and its words, so that a search never sees one without the other.
 */
async function saveSearchKeys(db: Db, association: Association, sortName: string): Promise<void> {
  // A domain seen for the first time takes the next bit (16 domains today; the table allows 63).
  await db.write(
    `INSERT INTO association_domain_bits (domain, bit)
     SELECT x.domain, (SELECT COALESCE(MAX(bit) + 1, 0) FROM association_domain_bits) + ROW_NUMBER() OVER (ORDER BY x.domain) - 1
     FROM association_domains x WHERE x.association_id = ?
       AND NOT EXISTS (SELECT 1 FROM association_domain_bits b WHERE b.domain = x.domain)`,
    [association.id],
  );
  await db.write(
    `INSERT OR REPLACE INTO association_search_keys (docid, region, legal_form, public_utility, domains)
     SELECT d.docid, ?, ?, ?, (
       SELECT COALESCE(SUM(1 << b.bit), 0) FROM association_domains x
       JOIN association_domain_bits b ON b.domain = x.domain WHERE x.association_id = d.id)
     FROM search_docs d WHERE d.kind = ? AND d.id = ?`,
    [
      association.region,
      association.legalForm,
      association.publicUtility ? 1 : 0,
      ASSOCIATION_KIND,
      association.id,
    ],
  );
  await db.write(
    `INSERT OR REPLACE INTO association_search_names (docid, name_sort, association_id)
     SELECT docid, ?, id FROM search_docs WHERE kind = ? AND id = ?`,
    [sortName, ASSOCIATION_KIND, association.id],
  );
}

/**
 * Reads one association as stored (without `stats`), or `undefined`.
 *
 * @example
 * ```ts
 * const association = readAssociation(db, 'asso_0001');
 * ```
 */
export async function readAssociation(db: Db, id: string): Promise<Association | undefined> {
  const row = await db.one<Row>('SELECT data FROM associations WHERE id = ?', [id]);
  return row ? (JSON.parse(row.data) as Association) : undefined;
}

/**
 * Reads several associations as stored (without `stats`) in one query, by id; unknown ids are absent from
 * the map.
 *
 * @example
 * ```ts
 * const byId = await readAssociations(db, ['asso_0001', 'asso_0002']);
 * byId.get('asso_0001')?.region; // 'MA-09'
 * ```
 */
export async function readAssociations(db: Db, ids: readonly string[]): Promise<Map<string, Association>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.all<{ id: string; data: string }>(
    `SELECT id, data FROM associations WHERE id IN (${marks(unique)})`,
    unique,
  );
  return new Map(rows.map((row) => [row.id, JSON.parse(row.data) as Association]));
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
export async function associationProfile(db: Db, id: string): Promise<EligibilityProfile | undefined> {
  const association = await readAssociation(db, id);
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
export async function associationName(db: Db, id: string): Promise<LocalizedText | undefined> {
  const row = await db.one<{ name: string }>('SELECT name FROM associations WHERE id = ?', [id]);
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
export async function associationRegion(db: Db, id: string): Promise<RegionCode | undefined> {
  return (await db.one<{ region: RegionCode }>('SELECT region FROM associations WHERE id = ?', [id]))?.region;
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
async function firstNumber(
  db: Db,
  table: string,
  attempts: readonly string[],
  params: SqlValue[],
): Promise<number> {
  if (!(await tableExists(db, table))) return 0;
  for (const sql of attempts) {
    try {
      const row = await db.one<{ n: number | bigint | null }>(sql, params);
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
export async function associationStats(db: Db, id: string): Promise<AssociationStats> {
  // Four independent reads, each answered by a covering index: in parallel on the reader threads.
  const [callsAppliedTo, awardsReceived, amountMinor, trainingsAttended] = await Promise.all([
    firstNumber(
      db,
      'applications',
      [
        "SELECT COUNT(DISTINCT call_id) AS n FROM applications WHERE association_id = ? AND status <> 'draft'",
        'SELECT COUNT(DISTINCT call_id) AS n FROM applications WHERE association_id = ?',
      ],
      [id],
    ),
    firstNumber(db, 'awards', ['SELECT COUNT(*) AS n FROM awards WHERE association_id = ?'], [id]),
    firstNumber(
      db,
      'awards',
      [
        'SELECT COALESCE(SUM(amount_minor), 0) AS n FROM awards WHERE association_id = ?',
        'SELECT COALESCE(SUM(amount), 0) AS n FROM awards WHERE association_id = ?',
      ],
      [id],
    ),
    firstNumber(
      db,
      'training_registrations',
      [
        "SELECT COUNT(*) AS n FROM training_registrations WHERE association_id = ? AND status IN ('attended', 'completed')",
      ],
      [id],
    ),
  ]);
  return {
    callsAppliedTo,
    awardsReceived,
    amountReceived: fromMinorUnits(Math.max(0, Math.trunc(amountMinor))),
    trainingsAttended,
  };
}

/**
 * The public record of an association with its figures, as `GET /v1/associations/{id}` shows it; kept per
 * data version until the association, or an application, award or training registration, is written.
 *
 * @example
 * ```ts
 * const profile = await publicAssociation(db, 'asso_0001');
 * profile?.stats.awardsReceived;
 * ```
 */
export async function publicAssociation(db: Db, id: string): Promise<Association | undefined> {
  return await cachedFigure(db, {
    key: `association|${id}`,
    tables: [...DIRECTORY_TABLES, 'applications', 'awards', 'training_registrations'],
    compute: async () => {
      const association = await readAssociation(db, id);
      return {
        value: association && { ...association, stats: await associationStats(db, association.id) },
      };
    },
  });
}

/**
 * The tables the directory reads, what its kept figures follow (its search index and facet cube are written in
 * the same transactions).
 */
export const DIRECTORY_TABLES = ['associations', 'association_domains'] as const;
