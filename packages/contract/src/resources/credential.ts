import * as z from 'zod/mini';
import { Id } from '../shared/ids.js';
import { Instant } from '../shared/instant.js';
import { Locale } from '../shared/localized-text.js';

// Certificates of completed trainings are Open Badges 3.0 `OpenBadgeCredential`s (W3C Verifiable
// Credentials data model 2.0), secured with the proof format of Open Badges 3.0 section 8.2: a compact JWS
// (VC-JWT) signed RS256, the algorithm every Open Badges verifier must support. The verification below runs
// on WebCrypto alone, so that the server, the SDK and a browser check a certificate the same way, offline,
// against the platform's published JWK Set.

/** The `@context` of every certificate: VC 2.0 first, then Open Badges 3.0. */
export const CREDENTIAL_CONTEXTS = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
] as const;

const Text = /* @__PURE__ */ (() => z.string().check(z.minLength(1), z.maxLength(4_000)))();
const Url = /* @__PURE__ */ (() => z.string().check(z.minLength(1), z.maxLength(2_000)))();

/**
 * The issuer of a credential: an Open Badges `Profile` (the platform).
 *
 * @example
 * ```ts
 * const issuer: IssuerProfile = { id: 'https://nassij.ma/v1/credentials/issuer', type: ['Profile'], name: 'Nassij' };
 * ```
 */
export const IssuerProfile = /* @__PURE__ */ (() =>
  z.object({
    id: Url,
    type: z.array(z.string()),
    name: Text,
    url: z.optional(Url),
    description: z.optional(Text),
  }))();
export type IssuerProfile = z.infer<typeof IssuerProfile>;

/**
 * An alignment of an achievement to the competency framework: the competency's code and the level reached.
 *
 * @example
 * ```ts
 * const alignment: CredentialAlignment = { type: ['Alignment'], targetType: 'ceasn:Competency',
 *   targetCode: 'financial-management', targetName: 'Gestion financière — niveau 2',
 *   targetUrl: 'https://nassij.ma/v1/reference#competency-financial-management-2', targetFramework: 'Nassij' };
 * ```
 */
export const CredentialAlignment = /* @__PURE__ */ (() =>
  z.object({
    type: z.array(z.string()),
    targetCode: z.optional(Text),
    targetName: Text,
    targetUrl: Url,
    targetType: z.optional(z.string()),
    targetFramework: z.optional(Text),
    targetDescription: z.optional(Text),
  }))();
export type CredentialAlignment = z.infer<typeof CredentialAlignment>;

/**
 * The `credentialSubject` of a certificate (`AchievementSubject`): the person named by an `IdentityObject`
 * (their name, unhashed, as printed on the certificate) and the course as the `Achievement`.
 *
 * @example
 * ```ts
 * const subject: AchievementSubject = { type: ['AchievementSubject'],
 *   identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'أمينة العلوي' }],
 *   achievement: { id: 'https://nassij.ma/v1/courses/crs_1', type: ['Achievement'], name: 'Gestion financière',
 *     description: 'Budget et rapports financiers', criteria: { narrative: 'Présence à toutes les journées' } } };
 * ```
 */
export const AchievementSubject = /* @__PURE__ */ (() =>
  z.object({
    id: z.optional(Url),
    type: z.array(z.string()),
    identifier: z.optional(
      z.array(
        z.object({
          type: z.literal('IdentityObject'),
          identityType: z.string(),
          hashed: z.boolean(),
          identityHash: Text,
        }),
      ),
    ),
    activityStartDate: z.optional(Instant),
    activityEndDate: z.optional(Instant),
    achievement: z.object({
      id: Url,
      type: z.array(z.string()),
      name: Text,
      description: Text,
      criteria: z.object({ narrative: z.optional(Text), id: z.optional(Url) }),
      achievementType: z.optional(z.string()),
      alignment: z.optional(z.array(CredentialAlignment)),
      inLanguage: z.optional(z.string()),
      creator: z.optional(IssuerProfile),
    }),
  }))();
export type AchievementSubject = z.infer<typeof AchievementSubject>;

/**
 * An Open Badges 3.0 `OpenBadgeCredential`, as a certificate carries it (unsecured; `compactJws` beside it is
 * the signed form).
 *
 * @example
 * ```ts
 * const credential: OpenBadgeCredential = {
 *   '@context': [...CREDENTIAL_CONTEXTS], id: 'https://nassij.ma/v1/certificates/cert_x',
 *   type: ['VerifiableCredential', 'OpenBadgeCredential'], issuer, name: 'Gestion financière',
 *   validFrom: '2026-05-14T16:00:00Z', credentialSubject: subject,
 * };
 * ```
 */
