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
//
// The copy also holds each docid's place in the directory's name order (its rank, 1 MB more), so that the
// page of a text with thousands of matches is picked from its matches in memory: the first ranks after the
// cursor among those that pass the filters, then their names read by docid (a few rows) to sort and cut
// the page. Reading and sorting 45 000 matches' names in SQL cost 20–38 ms at 250 000 associations; the
// match's docids and this loop cost 2–10 ms. Names stamp their changes too
// (`072_association_search_name_changes`): a changed docid loses its rank, and its name is read by docid
// with the page's candidates until the ranks are read again (past `RERANK_AFTER` changes, in the
// background).
import type { Db, SqlValue } from '../../db/db.js';
import { type KeyValue, keysetClause } from '../../http/cursor.js';
import { searchDocIds } from '../../search/search.js';
import { SEARCH_KEY_CHANGE_TRIGGERS, SEARCH_NAME_CHANGE_TRIGGERS } from './migrations.js';
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
  /**
   * The matches the copy grouped, when it did: a page of the same text right after (the same request)
   * picks from them instead of reading them again, if nothing changed in between ({@link DirectoryKeys.page}).
   */
  read?: MatchRead;
}

/** Matches of a text as the copy read them, for a page of that text to reuse. */
export interface MatchRead {
  /** The full-text expression they match. */
  readonly expression: unknown;
  readonly docids: string | null;
  /** Whether they are all of its matches (fewer than the limit asked). */
  readonly complete: boolean;
  /** The copy's stamp and generation when they were read. */
  readonly seq: number;
  readonly generation: number;
}

/** Keys read per statement while loading: a few milliseconds of the event loop each at most. */
const LOAD_CHUNK = 8192;

/** Changes a grouping applies to the copy; past them, it is loaded again (a bulk write). */
const CATCH_UP_LIMIT = 2048;

/** How long after a failed load the next one waits (ms). */
const LOAD_RETRY_MS = 60_000;

/** Docids a copy may index (256 MB of `Uint32Array`): past it, grouping stays in SQL. */
const MAX_DOCID = 1 << 26;

/** Docids without a rank (changed since the ranks were read) before the ranks are read again. */
const RERANK_AFTER = 1024;

/** Matches without a rank a page may read by name among its candidates; past them, SQL reads the page. */
const MAX_UNRANKED_CANDIDATES = 1024;

/** Names read after a cursor to find the first ranked one, where the page starts. */
const CURSOR_LOOKAHEAD = 64;

/** The directory's order over `association_search_names n`, as `BY_NAME` in `directory.ts`. */
const NAME_ORDER = {
  name: 'name',
  keys: [{ expr: 'n.name_sort' }, { expr: 'n.association_id' }],
} as const;

