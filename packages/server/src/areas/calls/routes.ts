import {
  AWARD_RANGE_BOUNDS,
  AWARD_RANGES,
  type AwardRange,
  type AwardSearchQuery,
  type CallSummary,
  type ClosingRange,
  casablancaDaysUntil,
  checkEligibility,
  type EligibilityReason,
  evaluateEligibility,
  type FacetValue,
  getCall,
  listCallAwards,
  searchAwards,
  searchCalls,
  searchTerms,
} from '@nassij/contract';
import type * as z from 'zod/mini';
import type { Db, SqlValue } from '../../db/db.js';
import type { ApiApp } from '../../http/app.js';
import { decodeCursor, encodeCursor } from '../../http/cursor.js';
import { problem } from '../../http/problem.js';
import { searchIds } from '../../search/search.js';
import { associationProfile } from '../associations/store.js';
import {
  awardsFromRows,
  CALL_SEARCH_KIND,
  callSummaryOf,
  callsWriteCount,
  readCall,
  readStoredCall,
  type StoredCall,
} from './store.js';

/** One call's facet values: a call may have several regions or domains. */
interface CallFacts {
  call: StoredCall;
  closesAt: string | null;
  publishedAt: string;
  maxMinor: number | null;
  status: string[];
  region: string[];
  domain: string[];
  sector: string[];
  funderLevel: string[];
  instrument: string[];
  fiscalYear: string[];
  awardRange: string[];
  closing: string[];
}

const REGION_CODES = Array.from({ length: 12 }, (_, i) => `MA-${String(i + 1).padStart(2, '0')}`);

/** The award-range bucket of a call's maximum award (in minor units). */
function awardRangeOf(maxMinor: number | null): AwardRange | undefined {
  if (maxMinor === null) return undefined;
  const mad = maxMinor / 100;
  return AWARD_RANGES.find((range) => {
    const [min, max] = AWARD_RANGE_BOUNDS[range];
    return mad >= min && (max === null || mad < max);
  });
}

/**
 * The closing bucket of a deadline, in Casablanca calendar days from now; buckets do not overlap (0–7,
 * 8–30, later) so that facet counts add up. A past deadline is in none.
 */
