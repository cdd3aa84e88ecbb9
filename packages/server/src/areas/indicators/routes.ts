import { getIndicators } from '@nassij/contract';
import type { ApiApp } from '../../http/app.js';
import { computeIndicators } from './compute.js';

/**
 * Binds `GET /v1/indicators`: computed live on each request (the core adds the ETag, so an unchanged
 * figure answers `304`).
 *
 * @example
 * ```ts
 * registerIndicatorRoutes(app);
 * ```
 */
export function registerIndicatorRoutes(app: ApiApp): void {
  app.bind(getIndicators, ({ query, db, now }) => ({ body: computeIndicators(db, query, now) }));
}
