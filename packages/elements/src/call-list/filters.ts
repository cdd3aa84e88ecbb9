import type { CallSearchQuery, CallSort, CallSummary, Facets } from '@nassij/contract';

/** The facets `<nassij-call-list>` shows, in display order; each is a multi-valued filter of the same name. */
export const CALL_FACETS = [
  'status',
  'region',
  'domain',
  'sector',
  'funderLevel',
  'awardRange',
  'closing',
] as const;
/** One of {@link CALL_FACETS}. */
export type CallFacet = (typeof CALL_FACETS)[number];

/** The sort orders offered, first is the default. */
export const CALL_SORTS: readonly CallSort[] = ['closing_soonest', 'newest', 'largest'];

/** What a reader has chosen: free text, facet values and the sort order. */
export interface CallFilters {
  q: string;
  sort: CallSort;
  values: Record<CallFacet, string[]>;
}

/**
 * Empty filters (no text, no facet value, default sort).
 *
 * @example
 * ```ts
 * emptyFilters().values.status; // []
 * ```
 */
export function emptyFilters(): CallFilters {
  const values = {} as Record<CallFacet, string[]>;
  for (const facet of CALL_FACETS) values[facet] = [];
  return { q: '', sort: 'closing_soonest', values };
}

/**
 * Splits an attribute such as `status="open forecast"` or `region="MA-01,MA-06"` into its values.
 *
 * @example
 * ```ts
 * splitList('MA-01, MA-06'); // ['MA-01', 'MA-06']
 * ```
 */
export function splitList(value: string | null | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter(Boolean);
}

/**
 * The SDK query for some filters: empty facets and empty text are left out.
 *
 * @example
 * ```ts
 * toSearchQuery({ ...emptyFilters(), q: 'شباب' }); // { q: 'شباب', sort: 'closing_soonest' }
 * ```
 */
export function toSearchQuery(filters: CallFilters): CallSearchQuery {
  const query: Record<string, unknown> = { sort: filters.sort };
  const q = filters.q.trim();
  if (q) query.q = q;
  for (const facet of CALL_FACETS)
    if (filters.values[facet].length) query[facet] = [...filters.values[facet]];
  // The server validates the values; an unknown one comes back as a translated validation error.
  return query as CallSearchQuery;
}

/**
 * Writes the filters into `params` under `prefix` (`nassij-q`, `nassij-region` repeated…), replacing what
 * was there under that prefix and keeping the page's own parameters. The default sort is left out.
 *
 * @example
 * ```ts
 * const params = new URLSearchParams('page=2');
 * writeFilters(params, { ...emptyFilters(), q: 'eau' }, 'nassij-');
 * params.toString(); // 'page=2&nassij-q=eau'
 * ```
 */
export function writeFilters(params: URLSearchParams, filters: CallFilters, prefix: string): URLSearchParams {
  for (const key of [...params.keys()]) if (key.startsWith(prefix)) params.delete(key);
  const q = filters.q.trim();
  if (q) params.set(`${prefix}q`, q);
  for (const facet of CALL_FACETS)
    for (const value of filters.values[facet]) params.append(prefix + facet, value);
  if (filters.sort !== CALL_SORTS[0]) params.set(`${prefix}sort`, filters.sort);
  return params;
}

/**
 * Reads filters written by {@link writeFilters}; `undefined` when no parameter carries the prefix, so that
 * the element's own presets apply.
 *
 * @example
 * ```ts
 * readFilters(new URLSearchParams('nassij-status=open'), 'nassij-')?.values.status; // ['open']
 * ```
 */
export function readFilters(params: URLSearchParams, prefix: string): CallFilters | undefined {
  if (![...params.keys()].some((key) => key.startsWith(prefix))) return undefined;
  const filters = emptyFilters();
  filters.q = params.get(`${prefix}q`) ?? '';
  const sort = params.get(`${prefix}sort`);
  if (sort && (CALL_SORTS as readonly string[]).includes(sort)) filters.sort = sort as CallSort;
  for (const facet of CALL_FACETS) filters.values[facet] = params.getAll(prefix + facet).filter(Boolean);
  return filters;
}

/**
 * Facet counts computed from the calls a host gave, for data mode without `facets`.
 *
 * @example
 * ```ts
 * countFacets(calls).status; // [{ value: 'open', count: 6 }]
 * ```
 */
export function countFacets(calls: readonly CallSummary[]): Facets {
  const counts: Record<string, Map<string, number>> = {};
  const add = (facet: string, value: string) => {
    counts[facet] ??= new Map();
    counts[facet].set(value, (counts[facet].get(value) ?? 0) + 1);
  };
  for (const call of calls) {
    add('status', call.status);
    for (const region of call.eligibleRegions) add('region', region);
    for (const domain of call.domains) add('domain', domain);
    add('sector', call.funder.sectorCode);
    add('funderLevel', call.funder.level);
  }
  const facets: Facets = {};
  for (const [facet, map] of Object.entries(counts))
    facets[facet] = [...map].map(([value, count]) => ({ value, count }));
  return facets;
}
