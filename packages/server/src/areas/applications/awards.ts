// SQL ↔ contract objects for public awards, and the award search (filters, facets and keyset pages in SQL).
import {
  type Award,
  type Funder,
  fromMinorUnits,
  type LocalizedText,
  type Money,
  type RegionCode,
  searchTerms,
  toMinorUnits,
} from '@nassij/contract';
import type { Db } from '../../db/db.js';
import {
  byCountThenValue,
  type FacetCountRow,
  type FacetPart,
  facetedCounts,
  inList,
  marks,
  type SqlCondition,
} from '../../db/faceted-search.js';
import { type Keyset, keysetClause, keysetPage, orderByClause, readKeysetCursor } from '../../http/cursor.js';
import { readStoredCall } from '../calls/store.js';
import type { ApplicationData, ApplicationRow, ListPage } from './store.js';

interface AwardData {
  callReference: string;
  callTitle: LocalizedText;
  funder: Funder;
  associationName: LocalizedText;
  projectTitle: string;
  domains: string[];
}

interface AwardRow {
  id: string;
  call_id: string;
  application_id: string;
  association_id: string;
  amount_minor: number | bigint;
  region: RegionCode;
  fiscal_year: number;
  funder_level: string;
  decided_at: string;
  data: string;
}

/** Input of {@link insertAward}. */
export interface NewAward {
  applicationId: string;
  amount: Money;
  decidedAt: string;
  /** Defaults to `awd_` + the application id's suffix. */
  id?: string;
}

/** Turns an `awards` row into the contract's {@link Award}. */
function awardOf(row: AwardRow): Award {
  const data = JSON.parse(row.data) as AwardData;
  return {
    id: row.id,
    callId: row.call_id,
    callReference: data.callReference,
    callTitle: data.callTitle,
    funder: data.funder,
    fiscalYear: Number(row.fiscal_year),
    applicationId: row.application_id,
    associationId: row.association_id,
    associationName: data.associationName,
    projectTitle: data.projectTitle,
    amount: fromMinorUnits(BigInt(row.amount_minor)),
    region: row.region,
    domains: data.domains,
    decidedAt: row.decided_at,
  };
}

/**
 * Publishes the award of an awarded application: call, funder, fiscal year and domains come from the call,
 * the association's name, region and project title from the application. Returns the award. Throws when
 * the application does not exist (a bug in the caller). The caller checks the amount against the call's
 * min/max award and writes the decision and status in the same transaction.
 *
 * @example
 * ```ts
 * db.transaction(() => {
 *   writeDecision(db, id, { outcome: 'awarded', amount, decidedAt }, auth.id);
 *   setApplicationStatus(db, id, 'awarded', decidedAt, { actor: auth.id });
 *   insertAward(db, { applicationId: id, amount, decidedAt });
 * });
 * ```
 */
