// Brotli or gzip for answers made per request (static bundles are compressed at build time, see static.ts).
// Hono's `compress` was not enough: it speaks gzip and deflate only (brotli saves a further 15–20 % on our
// JSON, which counts on a slow phone connection), and it turns every ETag weak, while an autosave sends its
// ETag back in If-Match, where RFC 9110 compares strongly. Our ETags name the JSON before encoding, so they
// stay strong: the same resource state has the same tag whatever the encoding or size.
//
// The JSON answers of the bound routes (noted by `noteAnswerText`) are compressed in one call from their
// text, and a read's compressed bytes are kept by the sha256 of that text: the same list read again by
// anyone costs no compression, and, whoever asks, a hit can only give back the bytes of the very text
// asked for. Compressing through a stream cost a web stream per answer; it stays for the other answers.
import { createHash } from 'node:crypto';
import { Duplex } from 'node:stream';
import { promisify } from 'node:util';
import { brotliCompress, constants, createBrotliCompress, createGzip, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress';

/** Answers smaller than this are sent as they are: compressing them costs more than it saves. */
export const COMPRESS_THRESHOLD = 1024;
/** Room for the compressed bytes of reads kept for the next reader of the same text. */
export const COMPRESSED_CACHE_BYTES = 8 * 1024 * 1024;

/** Brotli at quality 4: fast enough per request, well ahead of gzip. */
const BROTLI_OPTIONS = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };
const GZIP_OPTIONS = { level: 6 };
const brotliOnce = promisify(brotliCompress);
const gzipOnce = promisify(gzip);

/** The JSON text of answers made by the app, and a sha256 of it when one is at hand (its ETag). */
const answerTexts = new WeakMap<Response, { text: string; digest: string | undefined }>();

/**
 * Notes the text of an answer so that {@link compressAnswers} compresses it from the text, and may keep the
 * result for the next read of the same text. `digest` is a sha256 of exactly `text` when the caller has one
 * (a strong ETag computed from it, say); never a tag that names anything else.
 *
 * @example
 * ```ts
 * const json = JSON.stringify(body);
 * return noteAnswerText(new Response(json, { headers }), json, etagOf(json));
 * ```
 */
export function noteAnswerText(response: Response, text: string, digest?: string): Response {
  answerTexts.set(response, { text, digest });
  return response;
}

/** Compressed bytes by coding and digest, the least recently used dropped first past `capacity` bytes. */
class CompressedAnswers {
  readonly #entries = new Map<string, Uint8Array<ArrayBuffer>>();
  #bytes = 0;
  constructor(readonly capacity: number) {}

  get(key: string): Uint8Array<ArrayBuffer> | undefined {
    const bytes = this.#entries.get(key);
    if (bytes === undefined) return undefined;
    // Refresh its place in the insertion order, which is the eviction order.
    this.#entries.delete(key);
    this.#entries.set(key, bytes);
    return bytes;
  }

  put(key: string, bytes: Uint8Array<ArrayBuffer>): void {
    if (bytes.byteLength > this.capacity / 8 || this.#entries.has(key)) return;
    this.#entries.set(key, bytes);
    this.#bytes += bytes.byteLength;
    for (const [oldest, old] of this.#entries) {
      if (this.#bytes <= this.capacity) break;
      this.#entries.delete(oldest);
      this.#bytes -= old.byteLength;
    }
  }
}

async function compressText(text: string, encoding: 'br' | 'gzip'): Promise<Uint8Array<ArrayBuffer>> {
  const buffer = Buffer.from(text, 'utf8');
  const compressed =
    encoding === 'br' ? await brotliOnce(buffer, BROTLI_OPTIONS) : await gzipOnce(buffer, GZIP_OPTIONS);
  // A copy of its own: a small result may share a slab of Node's buffer pool, which the cache would keep.
  return new Uint8Array(compressed);
}

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
 * Compresses compressible answers of at least `threshold` bytes with brotli (quality 4) or else gzip, as the
 * client accepts, adding `Vary: Accept-Encoding`. Reads noted by {@link noteAnswerText} keep their
 * compressed bytes, up to `cacheBytes` in all, for the next read of the same text.
 *
 * @example
 * ```ts
 * hono.use('*', compressAnswers({ threshold: COMPRESS_THRESHOLD }));
 * ```
 */
export function compressAnswers({
  threshold,
  cacheBytes = COMPRESSED_CACHE_BYTES,
}: {
  threshold: number;
  cacheBytes?: number;
}): MiddlewareHandler {
  const cache = new CompressedAnswers(cacheBytes);
  return async (c, next) => {
    await next();
    const res = c.res;
    const length = res.headers.get('content-length');
    const type = res.headers.get('content-type');
    const noted = answerTexts.get(res);
    if (
      c.req.method === 'HEAD' ||
      res.status === 206 ||
      res.headers.has('content-encoding') ||
      (length !== null && Number(length) < threshold) ||
      !type ||
      !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) ||
      /(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get('cache-control') ?? '') ||
      // Asked last, and only of the other answers: on @hono/node-server it makes a web stream of the text.
      (noted === undefined && !res.body)
    )
      return;
    const vary = res.headers.get('vary');
    if (!vary || !/accept-encoding/i.test(vary))
      res.headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    const accepted = c.req.header('accept-encoding');
    const encoding = accepts(accepted, 'br') ? 'br' : accepts(accepted, 'gzip') ? 'gzip' : undefined;
    if (!encoding) return;

    if (noted) {
      let bytes: Uint8Array<ArrayBuffer> | undefined;
      if (c.req.method === 'GET') {
        const key = `${encoding} ${noted.digest ?? createHash('sha256').update(noted.text).digest('base64url')}`;
        bytes = cache.get(key);
        if (bytes === undefined) {
          bytes = await compressText(noted.text, encoding);
          cache.put(key, bytes);
        }
      } else {
        bytes = await compressText(noted.text, encoding);
      }
      const headers = res.headers;
      headers.set('content-length', String(bytes.byteLength));
      headers.set('content-encoding', encoding);
      // Hono would carry the headers of the answer it has onto the new one through a copy of the new one's
      // body; these are those headers already.
      c.res = undefined;
      c.res = new Response(bytes, { status: res.status, headers });
      return;
    }

    const zlib = encoding === 'br' ? createBrotliCompress(BROTLI_OPTIONS) : createGzip(GZIP_OPTIONS);
    const encoder = Duplex.toWeb(zlib) as unknown as TransformStream<Uint8Array, Uint8Array>;
    c.res = new Response((res.body as ReadableStream<Uint8Array>).pipeThrough(encoder), res);
    c.res.headers.delete('content-length');
    c.res.headers.set('content-encoding', encoding);
  };
}
