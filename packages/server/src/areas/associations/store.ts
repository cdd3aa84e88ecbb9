import {
  type Association,
  type AssociationSearchQuery,
  type AssociationStats,
  type AssociationSummary,
  type EligibilityProfile,
  type Facets,
  foldForSearch,
  fromMinorUnits,
  type LocalizedText,
  profileOf,
  type RegionCode,
} from '@nassij/contract';
import type { Db, SqlValue } from '../../db/db.js';
import { allOf, inList, marks, type SqlCondition } from '../../db/faceted-search.js';
import { tableExists } from '../../db/tables.js';
import { cachedFigure } from '../../db/versioned-cache.js';
import { type Keyset, keysetClause, keysetPage, orderByClause, readKeysetCursor } from '../../http/cursor.js';
import { indexForSearch, searchCondition, searchDocIds } from '../../search/search.js';

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
 * The directory's one order, by folded name then id, as a keyset: the index `associations_by_name_keys
 * (name_sort, id, …)` answers every page of it, the last as fast as the first.
 */
export const BY_NAME: Keyset = { name: 'name', keys: [{ expr: 'a.name_sort' }, { expr: 'a.id' }] };

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
    await indexForSearch(db, ASSOCIATION_KIND, association.id, [
      association.name,
      association.acronym,
      association.registrationNumber,
      association.commune,
      association.province,
      // What the association says it does, as its representative wrote it (issue 18).
      association.descriptions,
    ]);
    if (db.dialect === 'sqlite') await saveSearchKeys(db, association, sortName);
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

/** The filters of the directory, by name, so that a facet can apply every filter but its own. */
type FilterName = 'q' | 'region' | 'domain' | 'legalForm' | 'publicUtility';

/** One row of the directory statement: `part` says which answer it belongs to (see searchDirectory). */
interface DirectoryRow {
  part: 'total' | 'page' | 'region' | 'domain' | 'legalForm';
  value: string | null;
  n: number;
  k0: string | null;
  k1: string | null;
}

/** A facet's values in the order the directory shows them: most frequent first, then by code. */
function byCount(a: Facets[string][number], b: Facets[string][number]): number {
  return b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
}

/** The total and facets of the directory statement's count rows, facets in the directory's order. */
function directoryCounts(rows: readonly DirectoryRow[]): { total: number; facets: Facets } {
  let total = 0;
  const facets: Record<'region' | 'domain' | 'legalForm', Facets[string]> = {
    region: [],
    domain: [],
    legalForm: [],
  };
  for (const row of rows) {
    if (row.part === 'total') total = Number(row.n);
    else if (row.part !== 'page') facets[row.part].push({ value: String(row.value), count: Number(row.n) });
  }
  facets.region.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  facets.domain.sort(byCount);
  facets.legalForm.sort(byCount);
  return { total, facets };
}

/**
 * One page of the public directory: the associations matching the query's text and filters in name order
 * (keyset pages: `nextCursor` resumes after the last name and id), their exact `total`, and the facets
 * `region`, `domain` and `legalForm`, each counted with every filter except its own.
 *
 * All of it is ONE statement, so that the full-text match runs once per request (before, the count, the
 * page and each facet ran it again): with a query, a `MATERIALIZED` CTE `m` holds the matching
 * associations' filter columns, and the count, the page and the facets read `m` in place of the table.
 * On SQLite `m` comes from the full-text index's docids joined by INTEGER PRIMARY KEY to the small
 * `association_search_keys` (`012_association_search_keys`; domains as a bit set, so the domain facet is
 * one grouping of `m`), and the page reads its sort key from `association_search_names` for the matches
 * the filters keep; on PostgreSQL `m` is read by id from the covering index `associations_directory`. The
 * parts come back as rows of a `UNION ALL` tagged by `part`; page rows carry their rank (`ROW_NUMBER`), as
 * a `UNION ALL` promises no order, and only the page's own rows are joined to `data`.
 *
 * Totals and facets stay exact. Without a query the indexes of `011_associations_directory` answer them
 * without reading a row of the table; with a query their cost follows the number of matches. At 250 000
 * associations on SQLite, a word in 15 000 names costs 16–30 ms of CPU (65–100 ms before the keys table),
 * one in most names ("جمعية", "association") 200 ms, so they are kept per data version
 * (`db/versioned-cache.ts`): computed by the first request of a text and filter combination, with its
 * page, and served to the next ones, which read only their page, until an association or its domains are
 * written.
 *
 * @example
 * ```ts
 * const page = await searchDirectory(db, { q: 'tifawin', region: ['MA-09'], limit: 20 });
 * page.items[0]?.name.ar; page.facets.domain; page.nextCursor;
 * ```
 */
export async function searchDirectory(db: Db, query: AssociationSearchQuery): Promise<DirectoryPage> {
  // A whole page is kept too, per query (cursor included): the embed's first page and a popular search cost
  // a version check. A text search seen for the first time costs a key lookup per match and, for its page,
  // the kept matches in name order.
  return await cachedFigure(db, {
    key: `directory-page|${JSON.stringify(query)}`,
    tables: DIRECTORY_TABLES,
    compute: async () => ({ value: await readDirectoryPage(db, query) }),
  });
}

/** One page of the directory, as {@link searchDirectory} answers it. */
export interface DirectoryPage {
  items: AssociationSummary[];
  nextCursor: string | null;
  total: number;
  facets: Facets;
}

/**
 * Names walked in order by a text search's page before it falls back to sorting its matches (see
 * readDirectoryPage): they meet a page of 21 when one association in 400 is a kept match (640 at 250 000),
 * in ~1 ms.
 */
const WALKED_NAMES = 8192;

/** The tables the directory reads (its search index is written with them). */
const DIRECTORY_TABLES = ['associations', 'association_domains'] as const;

async function readDirectoryPage(db: Db, query: AssociationSearchQuery): Promise<DirectoryPage> {
  // Read first: a damaged cursor is a 422 before any SQL runs.
  const after = readKeysetCursor(query.cursor, BY_NAME.name, BY_NAME.keys.length);
  // A text search on SQLite reads each match's filter columns by its search docid (the small tables of
  // `012_association_search_keys`); on PostgreSQL, by its id in `associations`.
  const keyed = db.dialect === 'sqlite' ? searchDocIds(db, ASSOCIATION_KIND, query.q) : null;
  const match = keyed ?? searchCondition(db, ASSOCIATION_KIND, 'm0.id', query.q);
  // What every part reads as `a`: the matching associations' columns, or the whole table.
  const from = match ? 'm' : 'associations';
  const filters: Record<Exclude<FilterName, 'q'>, SqlCondition | null> = {
    region: inList('a.region', query.region) ?? null,
    domain: !query.domain?.length
      ? null
      : keyed
        ? {
            // The bit set of the matches against the bits of the domains asked for (a constant subquery).
            sql: `(a.domains & (SELECT COALESCE(SUM(1 << bit), 0) FROM association_domain_bits WHERE domain IN (${marks(query.domain)}))) <> 0`,
            params: [...query.domain],
          }
        : {
            sql: `a.id IN (SELECT association_id FROM association_domains WHERE domain IN (${marks(query.domain)}))`,
            params: [...query.domain],
          },
    legalForm: inList('a.legal_form', query.legalForm) ?? null,
    publicUtility:
      query.publicUtility === undefined
        ? null
        : { sql: 'a.public_utility = ?', params: [query.publicUtility ? 1 : 0] },
  };
  const except = (name?: FilterName): SqlCondition =>
    allOf(
      (Object.entries(filters) as [FilterName, SqlCondition | null][])
        .filter(([key, c]) => key !== name && c !== null)
        .map(([, c]) => c as SqlCondition),
    );
  const all = except();
  const keyset = keysetClause(BY_NAME, after);
  const regionWhere = except('region');
  const formWhere = except('legalForm');
  const domainWhere = except('domain');
  // Without any other filter, the domain facet is the link table's own count (its index on domain answers).
  const domainsAlone = !match && Object.entries(filters).every(([key, c]) => key === 'domain' || c === null);
  const domainPart = keyed
    ? // The matches grouped by their bit set (a few hundred sets), then each set counted for each of its bits.
      `SELECT 'domain', b.domain, SUM(g.n), NULL, NULL
  FROM (SELECT a.domains, COUNT(*) AS n FROM m a WHERE ${domainWhere.sql} GROUP BY a.domains) g
  CROSS JOIN association_domain_bits b WHERE (g.domains >> b.bit) & 1 = 1 GROUP BY b.domain`
    : domainsAlone
      ? "SELECT 'domain', d.domain, COUNT(*), NULL, NULL FROM association_domains d GROUP BY d.domain"
      : // CROSS JOIN keeps SQLite's loop order: from the few kept associations to their domains, not over
        // every link of the table probing them (PostgreSQL plans a CROSS JOIN like any other).
        `SELECT 'domain', d.domain, COUNT(*), NULL, NULL FROM ${from} a CROSS JOIN association_domains d
  WHERE d.association_id = a.id AND ${domainWhere.sql} GROUP BY d.domain`;
  const countParts = `
