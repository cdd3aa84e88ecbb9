import {
  changeEmail,
  deleteAccount,
  exportMyData,
  requestPasswordReset,
  resendVerification,
  resetPassword,
  signOutOthers,
  signUp,
  verifyEmail,
} from '@nassij/contract';
import type { Transport } from '../transport.js';
import type { BodyOf, RequestOptions, RouteResult } from '../types.js';

/** The routes `client.accounts` wraps (the contract's list). */
export { accountRoutes } from '@nassij/contract';

/**
 * `client.accounts`: an account a person creates and manages themselves. The public steps (sign-up,
 * resending the link, asking for a reset) answer the same `{ status: 'accepted' }` whether or not the
 * address has an account: what follows is told by e-mail. A new password follows NIST SP 800-63B rev. 4
 * (15 to 128 characters, not common, not made of the address or the name); a refused one throws a
 * `NassijApiError` whose `code` says why (`password_too_short`, `password_breached`…).
 *
 * @example
 * ```ts
 * await client.accounts.signUp({ email: 'amina@example.ma', password: 'olive trees of the Souss valley',
 *   displayName: 'Amina Benali', locale: 'fr' });
 * // … the person opens the link sent to the address; the page calls:
 * await client.accounts.verifyEmail(tokenFromTheLink);
 * await client.auth.signIn('amina@example.ma', 'olive trees of the Souss valley');
 * ```
 */
export interface AccountsArea {
  /**
   * Signs up. A verification link (24 hours, single use) goes to the address; the account signs in once it
   * is opened (before, sign-in throws `email_not_verified`).
   *
   * @example
   * ```ts
   * await client.accounts.signUp({ email, password, displayName: 'Amina Benali', locale: 'ar' });
   * ```
   */
  signUp(request: BodyOf<typeof signUp>, options?: RequestOptions): Promise<RouteResult<typeof signUp>>;
  /**
   * Opens a verification link: the token of the sign-up link, or of the link sent to a new address after
   * {@link AccountsArea.changeEmail}. Throws `link_invalid`, `link_expired` or `link_used`.
   *
   * @example
   * ```ts
   * const { purpose, email } = await client.accounts.verifyEmail(new URL(location.href).searchParams.get('token')!);
   * ```
   */
  verifyEmail(token: string, options?: RequestOptions): Promise<RouteResult<typeof verifyEmail>>;
  /**
   * Sends a new verification link to an address not yet verified (the previous one stops working).
   *
   * @example
   * ```ts
   * await client.accounts.resendVerification('amina@example.ma');
   * ```
   */
  resendVerification(
    email: string,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof resendVerification>>;
  /**
   * Asks for a password reset link (1 hour, single use) to be sent to the address.
   *
   * @example
   * ```ts
   * await client.accounts.requestPasswordReset('amina@example.ma');
   * ```
   */
  requestPasswordReset(
    email: string,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof requestPasswordReset>>;
  /**
   * Sets a new password with a reset link's token. Every session of the account ends.
   *
   * @example
   * ```ts
   * await client.accounts.resetPassword(token, 'a new sentence about argan trees');
   * ```
   */
  resetPassword(token: string, password: string, options?: RequestOptions): Promise<void>;
  /**
   * Asks to move the signed-in account to a new address, with its current password. The change happens
   * when the link sent to the new address is opened ({@link AccountsArea.verifyEmail}).
   *
   * @example
   * ```ts
   * await client.accounts.changeEmail('amina.benali@example.ma', currentPassword);
   * ```
   */
  changeEmail(
    email: string,
    password: string,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof changeEmail>>;
  /**
   * Ends every other session of the signed-in account; this one stays.
   *
   * @example
   * ```ts
   * const { revoked } = await client.accounts.signOutOthers();
   * ```
   */
  signOutOthers(options?: RequestOptions): Promise<RouteResult<typeof signOutOthers>>;
  /**
   * Erases the signed-in account (law 09-08), with its current password; this client is signed out.
   *
   * @example
   * ```ts
   * const report = await client.accounts.delete({ password: currentPassword, reason: 'I no longer use it' });
   * ```
   */
  delete(
    request: BodyOf<typeof deleteAccount>,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof deleteAccount>>;
  /**
   * Everything the platform holds about the signed-in account, as JSON (law 09-08, right of access).
   *
   * @example
   * ```ts
   * const { account, audit } = await client.accounts.export();
   * ```
   */
  export(options?: RequestOptions): Promise<RouteResult<typeof exportMyData>>;
}

/**
 * Builds `client.accounts` over a transport.
 *
 * @example
 * ```ts
 * const accounts = accountsArea(client.transport);
 * ```
 */
export function accountsArea(t: Transport): AccountsArea {
  return {
    signUp: (request, options) => t.op(signUp, { body: request }, options),
    verifyEmail: (token, options) => t.op(verifyEmail, { body: { token } }, options),
    resendVerification: (email, options) => t.op(resendVerification, { body: { email } }, options),
    requestPasswordReset: (email, options) => t.op(requestPasswordReset, { body: { email } }, options),
    async resetPassword(token, password, options) {
      await t.op(resetPassword, { body: { token, password } }, options);
    },
    changeEmail: (email, password, options) => t.op(changeEmail, { body: { email, password } }, options),
    signOutOthers: (options) => t.op(signOutOthers, {}, options),
    async delete(request, options) {
      const report = await t.op(deleteAccount, { body: request }, options);
      // The account's tokens are revoked: keep none, and nothing read while signed in.
      t.config.tokens.clear();
      t.config.cache?.clear();
      return report;
    },
    export: (options) => t.op(exportMyData, {}, options),
  };
}
