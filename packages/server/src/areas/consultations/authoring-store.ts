// The SQL of consultation authoring (authoring.ts holds the handlers and their rules): new versions of a
// published text and their articles, the early close, and the organisation's list of its consultations.
// The drafts in `consultation_drafts` are read and written by `db/drafts.ts`, shared with calls.

import type { Db } from '../../db/db.js';
import { inList, marks } from '../../db/faceted-search.js';
import { type Keyset, keysetClause, keysetPage, orderByClause, readKeysetCursor } from '../../http/cursor.js';

/**
 * Contributions (pending or published; hidden ones do not hold an article back) per article of `ids`, from
 * the counters; articles without any are left out.
 *
 * @example
 * ```ts
 * const held = await contributionsOnArticles(db, 'cons_test_a', ['art-3']); // Map { 'art-3' => 4 }
 * ```
 */
export async function contributionsOnArticles(
  db: Db,
  consultationId: string,
  ids: readonly string[],
): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.all<{ article_id: string; n: number | bigint }>(
    `SELECT article_id, SUM(n) AS n FROM contribution_counts
     WHERE consultation_id = ? AND moderation_state <> 'hidden' AND article_id IN (${marks(ids)})
     GROUP BY article_id`,
    [consultationId, ...ids],
  );
  return new Map(rows.filter((row) => Number(row.n) > 0).map((row) => [row.article_id, Number(row.n)]));
}

/**
 * How many versions of its text a consultation has.
 *
 * @example
 * ```ts
 * const position = await countConsultationVersions(db, 'cons_test_a');
 * ```
 */
export async function countConsultationVersions(db: Db, consultationId: string): Promise<number> {
  const row = await db.one<{ n: number | bigint }>(
    'SELECT COUNT(*) AS n FROM consultation_versions WHERE consultation_id = ?',
    [consultationId],
  );
  return Number(row?.n ?? 0);
}

/**
 * Writes a new version of a consultation's text and makes it current: the version, each article it holds
 * (a kept article records it as its latest), and the consultation's row. Call it in a transaction.
 *
 * @example
 * ```ts
 * await db.atomic(() => writeConsultationVersion(db, { consultationId, versionId: 'v2', position: 1, at,
 *   version: JSON.stringify(version), articleIds: ['art-1'], consultation: JSON.stringify(stored) }));
 * ```
 */
export async function writeConsultationVersion(
  db: Db,
  version: {
    consultationId: string;
    versionId: string;
    position: number;
    at: string;
    version: string;
    articleIds: Iterable<string>;
    consultation: string;
  },
): Promise<void> {
  const { consultationId, versionId } = version;
  await db.write(
    'INSERT INTO consultation_versions (consultation_id, id, position, published_at, data) VALUES (?, ?, ?, ?, ?)',
    [consultationId, versionId, version.position, version.at, version.version],
  );
  for (const id of version.articleIds)
    await db.write(
      `INSERT INTO consultation_articles (consultation_id, id, first_version_id, last_version_id) VALUES (?, ?, ?, ?)
       ON CONFLICT (consultation_id, id) DO UPDATE SET last_version_id = excluded.last_version_id`,
      [consultationId, id, versionId, versionId],
    );
  await db.write('UPDATE consultations SET current_version_id = ?, data = ? WHERE id = ?', [
    versionId,
    version.consultation,
    consultationId,
  ]);
}

/**
 * Writes an early close: the `closed` phase, its dates, the public reason (`closure`) and the data.
 *
 * @example
 * ```ts
 * await writeConsultationClosure(db, 'cons_test_a', { openAt, closedAt: at, informationAt: null,
 *   closure: JSON.stringify({ at, reason }), data: JSON.stringify(stored) });
 * ```
 */
export async function writeConsultationClosure(
  db: Db,
  consultationId: string,
  closure: {
    openAt: string | null;
    closedAt: string;
    informationAt: string | null;
    closure: string;
    data: string;
  },
): Promise<void> {
  await db.write(
    `UPDATE consultations SET phase = 'closed', phase_rank = 3, contributions_open_at = ?, contributions_close_at = ?,
       information_at = ?, closure = ?, data = ? WHERE id = ?`,
    [closure.openAt, closure.closedAt, closure.informationAt, closure.closure, closure.data, consultationId],
  );
}

/** A consultation of an organisation's list: a draft (published or not), or one published without one. */
export interface ManagedRow {
  id: string;
  state: 'draft' | 'published';
  updated_at: string;
  fields: string | null;
  data: string | null;
  synthesis: string | null;
}

/** The keyset of an organisation's consultations: most recently changed first. */
const MANAGED_ORDER: Keyset = {
  name: 'managed',
  keys: [
    { expr: 'm.updated_at', desc: true },
    { expr: 'm.id', desc: true },
  ],
};
// The same order over each branch's own columns, so that each branch is cut by its own index before the
// union: drafts by `consultation_drafts_by_organisation (organisation_id, updated_at, id)`, consultations
// published without a draft by `consultations_by_sector_created (issuing_sector, created_at, id)`, both
// read backwards. The name is the same: a cursor holds the last row's values, whichever branch it came from.
const DRAFTS_ORDER: Keyset = {
  name: MANAGED_ORDER.name,
  keys: [
    { expr: 'd.updated_at', desc: true },
    { expr: 'd.id', desc: true },
  ],
};
const UNDRAFTED_ORDER: Keyset = {
  name: MANAGED_ORDER.name,
  keys: [
    { expr: 'c.created_at', desc: true },
    { expr: 'c.id', desc: true },
  ],
};

