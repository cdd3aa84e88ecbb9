// ETags of our own rather than Hono's `etag` middleware. Ours is the sha256 of the JSON text `bind` has in
// hand, and a `304` is answered without making a body; Hono's reads a copy of the finished answer's body
// back through a stream and hashes it (SHA-1, asynchronously) after the handler. Measured on the demo's
// answers (in process, µs per request, 200 / 304): a 19.6 kB list 341 / 120 against 519 / 561, a 7.5 kB
// call 221 / 51 against 414 / 285, a 7.1 kB page of associations 142 / 45 against 213 / 188. And writes
// need the very same tag outside any answer: `requireIfMatch` compares an autosave's If-Match with the
// stored state's `etagOf`, and the compression reuses a computed tag as the digest of the text.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { problem } from './problem.js';

/**
 * A strong ETag for a representation: the quoted base64url sha256 of its bytes.
 *
 * @example
 * ```ts
 * etagOf(JSON.stringify(call)); // '"3q2-7w…"'
 * ```
 */
export function etagOf(representation: string | Uint8Array): string {
  return `"${createHash('sha256').update(representation).digest('base64url')}"`;
}

/** Whether an `If-None-Match` / `If-Match` header lists `etag` (or `*`). Weak tags compare by value. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === bare);
}

/**
 * Checks a conditional write: no `If-Match` → `428 precondition_required`; an `If-Match` that is not
 * `currentEtag` → `412 precondition_failed` with the current representation in `current` so the
 * client can merge.
 *
 * @example
 * ```ts
 * requireIfMatch(c, etagOf(JSON.stringify(stored)), stored);
 * ```
 */
export function requireIfMatch(c: Context, currentEtag: string, current?: unknown): void {
  const header = c.req.header('if-match');
  if (!header) throw problem('precondition_required', 'Send If-Match with the ETag you last read');
  if (!etagMatches(header, currentEtag)) {
    throw problem('precondition_failed', 'The resource changed since it was read', {
      ...(current === undefined ? {} : { current }),
      headers: { etag: currentEtag },
    });
  }
}
