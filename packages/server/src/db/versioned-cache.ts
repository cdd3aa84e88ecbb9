// Figures kept per data version: a value computed from some tables is served again until one of those
// tables is written (the version triggers of `db/data-versions.ts`, bumped in the writing
// transaction, so a committed change is seen by every process on the database) or until a time boundary
// passes (a call opens or closes, a day begins). The indicators, the directory's counts and the call
// search's facets use it: exact figures that cost tens of milliseconds at national scale, read far more
// often than their tables change.
import {
  DATA_VERSIONS_CHANNEL,
  type DataVersions,
  dataVersionsReady,
  readDataVersions,
  type VersionedTable,
  versionOf,
} from './data-versions.js';
import type { ChangeWatch, Db } from './db.js';

/** One cached value with what it was computed from. */
export interface VersionedEntry<T> {
  value: T;
  /** The versions of its input tables when it was computed (`versionOf`). */
  version: string;
  /** The instant (ISO) from which time alone may change it; `'9999'` for never. */
  validUntil: string;
  /** When it was computed (ISO): stable while the entry is served, so ETags built on it are too. */
  computedAt: string;
}

/** What a computation answers: the value, and until when time leaves it unchanged. */
export interface Computed<T> {
  value: T;
  /** ISO instant; omitted when only writes change the value. */
  validUntil?: string;
}

/** An ISO instant later than any real one: a value no clock changes. */
const FOREVER = '9999';

/**
 * A bounded map of values, each kept with the data version it was computed at. Values are shared by every
 * request that gets them (and the HTTP layer keeps their serialised text by object): treat them as
 * immutable. Concurrent requests for
 * the same stale value share one computation; the oldest computed go first when full.
 *
 * @example
 * ```ts
 * const cache = new VersionedCache(1024);
 * const entry = await cache.get('facets|{"q":"eau"}', version, now, async () => ({ value: await count() }));
 * ```
 */
export class VersionedCache {
  readonly #maxEntries: number;
  readonly #entries = new Map<string, VersionedEntry<unknown>>();
  readonly #running = new Map<string, Promise<VersionedEntry<unknown>>>();
  /** How many values were computed (not served from the cache), for tests and logs. */
  computed = 0;
  /** The same per kind of figure: the part of the key before its first `|`. */
  readonly computedByKind = new Map<string, number>();

  constructor(maxEntries: number) {
    this.#maxEntries = maxEntries;
  }

  /**
   * The entry under `key` if computed at `version`, at or before `now`, and not past its time boundary;
   * else a newly computed one.
   *
   * @example
   * ```ts
   * const { value } = await cache.get(key, versionOf(versions, ['calls']), now, compute);
   * ```
   */
  async get<T>(
    key: string,
    version: string,
    now: Date,
    compute: () => Promise<Computed<T>>,
  ): Promise<VersionedEntry<T>> {
    const nowIso = now.toISOString();
    const kept = this.#entries.get(key) as VersionedEntry<T> | undefined;
    // Valid from the instant it was computed at until its boundary: a clock set back (tests look from
    // several instants) must not get a figure computed for a later one.
    if (kept && kept.version === version && kept.computedAt <= nowIso && nowIso < kept.validUntil)
      return kept;
    const runKey = `${key}@${version}`;
    let running = this.#running.get(runKey) as Promise<VersionedEntry<T>> | undefined;
    if (!running) {
      running = (async () => {
        const { value, validUntil } = await compute();
        this.computed += 1;
        const kind = key.split('|', 1)[0] ?? key;
        this.computedByKind.set(kind, (this.computedByKind.get(kind) ?? 0) + 1);
        return { value, version, validUntil: validUntil ?? FOREVER, computedAt: nowIso };
      })();
      this.#running.set(runKey, running);
      running.then(
        (entry) => {
          this.#running.delete(runKey);
          this.#store(key, entry);
        },
        () => this.#running.delete(runKey),
      );
    }
    return await running;
  }

  #store(key: string, entry: VersionedEntry<unknown>): void {
    // Re-inserted so that Map order is computation order, and the oldest go first when full.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }
}

/**
 * How long versions read while nothing was heard to change may be used without reading them again (ms): the
 * bound on how late a change is seen if the listening connection died without the operating system noticing
 * yet. Reading once a second costs nothing; reading on every request was most of a cached answer's cost.
 */
const TRUST_UNCHANGED_MS = 1000;

/**
 * The data versions as concurrent requests read them. The process hears of commits
 * ({@link Db.watchChanges}: its own at once; on PostgreSQL every other process's through a notification at
 * commit), and versions read while it was listening are used again until a commit is heard of, without a
 * read. A commit of this process is seen by the next request; one of another process when its
 * notification arrives, normally well under a millisecond after the commit, and at worst
 * {@link TRUST_UNCHANGED_MS} later (a listening connection that died unnoticed, a write to the SQLite file
 * from outside the server). Without a watch (a lost listening connection) every request reads: one read at
 * a time per database, shared by every request that arrived before it started. A request that arrives while
 * a read is under way waits for the next one, never joins the running one, which may have started before a
 * write that committed before the request arrived. Under load this turns eight version reads in flight into
 * two.
 */
class VersionReads {
  readonly #db: Db;
  readonly #watch: ChangeWatch | undefined;
  #running: Promise<DataVersions> | undefined;
  #queued: Promise<DataVersions> | undefined;
  /** Versions read while listening, with the watch's generation before the read and when it started. */
  #known: { versions: DataVersions; generation: number; readAt: number } | undefined;
  /** How many times the versions were read from the database, for tests. */
  reads = 0;

