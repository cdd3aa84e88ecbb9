// The one module that knows how full-text search is stored, on both dialects. Text is folded by the
// contract's `searchTerms` on both sides (indexed text and query), so neither engine's own word rules matter:
// on SQLite FTS5's tokenizer only splits the folded words on spaces; on PostgreSQL the words become lexemes
// as they are (`array_to_tsvector`, and a `tsquery` literal), with no parser or dictionary in between.
//
// Each kind has an index of its own, so that a search of associations never reads the words of calls, and
// (re)indexing one item touches it by key:
// - SQLite: `search_docs (docid INTEGER PRIMARY KEY, kind, id, UNIQUE (kind, id))` gives every item a
//   number, and an FTS5 table per kind (`search_association`, …) holds its words under rowid = docid. The
//   first layout (`005_search`) had one FTS5 table with `kind` and `id` UNINDEXED: re-indexing an item
//   scanned the whole index to find its row (127× a plain update at 250k associations).
// - PostgreSQL: `search_docs (kind, id, terms tsvector, PRIMARY KEY (kind, id))` with a partial GIN index
//   per kind (`WHERE kind = 'association'`), which a query uses because the kind is written into its text.
import { LOCALES, type LocalizedText, searchTerms } from '@nassij/contract';
import type { Db, Migration, SqlValue } from '../db/db.js';

/**
 * The kinds of item the platform searches, each with an index of its own. A new kind needs a new migration
 * that creates its index ({@link searchKindDdl}) and its name here.
 */
export const SEARCH_KINDS = ['association', 'call', 'consultation', 'course'] as const;

/** One of {@link SEARCH_KINDS}. */
export type SearchKind = (typeof SEARCH_KINDS)[number];

const TOKENIZE = `tokenize = 'unicode61 remove_diacritics 0'`;

/** The SQLite FTS5 table of a kind. */
const ftsTable = (kind: SearchKind): string => `search_${kind}`;

/**
 * The DDL that gives one kind its index on a dialect (for a migration that adds a kind).
 *
 * @example
 * ```ts
 * const migration: Migration = {
 *   id: '007_search_grants',
 *   sql: { sqlite: searchKindDdl('sqlite', 'grant'), postgres: searchKindDdl('postgres', 'grant') },
 * };
 * ```
 */
export function searchKindDdl(dialect: Db['dialect'], kind: string): string {
  if (!/^[a-z][a-z_]*$/.test(kind)) throw new RangeError(`Not a search kind name: ${kind}`);
  return dialect === 'sqlite'
    ? `CREATE VIRTUAL TABLE search_${kind} USING fts5(id UNINDEXED, terms, ${TOKENIZE});`
    : `CREATE INDEX search_docs_${kind} ON search_docs USING gin (terms) WHERE kind = '${kind}';`;
}

/**
 * The first search index (one FTS5 table for every kind), kept so that existing SQLite databases replay
 * their history; {@link searchPerKindMigration} replaces it. PostgreSQL never had it: nothing to do there.
 */
export const searchMigration: Migration = {
  id: '005_search',
  sql: {
    sqlite: `CREATE VIRTUAL TABLE search_index USING fts5(kind UNINDEXED, id UNINDEXED, terms, ${TOKENIZE});`,
    postgres: 'SELECT 1;',
  },
};

/**
 * The search index per kind (see the top of this module). On SQLite it moves the words of `005_search`'s
 * table into the new tables, so an existing database keeps its index without re-indexing.
 */
export const searchPerKindMigration: Migration = {
  id: '006_search_per_kind',
  sql: {
    sqlite: `
CREATE TABLE search_docs (
  docid INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  UNIQUE (kind, id)
);
${SEARCH_KINDS.map((kind) => searchKindDdl('sqlite', kind)).join('\n')}
INSERT INTO search_docs (kind, id) SELECT kind, id FROM search_index GROUP BY kind, id ORDER BY kind, id;
${SEARCH_KINDS.map(
  (kind) => `INSERT INTO ${ftsTable(kind)} (rowid, id, terms)
  SELECT d.docid, d.id, s.terms FROM search_index s JOIN search_docs d ON d.kind = s.kind AND d.id = s.id
  WHERE s.kind = '${kind}';`,
).join('\n')}
DROP TABLE search_index;
`,
    postgres: `
CREATE TABLE search_docs (
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  terms tsvector NOT NULL,
  PRIMARY KEY (kind, id)
);
${SEARCH_KINDS.map((kind) => searchKindDdl('postgres', kind)).join('\n')}
`,
  },
};

