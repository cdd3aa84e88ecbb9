import { health, openapi } from '@nassij/contract';
import type { Transport } from '../transport.js';
import type { RequestOptions, RouteResult } from '../types.js';

/** The routes `client.meta` wraps. */
export const metaRoutes = [health, openapi] as const;

/**
 * `client.meta`: whether the platform answers, and its OpenAPI document.
 *
 * @example
 * ```ts
 * const { status, version } = await client.meta.health();
 * ```
 */
export interface MetaArea {
  /**
   * Liveness and database reachability; throws `NassijApiError` (`unavailable`) when the database is down.
   *
   * @example
   * ```ts
   * const { version } = await client.meta.health();
   * ```
   */
  health(options?: RequestOptions): Promise<RouteResult<typeof health>>;
  /**
   * The OpenAPI 3.1 document generated from the contract.
   *
   * @example
   * ```ts
   * const document = (await client.meta.openapi()) as { paths: Record<string, unknown> };
   * ```
   */
  openapi(options?: RequestOptions): Promise<unknown>;
}

/**
 * Builds `client.meta` over a transport.
 *
 * @example
 * ```ts
 * const meta = metaArea(client.transport);
 * ```
 */
export function metaArea(t: Transport): MetaArea {
  return {
    health: (options) => t.op(health, {}, options),
    openapi: (options) => t.op(openapi, {}, options),
  };
}