/** A page's row: its sort keys, as `directory.ts` pages them, and its stored record when read with them. */
export interface NamedRow {
  name_sort: string;
  id: string;
  /** The association's record as stored (`associations.data`), when the page read it. */
  data?: string;
}

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
  /**
   * Each docid's place in name order, from 1 (same length as `combinationOf`); 0 for a docid without a
   * name or changed since the ranks were read. `undefined` when names stamp no changes (triggers missing).
   */
  rankOf: Uint32Array | undefined;
  /** Docids whose rank was cleared since the ranks were read. */
  unranked: number;
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
  /**
   * How many times the copy was loaded, how many groupings and pages it answered (`reused`: pages picked
   * from a grouping's matches), for tests and benchmarks.
   */
  readonly stats = { loads: 0, grouped: 0, paged: 0, reused: 0, longestChunkMs: 0 };

  constructor(db: Db) {
    this.#db = db;
  }

  /** Whether groupings are answered from memory now. */
  get loaded(): boolean {
    return this.#copy !== undefined;
  }

  /** Whether pages may be picked from memory now (the copy holds the names' ranks). */
  get pagesInMemory(): boolean {
    return this.#copy?.rankOf !== undefined;
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
    if (this.#copy) return Promise.resolve();
    return this.#startLoad();
  }

  /** Reads the copy again unless a read is under way (the current copy, if any, answers meanwhile). */
  #startLoad(): Promise<void> {
    if (this.#refused || this.#db.dialect !== 'sqlite') return Promise.resolve();
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
    const copy = this.#usableCopy();
    if (!copy) return undefined;
    const match = searchDocIds(this.#db, ASSOCIATION_KIND, text);
    if (!match) return { groups: [], last: 0 };
    const generation = this.#generation;
    const read = await this.#readMatches(copy, {
      sql: `${match.sql} LIMIT ?`,
      params: [...match.params, limit],
    });
    if (!read) return undefined;
    this.stats.grouped += 1;
    const { grouped, size } = this.#count(copy, read.docids);
    return {
      ...grouped,
      read: {
        expression: match.params[0],
        docids: read.docids,
        complete: size < limit,
        seq: copy.seq,
        generation,
      },
    };
  }

  /**
   * The next `rows` associations in name order after `after` (a `name` keyset position: folded name, id)
   * among every match of `text` whose filter values `accepts`, picked from the copy: exactly the rows SQL
   * would page. `undefined` when the copy cannot answer (not loaded, names without ranks, too many
   * associations changed since the ranks were read, a write between its two statements): SQL reads the
   * page then.
   *
   * `known`: the matches a grouping of the same request read ({@link GroupedMatches.read}); a first page
   * picks from them when they are all of the text's and the copy has not moved since.
   *
   * @example
   * ```ts
   * const rows = await directoryKeysOf(db).page('tifawin', (c) => c.region === 'MA-09', undefined, 21);
   * rows?.map((row) => row.id);
   * ```
   */
  async page(
    text: string,
    accepts: (combination: Combination) => boolean,
    after: readonly KeyValue[] | undefined,
    rows: number,
    known?: MatchRead,
  ): Promise<NamedRow[] | undefined> {
    const copy = this.#usableCopy();
    if (!copy?.rankOf) return undefined;
    const match = searchDocIds(this.#db, ASSOCIATION_KIND, text);
    if (!match) return [];
    const position = keysetClause(NAME_ORDER, after);
    const reusable =
      !after &&
      known?.complete === true &&
      known.expression === match.params[0] &&
      known.generation === this.#generation &&
      known.seq === copy.seq;
    // The names right after the cursor, in the matches' snapshot: the first ranked one is where ranks start.
    const read = reusable
      ? { docids: known.docids, following: null, seq: known.seq }
      : await this.#readMatches(
          copy,
          match,
          after
            ? {
                sql: `SELECT group_concat(docid) FROM (SELECT n.docid FROM association_search_names n
WHERE ${position.sql} ORDER BY n.name_sort, n.association_id LIMIT ${CURSOR_LOOKAHEAD})`,
                params: position.params,
              }
            : undefined,
        );
    if (!read) return undefined;
    const { combinationOf } = copy;
    const rankOf = copy.rankOf;
    let from = 1;
    if (after) {
      if (read.following === null) return [];
      const first = [...docidsOf(read.following)].find((docid) => (rankOf[docid] ?? 0) > 0);
      if (first === undefined) return undefined;
      from = rankOf[first] ?? 0;
    }
    // Whether each combination passes the filters, decided once per combination met.
    const verdicts = new Uint8Array(this.#combinations.length + 1);
    const best = new FirstRanks(rows);
    const unranked: number[] = [];
    for (const docid of docidsOf(read.docids)) {
      const number = docid < combinationOf.length ? (combinationOf[docid] ?? 0) : 0;
      // A match without keys is left out, as SQL's join leaves it out.
      if (number === 0) continue;
      let verdict = verdicts[number];
      if (verdict === 0) {
        verdict = accepts(this.#combinations[number - 1] as Combination) ? 1 : 2;
        verdicts[number] = verdict;
      }
      if (verdict === 2) continue;
      const rank = rankOf[docid] ?? 0;
      if (rank === 0) {
        unranked.push(docid);
        if (unranked.length > MAX_UNRANKED_CANDIDATES) return undefined;
      } else if (rank >= from) best.offer(rank, docid);
    }
    const candidates = [...best.docids(), ...unranked];
    if (candidates.length === 0) return [];
    // Their names, sorted and cut as SQL pages them; the stamp says whether anything changed in between.
    // The records too, in the same snapshot: one statement fewer for the page (a thread hop each).
    const named = await this.#db.all<Required<NamedRow> & { seq: number }>(
      `SELECT n.name_sort, n.association_id AS id,
  (SELECT a.data FROM associations a WHERE a.id = n.association_id) AS data,
  (SELECT COALESCE(MAX(seq), 0) FROM association_search_key_changes) AS seq
FROM association_search_names n
WHERE n.docid IN (SELECT value FROM json_each(?)) AND ${position.sql}
ORDER BY n.name_sort, n.association_id LIMIT ?`,
      [JSON.stringify(candidates), ...position.params, rows],
    );
    const seq =
      named[0]?.seq ??
      (
        await this.#db.one<{ seq: number }>(
          'SELECT COALESCE(MAX(seq), 0) AS seq FROM association_search_key_changes',
        )
      )?.seq;
    if (Number(seq) !== read.seq) return undefined;
    this.stats.paged += 1;
    if (reusable) this.stats.reused += 1;
    return named.map(({ seq: _seq, ...row }) => row);
  }

  /** The copy when it may answer now; starts loading it when it is missing. */
  #usableCopy(): Copy | undefined {
    const db = this.#db;
    // Inside a transaction the statement would see uncommitted keys, which the copy must not take.
    if (db.dialect !== 'sqlite' || db.inTransaction) return undefined;
    if (!this.#copy) this.load().catch(() => undefined);
    return this.#copy;
  }

  /**
   * Runs `matches` (docids) and `following` (an optional comma-separated list) in one statement with the
   * changes the copy has not seen, applies those, and answers the docids of that snapshot; `undefined` when
   * the copy cannot take them (replaced meanwhile, a schema change, too many changes, an older snapshot).
   */
  async #readMatches(
    copy: Copy,
    matches: { sql: string; params: unknown[] },
    following?: { sql: string; params: unknown[] },
  ): Promise<{ docids: string | null; following: string | null; seq: number } | undefined> {
    const generation = this.#generation;
    const stampAtRead = copy.seq;
    // One statement, one snapshot: the matches and the changes the copy has not seen yet.
    const row = await this.#db
      .one<{ docids: string | null; following: string | null; seq: number; schema: number; changed: string }>(
        `SELECT (SELECT group_concat(docid) FROM (${matches.sql})) AS docids,
  ${following ? `(${following.sql})` : 'NULL'} AS following,
  COALESCE((SELECT MAX(seq) FROM association_search_key_changes), 0) AS seq,
  (SELECT schema_version FROM pragma_schema_version) AS schema,
  (SELECT json_group_array(
     json_array(c.docid, k.region, k.legal_form, k.public_utility, CAST(k.domains AS TEXT)))
   FROM (SELECT docid FROM association_search_key_changes WHERE seq > ? ORDER BY seq LIMIT ?) c
   LEFT JOIN association_search_keys k ON k.docid = c.docid) AS changed`,
        [
          ...(matches.params as SqlValue[]),
          ...((following?.params ?? []) as SqlValue[]),
          stampAtRead,
          CATCH_UP_LIMIT + 1,
        ],
      )
      // A schema the copy does not know (a migration renamed its tables): SQL answers, the copy reloads.
      .catch(() => undefined);
    if (!row) return this.#drop();
    if (generation !== this.#generation) return undefined;
    if (Number(row.schema) !== copy.schema) return this.#drop();
    // Another reading has moved the copy past this snapshot: its keys may be newer than these matches.
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
    // Too many names unranked make every page read them: read the ranks again, this copy answering meanwhile.
    if (copy.unranked > RERANK_AFTER) this.#startLoad().catch(() => undefined);
    return { docids: row.docids, following: row.following, seq: Number(row.seq) };
  }

  /**
   * The matches' docids (comma-separated) counted per combination, without the read they came from, and how
   * many docids there were (those without keys too).
   */
  #count(copy: Copy, docids: string | null): { grouped: GroupedMatches; size: number } {
    const counts = new Map<number, number>();
    let last = 0;
    let size = 0;
    const combinationOf = copy.combinationOf;
    for (const docid of docidsOf(docids)) {
      size += 1;
      const number = docid < combinationOf.length ? (combinationOf[docid] ?? 0) : 0;
      // A match without keys is not counted, as SQL's join leaves it out.
      if (number === 0) continue;
      counts.set(number, (counts.get(number) ?? 0) + 1);
      if (docid > last) last = docid;
    }
    const groups: MatchGroup[] = [];
    for (const [number, n] of counts) groups.push({ ...(this.#combinations[number - 1] as Combination), n });
    return { grouped: { groups, last }, size };
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

  /**
   * Sets a changed docid's combination and clears its rank (its name may have changed), growing the copy;
   * false past {@link MAX_DOCID}.
   */
  #set(copy: Copy, docid: number, number: number): boolean {
    if (!Number.isSafeInteger(docid) || docid < 0 || docid >= MAX_DOCID) return false;
    if (docid >= copy.combinationOf.length) {
      if (number === 0) return true;
      const length = Math.min(MAX_DOCID, Math.max(docid + 1024, Math.ceil(copy.combinationOf.length * 1.25)));
      copy.combinationOf = grown(copy.combinationOf, length);
      if (copy.rankOf) copy.rankOf = grown(copy.rankOf, length);
    }
    copy.combinationOf[docid] = number;
    if (copy.rankOf) {
      copy.rankOf[docid] = 0;
      copy.unranked += 1;
    }
    return true;
  }

  /**
   * Reads the whole table in docid order, a chunk a statement, then swaps the copy in. The chunks are read
   * at successive snapshots: whatever changed after the first is stamped after the stamp read first, and
   * the first grouping catches up with it.
   */
  async #read(): Promise<void> {
    const db = this.#db;
    const head = await db.one<{
      seq: number;
      schema: number;
      triggers: number;
      nameTriggers: number;
      last: number | null;
    }>(
      `SELECT COALESCE((SELECT MAX(seq) FROM association_search_key_changes), 0) AS seq,
  (SELECT MAX(docid) FROM association_search_keys) AS last,
  (SELECT schema_version FROM pragma_schema_version) AS schema,
  (SELECT COUNT(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'association_search_keys'
     AND name IN (${SEARCH_KEY_CHANGE_TRIGGERS.map(() => '?').join(', ')})) AS triggers,
  (SELECT COUNT(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'association_search_names'
     AND name IN (${SEARCH_NAME_CHANGE_TRIGGERS.map(() => '?').join(', ')})) AS nameTriggers`,
      [...SEARCH_KEY_CHANGE_TRIGGERS, ...SEARCH_NAME_CHANGE_TRIGGERS],
    );
    // Without its stamps (the table was rebuilt by hand), a copy would miss writes: stay in SQL.
    if (!head || Number(head.triggers) !== SEARCH_KEY_CHANGE_TRIGGERS.length) {
      this.#refused = true;
      return;
    }
    const copy: Copy = {
      // Room for the associations registered while it loads and after.
      combinationOf: new Uint32Array(Math.min(MAX_DOCID, Math.ceil(Number(head.last ?? 0) * 1.05) + 1024)),
      rankOf: undefined,
      unranked: 0,
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
    // Without stamps of their changes, ranks would go stale unseen: pages stay in SQL then.
    if (Number(head.nameTriggers) === SEARCH_NAME_CHANGE_TRIGGERS.length)
      copy.rankOf = await this.#ranks(copy);
    this.#copy = copy;
    this.#generation += 1;
    this.stats.loads += 1;
  }

  /**
   * Each docid's place in name order, read in chunks along `association_search_names_by_name`. Chunks are
   * read at successive snapshots: a name that changed meanwhile is stamped after the copy's first stamp,
   * so the first reading of matches clears its rank; the ranks of the names that did not change keep their
   * order.
   */
  async #ranks(copy: Copy): Promise<Uint32Array> {
    const rankOf = new Uint32Array(copy.combinationOf.length);
    let after: KeyValue[] | undefined;
    let rank = 0;
    for (;;) {
      const position = keysetClause(NAME_ORDER, after);
      const rows = await this.#db.all<{ docid: number; name_sort: string; id: string }>(
        `SELECT n.docid, n.name_sort, n.association_id AS id FROM association_search_names n
WHERE ${position.sql} ORDER BY n.name_sort, n.association_id LIMIT ?`,
        [...position.params, LOAD_CHUNK],
      );
      const last = rows[rows.length - 1];
      if (!last) break;
      for (const row of rows) {
        rank += 1;
        // A docid past the copy (registered while it loads) stays unranked: its name is read with the page.
        if (row.docid < rankOf.length) rankOf[row.docid] = rank;
      }
      after = [last.name_sort, last.id];
    }
    return rankOf;
  }
}

