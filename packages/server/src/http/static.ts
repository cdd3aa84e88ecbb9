import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, posix, resolve, sep } from 'node:path';
import { accepts } from './compress.js';
import { PAGE_CSP } from './security-headers.js';

const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

/** The media type served for a file name; unknown extensions are `application/octet-stream`. */
export function mediaTypeOf(name: string): string {
  return MEDIA_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
}

/** How a folder's files may be cached and which encodings a client accepts. */
export interface StaticOptions {
  /** `Cache-Control` of the answers (default `no-cache`: revalidate every time). */
  cacheControl?: string;
  /** The request's `Accept-Encoding`: a build-time `.br` or `.gz` beside the file is served when accepted. */
  acceptEncoding?: string | undefined;
}

/** `Cache-Control` for content-hashed files: a new build gets new names, so the old ones never change. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves a file below `root` for a URL path, or `undefined` when there is none. `..`, encoded
 * separators and symlinks that leave `root` never escape it; a directory serves its `index.html`. When the
 * build left a brotli (`.br`) or gzip (`.gz`) copy beside the file and the client accepts it, that copy is
 * sent with its `Content-Encoding`.
 *
 * @example
 * ```ts
 * const response = await serveStatic('./examples', '/regional-council/index.html');
 * const chunk = await serveStatic('./dist/cdn', '/chunks/lit-3f2a.js', { cacheControl: IMMUTABLE });
 * ```
 */
export async function serveStatic(
  root: string,
  urlPath: string,
  options: StaticOptions = {},
): Promise<Response | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  try {
    const base = await realpath(resolve(root));
    let target = join(base, posix.normalize(`/${decoded}`));
    if ((await stat(target)).isDirectory()) target = join(target, 'index.html');
    const real = await realpath(target);
    if (real !== base && !real.startsWith(base + sep)) return undefined;
    if (!(await stat(real)).isFile()) return undefined;
    const { bytes, encoding } = await readBestEncoding(real, options.acceptEncoding);
    return new Response(bytes, {
      headers: {
        'content-type': mediaTypeOf(real),
        'cache-control': options.cacheControl ?? 'no-cache',
        'content-length': String(bytes.byteLength),
        vary: 'Accept-Encoding',
        ...(encoding ? { 'content-encoding': encoding } : {}),
        ...(/\.html?$/i.test(real) ? { 'content-security-policy': PAGE_CSP } : {}),
      },
    });
  } catch {
    return undefined;
  }
}

async function readBestEncoding(
  path: string,
  acceptEncoding: string | undefined,
): Promise<{ bytes: Buffer<ArrayBuffer>; encoding?: 'br' | 'gzip' }> {
  for (const encoding of ['br', 'gzip'] as const) {
    if (!accepts(acceptEncoding, encoding)) continue;
    try {
      return { bytes: await readFile(`${path}.${encoding === 'br' ? 'br' : 'gz'}`), encoding };
    } catch {
      // No precompressed copy: try the next, then the file itself.
    }
  }
  return { bytes: await readFile(path) };
}
