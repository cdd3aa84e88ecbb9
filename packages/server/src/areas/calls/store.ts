// SQL ↔ contract objects for calls, and the call search (filters, facets and keyset pages in SQL).
// Applications, reviews, decisions and awards live in ../applications/ (store.ts, reviews.ts, awards.ts).
import {
  AWARD_RANGE_BOUNDS,
  AWARD_RANGES,
  type Call,
  type CallSort,
  type CallStats,
  type CallStatus,
  type CallSummary,
  casablancaDate,
  type FacetValue,
  fromCasablancaWallClock,
  fromMinorUnits,
  type Money,
  toMinorUnits,
} from '@nassij/contract';
import type { Db, SqlValue } from '../../db/db.js';
import {
  byCountThenValue,
  type FacetCountRow,
  facetedCounts,
  inList,
  marks,
} from '../../db/faceted-search.js';
import { cachedFigure } from '../../db/versioned-cache.js';
import { type Keyset, keysetClause, keysetPage, orderByClause, readKeysetCursor } from '../../http/cursor.js';
import { indexForSearch, searchCondition } from '../../search/search.js';
import { organisationIdOf } from '../organisations/organisation.js';

/** A call as stored: everything but `stats`, which {@link readCall} computes from applications and awards. */
export type StoredCall = Omit<Call, 'stats'>;

/** Search index kind of calls. */
export const CALL_SEARCH_KIND = 'call';

interface CallRow {
  id: string;
  data: string;
}

/**
 * The start of the public references of a sector's calls: `MA-` and the initials of its code
 * (`region-souss-massa` → `MA-RSM`), followed by `-<fiscal year>-<number>`.
 *
 * @example
 * ```ts
 * `${callReferencePrefix('region-souss-massa')}-2027-0001`; // 'MA-RSM-2027-0001'
 * ```
 */
export function callReferencePrefix(sectorCode: string): string {
  const initials = sectorCode
    .split('-')
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');
  return `MA-${initials}`;
}

/** The organisation of a call: its funder's, or the one of its sector. */
function organisationOfCall(call: Pick<StoredCall, 'funder'>): string {
  return call.funder.organisationId ?? organisationIdOf(call.funder.sectorCode);
}

function minorOrNull(money: Money | undefined): bigint | null {
  return money ? toMinorUnits(money) : null;
}

/**
 * Inserts or replaces a call with its region and domain links, and (re)indexes it for search by titles,
 * summaries, descriptions, reference, programme and funder name in every language. Run inside a
 * transaction when writing many.
 *
 * @example
 * ```ts
 * db.transaction(() => writeCall(db, { ...call, status: 'closed', version: call.version + 1 }));
 * ```
 */
export async function writeCall(db: Db, call: StoredCall): Promise<void> {
  const { stats: _ignored, ...stored } = call as StoredCall & { stats?: CallStats };
  await db.atomic(async () => {
    await db.write('DELETE FROM call_regions WHERE call_id = ?', [call.id]);
    await db.write('DELETE FROM call_domains WHERE call_id = ?', [call.id]);
    const params: SqlValue[] = [
      call.id,
      call.reference,
      call.status,
      call.fiscalYear,
      call.instrument,
      call.funder.level,
      call.funder.sectorCode,
      call.coverage,
      call.dates.opensAt,
      call.dates.closes?.at ?? null,
      call.dates.publishedAt,
      minorOrNull(call.budget.maxAward),
      minorOrNull(call.budget.minAward),
      organisationOfCall(call),
      JSON.stringify(stored),
    ];
    await db.write(
      `INSERT INTO calls (id, reference, status, fiscal_year, instrument, funder_level, sector_code, coverage,
         opens_at, closes_at, published_at, max_award_minor, min_award_minor, organisation_id, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET reference = excluded.reference, status = excluded.status,
         fiscal_year = excluded.fiscal_year, instrument = excluded.instrument,
         funder_level = excluded.funder_level, sector_code = excluded.sector_code,
         coverage = excluded.coverage, opens_at = excluded.opens_at, closes_at = excluded.closes_at,
         published_at = excluded.published_at, max_award_minor = excluded.max_award_minor,
         min_award_minor = excluded.min_award_minor, organisation_id = excluded.organisation_id,
         data = excluded.data`,
      params,
    );
    for (const region of new Set(call.eligibleRegions))
      await db.write('INSERT INTO call_regions (call_id, region) VALUES (?, ?)', [call.id, region]);
    for (const domain of new Set(call.domains))
      await db.write('INSERT INTO call_domains (call_id, domain) VALUES (?, ?)', [call.id, domain]);
    await indexForSearch(db, CALL_SEARCH_KIND, call.id, [
      call.title,
      call.summary,
      call.description,
      call.reference,
      call.programme,
      call.funder.name,
    ]);
  });
}

