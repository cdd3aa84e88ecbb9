// The SQL of synthesis authoring (synthesis.ts holds the handlers and their rules): the draft in
// `synthesis_drafts`, the candidates it answers (published top-level recommendations and amendments), their
// counts per article, the participants told of the publication, and the publication itself.

import type { Position } from '@nassij/contract';
import type { Db } from '../../db/db.js';
import { marks } from '../../db/faceted-search.js';
import { type Keyset, type KeyValue, keysetClause, keysetPage, orderByClause } from '../../http/cursor.js';

/** A row of `synthesis_drafts`. */
export interface SynthesisDraftRow {
  revision: number;
  updated_at: string;
  published_at: string | null;
  data: string;
}

/**
 * The saved draft of a consultation's synthesis, if any.
 *
 * @example
 * ```ts
 * const row = await readSynthesisDraftRow(db, 'cons_test_a');
 * ```
 */
export async function readSynthesisDraftRow(
  db: Db,
  consultationId: string,
): Promise<SynthesisDraftRow | undefined> {
  return await db.one<SynthesisDraftRow>(
    'SELECT revision, updated_at, published_at, data FROM synthesis_drafts WHERE consultation_id = ?',
    [consultationId],
  );
}

/**
 * Writes the first revision of a draft; `changes` is 0 when another save wrote it first.
 *
 * @example
 * ```ts
 * const { changes } = await insertSynthesisDraft(db, 'cons_test_a', { at, by: 'acc_test_a', data });
 * ```
 */
export async function insertSynthesisDraft(
  db: Db,
  consultationId: string,
  save: { at: string; by: string | null; data: string },
): Promise<{ changes: number }> {
  return await db.write(
    `INSERT INTO synthesis_drafts (consultation_id, revision, updated_at, updated_by, data)
     VALUES (?, 1, ?, ?, ?) ON CONFLICT (consultation_id) DO NOTHING`,
    [consultationId, save.at, save.by, save.data],
  );
}

/**
 * Writes the next revision over `revision` only; `changes` is 0 when another save moved it on meanwhile.
 *
 * @example
 * ```ts
 * const { changes } = await updateSynthesisDraftRow(db, 'cons_test_a', 3, { at, by: 'acc_test_a', data });
 * ```
 */
export async function updateSynthesisDraftRow(
  db: Db,
  consultationId: string,
  revision: number,
  save: { at: string; by: string | null; data: string },
): Promise<{ changes: number }> {
  return await db.write(
    `UPDATE synthesis_drafts SET revision = revision + 1, updated_at = ?, updated_by = ?, data = ?
      WHERE consultation_id = ? AND revision = ?`,
    [save.at, save.by, save.data, consultationId, revision],
  );
}

/**
 * Marks the draft as published at `at`.
 *
 * @example
 * ```ts
 * await markSynthesisDraftPublished(db, 'cons_test_a', '2026-05-01T09:00:00.000Z');
 * ```
 */
export async function markSynthesisDraftPublished(db: Db, consultationId: string, at: string): Promise<void> {
  await db.write('UPDATE synthesis_drafts SET published_at = ? WHERE consultation_id = ?', [
    at,
    consultationId,
  ]);
}

/** A candidate as the synthesis reads it. */
export interface CandidateRow {
  id: string;
  seq: number;
  article_id: string | null;
  kind: 'recommendation' | 'amendment';
  body: string;
  proposed_text: string | null;
  position: Position | null;
  supports: number;
  author: string;
  created_at: string;
  version_id: string | null;
}

// The candidates are the published, top-level recommendations and amendments: every query below keeps
// `consultation_id = ? AND moderation_state = 'published' AND parent_id IS NULL`, the prefix and the
// condition of the partial indexes `contributions_supported` and `contributions_article_supported`.
const CANDIDATE = `consultation_id = ? AND moderation_state = 'published' AND parent_id IS NULL
        AND kind IN ('recommendation', 'amendment')`;
const CANDIDATE_COLUMNS =
  'id, seq, article_id, kind, body, proposed_text, position, supports, author, created_at, version_id';

