import { Cursor, CursorPosition, validate } from '@nassij/contract';
import { problem } from './problem.js';

/**
 * Encodes a pagination position as an opaque cursor (base64url JSON). Clients pass it back untouched.
 * A position holds what the contract's `CursorPosition` allows: offsets (integers from 0 to
 * `MAX_CURSOR_OFFSET`), short strings and `null`.
 *
 * @example
 * ```ts
 * const nextCursor = encodeCursor({ offset: 40, sort: 'newest' });
 * ```
 */
export function encodeCursor(position: Record<string, string | number | null>): string {
  return Buffer.from(JSON.stringify({ v: 1, ...position }), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by {@link encodeCursor}; a tampered or foreign cursor is a `422 validation_failed`
 * naming `/cursor` in the query, never a 500. What it holds is checked against the contract's
 * `CursorPosition`, so an offset is always an integer the database takes (`1e19`, `-1`, `1.5` are refused).
 *
 * @example
 * ```ts
 * const position = query.cursor ? decodeCursor(query.cursor, ['offset']) : undefined;
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
  if (!validate(Cursor, cursor).ok) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalid();
  const { v, ...rest } = parsed as Record<string, unknown>;
  if (v !== 1) throw invalid();
  const position = validate(CursorPosition, rest);
  if (!position.ok) throw invalid();
  for (const key of required) if (!Object.hasOwn(position.value, key)) throw invalid();
  return position.value;
}