  constructor(db: Db) {
    this.#db = db;
    this.#watch = db.watchChanges?.(DATA_VERSIONS_CHANNEL);
  }

  read(): Promise<DataVersions> {
    const known = this.#known;
    const watch = this.#watch;
    if (
      known &&
      watch?.live &&
      watch.generation === known.generation &&
      performance.now() - known.readAt < TRUST_UNCHANGED_MS
    )
      return Promise.resolve(known.versions);
    const running = this.#running;
    if (!running) return this.#start();
    this.#queued ??= running.then(nothing, nothing).then(() => {
      this.#queued = undefined;
      return this.#start();
    });
    return this.#queued;
  }

  #start(): Promise<DataVersions> {
    const watch = this.#watch;
    // Taken before the read: a commit heard of while it runs may be after its snapshot, so it is not kept.
    const generation = watch?.live ? watch.generation : undefined;
    const readAt = performance.now();
    this.reads += 1;
    const read = readDataVersions(this.#db);
    this.#running = read;
    const done = () => {
      if (this.#running === read) this.#running = undefined;
    };
    read.then((versions) => {
      done();
      if (generation !== undefined && watch?.live && watch.generation === generation)
        this.#known = { versions, generation, readAt };
    }, done);
    return read;
  }
}

function nothing(): void {}

const versionReads = new WeakMap<Db, VersionReads>();

function versionReadsOf(db: Db): VersionReads {
  let reads = versionReads.get(db);
  if (!reads) {
    reads = new VersionReads(db);
    versionReads.set(db, reads);
  }
  return reads;
}

/**
 * The data versions for a request: every commit of this process before the call, and every other
 * process's commit heard of (see {@link VersionReads}), with as few round trips as that allows. What caches
 * outside {@link cachedFigure} (the indicators, the open data catalogue) compare their entries with.
 *
 * @example
 * ```ts
 * const version = versionOf(await currentDataVersions(db), ['awards']);
 * ```
 */
export function currentDataVersions(db: Db): Promise<DataVersions> {
  return versionReadsOf(db).read();
}

/**
 * How many times the versions of `db` were read from the database, for tests that check a cached answer
 * costs no round trip.
 *
 * @example
 * ```ts
 * const before = dataVersionReadsOf(server.db);
 * ```
 */
export function dataVersionReadsOf(db: Db): number {
  return versionReads.get(db)?.reads ?? 0;
}

/** A figure being computed, with the versions it was checked at. */
interface Computing {
  db: Db;
  tables: readonly VersionedTable[];
  versions: DataVersions;
}

/**
 * The figure whose computation is starting, while the synchronous part of its `compute` runs (up to its
 * first `await`): a figure asked for there (a search page asks for its counts so) is part of that
 * computation, and checks the versions it read rather than read them again, a round trip less on
 * PostgreSQL. Those versions were read after the request began and before this computation, so each
 * request still sees every change committed before it began. Only for an inner figure whose tables are all
 * among the outer one's: requests that joined the outer computation compared those tables' versions, not
 * any other's. A figure asked for after an `await` reads the versions itself. A module variable rather
 * than an `AsyncLocalStorage`, which would slow every promise of the process to spare a read on misses only.
 */
let computing: Computing | undefined;

/** The instant given for figures that no clock changes (they never answer a `validUntil`). */
const TIMELESS = new Date(0);

/** One cache of figures per database handle (a process may open several: tests do). */
const figureCaches = new WeakMap<Db, VersionedCache>();

/** Most figures kept per database: a few hundred bytes to a few KB each. */
const MAX_FIGURES = 2048;

/**
 * The figures cache of `db`, for tests that check what was computed.
 *
 * @example
 * ```ts
 * const before = figureCacheOf(server.db).computed;
 * ```
 */
export function figureCacheOf(db: Db): VersionedCache {
  let cache = figureCaches.get(db);
  if (!cache) {
    cache = new VersionedCache(MAX_FIGURES);
    figureCaches.set(db, cache);
  }
  return cache;
}

/**
 * A figure read from `tables`, computed once and served until one of them is written or `validUntil`
 * passes. Computed every time inside a transaction (it may see writes that roll back) and when the version
 * triggers could not be installed. `key` must name everything the figure depends on besides the tables
 * and the time boundary.
 *
 * @example
 * ```ts
 * const counts = await cachedFigure(db, {
 *   key: `directory|${JSON.stringify(filters)}`,
 *   tables: ['associations', 'association_domains'],
 *   compute: async () => ({ value: await countDirectory(db, filters) }),
 * });
 * ```
 */
export async function cachedFigure<T>(
  db: Db,
  figure: {
    key: string;
    tables: readonly VersionedTable[];
    /** "Now", for a figure whose computation answers a `validUntil`; omit it for one only writes change. */
    now?: Date;
    compute: () => Promise<Computed<T>>;
  },
): Promise<T> {
  // Taken before any await: past it, another computation may be starting.
  const outer = computing;
  if (db.inTransaction || !(await dataVersionsReady(db, () => undefined)))
    return (await figure.compute()).value;
  // Read before computing: a write committed during the computation leaves the entry older than what it
  // saw, which costs a recomputation, never a stale figure.
  const versions =
    outer?.db === db && figure.tables.every((table) => outer.tables.includes(table))
      ? outer.versions
      : await versionReadsOf(db).read();
  const compute = (): Promise<Computed<T>> => {
    const previous = computing;
    computing = { db, tables: figure.tables, versions };
    try {
      return figure.compute();
    } finally {
      computing = previous;
    }
  };
  const version = versionOf(versions, figure.tables);
  return (await figureCacheOf(db).get(figure.key, version, figure.now ?? TIMELESS, compute)).value;
}