export const OpenBadgeCredential = /* @__PURE__ */ (() =>
  z.object({
    '@context': z.array(z.string()),
    id: Url,
    type: z.array(z.string()),
    issuer: IssuerProfile,
    name: Text,
    description: z.optional(Text),
    validFrom: Instant,
    validUntil: z.optional(Instant),
    credentialSubject: AchievementSubject,
    credentialStatus: z.optional(z.object({ id: z.optional(Url), type: z.string() })),
  }))();
export type OpenBadgeCredential = z.infer<typeof OpenBadgeCredential>;

/**
 * A certificate of a completed training: the credential to read, and `compactJws`, the same credential
 * signed by the platform (the Open Badges 3.0 VC-JWT), which is what a verifier checks.
 *
 * @example
 * ```ts
 * const certificate: Certificate = { id: 'cert_x', registrationId: 'reg_1', courseId: 'crs_1', sessionId: 'ses_1',
 *   associationId: 'asso_12', participantName: 'أمينة العلوي', locale: 'ar', issuedAt: '2026-05-14T16:00:00Z',
 *   credential, compactJws: 'eyJhbGciOiJSUzI1NiJ9.eyJ…', links: { self: '…', pdf: '…', verify: '…' } };
 * ```
 */
export const Certificate = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    registrationId: Id,
    courseId: Id,
    sessionId: Id,
    associationId: Id,
    participantName: Text,
    /** The participant's language: the PDF's and the credential's names are in it. */
    locale: Locale,
    issuedAt: Instant,
    revokedAt: z.optional(Instant),
    credential: OpenBadgeCredential,
    compactJws: z.string().check(z.regex(/^[\w-]+\.[\w-]+\.[\w-]+$/)),
    links: z.strictObject({ self: Url, pdf: Url, verify: Url }),
  }))();
export type Certificate = z.infer<typeof Certificate>;

/**
 * A public key of a JWK Set (RFC 7517), as `/.well-known/jwks.json` publishes the platform's.
 *
 * @example
 * ```ts
 * const key: PublicJwk = { kty: 'RSA', kid: 'k1', alg: 'RS256', use: 'sig', n: '…', e: 'AQAB' };
 * ```
 */
export const PublicJwk = /* @__PURE__ */ (() =>
  z.object({
    kty: z.string(),
    kid: z.string(),
    alg: z.optional(z.string()),
    use: z.optional(z.string()),
    n: z.optional(z.string()),
    e: z.optional(z.string()),
    crv: z.optional(z.string()),
    x: z.optional(z.string()),
  }))();
export type PublicJwk = z.infer<typeof PublicJwk>;

/**
 * A JWK Set: the keys whose signatures the platform stands behind (current and retired ones).
 *
 * @example
 * ```ts
 * const jwks: JwkSet = { keys: [key] };
 * ```
 */
export const JwkSet = /* @__PURE__ */ (() => z.object({ keys: z.array(PublicJwk) }))();
export type JwkSet = z.infer<typeof JwkSet>;

/**
 * The issuer profile with its keys, as `GET /v1/credentials/issuer` gives it.
 *
 * @example
 * ```ts
 * const issuer: CredentialIssuer = { id: 'https://nassij.ma/v1/credentials/issuer', type: ['Profile'],
 *   name: 'Nassij', url: 'https://nassij.ma', jwks: 'https://nassij.ma/.well-known/jwks.json', keys: [key] };
 * ```
 */
export const CredentialIssuer = /* @__PURE__ */ (() =>
  z.extend(IssuerProfile, {
    /** Where the JWK Set is published. */
    jwks: Url,
    keys: z.array(PublicJwk),
  }))();
export type CredentialIssuer = z.infer<typeof CredentialIssuer>;

/** Why a credential does not verify. */
export const VERIFICATION_FAILURES = [
  'malformed',
  'issuer_unknown',
  'signature_invalid',
  'expired',
  'revoked',
] as const;

/**
 * Why a credential does not verify: `malformed` (not a credential), `issuer_unknown` (no key of the
 * platform signed it), `signature_invalid` (changed after signing), `expired`, `revoked`.
 *
 * @example
 * ```ts
 * const reason: VerificationFailure = 'signature_invalid';
 * ```
 */
export const VerificationFailure = /* @__PURE__ */ (() => z.enum(VERIFICATION_FAILURES))();
export type VerificationFailure = z.infer<typeof VerificationFailure>;

/**
 * Body of `POST /v1/credentials/verify`: the certificate as received (`Certificate`), an object holding
 * `compactJws` (and optionally the `credential` shown beside it), or the compact JWS alone as a JSON string.
 *
 * @example
 * ```ts
 * const body: VerifyCredentialBody = certificate;
 * ```
 */