/**
 * Prefix indexes for the associations' words on SQLite (2 and 3 letters). Every query word is a prefix, and
 * FTS5 answers a prefix by merging the doclists of every word that starts with it before any `LIMIT`: « as »
 * or « ass » (a word begun, or an Arabic word whose article is taken off) merged thousands of words, 9–17 ms
 * at 250 000 associations. With a prefix index they read one list, 1.5 ms; the rows are the same. The index
 * grows from 24 to 65 MB at that scale; the table is rebuilt from its own words (5 s). Associations only:
 * the other kinds are a few thousand items. PostgreSQL has nothing to do.
 */
export const searchPrefixesMigration: Migration = {
  id: '067_search_association_prefixes',
  sql: {
    sqlite: `
CREATE VIRTUAL TABLE search_association_next USING fts5(id UNINDEXED, terms, ${TOKENIZE}, prefix = '2 3');
INSERT INTO search_association_next (rowid, id, terms) SELECT rowid, id, terms FROM search_association;
DROP TABLE search_association;
ALTER TABLE search_association_next RENAME TO search_association;
`,
    postgres: 'SELECT 1;',
  },
};

/**
 * PostgreSQL: `search_docs.group_keys`, a text an area may keep beside an item's words to group a query's
 * matches from the rows the GIN index gives, without reading its own tables for each match (the
 * associations keep their filter values there: `071_association_group_keys`). SQLite keeps such keys by docid
 * in the areas' own tables.
 */
export const searchGroupKeysMigration: Migration = {
  id: '069_search_group_keys',
  sql: { sqlite: 'SELECT 1;', postgres: 'ALTER TABLE search_docs ADD COLUMN IF NOT EXISTS group_keys TEXT;' },
};

/**
 * PostgreSQL: `search_docs.sort_key`, the key an area may keep beside an item's words to page a query's
 * matches in its own order from the search index alone ({@link postgresSearchInOrder}; the associations keep
 * their name there, with an index in that order: `076_association_sort_keys`). SQLite keeps such keys by
 * docid in the areas' own tables.
 */
export const searchSortKeysMigration: Migration = {
  id: '075_search_sort_keys',
  sql: { sqlite: 'SELECT 1;', postgres: 'ALTER TABLE search_docs ADD COLUMN IF NOT EXISTS sort_key TEXT;' },
};

/** Every migration of the search index, in order (an area list or a test applies them all). */
export const searchMigrations: readonly Migration[] = [
  searchMigration,
  searchPerKindMigration,
  searchPrefixesMigration,
  searchGroupKeysMigration,
  searchSortKeysMigration,
];

/**
 * Whether a table belongs to the search index (its FTS5 tables and their shadow tables included): the
 * seed's date shift and the fixtures' comparisons leave them to this module.
 *
 * @example
 * ```ts
 * isSearchTable('search_call_data'); // true
 * isSearchTable('calls'); // false
 * ```
 */
export function isSearchTable(table: string): boolean {
  if (table === 'search_docs') return true;
  return ['index', ...SEARCH_KINDS].some(
    (kind) => table === `search_${kind}` || table.startsWith(`search_${kind}_`),
  );
}

function checkedKind(kind: string): SearchKind {
  // The kind is written into SQL (a table name, a partial index's condition): only known names pass.
  if (!(SEARCH_KINDS as readonly string[]).includes(kind))
    throw new RangeError(`Unknown search kind: ${kind}`);
  return kind as SearchKind;
}

/** Something whose words are indexed: plain text or a text in several languages. */
export type Searchable = string | LocalizedText | null | undefined;

function wordsOf(value: Searchable): string[] {
  if (!value) return [];
  if (typeof value === 'string') return searchTerms(value);
  return LOCALES.flatMap((locale) => searchTerms(value[locale] ?? ''));
}

