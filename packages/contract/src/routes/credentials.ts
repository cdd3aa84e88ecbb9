import {
  Certificate,
  CertificateParams,
  CertificatePdfQuery,
  CredentialIssuer,
  CredentialVerification,
  JwkSet,
  RevokeCertificate,
  VerifyCredentialBody,
} from '../resources/credential.js';
import { RegistrationParams } from '../resources/training.js';
import { route } from './route.js';

/**
 * `POST /v1/registrations/{registrationId}/certificate` — issue the certificate of a completed registration
 * (once: asking again gives the same certificate).
 */
export const issueCertificate = /* @__PURE__ */ (() =>
  route({
    id: 'certificates.issue',
    method: 'POST',
    path: '/v1/registrations/{registrationId}/certificate',
    tag: 'credentials',
    summary: 'Issue the certificate of a completed training',
    description:
      'By the staff of the organisation providing the course (organisation admin or training manager), a platform ' +
      'admin, or the participant themself. `registration_incomplete` unless the registration is `completed`. ' +
      'Idempotent: a registration has one certificate, answered with 201 when issued and 200 afterwards.',
    auth: 'required',
    params: RegistrationParams,
    idempotent: true,
    errors: ['not_found', 'forbidden', 'registration_incomplete'],
    response: { status: 201, schema: Certificate, description: 'The certificate and its signed credential' },
  }))();

/** `GET /v1/certificates/{certificateId}` — a certificate, public to whoever holds its unguessable id. */
export const getCertificate = /* @__PURE__ */ (() =>
  route({
    id: 'certificates.get',
    method: 'GET',
    path: '/v1/certificates/{certificateId}',
    tag: 'credentials',
    summary: 'Read a certificate (Open Badges 3.0 credential)',
    auth: 'public',
    params: CertificateParams,
    errors: ['not_found'],
    response: { status: 200, schema: Certificate, description: 'The certificate' },
  }))();

/** `GET /v1/certificates/{certificateId}.pdf` — the printable certificate, in the participant's language. */
export const getCertificatePdf = /* @__PURE__ */ (() =>
  route({
    id: 'certificates.pdf',
    method: 'GET',
    path: '/v1/certificates/{certificateId}.pdf',
    tag: 'credentials',
    summary: 'Download a certificate as PDF',
    description:
      '`lang` chooses the language (`ar` right to left, `fr`, `zgh` in Tifinagh, `en`); the participant’s by default. ' +
      'The PDF links to the verification page.',
    auth: 'public',
    params: CertificateParams,
    query: CertificatePdfQuery,
    errors: ['not_found'],
    response: { status: 200, contentType: 'application/pdf', description: 'The certificate (PDF)' },
  }))();

/** `GET /v1/credentials/issuer` — the platform as issuer (Open Badges `Profile`) with its public keys. */
export const getCredentialIssuer = /* @__PURE__ */ (() =>
  route({
    id: 'credentials.issuer',
    method: 'GET',
    path: '/v1/credentials/issuer',
    tag: 'credentials',
    summary: 'The issuer profile of certificates and its keys',
    auth: 'public',
    errors: [],
    response: { status: 200, schema: CredentialIssuer, description: 'The issuer profile' },
  }))();

/** `GET /.well-known/jwks.json` — the platform's public signing keys (RFC 7517 JWK Set). */
export const getJwks = /* @__PURE__ */ (() =>
  route({
    id: 'credentials.jwks',
    method: 'GET',
    path: '/.well-known/jwks.json',
    tag: 'credentials',
    summary: 'The public keys that sign certificates (JWK Set)',
    auth: 'public',
    errors: [],
    response: { status: 200, schema: JwkSet, description: 'The JWK Set' },
  }))();

/** `POST /v1/credentials/verify` — check a certificate as received. */
export const verifyCredential = /* @__PURE__ */ (() =>
  route({
    id: 'credentials.verify',
    method: 'POST',
    path: '/v1/credentials/verify',
    tag: 'credentials',
    summary: 'Verify a certificate',
    description:
      'The body is the certificate as received (or its `compactJws`). Always 200: `valid` false names the reason — ' +
      '`malformed`, `issuer_unknown`, `signature_invalid`, `expired` or `revoked`. The same check runs offline with ' +
      'the SDK’s `verifyCredential(credential, jwks)`.',
    auth: 'public',
    body: VerifyCredentialBody,
    errors: ['validation_failed'],
    response: { status: 200, schema: CredentialVerification, description: 'What the verification found' },
  }))();

/** `POST /v1/certificates/{certificateId}/revoke` — withdraw a certificate (the course's organisers or an admin). */
export const revokeCertificate = /* @__PURE__ */ (() =>
  route({
    id: 'certificates.revoke',
    method: 'POST',
    path: '/v1/certificates/{certificateId}/revoke',
    tag: 'credentials',
    summary: 'Revoke a certificate',
    description:
      'By the staff of the organisation providing the course or a platform admin; the reason goes to the audit log. ' +
      'From then on the verification route and page answer `revoked`. Revoking again changes nothing.',
    auth: 'required',
    params: CertificateParams,
    body: RevokeCertificate,
    idempotent: true,
    errors: ['not_found', 'forbidden', 'validation_failed'],
    response: { status: 200, schema: Certificate, description: 'The certificate with `revokedAt`' },
  }))();

/** The certificate and credential routes. */
export const credentialRoutes = [
  issueCertificate,
  getCertificate,
  getCertificatePdf,
  revokeCertificate,
  getCredentialIssuer,
  getJwks,
  verifyCredential,
] as const;
