// The commitment's indicators, computed from the other areas' tables (read only). Every figure is a SQL
// count or sum, grouped by the database; only the concentration ranking and labels are finished in JS.
import {
  COMPETENCIES,
  DOMAINS,
  FunderLevel,
  INDICATOR_DEFINITIONS,
  type Indicator,
  type IndicatorBreakdown,
  type IndicatorCode,
  type IndicatorSet,
  type LocalizedText,
  percentOf,
  REGIONS,
  type RegionCode,
  ROUTES,
} from '@nassij/contract';
import type { VersionedTable } from '../../db/data-versions.js';
import type { Db, SqlValue } from '../../db/db.js';
import { tableExists } from '../../db/tables.js';
import {
  casablancaMidnight,
  casablancaYear,
  firstQuarterRange,
  type InstantRange,
  yearRange,
} from './period.js';

/** What one computation needs: the year's range, the optional region, the request's "now". */
interface Scope {
  year: number;
  range: InstantRange;
  region?: RegionCode;
  now: string;
  /** Whether the consultations and trainings areas are installed (a server may run without them). */
  has: { consultations: boolean; trainings: boolean };
}

async function installed(db: Db): Promise<Scope['has']> {
  return {
    consultations: await tableExists(db, 'contributions'),
    trainings: await tableExists(db, 'training_registrations'),
  };
}

type Figure = Pick<Indicator, 'value' | 'numerator' | 'denominatorValue' | 'breakdown'>;

/**
 * The platform services counted by `services_available`: a fixed list, each available when every route
 * it needs is in the contract's route table (which the server binds in full).
 *
 * @example
 * ```ts
 * PLATFORM_SERVICES.map((s) => s.code); // ['calls', 'eligibility', 'applications', …]
 * ```
 */
export const PLATFORM_SERVICES: readonly { code: string; routes: readonly string[] }[] = [
  { code: 'calls', routes: ['calls.search', 'calls.get'] },
  { code: 'eligibility', routes: ['calls.checkEligibility'] },
  { code: 'applications', routes: ['applications.start', 'applications.submit'] },
  { code: 'awards', routes: ['awards.search'] },
  { code: 'association-directory', routes: ['associations.search', 'associations.get'] },
  { code: 'consultations', routes: ['consultations.get', 'contributions.create'] },
  { code: 'consultation-results', routes: ['consultations.synthesis'] },
  { code: 'trainings', routes: ['courses.search', 'registrations.create'] },
  { code: 'certificates', routes: ['certificates.issue', 'credentials.verify'] },
  { code: 'indicators', routes: ['indicators.get'] },
  { code: 'open-data', routes: ['openData.catalogue', 'openData.export'] },
];

const round2 = (value: number): number => Math.round(value * 100) / 100;

function regionLabel(code: string): LocalizedText | undefined {
  return REGIONS.find((r) => r.code === code)?.name;
}

function domainLabel(code: string): LocalizedText | undefined {
  return DOMAINS.find((d) => d.code === code)?.name;
}

function countMap(rows: { k: string; n: number }[]): Map<string, number> {
  return new Map(rows.map((r) => [r.k, Number(r.n)]));
}

/** `AND <column> = ?` when a region is asked. */
function regionClause(column: string, scope: Scope): { sql: string; params: SqlValue[] } {
  return scope.region ? { sql: ` AND ${column} = ?`, params: [scope.region] } : { sql: '', params: [] };
}

/** Calls covering the region: national calls, and calls that list it among their eligible regions. */
function callRegionClause(alias: string, scope: Scope): { sql: string; params: SqlValue[] } {
  if (!scope.region) return { sql: '', params: [] };
  return {
    sql: ` AND (${alias}.coverage = 'national' OR EXISTS (SELECT 1 FROM call_regions cr WHERE cr.call_id = ${alias}.id AND cr.region = ?))`,
    params: [scope.region],
  };
}

