// Security headers on every answer, by Hono's `secureHeaders`. The defaults are tuned for a platform whose
// bundles and answers are meant to be used by other sites, and whose sign-in popup must keep its opener.
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * The Content-Security-Policy of the pages the server serves (the example pages): scripts, styles and
 * connections from the platform itself only, no inline script or style element, never framed. The
 * components style themselves through constructable stylesheets, which this allows.
 */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** HSTS for answers served over https (two years; a TLS-terminating proxy should send it itself). */
export const HSTS = 'max-age=63072000; includeSubDomains';

/**
 * Sets the security headers: a `default-src 'none'` CSP and `frame-ancestors 'none'` for everything that is
 * not a page (pages and the popup set their own, which is kept), `Referrer-Policy: no-referrer`,
 * `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY`, `Cross-Origin-Resource-Policy: cross-origin`
 * (the bundles and answers are for other sites), and HSTS when the request came over https. No
 * `Cross-Origin-Opener-Policy`: the sign-in popup answers its opener with `postMessage`.
 *
 * @example
 * ```ts
 * hono.use('*', securityHeaders());
 * ```
 */
export function securityHeaders(): MiddlewareHandler {
  const headers = secureHeaders({
    overwrite: false,
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    crossOriginResourcePolicy: 'cross-origin',
    crossOriginOpenerPolicy: false,
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: false,
    xFrameOptions: 'DENY',
  });
  return async (c, next) => {
    await headers(c, next);
    if (new URL(c.req.url).protocol === 'https:') c.res.headers.set('strict-transport-security', HSTS);
  };
}
