import { associationCompetencies, myCompetencies } from '@nassij/contract';
import type { Transport } from '../transport.js';
import type { RequestOptions, RouteResult } from '../types.js';

/** The routes `client.competencies` wraps. */
export const competenciesRoutes = [associationCompetencies, myCompetencies] as const;

/**
 * `client.competencies`: competencies of the framework acquired through completed trainings.
 *
 * @example
 * ```ts
 * const { competencies } = await client.competencies.ofAssociation('asso_0001');
 * ```
 */
export interface CompetenciesArea {
  /**
   * An association's competencies, publicly (no person named).
   *
   * @example
   * ```ts
   * const { competencies } = await client.competencies.ofAssociation('asso_0001');
   * competencies[0]?.highestLevel; // 2
   * ```
   */
  ofAssociation(
    associationId: string,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof associationCompetencies>>;
  /**
   * The signed-in person's competencies, each completion with its certificate.
   *
   * @example
   * ```ts
   * const { competencies } = await client.competencies.mine();
   * ```
   */
  mine(options?: RequestOptions): Promise<RouteResult<typeof myCompetencies>>;
}

/**
 * Builds `client.competencies` over a transport.
 *
 * @example
 * ```ts
 * const competencies = competenciesArea(client.transport);
 * ```
 */
export function competenciesArea(t: Transport): CompetenciesArea {
  return {
    ofAssociation: (associationId, options) =>
      t.op(associationCompetencies, { params: { associationId } }, options),
    mine: (options) => t.op(myCompetencies, {}, options),
  };
}
