import { type ExportParams, exportDataset, getAwards360, getCatalogue } from '@nassij/contract';
import { NassijResponseValidationError } from '../errors.js';
import type { Transport } from '../transport.js';
import type { QueryOf, RequestOptions, RouteResult } from '../types.js';

/** The routes `client.openData` wraps. */
export const openDataRoutes = [getCatalogue, getAwards360, exportDataset] as const;

/**
 * A dataset `client.openData.export` can download (every one of the catalogue but the 360Giving package).
 *
 * @example
 * ```ts
 * const dataset: ExportableDataset = 'training-sessions';
 * ```
 */
export type ExportableDataset = ExportParams['dataset'];

/**
 * Options of `client.openData.export`: the format (CSV by default), an optional year and region.
 *
 * @example
 * ```ts
 * const options: ExportOptions = { format: 'json', year: 2026, region: 'MA-06' };
 * ```
 */
export type ExportOptions = QueryOf<typeof exportDataset> & RequestOptions;

/**
 * `client.openData`: the catalogue and whole-dataset downloads, for analysts and portals.
 *
 * @example
 * ```ts
 * const csv = await client.openData.export('awards');
 * const rows = await client.openData.export('awards', { format: 'json', year: 2026 });
 * ```
 */
export interface OpenDataArea {
  /**
   * Every published dataset with its licence and formats.
   *
   * @example
   * ```ts
   * const { datasets } = await client.openData.catalogue();
   * ```
   */
  catalogue(options?: RequestOptions): Promise<RouteResult<typeof getCatalogue>>;
  /**
   * The awards as a 360Giving data package.
   *
   * @example
   * ```ts
   * const { grants } = await client.openData.awards360();
   * ```
   */
  awards360(options?: RequestOptions): Promise<RouteResult<typeof getAwards360>>;
  /**
   * A whole dataset: RFC 4180 CSV text (UTF-8, header row) by default, or with `format: 'json'` the
   * parsed array of records. Money columns are decimal strings in both.
   *
   * @example
   * ```ts
   * await writeFile('awards.csv', await client.openData.export('awards', { region: 'MA-06' }));
   * ```
   */
  export(
    dataset: ExportableDataset,
    options?: ExportOptions & { format?: 'csv' | undefined },
  ): Promise<string>;
  /**
   * A whole dataset as the parsed array of records.
   *
   * @example
   * ```ts
   * const rows = await client.openData.export('calls', { format: 'json' });
   * ```
   */
  export(dataset: ExportableDataset, options: ExportOptions & { format: 'json' }): Promise<unknown[]>;
}

/**
 * Builds `client.openData` over a transport.
 *
 * @example
 * ```ts
 * const openData = openDataArea(client.transport);
 * ```
 */
export function openDataArea(t: Transport): OpenDataArea {
  async function exportData(
    dataset: ExportableDataset,
    options: ExportOptions = {},
  ): Promise<string | unknown[]> {
    const { format, year, region, ...rest } = options;
    const query = { format, year, region };
    if (format !== 'json') return t.op(exportDataset, { params: { dataset }, query }, rest);
    // The route declares CSV; ask for JSON and parse it here.
    const headers = { ...rest.headers, accept: 'application/json, application/problem+json' };
    const text = await t.op(exportDataset, { params: { dataset }, query }, { ...rest, headers });
    let rows: unknown;
    try {
      rows = JSON.parse(text);
    } catch (cause) {
      throw new NassijResponseValidationError(`${exportDataset.id}: the response is not JSON`, {
        fieldErrors: [],
        cause,
      });
    }
    if (!Array.isArray(rows)) {
      throw new NassijResponseValidationError(`${exportDataset.id}: expected an array of records`, {
        fieldErrors: [],
      });
    }
    return rows;
  }
  return {
    catalogue: (options) => t.op(getCatalogue, {}, options),
    awards360: (options) => t.op(getAwards360, {}, options),
    export: exportData as OpenDataArea['export'],
  };
}
