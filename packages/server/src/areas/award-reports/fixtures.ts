// Test set-up for the reports after an award: the demo calls ask for a progress and a final report only, the
// demo has no treasurer, and the demo association's awards come from organisations without demo staff, so
// the tests add what they need.
import {
  casablancaDate,
  type Membership,
  type ReportKind,
  type ReportRequirement,
  type Role,
} from '@nassij/contract';
import type { Db } from '../../db/db.js';
import { createAccount } from '../../seed/demo.js';

const DAY = 86_400_000;

/**
 * Adds a report to what a call asks of its awards (due 90 days after `now`), straight in its stored JSON:
 * the reports routes read the call afresh on every request. Does nothing when the call asks for it already.
 *
 * @example
 * ```ts
 * await addReportRequirement(server.db, F.calls.awarded, 'financial', 'financial', new Date());
 * ```
 */
export async function addReportRequirement(
  db: Db,
  callId: string,
  requirementId: string,
  kind: ReportKind,
  now: Date,
): Promise<void> {
  const row = await db.one<{ data: string }>('SELECT data FROM calls WHERE id = ?', [callId]);
  if (!row) throw new Error(`No call ${callId}`);
  const call = JSON.parse(row.data) as { reports?: ReportRequirement[] };
  if (call.reports?.some((r) => r.id === requirementId)) return;
  const requirement: ReportRequirement = {
    id: requirementId,
    kind,
    label: { ar: 'تقرير', fr: `Rapport ${requirementId}`, en: `Report ${requirementId}` },
    dueOn: casablancaDate(new Date(now.getTime() + 90 * DAY)),
  };
  await db.write('UPDATE calls SET data = ? WHERE id = ?', [
    JSON.stringify({ ...call, reports: [...(call.reports ?? []), requirement] }),
    callId,
  ]);
}

/** An account {@link createTestAccount} made: sign in with `email` and `password`. */
export interface TestAccount {
  id: string;
  email: string;
  password: string;
}

/**
 * Creates an account for a test: a treasurer (membership `treasurer` and role `association_treasurer`, as
 * the members area makes them on accepting an invitation), or staff of an organisation the demo has no
 * account in.
 *
 * @example
 * ```ts
 * const treasurer = await createTestAccount(server.db, 'reports_treasurer', {
 *   roles: ['citizen', 'association_member', 'association_treasurer'],
 *   memberships: [{ associationId: F.associations.represented, role: 'treasurer' }],
 * }, new Date());
 * const token = await signInAs(server.url, treasurer.email, treasurer.password);
 * ```
 *
 * @param name Unique per account: it makes the id and the e-mail address.
 */
export async function createTestAccount(
  db: Db,
  name: string,
  account: { roles: Role[]; memberships?: Membership[]; organisationId?: string },
  now: Date,
): Promise<TestAccount> {
  const made = {
    id: `acc_test_${name}`,
    email: `${name.replace(/_/g, '-')}@test.nassij.ma`,
    password: `${name}-password-2026`,
  };
  await createAccount(
    db,
    { ...made, displayName: name, memberships: [], ...account, roles: [...account.roles] },
    now,
  );
  return made;
}

/**
 * The award of an application, its call and the organisation that runs it, by the application's id (the seed's fixtures name applications,
 * not awards).
 *
 * @example
 * ```ts
 * const { awardId, callId, organisationId } = await awardOfApplication(server.db, F.applications.awardedOfRepresented);
 * ```
 */
export async function awardOfApplication(
  db: Db,
  applicationId: string,
): Promise<{ awardId: string; callId: string; organisationId: string }> {
  const row = await db.one<{ id: string; call_id: string; organisation_id: string }>(
    `SELECT a.id, a.call_id, c.organisation_id FROM awards a JOIN calls c ON c.id = a.call_id
     WHERE a.application_id = ?`,
    [applicationId],
  );
  if (!row) throw new Error(`No award of ${applicationId}`);
  return { awardId: row.id, callId: row.call_id, organisationId: row.organisation_id };
}
