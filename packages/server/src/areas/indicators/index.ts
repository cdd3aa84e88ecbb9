import type { Area } from '../area.js';
import { registerIndicatorRoutes } from './routes.js';

export { computeIndicators, indicatorYears, PLATFORM_SERVICES } from './compute.js';
export { casablancaMidnight, casablancaYear, firstQuarterRange, yearRange } from './period.js';

/**
 * The indicators area: the commitment's indicators computed live from the other areas' tables. It owns
 * no table and writes nothing, so it comes after every area it reads.
 *
 * @example
 * ```ts
 * const AREAS: Area[] = [searchArea, associationsArea, callsArea, consultationsArea, trainingsArea, indicatorsArea];
 * ```
 */
export const indicatorsArea: Area = {
  name: 'indicators',
  migrations: [],
  register: registerIndicatorRoutes,
};
