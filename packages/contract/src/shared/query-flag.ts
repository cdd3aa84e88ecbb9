import * as z from 'zod/mini';

/**
 * A yes/no query parameter. At run time it is `z.stringbool()`: it reads `true`/`false` (also `1`/`0`,
 * `yes`/`no`) from the URL. Its static input type is `boolean`, what a caller such as the SDK passes and
 * `objectToQuery` writes as `true`/`false`; `z.stringbool()` alone would type it `unknown`, and then any
 * value would compile.
 *
 * @example
 * ```ts
 * const Query = z.strictObject({ free: z.optional(queryFlag()) });
 * type In = z.input<typeof Query>; // { free?: boolean | undefined }
 * ```
 */
/*#__NO_SIDE_EFFECTS__*/
export function queryFlag(): z.ZodMiniType<boolean, boolean> {
  return z.stringbool() as unknown as z.ZodMiniType<boolean, boolean>;
}
