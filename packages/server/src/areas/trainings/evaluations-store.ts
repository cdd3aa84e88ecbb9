// The SQL of a session's evaluations: the summary over the evaluation columns of its registrations
// (migration 060) and the keyset pages of its comments. Nothing read here names a participant.
import type { SessionEvaluations } from '@nassij/contract';
import type { Db } from '../../db/db.js';
import { type Keyset, type KeyValue, keysetClause, keysetPage, orderByClause } from '../../http/cursor.js';

/**
 * Comments oldest first; registration order (`seq`) breaks ties between comments of the same instant. Served
 * by `training_registrations_comments (session_id, evaluated_at, seq) WHERE evaluation_comment IS NOT NULL`.
 */
export const COMMENTS_OLDEST: Keyset = {
  name: 'oldest',
  keys: [{ expr: 'r.evaluated_at' }, { expr: 'r.seq' }],
};

/** How many evaluations gave each rating, and the count and sum of all of them. */
export interface EvaluationSummary {
  count: number;
  sum: number;
  distribution: SessionEvaluations['distribution'];
}

/**
 * The evaluations of a session summed up in SQL: how many gave each rating, from the evaluated registrations
 * only (`training_registrations_ratings`), never the waitlist nor the cancellations.
 *
 * @example
 * ```ts
 * const { count, sum, distribution } = await evaluationSummary(db, 'ses_0002');
 * distribution['5']; // 3
 * ```
 */
export async function evaluationSummary(db: Db, sessionId: string): Promise<EvaluationSummary> {
  const distribution: SessionEvaluations['distribution'] = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  let count = 0;
  let sum = 0;
  for (const row of await db.all<{ rating: number | string; n: number | string }>(
    `SELECT evaluation_rating AS rating, COUNT(*) AS n FROM training_registrations
      WHERE session_id = ? AND evaluation_rating IS NOT NULL GROUP BY evaluation_rating`,
    [sessionId],
  )) {
    const rating = Number(row.rating);
    const n = Number(row.n);
    const key = String(rating) as keyof SessionEvaluations['distribution'];
    // The contract takes ratings 1 to 5 only; a row outside them would be a bug of the writer, not counted.
    if (!Object.hasOwn(distribution, key)) continue;
    distribution[key] += n;
    count += n;
    sum += rating * n;
  }
  return { count, sum, distribution };
}

/**
 * One keyset page of a session's comments, oldest first, each with its rating and date only: `limit + 1`
 * rows of `training_registrations_comments`, whatever the number of registrations.
 *
 * @example
 * ```ts
 * const page = await commentPage(db, 'ses_0002', { limit: 20, after: undefined });
 * page.items[0]?.comment; // 'تكوين مفيد جدا'
 * ```
 */
export async function commentPage(
  db: Db,
  sessionId: string,
  page: { limit: number; after: KeyValue[] | undefined },
): Promise<{ items: SessionEvaluations['comments']; nextCursor: string | null }> {
  const keyset = keysetClause(COMMENTS_OLDEST, page.after);
  const rows = await db.all<{
    rating: number | string;
    comment: string;
    evaluated_at: string;
    seq: number | string;
  }>(
    `SELECT r.evaluation_rating AS rating, r.evaluation_comment AS comment, r.evaluated_at, r.seq
       FROM training_registrations r
      WHERE r.session_id = ? AND r.evaluation_comment IS NOT NULL AND (${keyset.sql})
      ${orderByClause(COMMENTS_OLDEST)} LIMIT ?`,
    [sessionId, ...keyset.params, page.limit + 1],
  );
  const { items, nextCursor } = keysetPage(rows, page.limit, COMMENTS_OLDEST.name, (row) => [
    row.evaluated_at,
    Number(row.seq),
  ]);
  return {
    items: items.map((row) => ({
      rating: Number(row.rating),
      comment: row.comment,
      submittedAt: row.evaluated_at,
    })),
    nextCursor,
  };
}
