import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, posix, resolve, sep } from 'node:path';

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

/**
 * Serves a file below `root` for a URL path, or `undefined` when there is none. `..`, encoded
 * separators and symlinks that leave `root` never escape it; a directory serves its `index.html`.
 *
 * @example
 * ```ts
 * const response = await serveStatic('./examples', '/regional-council/index.html');
 * ```
 */
export async function serveStatic(root: string, urlPath: string): Promise<Response | undefined> {
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
    const bytes = await readFile(real);
    return new Response(bytes, {
      headers: {
        'content-type': mediaTypeOf(real),
        'cache-control': 'no-cache',
        'content-length': String(bytes.byteLength),
      },
    });
  } catch {
    return undefined;
  }
}