async function supportedShare(db: Db, scope: Scope): Promise<Figure> {
  const lastDay = `${scope.year}-12-31`;
  const r = regionClause('s.region', scope);
  const awarded = `SELECT association_id FROM awards WHERE decided_at >= ? AND decided_at < ?`;
  const range = [scope.range.start, scope.range.end];
  const registered = `FROM associations s WHERE s.founded_on <= ?${r.sql}`;
  const total = Number(
    (await db.one<{ n: number }>(`SELECT COUNT(*) AS n ${registered}`, [lastDay, ...r.params]))?.n ?? 0,
  );
  const supported = Number(
    (
      await db.one<{ n: number }>(`SELECT COUNT(*) AS n ${registered} AND s.id IN (${awarded})`, [
        lastDay,
        ...r.params,
        ...range,
      ])
    )?.n ?? 0,
  );
  const byRegionTotal = countMap(
    await db.all(`SELECT s.region AS k, COUNT(*) AS n ${registered} GROUP BY s.region`, [
      lastDay,
      ...r.params,
    ]),
  );
  const byRegionSupported = countMap(
    await db.all(
      `SELECT s.region AS k, COUNT(*) AS n ${registered} AND s.id IN (${awarded}) GROUP BY s.region`,
      [lastDay, ...r.params, ...range],
    ),
  );
  const domainFrom = `FROM association_domains d JOIN associations s ON s.id = d.association_id
    WHERE s.founded_on <= ?${r.sql}`;
  const byDomainTotal = countMap(
    await db.all(`SELECT d.domain AS k, COUNT(*) AS n ${domainFrom} GROUP BY d.domain`, [
      lastDay,
      ...r.params,
    ]),
  );
  const byDomainSupported = countMap(
    await db.all(
      `SELECT d.domain AS k, COUNT(*) AS n ${domainFrom} AND s.id IN (${awarded}) GROUP BY d.domain`,
      [lastDay, ...r.params, ...range],
    ),
  );
  const byLevel = countMap(
    await db.all(
      `SELECT a.funder_level AS k, COUNT(DISTINCT a.association_id) AS n FROM awards a
       JOIN associations s ON s.id = a.association_id
       WHERE a.decided_at >= ? AND a.decided_at < ? AND s.founded_on <= ?${r.sql} GROUP BY a.funder_level`,
      [...range, lastDay, ...r.params],
    ),
  );
  const row = (dimension: IndicatorBreakdown['dimension'], key: string, n: number, d: number) => ({
    dimension,
    key,
    value: percentOf(n, d),
    numerator: n,
    denominatorValue: d,
  });
  const regions = scope.region ? [scope.region] : REGIONS.map((x) => x.code);
  const breakdown: IndicatorBreakdown[] = [
    ...regions.map((code) => {
      const label = regionLabel(code);
      return {
        ...row('region', code, byRegionSupported.get(code) ?? 0, byRegionTotal.get(code) ?? 0),
        ...(label ? { label } : {}),
      };
    }),
    ...[...byDomainTotal.keys()].sort().map((code) => {
      const label = domainLabel(code);
      return {
        ...row('domain', code, byDomainSupported.get(code) ?? 0, byDomainTotal.get(code) ?? 0),
        ...(label ? { label } : {}),
      };
    }),
    ...FunderLevel.options.map((level) => row('funder_level', level, byLevel.get(level) ?? 0, total)),
  ];
  return { value: percentOf(supported, total), numerator: supported, denominatorValue: total, breakdown };
}

