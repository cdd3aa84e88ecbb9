import { getOrganisation, listOrganisationStaff, searchOrganisations } from '@nassij/contract';
import { iterate, type PageItem, type PageIterator, type PageQueryInput, pages } from '../paginate.js';
import type { Transport } from '../transport.js';
import type { RequestOptions, RouteResult } from '../types.js';

/** The routes `client.organisations` wraps. */
export const organisationsRoutes = [searchOrganisations, getOrganisation, listOrganisationStaff] as const;

/**
 * `client.organisations`: the public bodies that run calls (ministries, public establishments, regional,
 * provincial and communal councils), with their level and region. Public reads; no sign-in needed.
 *
 * @example
 * ```ts
 * const { items } = await client.organisations.search({ level: ['regional'], region: ['MA-09'] });
 * const funder = await client.organisations.get(call.funder.organisationId ?? '');
 * ```
 */
export interface OrganisationsArea {
  /**
   * One page of organisations, in name order, filtered by level and region (each repeatable).
   *
   * @example
   * ```ts
   * const { items, nextCursor } = await client.organisations.search({ level: ['national'], limit: 50 });
   * ```
   */
  search(
    query?: PageQueryInput<typeof searchOrganisations> & { cursor?: string | undefined },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof searchOrganisations>>;
  /**
   * Every organisation matching `query`, page after page, fetched only as the loop asks; `.collect({ limit })`
   * gathers up to `limit` of them into an array.
   *
   * @example
   * ```ts
   * for await (const organisation of client.organisations.iterate({ region: ['MA-09'] })) rows.push(organisation);
   * const councils = await client.organisations.iterate({ level: ['regional'] }).collect({ limit: 12 });
   * ```
   */
  iterate(
    query?: PageQueryInput<typeof searchOrganisations>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof searchOrganisations>>;
  /**
   * Whole pages of organisations, lazily.
   *
   * @example
   * ```ts
   * for await (const page of client.organisations.pages({ level: ['communal'] })) render(page.items);
   * ```
   */
  pages(
    query?: PageQueryInput<typeof searchOrganisations>,
    options?: RequestOptions,
  ): AsyncGenerator<RouteResult<typeof searchOrganisations>, void, undefined>;
  /**
   * One organisation with its level and region; `NassijApiError` `not_found` when there is none.
   *
   * @example
   * ```ts
   * const organisation = await client.organisations.get(account.organisationId);
   * ```
   */
  get(organisationId: string, options?: RequestOptions): Promise<RouteResult<typeof getOrganisation>>;
  /**
   * One page of the organisation's staff, by name (for its admins and call managers); with
   * `role: 'reviewer'`, its reviewers and the platform's independent ones: whom a call's reviewers are
   * chosen from. Pass `nextCursor` back as `cursor` for the next page, or use {@link iterateStaff}.
   *
   * @example
   * ```ts
   * const { items, nextCursor } = await client.organisations.staff(account.organisationId, { role: 'reviewer' });
   * ```
   */
  staff(
    organisationId: string,
    query?: PageQueryInput<typeof listOrganisationStaff> & { cursor?: string | undefined },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof listOrganisationStaff>>;
  /**
   * Every staff member matching `query`, page after page, fetched only as the loop asks;
   * `.collect({ limit })` gathers up to `limit` of them.
   *
   * @example
   * ```ts
   * const pool = await client.organisations
   *   .iterateStaff(account.organisationId, { role: 'reviewer', limit: 100 })
   *   .collect({ limit: 1000 });
   * await client.calls.setReviewers(callId, pool.slice(0, 3).map((person) => person.accountId));
   * ```
   */
  iterateStaff(
    organisationId: string,
    query?: PageQueryInput<typeof listOrganisationStaff>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof listOrganisationStaff>>;
}

/**
 * Builds `client.organisations` over a transport.
 *
 * @example
 * ```ts
 * const organisations = organisationsArea(client.transport);
 * ```
 */
export function organisationsArea(t: Transport): OrganisationsArea {
  return {
    search: (query, options) => t.op(searchOrganisations, { query: query ?? {} }, options),
    iterate: (query, options) => iterate(t, searchOrganisations, query, options),
    pages: (query, options) => pages(t, searchOrganisations, query, options),
    get: (organisationId, options) => t.op(getOrganisation, { params: { organisationId } }, options),
    staff: (organisationId, query, options) =>
      t.op(listOrganisationStaff, { params: { organisationId }, query: query ?? {} }, options),
    iterateStaff: (organisationId, query, options) =>
      iterate(t, listOrganisationStaff, query, { ...options, params: { organisationId } }),
  };
}