UNION ALL
SELECT 'total' AS part, NULL AS value, COUNT(*) AS n, NULL AS k0, NULL AS k1 FROM ${from} a WHERE ${all.sql}
UNION ALL
SELECT 'region', a.region, COUNT(*), NULL, NULL FROM ${from} a WHERE ${regionWhere.sql} GROUP BY a.region
UNION ALL
SELECT 'legalForm', a.legal_form, COUNT(*), NULL, NULL FROM ${from} a WHERE ${formWhere.sql} GROUP BY a.legal_form
UNION ALL
${domainPart}`;
  const matches = !match
    ? ''
    : keyed
      ? // From the full-text index's docids (in order) to their keys by INTEGER PRIMARY KEY.
        `m AS MATERIALIZED (
  SELECT k.docid, k.region, k.legal_form, k.public_utility, k.domains
  FROM (${keyed.sql}) s CROSS JOIN association_search_keys k ON k.docid = s.docid
), `
      : `m AS MATERIALIZED (
  SELECT m0.id, m0.name_sort, m0.region, m0.legal_form, m0.public_utility FROM associations m0 WHERE ${match.sql}
), `;
  const wanted = query.limit + 1;
  const sorted = `SELECT a.name_sort, a.id FROM ${
    keyed
      ? // The sort key and id of the matches the filters keep (their conditions, on `m`'s columns, are
        // tested before the lookup by docid).
        '(SELECT m.*, n.name_sort, n.association_id AS id FROM m CROSS JOIN association_search_names n ON n.docid = m.docid)'
      : from
  } a WHERE ${all.sql} AND (${keyset.sql}) ${orderByClause(BY_NAME)}`;
  // The page. On the keyed path, looking up the name of every kept match and sorting them cost ~1 µs a
  // match (15 ms for 15 000); so the directory's next WALKED_NAMES names in order are walked first (an
  // index range, ~1 ms) and kept when they are matches: when that finds the page, it is the page, since
  // any other match comes after them. Else (few matches, or matches all late in name order: a name's first
  // word) the sorted lookup runs, its LIMIT 0 unless needed. In the IN subquery `a` is `m`. `p` is
  // MATERIALIZED and read first (CROSS JOIN): else SQLite scanned all of `associations` to join it (140 ms).
  const pageCte = keyed
    ? `w AS MATERIALIZED (
  SELECT a.name_sort, a.id FROM (
    SELECT a.name_sort, a.id, a.docid
    FROM (SELECT name_sort, association_id AS id, docid FROM association_search_names) a
    WHERE ${keyset.sql} ${orderByClause(BY_NAME)} LIMIT ${WALKED_NAMES}
  ) a WHERE a.docid IN (SELECT a.docid FROM m a WHERE ${all.sql}) ${orderByClause(BY_NAME)} LIMIT ?
), p AS MATERIALIZED (
  SELECT a.name_sort, a.id FROM w a WHERE (SELECT COUNT(*) FROM w) = ?
  UNION ALL
  SELECT * FROM (${sorted} LIMIT CASE WHEN (SELECT COUNT(*) FROM w) < ? THEN ? ELSE 0 END)
)`
    : `p AS (${sorted} LIMIT ?)`;
  const pageParams = keyed
    ? [...keyset.params, ...all.params, wanted, wanted, ...all.params, ...keyset.params, wanted, wanted]
    : [...all.params, ...keyset.params, wanted];
  /** The page, and with `withCounts` the total and facets too, in one statement (one full-text match). */
  const run = (withCounts: boolean) =>
    db.all<DirectoryRow>(
      `WITH ${matches}${pageCte}
