import { getReference } from '@nassij/contract';
import type { Transport } from '../transport.js';
import type { RequestOptions, RouteResult } from '../types.js';

/** The routes `client.reference` wraps. */
export const referenceRoutes = [getReference] as const;

/**
 * `client.reference`: regions, sectors, domains, competencies and legal forms, named in ar, fr, zgh, en.
 *
 * @example
 * ```ts
 * const { regions } = await client.reference.get();
 * ```
 */
export interface ReferenceArea {
  /**
   * All reference data in one document (revalidated by ETag, so cheap to ask again).
   *
   * @example
   * ```ts
   * const reference = await client.reference.get();
   * reference.regions.find((r) => r.code === 'MA-06');
   * ```
   */
  get(options?: RequestOptions): Promise<RouteResult<typeof getReference>>;
}

/**
 * Builds `client.reference` over a transport.
 *
 * @example
 * ```ts
 * const reference = referenceArea(client.transport);
 * ```
 */
export function referenceArea(t: Transport): ReferenceArea {
  return { get: (options) => t.op(getReference, {}, options) };
}
