// The SQL of the open data area's own reads. It owns no table: it reads the awards and the associations'
// register numbers that other areas write.
import type { Award } from '@nassij/contract';
import type { Db } from '../../db/db.js';
import { type Keyset, keysetClause, orderByClause } from '../../http/cursor.js';
import { awardsFromRows } from '../applications/awards.js';

/** Where a page of awards stops: the last award read, oldest decision first. */
export interface AwardPosition {
  decidedAt: string;
  id: string;
}

/**
 * The 360Giving package's order: oldest decision first, then id, served by `awards_by_decided
 * (decided_at, id)` (a read index of the indicators area, which this area's `prepare` also creates).
 */
const OLDEST_DECISION: Keyset = { name: 'decided', keys: [{ expr: 'decided_at' }, { expr: 'id' }] };

/**
 * One page of awards after `after`, oldest decision first, with the national register numbers of their
 * associations (read in one query). `last` is the position of the page's last award, `undefined` once no
 * award follows.
 *
 * @example
 * ```ts
 * const { awards, registrationNumbers, last } = await readAwardPage(db, undefined, 500);
 * const next = await readAwardPage(db, last, 500);
 * ```
 */
export async function readAwardPage(
  db: Db,
  after: AwardPosition | undefined,
  limit: number,
): Promise<{ awards: Award[]; registrationNumbers: Map<string, string>; last: AwardPosition | undefined }> {
  const keyset = keysetClause(OLDEST_DECISION, after && [after.decidedAt, after.id]);
  const rows = await db.all<{ id: string; decided_at: string; association_id: string }>(
    `SELECT * FROM awards WHERE ${keyset.sql} ${orderByClause(OLDEST_DECISION)} LIMIT ?`,
    [...keyset.params, limit],
  );
  if (rows.length === 0) return { awards: [], registrationNumbers: new Map(), last: undefined };
  const ids = [...new Set(rows.map((row) => row.association_id))];
  const registrationNumbers = new Map(
    (
      await db.all<{ id: string; registration_number: string }>(
        `SELECT id, registration_number FROM associations WHERE id IN (${ids.map(() => '?').join(', ')})`,
        ids,
      )
    ).map((row) => [row.id, row.registration_number]),
  );
  const tail = rows.at(-1);
  return {
    awards: awardsFromRows(rows),
    registrationNumbers,
    last: tail ? { decidedAt: tail.decided_at, id: tail.id } : undefined,
  };
}
