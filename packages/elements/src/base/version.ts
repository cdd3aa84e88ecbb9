/**
 * The version of @nassij/elements, recorded by {@link defineElement} to detect two versions on one page.
 * Kept equal to `version` in package.json by the release script.
 *
 * @example
 * ```ts
 * defineElement('nassij-provider', NassijProvider, VERSION);
 * ```
 */
export const VERSION = '0.0.0';
