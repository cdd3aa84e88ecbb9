// What participants said of a session, for the staff who run it: the count, the average, the distribution
// of ratings and the comments, a page at a time. Evaluations are candid: nothing here names a participant,
// an account or a registration. The SQL is in ./evaluations-store.ts.
import type { getSessionEvaluations, SessionEvaluations } from '@nassij/contract';
import type { Db } from '../../db/db.js';
import type { HandlerInput } from '../../http/app.js';
import { type KeyValue, readKeysetCursor } from '../../http/cursor.js';
import { staffSession } from './authoring.js';
import { COMMENTS_OLDEST, commentPage, evaluationSummary } from './evaluations-store.js';

/**
 * The evaluations of a session summed up: `averageRating` rounded to one decimal (absent when nobody
 * evaluated) and each rating counted, over every evaluation; and one page of the comments with their rating
 * and date, oldest first. Two statements over the session's evaluated registrations only, whatever the
 * size of its waitlist.
 *
 * @example
 * ```ts
 * const summary = await sessionEvaluations(db, 'ses_0002', { limit: 20, after: undefined });
 * summary.distribution['5']; // 3
 * ```
 */
export async function sessionEvaluations(
  db: Db,
  sessionId: string,
  page: { limit: number; after: KeyValue[] | undefined },
): Promise<SessionEvaluations> {
  const { count, sum, distribution } = await evaluationSummary(db, sessionId);
  const comments = await commentPage(db, sessionId, page);
  return {
    sessionId,
    count,
    ...(count > 0 ? { averageRating: Math.round((sum / count) * 10) / 10 } : {}),
    distribution,
    comments: comments.items,
    nextCursor: comments.nextCursor,
  };
}

/**
 * `sessions.evaluations`: a session's evaluations, for the staff of the organisation providing its course
 * (`runsTrainingsOf`) and platform admins; 404 for an unknown session, 403 for anyone else.
 *
 * @example
 * ```ts
 * app.bind(getSessionEvaluations, getSessionEvaluationsHandler);
 * ```
 */
export async function getSessionEvaluationsHandler({
  db,
  params,
  query,
  auth,
}: HandlerInput<typeof getSessionEvaluations>) {
  const after = readKeysetCursor(query.cursor, COMMENTS_OLDEST.name, COMMENTS_OLDEST.keys.length);
  const { row } = await staffSession(db, auth, params.sessionId);
  return { body: await sessionEvaluations(db, row.id, { limit: query.limit, after }) };
}
