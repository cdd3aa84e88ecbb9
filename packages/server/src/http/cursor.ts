import { problem } from './problem.js';

/**
 * Encodes a pagination position as an opaque cursor (base64url JSON). Clients pass it back untouched.
 *
 * @example
 * ```ts
 * const nextCursor = encodeCursor({ after: 'call_0042', at: '2026-03-31T22:59:00Z' });
 * ```
 */
export function encodeCursor(position: Record<string, string | number | null>): string {
  return Buffer.from(JSON.stringify({ v: 1, ...position }), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by {@link encodeCursor}; a tampered or foreign cursor is a `422 validation_failed`
 * naming `/cursor` in the query, never a 500.
 *
 * @example
 * ```ts
 * const position = query.cursor ? decodeCursor(query.cursor, ['after']) : undefined;
 * ```
 */
export function decodeCursor(
  cursor: string,
  required: readonly string[] = [],
): Record<string, string | number | null> {
  const invalid = () =>
    problem('validation_failed', 'The cursor is not one this server issued', {
      errors: [{ path: '/cursor', in: 'query', code: 'invalid', message: 'Unknown or damaged cursor' }],
    });
  if (!/^[A-Za-z0-9_-]{1,1024}$/.test(cursor)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalid();
  const record = parsed as Record<string, unknown>;
  if (record.v !== 1) throw invalid();
  const out: Record<string, string | number | null> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'v') continue;
    if (value !== null && typeof value !== 'string' && typeof value !== 'number') throw invalid();
    out[key] = value;
  }
  for (const key of required) if (!(key in out)) throw invalid();
  return out;
}
