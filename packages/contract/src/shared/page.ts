import * as z from 'zod/mini';

/** Largest page a list route returns. */
export const MAX_PAGE_SIZE = 100;
/** Page size when `limit` is not given. */
export const DEFAULT_PAGE_SIZE = 20;

/** Longest cursor a server issues or accepts. */
export const MAX_CURSOR_LENGTH = 512;
/**
 * Largest number a cursor may carry (an offset into a list, a row key): the largest integer a JSON number
 * holds exactly, well inside SQLite's 64 bits, so a tampered cursor is a `422`, never a number the
 * database cannot take.
 */
export const MAX_CURSOR_OFFSET = Number.MAX_SAFE_INTEGER;

/**
 * A page cursor as the query carries it: base64url text, at most {@link MAX_CURSOR_LENGTH} characters.
 * Clients pass back the previous page's `nextCursor` untouched; what it holds is the server's business,
 * within {@link CursorPosition}.
 */
export const Cursor = /* @__PURE__ */ (() =>
  z.string().check(
    z.regex(new RegExp(`^[A-Za-z0-9_-]{1,${MAX_CURSOR_LENGTH}}$`), {
      message: 'A cursor from a previous page, passed back untouched',
    }),
  ))();
export type Cursor = z.infer<typeof Cursor>;

/**
 * What a server may keep in a {@link Cursor} once decoded: short names mapped to offsets or row keys
 * (integers from 0 to {@link MAX_CURSOR_OFFSET}), short strings (a sort order, an instant) or `null`. A
 * number is always a JSON number: a string that reads as one (`"1e19"`, `" 7"`, `""`) is refused, so that
 * no reader converting a field with `Number()` meets an unbounded number. A server refuses any other
 * content as a damaged cursor.
 *
 * @example
 * ```ts
 * validate(CursorPosition, { offset: 40, sort: 'newest' }).ok; // true
 * validate(CursorPosition, { offset: 1e19 }).ok; // false
 * validate(CursorPosition, { offset: '1e19' }).ok; // false
 * ```
 */
export const CursorPosition = /* @__PURE__ */ (() =>
  z.record(
    z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]{0,31}$/)),
    z.union([
      z.number().check(z.int(), z.minimum(0), z.maximum(MAX_CURSOR_OFFSET)),
      z.string().check(
        z.maxLength(256),
        z.refine((text) => Number.isNaN(Number(text)), { message: 'A number is written as a number' }),
      ),
      z.null(),
    ]),
  ))();
export type CursorPosition = z.infer<typeof CursorPosition>;

/**
 * Query fields every list route accepts: `limit` (1–100, default 20) and the opaque `cursor` of the
 * previous page's `nextCursor`.
 */
export const PageQuery = /* @__PURE__ */ (() => ({
  // Coerced from the URL's text; `<number>` types the input as what a caller passes, so `limit: 'lots'`
  // does not compile (the type parameter changes nothing at run time).
  limit: z._default(
    z.coerce.number<number>().check(z.int(), z.minimum(1), z.maximum(MAX_PAGE_SIZE)),
    DEFAULT_PAGE_SIZE,
  ),
  cursor: z.optional(Cursor),
}))();

/** One value of a facet with the number of matching items. */
export const FacetValue = /* @__PURE__ */ (() =>
  z.strictObject({
    value: z.string(),
    count: z.number().check(z.int(), z.nonnegative()),
  }))();
export type FacetValue = z.infer<typeof FacetValue>;

/** Facet counts by facet name (`status`, `region`, …); each count ignores the facet's own filter. */
export const Facets = /* @__PURE__ */ (() => z.record(z.string(), z.array(FacetValue)))();
export type Facets = z.infer<typeof Facets>;

/**
 * A cursor page of items: `nextCursor` is `null` on the last page. `total` and `facets`, when a list gives
 * them, are exact unless `estimated` is `true`: a search that matches a large share of a national list (a
 * word in most association names) counts a sample of its matches and rounds the counts to two significant
 * digits ("about 210,000"). The items themselves are never estimated.
 *
 * @example
 * ```ts
 * const CallPage = Page(CallSummary);
 * type CallPage = z.infer<typeof CallPage>;
 * ```
 */
/*#__NO_SIDE_EFFECTS__*/
export function Page<Item extends z.core.$ZodType>(item: Item) {
  return z.strictObject({
    items: z.array(item),
    nextCursor: z.nullable(z.string()),
    total: z.optional(z.number().check(z.int(), z.nonnegative())),
    facets: z.optional(Facets),
    estimated: z.optional(z.literal(true)),
  });
}

/** The TypeScript type of a {@link Page} of `Item`. */
export interface PageOf<Item> {
  items: Item[];
  nextCursor: string | null;
  total?: number | undefined;
  facets?: Facets | undefined;
  /** `true` when `total` and the facets' counts are estimates; absent when they are exact. */
  estimated?: true | undefined;
}
