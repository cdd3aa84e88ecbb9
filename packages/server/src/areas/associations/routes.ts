import { getAssociation, type MyAssociation, myAssociations, searchAssociations } from '@nassij/contract';
import type { ApiApp, Handler } from '../../http/app.js';
import { problem } from '../../http/problem.js';
import { publicAssociation, readAssociations, searchDirectory, toSummary } from './store.js';

/**
 * `GET /v1/associations`: one page of the public directory with its total and facets, in one statement
 * (see {@link searchDirectory}).
 *
 * @example
 * ```ts
 * app.bind(searchAssociations, searchAssociationsHandler);
 * ```
 */
export const searchAssociationsHandler: Handler<typeof searchAssociations> = async ({ db, query }) => ({
  body: await searchDirectory(db, query),
});

/**
 * `GET /v1/associations/{associationId}`: the public record with its stats; 404 for an unknown id.
 *
 * @example
 * ```ts
 * app.bind(getAssociation, getAssociationHandler);
 * ```
 */
export const getAssociationHandler: Handler<typeof getAssociation> = async ({ db, params }) => {
  const association = await publicAssociation(db, params.associationId);
  if (!association) throw problem('not_found', 'No such association');
  return { body: association };
};

/**
 * `GET /v1/me/associations`: the signed-in account's associations, in the order of its memberships, each
 * with the role it holds there; read in one query.
 *
 * @example
 * ```ts
 * app.bind(myAssociations, myAssociationsHandler);
 * ```
 */
export const myAssociationsHandler: Handler<typeof myAssociations> = async ({ db, auth }) => {
  const memberships = auth?.memberships ?? [];
  const byId = await readAssociations(
    db,
    memberships.map((membership) => membership.associationId),
  );
  const items: MyAssociation[] = [];
  for (const membership of memberships) {
    const association = byId.get(membership.associationId);
    if (association) items.push({ association: toSummary(association), role: membership.role });
  }
  return { body: { items } };
};

/**
 * Binds the association routes: the public directory search, one public record with its stats, and the
 * signed-in account's own associations.
 *
 * @example
 * ```ts
 * registerAssociationRoutes(app);
 * ```
 */
export function registerAssociationRoutes(app: ApiApp): void {
  app.bind(searchAssociations, searchAssociationsHandler);
  app.bind(getAssociation, getAssociationHandler);
  app.bind(myAssociations, myAssociationsHandler);
}
