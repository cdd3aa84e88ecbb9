// The public directory's search: a page of associations in name order with its total and facets, for any
// text and filters, in a few milliseconds with 320 associations as with 250 000.
//
// The work is split by what it depends on:
// - the CUBE: the associations grouped by their filter values (region, legal form, public utility, domains),
//   counted. Without a text it is the facet cube that writes keep (`066_association_facet_cube`); with a text,
//   its matches grouped once and kept per data version. The total and every facet of any filter combination
//   are counted from it in memory, exactly: choosing a region or a domain costs no counting query. Its size
//   is bounded by the combinations of values (a few thousand at most), not by the associations;
// - the PAGE, read for each request the cheapest of three ways the counts allow: walking the directory's
//   names in order and keeping those that match (matches dense enough to meet a page soon), reading the
//   text's matches (a rare text) or reading the filters' rows (rare filters), then sorting those by name.
//   On SQLite a text's matches are not sorted: the page's are picked by each association's place in name
//   order, kept in memory with the search keys (`directory-keys.ts`), and only their names are read.
//
// A text found in more than `EXACT_COUNT_LIMIT` associations (a word of most names: « جمعية »,
// « association ») is counted on a window of the index instead of all of it: the first matches in index
// order, and every count scaled by how much of the directory that window covers. The answer then says
// `estimated: true` and its figures are rounded to two significant digits. Counting all 213 000 matches of
// « association » costs 200 ms of CPU at 250 000 associations; the window costs what 4 096 matches do
// (≈ 1–2 ms on SQLite for most texts, grouped from the keys kept in memory: `directory-keys.ts`). Pages
// are never estimated: they hold exactly the next matches in name order.
import {
  type Association,
  type AssociationSearchQuery,
  type AssociationSummary,
  type Facets,
  MAX_PAGE_SIZE,
  searchTerms,
} from '@nassij/contract';
import type { Db, SqlValue } from '../../db/db.js';
import { allOf, inList, marks, type SqlCondition } from '../../db/faceted-search.js';
import { cachedFigure } from '../../db/versioned-cache.js';
import {
  type Keyset,
  type KeyValue,
  keysetClause,
  keysetPage,
  orderByClause,
  readKeysetCursor,
} from '../../http/cursor.js';
import {
  postgresSearchInOrder,
  postgresSearchRows,
  searchDocIds,
  searchRowCondition,
} from '../../search/search.js';
import {
  directoryKeysOf,
  groupMatchesInSql,
  type MatchGroup,
  type MatchRead,
  type NamedRow,
} from './directory-keys.js';
import { ASSOCIATION_KIND, DIRECTORY_TABLES, toSummary } from './store.js';

/**
 * The directory's one order, by folded name then id, as a keyset: the index `associations_by_name_keys
 * (name_sort, id, …)` answers every page of it, the last as fast as the first.
 */
export const BY_NAME: Keyset = { name: 'name', keys: [{ expr: 'a.name_sort' }, { expr: 'a.id' }] };

/**
 * Matches of a text counted one by one; past it, counted on a window of the index and scaled (see the top
 * of this module). 4 096 matches cost about 1–2 ms at 250 000 associations on SQLite: their full-text match,
 * then a loop over the keys kept in memory (3.5–5 ms with a key lookup each in SQL).
 */
export const EXACT_COUNT_LIMIT = 4096;

/**
 * Names a page may walk in order before it reads the matches or the filters' rows instead: a page of 21 is
 * met within them when more than one association in 400 is kept.
 */
const WALKED_NAMES = 8192;

/** One page of the directory, as {@link searchDirectory} answers it. */
export interface DirectoryPage {
  items: AssociationSummary[];
  nextCursor: string | null;
  total: number;
  facets: Facets;
  /** Present when `total` and the facets' counts are estimates (see the top of this module). */
  estimated?: true;
}

/** How {@link searchDirectory} counts and pages: tests lower the limits to reach every path on the demo. */
export interface DirectorySearchOptions {
  /** Matches counted one by one before a text is counted on a window (default {@link EXACT_COUNT_LIMIT}). */
  exactCountLimit?: number;
  /** Names a page may walk before it reads matches or filtered rows instead (default 8 192; 0: never walk). */
  walkedNames?: number;
  /**
   * SQLite: group a text's matches, and pick its pages from them, with the search keys and name ranks kept
   * in memory once they are loaded (default `true`), or always in SQL (`false`), see `directory-keys.ts`.
   */
  inMemory?: boolean;
}

/**
 * One page of the public directory: the associations matching the query's text and filters in name order
 * (keyset pages: `nextCursor` resumes after the last name and id), their `total`, and the facets `region`,
 * `domain` and `legalForm`, each counted with every filter except its own. Exact, except for a text found in
 * more than {@link EXACT_COUNT_LIMIT} associations: its counts are estimates and the page says
 * `estimated: true`. Whole pages are kept per data version too, so that the embed's first page and a
 * popular search cost a version check.
 *
 * @example
 * ```ts
 * const page = await searchDirectory(db, { q: 'tifawin', region: ['MA-09'], limit: 20 });
 * page.items[0]?.name.ar; page.facets.domain; page.nextCursor; page.estimated; // undefined: exact
 * ```
 */