export const VerifyCredentialBody = /* @__PURE__ */ (() =>
  z.union([z.string().check(z.maxLength(200_000)), z.record(z.string(), z.unknown())]))();
export type VerifyCredentialBody = z.infer<typeof VerifyCredentialBody>;

/**
 * What a verification found. `valid` false carries the `reason`; the issuer and subject are given whenever
 * the credential could be read, so that a page can say whose certificate failed.
 *
 * @example
 * ```ts
 * const result: CredentialVerification = { valid: true, credentialId: 'https://nassij.ma/v1/certificates/cert_x',
 *   issuer: { id: 'https://nassij.ma/v1/credentials/issuer', name: 'Nassij' },
 *   subject: { name: 'أمينة العلوي', achievement: 'Gestion financière' }, validFrom: '2026-05-14T16:00:00Z' };
 * ```
 */
export const CredentialVerification = /* @__PURE__ */ (() =>
  z.strictObject({
    valid: z.boolean(),
    reason: z.optional(VerificationFailure),
    credentialId: z.optional(z.string()),
    issuer: z.optional(z.strictObject({ id: z.string(), name: z.optional(z.string()) })),
    subject: z.optional(
      z.strictObject({
        name: z.optional(z.string()),
        achievement: z.optional(z.string()),
        competencies: z.optional(
          z.array(z.strictObject({ code: z.string(), level: z.optional(z.number()) })),
        ),
      }),
    ),
    validFrom: z.optional(z.string()),
    validUntil: z.optional(z.string()),
  }))();
export type CredentialVerification = z.infer<typeof CredentialVerification>;

/**
 * Path parameters of `/v1/certificates/{certificateId}`.
 *
 * @example
 * ```ts
 * CertificateParams.parse({ certificateId: 'cert_x' });
 * ```
 */
export const CertificateParams = /* @__PURE__ */ (() => z.strictObject({ certificateId: Id }))();
export type CertificateParams = z.infer<typeof CertificateParams>;

/**
 * Body of `POST /v1/certificates/{certificateId}/revoke`: why the certificate is withdrawn (kept in the
 * audit log, not shown publicly).
 *
 * @example
 * ```ts
 * const body: RevokeCertificate = { reason: 'Issued to the wrong participant' };
 * ```
 */
export const RevokeCertificate = /* @__PURE__ */ (() =>
  z.strictObject({ reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)) }))();
export type RevokeCertificate = z.infer<typeof RevokeCertificate>;

/**
 * Query of `GET /v1/certificates/{certificateId}.pdf`: the language of the document (the participant's
 * when absent).
 *
 * @example
 * ```ts
 * CertificatePdfQuery.parse({ lang: 'fr' });
 * ```
 */
export const CertificatePdfQuery = /* @__PURE__ */ (() => z.strictObject({ lang: z.optional(Locale) }))();
export type CertificatePdfQuery = z.infer<typeof CertificatePdfQuery>;

// ——— Verification (WebCrypto only: Node ≥ 20, every current browser) ———

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function base64UrlBytes(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[\w-]*$/.test(text)) return undefined;
  const base64 = text.replaceAll('-', '+').replaceAll('_', '/');
  try {
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

function base64UrlJson(text: string): unknown {
  const bytes = base64UrlBytes(text);
  if (!bytes) return undefined;
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

/** Deep equality of two JSON values, key order aside. */
function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]))
    );
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && sameJson(a[k], b[k]));
  }
  return a === b;
}

/** The credential properties a JWT payload adds (RFC 7519 registered claims), left out when comparing. */
const JWT_CLAIMS = ['iss', 'sub', 'jti', 'nbf', 'exp', 'iat'];

function withoutClaims(payload: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(payload).filter(([key]) => !JWT_CLAIMS.includes(key)));
}

/** The parts of a received credential: its compact JWS and, when one was shown beside it, that credential. */
function receivedParts(received: unknown): { jws: string; shown?: unknown } | undefined {
  if (typeof received === 'string') return { jws: received.trim() };
  if (isRecord(received) && typeof received.compactJws === 'string') {
    return { jws: received.compactJws, ...('credential' in received ? { shown: received.credential } : {}) };
  }
  return undefined;
}

