// How the directory groups a text's matches by their filter values on SQLite (its cube, `directory.ts`):
// in SQL, a key lookup in `association_search_keys` per match, or in memory, from a copy of that table's
// keys the process keeps. At 250 000 associations the 4 097 lookups of a common text cost 5–12 ms where its
// full-text match costs under 1 ms; the copy groups them in a fraction of a millisecond.
//
// The copy is one number per docid, the docid's combination of filter values (region, legal form, public
// utility, domain bit set: a few thousand combinations however many associations), 1 MB at 250 000. It is
// read in chunks of keys, each grouped by combination on a reader thread and sent as one row per
// combination with its docids in one text, so that no chunk holds the event loop more than a few
// milliseconds; until it is loaded, matches are grouped in SQL.
//
// It follows writes without reading it all again: triggers stamp every docid whose keys change
// (`068_association_search_key_changes`), and the statement that reads a text's matches also reads the
// changes since the copy's last stamp, so that the copy and the matches are of the same snapshot and the
// groups are the ones SQL would count. Too many changes at once (a bulk import), a schema change or a
// snapshot older than the copy send the grouping back to SQL, and the first two load the copy again.
import type { Db } from '../../db/db.js';
import { searchDocIds } from '../../search/search.js';
import { SEARCH_KEY_CHANGE_TRIGGERS } from './migrations.js';
import { ASSOCIATION_KIND } from './store.js';

/** The matches of a text that share every filter value, as `association_search_keys` holds them. */
export interface MatchGroup {
  region: string;
  legal_form: string;
  public_utility: number;
  /** The domain bit set in decimal (a 64-bit integer, beyond a double's exact range). */
  domains: string;
  n: number;
}

/** A text's first matches grouped, with the greatest docid among them (0 when none). */
export interface GroupedMatches {
  groups: MatchGroup[];
  last: number;
}

/** Keys read per statement while loading: a few milliseconds of the event loop each at most. */
const LOAD_CHUNK = 8192;

/** Changes a grouping applies to the copy; past them, it is loaded again (a bulk write). */
const CATCH_UP_LIMIT = 2048;

/** How long after a failed load the next one waits (ms). */
const LOAD_RETRY_MS = 60_000;

/** Docids a copy may index (256 MB of `Uint32Array`): past it, grouping stays in SQL. */
const MAX_DOCID = 1 << 26;

/**
 * SQLite: the first `limit` matches of a text grouped by filter values in SQL, one key lookup a match.
 *
 * @example
 * ```ts
 * const { groups, last } = await groupMatchesInSql(db, 'tifawin', 4097);
 * ```
 */
export async function groupMatchesInSql(db: Db, text: string, limit: number): Promise<GroupedMatches> {
  const match = searchDocIds(db, ASSOCIATION_KIND, text);
  if (!match) return { groups: [], last: 0 };
  const rows = await db.all<MatchGroup & { last: number }>(
    `WITH s AS MATERIALIZED (${match.sql} LIMIT ?)
SELECT k.region, k.legal_form, k.public_utility, CAST(k.domains AS TEXT) AS domains, COUNT(*) AS n,
  MAX(s.docid) AS last
FROM s CROSS JOIN association_search_keys k ON k.docid = s.docid
GROUP BY k.region, k.legal_form, k.public_utility, k.domains`,
    [...match.params, limit],
  );
  return {
    groups: rows.map(({ last: _last, ...group }) => group),
    last: rows.reduce((last, row) => Math.max(last, Number(row.last)), 0),
  };
}

/** A combination of filter values, as the copy numbers it. */
type Combination = Omit<MatchGroup, 'n'>;

/** What a loaded copy holds. */
interface Copy {
  /** The combination number of each docid (index), 0 for a docid without keys. */
  combinationOf: Uint32Array;
  /** The last change stamp the copy includes. */
  seq: number;
  /** `PRAGMA schema_version` when it was loaded: a migration may rebuild the table without stamps. */
  schema: number;
}

/**
 * The search keys of the directory kept in memory for one database (SQLite), see the top of this module.
 * Get it with {@link directoryKeysOf}.
 *
 * @example
 * ```ts
 * const keys = directoryKeysOf(db);
 * const grouped = (await keys.group('tifawin', 4097)) ?? (await groupMatchesInSql(db, 'tifawin', 4097));
 * ```
 */
