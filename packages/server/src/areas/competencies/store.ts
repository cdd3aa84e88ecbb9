// Competencies acquired through completed trainings, read from the trainings tables (and the certificates of
// the credentials area): per association for the public, per person for themself.
import {
  COMPETENCIES,
  type CompetencyAcquisition,
  type CompetencyRecord,
  type Course,
} from '@nassij/contract';
import type { Db, SqlValue } from '../../db/db.js';
import { tableExists } from '../../db/tables.js';

/** One (completed registration, competency of its course) pair, as the queries below read it. */
export interface AcquisitionRow {
  course_id: string;
  session_id: string;
  end_at: string;
  code: string;
  level: number;
  course: string;
  certificate_id?: string | null;
}

/**
 * Groups acquisitions (read most recent first) by competency, in the framework's order: the highest level
 * reached, and one acquisition per session and competency (per certificate on a person's own record).
 *
 * @example
 * ```ts
 * const records = toRecords(rows, false);
 * records[0]?.highestLevel; // 2
 * ```
 */
export function toRecords(rows: readonly AcquisitionRow[], withCertificates: boolean): CompetencyRecord[] {
  const byCode = new Map<string, CompetencyRecord>();
  const seen = new Set<string>();
  const titles = new Map<string, Course['title']>();
  for (const row of rows) {
    // Several participants of one association in one session acquired it once, for the association.
    const key = `${row.code}|${row.session_id}|${withCertificates ? (row.certificate_id ?? '') : ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let title = titles.get(row.course_id);
    if (!title) {
      title = (JSON.parse(row.course) as Course).title;
      titles.set(row.course_id, title);
    }
    const level = Number(row.level) as 1 | 2 | 3;
    const acquisition: CompetencyAcquisition = {
      courseId: row.course_id,
      courseTitle: title,
      sessionId: row.session_id,
      level,
      completedOn: row.end_at,
      ...(withCertificates && row.certificate_id ? { certificateId: row.certificate_id } : {}),
    };
    const record = byCode.get(row.code);
    if (record) {
      record.acquisitions.push(acquisition);
      if (level > record.highestLevel) record.highestLevel = level;
      continue;
    }
    const name = COMPETENCIES.find((c) => c.code === row.code)?.name;
    byCode.set(row.code, {
      code: row.code,
      ...(name ? { name } : {}),
      highestLevel: level,
      acquisitions: [acquisition],
    });
  }
  // The framework's order, so that two readers see the same list.
  const order = (code: string) => {
    const index = COMPETENCIES.findIndex((c) => c.code === code);
    return index === -1 ? COMPETENCIES.length : index;
  };
  return [...byCode.values()].sort((a, b) => order(a.code) - order(b.code) || a.code.localeCompare(b.code));
}

const ACQUISITIONS = `SELECT r.course_id, r.session_id, t.end_at, cc.code, cc.level, c.data AS course
  FROM training_registrations r
  JOIN training_sessions t ON t.id = r.session_id
  JOIN course_competencies cc ON cc.course_id = r.course_id
  JOIN courses c ON c.id = r.course_id`;

/**
 * The competencies of an association from its completed registrations; `undefined` when there is no such
 * association. Names no person.
 *
 * @example
 * ```ts
 * const records = await associationCompetencyRecords(db, 'asso_0001');
 * ```
 */
export async function associationCompetencyRecords(
  db: Db,
  associationId: string,
): Promise<CompetencyRecord[] | undefined> {
  const association = await db.one('SELECT id FROM associations WHERE id = ?', [associationId]);
  if (!association) return undefined;
  if (!(await tableExists(db, 'training_registrations'))) return [];
  const rows = await db.all<AcquisitionRow>(
    `${ACQUISITIONS}
     WHERE r.association_id = ? AND r.status = 'completed'
     ORDER BY t.end_at DESC, r.session_id, cc.code`,
    [associationId],
  );
  return toRecords(rows, false);
}

/**
 * The competencies of a person from their completed registrations, each with its certificate when issued.
 *
 * @example
 * ```ts
 * const records = await personCompetencyRecords(db, 'acc_0002');
 * ```
 */
export async function personCompetencyRecords(db: Db, accountId: string): Promise<CompetencyRecord[]> {
  if (!(await tableExists(db, 'training_registrations'))) return [];
  const hasCertificates = await tableExists(db, 'certificates');
  const params: SqlValue[] = [accountId];
  const rows = await db.all<AcquisitionRow>(
    `SELECT q.*, ${hasCertificates ? 'ce.id' : 'NULL'} AS certificate_id FROM (
       ${ACQUISITIONS.replace('SELECT r.course_id', 'SELECT r.id AS registration_id, r.course_id')}
       WHERE r.participant_account_id = ? AND r.status = 'completed'
     ) q
     ${hasCertificates ? 'LEFT JOIN certificates ce ON ce.registration_id = q.registration_id' : ''}
     ORDER BY q.end_at DESC, q.session_id, q.code`,
    params,
  );
  return toRecords(rows, true);
}
