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

/**
 * Sets the security headers: a `default-src 'none'` CSP and `frame-ancestors 'none'` for everything that is
 * not a page (pages and the popup set their own, which is kept), `Referrer-Policy: no-referrer`,
 * `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY`, `Cross-Origin-Resource-Policy: cross-origin`
 * (the bundles and answers are for other sites). No `Cross-Origin-Opener-Policy`: the sign-in popup
 * answers its opener with `postMessage`. No HSTS: the server speaks plain HTTP, so https is the TLS
 * proxy's, and so is `Strict-Transport-Security` (docs/server.md).
 *
 * @example
 * ```ts
 * hono.use('*', securityHeaders());
 * ```
 */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    overwrite: false,
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    crossOriginResourcePolicy: 'cross-origin',
    crossOriginOpenerPolicy: false,
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: false,
    xFrameOptions: 'DENY',
  });
}