export async function searchDirectory(
  db: Db,
  query: AssociationSearchQuery,
  options: DirectorySearchOptions = {},
): Promise<DirectoryPage> {
  const limits = {
    exactCountLimit: options.exactCountLimit ?? EXACT_COUNT_LIMIT,
    walkedNames: options.walkedNames ?? WALKED_NAMES,
    inMemory: options.inMemory ?? true,
  };
  return await cachedFigure(db, {
    key: `directory-page|${JSON.stringify(limits)}|${JSON.stringify(query)}`,
    tables: DIRECTORY_TABLES,
    compute: async () => ({ value: await readDirectoryPage(db, query, limits) }),
  });
}

/** The filters of the directory, by name, so that a facet can apply every filter but its own. */
type FilterName = 'region' | 'domain' | 'legalForm' | 'publicUtility';

/** What a query asks of each filter, as values (`undefined`: no filter). */
interface Wanted {
  region?: readonly string[];
  domain?: readonly string[];
  legalForm?: readonly string[];
  publicUtility?: boolean;
}

function wantedOf(query: AssociationSearchQuery): Wanted {
  return {
    ...(query.region?.length ? { region: query.region } : {}),
    ...(query.domain?.length ? { domain: query.domain } : {}),
    ...(query.legalForm?.length ? { legalForm: query.legalForm } : {}),
    ...(query.publicUtility === undefined ? {} : { publicUtility: query.publicUtility }),
  };
}

async function readDirectoryPage(
  db: Db,
  query: AssociationSearchQuery,
  limits: Required<DirectorySearchOptions>,
): Promise<DirectoryPage> {
  // Read first: a damaged cursor is a 422 before any SQL runs.
  const after = readKeysetCursor(query.cursor, BY_NAME.name, BY_NAME.keys.length);
  const terms = searchTerms(query.q ?? '');
  const wanted = wantedOf(query);
  const whole = await wholeCube(db);
  // What this request read computing the text's cube, if it did (a cube kept from an earlier one hands none).
  let visit: FirstVisit = {};
  const cube =
    terms.length > 0
      ? await textCube(db, terms, limits, totalOf(whole, {}), (read) => {
          visit = read;
        })
      : whole;
  const { total, facets } = countFromCube(cube, wanted);
  const rows =
    visit.firstRows && !after && Object.keys(wanted).length === 0
      ? visit.firstRows.slice(0, query.limit + 1)
      : await readPage(
          db,
          query,
          after,
          wanted,
          {
            kept: total,
            matched: totalOf(cube, {}),
            driving: drivingRows(whole, wanted),
            size: totalOf(whole, {}),
            walkedNames: limits.walkedNames,
            inMemory: limits.inMemory,
          },
          visit.matches,
        );
  const page = keysetPage(rows, query.limit, BY_NAME.name, (row) => [row.name_sort, row.id]);
  const data = await readData(db, page.items);
  return {
    items: page.items.map((row) => toSummary(data.get(row.id) as Association)),
    nextCursor: page.nextCursor,
    total,
    facets,
    ...(cube.scale === 1 ? {} : { estimated: true as const }),
  };
}

// ---- The cube of a text ----------------------------------------------------------------------------------

/** The matches of a text that share every filter value, counted. */
interface CubeRow {
  region: string;
  legalForm: string;
  publicUtility: boolean;
  domains: string[];
  n: number;
}

/** The cube of a text: its rows, and the factor that scales their counts to the whole directory. */
interface Cube {
  rows: CubeRow[];
  /** 1 when every match was counted; else the directory's size over the counted window's. */
  scale: number;
}

/**
 * What computing a text's cube read that the same request's first page may use instead of reading the
 * matches again: on SQLite the matches the copy in memory grouped (`directory-keys.ts`, when it did); on
 * PostgreSQL, when every match was counted, the first {@link FIRST_MATCHES} in name order (the first page
 * without filters).
 */
interface FirstVisit {
  matches?: MatchRead;
  firstRows?: KeyRow[];
}

/**
 * The cube of a text (its folded terms), kept per data version of the directory: the first request of a
 * text computes it (one grouping of at most `exactCountLimit + 1` matches), every filter combination of
 * that text is then counted from it. `size`: the associations in the directory (the whole cube's total),
 * which an estimate scales to. `onRead` gets what computing it read for the first page, when this call
 * computed it.
 */
