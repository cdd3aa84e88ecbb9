// Offline verification of a certificate: the same check as `POST /v1/credentials/verify`, on WebCrypto
// alone (Node ≥ 20 and every current browser), against a JWK Set the caller already holds.
import { type CredentialVerification, verifyOpenBadgeJws } from '@nassij/contract';

/**
 * Verifies a certificate without the network: its RS256 signature by a key of `jwks` (the platform's
 * `/.well-known/jwks.json`, fetched once and kept), that it is an Open Badges 3.0 credential of that issuer,
 * still within its validity, and, when the certificate shows its credential beside the signature, that the
 * two agree. `revoked` needs the platform: ask `client.credentials.verify()` for it.
 *
 * @example
 * ```ts
 * const jwks = await client.credentials.jwks();
 * const result = await verifyCredential(certificate, jwks);
 * if (!result.valid) console.log(result.reason); // 'signature_invalid'
 * ```
 */
export async function verifyCredential(
  credential: unknown,
  jwks: unknown,
  now: Date = new Date(),
): Promise<CredentialVerification> {
  return await verifyOpenBadgeJws(credential, jwks, now);
}
