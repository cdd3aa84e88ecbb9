import { Cursor, CursorPosition, MAX_CURSOR_LENGTH, validate } from '@nassij/contract';
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

/** The one problem for any cursor this server cannot read, whatever is wrong with it. */
function invalidCursor() {
  return problem('validation_failed', 'The cursor is not one this server issued', {
    errors: [{ path: '/cursor', in: 'query', code: 'invalid', message: 'Unknown or damaged cursor' }],
  });
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
  if (!validate(Cursor, cursor).ok) throw invalidCursor();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalidCursor();
  const { v, ...rest } = parsed as Record<string, unknown>;
  if (v !== 1) throw invalidCursor();
  const position = validate(CursorPosition, rest);
  if (!position.ok) throw invalidCursor();
  for (const key of required) if (!Object.hasOwn(position.value, key)) throw invalidCursor();
  return position.value;
}

// ---- Keyset (cursor) pagination -------------------------------------------------------------------------
//
// A keyset page resumes strictly after the last row of the previous page, by the values of its sort keys,
// instead of skipping `offset` rows: a page costs the same at row 20 and at row 20 000 (an index that matches
// the sort answers it), and a row inserted or deleted meanwhile neither repeats nor hides another row.

/** A sort key's value as a cursor carries it: a finite number or a string, never `NULL`. */
export type KeyValue = string | number;

/**
 * One key of a {@link Keyset}: a SQL expression over the query's tables and its direction.
 *
 * The expression must never be `NULL` (a comparison with `NULL` is unknown, so rows would be skipped):
 * wrap a nullable column, `COALESCE(c.closes_at, '9999-12-31')`. A free text key (a title) must be
 * bounded in SQL, `substr(c.title, 1, 60)`, so that the cursor holds exactly the value the database
 * compares and stays within `MAX_CURSOR_LENGTH` (see {@link encodeKeysetCursor}); ties on the bounded
 * text fall to the next keys. A number key must come back from the driver as an exact JS number
 * (`INTEGER` within 2^53, SQLite `REAL`, PostgreSQL `double precision`; not `numeric` or `bigint`, which
 * `pg` returns as text, nor `real`, whose value differs from the double read back).
 */
export interface KeysetKey {
  /** SQL expression, e.g. `c.closes_at`; trusted text from the code, never from a request. */
  readonly expr: string;
  /** Descending order; ascending when absent. */
  readonly desc?: boolean;
}

/**
 * A named sort for keyset pagination: ordered keys whose LAST key is unique (the row id), so that the order
 * is total and a position is never ambiguous. The name goes in the cursor, so that a cursor of another sort
 * is refused rather than read as this one's.
 *
 * @example
 * ```ts
 * const closing: Keyset = {
 *   name: 'closing',
 *   keys: [{ expr: "COALESCE(c.closes_at, '9999-12-31')" }, { expr: 'c.id' }],
 * };
 * ```
 */
export interface Keyset {
  /** The sort's name, as the list route's `sort` query names it: `^[a-z][A-Za-z0-9_]{0,31}$`. */
  readonly name: string;
  /** At least one key, at most {@link MAX_KEYSET_KEYS}; the last one unique. */
  readonly keys: readonly KeysetKey[];
}

/** Most keys a keyset takes: enough for any sort a list offers, few enough for a short cursor. */
export const MAX_KEYSET_KEYS = 8;

// A lowercase first letter: `Number()` reads no such text as a number (not even `Infinity`), as
// `CursorPosition` requires of strings.
const SORT_NAME = /^[a-z][A-Za-z0-9_]{0,31}$/;
// What `String(number)` writes for a finite number; the canonical form is checked on top (decodeKeyValue).
const NUMBER_TEXT = /^-?\d+(?:\.\d+)?(?:e[+-]\d+)?$/;

function checkSortName(name: string): void {
  if (!SORT_NAME.test(name)) throw new Error(`Invalid keyset sort name ${JSON.stringify(name)}`);
}

function checkKeyset(keyset: Keyset): void {
  checkSortName(keyset.name);
  if (keyset.keys.length < 1 || keyset.keys.length > MAX_KEYSET_KEYS) {
    throw new Error(`Keyset '${keyset.name}' has 1 to ${MAX_KEYSET_KEYS} keys`);
  }
}

