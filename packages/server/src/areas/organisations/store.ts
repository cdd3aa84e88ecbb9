import type {
  Organisation,
  OrganisationSearchQuery,
  PageOf,
  Role,
  StaffMember,
  StaffQuery,
} from '@nassij/contract';
import type { Db } from '../../db/db.js';
import { allOf, inList, marks } from '../../db/faceted-search.js';
import {
  type Keyset,
  type KeyValue,
  keysetClause,
  keysetPage,
  orderByClause,
  readKeysetCursor,
} from '../../http/cursor.js';
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

/**
 * The staff list's one order, by name then id, as a keyset. The name is cut to 60 characters so that a
 * cursor holding it stays short (a display name may have 120 Arabic characters); names sharing those 60
 * fall to the id. Two indexes of migration `064_organisation_staff_order` answer it on the same expression:
 * `accounts_staff_by_name (organisation_id, substr(display_name, 1, 60), id)` for an organisation's own
 * staff, and the partial `accounts_reviewers_by_name` for the reviewer pool.
 */
export const STAFF_BY_NAME: Keyset = {
  name: 'name',
  keys: [{ expr: 'substr(a.display_name, 1, 60)' }, { expr: 'a.id' }],
};

/**
 * The SQL test that an account holds a role, on its `roles` JSON text (`["reviewer"]`, as `JSON.stringify`
 * writes it everywhere roles are written). A literal rather than a bound value: the partial index
 * `accounts_reviewers_by_name` has the reviewer's test as its `WHERE`, and both databases use a partial index
 * only for a query that repeats its predicate verbatim. Roles are a closed list of lower-case words, so
 * no role's quoted name is part of another's, and LIKE's `_` can only match the underscore itself.
 */
function holdsRole(role: Role): string {
  return `a.roles LIKE '%"${role}"%'`;
}

interface StaffRow {
  id: string;
  display_name: string;
  name_key: string;
  roles: string;
  organisation_id: string | null;
}

/**
 * One page of an organisation's staff, by name: its own accounts, or those holding `query.role`; with
 * `role: 'reviewer'`, the independent reviewers (accounts of no organisation) too, since any organisation
 * may assign them. The role is tested in SQL, so a page reads about `limit` rows of an index, not the
 * whole reviewer pool, however many citizens the platform has.
 *
 * @example
 * ```ts
 * const page = await listStaffPage(db, 'org_region-souss-massa', { role: 'reviewer', limit: 50 });
 * page.items.map((person) => person.displayName);
 * ```
 */
export async function listStaffPage(
  db: Db,
  organisationId: string,
  query: StaffQuery,
): Promise<PageOf<StaffMember>> {
  const after = readKeysetCursor(query.cursor, STAFF_BY_NAME.name, STAFF_BY_NAME.keys.length);
  const keyset = keysetClause(STAFF_BY_NAME, after);
  // SQLite seeks an expression index on `expr >= ?` but not on the row value `(expr, id) > (?, ?)`: the
  // redundant bound on the first key starts the page at the cursor instead of the index's first entry.
  const from = after
    ? { sql: 'substr(a.display_name, 1, 60) >= ? AND ', params: [after[0] as KeyValue] }
    : { sql: '', params: [] };
  // The reviewer pool walks the reviewers' index in name order and keeps this organisation's and the
  // independent ones; every other list stays inside the organisation's own range of its index.
  const scope =
    query.role === 'reviewer'
      ? `${holdsRole('reviewer')} AND (a.organisation_id = ? OR a.organisation_id IS NULL)`
      : `a.organisation_id = ?${query.role ? ` AND ${holdsRole(query.role)}` : ''}`;
  const rows = await db.all<StaffRow>(
    `SELECT a.id, a.display_name, substr(a.display_name, 1, 60) AS name_key, a.roles, a.organisation_id
     FROM accounts a WHERE ${scope} AND ${from.sql}(${keyset.sql}) ${orderByClause(STAFF_BY_NAME)} LIMIT ?`,
    [organisationId, ...from.params, ...keyset.params, query.limit + 1],
  );
  const page = keysetPage(rows, query.limit, STAFF_BY_NAME.name, (row) => [row.name_key, row.id]);
  return {
    items: page.items.map((row) => ({
      accountId: row.id,
      displayName: row.display_name,
      roles: JSON.parse(row.roles) as Role[],
      ...(row.organisation_id ? { organisationId: row.organisation_id } : {}),
    })),
    nextCursor: page.nextCursor,
  };
}
