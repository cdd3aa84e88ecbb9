import { associationCompetencies, myCompetencies } from '@nassij/contract';
import type { ApiApp } from '../../http/app.js';
import { problem } from '../../http/problem.js';
import { associationCompetencyRecords, personCompetencyRecords } from './store.js';

/**
 * Binds the competency routes: an association's (public, no person named) and the signed-in person's own.
 *
 * @example
 * ```ts
 * registerCompetencyRoutes(app);
 * ```
 */
export function registerCompetencyRoutes(app: ApiApp): void {
  app.bind(associationCompetencies, async ({ db, params }) => {
    const competencies = await associationCompetencyRecords(db, params.associationId);
    if (!competencies) throw problem('not_found', 'No such association');
    return { body: { associationId: params.associationId, competencies } };
  });
  app.bind(myCompetencies, async ({ db, auth }) => {
    if (!auth) throw problem('unauthenticated');
    return {
      body: { competencies: await personCompetencyRecords(db, auth.id) },
      headers: { 'cache-control': 'private, no-store' },
    };
  });
}
