import {
  compareConsultationVersions,
  getConsultation,
  getConsultationStats,
  getConsultationSynthesis,
  getConsultationVersion,
  searchConsultations,
} from '@nassij/contract';
import { iterate, type PageItem, type PageIterator, type PageQueryInput } from '../paginate.js';
import type { Transport } from '../transport.js';
import type { RequestOptions, RouteResult } from '../types.js';

/** The routes `client.consultations` wraps. */
export const consultationsRoutes = [
  searchConsultations,
  getConsultation,
  getConsultationVersion,
  compareConsultationVersions,
  getConsultationStats,
  getConsultationSynthesis,
] as const;

/**
 * `client.consultations`: public consultations on draft texts, their versions, figures and synthesis.
 *
 * @example
 * ```ts
 * const consultation = await client.consultations.get('MA-CONS-2026-0004');
 * ```
 */
export interface ConsultationsArea {
  /**
   * One page of consultations with facets.
   *
   * @example
   * ```ts
   * const { items } = await client.consultations.search({ q: 'قانون' });
   * ```
   */
  search(
    query?: PageQueryInput<typeof searchConsultations> & { cursor?: string | undefined },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof searchConsultations>>;
  /**
   * Every consultation matching `query`, lazily.
   *
   * @example
   * ```ts
   * for await (const consultation of client.consultations.iterate()) list.push(consultation);
   * const open = await client.consultations.iterate({ phase: ['contributions_open'] }).collect({ limit: 50 });
   * ```
   */
  iterate(
    query?: PageQueryInput<typeof searchConsultations>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof searchConsultations>>;
  /**
   * One consultation with its current text, by id or public reference.
   *
   * @example
   * ```ts
   * const consultation = await client.consultations.get('MA-CONS-2026-0004');
   * ```
   */
  get(consultationId: string, options?: RequestOptions): Promise<RouteResult<typeof getConsultation>>;
  /**
   * One version of the consulted text.
   *
   * @example
   * ```ts
   * const version = await client.consultations.getVersion('cons_0001', 'ver_0002');
   * ```
   */
  getVersion(
    consultationId: string,
    versionId: string,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof getConsultationVersion>>;
  /**
   * What changed, article by article, from version `against` to `versionId`.
   *
   * @example
   * ```ts
   * const diff = await client.consultations.compareVersions('cons_0001', 'ver_0002', 'ver_0001');
   * ```
   */
  compareVersions(
    consultationId: string,
    versionId: string,
    against: string,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof compareConsultationVersions>>;
  /**
   * Participation figures.
   *
   * @example
   * ```ts
   * const stats = await client.consultations.stats('cons_0001');
   * ```
   */
  stats(consultationId: string, options?: RequestOptions): Promise<RouteResult<typeof getConsultationStats>>;
  /**
   * The published synthesis; throws `NassijApiError` with code `not_found` until it is published.
   *
   * @example
   * ```ts
   * const synthesis = await client.consultations.synthesis('cons_0001');
   * ```
   */
  synthesis(
    consultationId: string,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof getConsultationSynthesis>>;
}

/**
 * Builds `client.consultations` over a transport.
 *
 * @example
 * ```ts
 * const consultations = consultationsArea(client.transport);
 * ```
 */
export function consultationsArea(t: Transport): ConsultationsArea {
  return {
    search: (query, options) => t.op(searchConsultations, { query: query ?? {} }, options),
    iterate: (query, options) => iterate(t, searchConsultations, query, options),
    get: (consultationId, options) => t.op(getConsultation, { params: { consultationId } }, options),
    getVersion: (consultationId, versionId, options) =>
      t.op(getConsultationVersion, { params: { consultationId, versionId } }, options),
    compareVersions: (consultationId, versionId, against, options) =>
      t.op(
        compareConsultationVersions,
        { params: { consultationId, versionId }, query: { against } },
        options,
      ),
    stats: (consultationId, options) => t.op(getConsultationStats, { params: { consultationId } }, options),
    synthesis: (consultationId, options) =>
      t.op(getConsultationSynthesis, { params: { consultationId } }, options),
  };
}