/**
 * The order of the candidates: most supported first, then newest, `seq` last (unique). All keys descend, so
 * the indexes `contributions_supported` (every candidate) and `contributions_article_supported` (one
 * article's) serve it read backwards, with no sort.
 */
export const CANDIDATE_ORDER: Keyset = {
  name: 'supported',
  keys: [
    { expr: 'supports', desc: true },
    { expr: 'created_at', desc: true },
    { expr: 'seq', desc: true },
  ],
};

/** Which candidates a page holds: one article's, those on the whole text, or every one. */
export type CandidateFilter = { articleId: string } | { wholeText: true } | Record<string, never>;

function filterSql(filter: CandidateFilter): { sql: string; params: string[] } {
  if ('articleId' in filter) return { sql: 'article_id = ?', params: [filter.articleId] };
  if ('wholeText' in filter) return { sql: 'article_id IS NULL', params: [] };
  return { sql: '1 = 1', params: [] };
}

/**
 * One page of candidates after the position `after` (from `readKeysetCursor`), in {@link CANDIDATE_ORDER},
 * with the cursor of the next page.
 *
 * @example
 * ```ts
 * const after = readKeysetCursor(query.cursor, CANDIDATE_ORDER.name, CANDIDATE_ORDER.keys.length);
 * const page = await candidatePage(db, 'cons_test_a', { articleId: 'art-3' }, after, 20);
 * ```
 */
export async function candidatePage(
  db: Db,
  consultationId: string,
  filter: CandidateFilter,
  after: readonly KeyValue[] | undefined,
  limit: number,
): Promise<{ items: CandidateRow[]; nextCursor: string | null }> {
  const where = filterSql(filter);
  const position = keysetClause(CANDIDATE_ORDER, after);
  const rows = await db.all<CandidateRow>(
    `SELECT ${CANDIDATE_COLUMNS} FROM contributions
      WHERE ${CANDIDATE} AND ${where.sql} AND (${position.sql})
      ${orderByClause(CANDIDATE_ORDER)} LIMIT ?`,
    [consultationId, ...where.params, ...position.params, limit + 1],
  );
  return keysetPage(rows, limit, CANDIDATE_ORDER.name, (row) => [
    Number(row.supports),
    row.created_at,
    Number(row.seq),
  ]);
}

/**
 * How many candidates each article has (`null`: the whole text), from the counters `contribution_counts`
 * keeps: a few rows per article, whatever the number of contributions.
 *
 * @example
 * ```ts
 * const counts = await candidateCounts(db, 'cons_test_a'); // Map { 'art-3' => 412, null => 1 }
 * ```
 */
export async function candidateCounts(db: Db, consultationId: string): Promise<Map<string | null, number>> {
  const rows = await db.all<{ article_id: string; n: number | bigint }>(
    `SELECT article_id, SUM(n) AS n FROM contribution_counts
      WHERE consultation_id = ? AND moderation_state = 'published' AND top_level = 1
        AND kind IN ('recommendation', 'amendment')
      GROUP BY article_id`,
    [consultationId],
  );
  const counts = new Map<string | null, number>();
  // The counters write `''` for no article.
  for (const row of rows) if (Number(row.n) > 0) counts.set(row.article_id || null, Number(row.n));
  return counts;
}

/**
 * The ids of every candidate, in {@link CANDIDATE_ORDER}: what a draft's problems are checked against. Ids
 * only, never the bodies, so that a save reads a few bytes per contribution.
 *
 * @example
 * ```ts
 * const ids = await candidateIds(db, 'cons_test_a');
 * ```
 */
export async function candidateIds(db: Db, consultationId: string): Promise<string[]> {
  const rows = await db.all<{ id: string }>(
    `SELECT id FROM contributions WHERE ${CANDIDATE} ${orderByClause(CANDIDATE_ORDER)}`,
    [consultationId],
  );
  return rows.map((row) => row.id);
}