async function concentration(db: Db, scope: Scope): Promise<Figure> {
  const r = regionClause('s.region', scope);
  const rows = await db.all<{ association_id: string; minor: number }>(
    `SELECT a.association_id, SUM(a.amount_minor) AS minor FROM awards a
     JOIN associations s ON s.id = a.association_id
     WHERE a.decided_at >= ? AND a.decided_at < ?${r.sql} GROUP BY a.association_id`,
    [scope.range.start, scope.range.end, ...r.params],
  );
  // Sums stay far below 2^53 centimes (90 000 billion MAD), so plain numbers are exact.
  const amounts = rows.map((x) => Number(x.minor)).sort((a, b) => b - a);
  const total = amounts.reduce((sum, x) => sum + x, 0);
  const top = amounts.slice(0, Math.ceil(amounts.length / 5)).reduce((sum, x) => sum + x, 0);
  return { value: percentOf(top, total), numerator: top / 100, denominatorValue: total / 100 };
}

async function callsFirstQuarter(db: Db, scope: Scope): Promise<Figure> {
  const q1 = firstQuarterRange(scope.year);
  const r = callRegionClause('c', scope);
  const count = async (range: InstantRange) =>
    Number(
      (
        await db.one<{ n: number }>(
          `SELECT COUNT(*) AS n FROM calls c WHERE c.published_at >= ? AND c.published_at < ?${r.sql}`,
          [range.start, range.end, ...r.params],
        )
      )?.n ?? 0,
    );
  const inQuarter = await count(q1);
  return { value: inQuarter, numerator: inQuarter, denominatorValue: await count(scope.range) };
}

async function consultationsHeld(db: Db, scope: Scope): Promise<Figure> {
  if (!scope.has.consultations) return { value: 0 };
  const r = regionClause('region', scope);
  const n = Number(
    (
      await db.one<{ n: number }>(
        `SELECT COUNT(*) AS n FROM consultations WHERE contributions_open_at >= ? AND contributions_open_at < ?${r.sql}`,
        [scope.range.start, scope.range.end, ...r.params],
      )
    )?.n ?? 0,
  );
  return { value: n };
}

/** Consultations whose contribution period closed in the year (and has closed by now). */
async function closedConsultations(db: Db, scope: Scope): Promise<{ id: string; data: string }[]> {
  if (!scope.has.consultations) return [];
  const r = regionClause('region', scope);
  const end = yearEndSoFar(scope);
  return await db.all(
    `SELECT id, data FROM consultations WHERE contributions_close_at >= ? AND contributions_close_at <= ?${r.sql}
     ORDER BY contributions_close_at, id`,
    [scope.range.start, end, ...r.params],
  );
}

/** The end of the year's range, or now when the year is not over (ISO strings; Math.min is for numbers). */
function yearEndSoFar(scope: Scope): string {
  if (scope.now < scope.range.end) return scope.now;
  return scope.range.end;
}

function perConsultation(rows: { id: string; data: string }[], counts: Map<string, number>): Figure {
  const total = rows.reduce((sum, row) => sum + (counts.get(row.id) ?? 0), 0);
  const breakdown = rows.map((row) => {
    const title = (JSON.parse(row.data) as { title?: LocalizedText }).title;
    return {
      dimension: 'consultation' as const,
      key: row.id,
      ...(title ? { label: title } : {}),
      value: counts.get(row.id) ?? 0,
    };
  });
  return {
    value: rows.length === 0 ? 0 : round2(total / rows.length),
    numerator: total,
    denominatorValue: rows.length,
    breakdown,
  };
}

/** Published contributions of the consultations {@link closedConsultations} lists, as SQL. */
function closedIds(scope: Scope): { sql: string; params: SqlValue[] } {
  const r = regionClause('region', scope);
  return {
    sql: `SELECT id FROM consultations WHERE contributions_close_at >= ? AND contributions_close_at <= ?${r.sql}`,
    params: [scope.range.start, yearEndSoFar(scope), ...r.params],
  };
}