/**
 * A value as a cursor string. `CursorPosition` takes integers from 0 only, and strings that do not read as
 * numbers, while sort keys may be negative, fractional, or text such as `"2026"`. So every value is a
 * string tagged by a first letter that `Number()` never reads as part of a number: `s` + the text, or
 * `n` + the number's JS text, which `Number()` reads back to the same double.
 */
function encodeKeyValue(value: KeyValue): string {
  if (typeof value === 'string') return `s${value}`;
  if (typeof value === 'number' && Number.isFinite(value)) return `n${String(value)}`;
  throw new Error(`A keyset value is a string or a finite number, not ${String(value)}`);
}

function decodeKeyValue(text: unknown): KeyValue | undefined {
  if (typeof text !== 'string') return undefined;
  const body = text.slice(1);
  if (text.startsWith('s')) return body;
  if (text.startsWith('n') && NUMBER_TEXT.test(body)) {
    const value = Number(body);
    // Only the text this server writes: `n1.50`, `n01` or `n1e400` were not issued here.
    return Number.isFinite(value) && String(value) === body ? value : undefined;
  }
  return undefined;
}

/**
 * Encodes a keyset position (the sort's name and the values of its keys for the last row of a page) as a
 * cursor that {@link readKeysetCursor} reads back exactly. Throws an `Error` (a bug, so a 500) when the
 * cursor would break the contract: more than `MAX_CURSOR_LENGTH` characters, or a value over 255
 * characters. Truncating a value instead would silently repeat or skip rows, so text keys are bounded in
 * the keyset's SQL (`substr(expr, 1, 60)`), where the database sorts by the very value the cursor holds:
 * 60 characters of Arabic are 120 bytes, and a position of an instant, a bounded title and an id stays far
 * below the limit.
 *
 * @example
 * ```ts
 * const cursor = encodeKeysetCursor('closing', ['2026-05-01T00:00:00.000Z', 'call_0001']);
 * readKeysetCursor(cursor, 'closing', 2); // ['2026-05-01T00:00:00.000Z', 'call_0001']
 * ```
 */
export function encodeKeysetCursor(sortName: string, values: readonly KeyValue[]): string {
  checkSortName(sortName);
  if (values.length < 1 || values.length > MAX_KEYSET_KEYS) {
    throw new Error(`A keyset position has 1 to ${MAX_KEYSET_KEYS} values, not ${values.length}`);
  }
  const position: Record<string, string> = { sort: sortName };
  values.forEach((value, index) => {
    position[`k${index}`] = encodeKeyValue(value);
  });
  // Check what a client will send back before issuing it, so that the server never hands out a cursor it
  // would itself refuse as damaged.
  if (!validate(CursorPosition, position).ok) {
    throw new Error(`Keyset '${sortName}': a value is too long for a cursor; bound text keys with substr()`);
  }
  const cursor = encodeCursor(position);
  if (cursor.length > MAX_CURSOR_LENGTH) {
    throw new Error(
      `Keyset '${sortName}': a cursor of ${cursor.length} characters, over ${MAX_CURSOR_LENGTH}; bound text keys with substr()`,
    );
  }
  return cursor;
}

/**
 * Reads the position of a keyset cursor: `undefined` when there is none (the first page), else the values
 * of the sort's `keyCount` keys, exactly as {@link keysetPage} took them from the last row. A cursor of
 * another sort, with another number of keys, an offset cursor of old, or a tampered one is the same
 * `422 validation_failed` naming `/cursor` as {@link decodeCursor}: a client that changes the sort starts
 * again from the first page.
 *
 * @example
 * ```ts
 * const after = readKeysetCursor(query.cursor, closing.name, closing.keys.length);
 * const where = keysetClause(closing, after);
 * ```
 */
export function readKeysetCursor(
  cursor: string | undefined,
  sortName: string,
  keyCount: number,
): KeyValue[] | undefined {
  if (cursor === undefined) return undefined;
  const position = decodeCursor(cursor, ['sort']);
  // `sort` plus exactly `k0`…`k{keyCount-1}`: any other field means a cursor this sort did not issue.
  if (position.sort !== sortName || Object.keys(position).length !== keyCount + 1) throw invalidCursor();
  const values: KeyValue[] = [];
  for (let index = 0; index < keyCount; index += 1) {
    const value = decodeKeyValue(position[`k${index}`]);
    if (value === undefined) throw invalidCursor();
    values.push(value);
  }
  return values;
}

