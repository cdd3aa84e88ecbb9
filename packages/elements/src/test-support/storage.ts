// Test files run side by side in one browser, on one origin: they share localStorage. A test forgets only
// the keys of its own component, so that it never wipes a draft another file is about to read back.

/**
 * Removes every localStorage key that starts with one of `prefixes`.
 *
 * @example
 * ```ts
 * beforeEach(() => forgetStored('nassij:consultation:', 'nassij:device'));
 * ```
 */
export function forgetStored(...prefixes: string[]): void {
  for (const key of Object.keys(localStorage))
    if (prefixes.some((prefix) => key.startsWith(prefix))) localStorage.removeItem(key);
}