async function participants(db: Db, scope: Scope): Promise<Figure> {
  const rows = await closedConsultations(db, scope);
  if (rows.length === 0) return perConsultation(rows, new Map());
  const closed = closedIds(scope);
  // One grouped query for every closed consultation. Contributors and supporters share one key space
  // (`acc:…`, `dev:…`), so the union counts people once per consultation.
  const counts = countMap(
    await db.all(
      `SELECT keys.consultation_id AS k, COUNT(*) AS n FROM (
         SELECT consultation_id, participant_key AS p FROM contributions
         WHERE consultation_id IN (${closed.sql}) AND moderation_state = 'published'
         UNION
         SELECT c.consultation_id, s.supporter_key AS p FROM contribution_supports s
         JOIN contributions c ON c.id = s.contribution_id
         WHERE c.consultation_id IN (${closed.sql}) AND c.moderation_state = 'published'
       ) keys GROUP BY keys.consultation_id`,
      [...closed.params, ...closed.params],
    ),
  );
  return perConsultation(rows, counts);
}

async function recommendations(db: Db, scope: Scope): Promise<Figure> {
  const rows = await closedConsultations(db, scope);
  if (rows.length === 0) return perConsultation(rows, new Map());
  const closed = closedIds(scope);
  const counts = countMap(
    await db.all(
      `SELECT consultation_id AS k, COUNT(*) AS n FROM contributions
       WHERE consultation_id IN (${closed.sql}) AND moderation_state = 'published'
       AND kind IN ('recommendation', 'amendment') GROUP BY consultation_id`,
      closed.params,
    ),
  );
  return perConsultation(rows, counts);
}

/** The number of rows of a query, counted by the database rather than by loading them. */
async function countRows(db: Db, sql: string, params: SqlValue[]): Promise<number> {
  return Number((await db.one<{ n: number }>(`SELECT COUNT(*) AS n FROM (${sql}) counted`, params))?.n ?? 0);
}

/** A UNION of the parts whose tables exist. */
function union(parts: { sql: string; params: SqlValue[]; when?: boolean }[]): {
  sql: string;
  params: SqlValue[];
} {
  const kept = parts.filter((p) => p.when !== false);
  return { sql: kept.map((p) => p.sql).join('\nUNION\n'), params: kept.flatMap((p) => p.params) };
}

async function sectors(db: Db, scope: Scope): Promise<Figure> {
  const range = [scope.range.start, scope.range.end];
  const c = callRegionClause('c', scope);
  const r = regionClause('k.region', scope);
  const t = regionClause('t.region', scope);
  const query = union([
    {
      sql: `SELECT c.sector_code AS sector FROM calls c WHERE c.published_at >= ? AND c.published_at < ?${c.sql}`,
      params: [...range, ...c.params],
    },
    {
      // A consultation is published when its first version is.
      sql: `SELECT k.issuing_sector AS sector FROM consultations k
       WHERE k.id IN (SELECT consultation_id FROM consultation_versions GROUP BY consultation_id
                      HAVING MIN(published_at) >= ? AND MIN(published_at) < ?)${r.sql}`,
      params: [...range, ...r.params],
      when: scope.has.consultations,
    },
    {
      sql: `SELECT o.provider_sector AS sector FROM training_sessions t JOIN courses o ON o.id = t.course_id
       WHERE t.start_at >= ? AND t.start_at < ? AND t.status <> 'cancelled'${t.sql}`,
      params: [...range, ...t.params],
      when: scope.has.trainings,
    },
  ]);
  return { value: await countRows(db, query.sql, query.params) };
}

async function trainingsHeld(db: Db, scope: Scope): Promise<Figure> {
  if (!scope.has.trainings) return { value: 0, breakdown: [] };
  const t = regionClause('region', scope);
  const end = yearEndSoFar(scope);
  const rows = await db.all<{ k: string | null; n: number }>(
    `SELECT region AS k, COUNT(*) AS n FROM training_sessions
     WHERE end_at >= ? AND end_at <= ? AND status NOT IN ('cancelled', 'postponed')${t.sql} GROUP BY region`,
    [scope.range.start, end, ...t.params],
  );
  const total = rows.reduce((sum, row) => sum + Number(row.n), 0);
  const breakdown = rows
    .filter((row): row is { k: string; n: number } => row.k !== null)
    .sort((a, b) => a.k.localeCompare(b.k))
    .map((row) => {
      const label = regionLabel(row.k);
      return { dimension: 'region' as const, key: row.k, ...(label ? { label } : {}), value: Number(row.n) };
    });
  return { value: total, breakdown };
}

