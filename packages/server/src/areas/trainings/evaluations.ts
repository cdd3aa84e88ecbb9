// What participants said of a session, for the staff who run it: the count, the average, the distribution
// of ratings and the comments. Evaluations are candid: nothing here names a participant, an account or a
// registration.
import type { getSessionEvaluations, Registration, SessionEvaluations } from '@nassij/contract';
import type { Db } from '../../db/db.js';
import type { HandlerInput } from '../../http/app.js';
import { staffSession } from './authoring.js';

/**
 * The evaluations of a session's registrations, summed up: `averageRating` rounded to one decimal (absent
 * when nobody evaluated), each rating counted, and the comments with their rating and date, oldest first.
 * One statement: a session holds at most a few thousand registrations.
 *
 * @example
 * ```ts
 * const summary = await sessionEvaluations(db, 'ses_0002');
 * summary.distribution['5']; // 3
 * ```
 */
export async function sessionEvaluations(db: Db, sessionId: string): Promise<SessionEvaluations> {
  const distribution: SessionEvaluations['distribution'] = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  const comments: SessionEvaluations['comments'] = [];
  let count = 0;
  let sum = 0;
  for (const row of await db.all<{ data: string }>(
    'SELECT data FROM training_registrations WHERE session_id = ? ORDER BY seq',
    [sessionId],
  )) {
    const evaluation = (JSON.parse(row.data) as Pick<Registration, 'evaluation'>).evaluation;
    if (!evaluation) continue;
    count++;
    sum += evaluation.rating;
    const key = String(evaluation.rating) as keyof SessionEvaluations['distribution'];
    distribution[key] += 1;
    if (evaluation.comment)
      comments.push({
        rating: evaluation.rating,
        comment: evaluation.comment,
        submittedAt: evaluation.submittedAt,
      });
  }
  // Oldest first; registration order breaks ties, so the list does not hint at who wrote what otherwise.
  comments.sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0));
  return {
    sessionId,
    count,
    ...(count > 0 ? { averageRating: Math.round((sum / count) * 10) / 10 } : {}),
    distribution,
    comments,
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
  auth,
}: HandlerInput<typeof getSessionEvaluations>) {
  const { row } = await staffSession(db, auth, params.sessionId);
  return { body: await sessionEvaluations(db, row.id) };
}
