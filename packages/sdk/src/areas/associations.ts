import { getAssociation, myAssociations, searchAssociations } from '@nassij/contract';
import { iterate, type PageItem, type PageIterator, type PageQueryInput } from '../paginate.js';
import type { Transport } from '../transport.js';
import type { RequestOptions, RouteResult } from '../types.js';

/** The routes `client.associations` wraps. */
export const associationsRoutes = [searchAssociations, getAssociation, myAssociations] as const;

/**
 * `client.associations`: the public directory, one association, and the signed-in account's own.
 *
 * @example
 * ```ts
 * const page = await client.associations.search({ region: ['MA-06'], q: 'الأمل' });
 * ```
 */
export interface AssociationsArea {
  /**
   * One page of the directory, with facets `region`, `domain`, `legalForm`.
   *
   * @example
   * ```ts
   * const { items, total } = await client.associations.search({ domain: ['youth'] });
   * ```
   */
  search(
    query?: PageQueryInput<typeof searchAssociations> & { cursor?: string | undefined },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof searchAssociations>>;
  /**
   * Every association matching `query`, lazily.
   *
   * @example
   * ```ts
   * for await (const association of client.associations.iterate({ region: ['MA-01'] })) count++;
   * const some = await client.associations.iterate({ region: ['MA-01'], limit: 100 }).collect({ limit: 300 });
   * ```
   */
  iterate(
    query?: PageQueryInput<typeof searchAssociations>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof searchAssociations>>;
  /**
   * One association's public record.
   *
   * @example
   * ```ts
   * const association = await client.associations.get('asso_0001');
   * ```
   */
  get(associationId: string, options?: RequestOptions): Promise<RouteResult<typeof getAssociation>>;
  /**
   * The signed-in account's associations, each with its role there.
   *
   * @example
   * ```ts
   * const mine = await client.associations.mine();
   * ```
   */
  mine(options?: RequestOptions): Promise<RouteResult<typeof myAssociations>>;
}

/**
 * Builds `client.associations` over a transport.
 *
 * @example
 * ```ts
 * const associations = associationsArea(client.transport);
 * ```
 */
export function associationsArea(t: Transport): AssociationsArea {
  return {
    search: (query, options) => t.op(searchAssociations, { query: query ?? {} }, options),
    iterate: (query, options) => iterate(t, searchAssociations, query, options),
    get: (associationId, options) => t.op(getAssociation, { params: { associationId } }, options),
    mine: (options) => t.op(myAssociations, {}, options),
  };
}