/**
 * Public figures of a call: `applications` counts submitted applications (not drafts nor withdrawn ones),
 * `eligible` those that passed the eligibility check (under review, awarded, or rejected at decision),
 * `awarded` and `amountAwarded` come from the awards table.
 *
 * @example
 * ```ts
 * callStats(db, 'call_0003').amountAwarded.amount; // '450000.00'
 * ```
 */
export async function callStats(db: Db, callId: string): Promise<CallStats> {
  const counts = await db.one<{ applications: number; eligible: number }>(
    `SELECT
       COALESCE(SUM(CASE WHEN a.status NOT IN ('draft', 'withdrawn') THEN 1 ELSE 0 END), 0) AS applications,
       COALESCE(SUM(CASE WHEN a.status IN ('under_review', 'awarded')
         OR (a.status = 'rejected' AND d.application_id IS NOT NULL) THEN 1 ELSE 0 END), 0) AS eligible
     FROM applications a LEFT JOIN decisions d ON d.application_id = a.id
     WHERE a.call_id = ?`,
    [callId],
  );
  const awards = await db.one<{ awarded: number; amount: number | bigint | null }>(
    'SELECT COUNT(*) AS awarded, SUM(amount_minor) AS amount FROM awards WHERE call_id = ?',
    [callId],
  );
  return {
    applications: Number(counts?.applications ?? 0),
    eligible: Number(counts?.eligible ?? 0),
    awarded: Number(awards?.awarded ?? 0),
    amountAwarded: fromMinorUnits(BigInt(awards?.amount ?? 0)),
  };
}

/**
 * A call's status at `now`: the clock moves a call forward on its dates, as the call search computes it in
 * SQL ({@link callStatusSql}). A `forecast` call is `open` from `opensAt`, and a `forecast` or `open` call is
 * `closed` from its deadline; a status set by hand (`closed` early, `under_review`, `awarded`, `cancelled`)
 * stays. Instants compare as strings, as stored (UTC with a `Z`).
 *
 * @example
 * ```ts
 * callStatusAt({ status: 'forecast', dates: { opensAt: '2026-03-01T08:00:00Z' } }, new Date('2026-03-02'));
 * // 'open'
 * ```
 */
export function callStatusAt(
  call: { status: CallStatus; dates: { opensAt: string; closes?: { at: string } | undefined } },
  now: Date,
): CallStatus {
  const at = now.toISOString();
  const closes = call.dates.closes?.at;
  if ((call.status === 'forecast' || call.status === 'open') && closes !== undefined && closes <= at)
    return 'closed';
  if (call.status === 'forecast' && call.dates.opensAt <= at) return 'open';
  return call.status;
}

/**
 * Whether a published call `id` exists (a draft is not one: it lives in `call_drafts` only).
 *
 * @example
 * ```ts
 * if (!(await callExists(db, callId))) throw problem('not_found', `No call ${callId}`);
 * ```
 */
export async function callExists(db: Db, id: string): Promise<boolean> {
  return (await db.one('SELECT 1 AS found FROM calls WHERE id = ?', [id])) !== undefined;
}

/**
 * Reads the stored call object (without stats), or `undefined`. With `now`, its status follows the clock
 * ({@link callStatusAt}); without, it is the stored one.
 *
 * @example
 * ```ts
 * const stored = await readStoredCall(db, 'call_0001', now);
 * stored?.form.version; // 1
 * ```
 */
export async function readStoredCall(db: Db, id: string, now?: Date): Promise<StoredCall | undefined> {
  const row = await db.one<StoredCallRow>('SELECT id, organisation_id, data FROM calls WHERE id = ?', [id]);
  return row ? storedCallOf(row, now) : undefined;
}

