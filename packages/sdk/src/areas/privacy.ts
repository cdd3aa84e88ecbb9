import { eraseAccount, exportAccountData } from '@nassij/contract';
import type { Transport } from '../transport.js';
import type { BodyOf, RequestOptions, RouteResult } from '../types.js';

/** The routes `client.privacy` wraps (the contract's list). */
export { privacyRoutes } from '@nassij/contract';

/**
 * `client.privacy`: the rights of access and erasure of law 09-08, exercised for a person by an admin. Both
 * are recorded in the audit log.
 *
 * @example
 * ```ts
 * const data = await client.privacy.export('acc_0002');
 * const report = await client.privacy.erase('acc_0002', { reason: 'Demande du 2026-12-01' });
 * ```
 */
export interface PrivacyArea {
  /**
   * Everything the platform holds about one account, as JSON (never the password hash).
   *
   * @example
   * ```ts
   * const { account, contributions, applications, audit } = await client.privacy.export('acc_0002');
   * ```
   */
  export(accountId: string, options?: RequestOptions): Promise<RouteResult<typeof exportAccountData>>;
  /**
   * Erases one account's personal data and answers what was done; the reason goes to the audit log. Sent
   * with an `Idempotency-Key`, so a retry after a lost answer gets the same report.
   *
   * @example
   * ```ts
   * const { tokensRevoked, filesDeleted, documentsRetained } = await client.privacy.erase('acc_0002', {
   *   reason: 'Demande de la personne, réf. 2026-0042',
   * });
   * ```
   */
  erase(
    accountId: string,
    request: BodyOf<typeof eraseAccount>,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof eraseAccount>>;
}

/**
 * Builds `client.privacy` over a transport.
 *
 * @example
 * ```ts
 * const privacy = privacyArea(client.transport);
 * ```
 */
export function privacyArea(t: Transport): PrivacyArea {
  return {
    export: (accountId, options) => t.op(exportAccountData, { params: { accountId } }, options),
    erase: (accountId, request, options) =>
      t.op(eraseAccount, { params: { accountId }, body: request }, options),
  };
}
