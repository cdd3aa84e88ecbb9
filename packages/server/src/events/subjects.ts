// Who an event is about: the organisation whose endpoints receive it (and the events whose subject takes a
// query to find). Calls name their organisation in
// `funder.organisationId`; calls imported before organisations existed name only a sector, whose
// organisation id is derived from it.
import type { Funder } from '@nassij/contract';
import { organisationIdOf } from '../areas/organisations/organisation.js';
import type { Db } from '../db/db.js';
import { recordEvent } from './log.js';

/**
 * The organisation that runs a call, from its funder.
 *
 * @example
 * ```ts
 * callOrganisationId(call.funder); // 'org_relations-parliament'
 * ```
 */
export function callOrganisationId(funder: Pick<Funder, 'organisationId' | 'sectorCode'>): string {
  return funder.organisationId ?? organisationIdOf(funder.sectorCode);
}

/**
 * Records `registration.confirmed` for a registration that just got its seat (at once, or from the
 * waitlist), naming the organisation of the course's provider; ids only, never the participant. Call it in
 * the transaction that confirmed it.
 *
 * @example
 * ```ts
 * await recordRegistrationConfirmed(db, { id, sessionId, courseId, associationId }, at, false);
 * ```
 */
export async function recordRegistrationConfirmed(
  db: Db,
  registration: { id: string; sessionId: string; courseId: string; associationId: string },
  confirmedAt: string,
  promoted: boolean,
): Promise<void> {
  const course = await db.one<{ provider_sector: string }>(
    'SELECT provider_sector FROM courses WHERE id = ?',
    [registration.courseId],
  );
  await recordEvent(db, 'registration.confirmed', {
    registrationId: registration.id,
    sessionId: registration.sessionId,
    courseId: registration.courseId,
    associationId: registration.associationId,
    ...(course ? { organisationId: organisationIdOf(course.provider_sector) } : {}),
    promoted,
    confirmedAt,
  });
}
