import { getIndicators } from '@nassij/contract';
import type { Transport } from '../transport.js';
import type { QueryOf, RequestOptions, RouteResult } from '../types.js';

/** The routes `client.indicators` wraps. */
export const indicatorsRoutes = [getIndicators] as const;

/**
 * `client.indicators`: the commitment's indicators, each with its definition and denominator.
 *
 * @example
 * ```ts
 * const set = await client.indicators.get({ year: 2026, region: 'MA-06' });
 * ```
 */
export interface IndicatorsArea {
  /**
   * The indicators of a year (the latest with data when `year` is left out) and optionally a region.
   *
   * @example
   * ```ts
   * const latest = await client.indicators.get();
   * ```
   */
  get(
    query?: QueryOf<typeof getIndicators>,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof getIndicators>>;
}

/**
 * Builds `client.indicators` over a transport.
 *
 * @example
 * ```ts
 * const indicators = indicatorsArea(client.transport);
 * ```
 */
export function indicatorsArea(t: Transport): IndicatorsArea {
  return { get: (query, options) => t.op(getIndicators, { query: query ?? {} }, options) };
}
