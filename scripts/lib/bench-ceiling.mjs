// @ts-check
/**
 * The ceiling of `npm run bench`: a bare `node:http` server that answers every request with the same 2 KB
 * JSON body and the reference server's set of headers (security headers, an ETag, a request id: about the
 * same header bytes). Run as a child process, like the real server, so both pay the same inter-process
 * cost and compete for the same cores; what the real server does beyond this is what the ratio measures.
 *
 * @example
 * // node scripts/lib/bench-ceiling.mjs   →   prints "listening on http://127.0.0.1:<port>"
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { pathToFileURL } from 'node:url';

/** Bytes in the ceiling's body. */
export const CEILING_BODY_BYTES = 2048;

/**
 * A JSON document of exactly `bytes` bytes (UTF-8) shaped like a page of the API: items with ids and
 * Arabic and French names, padded in the last field.
 *
 * @example
 * ceilingBody(2048).length; // 2048 (a Buffer)
 * JSON.parse(ceilingBody(2048).toString()).items.length; // 4
 * @param {number} bytes
 * @returns {Buffer}
 */
export function ceilingBody(bytes = CEILING_BODY_BYTES) {
  const items = Array.from({ length: 4 }, (_, i) => ({
    id: `asso_${String(i + 1).padStart(4, '0')}`,
    name: { ar: 'الجمعيّة أفق لتدبير الماء', fr: 'Association Ofoq pour la gestion de l’eau' },
    region: 'MA-06',
  }));
  const shell = (/** @type {string} */ pad) => Buffer.from(JSON.stringify({ items, nextCursor: null, pad }));
  const base = shell('').length;
  if (base > bytes) throw new RangeError(`a ceiling body needs at least ${base} bytes`);
  return shell('x'.repeat(bytes - base));
}

/**
 * The headers the ceiling sends: the reference server's own list (see packages/server/src/http), with a
 * fresh request id like the server's so that the header bytes match.
 *
 * @example
 * ceilingHeaders(2048)['content-length']; // '2048'
 * @param {number} length
 * @returns {Record<string, string>}
 */
export function ceilingHeaders(length) {
  return {
    'access-control-allow-origin': '*',
    'access-control-expose-headers': 'ETag,X-Request-Id,Retry-After,Location,Idempotent-Replayed',
    'cache-control': 'public, max-age=30',
    'content-length': String(length),
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'content-type': 'application/json; charset=utf-8',
    'cross-origin-resource-policy': 'cross-origin',
    etag: '"AYoXBf7qnZRI-NxFwHNzHbuOD7TTQe3SlAEWDwWUrq0"',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    vary: 'Accept-Encoding',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'DENY',
    'x-permitted-cross-domain-policies': 'none',
    'x-request-id': `req_${randomUUID()}`,
    'x-xss-protection': '0',
  };
}

/**
 * Starts the ceiling on `host:port` (0 picks a free port) and resolves with the server once it listens.
 *
 * @example
 * const server = await startCeiling();
 * const { port } = server.address();
 * @param {{ host?: string, port?: number, bytes?: number }} [options]
 * @returns {Promise<http.Server>}
 */
export function startCeiling(options = {}) {
  const body = ceilingBody(options.bytes);
  const server = http.createServer((request, response) => {
    // Drain a request body (a POST to the ceiling) so that keep-alive goes on.
    request.resume();
    request.once('end', () => {
      response.writeHead(200, ceilingHeaders(body.length));
      response.end(body);
    });
  });
  // Same keep-alive as @hono/node-server's default (Node's), so neither side closes connections earlier.
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve(server));
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startCeiling();
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  process.stdout.write(`ceiling listening on http://127.0.0.1:${address.port}\n`);
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
