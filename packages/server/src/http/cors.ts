// CORS for every answer: `*`, never credentials, so that no answer depends on the caller's origin. Hono's
// `cors` answers the preflights. On the other answers it would only add two fixed headers, but it adds them
// to the context's answer before the handler runs, which makes Hono copy every handler's own `Response`
// (body included, through a web stream) to carry them over: half the throughput of a small JSON read on
// @hono/node-server (measured: 5,300 → 2,500 req/s). So those two are set on the answer after the handler.
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/** Who may call the API from a page: any origin, with the headers the API reads and the ones it exposes. */
export const CORS_POLICY = {
  origin: '*',
  allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
  allowHeaders: [
    'Authorization',
    'Content-Type',
    'If-Match',
    'If-None-Match',
    'Idempotency-Key',
    'X-Nassij-Device',
    'X-Request-Id',
  ],
  exposeHeaders: ['ETag', 'X-Request-Id', 'Retry-After', 'Location', 'Idempotent-Replayed'],
  maxAge: 600,
};

/**
 * Answers CORS preflights (`OPTIONS`) with Hono's `cors` and {@link CORS_POLICY}, and gives every other
 * answer `Access-Control-Allow-Origin: *` and the exposed headers.
 *
 * @example
 * ```ts
 * hono.use('*', corsAnswers());
 * ```
 */
export function corsAnswers(): MiddlewareHandler {
  const preflight = cors(CORS_POLICY);
  const exposed = CORS_POLICY.exposeHeaders.join(',');
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    c.res.headers.set('Access-Control-Allow-Origin', CORS_POLICY.origin);
    c.res.headers.set('Access-Control-Expose-Headers', exposed);
  };
}