SELECT 'page' AS part, x.data AS value, ROW_NUMBER() OVER (${orderByClause(BY_NAME)}) AS n, a.name_sort AS k0, a.id AS k1
  FROM p a ${keyed ? 'CROSS JOIN' : 'JOIN'} associations x ON x.id = a.id${withCounts ? countParts : ''}`,
      [
        ...(match?.params ?? []),
        ...pageParams,
        ...(withCounts
          ? [...all.params, ...regionWhere.params, ...formWhere.params, ...domainWhere.params]
          : []),
      ],
    );
  // The counts depend on the text and the filters only, not on the page: one entry per combination, kept
  // until an association or its domains change. The request that computes them reads its page in the same
  // statement; the others read only their page.
  let pageRows: DirectoryRow[] | undefined;
  const counts = await cachedFigure(db, {
    key: `directory|${JSON.stringify([query.q ?? '', filters])}`,
    tables: DIRECTORY_TABLES,
    compute: async () => {
      const rows = await run(true);
      pageRows = rows.filter((row) => row.part === 'page');
      return { value: directoryCounts(rows) };
    },
  });
  pageRows ??= await run(false);
  const ranked = pageRows
    .map((row) => ({
      data: String(row.value),
      rank: Number(row.n),
      nameSort: String(row.k0),
      id: String(row.k1),
    }))
    .sort((a, b) => a.rank - b.rank);
  const page = keysetPage(ranked, query.limit, BY_NAME.name, (row) => [row.nameSort, row.id]);
  const { total, facets } = counts;
  return {
    items: page.items.map((row) => toSummary(JSON.parse(row.data) as Association)),
    nextCursor: page.nextCursor,
    total,
    facets,
  };
}