function closingOf(closesAt: string | null, now: Date): ClosingRange | undefined {
  if (closesAt === null) return 'no-deadline';
  if (closesAt < now.toISOString()) return undefined;
  const days = casablancaDaysUntil(closesAt, now);
  return days <= 7 ? 'within-7-days' : days <= 30 ? 'within-30-days' : 'later';
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

/**
 * Parsed calls with their facets, cached per database until a call is written. Reading and parsing every
 * call's JSON was most of a search's cost (about 7 ms of 10 for the demo's 43 calls); the cache is checked
 * against the table's write fingerprint, so direct SQL inserts are seen too.
 */
const factsCache = new WeakMap<Db, { fingerprint: string; facts: Omit<CallFacts, 'closing'>[] }>();

function baseFacts(db: Db): Omit<CallFacts, 'closing'>[] {
  const stamp = db.get<{ n: number; last: number | null }>(
    'SELECT count(*) AS n, max(rowid) AS last FROM calls',
  );
  const fingerprint = `${stamp?.n}:${stamp?.last}:${callsWriteCount(db)}`;
  const cached = factsCache.get(db);
  if (cached?.fingerprint === fingerprint) return cached.facts;
  const rows = db.query<{
    id: string;
    status: string;
    fiscal_year: number;
    instrument: string;
    funder_level: string;
    sector_code: string;
    coverage: string;
    closes_at: string | null;
    published_at: string;
    max_award_minor: number | null;
    data: string;
  }>(
    `SELECT c.id, c.status, c.fiscal_year, c.instrument, c.funder_level, c.sector_code, c.coverage, c.closes_at,
       c.published_at, c.max_award_minor, c.data FROM calls c`,
  );
  const regions = new Map<string, string[]>();
  for (const r of db.query<{ call_id: string; region: string }>('SELECT call_id, region FROM call_regions'))
    regions.set(r.call_id, [...(regions.get(r.call_id) ?? []), r.region]);
  const domains = new Map<string, string[]>();
  for (const r of db.query<{ call_id: string; domain: string }>('SELECT call_id, domain FROM call_domains'))
    domains.set(r.call_id, [...(domains.get(r.call_id) ?? []), r.domain]);
  const facts = rows.map((row) => {
    const maxMinor = row.max_award_minor === null ? null : Number(row.max_award_minor);
    const range = awardRangeOf(maxMinor);
    return {
      call: JSON.parse(row.data) as StoredCall,
      closesAt: row.closes_at,
      publishedAt: row.published_at,
      maxMinor,
      status: [row.status],
      // A national call is open to applicants of every region.
      region: row.coverage === 'national' ? REGION_CODES : (regions.get(row.id) ?? []),
      domain: domains.get(row.id) ?? [],
      sector: [row.sector_code],
      funderLevel: [row.funder_level],
      instrument: [row.instrument],
      fiscalYear: [String(row.fiscal_year)],
      awardRange: range ? [range] : [],
    };
  });
  factsCache.set(db, { fingerprint, facts });
  return facts;
}

function callFacts(db: Db, now: Date, q: string | undefined): CallFacts[] {
  const matching = q ? searchIds(db, CALL_SEARCH_KIND, q) : null;
  const ids = matching ? new Set(matching) : null;
  return baseFacts(db)
    .filter((fact) => !ids || ids.has(fact.call.id))
    .map((fact) => {
      // Closing buckets move with the clock, so they are computed for every request.
      const closing = closingOf(fact.closesAt, now);
      return { ...fact, closing: closing ? [closing] : [] };
    });
}

type Filters<F extends string> = Partial<Record<F, readonly string[]>>;

function matches<F extends string>(facts: Record<F, string[]>, filters: Filters<F>, except?: F): boolean {
  for (const [facet, wanted] of Object.entries(filters) as [F, readonly string[] | undefined][]) {
    if (facet === except || !wanted || wanted.length === 0) continue;
    if (!facts[facet].some((value) => wanted.includes(value))) return false;
  }
  return true;
}

function facetCounts<F extends string>(
  items: readonly Record<F, string[]>[],
  facets: readonly F[],
  filters: Filters<F>,
): Record<string, FacetValue[]> {
  const out: Record<string, FacetValue[]> = {};
  for (const facet of facets) {
    const counts = new Map<string, number>();
    for (const item of items) {
      if (!matches(item, filters, facet)) continue;
      for (const value of new Set(item[facet])) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    out[facet] = [...counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  return out;
}

function pageOf<T>(
  items: readonly T[],
  limit: number,
  cursor: string | undefined,
  sort: string,
): { items: T[]; nextCursor: string | null } {
  let offset = 0;
  if (cursor) {
    const position = decodeCursor(cursor, ['offset', 'sort']);
    if (position.sort !== sort || typeof position.offset !== 'number' || position.offset < 0)
      throw problem('validation_failed', 'The cursor belongs to another sort order', {
        errors: [{ path: '/cursor', in: 'query', code: 'invalid', message: 'Unknown or damaged cursor' }],
      });
    offset = position.offset;
  }
  const next = offset + limit;
  return {
    items: items.slice(offset, next),
    nextCursor: next < items.length ? encodeCursor({ offset: next, sort }) : null,
  };
}

function compareCalls(sort: string, nowIso: string) {
  return (a: CallFacts, b: CallFacts): number => {
    if (sort === 'newest')
      return b.publishedAt.localeCompare(a.publishedAt) || a.call.id.localeCompare(b.call.id);
    if (sort === 'largest')
      return (b.maxMinor ?? -1) - (a.maxMinor ?? -1) || a.call.id.localeCompare(b.call.id);
    // closing_soonest: upcoming deadlines first, then past ones (most recent first), rolling last.
    const rank = (f: CallFacts) => (f.closesAt === null ? 2 : f.closesAt >= nowIso ? 0 : 1);
    const ra = rank(a);
    const rb = rank(b);
    if (ra !== rb) return ra - rb;
    const byDate =
      ra === 0
        ? (a.closesAt ?? '').localeCompare(b.closesAt ?? '')
        : (b.closesAt ?? '').localeCompare(a.closesAt ?? '');
    return byDate || a.call.id.localeCompare(b.call.id);
  };
}

interface AwardFacts {
  row: Record<string, unknown>;
  terms: string[];
  id: string;
  decidedAt: string;
  region: string[];
  domain: string[];
  funderLevel: string[];
  fiscalYear: string[];
}

type AwardQuery = z.output<typeof AwardSearchQuery>;

function awardFacts(db: Db, query: AwardQuery, callId?: string): AwardFacts[] {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const call = callId ?? query.callId;
  if (call) {
    where.push('call_id = ?');
    params.push(call);
  }
  if (query.associationId) {
    where.push('association_id = ?');
    params.push(query.associationId);
  }
  const rows = db.query<Record<string, unknown>>(
    `SELECT * FROM awards ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
    params,
  );
  const domains = new Map<string, string[]>();
  for (const r of db.query<{ award_id: string; domain: string }>(
    'SELECT award_id, domain FROM award_domains',
  ))
    domains.set(r.award_id, [...(domains.get(r.award_id) ?? []), r.domain]);
  return rows.map((row) => {
    const award = awardsFromRows([row])[0];
    const id = String(row.id);
    return {
      row,
      id,
      decidedAt: String(row.decided_at),
      terms: award
        ? [award.associationName, award.callTitle, award.funder.name]
            .flatMap((text) => Object.values(text).flatMap((value) => searchTerms(value ?? '')))
            .concat(searchTerms(`${award.projectTitle} ${award.callReference}`))
        : [],
      region: [String(row.region)],
      domain: domains.get(id) ?? [],
      funderLevel: [String(row.funder_level)],
      fiscalYear: [String(row.fiscal_year)],
    };
  });
}

const AWARD_FACETS = ['region', 'domain', 'funderLevel', 'fiscalYear'] as const;

function awardPage(db: Db, query: AwardQuery, callId?: string) {
  let facts = awardFacts(db, query, callId);
  const words = query.q ? searchTerms(query.q) : [];
  // Every word must start one of the award's words, as in the full-text search of calls.
  if (words.length > 0)
    facts = facts.filter((f) => words.every((word) => f.terms.some((term) => term.startsWith(word))));
  const filters: Filters<(typeof AWARD_FACETS)[number]> = {
    region: query.region,
    domain: query.domain,
    funderLevel: query.funderLevel,
    fiscalYear: query.fiscalYear?.map(String),
  };
  const matching = facts
    .filter((f) => matches(f, filters))
    .sort((a, b) => b.decidedAt.localeCompare(a.decidedAt) || a.id.localeCompare(b.id));
  const page = pageOf(matching, query.limit, query.cursor, 'decided');
  return {
    items: awardsFromRows(page.items.map((f) => f.row)),
    nextCursor: page.nextCursor,
    total: matching.length,
    facets: facetCounts(facts, AWARD_FACETS, filters),
  };
}

/**
 * Binds the calls and awards routes: `calls.search`, `calls.get`, `calls.checkEligibility`,
 * `calls.awards` and `awards.search`.
 *
 * @example
 * ```ts
 * export const callsArea: Area = { name: 'calls', migrations, seedDemo: seedCalls, register: registerCallRoutes };
 * ```
 */
export function registerCallRoutes(app: ApiApp): void {
  app.bind(searchCalls, ({ query, db, now }) => {
    const facts = callFacts(db, now, query.q);
    const filters: Filters<CallFacet> = {
      status: query.status,
      region: query.region,
      domain: query.domain,
      sector: query.sector,
      funderLevel: query.funderLevel,
      instrument: query.instrument,
      fiscalYear: query.fiscalYear?.map(String),
      awardRange: query.awardRange,
      closing: query.closing,
    };
    const matching = facts
      .filter((f) => matches(f, filters))
      .sort(compareCalls(query.sort, now.toISOString()));
    const page = pageOf(matching, query.limit, query.cursor, query.sort);
    return {
      body: {
        items: page.items.map((f): CallSummary => callSummaryOf(f.call)),
        nextCursor: page.nextCursor,
        total: matching.length,
        facets: facetCounts(facts, CALL_FACETS, filters),
      },
    };
  });

  app.bind(getCall, ({ params, db }) => {
    const call = readCall(db, params.callId);
    if (!call) throw problem('not_found', `No call ${params.callId}`);
    return { body: call };
  });

  app.bind(checkEligibility, ({ params, query, db, auth, now }) => {
    const call = readStoredCall(db, params.callId);
    if (!call) throw problem('not_found', `No call ${params.callId}`);
    const allowed =
      auth?.roles.includes('admin') ||
      auth?.memberships.some((membership) => membership.associationId === query.associationId);
    if (!allowed) throw problem('forbidden', 'Only members of the association may check its eligibility');
    const profile = associationProfile(db, query.associationId);
    if (!profile) throw problem('not_found', `No association ${query.associationId}`);
    const result = evaluateEligibility(call.eligibility.rules, profile, now.toISOString());
    const types = call.eligibleApplicantTypes;
    if (
      types.length > 0 &&
      !types.includes(profile.legalForm) &&
      !result.reasons.some((reason) => reason.code === 'legal_form_not_allowed')
    ) {
      const reason: EligibilityReason = {
        rule: 'eligibleApplicantTypes',
        code: 'legal_form_not_allowed',
        params: { allowed: [...types], actual: profile.legalForm },
      };
      return { body: { eligible: false, reasons: [...result.reasons, reason] } };
    }
    return { body: result };
  });

  app.bind(listCallAwards, ({ params, query, db }) => {
    if (!readStoredCall(db, params.callId)) throw problem('not_found', `No call ${params.callId}`);
    return { body: awardPage(db, query, params.callId) };
  });

  app.bind(searchAwards, ({ query, db }) => ({ body: awardPage(db, query) }));
}