async function textCube(
  db: Db,
  terms: readonly string[],
  { exactCountLimit, inMemory }: Required<DirectorySearchOptions>,
  size: number,
  onRead: (visit: FirstVisit) => void,
): Promise<Cube> {
  return await cachedFigure(db, {
    key: `directory-cube|${exactCountLimit}|${inMemory ? '' : 'sql'}|${terms.join(' ')}`,
    tables: DIRECTORY_TABLES,
    compute: async () => ({
      value:
        db.dialect === 'sqlite'
          ? await sqliteCube(db, terms.join(' '), exactCountLimit, inMemory, size, onRead)
          : await postgresCube(db, terms.join(' '), exactCountLimit, size, onRead),
    }),
  });
}

/**
 * The cube of the whole directory, from the facet cube that writes keep (`066_association_facet_cube`): a
 * few thousand rows, read once per data version.
 */
async function wholeCube(db: Db): Promise<Cube> {
  return await cachedFigure(db, {
    key: 'directory-whole',
    tables: DIRECTORY_TABLES,
    compute: async () => {
      const rows = await db.all<{
        region: string;
        legal_form: string;
        public_utility: number;
        domains: string;
        n: number | string;
      }>('SELECT region, legal_form, public_utility, domains, n FROM association_facet_cube WHERE n > 0');
      return {
        value: {
          rows: rows.map((row) => ({
            region: row.region,
            legalForm: row.legal_form,
            publicUtility: Number(row.public_utility) === 1,
            domains: row.domains === '' ? [] : row.domains.split(','),
            n: Number(row.n),
          })),
          scale: 1,
        },
      };
    },
  });
}

/**
 * SQLite: the first `limit + 1` matches in docid order, their keys grouped (from the keys kept in memory
 * once loaded, else in SQL: `directory-keys.ts`, the same groups). When the limit is passed, the
 * window is every association whose docid is at most the last match's: all its matches were counted, and
 * it holds about `r` of the directory's `size` associations, so each count is scaled by `size / r`. Docids
 * follow registration order; the window is the longest-registered associations.
 */
async function sqliteCube(
  db: Db,
  text: string,
  limit: number,
  inMemory: boolean,
  size: number,
  onRead: (visit: FirstVisit) => void,
): Promise<Cube> {
  const [grouped, bits] = await Promise.all([
    (async () =>
      (inMemory ? await directoryKeysOf(db).group(text, limit + 1) : undefined) ??
      (await groupMatchesInSql(db, text, limit + 1)))(),
    domainBits(db),
  ]);
  if (grouped.read) onRead({ matches: grouped.read });
  const rows = grouped.groups.map((row) => cubeRowOf(row, bits));
  if (rows.reduce((sum, row) => sum + row.n, 0) <= limit) return { rows, scale: 1 };
  const last = grouped.last;
  // The window's share of the directory from where its last docid falls in the range of docids, spread
  // evenly enough (they follow registration; other kinds take a few in between): counting the docids up to
  // it cost 3 ms a query at 250 000.
  const range = await docidRange(db);
  const r = size * Math.min(1, (last - range.first + 1) / Math.max(1, range.last - range.first + 1));
  return { rows, scale: windowScale({ r, n: size }) };
}

/** SQLite: a combination of search keys (domains as a bit set) as a cube row of `n` associations. */
function cubeRowOf(
  keys: Omit<MatchGroup, 'n'> & { n?: number },
  bits: readonly { domain: string; bit: number }[],
): CubeRow {
  return {
    region: keys.region,
    legalForm: keys.legal_form,
    publicUtility: Number(keys.public_utility) === 1,
    domains: bits
      .filter((entry) => (BigInt(keys.domains) >> BigInt(entry.bit)) & 1n)
      .map((entry) => entry.domain)
      .sort(),
    n: Number(keys.n ?? 0),
  };
}

/**
 * SQLite: the first and last search docid of an association (the two ends of the primary key), kept per
 * data version. How many there are is the directory's size, which its facet cube holds: counting them here
 * cost 21 ms at 250 000 associations on the first estimate of every data version.
 */
async function docidRange(db: Db): Promise<{ first: number; last: number }> {
  return await cachedFigure(db, {
    key: 'directory-docids',
    tables: DIRECTORY_TABLES,
    compute: async () => {
      const row = await db.one<{ first: number | null; last: number | null }>(
        `SELECT (SELECT MIN(docid) FROM association_search_keys) AS first,
  (SELECT MAX(docid) FROM association_search_keys) AS last`,
      );
      return { value: { first: Number(row?.first ?? 0), last: Number(row?.last ?? 0) } };
    },
  });
}

/** SQLite: the bit of each domain in the search keys' bit sets, kept per data version. */
async function domainBits(db: Db): Promise<{ domain: string; bit: number }[]> {
  return await cachedFigure(db, {
    key: 'directory-bits',
    tables: DIRECTORY_TABLES,
    compute: async () => ({
      value: await db.all<{ domain: string; bit: number }>('SELECT domain, bit FROM association_domain_bits'),
    }),
  });
}