async function beneficiaryPeople(db: Db, scope: Scope): Promise<Figure> {
  const range = [scope.range.start, scope.range.end];
  const a = regionClause('p.region', scope);
  const c = regionClause('region', scope);
  const s = regionClause('s.region', scope);
  const accounts = union([
    {
      sql: `SELECT h.actor AS k FROM application_history h JOIN applications p ON p.id = h.application_id
       WHERE h.status = 'submitted' AND h.actor IS NOT NULL AND h.at >= ? AND h.at < ?${a.sql}`,
      params: [...range, ...a.params],
    },
    {
      sql: `SELECT account_id AS k FROM contributions
       WHERE account_id IS NOT NULL AND created_at >= ? AND created_at < ?${c.sql}`,
      params: [...range, ...c.params],
      when: scope.has.consultations,
    },
  ]);
  let people = await countRows(db, accounts.sql, accounts.params);
  if (scope.has.trainings) {
    // Registrations record no account; an attended participant is one (association, folded name) pair.
    const end = yearEndSoFar(scope);
    people += await countRows(
      db,
      `SELECT DISTINCT r.association_id, r.participant_key FROM training_registrations r
       JOIN training_sessions t ON t.id = r.session_id JOIN associations s ON s.id = r.association_id
       WHERE r.status IN ('attended', 'completed') AND t.end_at >= ? AND t.end_at <= ?${s.sql}`,
      [scope.range.start, end, ...s.params],
    );
  }
  return { value: people };
}

/** SQL reading the association id out of a contribution's author JSON (kept as text on both dialects). */
function authorAssociation(db: Db): string {
  return db.dialect === 'postgres'
    ? "(author::jsonb)->>'associationId'"
    : "json_extract(author, '$.associationId')";
}

async function beneficiaryAssociations(db: Db, scope: Scope): Promise<Figure> {
  const range = [scope.range.start, scope.range.end];
  const ids = union([
    {
      sql: `SELECT p.association_id AS k FROM application_history h JOIN applications p ON p.id = h.application_id
       WHERE h.status = 'submitted' AND h.at >= ? AND h.at < ?`,
      params: range,
    },
    {
      sql: 'SELECT association_id AS k FROM training_registrations WHERE created_at >= ? AND created_at < ?',
      params: range,
      when: scope.has.trainings,
    },
    {
      // The association of a contribution is only inside its author JSON.
      sql: `SELECT ${authorAssociation(db)} AS k FROM contributions
       WHERE participant_type = 'association' AND created_at >= ? AND created_at < ?`,
      params: range,
      when: scope.has.consultations,
    },
  ]);
  const r = scope.region
    ? { sql: ' AND ids.k IN (SELECT id FROM associations WHERE region = ?)', params: [scope.region] }
    : { sql: '', params: [] };
  return {
    value: await countRows(db, `SELECT ids.k FROM (${ids.sql}) ids WHERE ids.k IS NOT NULL${r.sql}`, [
      ...ids.params,
      ...r.params,
    ]),
  };
}

function competencyLabel(code: string): LocalizedText | undefined {
  return COMPETENCIES.find((c) => c.code === code)?.name;
}

/**
 * Distinct associations with a participant who completed a session that ended in the year (so far), in all
 * and by competency of the course, by region of the association, by both, and by the association's domains
 * of intervention (the commitment's follow-up by region and domain). Each count is the database's
 * `COUNT(DISTINCT …)`: an association trained twice in one competency counts once there.
 */
