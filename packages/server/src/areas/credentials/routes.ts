import {
  getCertificate,
  getCredentialIssuer,
  getJwks,
  issueCertificate as issueCertificateRoute,
  LOCALES,
  type Locale,
  revokeCertificate as revokeCertificateRoute,
  verifyCredential,
} from '@nassij/contract';
import type { Context } from 'hono';
import type { ApiApp, Handler } from '../../http/app.js';
import { problem, problemResponse } from '../../http/problem.js';
import {
  associationName,
  courseOf,
  ISSUER_PATH,
  issueCertificate,
  issuerProfile,
  readCertificateRow,
  revokeCertificate,
  toCertificate,
} from './certificates.js';
import { publicKeySet } from './keys.js';
import { notFoundPage, VERIFY_PAGE_HEADERS, verificationPage } from './page.js';
import { renderCertificatePdf } from './pdf.js';
import { verifyWithPlatformKeys } from './verification.js';

const ID = '[A-Za-z0-9_-]{1,64}';

/** A language asked with `?lang=`, `undefined` when absent, `null` when it is none of the four. */
function askedLocale(c: Context): Locale | undefined | null {
  const lang = c.req.query('lang');
  if (lang === undefined || lang === '') return undefined;
  return (LOCALES as readonly string[]).includes(lang) ? (lang as Locale) : null;
}

/** `GET /v1/certificates/{certificateId}.pdf`: bound on Hono directly, as the id and `.pdf` share a segment. */
function pdfRoute(app: ApiApp): void {
  app.hono.get(`/v1/certificates/:file{${ID}\\.pdf}`, async (c) => {
    const requestId = c.get('requestId');
    const id = c.req.param('file').slice(0, -'.pdf'.length);
    const asked = askedLocale(c);
    if (asked === null) {
      return problemResponse(
        problem('validation_failed', 'Unknown language', {
          errors: [{ path: '/lang', in: 'query', code: 'invalid_value', message: 'One of ar, fr, zgh, en' }],
        }),
        requestId,
      );
    }
    const row = await readCertificateRow(app.db, id);
    if (!row) return problemResponse(problem('not_found', 'No such certificate'), requestId);
    const certificate = toCertificate(row);
    const locale = asked ?? certificate.locale;
    const course = await courseOf(app.db, certificate.courseId);
    const pdf = await renderCertificatePdf({
      certificate,
      locale,
      ...(course ? { course } : {}),
      associationName: await associationName(app.db, certificate.associationId),
    });
    return new Response(pdf, {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="${id}-${locale}.pdf"`,
        'content-length': String(pdf.byteLength),
        'cache-control': 'public, max-age=300',
        'content-language': locale === 'zgh' ? 'zgh-Tfng' : locale,
      },
    });
  });
}

/** `/verify/{certificateId}`: the public page saying whether the certificate is valid. */
function verifyPage(app: ApiApp): void {
  app.hono.get(`/verify/:certificateId{${ID}}`, async (c) => {
    const row = await readCertificateRow(app.db, c.req.param('certificateId'));
    const asked = askedLocale(c) ?? undefined;
    if (!row) {
      return new Response(notFoundPage(asked ?? 'ar'), { status: 404, headers: VERIFY_PAGE_HEADERS });
    }
    const certificate = toCertificate(row);
    // The stored signature is checked like any received one, with the credential shown beside it.
    const result = await verifyWithPlatformKeys(
      app.db,
      { compactJws: row.compact_jws, credential: certificate.credential },
      app.clock(),
    );
    return new Response(verificationPage(certificate, result, asked ?? certificate.locale), {
      headers: VERIFY_PAGE_HEADERS,
    });
  });
}

/**
 * `POST /v1/registrations/{registrationId}/certificate`: issues the certificate of a completed registration,
 * or answers the one issued already (200 instead of 201).
 */
function issueCertificateHandler(app: ApiApp): Handler<typeof issueCertificateRoute> {
  return async ({ db, params, auth, now, c, requestId }) => {
    const { certificate, created } = await issueCertificate(
      db,
      auth,
      params.registrationId,
      app.publicUrl(c),
      now,
      requestId,
    );
    return {
      status: created ? 201 : 200,
      body: certificate,
      headers: { location: `/v1/certificates/${certificate.id}` },
    };
  };
}

/** `GET /v1/certificates/{certificateId}`: a certificate as JSON, public (a verifier reads it). */
export const getCertificateHandler: Handler<typeof getCertificate> = async ({ db, params }) => {
  const row = await readCertificateRow(db, params.certificateId);
  if (!row) throw problem('not_found', 'No such certificate');
  return { body: toCertificate(row), headers: { 'cache-control': 'public, max-age=60' } };
};

/** `POST /v1/certificates/{certificateId}/revoke`: its issuers revoke a certificate, with a reason. */
export const revokeCertificateHandler: Handler<typeof revokeCertificateRoute> = async ({
  db,
  params,
  body,
  auth,
  now,
  requestId,
}) => ({
  body: await revokeCertificate(db, auth, params.certificateId, body.reason, now, requestId),
});

/** `GET /v1/credentials/issuer`: the issuer profile, with its public keys, at this deployment's address. */
function getCredentialIssuerHandler(app: ApiApp): Handler<typeof getCredentialIssuer> {
  return async ({ db, c }) => {
    const origin = app.publicUrl(c);
    const { keys } = await publicKeySet(db);
    return {
      body: {
        ...issuerProfile(origin, 'ar'),
        id: `${origin}${ISSUER_PATH}`,
        jwks: `${origin}/.well-known/jwks.json`,
        keys,
      },
    };
  };
}

/** `GET /.well-known/jwks.json`: the platform's public keys, cached briefly by readers. */
export const getJwksHandler: Handler<typeof getJwks> = async ({ db }) => ({
  body: await publicKeySet(db),
  headers: { 'cache-control': 'public, max-age=300' },
});

/** `POST /v1/credentials/verify`: checks a credential as received (its JWS and content) against the platform's keys. */
export const verifyCredentialHandler: Handler<typeof verifyCredential> = async ({ db, body, now }) => ({
  body: await verifyWithPlatformKeys(db, body, now),
});

/**
 * Binds the certificate routes: issuing (idempotent), reading as JSON, PDF and verification page, the
 * issuer profile, the JWK Set and the verification of a credential as received.
 *
 * @example
 * ```ts
 * registerCredentialRoutes(app);
 * ```
 */
export function registerCredentialRoutes(app: ApiApp): void {
  // Before `GET /v1/certificates/{certificateId}`, which would otherwise take `cert_x.pdf` for an id.
  pdfRoute(app);
  verifyPage(app);
  app.bind(
    issueCertificateRoute,
    issueCertificateHandler(app),
    // The first certificate of a deployment generates the platform key: not inside a write transaction.
    { awaitsIo: true },
  );
  app.bind(getCertificate, getCertificateHandler);
  app.bind(revokeCertificateRoute, revokeCertificateHandler);
  app.bind(getCredentialIssuer, getCredentialIssuerHandler(app));
  app.bind(getJwks, getJwksHandler);
  app.bind(
    verifyCredential,
    verifyCredentialHandler,
    // Writes nothing; the key may have to be created on a new deployment.
    { awaitsIo: true },
  );
}