/**
 * PostgreSQL: the first `limit + 1` matches as the GIN index's bitmap gives them, in the table's physical
 * order (page by page), grouped by the filter values kept beside their words (`group_keys`,
 * `071_association_group_keys`). Past the limit, the window is every association in the pages of
 * `search_docs` up to the last match's ({@link associationsBefore}), out of the directory's `size`.
 */
async function postgresCube(
  db: Db,
  text: string,
  limit: number,
  size: number,
  onRead: (visit: FirstVisit) => void,
): Promise<Cube> {
  const match = postgresSearchRows(db, ASSOCIATION_KIND, text);
  if (!match) return { rows: [], scale: 1 };
  const params = [...match.params, limit + 1];
  // The last row as a tid, its page read here: the page of each of 4 097 rows cost 1.5 ms in SQL. When they
  // are all the matches, the first in name order too (the rows without counts), so that the first page of a
  // text seen for the first time does not read its matches again (5 of the 13 ms of a text found ≤ 4 096
  // times at 250 000 associations).
  const result = await db.all<{
    keys: string | null;
    n: number | string | null;
    last: string | null;
    name_sort: string | null;
    id: string | null;
    rank: number | string | null;
  }>(
    `WITH s AS MATERIALIZED (${match.sql} LIMIT ?)
SELECT s.group_keys AS keys, COUNT(*) AS n, MAX(s.tid)::text AS last, NULL AS name_sort, NULL AS id, NULL AS rank
FROM s GROUP BY s.group_keys
UNION ALL (
  SELECT NULL, NULL, NULL, f.sort_key, f.id, ROW_NUMBER() OVER (ORDER BY f.sort_key, f.id) FROM s f
  WHERE (SELECT COUNT(*) FROM s) <= ? ORDER BY f.sort_key, f.id LIMIT ${FIRST_MATCHES}
)`,
    [...params, limit],
  );
  const keyed = result.filter((row) => row.rank === null);
  // In name order by their rank: a UNION ALL promises no order of its rows.
  const first = result
    .filter((row) => row.rank !== null)
    .sort((a, b) => Number(a.rank) - Number(b.rank))
    .map((row) => ({ name_sort: row.name_sort as string, id: row.id as string }));
  // A match without its keys (written before they were kept, or by hand): its association's tables decide.
  const joined = keyed.some((row) => row.keys === null);
  const grouped = joined
    ? await postgresGroupByJoin(db, match.sql, params)
    : keyed.map((row) => {
        const [region, legal_form, public_utility, domains] = JSON.parse(row.keys as string) as [
          string,
          string,
          number,
          string,
        ];
        return {
          region,
          legal_form,
          public_utility,
          domains,
          n: row.n as number | string,
          last: row.last as string,
        };
      });
  const rows = grouped.map((row) => ({
    region: row.region,
    legalForm: row.legal_form,
    publicUtility: Number(row.public_utility) === 1,
    domains: row.domains ? row.domains.split(',') : [],
    n: Number(row.n),
  }));
  const counted = rows.reduce((sum, row) => sum + row.n, 0);
  if (counted <= limit) {
    // Matches without their keys may lack their sort key too: their first page is read as any other.
    if (!joined) onRead({ firstRows: first });
    return { rows, scale: 1 };
  }
  const last = Math.max(...grouped.map((row) => pageOf(row.last)));
  // The directory's size comes from its cube, kept per data version.
  return { rows, scale: windowScale({ r: await associationsBefore(db, last + 1), n: size }) };
}

