// Participation counters: who took part in a consultation, kept in step with its published contributions.
//
// A consultation's figures (participants, contributions, by region and by participant type) used to be
// counted from its contributions on every read: `COUNT(DISTINCT participant_key)` over a million published
// rows took 2.5 s for one consultation, and the consultation list, which shows each one's participants,
// 4–6 s. They are now two small tables written in the same transaction as every contribution that enters
// or leaves the published state:
//
// - `consultation_participants` has one row per (consultation, group, participant) with the number of
//   that participant's published contributions in the group. A group is the whole consultation
//   (`all`, value ''), one region (`region`, the region code) or one participant type (`type`). The row
//   exists only while its count is above zero, so its insertion and deletion are exactly the moments a
//   participant starts and stops counting in that group: a participant who wrote from two regions counts
//   once overall and once in each region, as `COUNT(DISTINCT …)` per group did.
// - `consultation_participation` holds, per (consultation, group), the number of such participants and of
//   published contributions: what the API shows, read in one indexed range of a few dozen rows.
//
// Maintained by the store, not by triggers, like `contribution_counts` beside it: the store is the only
// writer of moderation states, and it already runs each change in one transaction.
import type { ConsultationStats, RegionCode } from '@nassij/contract';
import type { Db, Migration } from '../../db/db.js';
import { marks } from '../../db/faceted-search.js';

/** What a contribution's participation is keyed by. */
export interface ParticipationColumns {
  consultation_id: string;
  participant_key: string;
  participant_type: string;
  region: string | null;
}

type Dimension = 'all' | 'region' | 'type';

/** The groups a contribution counts in: the whole consultation, its region if any, its participant type. */
function groupsOf(row: ParticipationColumns): [Dimension, string][] {
  const groups: [Dimension, string][] = [
    ['all', ''],
    ['type', row.participant_type],
  ];
  if (row.region) groups.push(['region', row.region]);
  return groups;
}

/**
 * The tables, filled from the contributions already published (a database that predates them). At a
 * million published contributions the fill is one grouped pass per group kind, a few seconds, once.
 */
export const participationMigration: Migration = {
  id: '043_consultation_participation',
  sql: `
CREATE TABLE consultation_participants (
  consultation_id TEXT NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
  dimension TEXT NOT NULL,
  value TEXT NOT NULL,
  participant_key TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (consultation_id, dimension, value, participant_key)
);
CREATE TABLE consultation_participation (
  consultation_id TEXT NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
  dimension TEXT NOT NULL,
  value TEXT NOT NULL,
  participants INTEGER NOT NULL,
  contributions INTEGER NOT NULL,
  PRIMARY KEY (consultation_id, dimension, value)
);
CREATE INDEX contributions_published_supported ON contributions (consultation_id, supports)
  WHERE moderation_state = 'published' AND supports > 0;
${fillSql()}`,
};

/** Fills both tables from the published contributions (the tables must be empty). */
function fillSql(): string {
  const published = "FROM contributions WHERE moderation_state = 'published'";
  return `
INSERT INTO consultation_participants (consultation_id, dimension, value, participant_key, n)
SELECT consultation_id, 'all', '', participant_key, COUNT(*) ${published}
GROUP BY consultation_id, participant_key;
INSERT INTO consultation_participants (consultation_id, dimension, value, participant_key, n)
SELECT consultation_id, 'type', participant_type, participant_key, COUNT(*) ${published}
GROUP BY consultation_id, participant_type, participant_key;
INSERT INTO consultation_participants (consultation_id, dimension, value, participant_key, n)
SELECT consultation_id, 'region', region, participant_key, COUNT(*) ${published} AND region IS NOT NULL
GROUP BY consultation_id, region, participant_key;
INSERT INTO consultation_participation (consultation_id, dimension, value, participants, contributions)
SELECT consultation_id, dimension, value, COUNT(*), SUM(n) FROM consultation_participants
GROUP BY consultation_id, dimension, value;`;
}

/**
 * Counts `row` in (`delta` 1) or out of (`delta` -1) its consultation's participation, in the caller's
 * transaction. Call it when a contribution enters or leaves the published state, never otherwise.
 *
 * @example
 * ```ts
 * if (to === 'published') await countParticipation(db, row, 1);
 * ```
 */
