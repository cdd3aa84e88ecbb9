import { associationCompetencies, myCompetencies } from '@nassij/contract';
import type { ApiApp, Handler } from '../../http/app.js';
import { problem } from '../../http/problem.js';
import { associationCompetencyRecords, personCompetencyRecords } from './store.js';

/**
 * `GET /v1/associations/{associationId}/competencies`: public, names no person. Bounded without paging: one
 * record per competency of the framework (`COMPETENCIES`), each acquisition once per session.
 */
export const associationCompetenciesHandler: Handler<typeof associationCompetencies> = async ({
  db,
  params,
}) => {
  const competencies = await associationCompetencyRecords(db, params.associationId);
  if (!competencies) throw problem('not_found', 'No such association');
  return { body: { associationId: params.associationId, competencies } };
};

/** `GET /v1/me/competencies`: the signed-in person's own competencies, with their certificates. */
export const myCompetenciesHandler: Handler<typeof myCompetencies> = async ({ db, auth }) => {
  if (!auth) throw problem('unauthenticated');
  return {
    body: { competencies: await personCompetencyRecords(db, auth.id) },
    headers: { 'cache-control': 'private, no-store' },
  };
};

/**
 * Binds the competency routes: an association's (public, no person named) and the signed-in person's own.
 *
 * @example
 * ```ts
 * registerCompetencyRoutes(app);
 * ```
 */
export function registerCompetencyRoutes(app: ApiApp): void {
  app.bind(associationCompetencies, associationCompetenciesHandler);
  app.bind(myCompetencies, myCompetenciesHandler);
}
