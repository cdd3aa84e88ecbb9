// The registration life cycle in SQL beyond the rows themselves (./store.ts): duplicates, seats and the
// waitlist, the promotion note, stored data, and the page of an association's registrations.
import type { Registration } from '@nassij/contract';
import type { Db } from '../../db/db.js';
import { allOf, inList } from '../../db/faceted-search.js';
import {
  type Keyset,
  type KeyValue,
  keysetClause,
  keysetPage,
  orderByClause,
  readKeysetCursor,
} from '../../http/cursor.js';
import {
  evaluationColumns,
  REGISTRATION_COLUMNS,
  type RegistrationData,
  type RegistrationRow,
  toRegistrations,
} from './store.js';

/**
 * The id of the account's live registration (anything but cancelled) to a session, or `undefined`: a
 * person registers once a session, whichever association sends them.
 *
 * @example
 * ```ts
 * if (await liveRegistrationId(db, 'ses_0002', 'acc_0002')) throw problem('already_registered');
 * ```
 */
export async function liveRegistrationId(
  db: Db,
  sessionId: string,
  participantAccountId: string,
): Promise<string | undefined> {
  const row = await db.one<{ id: string }>(
    `SELECT id FROM training_registrations WHERE session_id = ? AND participant_account_id = ?
       AND status NOT IN ('cancelled')`,
    [sessionId, participantAccountId],
  );
  return row?.id;
}

/**
 * Takes a seat of a session, or a place on its waitlist when none is left: `confirmed` or `waitlisted`.
 * Taking a seat is a conditional decrement, so two concurrent requests never both get the last seat.
 *
 * @example
 * ```ts
 * const status = await takeSeatOrWait(db, 'ses_0002'); // 'confirmed'
 * ```
 */
export async function takeSeatOrWait(db: Db, sessionId: string): Promise<'confirmed' | 'waitlisted'> {
  const took = (
    await db.write(
      'UPDATE training_sessions SET seats_left = seats_left - 1 WHERE id = ? AND seats_left > 0',
      [sessionId],
    )
  ).changes;
  if (took === 1) return 'confirmed';
  await db.write('UPDATE training_sessions SET waitlist_count = waitlist_count + 1 WHERE id = ?', [
    sessionId,
  ]);
  return 'waitlisted';
}

/**
 * Shortens a session's waitlist by one (never below zero).
 *
 * @example
 * ```ts
 * await leaveWaitlist(db, 'ses_0002');
 * ```
 */
export async function leaveWaitlist(db: Db, sessionId: string): Promise<void> {
  await db.write(
    'UPDATE training_sessions SET waitlist_count = waitlist_count - 1 WHERE id = ? AND waitlist_count > 0',
    [sessionId],
  );
}

/**
 * Gives a seat back to a session (never above its capacity).
 *
 * @example
 * ```ts
 * await freeSeat(db, 'ses_0002');
 * ```
 */
export async function freeSeat(db: Db, sessionId: string): Promise<void> {
  await db.write(
    'UPDATE training_sessions SET seats_left = seats_left + 1 WHERE id = ? AND seats_left < capacity',
    [sessionId],
  );
}

/**
 * The first in a session's waitlist (the lowest `seq`), or `undefined` when nobody waits.
 *
 * @example
 * ```ts
 * const next = await firstWaitlisted(db, 'ses_0002');
 * ```
 */
export async function firstWaitlisted(db: Db, sessionId: string): Promise<RegistrationRow | undefined> {
  return await db.one<RegistrationRow>(
    `SELECT ${REGISTRATION_COLUMNS} FROM training_registrations
       WHERE session_id = ? AND status = 'waitlisted' ORDER BY seq LIMIT 1`,
    [sessionId],
  );
}

/**
 * Notes on the cancelled registration's last history entry which waitlisted one took its seat (the
 * promoted registration's history says it too).
 *
 * @example
 * ```ts
 * await addPromotionNote(db, 'reg_00726', 'reg_00731');
 * ```
 */
export async function addPromotionNote(db: Db, cancelledId: string, promotedId: string): Promise<void> {
  await db.write(
    `UPDATE training_registration_history SET reason = COALESCE(reason || ' — ', '') || ?
       WHERE registration_id = ? AND position = (SELECT MAX(position) FROM training_registration_history WHERE registration_id = ?)`,
    [`seat given to ${promotedId}`, cancelledId, cancelledId],
  );
}