export async function insertAward(db: Db, input: NewAward): Promise<Award> {
  const app = await db.one<ApplicationRow>('SELECT * FROM applications WHERE id = ?', [input.applicationId]);
  if (!app) throw new Error(`No application ${input.applicationId}`);
  const call = await readStoredCall(db, app.call_id);
  if (!call) throw new Error(`No call ${app.call_id}`);
  const appData = JSON.parse(app.data) as ApplicationData;
  const id = input.id ?? `awd_${input.applicationId.replace(/^app_/, '')}`;
  const data: AwardData = {
    callReference: call.reference,
    callTitle: call.title,
    funder: call.funder,
    associationName: appData.associationName,
    projectTitle: app.project_title ?? '',
    domains: call.domains,
  };
  await db.atomic(async () => {
    await db.write(
      `INSERT INTO awards (id, call_id, application_id, association_id, amount_minor, region, fiscal_year,
         funder_level, decided_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        call.id,
        app.id,
        app.association_id,
        toMinorUnits(input.amount),
        app.region,
        call.fiscalYear,
        call.funder.level,
        input.decidedAt,
        JSON.stringify(data),
      ],
    );
    for (const domain of new Set(call.domains))
      await db.write('INSERT INTO award_domains (award_id, domain) VALUES (?, ?)', [id, domain]);
    await writeAwardTerms(db, id, data);
  });
  const row = await db.one<AwardRow>('SELECT * FROM awards WHERE id = ?', [id]);
  if (!row) throw new Error(`Award ${id} was not stored`);
  return awardOf(row);
}

/**
 * One award, or `undefined`.
 *
 * @example
 * ```ts
 * readAward(db, 'awd_0001')?.amount.amount; // '150000.00'
 * ```
 */
export async function readAward(db: Db, id: string): Promise<Award | undefined> {
  const row = await db.one<AwardRow>('SELECT * FROM awards WHERE id = ?', [id]);
  return row ? awardOf(row) : undefined;
}

/**
 * Awards from raw rows selected with `SELECT * FROM awards …` (for list routes that build their own SQL).
 *
 * @example
 * ```ts
 * const items = awardsFromRows(db.query('SELECT * FROM awards WHERE call_id = ?', [callId]));
 * ```
 */
export function awardsFromRows(rows: readonly unknown[]): Award[] {
  return (rows as AwardRow[]).map(awardOf);
}

// ---------------------------------------------------------------------------------------------------------
// Award search

/**
 * The words an award is found by: the association's, the call's and the funder's names in every language,
 * the project title and the call reference, folded by the contract's `searchTerms` as the query is.
 */
function awardTermsOf(data: AwardData): string[] {
  const names = [data.associationName, data.callTitle, data.funder.name].flatMap((text) =>
    Object.values(text).flatMap((value) => searchTerms(value ?? '')),
  );
  return [...new Set([...names, ...searchTerms(`${data.projectTitle} ${data.callReference}`)])];
}

async function writeAwardTerms(db: Db, awardId: string, data: AwardData): Promise<void> {
  await db.write('DELETE FROM award_terms WHERE award_id = ?', [awardId]);
  for (const term of awardTermsOf(data))
    await db.write('INSERT INTO award_terms (award_id, term) VALUES (?, ?)', [awardId, term]);
}

/** The order in which {@link indexMissingAwardTerms} walks the awards: by id, the primary key. */
const AWARD_ID_ORDER: Keyset = { name: 'id', keys: [{ expr: 'a.id' }] };

/**
 * Indexes the words of awards published before `award_terms` existed (`022_call_keysets`), in batches of
 * `batchSize`: the applications area's `prepare`, at every start. A database made since has every award's
 * words from {@link insertAward}, and the check is then one indexed anti-join.
 *
 * @example
 * ```ts
 * const area: Area = { name: 'applications', prepare: (db) => indexMissingAwardTerms(db), … };
 * ```
 */
export async function indexMissingAwardTerms(db: Db, batchSize = 500): Promise<void> {
  // An award without words stays without a row in `award_terms`, so the next batch resumes after the last
  // id read rather than from the start: a batch of wordless awards neither ends the walk nor repeats.
  let after: string | undefined;
  for (;;) {
    const keyset = keysetClause(AWARD_ID_ORDER, after === undefined ? undefined : [after]);
    const rows = await db.all<{ id: string; data: string }>(
      `SELECT a.id, a.data FROM awards a
       WHERE NOT EXISTS (SELECT 1 FROM award_terms t WHERE t.award_id = a.id) AND (${keyset.sql})
       ${orderByClause(AWARD_ID_ORDER)} LIMIT ?`,
      [...keyset.params, batchSize],
    );
    const worded = rows.filter((row) => awardTermsOf(JSON.parse(row.data) as AwardData).length > 0);
    if (worded.length > 0)
      await db.atomic(async () => {
        for (const row of worded) await writeAwardTerms(db, row.id, JSON.parse(row.data) as AwardData);
      });
    after = rows.at(-1)?.id;
    if (rows.length < batchSize) break;
  }
}

/** Filters of an award search, as the contract's `AwardSearchQuery` parses them. */
export interface AwardSearch {
  q?: string | undefined;
  callId?: string | undefined;
  associationId?: string | undefined;
  region?: readonly string[] | undefined;
  domain?: readonly string[] | undefined;
  funderLevel?: readonly string[] | undefined;
  fiscalYear?: readonly number[] | undefined;
  limit: number;
  cursor?: string | undefined;
}

type AwardFacet = 'region' | 'domain' | 'funderLevel' | 'fiscalYear';

/** What each award facet counts: the value (text on both dialects, for the `UNION ALL`) and its tables. */
const AWARD_FACETS: readonly FacetPart<AwardFacet>[] = [
  { facet: 'region', value: 'a.region', from: 'awards a' },
  { facet: 'domain', value: 'd.domain', from: 'awards a JOIN award_domains d ON d.award_id = a.id' },
  { facet: 'funderLevel', value: 'a.funder_level', from: 'awards a' },
  { facet: 'fiscalYear', value: 'CAST(a.fiscal_year AS TEXT)', from: 'awards a' },
];

/**
 * Newest decision first. Served by `awards_decided (decided_at DESC, id)`, and by
 * `awards_by_call_decided` / `awards_by_association_decided` for one call's or one association's awards.
 */
const DECIDED: Keyset = {
  name: 'decided',
  keys: [{ expr: 'a.decided_at', desc: true }, { expr: 'a.id' }],
};

// Above every character a term holds: `term >= word AND term < word + TOP` is "term starts with word" as a
// range of the `award_terms_by_term` index (byte order: SQLite's BINARY, PostgreSQL's C collation).
const TOP = '\u{10FFFF}';

/**
 * One keyset page of public awards, newest decision first, with the exact total and region, domain,
 * funder level and fiscal year facets (each facet applies every filter but its own). `q` keeps the awards
 * where every word of the query starts a word of the association's, call's or funder's name, the project
 * title or the call reference, in any language (diacritics and letter variants folded).
 *
 * Everything is computed in SQL: the total and the four facets in one `UNION ALL` statement, the page with
 * `LIMIT limit + 1`. Counts are exact: at national scale (5 000 calls, some 100 000 awards over the
 * years) a facet is one `GROUP BY` over the matching awards' indexed columns, never their JSON.
 *
 * @example
 * ```ts
 * const page = await searchAwardPage(db, { region: ['MA-06'], fiscalYear: [2026], limit: 20 });
 * page.facets?.funderLevel; // [{ value: 'national', count: 12 }, …]
 * ```
 */
export async function searchAwardPage(db: Db, query: AwardSearch): Promise<ListPage<Award>> {
  const after = readKeysetCursor(query.cursor, DECIDED.name, DECIDED.keys.length);
  const scope: SqlCondition[] = [];
  if (query.callId) scope.push({ sql: 'a.call_id = ?', params: [query.callId] });
  if (query.associationId) scope.push({ sql: 'a.association_id = ?', params: [query.associationId] });
  const words = query.q ? searchTerms(query.q) : [];
  for (const word of words)
    scope.push({
      sql: 'EXISTS (SELECT 1 FROM award_terms t WHERE t.award_id = a.id AND t.term >= ? AND t.term < ?)',
      params: [word, `${word}${TOP}`],
    });
  const search = facetedCounts<AwardFacet>({
    from: 'awards a',
    base: scope,
    filters: {
      region: inList('a.region', query.region),
      domain: query.domain?.length
        ? {
            sql: `EXISTS (SELECT 1 FROM award_domains f WHERE f.award_id = a.id AND f.domain IN (${marks(query.domain)}))`,
            params: [...query.domain],
          }
        : undefined,
      funderLevel: inList('a.funder_level', query.funderLevel),
      fiscalYear: inList('a.fiscal_year', query.fiscalYear),
    },
    facets: AWARD_FACETS,
  });
  const position = keysetClause(DECIDED, after);
  const [counts, rows] = await Promise.all([
    db.all<FacetCountRow>(search.counts.sql, search.counts.params),
    db.all<AwardRow>(
      `SELECT a.* FROM awards a WHERE ${search.where.sql} AND (${position.sql}) ${orderByClause(DECIDED)} LIMIT ?`,
      [...search.where.params, ...position.params, query.limit + 1],
    ),
  ]);
  const page = keysetPage(rows, query.limit, DECIDED.name, (row) => [row.decided_at, row.id]);
  const { total, facets } = search.read(counts);
  for (const list of Object.values(facets)) list.sort(byCountThenValue);
  return { items: page.items.map(awardOf), nextCursor: page.nextCursor, total, facets };
}