/**
 * The `WHERE` fragment selecting the rows strictly after a position in the keyset's order, with `?`
 * placeholders, on SQLite and PostgreSQL alike; `1 = 1` without a position (the first page), so that a
 * caller can always write `AND (${clause.sql})`.
 *
 * Keys in one direction compare as a row value, `(a, id) > (?, ?)`, which both databases answer from an
 * index on `(a, id)`. Mixed directions expand to `a < ? OR (a = ? AND (b > ? OR (b = ? AND id > ?)))`,
 * preceded by `a <= ?` so that the planner still bounds a range of an index on the first key.
 *
 * @example
 * ```ts
 * const { sql, params } = keysetClause(closing, after);
 * const rows = await db.all<CallRow>(
 *   `SELECT * FROM calls c WHERE c.status = ? AND (${sql}) ${orderByClause(closing)} LIMIT ?`,
 *   ['open', ...params, limit + 1],
 * );
 * ```
 */
export function keysetClause(
  keyset: Keyset,
  after: readonly KeyValue[] | undefined,
): { sql: string; params: KeyValue[] } {
  checkKeyset(keyset);
  if (after === undefined) return { sql: '1 = 1', params: [] };
  const { keys } = keyset;
  if (after.length !== keys.length) {
    throw new Error(`Keyset '${keyset.name}' has ${keys.length} keys, the position ${after.length} values`);
  }
  for (const value of after) encodeKeyValue(value); // only what a cursor can carry: no NULL, no NaN
  const first = keys[0] as KeysetKey;
  const firstValue = after[0] as KeyValue;
  if (keys.length === 1) return { sql: `${first.expr} ${first.desc ? '<' : '>'} ?`, params: [firstValue] };
  if (keys.every((key) => Boolean(key.desc) === Boolean(first.desc))) {
    const exprs = keys.map((key) => key.expr).join(', ');
    const marks = keys.map(() => '?').join(', ');
    return { sql: `(${exprs}) ${first.desc ? '<' : '>'} (${marks})`, params: [...after] };
  }
  // Built from the last key outwards: after(i) = (k_i beyond v_i OR (k_i = v_i AND after(i + 1))).
  const last = keys.length - 1;
  let sql = `${(keys[last] as KeysetKey).expr} ${keys[last]?.desc ? '<' : '>'} ?`;
  const params: KeyValue[] = [after[last] as KeyValue];
  for (let index = last - 1; index >= 0; index -= 1) {
    const key = keys[index] as KeysetKey;
    const value = after[index] as KeyValue;
    sql = `(${key.expr} ${key.desc ? '<' : '>'} ? OR (${key.expr} = ? AND ${sql}))`;
    params.unshift(value, value);
  }
  return { sql: `${first.expr} ${first.desc ? '<=' : '>='} ? AND ${sql}`, params: [firstValue, ...params] };
}

/**
 * The `ORDER BY` clause of a keyset, the order that {@link keysetClause} pages through; an index on the same
 * keys in the same directions serves both.
 *
 * @example
 * ```ts
 * orderByClause({ name: 'newest', keys: [{ expr: 'c.published_at', desc: true }, { expr: 'c.id' }] });
 * // 'ORDER BY c.published_at DESC, c.id ASC'
 * ```
 */
export function orderByClause(keyset: Keyset): string {
  checkKeyset(keyset);
  return `ORDER BY ${keyset.keys.map((key) => `${key.expr} ${key.desc ? 'DESC' : 'ASC'}`).join(', ')}`;
}

/**
 * Cuts a page from rows fetched with `LIMIT limit + 1`: the first `limit` rows, and a cursor after the last
 * of them only when the extra row shows that more follow (`null` on the last page, never a cursor to an
 * empty page). `valuesOf` gives a row's sort key values in the keyset's order, as the query selected them.
 *
 * @example
 * ```ts
 * const rows = await db.all<CallRow>(`SELECT … ${orderByClause(closing)} LIMIT ?`, [...params, limit + 1]);
 * const { items, nextCursor } = keysetPage(rows, limit, closing.name, (row) => [row.closesAt, row.id]);
 * ```
 */
export function keysetPage<Row>(
  rows: readonly Row[],
  limit: number,
  sortName: string,
  valuesOf: (row: Row) => readonly KeyValue[],
): { items: Row[]; nextCursor: string | null } {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new Error(`A page limit is a positive integer, not ${limit}`);
  }
  checkSortName(sortName);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > limit && last !== undefined ? encodeKeysetCursor(sortName, valuesOf(last)) : null;
  return { items, nextCursor };
}