/**
 * The docids of a `group_concat` (comma-separated decimal integers) as numbers, read digit by digit: a
 * split and a `Number` per docid allocated a string for each, ≈ 30 ns more a docid, 1.5 ms for the
 * 50 000 matches of a common word.
 */
function* docidsOf(list: string | null): Generator<number> {
  if (!list) return;
  let value = 0;
  for (let at = 0; at < list.length; at += 1) {
    const code = list.charCodeAt(at);
    if (code === 44) {
      yield value;
      value = 0;
    } else value = value * 10 + (code - 48);
  }
  yield value;
}

/** A copy of `array` `length` long (the copy grows with the docids). */
function grown(array: Uint32Array, length: number): Uint32Array {
  const larger = new Uint32Array(length);
  larger.set(array);
  return larger;
}

/**
 * The `size` smallest ranks offered and their docids, kept sorted: a page's first rows among thousands of
 * matches, without sorting them all.
 */
class FirstRanks {
  readonly #size: number;
  readonly #ranks: number[] = [];
  readonly #docids: number[] = [];

  constructor(size: number) {
    this.#size = size;
  }

  offer(rank: number, docid: number): void {
    const ranks = this.#ranks;
    if (ranks.length === this.#size && rank >= (ranks[ranks.length - 1] ?? 0)) return;
    let at = ranks.length;
    while (at > 0 && (ranks[at - 1] ?? 0) > rank) at -= 1;
    ranks.splice(at, 0, rank);
    this.#docids.splice(at, 0, docid);
    if (ranks.length > this.#size) {
      ranks.pop();
      this.#docids.pop();
    }
  }

  docids(): readonly number[] {
    return this.#docids;
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
