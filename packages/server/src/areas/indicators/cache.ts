// Indicators kept per data version: a figure is computed once and served until a table it reads is
// written (the version triggers of db/data-versions.ts) or a time boundary passes (a consultation closes, a
// session ends, a year begins). `computedAt` is when it was computed, so the ETag of an unchanged set is
// the same from one request to the next and conditional requests answer 304.
import type { IndicatorCode, IndicatorSet, RegionCode } from '@nassij/contract';
import { type DataVersions, dataVersionsReady, versionOf } from '../../db/data-versions.js';
import type { Db } from '../../db/db.js';
import { currentDataVersions, VersionedCache, type VersionedEntry } from '../../db/versioned-cache.js';
import {
  computeFigure,
  computeIndicators,
  INDICATOR_CODES,
  INDICATOR_INPUTS,
  type IndicatorFigure,
  indicatorScope,
  indicatorYear,
  indicatorYears,
  nextTimeBoundary,
  toIndicator,
  YEARS_INPUTS,
} from './compute.js';
import { casablancaYear } from './period.js';

/** The indicators query the route takes. */
export interface IndicatorQuery {
  year?: number;
  region?: RegionCode;
  code?: IndicatorCode[];
}

/** Options of {@link IndicatorCache}. */
export interface IndicatorCacheOptions {
  /**
   * Most entries kept (one per year × region × indicator, plus the years list); the oldest computed go
   * first. 4 096 holds every indicator of 25 years × 13 scopes.
   */
  maxEntries?: number;
  /** Told when the version triggers could not be installed; the cache then computes every time. */
  onError?: (error: unknown) => void;
}

/**
 * The indicators as the route serves them: each figure cached per (year, region, indicator) with the
 * versions of the tables it reads. A request reads the versions (one query), and recomputes only the
 * figures whose tables changed or whose time boundary passed; concurrent requests for the same stale figure
 * share one computation. Several processes on one PostgreSQL database each keep their own cache, and each
 * sees a change as soon as it commits, since the versions live in the database.
 *
 * @example
 * ```ts
 * const cache = new IndicatorCache(db);
 * const set = await cache.get({ year: 2025 }, new Date());
 * ```
 */
export class IndicatorCache {
  readonly #db: Db;
  readonly #ready: Promise<boolean>;
  readonly #cache: VersionedCache;

  /** How many figures were computed (not served from the cache), for tests and logs. */
  get computed(): number {
    return this.#cache.computed;
  }

  constructor(db: Db, options: IndicatorCacheOptions = {}) {
    this.#db = db;
    this.#cache = new VersionedCache(options.maxEntries ?? 4096);
    this.#ready = dataVersionsReady(db, options.onError ?? (() => undefined));
  }

  /**
   * The indicator set for a query, from the cache where current.
   *
   * @example
   * ```ts
   * const set = await cache.get({ year: 2026, region: 'MA-06', code: ['trainings_held'] }, now);
   * ```
   */
  async get(query: IndicatorQuery, now: Date): Promise<IndicatorSet> {
    if (!(await this.#ready)) return await computeIndicators(this.#db, query, now);
    const db = this.#db;
    // Read before anything is computed: a write that commits during the computation then leaves the
    // entry with an older version than the data it saw, which only costs a recomputation, never staleness.
    const versions = await currentDataVersions(db);
    let boundary: Promise<string> | undefined;
    const validUntil = () => {
      boundary ??= nextTimeBoundary(db, now);
      return boundary;
    };
    const years = await this.#cache.get(
      `years|${casablancaYear(now.toISOString())}`,
      versionOf(versions, YEARS_INPUTS),
      now,
      async () => ({ value: await indicatorYears(db, now), validUntil: await validUntil() }),
    );
    const year = indicatorYear(years.value, query.year, now);
    const wanted = query.code && query.code.length > 0 ? new Set(query.code) : undefined;
    const indicators = [];
    for (const code of INDICATOR_CODES) {
      if (wanted && !wanted.has(code)) continue;
      const entry = await this.#figure(code, year, query.region, versions, now, validUntil);
      indicators.push(toIndicator(code, year, entry.value, entry.computedAt));
    }
    return { year, ...(query.region ? { region: query.region } : {}), indicators, years: years.value };
  }

  async #figure(
    code: IndicatorCode,
    year: number,
    region: RegionCode | undefined,
    versions: DataVersions,
    now: Date,
    validUntil: () => Promise<string>,
  ): Promise<VersionedEntry<IndicatorFigure>> {
    return await this.#cache.get(
      `${code}|${year}|${region ?? ''}`,
      versionOf(versions, INDICATOR_INPUTS[code]),
      now,
      async () => {
        const until = await validUntil();
        const scope = await indicatorScope(this.#db, year, region, now);
        return { value: await computeFigure(this.#db, code, scope), validUntil: until };
      },
    );
  }
}
