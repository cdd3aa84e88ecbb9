import { dataVersionsMigration, dataVersionsReady } from '../../db/data-versions.js';
import type { Area } from '../area.js';
import { createFigureIndexes } from './read-indexes.js';
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
  // The version triggers and the indexes of the figures' reads go on other areas' tables, whichever this
  // server mounts: installed (or brought up to date) at every start, before any figure is kept.
  prepare: async (db, log) => {
    await dataVersionsReady(db, (error) => log.error('data versions could not be installed', { error }));
    await createFigureIndexes(db);
  },
  register: (app) => {
    registerIndicatorRoutes(app);
  },
};