export async function countParticipation(db: Db, row: ParticipationColumns, delta: 1 | -1): Promise<void> {
  await db.atomic(async () => {
    for (const [dimension, value] of groupsOf(row)) {
      const key = [row.consultation_id, dimension, value, row.participant_key];
      let joined = 0;
      if (delta === 1) {
        // RETURNING tells whether this contribution is the participant's first in the group.
        const counted = await db.all<{ n: number }>(
          `INSERT INTO consultation_participants (consultation_id, dimension, value, participant_key, n)
           VALUES (?, ?, ?, ?, 1)
           ON CONFLICT (consultation_id, dimension, value, participant_key)
           DO UPDATE SET n = consultation_participants.n + 1 RETURNING n`,
          key,
        );
        if (Number(counted[0]?.n) === 1) joined = 1;
      } else {
        const counted = await db.all<{ n: number }>(
          `UPDATE consultation_participants SET n = n - 1
           WHERE consultation_id = ? AND dimension = ? AND value = ? AND participant_key = ? RETURNING n`,
          key,
        );
        if (counted.length > 0 && Number(counted[0]?.n) <= 0) {
          await db.write(
            `DELETE FROM consultation_participants
             WHERE consultation_id = ? AND dimension = ? AND value = ? AND participant_key = ?`,
            key,
          );
          joined = -1;
        }
      }
      await db.write(
        `INSERT INTO consultation_participation (consultation_id, dimension, value, participants, contributions)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (consultation_id, dimension, value) DO UPDATE SET
           participants = consultation_participation.participants + excluded.participants,
           contributions = consultation_participation.contributions + excluded.contributions`,
        [row.consultation_id, dimension, value, joined, delta],
      );
    }
  });
}

/**
 * Rebuilds both tables from the published contributions, in one transaction: after a bulk load that
 * bypassed the store (the scale seeder), or to check the counters against the contributions (tests).
 *
 * @example
 * ```ts
 * await recountParticipation(db);
 * ```
 */
export async function recountParticipation(db: Db): Promise<void> {
  await db.atomic(async () => {
    await db.write('DELETE FROM consultation_participation');
    await db.write('DELETE FROM consultation_participants');
    await db.script(fillSql());
  });
}

/** Participants and published contributions of one consultation or of one group in it. */
export interface Participation {
  participants: number;
  contributions: number;
}

/**
 * Participants and published contributions of several consultations (a page of summaries), in one read
 * of the counters.
 *
 * @example
 * ```ts
 * const figures = await participationOf(db, ['cons_0001', 'cons_0002']);
 * figures.get('cons_0001')?.participants;
 * ```
 */
export async function participationOf(db: Db, ids: readonly string[]): Promise<Map<string, Participation>> {
  if (ids.length === 0) return new Map();
  const rows = await db.all<Participation & { consultation_id: string }>(
    `SELECT consultation_id, participants, contributions FROM consultation_participation
     WHERE dimension = 'all' AND value = '' AND consultation_id IN (${marks(ids)})`,
    [...ids],
  );
  return new Map(
    rows.map((r) => [
      r.consultation_id,
      { participants: Number(r.participants), contributions: Number(r.contributions) },
    ]),
  );
}

/**
 * The figures of one consultation from the counters: participants and contributions overall, by region
 * and by participant type; recommendations from `contribution_counts`; supports summed over the
 * published contributions that have any (a partial index holds only those).
 *
 * @example
 * ```ts
 * const stats = await consultationFigures(db, 'cons_0001');
 * stats.byRegion[0]?.participants;
 * ```
 */
export async function consultationFigures(db: Db, consultationId: string): Promise<ConsultationStats> {
  const [groups, recommendations, supports] = await Promise.all([
    db.all<{ dimension: Dimension; value: string; participants: number; contributions: number }>(
      `SELECT dimension, value, participants, contributions FROM consultation_participation
       WHERE consultation_id = ? AND contributions > 0 ORDER BY dimension, value`,
      [consultationId],
    ),
    db.one<{ n: number }>(
      `SELECT COALESCE(SUM(n), 0) AS n FROM contribution_counts
       WHERE consultation_id = ? AND moderation_state = 'published' AND kind = 'recommendation'`,
      [consultationId],
    ),
    db.one<{ n: number }>(
      `SELECT COALESCE(SUM(supports), 0) AS n FROM contributions
       WHERE consultation_id = ? AND moderation_state = 'published' AND supports > 0`,
      [consultationId],
    ),
  ]);
  const figures = (dimension: Dimension) =>
    groups
      .filter((g) => g.dimension === dimension)
      .map((g) => ({
        value: g.value,
        participants: Number(g.participants),
        contributions: Number(g.contributions),
      }));
  const all = figures('all')[0] ?? { participants: 0, contributions: 0 };
  return {
    participants: all.participants,
    contributions: all.contributions,
    recommendations: Number(recommendations?.n ?? 0),
    supports: Number(supports?.n ?? 0),
    byRegion: figures('region').map(({ value, ...rest }) => ({ region: value as RegionCode, ...rest })),
    byParticipantType: figures('type').map(({ value, ...rest }) => ({
      type: value as 'citizen' | 'association',
      ...rest,
    })),
  };
}