/**
 * Stores the words of one item, replacing what it had: by key on both dialects, so its cost does not grow
 * with the index. On PostgreSQL also its sort key when given (else the one it had stays).
 */
async function storeWords(
  db: Db,
  kind: SearchKind,
  id: string,
  words: readonly string[],
  sortKey?: string,
): Promise<void> {
  if (db.dialect === 'postgres') {
    // The key in the row's first write: set by a later UPDATE, a new key (an indexed column) would make
    // PostgreSQL write the row and its GIN entries twice.
    await db.write(
      `INSERT INTO search_docs (kind, id, terms, sort_key) VALUES (?, ?, array_to_tsvector(?::text[]), ?)
       ON CONFLICT (kind, id) DO UPDATE SET terms = excluded.terms,
         sort_key = COALESCE(excluded.sort_key, search_docs.sort_key)`,
      [kind, id, pgTextArray(words), sortKey ?? null],
    );
    return;
  }
  await db.atomic(async () => {
    // RETURNING on an upsert that changes nothing returns no row: the no-op update makes it return the docid.
    const doc = await db.one<{ docid: number }>(
      `INSERT INTO search_docs (kind, id) VALUES (?, ?)
       ON CONFLICT (kind, id) DO UPDATE SET kind = excluded.kind RETURNING docid`,
      [kind, id],
    );
    if (!doc) throw new Error(`search_docs gave no docid for ${kind} ${id}`);
    await db.write(`DELETE FROM ${ftsTable(kind)} WHERE rowid = ?`, [doc.docid]);
    await db.write(`INSERT INTO ${ftsTable(kind)} (rowid, id, terms) VALUES (?, ?, ?)`, [
      doc.docid,
      id,
      words.join(' '),
    ]);
  });
}