async function trainedPerCompetency(db: Db, scope: Scope): Promise<Figure> {
  if (!scope.has.trainings) return { value: 0, breakdown: [] };
  const r = regionClause('s.region', scope);
  const from = `FROM training_registrations r
     JOIN training_sessions t ON t.id = r.session_id
     JOIN course_competencies cc ON cc.course_id = r.course_id
     JOIN associations s ON s.id = r.association_id
     WHERE r.status = 'completed' AND t.end_at >= ? AND t.end_at <= ?${r.sql}`;
  const params = [scope.range.start, yearEndSoFar(scope), ...r.params];
  const total = Number(
    (await db.one<{ n: number }>(`SELECT COUNT(DISTINCT r.association_id) AS n ${from}`, params))?.n ?? 0,
  );
  const byCode = await db.all<{ k: string; n: number }>(
    `SELECT cc.code AS k, COUNT(DISTINCT r.association_id) AS n ${from} GROUP BY cc.code ORDER BY cc.code`,
    params,
  );
  const byRegion = await db.all<{ k: string; n: number }>(
    `SELECT s.region AS k, COUNT(DISTINCT r.association_id) AS n ${from} GROUP BY s.region ORDER BY s.region`,
    params,
  );
  // The associations' own domains of intervention (an association in two domains counts in each).
  const byDomain = await db.all<{ k: string; n: number }>(
    `SELECT d.domain AS k, COUNT(DISTINCT r.association_id) AS n
     ${from.replace('WHERE', 'JOIN association_domains d ON d.association_id = r.association_id WHERE')}
     GROUP BY d.domain ORDER BY d.domain`,
    params,
  );
  const byBoth = await db.all<{ code: string; region: string; n: number }>(
    `SELECT cc.code AS code, s.region AS region, COUNT(DISTINCT r.association_id) AS n ${from}
     GROUP BY cc.code, s.region ORDER BY cc.code, s.region`,
    params,
  );
  const labelled = (label: LocalizedText | undefined) => (label ? { label } : {});
  const breakdown: IndicatorBreakdown[] = [
    ...byCode.map((row) => ({
      dimension: 'competency' as const,
      key: row.k,
      ...labelled(competencyLabel(row.k)),
      value: Number(row.n),
    })),
    ...byRegion.map((row) => ({
      dimension: 'region' as const,
      key: row.k,
      ...labelled(regionLabel(row.k)),
      value: Number(row.n),
    })),
    ...byDomain.map((row) => ({
      dimension: 'domain' as const,
      key: row.k,
      ...labelled(domainLabel(row.k)),
      value: Number(row.n),
    })),
    ...byBoth.map((row) => ({
      dimension: 'competency_region' as const,
      key: `${row.code}|${row.region}`,
      value: Number(row.n),
    })),
  ];
  return { value: total, breakdown };
}

function servicesAvailable(): Figure {
  const routeIds = new Set(ROUTES.map((r) => r.id));
  return { value: PLATFORM_SERVICES.filter((s) => s.routes.every((id) => routeIds.has(id))).length };
}

const COMPUTE: Record<IndicatorCode, (db: Db, scope: Scope) => Figure | Promise<Figure>> = {
  associations_supported_share: supportedShare,
  support_concentration_top_fifth: concentration,
  calls_published_q1: callsFirstQuarter,
  consultations_held: consultationsHeld,
  participants_per_consultation: participants,
  recommendations_per_consultation: recommendations,
  sectors_involved: sectors,
  trainings_held: trainingsHeld,
  beneficiaries_people: beneficiaryPeople,
  beneficiaries_associations: beneficiaryAssociations,
  services_available: servicesAvailable,
  associations_trained_per_competency: trainedPerCompetency,
};

/**
 * The years that have data (an award decided, a call published, a consultation opened or a session
 * held), up to the current year, ascending. Instants are bucketed by UTC hour, which keeps the Casablanca
 * year exact since its offsets are whole hours.
 *
 * @example
 * ```ts
 * indicatorYears(db, new Date()); // [2024, 2025, 2026]
 * ```
 */