/**
 * One page of an organisation's consultations, drafts included, most recently changed first: its drafts
 * (`consultation_drafts`), and the consultations of its sector published without a draft (the demo seed),
 * by their creation. Each branch is ordered and cut to `limit + 1` rows by its own index before the union,
 * so a page reads at most twice that many rows, never the whole organisation's list.
 *
 * @example
 * ```ts
 * const page = await managedConsultationPage(db, { organisationId: 'org_test_a', sectorCode: 'test', limit: 20 });
 * ```
 */
export async function managedConsultationPage(
  db: Db,
  list: {
    organisationId: string;
    sectorCode: string;
    state?: readonly ('draft' | 'published')[] | undefined;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<{ items: ManagedRow[]; nextCursor: string | null }> {
  const after = readKeysetCursor(list.cursor, MANAGED_ORDER.name, MANAGED_ORDER.keys.length);
  const draftState = inList('d.state', list.state);
  // A consultation published without a draft is always in the state `published`.
  const undrafted = !list.state?.length || list.state.includes('published');
  const drafts = keysetClause(DRAFTS_ORDER, after);
  const published = keysetClause(UNDRAFTED_ORDER, after);
  const rows = await db.all<ManagedRow>(
    `SELECT m.id, m.state, m.updated_at, m.fields, m.data, m.synthesis FROM (
       SELECT * FROM (
         SELECT d.id, d.state, d.updated_at, d.fields, c.data, c.synthesis
         FROM consultation_drafts d LEFT JOIN consultations c ON c.id = d.id
         WHERE d.organisation_id = ? AND ${draftState ? draftState.sql : '1 = 1'} AND (${drafts.sql})
         ${orderByClause(DRAFTS_ORDER)} LIMIT ?
       ) drafts
       UNION ALL
       SELECT * FROM (
         SELECT c.id, 'published' AS state, c.created_at AS updated_at, NULL AS fields, c.data, c.synthesis
         FROM consultations c
         WHERE c.issuing_sector = ? AND ${undrafted ? '1 = 1' : '1 = 0'} AND (${published.sql})
           AND NOT EXISTS (SELECT 1 FROM consultation_drafts d WHERE d.id = c.id)
         ${orderByClause(UNDRAFTED_ORDER)} LIMIT ?
       ) undrafted
     ) m ${orderByClause(MANAGED_ORDER)} LIMIT ?`,
    [
      list.organisationId,
      ...(draftState?.params ?? []),
      ...drafts.params,
      list.limit + 1,
      list.sectorCode,
      ...published.params,
      list.limit + 1,
      list.limit + 1,
    ],
  );
  return keysetPage(rows, list.limit, MANAGED_ORDER.name, (row) => [row.updated_at, row.id]);
}

/**
 * Contributions by moderation state of each consultation of `ids` (from the counters).
 *
 * @example
 * ```ts
 * const counts = await contributionsByState(db, ['cons_test_a']); // Map { 'cons_test_a' => { pending: 1, published: 4, hidden: 0 } }
 * ```
 */
export async function contributionsByState(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { pending: number; published: number; hidden: number }>> {
  const counts = new Map<string, { pending: number; published: number; hidden: number }>();
  if (ids.length === 0) return counts;
  const rows = await db.all<{ consultation_id: string; moderation_state: string; n: number | bigint }>(
    `SELECT consultation_id, moderation_state, SUM(n) AS n FROM contribution_counts
     WHERE consultation_id IN (${marks(ids)}) GROUP BY consultation_id, moderation_state`,
    ids,
  );
  for (const row of rows) {
    const entry = counts.get(row.consultation_id) ?? { pending: 0, published: 0, hidden: 0 };
    if (
      row.moderation_state === 'pending' ||
      row.moderation_state === 'published' ||
      row.moderation_state === 'hidden'
    )
      entry[row.moderation_state] += Number(row.n);
    counts.set(row.consultation_id, entry);
  }
  return counts;
}

/**
 * How many versions of its text each consultation of `ids` has.
 *
 * @example
 * ```ts
 * const versions = await versionCounts(db, ['cons_test_a']); // Map { 'cons_test_a' => 2 }
 * ```
 */
export async function versionCounts(db: Db, ids: readonly string[]): Promise<Map<string, number>> {
  const versions = new Map<string, number>();
  if (ids.length === 0) return versions;
  const rows = await db.all<{ consultation_id: string; n: number | bigint }>(
    `SELECT consultation_id, COUNT(*) AS n FROM consultation_versions WHERE consultation_id IN (${marks(ids)})
     GROUP BY consultation_id`,
    ids,
  );
  for (const row of rows) versions.set(row.consultation_id, Number(row.n));
  return versions;
}