/**
 * Reads the stored call objects of `ids` in one statement, in `ids` order, leaving out unknown ones; with
 * `now`, as {@link readStoredCall} does.
 *
 * @example
 * ```ts
 * const calls = await readStoredCalls(db, ['call_0001', 'call_0002']);
 * ```
 */
export async function readStoredCalls(db: Db, ids: readonly string[], now?: Date): Promise<StoredCall[]> {
  if (ids.length === 0) return [];
  const rows = await db.all<StoredCallRow>(
    `SELECT id, organisation_id, data FROM calls WHERE id IN (${marks(ids)})`,
    [...ids],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [storedCallOf(row, now)] : [];
  });
}

type StoredCallRow = CallRow & { organisation_id: string | null };

function storedCallOf(row: StoredCallRow, now?: Date): StoredCall {
  const parsed = JSON.parse(row.data) as StoredCall;
  // Calls written before organisations existed carry their organisation in the column only.
  const stored =
    parsed.funder.organisationId || !row.organisation_id
      ? parsed
      : { ...parsed, funder: { organisationId: row.organisation_id, ...parsed.funder } };
  return now ? { ...stored, status: callStatusAt(stored, now) } : stored;
}

/**
 * A call in full, with its stats computed from applications and awards; `undefined` when unknown. With
 * `now`, its status follows the clock ({@link callStatusAt}).
 *
 * @example
 * ```ts
 * const call = await readCall(db, 'call_0001', now);
 * if (!call) throw problem('not_found');
 * call.requiredDocuments.map((d) => d.id); // ['statutes', 'budget']
 * ```
 */
export async function readCall(db: Db, id: string, now?: Date): Promise<Call | undefined> {
  if (!now) return await loadCall(db, id);
  // Kept per data version until the call, its applications or its awards are written, or its own next
  // date moves its status.
  return await cachedFigure(db, {
    key: `call|${id}`,
    tables: [...CALL_TABLES, 'applications', 'awards'],
    now,
    compute: async () => {
      const call = await loadCall(db, id, now);
      return { value: call, ...(call ? { validUntil: nextDateOf(call, now) } : {}) };
    },
  });
}

async function loadCall(db: Db, id: string, now?: Date): Promise<Call | undefined> {
  const stored = await readStoredCall(db, id, now);
  return stored ? { ...stored, stats: await callStats(db, id) } : undefined;
}

/** The next instant at which the clock changes this call's status ({@link callStatusAt}), if any. */
function nextDateOf(call: StoredCall, now: Date): string | undefined {
  const at = now.toISOString();
  const dates = [call.dates.opensAt, call.dates.closes?.at].filter(
    (date): date is string => date !== undefined && date > at,
  );
  return dates.sort()[0];
}

/**
 * The card fields of a call (the contract's `CallSummary`) taken from a full or stored call.
 *
 * @example
 * ```ts
 * const summary = callSummaryOf(readStoredCall(db, 'call_0001')!);
 * ```
 */
export function callSummaryOf(call: StoredCall): CallSummary {
  return {
    id: call.id,
    reference: call.reference,
    title: call.title,
    summary: call.summary,
    funder: call.funder,
    ...(call.programme ? { programme: call.programme } : {}),
    fiscalYear: call.fiscalYear,
    instrument: call.instrument,
    domains: call.domains,
    coverage: call.coverage,
    eligibleRegions: call.eligibleRegions,
    budget: call.budget,
    dates: call.dates,
    deadlineModel: call.deadlineModel,
    status: call.status,
    version: call.version,
  };
}

/**
 * A call as a list shows it, or `undefined`.
 *
 * @example
 * ```ts
 * readCallSummary(db, 'call_0002')?.dates.closes?.at;
 * ```
 */
export async function readCallSummary(db: Db, id: string): Promise<CallSummary | undefined> {
  const stored = await readStoredCall(db, id);
  return stored ? callSummaryOf(stored) : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Call search

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * An instant as a SQL literal. The search's clock-dependent expressions (status, closing bucket, the rank
 * of the closing sort) hold `now` as a literal rather than a `?`: a keyset key is SQL text repeated in the
 * keyset clause, where a placeholder would shift the parameters, and PostgreSQL only matches a `GROUP BY`
 * expression to the selected one when both are the same text. The value is `Date#toISOString()`, checked.
 */