/** The page of a PostgreSQL row's place, `(page,row)` as text. */
function pageOf(tid: string): number {
  return Number(/^\((\d+),/.exec(tid)?.[1] ?? 0);
}

/** The first matches in name order an exact cube keeps: a first page of the longest a query may ask. */
const FIRST_MATCHES = MAX_PAGE_SIZE + 1;

/** Pages of `search_docs` counted together in {@link associationsBefore}'s histogram: about 160 rows. */
const HISTOGRAM_PAGES = 8;

/**
 * PostgreSQL: how many associations `search_docs` holds in its pages before `page`: the associations before
 * the run of {@link HISTOGRAM_PAGES} pages that holds it, from a histogram kept per data version (their rows
 * move only when an association is written), and those of its run's pages before it, counted (a TID range
 * scan of at most 7 pages). Counting all of them at each estimate cost 10 ms for a common word and 45 ms
 * for a text found in 2 % of the directory, whose window is nearly the whole table; the histogram costs
 * 50 ms once per data version (a TID range count per run).
 */
async function associationsBefore(db: Db, page: number): Promise<number> {
  // `before[i]`: the associations in the pages before run i, for every run the table had.
  const before = await cachedFigure(db, {
    key: 'directory-pages',
    tables: DIRECTORY_TABLES,
    compute: async () => {
      const runs = await db.all<{ n: number | string }>(
        `SELECT (SELECT COUNT(*) FROM search_docs WHERE kind = '${ASSOCIATION_KIND}'
  AND ctid >= format('(%s,0)', b * ${HISTOGRAM_PAGES})::tid AND ctid < format('(%s,0)', (b + 1) * ${HISTOGRAM_PAGES})::tid) AS n
FROM generate_series(0, (pg_relation_size('search_docs') / current_setting('block_size')::int / ${HISTOGRAM_PAGES})::int) AS b
ORDER BY b`,
      );
      const value = [0];
      for (const run of runs) value.push((value.at(-1) ?? 0) + Number(run.n));
      return { value };
    },
  });
  const run = Math.min(Math.floor(page / HISTOGRAM_PAGES), before.length - 1);
  const start = run * HISTOGRAM_PAGES;
  if (start >= page) return before[run] ?? 0;
  const rest = await db.one<{ n: number | string }>(
    `SELECT COUNT(*) AS n FROM search_docs WHERE kind = '${ASSOCIATION_KIND}' AND ctid >= ?::tid AND ctid < ?::tid`,
    [`(${start},0)`, `(${page},0)`],
  );
  return (before[run] ?? 0) + Number(rest?.n ?? 0);
}

/** PostgreSQL: the matches grouped by their association's filter values, read from its tables. */
async function postgresGroupByJoin(
  db: Db,
  matchSql: string,
  params: SqlValue[],
): Promise<
  {
    region: string;
    legal_form: string;
    public_utility: number;
    domains: string | null;
    n: number | string;
    last: string;
  }[]
> {
  return await db.all(
    `WITH s AS MATERIALIZED (${matchSql} LIMIT ?), d AS (
  SELECT x.association_id, string_agg(x.domain, ',' ORDER BY x.domain) AS domains
  FROM association_domains x WHERE x.association_id IN (SELECT id FROM s) GROUP BY x.association_id
)
SELECT a.region, a.legal_form, a.public_utility, d.domains, COUNT(*) AS n, MAX(s.tid)::text AS last
FROM s JOIN associations a ON a.id = s.id LEFT JOIN d ON d.association_id = s.id
GROUP BY a.region, a.legal_form, a.public_utility, d.domains`,
    params,
  );
}

/** The factor from a window of `r` associations to the directory's `n` (1 when the window is all of it). */
function windowScale(sizes: { r: number | string; n: number | string } | undefined): number {
  const r = Number(sizes?.r ?? 0);
  const n = Number(sizes?.n ?? 0);
  return r > 0 && n > r ? n / r : 1;
}

/** A count as the answer gives it: exact, or an estimate rounded to two significant digits. */
function scaled(count: number, scale: number): number {
  if (scale === 1) return count;
  const estimate = count * scale;
  if (estimate < 1) return count > 0 ? 1 : 0;
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(estimate)) - 1);
  return Math.round(estimate / unit) * unit;
}

/** Whether a cube row passes every wanted filter but `except`. */
function passes(row: CubeRow, wanted: Wanted, except?: FilterName): boolean {
  return (
    (except === 'region' || !wanted.region || wanted.region.includes(row.region)) &&
    (except === 'legalForm' || !wanted.legalForm || wanted.legalForm.includes(row.legalForm)) &&
    (except === 'publicUtility' ||
      wanted.publicUtility === undefined ||
      wanted.publicUtility === row.publicUtility) &&
    (except === 'domain' || !wanted.domain || row.domains.some((domain) => wanted.domain?.includes(domain)))
  );
}

/** A facet's values in the order the directory shows them: most frequent first, then by code. */
function byCount(a: Facets[string][number], b: Facets[string][number]): number {
  return b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
}

