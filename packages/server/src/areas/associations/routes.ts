import {
  type Association,
  type Facets,
  getAssociation,
  type MyAssociation,
  myAssociations,
  searchAssociations,
} from '@nassij/contract';
import type { Db, SqlValue } from '../../db/db.js';
import type { ApiApp } from '../../http/app.js';
import { decodeCursor, encodeCursor } from '../../http/cursor.js';
import { problem } from '../../http/problem.js';
import { searchCondition } from '../../search/search.js';
import { ASSOCIATION_KIND, associationStats, readAssociation, toSummary } from './store.js';

interface Condition {
  sql: string;
  params: SqlValue[];
}

function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

function whereOf(conditions: readonly Condition[]): { sql: string; params: SqlValue[] } {
  if (conditions.length === 0) return { sql: '', params: [] };
  return {
    sql: `WHERE ${conditions.map((c) => `(${c.sql})`).join(' AND ')}`,
    params: conditions.flatMap((c) => c.params),
  };
}

function facet(db: Db, sql: string, conditions: readonly Condition[]): Facets[string] {
  const where = whereOf(conditions);
  return db
    .query<{ value: string; count: number }>(sql.replace('$WHERE', where.sql), where.params)
    .map((row) => ({ value: String(row.value), count: Number(row.count) }));
}

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
  app.bind(searchAssociations, ({ db, query }) => {
    // Each filter is kept by name so a facet can apply every filter except its own.
    const filters: Record<'q' | 'region' | 'domain' | 'legalForm' | 'publicUtility', Condition | null> = {
      q: searchCondition(ASSOCIATION_KIND, 'a.id', query.q),
      region: query.region?.length
        ? { sql: `a.region IN (${placeholders(query.region)})`, params: [...query.region] }
        : null,
      domain: query.domain?.length
        ? {
            sql: `a.id IN (SELECT association_id FROM association_domains WHERE domain IN (${placeholders(query.domain)}))`,
            params: [...query.domain],
          }
        : null,
      legalForm: query.legalForm?.length
        ? { sql: `a.legal_form IN (${placeholders(query.legalForm)})`, params: [...query.legalForm] }
        : null,
      publicUtility:
        query.publicUtility === undefined
          ? null
          : { sql: 'a.public_utility = ?', params: [query.publicUtility ? 1 : 0] },
    };
    const all = Object.values(filters).filter((c): c is Condition => c !== null);
    const except = (name: keyof typeof filters) =>
      Object.entries(filters)
        .filter(([key, c]) => key !== name && c !== null)
        .map(([, c]) => c as Condition);

    const offset = query.cursor ? Number(decodeCursor(query.cursor, ['offset']).offset) : 0;
    if (!Number.isInteger(offset) || offset < 0) throw problem('validation_failed', 'Bad cursor');
    const where = whereOf(all);
    const total = Number(
      db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM associations a ${where.sql}`, where.params)?.n ?? 0,
    );
    const rows = db.query<{ data: string }>(
      `SELECT a.data FROM associations a ${where.sql} ORDER BY a.name_sort, a.id LIMIT ? OFFSET ?`,
      [...where.params, query.limit, offset],
    );
    const facets: Facets = {
      region: facet(
        db,
        'SELECT a.region AS value, COUNT(*) AS count FROM associations a $WHERE GROUP BY a.region ORDER BY a.region',
        except('region'),
      ),
      domain: facet(
        db,
        `SELECT d.domain AS value, COUNT(*) AS count FROM association_domains d
           JOIN associations a ON a.id = d.association_id $WHERE GROUP BY d.domain ORDER BY count DESC, d.domain`,
        except('domain'),
      ),
      legalForm: facet(
        db,
        'SELECT a.legal_form AS value, COUNT(*) AS count FROM associations a $WHERE GROUP BY a.legal_form ORDER BY count DESC, a.legal_form',
        except('legalForm'),
      ),
    };
    const next = offset + rows.length;
    return {
      body: {
        items: rows.map((row) => toSummary(JSON.parse(row.data) as Association)),
        nextCursor: next < total && rows.length > 0 ? encodeCursor({ offset: next }) : null,
        total,
        facets,
      },
    };
  });

  app.bind(getAssociation, ({ db, params }) => {
    const association = readAssociation(db, params.associationId);
    if (!association) throw problem('not_found', 'No such association');
    return { body: { ...association, stats: associationStats(db, association.id) } };
  });

  app.bind(myAssociations, ({ db, auth }) => {
    const items: MyAssociation[] = [];
    for (const membership of auth?.memberships ?? []) {
      const association = readAssociation(db, membership.associationId);
      if (association) items.push({ association: toSummary(association), role: membership.role });
    }
    return { body: { items } };
  });
}
