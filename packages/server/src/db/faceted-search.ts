import type { FacetValue } from '@nassij/contract';
import type { SqlValue } from './db.js';

/** A piece of SQL with its `?` parameters. */
export interface SqlCondition {
  sql: string;
  params: SqlValue[];
}

/**
 * `?, ?, ?`: one placeholder per value, for an `IN (…)`.
 *
 * @example
 * ```ts
 * const region = { sql: `a.region IN (${marks(regions)})`, params: [...regions] };
 * ```
 */
export function marks(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

/**
 * `expr IN (?, …)` for a filter given as a list; `undefined` when the list is absent or empty (no filter).
 *
 * @example
 * ```ts
 * const filters = { region: inList('a.region', query.region), sector: inList('c.sector_code', query.sector) };
 * ```
 */
export function inList(expr: string, values: readonly SqlValue[] | undefined): SqlCondition | undefined {
  return values?.length ? { sql: `${expr} IN (${marks(values)})`, params: [...values] } : undefined;
}

/**
 * Every condition at once: their SQL joined by `AND` (each in parentheses), their parameters in order;
 * `1 = 1` when there is none.
 *
 * @example
 * ```ts
 * const where = allOf([region, domain].filter((c) => c !== undefined));
 * await db.all(`SELECT id FROM associations a WHERE ${where.sql}`, where.params);
 * ```
 */
export function allOf(conditions: readonly SqlCondition[]): SqlCondition {
  if (conditions.length === 0) return { sql: '1 = 1', params: [] };
  return {
    sql: conditions.map((c) => `(${c.sql})`).join(' AND '),
    params: conditions.flatMap((c) => c.params),
  };
}

/**
 * Facet order of the API: most frequent first, then by value.
 *
 * @example
 * ```ts
 * for (const list of Object.values(facets)) list.sort(byCountThenValue);
 * ```
 */
export function byCountThenValue(a: FacetValue, b: FacetValue): number {
  return b.count - a.count || a.value.localeCompare(b.value);
}

/**
 * One facet of a search: the SQL of its value (text, for the `UNION ALL`), the `FROM` it counts over
 * (joins to a list table included) and any condition of its own. A facet may count in several parts (the
 * regions of regional calls, then national calls): their rows add up under the same name.
 */
export interface FacetPart<F extends string> {
  facet: F;
  value: string;
  from: string;
  extra?: string;
}

/** A faceted search's count statement and how to read its rows back. */
export interface FacetedCounts<F extends string> {
  /** Every condition (base and filters): the WHERE of the page itself. */
  where: SqlCondition;
  /** The total and each facet's counts, one `UNION ALL` statement: one round trip, however many facets. */
  counts: SqlCondition;
  /** The total, and each facet's values with their counts (unsorted; values that are NULL are left out). */
  read(rows: readonly FacetCountRow[]): { total: number; facets: Record<F, FacetValue[]> };
}

/** A row of {@link FacetedCounts.counts}. */
export interface FacetCountRow {
  facet: string;
  value: unknown;
  n: number | string;
}

/**
 * Counts a faceted search in SQL: the total under every filter, and each facet under every filter but its
 * own (so that choosing a region still shows the other regions). The facet's value is counted through a
 * subquery, so that PostgreSQL groups by a plain column as SQLite does.
 *
 * @example
 * ```ts
 * const search = facetedCounts({
 *   from: 'awards a',
 *   base: [{ sql: 'a.call_id = ?', params: [callId] }],
 *   filters: { region: regions.length ? { sql: `a.region IN (${marks(regions)})`, params: regions } : undefined },
 *   facets: [{ facet: 'region', value: 'a.region', from: 'awards a' }],
 * });
 * const rows = await db.all<FacetCountRow>(search.counts.sql, search.counts.params);
 * const { total, facets } = search.read(rows);
 * ```
 */
export function facetedCounts<F extends string>(options: {
  from: string;
  base: readonly SqlCondition[];
  filters: Readonly<Record<F, SqlCondition | undefined>>;
  facets: readonly FacetPart<F>[];
}): FacetedCounts<F> {
  const names = Object.keys(options.filters) as F[];
  const whereBut = (except?: F): SqlCondition => {
    const parts = options.base.length > 0 ? options.base.map((c) => c.sql) : ['1 = 1'];
    const params = options.base.flatMap((c) => c.params);
    for (const name of names) {
      const condition = options.filters[name];
      if (!condition || name === except) continue;
      parts.push(condition.sql);
      params.push(...condition.params);
    }
    return { sql: parts.join(' AND '), params };
  };
  const where = whereBut();
  const branches: SqlCondition[] = [
    {
      sql: `SELECT 'total' AS facet, '' AS value, COUNT(*) AS n FROM ${options.from} WHERE ${where.sql}`,
      params: where.params,
    },
    ...options.facets.map(({ facet, value, from, extra }) => {
      const own = whereBut(facet);
      return {
        sql: `SELECT '${facet}' AS facet, s.value, COUNT(*) AS n
              FROM (SELECT ${value} AS value FROM ${from} WHERE ${own.sql}${extra ?? ''}) s
              WHERE s.value IS NOT NULL GROUP BY s.value`,
        params: own.params,
      };
    }),
  ];
  return {
    where,
    counts: {
      sql: branches.map((branch) => branch.sql).join(' UNION ALL '),
      params: branches.flatMap((branch) => branch.params),
    },
    read(rows) {
      const facets = Object.fromEntries(options.facets.map(({ facet }) => [facet, []])) as unknown as Record<
        F,
        FacetValue[]
      >;
      let total = 0;
      for (const row of rows) {
        if (row.facet === 'total') total = Number(row.n);
        else facets[row.facet as F]?.push({ value: String(row.value), count: Number(row.n) });
      }
      return { total, facets };
    },
  };
}