export async function indicatorYears(db: Db, now: Date): Promise<number[]> {
  const has = await installed(db);
  const query = union([
    { sql: 'SELECT DISTINCT substr(decided_at, 1, 13) AS h FROM awards', params: [] },
    { sql: 'SELECT DISTINCT substr(published_at, 1, 13) AS h FROM calls', params: [] },
    {
      sql: 'SELECT DISTINCT substr(contributions_open_at, 1, 13) AS h FROM consultations',
      params: [],
      when: has.consultations,
    },
    {
      sql: "SELECT DISTINCT substr(end_at, 1, 13) AS h FROM training_sessions WHERE status <> 'cancelled'",
      params: [],
      when: has.trainings,
    },
  ]);
  const hours = await db.all<{ h: string | null }>(query.sql, query.params);
  const current = casablancaYear(now.toISOString());
  const years = new Set<number>();
  for (const { h } of hours) {
    if (!h) continue;
    const year = casablancaYear(`${h}:00:00Z`);
    if (year <= current) years.add(year);
  }
  return [...years].sort((a, b) => a - b);
}

/**
 * The tables each indicator reads: a cached figure stays current until one of them is written (see
 * `db/data-versions.ts`). Kept beside the queries above; a query that starts reading another table must list
 * it here, or its figure would be kept past that table's changes.
 */
export const INDICATOR_INPUTS: Readonly<Record<IndicatorCode, readonly VersionedTable[]>> = {
  associations_supported_share: ['associations', 'association_domains', 'awards'],
  support_concentration_top_fifth: ['associations', 'awards'],
  calls_published_q1: ['calls', 'call_regions'],
  consultations_held: ['consultations'],
  participants_per_consultation: ['consultations', 'contributions', 'contribution_supports'],
  recommendations_per_consultation: ['consultations', 'contributions'],
  sectors_involved: [
    'calls',
    'call_regions',
    'consultations',
    'consultation_versions',
    'training_sessions',
    'courses',
  ],
  trainings_held: ['training_sessions'],
  beneficiaries_people: [
    'applications',
    'application_history',
    'contributions',
    'training_registrations',
    'training_sessions',
    'associations',
  ],
  beneficiaries_associations: [
    'applications',
    'application_history',
    'contributions',
    'training_registrations',
    'associations',
  ],
  services_available: [],
  // Course competencies are written with their course, which bumps `courses`.
  associations_trained_per_competency: [
    'training_registrations',
    'training_sessions',
    'courses',
    'associations',
    'association_domains',
  ],
};

/** The tables {@link indicatorYears} reads. */
export const YEARS_INPUTS: readonly VersionedTable[] = [
  'awards',
  'calls',
  'consultations',
  'training_sessions',
];

/** What one computation of a year's figures needs (opaque to callers). */
export type IndicatorScope = Scope;

/**
 * The year an indicator set is about: the one asked, else the latest complete year with data (the current
 * year's figures grow until December and would read as a collapse), else the latest year with data, else
 * the current year.
 *
 * @example
 * ```ts
 * indicatorYear([2024, 2025, 2026], undefined, new Date('2026-06-15T10:00:00Z')); // 2025
 * ```
 */
export function indicatorYear(years: readonly number[], asked: number | undefined, now: Date): number {
  const current = casablancaYear(now.toISOString());
  return asked ?? years.filter((y) => y < current).at(-1) ?? years.at(-1) ?? current;
}

/**
 * The scope of one year's computation, for {@link computeFigure}.
 *
 * @example
 * ```ts
 * const scope = await indicatorScope(db, 2025, 'MA-06', new Date());
 * ```
 */
export async function indicatorScope(
  db: Db,
  year: number,
  region: RegionCode | undefined,
  now: Date,
): Promise<IndicatorScope> {
  return {
    year,
    range: yearRange(year),
    now: now.toISOString(),
    has: await installed(db),
    ...(region ? { region } : {}),
  };
}

