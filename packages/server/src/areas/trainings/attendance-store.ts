// The SQL of the attendance sheet (./attendance.ts holds the handlers and the rules): the seat holders of a
// session, their marks day by day and their certificates, each read for the whole session by a join on its
// registrations, never an `IN` list of thousands of ids.
import type { Db } from '../../db/db.js';
import { marks as sqlMarks } from '../../db/faceted-search.js';
import { tableExists } from '../../db/tables.js';
import { SEAT_STATUSES } from './authoring-store.js';
import { REGISTRATION_COLUMNS, type RegistrationRow } from './store.js';

/** The registrations `r` of a session that hold a seat (the lines of its sheet); params `[sessionId, ...SEAT_STATUSES]`. */
const SEAT_HOLDER = `r.session_id = ? AND r.status IN (${sqlMarks(SEAT_STATUSES)})`;

/**
 * The registrations holding a seat of a session, in registration order (`training_registrations_by_session
 * (session_id, status, seq)`): at most its capacity.
 *
 * @example
 * ```ts
 * const holders = await seatHolders(db, 'ses_0002');
 * ```
 */
export async function seatHolders(db: Db, sessionId: string): Promise<RegistrationRow[]> {
  return await db.all<RegistrationRow>(
    `SELECT ${REGISTRATION_COLUMNS} FROM training_registrations r WHERE ${SEAT_HOLDER} ORDER BY r.seq`,
    [sessionId, ...SEAT_STATUSES],
  );
}

/** Each registration's marks by day: `true` present, `false` absent; a day not marked is absent here. */
export type MarksByRegistration = Map<string, Map<string, boolean>>;

function byRegistration(
  rows: readonly { registration_id: string; day: string; present: number | boolean }[],
): MarksByRegistration {
  const marks: MarksByRegistration = new Map();
  for (const row of rows) {
    const days = marks.get(row.registration_id) ?? new Map<string, boolean>();
    days.set(row.day, Number(row.present) === 1);
    marks.set(row.registration_id, days);
  }
  return marks;
}

/**
 * The marks of every seat holder of a session, read by a join on its registrations.
 *
 * @example
 * ```ts
 * const marked = await sessionMarks(db, 'ses_0002');
 * marked.get(registrationId)?.get('2027-01-12'); // true
 * ```
 */
export async function sessionMarks(db: Db, sessionId: string): Promise<MarksByRegistration> {
  return byRegistration(
    await db.all<{ registration_id: string; day: string; present: number | boolean }>(
      `SELECT a.registration_id, a.day, a.present
         FROM training_registrations r JOIN training_attendance a ON a.registration_id = r.id
        WHERE ${SEAT_HOLDER}`,
      [sessionId, ...SEAT_STATUSES],
    ),
  );
}

/**
 * The marks of some registrations, those a request just marked (at most the 1 000 marks a request takes).
 *
 * @example
 * ```ts
 * const marked = await marksOf(db, ['reg_x']);
 * ```
 */
export async function marksOf(db: Db, ids: readonly string[]): Promise<MarksByRegistration> {
  if (ids.length === 0) return new Map();
  return byRegistration(
    await db.all<{ registration_id: string; day: string; present: number | boolean }>(
      `SELECT registration_id, day, present FROM training_attendance WHERE registration_id IN (${sqlMarks(ids)})`,
      [...ids],
    ),
  );
}

/**
 * The certificate issued for each seat holder of a session, by registration id. Read outside a
 * transaction: a server without the credentials area has no `certificates` table, and asking PostgreSQL
 * for a missing table would abort a transaction.
 *
 * @example
 * ```ts
 * const certificates = await sessionCertificates(db, 'ses_0002');
 * certificates.get(registrationId); // 'cert_x'
 * ```
 */
export async function sessionCertificates(db: Db, sessionId: string): Promise<Map<string, string>> {
  if (!(await tableExists(db, 'certificates'))) return new Map();
  const rows = await db.all<{ registration_id: string; id: string }>(
    `SELECT c.registration_id, c.id
       FROM training_registrations r JOIN certificates c ON c.registration_id = r.id
      WHERE ${SEAT_HOLDER}`,
    [sessionId, ...SEAT_STATUSES],
  );
  return new Map(rows.map((row) => [row.registration_id, row.id]));
}

/**
 * Saves one mark, replacing the same day's mark of the same registration.
 *
 * @example
 * ```ts
 * await saveMark(db, { registrationId, day: '2027-01-12', present: true }, { at, by: 'acc_x' });
 * ```
 */
export async function saveMark(
  db: Db,
  mark: { registrationId: string; day: string; present: boolean },
  marked: { at: string; by: string | null },
): Promise<void> {
  await db.write(
    `INSERT INTO training_attendance (registration_id, day, present, marked_at, marked_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (registration_id, day) DO UPDATE SET present = excluded.present,
       marked_at = excluded.marked_at, marked_by = excluded.marked_by`,
    [mark.registrationId, mark.day, mark.present ? 1 : 0, marked.at, marked.by],
  );
}
