import * as z from 'zod/mini';

/** Largest page a list route returns. */
export const MAX_PAGE_SIZE = 100;
/** Page size when `limit` is not given. */
export const DEFAULT_PAGE_SIZE = 20;

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
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(512))),
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
 * A cursor page of items: `nextCursor` is `null` on the last page.
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
  });
}

/** The TypeScript type of a {@link Page} of `Item`. */
export interface PageOf<Item> {
  items: Item[];
  nextCursor: string | null;
  total?: number | undefined;
  facets?: Facets | undefined;
}
