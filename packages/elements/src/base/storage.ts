// What a reader types stays on the device until the platform has it. localStorage may be missing or refuse
// writes (private modes, quota, a sandboxed iframe): every access is guarded so that a component keeps
// working, only without memory. The one place components touch storage.

/** The part of `localStorage` components use; tests pass a Map-backed one. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * The device's `localStorage`, or `undefined` where reading it throws (storage disabled).
 *
 * @example
 * ```ts
 * const store = deviceStore();
 * ```
 */
export function deviceStore(): KeyValueStore | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * Reads a JSON value; `undefined` when absent, storage is unavailable or the stored text is damaged.
 *
 * @example
 * ```ts
 * const author = readStored<{ displayName?: string }>('nassij:author');
 * ```
 */
export function readStored<T>(key: string, store: KeyValueStore | undefined = deviceStore()): T | undefined {
  try {
    const raw = store?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes a JSON value at once (`undefined` removes it). Returns `false` when storage is unavailable or
 * refused the write, so a component can say that the draft lives in the form only.
 *
 * @example
 * ```ts
 * if (!writeStored('nassij:author', { displayName })) showNotSavedOnDevice();
 * ```
 */
export function writeStored(
  key: string,
  value: unknown,
  store: KeyValueStore | undefined = deviceStore(),
): boolean {
  try {
    if (!store) return false;
    if (value === undefined) store.removeItem(key);
    else store.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}
