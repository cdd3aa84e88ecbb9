import type { Area } from '../area.js';
import { createFigureIndexes } from '../indicators/read-indexes.js';
import { registerOpenDataRoutes } from './routes.js';

export { csvField, csvLine, type ExportRecord, type ExportValue } from './csv.js';
export { DATASETS, datasetFigures, readPage } from './datasets.js';
export {
  awardsPackageStream,
  buildCatalogue,
  catalogueCache,
  exportStream,
  LICENCE,
  readGrantPage,
  toGrant,
} from './routes.js';

/**
 * The open data area: the dataset catalogue, streamed CSV/JSON exports and the awards as a 360Giving
 * package. It owns no table and only reads the other areas', so it comes last.
 *
 * @example
 * ```ts
 * const AREAS: Area[] = [searchArea, associationsArea, callsArea, indicatorsArea, openDataArea];
 * ```
 */
export const openDataArea: Area = {
  name: 'open-data',
  migrations: [],
  // Its exports' keyset pages need the same read indexes as the indicators (idempotent if both run).
  prepare: (db) => createFigureIndexes(db),
  register: registerOpenDataRoutes,
};
