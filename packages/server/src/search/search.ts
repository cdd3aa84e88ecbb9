// The one module that knows how full-text search is stored. On SQLite it is an FTS5 table; a PostgreSQL
// adapter would keep the same functions over a tsvector column. Text is folded by the contract's
// `searchTerms` on both sides (indexed text and query), so the engine's own tokenizer only splits words.
import { LOCALES, type LocalizedText, searchTerms } from '@nassij/contract';
import type { Db, Migration, SqlValue } from '../db/db.js';

/** Creates the search index. Runs with the core migrations, before any area indexes anything. */
export const searchMigration: Migration = {
  id: '005_search',
  sql: `CREATE VIRTUAL TABLE search_index USING fts5(kind UNINDEXED, id UNINDEXED, terms, tokenize = 'unicode61 remove_diacritics 0');`,
};

/** Something whose words are indexed: plain text or a text in several languages. */
export type Searchable = string | LocalizedText | null | undefined;

function wordsOf(value: Searchable): string[] {
  if (!value) return [];
  if (typeof value === 'string') return searchTerms(value);
  return LOCALES.flatMap((locale) => searchTerms(value[locale] ?? ''));
}

/**
 * Indexes (or re-indexes) one item of a kind (`call`, `association`, `course`, `consultation`) with every
 * text a person may search it by, in every language it has.
 *
 * @example
 * ```ts
 * indexForSearch(db, 'call', call.id, [call.title, call.summary, call.reference]);
 * ```
 */
export function indexForSearch(db: Db, kind: string, id: string, texts: readonly Searchable[]): void {
  const terms = [...new Set(texts.flatMap(wordsOf))].join(' ');
  db.transaction(() => {
    db.run('DELETE FROM search_index WHERE kind = ? AND id = ?', [kind, id]);
    db.run('INSERT INTO search_index (kind, id, terms) VALUES (?, ?, ?)', [kind, id, terms]);
  });
}

/** Removes one item from the index. */
export function removeFromSearch(db: Db, kind: string, id: string): void {
  db.run('DELETE FROM search_index WHERE kind = ? AND id = ?', [kind, id]);
}

function matchExpression(query: string): string | null {
  const terms = searchTerms(query);
  if (terms.length === 0) return null;
  // Every word must match, each as a prefix ("جمعي" finds "جمعيه", "etud" finds "etudiant").
  return terms.map((term) => `"${term.replaceAll('"', '""')}"*`).join(' AND ');
}

/**
 * A SQL condition that keeps the rows of `kind` whose id column matches the query, to AND into an
 * area's WHERE clause; `null` when the query has no searchable word (then do not filter).
 *
 * @example
 * ```ts
 * const match = searchCondition('call', 'c.id', query.q);
 * const where = match ? `WHERE ${match.sql}` : '';
 * db.query(`SELECT … FROM calls c ${where}`, match?.params ?? []);
 * ```
 */
export function searchCondition(
  kind: string,
  idColumn: string,
  query: string | undefined,
): { sql: string; params: SqlValue[] } | null {
  const expression = query ? matchExpression(query) : null;
  if (!expression) return null;
  return {
    sql: `${idColumn} IN (SELECT id FROM search_index WHERE kind = ? AND terms MATCH ?)`,
    params: [kind, expression],
  };
}

/**
 * The ids of `kind` that match a query, best first; `null` when the query has no searchable word.
 *
 * @example
 * ```ts
 * searchIds(db, 'association', 'جمعية'); // ['asso_0001', …]
 * ```
 */
export function searchIds(db: Db, kind: string, query: string): string[] | null {
  const expression = matchExpression(query);
  if (!expression) return null;
  return db
    .query<{ id: string }>('SELECT id FROM search_index WHERE kind = ? AND terms MATCH ? ORDER BY rank', [
      kind,
      expression,
    ])
    .map((row) => row.id);
}
