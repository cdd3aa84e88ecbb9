/**
 * Options of the ETag cache; `false` turns it off.
 *
 * @example
 * ```ts
 * createClient({ baseUrl, cache: { maxEntries: 500 } });
 * ```
 */
export interface CacheOptions {
  /** Most responses kept; the least recently used is dropped first. Default 100. */
  maxEntries?: number;
}

interface Entry {
  etag: string;
  value: unknown;
}

/**
 * A bounded LRU of GET results by URL and caller identity, revalidated with `If-None-Match`: the
 * server still decides freshness on every read, the cache only saves the body on `304 Not Modified`.
 *
 * @example
 * ```ts
 * const cache: EtagCache = createEtagCache();
 * cache.size; // 0
 * ```
 */
export interface EtagCache {
  /** The stored entry for `key`, marked as most recently used. */
  get(key: string): { etag: string; value: unknown } | undefined;
  /** Stores a parsed body under `key` with its ETag. */
  set(key: string, etag: string, value: unknown): void;
  /** Number of entries. */
  readonly size: number;
  /** Drops every entry, such as on sign-out. */
  clear(): void;
}

/** Copies a value so no caller can change what the cache holds. */
function copy<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}

/**
 * Creates an {@link EtagCache} holding at most `maxEntries` responses.
 *
 * @example
 * ```ts
 * const cache = createEtagCache({ maxEntries: 50 });
 * cache.set(cacheKey('https://api/v1/calls', null, 'ar'), '"v1"', page);
 * ```
 */
export function createEtagCache(options: CacheOptions = {}): EtagCache {
  const maxEntries = Math.max(1, options.maxEntries ?? 100);
  // A Map keeps insertion order: re-inserting on read makes the first key the least recently used.
  const entries = new Map<string, Entry>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return { etag: entry.etag, value: copy(entry.value) };
    },
    set(key, etag, value) {
      let stored: unknown;
      try {
        stored = copy(value);
      } catch {
        return; // not cloneable: serve it uncached rather than risk sharing it
      }
      entries.delete(key);
      entries.set(key, { etag, value: stored });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    get size() {
      return entries.size;
    },
    clear() {
      entries.clear();
    },
  };
}

/** FNV-1a, enough to tell tokens apart in a key without keeping the token itself in it. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/**
 * The cache key of a read: URL, who asks (one reader must never be served another's view) and language.
 *
 * @example
 * ```ts
 * cacheKey('https://api.example/v1/auth/me', token, 'fr');
 * ```
 */
export function cacheKey(url: string, token: string | null, locale: string | undefined): string {
  return `${token === null ? 'anonymous' : fingerprint(token)} ${locale ?? '-'} ${url}`;
}