function byValue(a: Facets[string][number], b: Facets[string][number]): number {
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

/** How many associations of a cube pass the wanted filters (scaled, not rounded: a cost, not an answer). */
function totalOf(cube: Cube, wanted: Wanted): number {
  let total = 0;
  for (const row of cube.rows) if (passes(row, wanted)) total += row.n;
  return total * cube.scale;
}

/** The total and the facets of a filter combination, from the cube of its text. */
function countFromCube(cube: Cube, wanted: Wanted): { total: number; facets: Facets } {
  const tally = (except: FilterName | undefined, valuesOf: (row: CubeRow) => readonly string[]) => {
    const counts = new Map<string, number>();
    for (const row of cube.rows) {
      if (!passes(row, wanted, except)) continue;
      for (const value of valuesOf(row)) counts.set(value, (counts.get(value) ?? 0) + row.n);
    }
    return [...counts].map(([value, count]) => ({ value, count: scaled(count, cube.scale) }));
  };
  const total = cube.rows.reduce((sum, row) => sum + (passes(row, wanted) ? row.n : 0), 0);
  return {
    total: scaled(total, cube.scale),
    facets: {
      region: tally('region', (row) => [row.region]).sort(byValue),
      domain: tally('domain', (row) => row.domains).sort(byCount),
      legalForm: tally('legalForm', (row) => [row.legalForm]).sort(byCount),
    },
  };
}

// ---- The page of a text search ---------------------------------------------------------------------------

/** A page's row before its record is read: its sort keys. */
type KeyRow = NamedRow;

/**
 * The filters as SQL over the columns of `on` (`region`, `legal_form`, `public_utility`): the domains
 * through the link table for the id `linksOf` (`'driving'`: as a set of ids, so that a query may start from
 * it), else through the bit set `on.domains` (SQLite's search keys).
 */
function filterSql(wanted: Wanted, on: string, linksOf?: string, domains?: 'driving'): SqlCondition {
  const conditions: SqlCondition[] = [];
  const region = inList(`${on}.region`, wanted.region);
  if (region) conditions.push(region);
  const legalForm = inList(`${on}.legal_form`, wanted.legalForm);
  if (legalForm) conditions.push(legalForm);
  if (wanted.publicUtility !== undefined)
    conditions.push({ sql: `${on}.public_utility = ?`, params: [wanted.publicUtility ? 1 : 0] });
  if (wanted.domain)
    conditions.push(
      linksOf
        ? {
            // As a set the planner may start from (the domain index), or a test of each row.
            sql:
              domains === 'driving'
                ? `${linksOf} IN (SELECT x.association_id FROM association_domains x WHERE x.domain IN (${marks(wanted.domain)}))`
                : `EXISTS (SELECT 1 FROM association_domains x WHERE x.association_id = ${linksOf} AND x.domain IN (${marks(wanted.domain)}))`,
            params: [...wanted.domain],
          }
        : {
            // The bit set of the row against the bits of the domains asked for (a constant subquery).
            sql: `(${on}.domains & (SELECT COALESCE(SUM(1 << bit), 0) FROM association_domain_bits WHERE domain IN (${marks(wanted.domain)}))) <> 0`,
            params: [...wanted.domain],
          },
    );
  return allOf(conditions);
}

/**
 * The page by walking the directory's names in order from the cursor and keeping the matches, each tested on
 * its own words (`searchRowCondition`): a few rows read when matches are dense. `undefined` when the next
 * `walkedNames` names held less than a page of them.
 */
async function walkNames(
  db: Db,
  query: AssociationSearchQuery,
  after: KeyValue[] | undefined,
  wanted: Wanted,
  walkedNames: number,
): Promise<KeyRow[] | undefined> {
  const rows = query.limit + 1;
  const sqlite = db.dialect === 'sqlite';
  // SQLite walks the small name table of `012_association_search_keys` and reads each name's filter columns
  // by docid; PostgreSQL walks `associations_by_name_keys`, which holds them (without a text: a text walks
  // the search index there, `walkSearchIndex`).
  const names = sqlite
    ? {
        from: 'SELECT n.name_sort, n.association_id AS id, n.docid FROM association_search_names n',
        order: byNameOn('n', 'association_id'),
        join: ' CROSS JOIN association_search_keys k ON k.docid = a.docid',
      }
    : {
        from: 'SELECT n.name_sort, n.id, n.region, n.legal_form, n.public_utility FROM associations n',
        order: byNameOn('n', 'id'),
        join: '',
      };
  const keyset = keysetClause(names.order, after);
  // The text is tested on the row's keys (`k.docid`), so that SQLite tests it after the filters.
  const text = searchRowCondition(db, ASSOCIATION_KIND, { docid: 'k.docid', id: 'a.id' }, query.q) ?? {
    sql: '1 = 1',
    params: [],
  };
  const filters = sqlite ? filterSql(wanted, 'k') : filterSql(wanted, 'a', 'a.id');
  // The next `walkedNames` names in order (a co-routine read in index order, no sort), kept when they match:
  // the outer LIMIT stops the walk as soon as the page is full.
  const found = await db.all<KeyRow>(
    `SELECT a.name_sort, a.id FROM (${names.from} WHERE ${keyset.sql} ${orderByClause(names.order)} LIMIT ?) a${names.join}
WHERE ${filters.sql} AND ${text.sql} ${orderByClause(byNameOn('a', 'id'))} LIMIT ?`,
    [...keyset.params, walkedNames, ...filters.params, ...text.params, rows],
  );
  // Fewer than a page within the walk: the matches decide (they also answer the directory's last page).
  return found.length < rows ? undefined : found;
}

/** The directory's order (name, then id) over the table `alias`, whose id column is `id`. */
function byNameOn(alias: string, id: string): Keyset {
  return { name: BY_NAME.name, keys: [{ expr: `${alias}.name_sort` }, { expr: `${alias}.${id}` }] };
}

/** What a page strategy costs: the rows it reads, from the counts at hand. */
interface PageCosts {
  /** Associations kept by the text and the filters (the answer's total). */
  kept: number;
  /** Associations the text matches, whatever the filters (the directory's size without a text). */
  matched: number;
  /** Rows of `associations` the filters' most selective index reads, whatever the text (from the cube). */
  driving: number;
  /** Associations in the directory. */
  size: number;
  /** Names a walk may read (0: never walk). */
  walkedNames: number;
  /** SQLite: whether a page from the matches may be picked from the copy kept in memory. */
  inMemory: boolean;
}

/**
 * The page, read the cheapest way the counts allow: walking the names in order (about `size / kept` names
 * read per row of the page, when that stays within `walkedNames`), from the text's matches (`matched` rows
 * read and sorted) or from the filters' rows (`driving` rows, each tested on its words). A text on
 * PostgreSQL walks the search index in name order (`walkSearchIndex`), other walks the directory's names
 * (`walkNames`).
 */
async function readPage(
  db: Db,
  query: AssociationSearchQuery,
  after: KeyValue[] | undefined,
  wanted: Wanted,
  costs: PageCosts,
  known: MatchRead | undefined,
): Promise<KeyRow[]> {
  if (costs.kept === 0) return [];
  const rows = query.limit + 1;
  const text = searchTerms(query.q ?? '').length > 0;
  const onSearchIndex = text && db.dialect === 'postgres';
  const walk = (costs.size / costs.kept) * rows;
  // A walk gives up at 4 times the names it should need: matches that cluster in name order (a word of a
  // few similar names) would make it read and test thousands of names for nothing. On PostgreSQL's search
  // index a name walked costs about what a match read and sorted does (0.7 µs), so a text's walk may read
  // up to as many names as the text has matches: matches that come in runs of the name order (« tifawin »)
  // are met late, and sorting all 15 000 to 35 000 of them read most of the table.
  const budget = Math.min(
    costs.walkedNames,
    Math.ceil(onSearchIndex ? Math.max(4 * walk, costs.matched) : 4 * walk),
  );
  const fromMatches = text ? costs.matched : Number.POSITIVE_INFINITY;
  // Picked in memory (SQLite, `directory-keys.ts`), a match costs a docid read from the full-text index,
  // ≈ 0.3 µs, where a walked name costs ≈ 4 µs (its keys and words read): without filters a walk is then
  // worth it only when it should meet a page within a sixteenth of the matches (walks that gave up cost
  // 10–20 ms at 250 000 associations for texts of 2 000–6 000 matches, which their matches answer in
  // 1–3 ms: 22 % less CPU a first-visit text). With filters a walk reads the words only of the names that
  // pass them, and reading every match of a common word cost 31 % more CPU than walking: as before.
  const unfiltered = Object.keys(wanted).length === 0;
  const matchCost =
    unfiltered && costs.inMemory && db.dialect === 'sqlite' && directoryKeysOf(db).pagesInMemory ? 1 / 16 : 1;
  if (walk <= costs.walkedNames && walk <= Math.min(fromMatches * matchCost, costs.driving)) {
    const walked = onSearchIndex
      ? await walkSearchIndex(db, query, after, wanted, budget)
      : await walkNames(db, query, after, wanted, budget);
    if (walked) return walked;
  }
  return fromMatches < costs.driving
    ? await pageFromMatches(db, query, after, wanted, costs.inMemory, known)
    : await pageFromFilters(db, query, after, wanted);
}

/**
 * PostgreSQL: the page by walking the next `budget` associations of the search index in name order from
 * the cursor (`postgresSearchInOrder`), kept when their words match and their association passes the
 * filters. `undefined` when they held less than a page.
 */
async function walkSearchIndex(
  db: Db,
  query: AssociationSearchQuery,
  after: KeyValue[] | undefined,
  wanted: Wanted,
  budget: number,
): Promise<KeyRow[] | undefined> {
  const rows = query.limit + 1;
  const walk = postgresSearchInOrder(db, ASSOCIATION_KIND, query.q, { ...(after ? { after } : {}), budget });
  if (!walk) return [];
  const filters = filterSql(wanted, 'a', 'a.id');
  // The filters from the association's row, looked up for the matches only.
  const join = Object.keys(wanted).length > 0 ? ' JOIN associations a ON a.id = w.id' : '';
  const found = await db.all<KeyRow>(
    `SELECT w.sort_key AS name_sort, w.id FROM (${walk.sql}) w${join}
WHERE ${filters.sql} ORDER BY w.sort_key, w.id LIMIT ?`,
    [...walk.params, ...filters.params, rows],
  );
  return found.length < rows ? undefined : found;
}

/**
 * The rows a query on the filters alone reads: the associations of its most selective indexed filter
 * (region, domain or legal form: public utility has no index of its own), or the whole directory.
 */
function drivingRows(whole: Cube, wanted: Wanted): number {
  const size = totalOf(whole, {});
  const alone: Wanted[] = [
    ...(wanted.region ? [{ region: wanted.region }] : []),
    ...(wanted.domain ? [{ domain: wanted.domain }] : []),
    ...(wanted.legalForm ? [{ legalForm: wanted.legalForm }] : []),
  ];
  return Math.min(size, ...alone.map((filter) => totalOf(whole, filter)));
}

/**
 * The page from the text's matches: every match read (by docid on SQLite; on PostgreSQL with its name from
 * the search index's row, `075_search_sort_keys`), the kept ones sorted by name; on SQLite picked by their
 * ranks in name order kept in memory, when it can (`directory-keys.ts`), from the matches `known` to this
 * request when they are all of them. Chosen when the text is rarer than the filters.
 */
async function pageFromMatches(
  db: Db,
  query: AssociationSearchQuery,
  after: KeyValue[] | undefined,
  wanted: Wanted,
  inMemory: boolean,
  known: MatchRead | undefined,
): Promise<KeyRow[]> {
  const rows = query.limit + 1;
  if (db.dialect === 'sqlite') {
    if (inMemory && query.q) {
      const bits = await domainBits(db);
      const picked = await directoryKeysOf(db).page(
        query.q,
        (keys) => passes(cubeRowOf(keys, bits), wanted),
        after,
        rows,
        known,
      );
      if (picked) return picked;
    }
    const match = searchDocIds(db, ASSOCIATION_KIND, query.q);
    if (!match) return [];
    const filters = filterSql(wanted, 'k');
    const order = byNameOn('n', 'association_id');
    const keyset = keysetClause(order, after);
    // From the full-text index's docids to their keys and names by INTEGER PRIMARY KEY, in that loop order.
    return await db.all<KeyRow>(
      `SELECT n.name_sort, n.association_id AS id FROM (${match.sql}) s
CROSS JOIN association_search_keys k ON k.docid = s.docid
CROSS JOIN association_search_names n ON n.docid = s.docid
WHERE ${filters.sql} AND ${keyset.sql} ${orderByClause(order)} LIMIT ?`,
      [...match.params, ...filters.params, ...keyset.params, rows],
    );
  }
  const match = postgresSearchRows(db, ASSOCIATION_KIND, query.q);
  if (!match) return [];
  const filters = filterSql(wanted, 'a', 'a.id');
  const join = filters.params.length > 0 ? ' JOIN associations a ON a.id = m.id' : '';
  const order: Keyset = { name: BY_NAME.name, keys: [{ expr: 'm.sort_key' }, { expr: 'm.id' }] };
  const keyset = keysetClause(order, after);
  // Every match with its name from the rows the GIN index gives (MATERIALIZED: else the planner, which
  // misjudges how many rows a prefix matches, may walk the name index to meet a rare word), looked up in
  // `associations` only when filters need it.
  return await db.all<KeyRow>(
    `WITH m AS MATERIALIZED (${match.sql})
SELECT m.sort_key AS name_sort, m.id FROM m${join}
WHERE ${filters.sql} AND ${keyset.sql} ${orderByClause(order)} LIMIT ?`,
    [...match.params, ...filters.params, ...keyset.params, rows],
  );
}

/**
 * The page from the filters' rows, by whichever index of `associations` the planner finds the fewest rows
 * in (the domain filter as a set it can start from), each tested on its own words when there is a text,
 * sorted by name. Chosen when the filters are rarer than the text, and without a text when a walk would be
 * long.
 */
async function pageFromFilters(
  db: Db,
  query: AssociationSearchQuery,
  after: KeyValue[] | undefined,
  wanted: Wanted,
): Promise<KeyRow[]> {
  const filters = filterSql(wanted, 'a', 'a.id', 'driving');
  const keyset = keysetClause(BY_NAME, after);
  const sqlite = db.dialect === 'sqlite';
  const text = searchRowCondition(db, ASSOCIATION_KIND, { docid: 'd.docid', id: 'a.id' }, query.q);
  // On SQLite a row's words are found by its search docid.
  const docs =
    text && sqlite ? ` CROSS JOIN search_docs d ON d.kind = '${ASSOCIATION_KIND}' AND d.id = a.id` : '';
  return await db.all<KeyRow>(
    `SELECT a.name_sort, a.id FROM associations a${docs}
     WHERE ${filters.sql} AND ${text?.sql ?? '1 = 1'} AND ${keyset.sql} ${orderByClause(BY_NAME)} LIMIT ?`,
    [...filters.params, ...(text?.params ?? []), ...keyset.params, query.limit + 1],
  );
}

/** The stored records of a page's associations, by id: those its rows do not carry are read. */
async function readData(db: Db, page: readonly KeyRow[]): Promise<Map<string, Association>> {
  const records = new Map<string, Association>();
  const missing: string[] = [];
  for (const row of page)
    if (typeof row.data !== 'string') missing.push(row.id);
    else records.set(row.id, JSON.parse(row.data) as Association);
  if (missing.length === 0) return records;
  const rows = await db.all<{ id: string; data: string }>(
    `SELECT id, data FROM associations WHERE id IN (${marks(missing)})`,
    missing,
  );
  for (const row of rows) records.set(row.id, JSON.parse(row.data) as Association);
  return records;
}
