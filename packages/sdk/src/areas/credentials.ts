import {
  getCertificate,
  getCertificatePdf,
  getCredentialIssuer,
  getJwks,
  issueCertificate,
  type Locale,
  revokeCertificate,
  verifyCredential as verifyCredentialRoute,
} from '@nassij/contract';
import { verifyCredential } from '../credentials.js';
import type { Transport } from '../transport.js';
import type { RequestOptions, RouteResult } from '../types.js';

/** The routes `client.credentials` wraps. */
export const credentialsRoutes = [
  issueCertificate,
  getCertificate,
  getCertificatePdf,
  revokeCertificate,
  getCredentialIssuer,
  getJwks,
  verifyCredentialRoute,
] as const;

/**
 * `client.credentials`: certificates of completed trainings (Open Badges 3.0 credentials signed by the
 * platform) and their verification, online or offline.
 *
 * @example
 * ```ts
 * const certificate = await client.credentials.issue('reg_0001');
 * const result = await client.credentials.verifyOffline(certificate, await client.credentials.jwks());
 * ```
 */
export interface CredentialsArea {
  /**
   * Issues the certificate of a completed registration (the course's organisers or the participant), or
   * gives the one issued already. Throws `registration_incomplete` before completion.
   *
   * @example
   * ```ts
   * const { id, links } = await client.credentials.issue('reg_0001');
   * ```
   */
  issue(registrationId: string, options?: RequestOptions): Promise<RouteResult<typeof issueCertificate>>;
  /**
   * A certificate by its id (public to whoever holds the id).
   *
   * @example
   * ```ts
   * const certificate = await client.credentials.get('cert_x');
   * ```
   */
  get(certificateId: string, options?: RequestOptions): Promise<RouteResult<typeof getCertificate>>;
  /**
   * The certificate as a PDF, in the participant's language or `lang`.
   *
   * @example
   * ```ts
   * const pdf = await client.credentials.pdf('cert_x', 'fr'); // a Blob
   * ```
   */
  pdf(
    certificateId: string,
    lang?: Locale,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof getCertificatePdf>>;
  /**
   * Revokes a certificate (the course's organisers or an admin); the reason goes to the audit log.
   *
   * @example
   * ```ts
   * const { revokedAt } = await client.credentials.revoke('cert_x', 'Issued to the wrong participant');
   * ```
   */
  revoke(
    certificateId: string,
    reason: string,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof revokeCertificate>>;
  /**
   * The issuer profile (the platform) and its public keys.
   *
   * @example
   * ```ts
   * const { name, jwks } = await client.credentials.issuer();
   * ```
   */
  issuer(options?: RequestOptions): Promise<RouteResult<typeof getCredentialIssuer>>;
  /**
   * The platform's JWK Set, to keep for offline verification.
   *
   * @example
   * ```ts
   * const jwks = await client.credentials.jwks();
   * ```
   */
  jwks(options?: RequestOptions): Promise<RouteResult<typeof getJwks>>;
  /**
   * Asks the platform to verify a certificate as received (says `revoked` too).
   *
   * @example
   * ```ts
   * const { valid, reason } = await client.credentials.verify(certificate);
   * ```
   */
  verify(credential: unknown, options?: RequestOptions): Promise<RouteResult<typeof verifyCredentialRoute>>;
  /**
   * Verifies a certificate offline against a JWK Set (see {@link verifyCredential}).
   *
   * @example
   * ```ts
   * const { valid } = await client.credentials.verifyOffline(certificate, jwks);
   * ```
   */
  verifyOffline(
    credential: unknown,
    jwks: unknown,
    now?: Date,
  ): Promise<RouteResult<typeof verifyCredentialRoute>>;
}

/**
 * Builds `client.credentials` over a transport.
 *
 * @example
 * ```ts
 * const credentials = credentialsArea(client.transport);
 * ```
 */
export function credentialsArea(t: Transport): CredentialsArea {
  return {
    issue: (registrationId, options) => t.op(issueCertificate, { params: { registrationId } }, options),
    get: (certificateId, options) => t.op(getCertificate, { params: { certificateId } }, options),
    pdf: (certificateId, lang, options) =>
      t.op(getCertificatePdf, { params: { certificateId }, query: lang ? { lang } : {} }, options),
    revoke: (certificateId, reason, options) =>
      t.op(revokeCertificate, { params: { certificateId }, body: { reason } }, options),
    issuer: (options) => t.op(getCredentialIssuer, {}, options),
    jwks: (options) => t.op(getJwks, {}, options),
    verify: (credential, options) =>
      t.op(verifyCredentialRoute, { body: credential as Record<string, unknown> }, options),
    verifyOffline: (credential, jwks, now) => verifyCredential(credential, jwks, now),
  };
}