/**
 * Every candidate with its words, in {@link CANDIDATE_ORDER}: read once, when the synthesis is published,
 * to quote each in the public synthesis.
 *
 * @example
 * ```ts
 * const candidates = await allCandidateRows(db, 'cons_test_a');
 * ```
 */
export async function allCandidateRows(db: Db, consultationId: string): Promise<CandidateRow[]> {
  return await db.all<CandidateRow>(
    `SELECT ${CANDIDATE_COLUMNS} FROM contributions WHERE ${CANDIDATE} ${orderByClause(CANDIDATE_ORDER)}`,
    [consultationId],
  );
}

/** How many ids one `IN (…)` takes: well under SQLite's and PostgreSQL's limits on parameters. */
const IDS_PER_QUERY = 500;

/**
 * Which of `ids` are candidates of the consultation (a draft's decisions must name candidates).
 *
 * @example
 * ```ts
 * const known = await candidatesAmong(db, 'cons_test_a', ['ctb_test_a', 'ctb_test_b']);
 * ```
 */
export async function candidatesAmong(
  db: Db,
  consultationId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
    const chunk = ids.slice(start, start + IDS_PER_QUERY);
    const rows = await db.all<{ id: string }>(
      `SELECT id FROM contributions WHERE ${CANDIDATE} AND id IN (${marks(chunk)})`,
      [consultationId, ...chunk],
    );
    for (const row of rows) found.add(row.id);
  }
  return found;
}

/**
 * The ids of the consultation's articles, in any version (an article since removed may be summed up too).
 *
 * @example
 * ```ts
 * const articleIds = await consultationArticleIds(db, 'cons_test_a');
 * ```
 */
export async function consultationArticleIds(db: Db, consultationId: string): Promise<Set<string>> {
  const rows = await db.all<{ id: string }>(
    'SELECT id FROM consultation_articles WHERE consultation_id = ?',
    [consultationId],
  );
  return new Set(rows.map((row) => row.id));
}

/**
 * Whether the consultation has a published synthesis (the column the public synthesis is read from).
 *
 * @example
 * ```ts
 * if (await isSynthesisPublished(db, 'cons_test_a')) throw problem('invalid_state', 'Already published');
 * ```
 */
export async function isSynthesisPublished(db: Db, consultationId: string): Promise<boolean> {
  const row = await db.one<{ synthesis: string | null }>('SELECT synthesis FROM consultations WHERE id = ?', [
    consultationId,
  ]);
  return Boolean(row?.synthesis);
}

/**
 * Writes the published synthesis and the consultation's new phase, unless a synthesis is already there;
 * `changes` is 0 then.
 *
 * @example
 * ```ts
 * const { changes } = await writePublishedSynthesis(db, 'cons_test_a', JSON.stringify(synthesis), JSON.stringify(stored));
 * ```
 */
export async function writePublishedSynthesis(
  db: Db,
  consultationId: string,
  synthesis: string,
  data: string,
): Promise<{ changes: number }> {
  return await db.write(
    `UPDATE consultations SET synthesis = ?, phase = 'synthesis_published', phase_rank = 4, data = ?
      WHERE id = ? AND synthesis IS NULL`,
    [synthesis, data, consultationId],
  );
}

/** An account told that the synthesis is published. */
export interface SynthesisRecipient {
  id: string;
  email: string;
  display_name: string;
  locale: string | null;
}

/**
 * Each account that contributed to the consultation (whatever became of the contribution), once, not
 * erased, with a verified address.
 *
 * @example
 * ```ts
 * const recipients = await synthesisRecipients(db, 'cons_test_a');
 * ```
 */
export async function synthesisRecipients(db: Db, consultationId: string): Promise<SynthesisRecipient[]> {
  return await db.all<SynthesisRecipient>(
    `SELECT a.id, a.email, a.display_name, a.locale FROM accounts a
      WHERE a.id IN (SELECT account_id FROM contributions WHERE consultation_id = ? AND account_id IS NOT NULL)
        AND a.erased_at IS NULL AND a.email_verified_at IS NOT NULL
      ORDER BY a.id`,
    [consultationId],
  );
}
