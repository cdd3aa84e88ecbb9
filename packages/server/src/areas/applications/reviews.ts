// SQL ↔ contract objects for the reviews of applications: one review per reviewer and application.
import type { Review } from '@nassij/contract';
import type { Db } from '../../db/db.js';

/**
 * Inserts or replaces a review (one per reviewer and application); `weightedTotal` is computed by the
 * caller from the call's criteria weights.
 *
 * @example
 * ```ts
 * writeReview(db, { id: 'rev_1', applicationId, reviewer: { id: auth.id, displayName: auth.displayName },
 *   conflictOfInterest: { declared: false }, scores, weightedTotal: 72.5, submittedAt: now.toISOString() });
 * ```
 */
export async function writeReview(db: Db, review: Review): Promise<void> {
  await db.write(
    `INSERT INTO reviews (id, application_id, reviewer_id, reviewer_name, conflict_declared, statement, scores,
       weighted_total, comment, submitted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (application_id, reviewer_id) DO UPDATE SET reviewer_name = excluded.reviewer_name,
       conflict_declared = excluded.conflict_declared, statement = excluded.statement, scores = excluded.scores,
       weighted_total = excluded.weighted_total, comment = excluded.comment, submitted_at = excluded.submitted_at`,
    [
      review.id,
      review.applicationId,
      review.reviewer.id,
      review.reviewer.displayName,
      review.conflictOfInterest.declared ? 1 : 0,
      review.conflictOfInterest.statement ?? null,
      JSON.stringify(review.scores),
      review.weightedTotal ?? null,
      review.comment ?? null,
      review.submittedAt,
    ],
  );
}

interface ReviewRow {
  id: string;
  application_id: string;
  reviewer_id: string;
  reviewer_name: string;
  conflict_declared: number;
  statement: string | null;
  scores: string;
  weighted_total: number | null;
  comment: string | null;
  submitted_at: string;
}

/**
 * The reviews of an application, in the order they were submitted.
 *
 * @example
 * ```ts
 * const mine = readReviews(db, id).find((r) => r.reviewer.id === auth.id);
 * ```
 */
export async function readReviews(db: Db, applicationId: string): Promise<Review[]> {
  return (
    await db.all<ReviewRow>('SELECT * FROM reviews WHERE application_id = ? ORDER BY submitted_at, id', [
      applicationId,
    ])
  ).map((row) => ({
    id: row.id,
    applicationId: row.application_id,
    reviewer: { id: row.reviewer_id, displayName: row.reviewer_name },
    conflictOfInterest: {
      declared: row.conflict_declared === 1,
      ...(row.statement !== null ? { statement: row.statement } : {}),
    },
    scores: JSON.parse(row.scores) as Review['scores'],
    ...(row.weighted_total !== null ? { weightedTotal: row.weighted_total } : {}),
    ...(row.comment !== null ? { comment: row.comment } : {}),
    submittedAt: row.submitted_at,
  }));
}