function summary(credential: Record<string, unknown>): Omit<CredentialVerification, 'valid' | 'reason'> {
  const issuer = isRecord(credential.issuer) ? credential.issuer : undefined;
  const subject = isRecord(credential.credentialSubject) ? credential.credentialSubject : undefined;
  const achievement = subject && isRecord(subject.achievement) ? subject.achievement : undefined;
  const name = Array.isArray(subject?.identifier)
    ? subject.identifier.find(
        (id): id is { identityHash: string } =>
          isRecord(id) && id.identityType === 'name' && typeof id.identityHash === 'string',
      )?.identityHash
    : undefined;
  const competencies = Array.isArray(achievement?.alignment)
    ? achievement.alignment
        .filter((a): a is Record<string, unknown> => isRecord(a) && typeof a.targetCode === 'string')
        .map((a) => {
          const level = /#level-(\d)$/.exec(String(a.targetUrl ?? ''))?.[1];
          return { code: a.targetCode as string, ...(level ? { level: Number(level) } : {}) };
        })
    : undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const result: Omit<CredentialVerification, 'valid' | 'reason'> = {};
  if (text(credential.id)) result.credentialId = text(credential.id);
  if (issuer && text(issuer.id)) {
    result.issuer = {
      id: text(issuer.id) as string,
      ...(text(issuer.name) ? { name: text(issuer.name) } : {}),
    };
  }
  if (subject) {
    result.subject = {
      ...(name ? { name } : {}),
      ...(text(achievement?.name) ? { achievement: text(achievement?.name) } : {}),
      ...(competencies && competencies.length > 0 ? { competencies } : {}),
    };
  }
  if (text(credential.validFrom)) result.validFrom = text(credential.validFrom);
  if (text(credential.validUntil)) result.validUntil = text(credential.validUntil);
  return result;
}

/**
 * Verifies a certificate offline against a JWK Set: the compact JWS's RS256 signature by one of the set's
 * keys (found by the header's `kid`; a key carried in the header itself is never trusted), its payload an
 * `OpenBadgeCredential` whose `iss` is its issuer, within its validity at `now`, and, when the credential was
 * shown beside the JWS, that it is the signed one. Revocation is the server's to say (`revoked` comes from
 * `POST /v1/credentials/verify` only).
 *
 * @example
 * ```ts
 * const jwks = await (await fetch('https://nassij.ma/.well-known/jwks.json')).json();
 * const result = await verifyOpenBadgeJws(certificate, jwks);
 * if (!result.valid) console.log(result.reason); // 'signature_invalid'
 * ```
 */
export async function verifyOpenBadgeJws(
  received: unknown,
  jwks: unknown,
  now: Date = new Date(),
): Promise<CredentialVerification> {
  const parts = receivedParts(received);
  const segments = parts?.jws.split('.');
  if (!parts || !segments || segments.length !== 3) return { valid: false, reason: 'malformed' };
  const [head = '', body = '', signature = ''] = segments;
  const header = base64UrlJson(head);
  const payload = base64UrlJson(body);
  const signatureBytes = base64UrlBytes(signature);
  if (!isRecord(header) || !isRecord(payload) || !signatureBytes)
    return { valid: false, reason: 'malformed' };
  const parsed = OpenBadgeCredential.safeParse(withoutClaims(payload));
  if (!parsed.success || !parsed.data.type.includes('OpenBadgeCredential')) {
    return { valid: false, reason: 'malformed' };
  }
  const found = summary(payload);
  if (parts.shown !== undefined && !sameJson(parts.shown, withoutClaims(payload))) {
    // The credential shown is not the one signed: someone edited the copy.
    return {
      valid: false,
      reason: 'signature_invalid',
      ...summary(isRecord(parts.shown) ? parts.shown : {}),
    };
  }
  const keys = isRecord(jwks) && Array.isArray(jwks.keys) ? jwks.keys.filter(isRecord) : [];
  const jwk = keys.find((key) => key.kid === header.kid && key.kty === 'RSA');
  if (header.alg !== 'RS256' || !jwk || payload.iss !== parsed.data.issuer.id) {
    return { valid: false, reason: 'issuer_unknown', ...found };
  }
  let good = false;
  try {
    const key = await crypto.subtle.importKey(
      'jwk',
      { kty: 'RSA', n: String(jwk.n), e: String(jwk.e), ext: true },
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['verify'],
    );
    good = await crypto.subtle.verify(
      'RSASSA-PKCS1-v1_5',
      key,
      signatureBytes,
      new TextEncoder().encode(`${head}.${body}`),
    );
  } catch {
    return { valid: false, reason: 'issuer_unknown', ...found };
  }
  if (!good) return { valid: false, reason: 'signature_invalid', ...found };
  const at = now.getTime() / 1000;
  const until = parsed.data.validUntil ? Date.parse(parsed.data.validUntil) / 1000 : undefined;
  const exp = typeof payload.exp === 'number' ? payload.exp : until;
  if (exp !== undefined && at >= exp) return { valid: false, reason: 'expired', ...found };
  return { valid: true, ...found };
}
