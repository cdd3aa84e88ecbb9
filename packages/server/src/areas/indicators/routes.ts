import { getIndicators } from '@nassij/contract';
import type { ApiApp } from '../../http/app.js';
import { IndicatorCache } from './cache.js';

/**
 * Binds `GET /v1/indicators`, served from an {@link IndicatorCache}: figures are computed when a table
 * they read changes, not on every request, and keep their `computedAt`, so an unchanged set keeps its
 * ETag (the core adds it) and a conditional request answers `304`.
 *
 * @example
 * ```ts
 * registerIndicatorRoutes(app);
 * ```
 */
export function registerIndicatorRoutes(app: ApiApp): IndicatorCache {
  const cache = new IndicatorCache(app.db, {
    onError: (error) =>
      app.logger.error('indicator data versions unavailable; indicators are computed on every request', {
        error: error instanceof Error ? error.message : String(error),
      }),
  });
  app.bind(getIndicators, async ({ query, now }) => ({ body: await cache.get(query, now) }));
  return cache;
}
