import { getReference, REFERENCE_DATA } from '@nassij/contract';
import type { Area } from '../area.js';

/**
 * The reference-data area: one route serving the contract's regions, sectors, domains, competencies and
 * legal forms (the core adds the ETag and cache headers).
 *
 * @example
 * ```ts
 * const AREAS: Area[] = [searchArea, associationsArea, referenceArea];
 * ```
 */
export const referenceArea: Area = {
  name: 'reference',
  migrations: [],
  register(app) {
    app.bind(getReference, () => ({ body: REFERENCE_DATA }));
  },
};