function instantLiteral(at: Date): string {
  const text = at.toISOString();
  if (!ISO_INSTANT.test(text)) throw new Error(`Not an instant: ${text}`);
  return `'${text}'`;
}

/**
 * The SQL twin of {@link callStatusAt} over `calls c`: the status at `now`, computed from `opens_at` and
 * `closes_at` so that a search filters and counts calls by the status they have now, not the one stored
 * when they were last written.
 *
 * @example
 * ```ts
 * await db.all(`SELECT c.id, ${callStatusSql(now)} AS status FROM calls c`);
 * ```
 */
export function callStatusSql(now: Date): string {
  const at = instantLiteral(now);
  return `(CASE WHEN c.status IN ('forecast', 'open') AND c.closes_at <= ${at} THEN 'closed'
    WHEN c.status = 'forecast' AND c.opens_at <= ${at} THEN 'open' ELSE c.status END)`;
}

/** The award-range bucket of `calls.max_award_minor` (centimes), `NULL` without a maximum. */
const AWARD_RANGE_SQL = `(CASE ${AWARD_RANGES.map((range) => {
  const [min, max] = AWARD_RANGE_BOUNDS[range];
  const upper = max === null ? '' : ` AND c.max_award_minor < ${max * 100}`;
  return `WHEN c.max_award_minor >= ${min * 100}${upper} THEN '${range}'`;
}).join(' ')} END)`;

/** The instant Casablanca's clock reads midnight, `days` calendar days after the day of `now` there. */
function casablancaMidnightAfter(now: Date, days: number): Date {
  const today = Date.parse(`${casablancaDate(now)}T00:00:00Z`);
  return fromCasablancaWallClock(new Date(today + days * 86_400_000));
}

/**
 * The closing bucket of `calls.closes_at` in Casablanca calendar days from now, as `casablancaDaysUntil`
 * counts them: 0–7 days, 8–30, later, or `no-deadline`; `NULL` once past. A deadline N days away is
 * before the midnight that starts day N + 1, so the buckets are ranges of instants computed once here.
 */
function closingSql(now: Date): string {
  const at = instantLiteral(now);
  const day8 = instantLiteral(casablancaMidnightAfter(now, 8));
  const day31 = instantLiteral(casablancaMidnightAfter(now, 31));
  return `(CASE WHEN c.closes_at IS NULL THEN 'no-deadline' WHEN c.closes_at < ${at} THEN NULL
    WHEN c.closes_at < ${day8} THEN 'within-7-days' WHEN c.closes_at < ${day31} THEN 'within-30-days'
    ELSE 'later' END)`;
}

/**
 * The next instant at which the clock alone changes a call's status or closing bucket (what
 * {@link callStatusSql} and {@link closingSql} compute): a forecast call's opening, a deadline, or the
 * next midnight in Casablanca (the buckets count calendar days). Compared as text, as those do.
 */
async function nextCallBoundary(db: Db, now: Date): Promise<string> {
  const at = now.toISOString();
  const next = await db.one<{ t: string | null }>(
    `SELECT MIN(t) AS t FROM (
       SELECT MIN(opens_at) AS t FROM calls WHERE status = 'forecast' AND opens_at > ?
       UNION ALL SELECT MIN(closes_at) FROM calls WHERE closes_at > ?
     ) x`,
    [at, at],
  );
  const midnight = casablancaMidnightAfter(now, 1).toISOString();
  return next?.t && next.t < midnight ? next.t : midnight;
}

/**
 * The keyset of each sort. `newest` and `largest` are served by `calls_newest` and `calls_largest`;
 * `closing_soonest` ranks upcoming deadlines first (soonest first), then past ones (most recent first),
 * then calls without a deadline, and that rank moves with the clock, so no index holds it: it costs one
 * pass over the matching calls, which stay in the thousands at national scale (about 5 000 calls).
 */
