import type { Organisation, OrganisationSearchQuery, PageOf } from '@nassij/contract';
import type { Db } from '../../db/db.js';
import { allOf, inList, marks } from '../../db/faceted-search.js';
import { type Keyset, keysetClause, keysetPage, orderByClause, readKeysetCursor } from '../../http/cursor.js';
import { ORGANISATION_COLUMNS, organisationRow, sectorOrganisations } from './organisation.js';

/**
 * The list's one order, by folded French name then id, as a keyset: the index `organisations_by_name
 * (name_fr_sort, id, level, region)` answers every page of it, filters included.
 */
export const BY_NAME: Keyset = { name: 'name', keys: [{ expr: 'o.name_fr_sort' }, { expr: 'o.id' }] };

interface PageRow {
  id: string;
  name_fr_sort: string;
  data: string;
}

/**
 * Creates the organisations of the reference data's sectors that the database lacks: those of sectors
 * added since the migration inserted this release's. Idempotent and cheap (one read of the sector codes
 * when nothing is missing); several processes starting at once on one database may run it together, since
 * a row another one inserted meanwhile is skipped (`ON CONFLICT DO NOTHING`). Returns how many it created.
 *
 * @example
 * ```ts
 * const area: Area = { name: 'organisations', prepare: (db) => ensureSectorOrganisations(db).then(() => {}), … };
 * ```
 */
export async function ensureSectorOrganisations(db: Db): Promise<number> {
  const present = new Set(
    (await db.all<{ sector_code: string }>('SELECT sector_code FROM organisations')).map(
      (row) => row.sector_code,
    ),
  );
  const missing = sectorOrganisations().filter((organisation) => !present.has(organisation.sectorCode));
  let created = 0;
  for (const organisation of missing) {
    const row = organisationRow(organisation);
    const { changes } = await db.write(
      `INSERT INTO organisations (${ORGANISATION_COLUMNS.join(', ')}) VALUES (${marks(row)}) ON CONFLICT DO NOTHING`,
      row,
    );
    created += changes;
  }
  return created;
}

/**
 * Reads one organisation, or `undefined` for an unknown id.
 *
 * @example
 * ```ts
 * const souss = await readOrganisation(db, 'org_region-souss-massa');
 * souss?.region; // 'MA-09'
 * ```
 */
export async function readOrganisation(db: Db, id: string): Promise<Organisation | undefined> {
  const row = await db.one<{ data: string }>('SELECT data FROM organisations WHERE id = ?', [id]);
  return row ? (JSON.parse(row.data) as Organisation) : undefined;
}

/**
 * The organisation of a reference data sector (the `funder.sectorCode` of a call), or `undefined` when no
 * organisation has that sector.
 *
 * @example
 * ```ts
 * const funder = await organisationOfSector(db, call.funder.sectorCode);
 * if (funder?.id !== account.organisationId) throw problem('forbidden', 'Another organisation runs this call');
 * ```
 */
export async function organisationOfSector(db: Db, sectorCode: string): Promise<Organisation | undefined> {
  const row = await db.one<{ data: string }>('SELECT data FROM organisations WHERE sector_code = ?', [
    sectorCode,
  ]);
  return row ? (JSON.parse(row.data) as Organisation) : undefined;
}

/**
 * One page of organisations under the query's level and region filters (each a list: any of its values),
 * in name order, with the total under those filters. A region filter leaves out national bodies, which
 * have no region.
 *
 * @example
 * ```ts
 * const page = await searchOrganisations(db, { level: ['regional'], region: ['MA-09'], limit: 20 });
 * page.items[0]?.id; // 'org_region-souss-massa'
 * ```
 */
export async function searchOrganisations(
  db: Db,
  query: OrganisationSearchQuery,
): Promise<PageOf<Organisation> & { total: number }> {
  const after = readKeysetCursor(query.cursor, BY_NAME.name, BY_NAME.keys.length);
  const where = allOf(
    [inList('o.level', query.level), inList('o.region', query.region)].filter(
      (condition) => condition !== undefined,
    ),
  );
  const keyset = keysetClause(BY_NAME, after);
  const [rows, count] = await Promise.all([
    db.all<PageRow>(
      `SELECT o.id, o.name_fr_sort, o.data FROM organisations o
       WHERE ${where.sql} AND (${keyset.sql}) ${orderByClause(BY_NAME)} LIMIT ?`,
      [...where.params, ...keyset.params, query.limit + 1],
    ),
    db.one<{ n: number }>(`SELECT COUNT(*) AS n FROM organisations o WHERE ${where.sql}`, where.params),
  ]);
  const page = keysetPage(rows, query.limit, BY_NAME.name, (row) => [row.name_fr_sort, row.id]);
  return {
    items: page.items.map((row) => JSON.parse(row.data) as Organisation),
    nextCursor: page.nextCursor,
    total: Number(count?.n ?? 0),
  };
}
