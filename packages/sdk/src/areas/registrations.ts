import {
  cancelRegistration,
  createRegistration,
  evaluateRegistration,
  getRegistration,
  listMyRegistrations,
  listRegistrations,
  recordAttendance,
} from '@nassij/contract';
import { iterate, type PageItem, type PageIterator, type PageQueryInput } from '../paginate.js';
import type { Transport } from '../transport.js';
import type { BodyOf, RequestOptions, RouteResult } from '../types.js';

/** The routes `client.registrations` wraps. */
export const registrationsRoutes = [
  createRegistration,
  listRegistrations,
  getRegistration,
  cancelRegistration,
  recordAttendance,
  evaluateRegistration,
  listMyRegistrations,
] as const;

/**
 * `client.registrations`: register participants of an association to training sessions.
 *
 * @example
 * ```ts
 * const registration = await client.registrations.create({
 *   sessionId: 'ses_0001', associationId: 'asso_0001', participant: { accountId: 'acc_0002' }, consent: true,
 * });
 * registration.status; // 'confirmed' or 'waitlisted'
 * ```
 */
export interface RegistrationsArea {
  /**
   * Registers a member of the association by account (themself, or any member when the caller is the
   * association's representative); `confirmed` while seats are left, else `waitlisted`. An account that is
   * not a member is a `NassijValidationError` with code `participant_not_member`.
   *
   * @example
   * ```ts
   * await client.registrations.create(body, { idempotencyKey: savedKey });
   * ```
   */
  create(
    body: BodyOf<typeof createRegistration>,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof createRegistration>>;
  /**
   * One page of the registrations of the account's associations, newest first.
   *
   * @example
   * ```ts
   * const { items } = await client.registrations.list();
   * ```
   */
  list(
    query?: PageQueryInput<typeof listRegistrations> & { cursor?: string | undefined },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof listRegistrations>>;
  /**
   * Every registration of the account's associations, lazily.
   *
   * @example
   * ```ts
   * for await (const registration of client.registrations.iterate()) mine.push(registration);
   * const mine = await client.registrations.iterate().collect({ limit: 100 });
   * ```
   */
  iterate(
    query?: PageQueryInput<typeof listRegistrations>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof listRegistrations>>;
  /**
   * One registration.
   *
   * @example
   * ```ts
   * const registration = await client.registrations.get('reg_0001');
   * ```
   */
  get(registrationId: string, options?: RequestOptions): Promise<RouteResult<typeof getRegistration>>;
  /**
   * Cancels a registration; the first waitlisted one of the session is promoted.
   *
   * @example
   * ```ts
   * await client.registrations.cancel('reg_0001', 'Empêchement');
   * ```
   */
  cancel(
    registrationId: string,
    reason?: string,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof cancelRegistration>>;
  /**
   * Records attendance (organisers); `completed` issues the credential.
   *
   * @example
   * ```ts
   * await client.registrations.recordAttendance('reg_0001', attendance);
   * ```
   */
  recordAttendance(
    registrationId: string,
    body: BodyOf<typeof recordAttendance>,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof recordAttendance>>;
  /**
   * The participant's evaluation, once the session has ended.
   *
   * @example
   * ```ts
   * await client.registrations.evaluate('reg_0001', { rating: 5 });
   * ```
   */
  evaluate(
    registrationId: string,
    body: BodyOf<typeof evaluateRegistration>,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof evaluateRegistration>>;
  /**
   * One page of the signed-in person's own registrations (those naming their account), whatever the
   * association, newest first: the "my registrations" view.
   *
   * @example
   * ```ts
   * const { items } = await client.registrations.mine({ status: ['confirmed', 'waitlisted'] });
   * ```
   */
  mine(
    query?: PageQueryInput<typeof listMyRegistrations> & { cursor?: string | undefined },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof listMyRegistrations>>;
  /**
   * Every registration of the signed-in person, lazily.
   *
   * @example
   * ```ts
   * const completed = await client.registrations.iterateMine({ status: ['completed'] }).collect({ limit: 50 });
   * ```
   */
  iterateMine(
    query?: PageQueryInput<typeof listMyRegistrations>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof listMyRegistrations>>;
}

/**
 * Builds `client.registrations` over a transport.
 *
 * @example
 * ```ts
 * const registrations = registrationsArea(client.transport);
 * ```
 */
export function registrationsArea(t: Transport): RegistrationsArea {
  return {
    create: (body, options) => t.op(createRegistration, { body }, options),
    list: (query, options) => t.op(listRegistrations, { query: query ?? {} }, options),
    iterate: (query, options) => iterate(t, listRegistrations, query, options),
    get: (registrationId, options) => t.op(getRegistration, { params: { registrationId } }, options),
    cancel: (registrationId, reason, options) =>
      t.op(
        cancelRegistration,
        { params: { registrationId }, body: reason === undefined ? {} : { reason } },
        options,
      ),
    recordAttendance: (registrationId, body, options) =>
      t.op(recordAttendance, { params: { registrationId }, body }, options),
    evaluate: (registrationId, body, options) =>
      t.op(evaluateRegistration, { params: { registrationId }, body }, options),
    mine: (query, options) => t.op(listMyRegistrations, { query: query ?? {} }, options),
    iterateMine: (query, options) => iterate(t, listMyRegistrations, query, options),
  };
}
