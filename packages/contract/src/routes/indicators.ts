import { IndicatorQuery, IndicatorSet } from '../resources/indicator.js';
import { route } from './route.js';

/** `GET /v1/indicators` — the commitment's indicators for a year and region, with their definitions. */
export const getIndicators = /* @__PURE__ */ (() =>
  route({
    id: 'indicators.get',
    method: 'GET',
    path: '/v1/indicators',
    tag: 'indicators',
    summary: 'Indicators of the commitment, with definitions and denominators',
    description: 'Without `year`, the latest year that has data.',
    auth: 'public',
    query: IndicatorQuery,
    errors: ['validation_failed'],
    response: { status: 200, schema: IndicatorSet, description: 'The indicators of the year' },
  }))();

/** The indicator routes. */
export const indicatorRoutes = [getIndicators] as const;