export class DirectoryKeys {
  readonly #db: Db;
  /** Every combination met, numbered from 1 (kept across loads: they only grow, by a few). */
  readonly #combinations: Combination[] = [];
  readonly #numbers = new Map<string, number>();
  #copy: Copy | undefined;
  #loading: Promise<void> | undefined;
  /** Grows whenever the copy is replaced or dropped, so that a grouping in flight can tell. */
  #generation = 0;
  /** Whether the copy is refused for good on this database (its change triggers are missing). */
  #refused = false;
  /** Before this instant (`performance.now()`), a failed load is not tried again. */
  #retryAt = 0;
  /** How many times the copy was loaded, and how many groupings it answered, for tests and benchmarks. */
  readonly stats = { loads: 0, grouped: 0, longestChunkMs: 0 };

  constructor(db: Db) {
    this.#db = db;
  }

  /** Whether groupings are answered from memory now. */
  get loaded(): boolean {
    return this.#copy !== undefined;
  }

  /**
   * Loads the copy unless it is loaded or loading; resolves when it is (or when it cannot be: PostgreSQL,
   * change triggers missing). Groupings start it themselves; tests and benchmarks wait for it.
   *
   * @example
   * ```ts
   * await directoryKeysOf(db).load();
   * ```
   */
  load(): Promise<void> {
    if (this.#copy || this.#refused || this.#db.dialect !== 'sqlite') return Promise.resolve();
    if (performance.now() < this.#retryAt) return Promise.resolve();
    this.#loading ??= this.#read()
      .catch((error: unknown) => {
        // A failed read (the database closing, a busy file) is tried again a while later, not per search.
        this.#retryAt = performance.now() + LOAD_RETRY_MS;
        throw error;
      })
      .finally(() => {
        this.#loading = undefined;
      });
    return this.#loading;
  }

  /**
   * The first `limit` matches of a text grouped from the copy, exactly as {@link groupMatchesInSql} groups
   * them, or `undefined` when the copy cannot answer (not loaded yet, inside a transaction, PostgreSQL):
   * group them in SQL then.
   *
   * @example
   * ```ts
   * const grouped = await directoryKeysOf(db).group('eau', 4097);
   * ```
   */
  async group(text: string, limit: number): Promise<GroupedMatches | undefined> {
    const db = this.#db;
    // Inside a transaction the statement would see uncommitted keys, which the copy must not take.
    if (db.dialect !== 'sqlite' || db.inTransaction) return undefined;
    const copy = this.#copy;
    if (!copy) {
      this.load().catch(() => undefined);
      return undefined;
    }
    const match = searchDocIds(db, ASSOCIATION_KIND, text);
    if (!match) return { groups: [], last: 0 };
    const generation = this.#generation;
    const stampAtRead = copy.seq;
    // One statement, one snapshot: the matches and the changes the copy has not seen yet.
    const row = await db
      .one<{ docids: string | null; seq: number; schema: number; changed: string }>(
        `SELECT (SELECT group_concat(docid) FROM (${match.sql} LIMIT ?)) AS docids,
  COALESCE((SELECT MAX(seq) FROM association_search_key_changes), 0) AS seq,
  (SELECT schema_version FROM pragma_schema_version) AS schema,
  (SELECT json_group_array(
     json_array(c.docid, k.region, k.legal_form, k.public_utility, CAST(k.domains AS TEXT)))
   FROM (SELECT docid FROM association_search_key_changes WHERE seq > ? ORDER BY seq LIMIT ?) c
   LEFT JOIN association_search_keys k ON k.docid = c.docid) AS changed`,
        [...match.params, limit, stampAtRead, CATCH_UP_LIMIT + 1],
      )
      // A schema the copy does not know (a migration renamed its tables): SQL answers, the copy reloads.
      .catch(() => undefined);
    if (!row) return this.#drop();
    if (generation !== this.#generation) return undefined;
    if (Number(row.schema) !== copy.schema) return this.#drop();
    // Another grouping has moved the copy past this snapshot: its keys may be newer than these matches.
    if (Number(row.seq) < copy.seq) return undefined;
    const changed = JSON.parse(row.changed) as [number, string | null, string, number, string][];
    if (changed.length > CATCH_UP_LIMIT) return this.#drop();
    for (const [docid, region, legalForm, publicUtility, domains] of changed) {
      const number =
        region === null
          ? 0
          : this.#numberOf({ region, legal_form: legalForm, public_utility: publicUtility, domains });
      if (!this.#set(copy, docid, number)) return this.#drop();
    }
    copy.seq = Math.max(copy.seq, Number(row.seq));
    this.stats.grouped += 1;
    return this.#count(copy, row.docids);
  }

  /** The matches' docids (comma-separated) counted per combination. */
  #count(copy: Copy, docids: string | null): GroupedMatches {
    const counts = new Map<number, number>();
    let last = 0;
    const combinationOf = copy.combinationOf;
    for (const text of docids ? docids.split(',') : []) {
      const docid = Number(text);
      const number = docid < combinationOf.length ? (combinationOf[docid] ?? 0) : 0;
      // A match without keys is not counted, as SQL's join leaves it out.
      if (number === 0) continue;
      counts.set(number, (counts.get(number) ?? 0) + 1);
      if (docid > last) last = docid;
    }
    const groups: MatchGroup[] = [];
    for (const [number, n] of counts) groups.push({ ...(this.#combinations[number - 1] as Combination), n });
    return { groups, last };
  }

  /** Forgets the copy and loads it again; the grouping that found it unusable goes to SQL. */
  #drop(): undefined {
    this.#copy = undefined;
    this.#generation += 1;
    this.load().catch(() => undefined);
    return undefined;
  }

  /** The number of a combination, given one the first time it is met. */
  #numberOf(combination: Combination): number {
    const { region, legal_form, public_utility, domains } = combination;
    const key = `${region}\u0000${legal_form}\u0000${public_utility}\u0000${domains}`;
    let number = this.#numbers.get(key);
    if (number === undefined) {
      this.#combinations.push(combination);
      number = this.#combinations.length;
      this.#numbers.set(key, number);
    }
    return number;
  }

  /** Sets a docid's combination, growing the copy; false past {@link MAX_DOCID}. */
  #set(copy: Copy, docid: number, number: number): boolean {
    if (!Number.isSafeInteger(docid) || docid < 0 || docid >= MAX_DOCID) return false;
    if (docid >= copy.combinationOf.length) {
      if (number === 0) return true;
      const grown = new Uint32Array(
        Math.min(MAX_DOCID, Math.max(docid + 1024, Math.ceil(copy.combinationOf.length * 1.25))),
      );
      grown.set(copy.combinationOf);
      copy.combinationOf = grown;
    }
    copy.combinationOf[docid] = number;
    return true;
  }

  /**
   * Reads the whole table in docid order, a chunk a statement, then swaps the copy in. The chunks are read
   * at successive snapshots: whatever changed after the first is stamped after the stamp read first, and
   * the first grouping catches up with it.
   */
  async #read(): Promise<void> {
    const db = this.#db;
    const head = await db.one<{ seq: number; schema: number; triggers: number; last: number | null }>(
      `SELECT COALESCE((SELECT MAX(seq) FROM association_search_key_changes), 0) AS seq,
  (SELECT MAX(docid) FROM association_search_keys) AS last,
  (SELECT schema_version FROM pragma_schema_version) AS schema,
  (SELECT COUNT(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'association_search_keys'
     AND name IN (${SEARCH_KEY_CHANGE_TRIGGERS.map(() => '?').join(', ')})) AS triggers`,
      SEARCH_KEY_CHANGE_TRIGGERS,
    );
    // Without its stamps (the table was rebuilt by hand), a copy would miss writes: stay in SQL.
    if (!head || Number(head.triggers) !== SEARCH_KEY_CHANGE_TRIGGERS.length) {
      this.#refused = true;
      return;
    }
    const copy: Copy = {
      // Room for the associations registered while it loads and after.
      combinationOf: new Uint32Array(Math.min(MAX_DOCID, Math.ceil(Number(head.last ?? 0) * 1.05) + 1024)),
      seq: Number(head.seq),
      schema: Number(head.schema),
    };
    let after = -1;
    for (;;) {
      const rows = await db.all<Combination & { docids: string; last: number }>(
        `SELECT region, legal_form, public_utility, CAST(domains AS TEXT) AS domains,
  group_concat(docid) AS docids, MAX(docid) AS last
FROM (SELECT * FROM association_search_keys WHERE docid > ? ORDER BY docid LIMIT ?)
GROUP BY region, legal_form, public_utility, domains`,
        [after, LOAD_CHUNK],
      );
      if (rows.length === 0) break;
      const started = performance.now();
      for (const { docids, last, ...combination } of rows) {
        const number = this.#numberOf(combination);
        for (const docid of docids.split(','))
          if (!this.#set(copy, Number(docid), number)) {
            this.#refused = true;
            return;
          }
        after = Math.max(after, Number(last));
      }
      this.stats.longestChunkMs = Math.max(this.stats.longestChunkMs, performance.now() - started);
    }
    this.#copy = copy;
    this.#generation += 1;
    this.stats.loads += 1;
  }
}

const copies = new WeakMap<Db, DirectoryKeys>();

/**
 * The directory's keys kept in memory for `db` (one per database handle).
 *
 * @example
 * ```ts
 * const grouped = await directoryKeysOf(db).group('tifawin', 4097);
 * ```
 */
export function directoryKeysOf(db: Db): DirectoryKeys {
  let keys = copies.get(db);
  if (!keys) {
    keys = new DirectoryKeys(db);
    copies.set(db, keys);
  }
  return keys;
}