function callKeyset(sort: CallSort, now: Date): Keyset {
  if (sort === 'newest')
    return { name: 'newest', keys: [{ expr: 'c.published_at', desc: true }, { expr: 'c.id' }] };
  if (sort === 'largest')
    return {
      name: 'largest',
      keys: [{ expr: 'COALESCE(c.max_award_minor, -1)', desc: true }, { expr: 'c.id' }],
    };
  const at = instantLiteral(now);
  return {
    name: 'closing',
    keys: [
      { expr: `(CASE WHEN c.closes_at IS NULL THEN 2 WHEN c.closes_at >= ${at} THEN 0 ELSE 1 END)` },
      // Upcoming deadlines ascending, past ones descending: one key each, '' for the other rows.
      { expr: `(CASE WHEN c.closes_at >= ${at} THEN c.closes_at ELSE '' END)` },
      { expr: `(CASE WHEN c.closes_at < ${at} THEN c.closes_at ELSE '' END)`, desc: true },
      { expr: 'c.id' },
    ],
  };
}

const CALL_FACETS = [
  'status',
  'region',
  'domain',
  'sector',
  'funderLevel',
  'instrument',
  'fiscalYear',
  'awardRange',
  'closing',
] as const;
type CallFacet = (typeof CALL_FACETS)[number];

/** Moroccan regions: a national call is open to applicants of every one. */
const REGION_CODES = Array.from({ length: 12 }, (_, i) => `MA-${String(i + 1).padStart(2, '0')}`);

/** Filters of a call search, as the contract's `CallSearchQuery` parses them. */
export interface CallSearch {
  q?: string | undefined;
  status?: readonly string[] | undefined;
  region?: readonly string[] | undefined;
  domain?: readonly string[] | undefined;
  sector?: readonly string[] | undefined;
  funderLevel?: readonly string[] | undefined;
  instrument?: readonly string[] | undefined;
  fiscalYear?: readonly number[] | undefined;
  awardRange?: readonly string[] | undefined;
  closing?: readonly string[] | undefined;
  sort: CallSort;
  limit: number;
  cursor?: string | undefined;
}

/**
 * One keyset page of the call search with the exact total and the nine facets, all computed in SQL: the
 * full-text match (the search index), the filters, the status and closing bucket at `now`, the facet counts
 * (each facet applies every filter but its own, so that picking a value never hides the others) and the
 * page (`LIMIT limit + 1` after the cursor's position). Two statements whatever the number of calls: the
 * page, and the total with every facet in one `UNION ALL`. Counts are exact: calls number in the thousands
 * at national scale, and the counts read the `calls_facets` covering index, not the calls' JSON.
 *
 * @example
 * ```ts
 * const page = await searchCallPage(db, { status: ['open'], sort: 'closing_soonest', limit: 20 }, now);
 * page.facets?.region; // [{ value: 'MA-06', count: 14 }, …]
 * ```
 */
export async function searchCallPage(db: Db, query: CallSearch, now: Date): Promise<CallPage> {
  // A whole page is kept too (per query, cursor included), under the same rules as the counts: repeated
  // pages (the embed's first page, a shared link) cost a version check.
  return await cachedFigure(db, {
    key: `calls-page|${JSON.stringify(query)}`,
    tables: CALL_TABLES,
    now,
    compute: async () => ({
      value: await readCallPage(db, query, now),
      validUntil: await nextCallBoundary(db, now),
    }),
  });
}

/** One page of the call search, as {@link searchCallPage} answers it. */
export interface CallPage {
  items: CallSummary[];
  nextCursor: string | null;
  total: number;
  facets: Record<string, FacetValue[]>;
}

/** The tables a call search reads (`call_domains` is written only with its call, which bumps `calls`). */
const CALL_TABLES = ['calls', 'call_regions'] as const;

