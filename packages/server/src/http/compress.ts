// Brotli or gzip for answers made per request (static bundles are compressed at build time, see static.ts).
// Hono's `compress` was not enough: it speaks gzip and deflate only (brotli saves a further 15–20 % on our
// JSON, which counts on a slow phone connection), and it turns every ETag weak, while an autosave sends its
// ETag back in If-Match, where RFC 9110 compares strongly. Our ETags name the JSON before encoding, so they
// stay strong: the same resource state has the same tag whatever the encoding or size.
import { Duplex } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress';

/** Answers smaller than this are sent as they are: compressing them costs more than it saves. */
export const COMPRESS_THRESHOLD = 1024;

/**
 * Whether an `Accept-Encoding` header accepts a content coding (named, or through `*`) with a q above 0.
 *
 * @example
 * ```ts
 * accepts('gzip, br;q=0.8', 'br'); // true
 * accepts('gzip;q=0', 'gzip'); // false
 * ```
 */
export function accepts(header: string | undefined, coding: 'br' | 'gzip'): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name?.trim() !== coding && name?.trim() !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * Compresses compressible answers of at least `threshold` bytes with brotli (quality 4: fast enough per
 * request, well ahead of gzip) or else gzip, as the client accepts, adding `Vary: Accept-Encoding`.
 *
 * @example
 * ```ts
 * hono.use('*', compressAnswers({ threshold: COMPRESS_THRESHOLD }));
 * ```
 */
export function compressAnswers({ threshold }: { threshold: number }): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const length = res.headers.get('content-length');
    const type = res.headers.get('content-type');
    if (
      !res.body ||
      c.req.method === 'HEAD' ||
      res.status === 206 ||
      res.headers.has('content-encoding') ||
      (length !== null && Number(length) < threshold) ||
      !type ||
      !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) ||
      /(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get('cache-control') ?? '')
    )
      return;
    const vary = res.headers.get('vary');
    if (!vary || !/accept-encoding/i.test(vary))
      res.headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    const accepted = c.req.header('accept-encoding');
    const encoding = accepts(accepted, 'br') ? 'br' : accepts(accepted, 'gzip') ? 'gzip' : undefined;
    if (!encoding) return;
    const zlib =
      encoding === 'br'
        ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })
        : createGzip({ level: 6 });
    const encoder = Duplex.toWeb(zlib) as unknown as TransformStream<Uint8Array, Uint8Array>;
    c.res = new Response(res.body.pipeThrough(encoder), res);
    c.res.headers.delete('content-length');
    c.res.headers.set('content-encoding', encoding);
  };
}