/**
 * Replaces the stored `data` of a registration (attendance, evaluation, credential), status unchanged,
 * with the evaluation columns that follow it (`evaluationColumns`).
 *
 * @example
 * ```ts
 * await writeRegistrationData(db, row.id, { ...registrationData(row), evaluation });
 * ```
 */
export async function writeRegistrationData(db: Db, id: string, data: RegistrationData): Promise<void> {
  await db.write(
    `UPDATE training_registrations SET data = ?, evaluation_rating = ?, evaluated_at = ?, evaluation_comment = ?
      WHERE id = ?`,
    [JSON.stringify(data), ...evaluationColumns(data), id],
  );
}

/**
 * Registrations newest first; `seq` is unique and grows with creation, so it breaks ties. Served by
 * `training_registrations_by_association_keys (association_id, created_at, seq)` read backwards, or by
 * `training_registrations_by_participant` for one person's own registrations.
 */
const REGISTRATIONS_NEWEST: Keyset = {
  name: 'newest',
  keys: [
    { expr: 'r.created_at', desc: true },
    { expr: 'r.seq', desc: true },
  ],
};

/**
 * The position a registration list's cursor holds, or `undefined` for the first page; a damaged cursor is
 * a 422, to be read before anything else is checked.
 *
 * @example
 * ```ts
 * const after = readRegistrationCursor(query.cursor);
 * ```
 */
export function readRegistrationCursor(cursor: string | undefined): KeyValue[] | undefined {
  return readKeysetCursor(cursor, REGISTRATIONS_NEWEST.name, REGISTRATIONS_NEWEST.keys.length);
}

/**
 * One keyset page of the registrations of some associations, newest first, narrowed by session and
 * status, with the exact total: three statements whatever the page size (total, page, histories), and a
 * fourth for the waitlist positions when the page holds waitlisted registrations.
 *
 * @example
 * ```ts
 * const page = await listRegistrationPage(db, {
 *   associationIds: ['asso_0001'],
 *   status: ['confirmed'],
 *   limit: 20,
 *   after: readRegistrationCursor(query.cursor),
 * });
 * ```
 */
export async function listRegistrationPage(
  db: Db,
  filter: {
    /** The associations whose registrations are listed; ignored when `participantAccountId` is given. */
    associationIds: readonly string[];
    /** Lists the registrations naming this account as participant instead, whatever the association. */
    participantAccountId?: string | undefined;
    sessionId?: string | undefined;
    status?: readonly string[] | undefined;
    limit: number;
    after: KeyValue[] | undefined;
  },
): Promise<{ items: Registration[]; nextCursor: string | null; total: number }> {
  if (!filter.participantAccountId && filter.associationIds.length === 0)
    return { items: [], nextCursor: null, total: 0 };
  const conditions = [
    filter.participantAccountId
      ? { sql: 'r.participant_account_id = ?', params: [filter.participantAccountId] }
      : inList('r.association_id', filter.associationIds),
    filter.sessionId ? { sql: 'r.session_id = ?', params: [filter.sessionId] } : undefined,
    inList('r.status', filter.status),
  ].filter((condition) => condition !== undefined);
  const where = allOf(conditions);
  const total = Number(
    (
      await db.one<{ n: number }>(
        `SELECT COUNT(*) AS n FROM training_registrations r WHERE ${where.sql}`,
        where.params,
      )
    )?.n,
  );
  const keyset = keysetClause(REGISTRATIONS_NEWEST, filter.after);
  const fetched = await db.all<RegistrationRow>(
    `SELECT ${REGISTRATION_COLUMNS} FROM training_registrations r
       WHERE ${where.sql} AND (${keyset.sql}) ${orderByClause(REGISTRATIONS_NEWEST)} LIMIT ?`,
    [...where.params, ...keyset.params, filter.limit + 1],
  );
  const page = keysetPage(fetched, filter.limit, REGISTRATIONS_NEWEST.name, (row) => [
    row.created_at,
    Number(row.seq),
  ]);
  return { items: await toRegistrations(db, page.items), nextCursor: page.nextCursor, total };
}