/** A PostgreSQL array literal of texts (`{"a","b"}`), every element quoted so no word is misread. */
function pgTextArray(words: readonly string[]): string {
  return `{${words.map((word) => `"${word.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

/**
 * Indexes (or re-indexes) one item of a kind (`call`, `association`, `course`, `consultation`) with every
 * text a person may search it by, in every language it has. `sortKey`: on PostgreSQL, the key its area
 * pages matches by ({@link postgresSearchInOrder}, `075_search_sort_keys`); SQLite ignores it.
 *
 * @example
 * ```ts
 * await indexForSearch(db, 'call', call.id, [call.title, call.summary, call.reference]);
 * await indexForSearch(db, 'association', 'asso_0001', [{ ar: 'جمعية تيفاوين' }], { sortKey: 'جمعيه تيفاوين' });
 * ```
 */
export async function indexForSearch(
  db: Db,
  kind: string,
  id: string,
  texts: readonly Searchable[],
  options: { sortKey?: string } = {},
): Promise<void> {
  await storeWords(db, checkedKind(kind), id, [...new Set(texts.flatMap(wordsOf))], options.sortKey);
}

/**
 * Replaces the words of one indexed item as they are (already folded): for the seed's date shift, which
 * moves the years of references inside the index. Texts to index go through {@link indexForSearch}.
 *
 * @example
 * ```ts
 * await replaceSearchWords(db, 'call', 'call_0001', ['appel', 'ma', 'men', '2027', '0001']);
 * ```
 */
export async function replaceSearchWords(
  db: Db,
  kind: string,
  id: string,
  words: readonly string[],
): Promise<void> {
  await storeWords(db, checkedKind(kind), id, words);
}

/**
 * Every indexed item with its words, in kind and id order: for the seed's date shift and for checks.
 *
 * @example
 * ```ts
 * for (const entry of await searchEntries(db)) console.log(entry.kind, entry.id, entry.words.join(' '));
 * ```
 */
export async function searchEntries(db: Db): Promise<{ kind: SearchKind; id: string; words: string[] }[]> {
  if (db.dialect === 'postgres') {
    // A tsvector lists its lexemes sorted; `tsvector_to_array` gives them back without positions.
    const rows = await db.all<{ kind: SearchKind; id: string; words: string[] }>(
      'SELECT kind, id, tsvector_to_array(terms) AS words FROM search_docs ORDER BY kind, id',
    );
    return rows;
  }
  const entries: { kind: SearchKind; id: string; words: string[] }[] = [];
  for (const kind of SEARCH_KINDS) {
    const rows = await db.all<{ id: string; terms: string }>(
      `SELECT id, terms FROM ${ftsTable(kind)} ORDER BY id`,
    );
    for (const row of rows)
      entries.push({ kind, id: row.id, words: row.terms === '' ? [] : row.terms.split(' ') });
  }
  return entries;
}

/** Removes one item from the index. */
export async function removeFromSearch(db: Db, kind: string, id: string): Promise<void> {
  const checked = checkedKind(kind);
  if (db.dialect === 'postgres') {
    await db.write('DELETE FROM search_docs WHERE kind = ? AND id = ?', [checked, id]);
    return;
  }
  await db.atomic(async () => {
    const doc = await db.one<{ docid: number }>('SELECT docid FROM search_docs WHERE kind = ? AND id = ?', [
      checked,
      id,
    ]);
    if (!doc) return;
    await db.write(`DELETE FROM ${ftsTable(checked)} WHERE rowid = ?`, [doc.docid]);
    await db.write('DELETE FROM search_docs WHERE docid = ?', [doc.docid]);
  });
}

/** The query's words as the dialect's match expression: every word must match, each as a prefix. */
function matchExpression(dialect: Db['dialect'], query: string): string | null {
  const terms = searchTerms(query);
  if (terms.length === 0) return null;
  // "جمعي" finds "جمعيه", "etud" finds "etudiant".
  if (dialect === 'sqlite') return terms.map((term) => `"${term.replaceAll('"', '""')}"*`).join(' AND ');
  // A tsquery literal: each word quoted ('' and \\ escaped inside), `:*` for a prefix, `&` for AND.
  return terms.map((term) => `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}':*`).join(' & ');
}

/** The condition that `idColumn` is an id of `kind` matching an expression (its one parameter). */
function idMatches(dialect: Db['dialect'], kind: SearchKind, idColumn: string): string {
  if (dialect === 'sqlite')
    return `${idColumn} IN (SELECT id FROM ${ftsTable(kind)} WHERE ${ftsTable(kind)} MATCH ?)`;
  // The kind as a literal, so that the planner can use the kind's partial index. The matching ids are
  // collected first (ARRAY(…) runs once, on the GIN index), then looked up by key: PostgreSQL misjudges how
  // many rows a prefix query matches (2 % of the table, whether 11 or 50 000), and with `IN (…)` it then
  // walked the whole filtered table in order to meet a rare word (146 ms at 250k rows, against 5 ms).
  return `${idColumn} = ANY (ARRAY(SELECT id FROM search_docs WHERE kind = '${kind}' AND terms @@ ?::tsquery))`;
}

/**
 * A SQL condition that keeps the rows of `kind` whose id column matches the query, to AND into an area's
 * WHERE clause; `null` when the query has no searchable word (then do not filter). The condition is one
 * indexed full-text lookup, whatever the size of the table it filters.
 *
 * @example
 * ```ts
 * const match = searchCondition(db, 'call', 'c.id', query.q);
 * const where = match ? `WHERE ${match.sql}` : '';
 * await db.all(`SELECT … FROM calls c ${where}`, match?.params ?? []);
 * ```
 */
export function searchCondition(
  db: Pick<Db, 'dialect'>,
  kind: string,
  idColumn: string,
  query: string | undefined,
): { sql: string; params: SqlValue[] } | null {
  const checked = checkedKind(kind);
  const expression = query ? matchExpression(db.dialect, query) : null;
  if (!expression) return null;
  return { sql: idMatches(db.dialect, checked, idColumn), params: [expression] };
}

/**
 * On SQLite, a subquery of the numbers (`docid`, the rowid of the kind's FTS5 table and of `search_docs`) of
 * the items of `kind` that match the query, in increasing order; `null` when the query has no searchable
 * word. An area that keeps what it filters and sorts by in a table keyed by that number (as the directory
 * does, `association_search_keys`) reads each match by INTEGER PRIMARY KEY, without reading its TEXT id:
 * the id lives in the FTS5 table's content, one more lookup a match. A docid stays with its item while the
 * item is re-indexed. PostgreSQL has no docid: use {@link searchCondition} there.
 *
 * @example
 * ```ts
 * const match = searchDocIds(db, 'association', 'جمعية');
 * if (match) await db.all(`SELECT k.region FROM (${match.sql}) s CROSS JOIN association_search_keys k
 *   ON k.docid = s.docid`, match.params);
 * ```
 */
export function searchDocIds(
  db: Pick<Db, 'dialect'>,
  kind: string,
  query: string | undefined,
): { sql: string; params: SqlValue[] } | null {
  const checked = checkedKind(kind);
  if (db.dialect !== 'sqlite') throw new RangeError('searchDocIds is for SQLite: use searchCondition');
  const expression = query ? matchExpression(db.dialect, query) : null;
  if (!expression) return null;
  return {
    sql: `SELECT rowid AS docid FROM ${ftsTable(checked)} WHERE ${ftsTable(checked)} MATCH ?`,
    params: [expression],
  };
}

/**
 * On PostgreSQL, a subquery of the items of `kind` that match the query, `id` with `tid`, the row's place in
 * the table (`(page,row)`); `null` when the query has no searchable word. They come in the table's physical
 * order, from its first page on (the GIN index's bitmap read page by page, or for a text found in most
 * items, as the planner judges, each row read in turn with its words tested): a `LIMIT` keeps the matches of
 * the table's first pages, a window an area can size by the items of `kind` in the pages up to the last
 * match's. Also `group_keys` and `sort_key`, what the item's area keeps to group and to order matches by
 * (`069_search_group_keys`, `075_search_sort_keys`), or null. SQLite's counterpart is {@link searchDocIds}
 * (docid order).
 *
 * @example
 * ```ts
 * const match = postgresSearchRows(db, 'association', 'eau');
 * if (match) await db.all(`SELECT s.id, s.tid FROM (${match.sql} LIMIT 100) s`, match.params);
 * ```
 */
export function postgresSearchRows(
  db: Pick<Db, 'dialect'>,
  kind: string,
  query: string | undefined,
): { sql: string; params: SqlValue[] } | null {
  const checked = checkedKind(kind);
  if (db.dialect !== 'postgres')
    throw new RangeError('postgresSearchRows is for PostgreSQL: use searchDocIds');
  const expression = query ? matchExpression(db.dialect, query) : null;
  if (!expression) return null;
  return {
    // `ctid >= '(0,0)'`, true of every row, makes the planner read a text found in most rows of a large
    // table by a TID range scan, from the first page, rather than by a sequential scan: on a table larger
    // than a quarter of shared_buffers that one starts wherever another scan of the table is (synchronized
    // scans), and a LIMIT kept matches from anywhere (« association » was estimated at 4 200 of 213 000).
    // The planner prefers the range scan as it expects it to read a third of the table.
    sql: `SELECT id, ctid AS tid, group_keys, sort_key FROM search_docs WHERE kind = '${checked}' AND terms @@ ?::tsquery AND ctid >= '(0,0)'`,
    params: [expression],
  };
}

/**
 * On PostgreSQL, a subquery of the items of `kind` that match the query among the next `budget` items in
 * `sort_key` then `id` order after `after` (a `[sortKey, id]` position; from the first item without it):
 * their `sort_key`, `id` and `group_keys`, in that order; `null` when the query has no searchable word. It
 * reads the kind's index in that order (`search_docs_<kind>_by_sort_key`, which an area that keeps sort keys
 * creates, as `076_association_sort_keys` does) and tests each item's words on its row: about 0.7 µs an item
 * at 250 000 associations, so that a page of a text found in many items is met within a few thousand of
 * them, where sorting all its matches reads most of the table. Items without a sort key are never reached.
 *
 * @example
 * ```ts
 * const walk = postgresSearchInOrder(db, 'association', 'eau', { after: ['جمعيه', 'asso_0001'], budget: 99 });
 * if (walk) await db.all(`SELECT w.id FROM (${walk.sql}) w LIMIT 21`, walk.params);
 * ```
 */
export function postgresSearchInOrder(
  db: Pick<Db, 'dialect'>,
  kind: string,
  query: string | undefined,
  { after, budget }: { after?: readonly SqlValue[]; budget: number },
): { sql: string; params: SqlValue[] } | null {
  const checked = checkedKind(kind);
  if (db.dialect !== 'postgres') throw new RangeError('postgresSearchInOrder is for PostgreSQL');
  if (after && after.length !== 2) throw new RangeError('A position in sort key order is [sortKey, id]');
  const expression = query ? matchExpression(db.dialect, query) : null;
  if (!expression) return null;
  // The LIMIT inside bounds the walk whatever the planner expects of the text (it misjudges prefix queries);
  // the test outside runs on each row as the index gives it, and a LIMIT around stops the walk at a page.
  return {
    sql: `SELECT d.sort_key, d.id, d.group_keys FROM (
  SELECT sort_key, id, group_keys, terms FROM search_docs
  WHERE kind = '${checked}' AND sort_key IS NOT NULL${after ? ' AND (sort_key, id) > (?, ?)' : ''}
  ORDER BY sort_key, id LIMIT ?
) d WHERE d.terms @@ ?::tsquery`,
    params: [...(after ?? []), budget, expression],
  };
}

/**
 * A SQL condition that ONE row's item matches the query, tested on that item's own stored words (on SQLite
 * its row of the kind's FTS5 content, by the `docid` expression; on PostgreSQL its `search_docs` row, by the
 * `id` expression); `null` when
 * the query has no searchable word. It answers as the full-text index does (every query word a prefix of
 * one of the item's words), at a key lookup per row: for checking the few rows an area walks in another
 * order (the directory's names, a page at a time), where asking the FTS5 index row by row costs a merge of
 * the query's whole doclists each time (about 1 ms a row for a common word at 250 000 associations). Never
 * use it to find matches: that is {@link searchDocIds} and {@link searchCondition}.
 *
 * @example
 * ```ts
 * const test = searchRowCondition(db, 'association', { docid: 'n.docid', id: 'n.association_id' }, 'eau');
 * if (test) await db.all(`SELECT n.association_id FROM association_search_names n WHERE ${test.sql}
 *   ORDER BY n.name_sort LIMIT 20`, test.params);
 * ```
 */
export function searchRowCondition(
  db: Pick<Db, 'dialect'>,
  kind: string,
  key: { docid: string; id: string },
  query: string | undefined,
): { sql: string; params: SqlValue[] } | null {
  const checked = checkedKind(kind);
  const terms = query ? searchTerms(query) : [];
  if (terms.length === 0) return null;
  if (db.dialect === 'postgres') {
    const expression = matchExpression(db.dialect, query ?? '');
    return {
      sql: `EXISTS (SELECT 1 FROM search_docs s WHERE s.kind = '${checked}' AND s.id = ${key.id} AND s.terms @@ ?::tsquery)`,
      params: [expression],
    };
  }
  // The stored words are the folded terms joined by single spaces (storeWords), the tokens FTS5 splits them
  // into: a word starts with a term when " term" occurs in " " + the words.
  return {
    sql: `(SELECT ${terms.map(() => "instr(' ' || c.c1, ' ' || ?) > 0").join(' AND ')} FROM ${ftsTable(checked)}_content c WHERE c.id = ${key.docid})`,
    params: [...terms],
  };
}

/**
 * The ids of `kind` that match a query, best first (then by id); `null` when the query has no searchable
 * word. Words are indexed once per item and every query word must match, so "best" means the item with the
 * fewest other words, the most specific: bm25 on SQLite, `ts_rank` normalised by length on PostgreSQL.
 *
 * @example
 * ```ts
 * await searchIds(db, 'association', 'جمعية'); // ['asso_0001', …]
 * ```
 */
export async function searchIds(db: Db, kind: string, query: string): Promise<string[] | null> {
  const checked = checkedKind(kind);
  const expression = matchExpression(db.dialect, query);
  if (!expression) return null;
  const sql =
    db.dialect === 'sqlite'
      ? `SELECT id FROM ${ftsTable(checked)} WHERE ${ftsTable(checked)} MATCH ? ORDER BY rank, id`
      : `SELECT id FROM search_docs, CAST(? AS tsquery) AS q
         WHERE kind = '${checked}' AND terms @@ q ORDER BY ts_rank(terms, q, 2) DESC, id`;
  return (await db.all<{ id: string }>(sql, [expression])).map((row) => row.id);
}