/**
 * One indicator's figures (value, numerator, denominator, breakdown) for a scope.
 *
 * @example
 * ```ts
 * const figure = await computeFigure(db, 'trainings_held', scope);
 * figure.value; // 42
 * ```
 */
export async function computeFigure(db: Db, code: IndicatorCode, scope: IndicatorScope): Promise<Figure> {
  return await COMPUTE[code](db, scope);
}

/** An indicator's figures, as {@link computeFigure} gives them. */
export type IndicatorFigure = Figure;

/**
 * An indicator as published: its definition from the contract beside the figures computed at `computedAt`.
 *
 * @example
 * ```ts
 * toIndicator('trainings_held', 2025, { value: 42 }, '2026-06-15T10:00:00.000Z').unit;
 * ```
 */
export function toIndicator(
  code: IndicatorCode,
  year: number,
  figure: Figure,
  computedAt: string,
): Indicator {
  const { unit, name, definition, denominator } = INDICATOR_DEFINITIONS[code];
  return {
    code,
    name,
    definition,
    ...(denominator ? { denominator } : {}),
    unit,
    period: { year },
    ...figure,
    computedAt,
  };
}

/** Every indicator code, in the order a set lists them. */
export const INDICATOR_CODES = Object.keys(COMPUTE) as IndicatorCode[];

/**
 * The first instant after `now` at which a figure can change with no write at all: some figures count
 * what has happened "by now" (consultations closed, sessions ended) and the years list and default year
 * follow the calendar. So: the next contribution period to close, the next session to end, or the next
 * new year in Casablanca, whichever comes first. An ISO string, compared as the figures' queries compare
 * instants (as text, so a stored instant without milliseconds is passed once `now` is in the next second).
 *
 * @example
 * ```ts
 * const until = await nextTimeBoundary(db, now); // figures computed at `now` hold while now < until
 * ```
 */
export async function nextTimeBoundary(db: Db, now: Date): Promise<string> {
  const at = now.toISOString();
  const has = await installed(db);
  let next = casablancaMidnight(casablancaYear(at) + 1, 1, 1).toISOString();
  const earliest = async (sql: string) => {
    const row = await db.one<{ t: string | null }>(sql, [at]);
    if (row?.t && row.t < next) next = row.t;
  };
  if (has.consultations)
    await earliest(
      'SELECT MIN(contributions_close_at) AS t FROM consultations WHERE contributions_close_at > ?',
    );
  if (has.trainings) await earliest('SELECT MIN(end_at) AS t FROM training_sessions WHERE end_at > ?');
  return next;
}

/**
 * Computes the indicators of a year (default: see {@link indicatorYear}), for the whole country or one
 * region, with each definition published beside its value. Always from the tables; the route serves them
 * through {@link IndicatorCache}, which keeps them until their inputs change.
 *
 * @example
 * ```ts
 * const set = await computeIndicators(db, { year: 2026, region: 'MA-06' }, new Date());
 * set.indicators.find((i) => i.code === 'trainings_held')?.value;
 * ```
 */
export async function computeIndicators(
  db: Db,
  query: { year?: number; region?: RegionCode; code?: IndicatorCode[] },
  now: Date,
): Promise<IndicatorSet> {
  const years = await indicatorYears(db, now);
  const year = indicatorYear(years, query.year, now);
  const scope = await indicatorScope(db, year, query.region, now);
  const codes = query.code && query.code.length > 0 ? new Set(query.code) : undefined;
  const indicators: Indicator[] = [];
  for (const code of INDICATOR_CODES) {
    if (codes && !codes.has(code)) continue;
    indicators.push(toIndicator(code, year, await computeFigure(db, code, scope), scope.now));
  }
  return { year, ...(query.region ? { region: query.region } : {}), indicators, years };
}
