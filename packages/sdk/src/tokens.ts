/**
 * Where the client keeps its bearer token. Implement it to keep tokens elsewhere (a native app's
 * keychain); the SDK never uses cookies.
 *
 * @example
 * ```ts
 * const keychain: TokenStorage = { get: () => saved, set: (token) => { saved = token; }, clear: () => { saved = null; } };
 * const client = createClient({ baseUrl, tokenStorage: keychain });
 * ```
 */
export interface TokenStorage {
  /** The token, or `null` when there is none or it has expired. */
  get(): string | null;
  /** Keeps `token` until `expiresAt` (an ISO instant), if given. */
  set(token: string, expiresAt?: string): void;
  clear(): void;
}

function expired(expiresAt: string | undefined): boolean {
  return expiresAt !== undefined && Date.parse(expiresAt) <= Date.now();
}

/**
 * Keeps the token in memory only (the default): a page reload signs the reader out, and no script of
 * the host page can read it from storage.
 *
 * @example
 * ```ts
 * const client = createClient({ baseUrl, tokenStorage: memoryTokenStorage() });
 * ```
 */
export function memoryTokenStorage(): TokenStorage {
  let current: { token: string; expiresAt: string | undefined } | null = null;
  return {
    get() {
      if (current && expired(current.expiresAt)) current = null;
      return current?.token ?? null;
    },
    set(token, expiresAt) {
      current = { token, expiresAt };
    },
    clear() {
      current = null;
    },
  };
}

/**
 * Keeps the token in `sessionStorage` under `key`, so it survives reloads of this tab only. Opt-in,
 * browsers only. Where `sessionStorage` is missing or refuses writes (sandboxed iframes, some private
 * modes), it falls back to memory so the widget keeps working.
 *
 * @example
 * ```ts
 * const client = createClient({ baseUrl, tokenStorage: sessionTokenStorage('my-site.nassij') });
 * ```
 */
export function sessionTokenStorage(key = 'nassij.token'): TokenStorage {
  let store: Storage | undefined;
  try {
    store = globalThis.sessionStorage;
    const probe = `${key}.probe`;
    store.setItem(probe, '1');
    store.removeItem(probe);
  } catch {
    store = undefined;
  }
  if (!store) return memoryTokenStorage();
  const storage = store;
  return {
    get() {
      const raw = storage.getItem(key);
      if (raw === null) return null;
      try {
        const saved = JSON.parse(raw) as { token?: unknown; expiresAt?: unknown };
        const expiresAt = typeof saved.expiresAt === 'string' ? saved.expiresAt : undefined;
        if (typeof saved.token === 'string' && !expired(expiresAt)) return saved.token;
      } catch {
        // unreadable: treat as absent
      }
      storage.removeItem(key);
      return null;
    },
    set(token, expiresAt) {
      storage.setItem(key, JSON.stringify({ token, expiresAt }));
    },
    clear() {
      storage.removeItem(key);
    },
  };
}
