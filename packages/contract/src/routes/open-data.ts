import { DataCatalogue, ExportParams, ExportQuery, ThreeSixtyGivingPackage } from '../resources/open-data.js';
import { route } from './route.js';

/** `GET /v1/open-data` — the catalogue of published datasets. */
export const getCatalogue = /* @__PURE__ */ (() =>
  route({
    id: 'openData.catalogue',
    method: 'GET',
    path: '/v1/open-data',
    tag: 'open-data',
    summary: 'Open data catalogue',
    auth: 'public',
    errors: [],
    response: {
      status: 200,
      schema: DataCatalogue,
      description: 'Every dataset with its licence and formats',
    },
  }))();

/**
 * `GET /v1/open-data/awards-360giving` — the awards as a 360Giving data package. Declared before
 * {@link exportDataset} so that a router matching in order serves this path here.
 */
export const getAwards360 = /* @__PURE__ */ (() =>
  route({
    id: 'openData.awards360',
    method: 'GET',
    path: '/v1/open-data/awards-360giving',
    tag: 'open-data',
    summary: 'Awards in the 360Giving Data Standard',
    auth: 'public',
    errors: [],
    response: { status: 200, schema: ThreeSixtyGivingPackage, description: 'A 360Giving package of grants' },
  }))();

/** `GET /v1/open-data/{dataset}` — a whole dataset, streamed as CSV or JSON. */
export const exportDataset = /* @__PURE__ */ (() =>
  route({
    id: 'openData.export',
    method: 'GET',
    path: '/v1/open-data/{dataset}',
    tag: 'open-data',
    summary: 'Download a dataset (CSV or JSON, streamed)',
    description:
      '`format=csv` (default) answers `text/csv; charset=utf-8` (RFC 4180, header row); `format=json` answers ' +
      '`application/json`, an array of records. Money columns are decimal strings.',
    auth: 'public',
    params: ExportParams,
    query: ExportQuery,
    errors: ['not_found', 'validation_failed'],
    response: {
      status: 200,
      contentType: 'text/csv',
      description: 'The dataset as CSV, or as JSON with format=json',
    },
  }))();

/** The open data routes; the static 360Giving path comes before the `{dataset}` template. */
export const openDataRoutes = [getCatalogue, getAwards360, exportDataset] as const;
