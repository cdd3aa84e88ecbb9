import { dataVersionsMigration } from '../../db/data-versions.js';
import type { Area } from '../area.js';
import { registerIndicatorRoutes } from './routes.js';

export {
  dataVersionsReady,
  installDataVersions,
  readDataVersions,
  VERSIONED_TABLES,
  versionOf,
} from '../../db/data-versions.js';
export { IndicatorCache } from './cache.js';
export { computeIndicators, indicatorYears, PLATFORM_SERVICES } from './compute.js';
export { casablancaMidnight, casablancaYear, firstQuarterRange, yearRange } from './period.js';

/**
 * The indicators area: the commitment's indicators computed from the other areas' tables and kept until
 * those tables change. It owns only the `data_versions` counters (and the triggers that bump them on the
 * tables it reads), so it comes after every area it reads.
 *
 * @example
 * ```ts
 * const AREAS: Area[] = [searchArea, associationsArea, callsArea, consultationsArea, trainingsArea, indicatorsArea];
 * ```
 */
export const indicatorsArea: Area = {
  name: 'indicators',
  migrations: [dataVersionsMigration],
  register: (app) => {
    registerIndicatorRoutes(app);
  },
};
