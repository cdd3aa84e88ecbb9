// The request id of every answer, by Hono's `requestId` middleware. Our ids keep the rule they had before
// the middleware, which clients may rely on: 8 to 128 of letters, digits, `.`, `_`, `:` and `-`, so that a
// proxy's or a tracing system's id (`00-4bf9…:01`) is kept. Hono's own check differs both ways: it refuses
// `.` and `:` (its `generator` then keeps such an id anyway) and takes short ids and `=` (the wrapper below
// replaces those).
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';

/** A client's `X-Request-Id` that is kept; anything else is replaced by a fresh id. */
export const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** A fresh request id: `req_` and a random UUID. */
function freshRequestId(): string {
  return `req_${randomUUID()}`;
}

/**
 * Gives every request an id in the `requestId` variable and every answer (errors and `304`s included) an
 * `X-Request-Id` header: the client's own when it matches {@link REQUEST_ID}, else `req_<uuid>`.
 *
 * @example
 * ```ts
 * hono.use('*', requestIds());
 * hono.get('/healthz', (c) => c.json({ requestId: c.get('requestId') }));
 * ```
 */
export function requestIds(): MiddlewareHandler<{ Variables: { requestId: string } }> {
  const assign = requestId({
    limitLength: 128,
    // Called for what Hono refuses, which includes well-formed ids with `.` or `:`.
    generator: (c) => {
      const incoming = c.req.header('x-request-id');
      return incoming !== undefined && REQUEST_ID.test(incoming) ? incoming : freshRequestId();
    },
  });
  return (c, next) =>
    assign(c, async () => {
      // Hono keeps ids of fewer than 8 characters, or with `=`, which ours refuses.
      if (!REQUEST_ID.test(c.get('requestId'))) {
        const fresh = freshRequestId();
        c.set('requestId', fresh);
        c.header('X-Request-Id', fresh);
      }
      await next();
      // Hono's middleware puts the header on the context's answer before the handler runs, where only the
      // answers made through the context (`c.json`) take it: Hono copies it onto a handler's own `Response`
      // only when that answer was made beforehand, at the price of a copy of every answer's body. Set it on
      // the answer as it is, as `secureHeaders` does with its own.
      c.res.headers.set('X-Request-Id', c.get('requestId'));
    });
}