async function readCallPage(db: Db, query: CallSearch, now: Date): Promise<CallPage> {
  const keyset = callKeyset(query.sort, now);
  const after = readKeysetCursor(query.cursor, keyset.name, keyset.keys.length);
  const status = callStatusSql(now);
  const closing = closingSql(now);
  const match = searchCondition(db, CALL_SEARCH_KIND, 'c.id', query.q);
  const search = facetedCounts<CallFacet>({
    from: 'calls c',
    base: match ? [match] : [],
    filters: {
      status: inList(status, query.status),
      region: query.region?.length
        ? {
            sql: `(c.coverage = 'national' OR EXISTS (SELECT 1 FROM call_regions fr WHERE fr.call_id = c.id
                  AND fr.region IN (${marks(query.region)})))`,
            params: [...query.region],
          }
        : undefined,
      domain: query.domain?.length
        ? {
            sql: `EXISTS (SELECT 1 FROM call_domains fd WHERE fd.call_id = c.id AND fd.domain IN (${marks(query.domain)}))`,
            params: [...query.domain],
          }
        : undefined,
      sector: inList('c.sector_code', query.sector),
      funderLevel: inList('c.funder_level', query.funderLevel),
      instrument: inList('c.instrument', query.instrument),
      fiscalYear: inList('c.fiscal_year', query.fiscalYear),
      awardRange: inList(AWARD_RANGE_SQL, query.awardRange),
      closing: inList(closing, query.closing),
    },
    facets: [
      { facet: 'status', value: status, from: 'calls c' },
      // Regional calls by their links; national ones once, added to every region below.
      {
        facet: 'region',
        value: 'r.region',
        from: 'calls c JOIN call_regions r ON r.call_id = c.id',
        extra: " AND c.coverage <> 'national'",
      },
      { facet: 'region', value: "'national'", from: 'calls c', extra: " AND c.coverage = 'national'" },
      { facet: 'domain', value: 'd.domain', from: 'calls c JOIN call_domains d ON d.call_id = c.id' },
      { facet: 'sector', value: 'c.sector_code', from: 'calls c' },
      { facet: 'funderLevel', value: 'c.funder_level', from: 'calls c' },
      { facet: 'instrument', value: 'c.instrument', from: 'calls c' },
      { facet: 'fiscalYear', value: 'CAST(c.fiscal_year AS TEXT)', from: 'calls c' },
      { facet: 'awardRange', value: AWARD_RANGE_SQL, from: 'calls c' },
      { facet: 'closing', value: closing, from: 'calls c' },
    ],
  });
  const position = keysetClause(keyset, after);
  const keyColumns = keyset.keys.map((key, index) => `${key.expr} AS k${index}`).join(', ');
  // The counts depend on the text and the filters, not on the sort or the page: one entry per
  // combination, kept until a call is written or the clock moves a call's status or closing bucket.
  const { cursor: _cursor, sort: _sort, limit: _limit, ...filtersOnly } = query;
  const [counts, rows] = await Promise.all([
    cachedFigure(db, {
      key: `calls|${JSON.stringify(filtersOnly)}`,
      tables: CALL_TABLES,
      now,
      compute: async () => ({
        value: await db.all<FacetCountRow>(search.counts.sql, search.counts.params),
        validUntil: await nextCallBoundary(db, now),
      }),
    }),
    // Ids and keys only: a sort that no index serves (closing_soonest) then sorts small rows, not every
    // matching call's JSON; the page's JSON comes next, by id.
    db.all<Record<string, unknown> & { id: string; status_now: CallStatus }>(
      `SELECT c.id, ${status} AS status_now, ${keyColumns} FROM calls c
       WHERE ${search.where.sql} AND (${position.sql}) ${orderByClause(keyset)} LIMIT ?`,
      [...search.where.params, ...position.params, query.limit + 1],
    ),
  ]);
  const page = keysetPage(rows, query.limit, keyset.name, (row) =>
    keyset.keys.map((_, index) => row[`k${index}`] as string | number),
  );
  const data = new Map<string, string>();
  if (page.items.length > 0)
    for (const row of await db.all<{ id: string; data: string }>(
      `SELECT id, data FROM calls WHERE id IN (${marks(page.items)})`,
      page.items.map((item) => item.id),
    ))
      data.set(row.id, row.data);
  const { total, facets } = search.read(counts);
  const regions = new Map<string, number>();
  for (const { value, count } of facets.region)
    for (const region of value === 'national' ? REGION_CODES : [value])
      regions.set(region, (regions.get(region) ?? 0) + count);
  facets.region = [...regions].map(([value, count]) => ({ value, count }));
  for (const list of Object.values(facets)) list.sort(byCountThenValue);
  return {
    // A call deleted between the two statements is left out of the page rather than failing it.
    items: page.items.flatMap((row) => {
      const json = data.get(row.id);
      return json ? [{ ...callSummaryOf(JSON.parse(json) as StoredCall), status: row.status_now }] : [];
    }),
    nextCursor: page.nextCursor,
    total,
    facets,
  };
}
