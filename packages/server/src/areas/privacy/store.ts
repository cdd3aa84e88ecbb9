import type {
  ApplicationInvolvement,
  ApplicationStatus,
  Certificate,
  Contribution,
  ContributionAuthor,
  ErasureReport,
  PersonalDataApplication,
  PersonalDataExport,
  Registration,
  RetainedDocuments,
} from '@nassij/contract';
import { type AccountRecord, readAccount, revokeAccountTokens, toInstant } from '../../auth/tokens.js';
import { audit, auditInvolving } from '../../db/audit.js';
import type { Db } from '../../db/db.js';
import { tableExists } from '../../db/tables.js';
import { problem } from '../../http/problem.js';
import { deleteUnreferencedFilesSoon, unreferencedFiles } from '../applications/files.js';
import { applicationEnd, retainedUntil, retentionFor } from '../applications/retention.js';
import { deleteAttachment, readAttachments, saveApplication } from '../applications/store.js';
import { associationName } from '../associations/store.js';
import { toAuditLogEntry } from '../audit-log/index.js';
import { type ContributionRow, toContribution } from '../consultations/store.js';
import { type CertificateRow, toCertificate } from '../credentials/certificates.js';
import { eraseSubscriptionsOf } from '../subscriptions/store.js';
import { type RegistrationRow, toRegistrations } from '../trainings/store.js';
import {
  detachVaultDocuments,
  eraseCalendarToken,
  eraseClaims,
  eraseInvitations,
  eraseMail,
  eraseOneTimeTokens,
  eraseSignInFailures,
  exportAwardReports,
  exportCalendarToken,
  exportClaims,
  exportDisbursements,
  exportInvitations,
  exportMail,
  exportOneTimeTokens,
  exportSubscriptions,
  exportVaultDocuments,
  recordTables,
  removeMailFiles,
} from './records.js';

/** The name an erased account shows from then on (in the admin's export, and to no one else). */
export const ERASED_DISPLAY_NAME = 'Compte effacé';
/** The author shown on the contributions of an erased account that spoke for itself. */
export const ANONYMOUS_AUTHOR = 'Anonyme';
/** The participant named on registrations of an erased person. */
export const ERASED_PARTICIPANT = 'Participant effacé';

/**
 * The e-mail an erased account keeps: unique (the column is), unroutable (`.invalid` is reserved), and
 * derived from nothing but the account id.
 *
 * @example
 * ```ts
 * tombstoneEmail('acc_0002'); // 'erased.acc_0002@erased.invalid'
 * ```
 */
export function tombstoneEmail(accountId: string): string {
  return `erased.${accountId}@erased.invalid`;
}

async function accountRecord(db: Db, accountId: string): Promise<AccountRecord> {
  const record = await readAccount(db, accountId, { erasure: true });
  if (!record) throw problem('not_found', `No account ${accountId}`);
  return record;
}

/** Which areas' tables a server has (areas may be left out). Asked outside any transaction. */
async function installedTables(db: Db) {
  return {
    contributions: await tableExists(db, 'contributions'),
    registrations: await tableExists(db, 'training_registrations'),
    certificates: await tableExists(db, 'certificates'),
    applications: await tableExists(db, 'applications'),
    ...(await recordTables(db)),
  };
}

/**
 * A LIKE pattern that matches every text containing `value` on SQLite and PostgreSQL alike: LIKE is
 * case-insensitive for ASCII on SQLite and case-sensitive on PostgreSQL, and `_` / `%` are wildcards, so
 * the pattern keeps only lowercase ASCII letters, digits, `@`, `.` and `-` (compared with `lower(…)` of the
 * column) and puts `%` for anything else. It narrows a scan; the caller still checks each row exactly.
 *
 * @example
 * ```ts
 * containsPattern('Amina_B@Example.ma'); // '%amina%b@example.ma%'
 * ```
 */
export function containsPattern(value: string): string {
  return `%${value.toLowerCase().replace(/[^a-z0-9@.-]+/g, '%')}%`;
}

/** Submitted applications whose `submittedBy` is the account, with their data. */
async function submittedByRows(db: Db, accountId: string): Promise<{ id: string; data: string }[]> {
  // Narrowed by text (the id is in the JSON), then checked in the parsed JSON: portable, and an admin action.
  return (
    await db.all<{ id: string; data: string }>(
      'SELECT id, data FROM applications WHERE submitted_at IS NOT NULL AND lower(data) LIKE ?',
      [containsPattern(accountId)],
    )
  ).filter(
    (row) => (JSON.parse(row.data) as { submittedBy?: { id?: string } }).submittedBy?.id === accountId,
  );
}

async function contributionRows(db: Db, accountId: string): Promise<ContributionRow[]> {
  return await db.all<ContributionRow>(
    'SELECT * FROM contributions WHERE account_id = ? ORDER BY created_at, id',
    [accountId],
  );
}

/**
 * Registrations naming the person as participant: by their account (`participant_account_id`), or, for
 * those made before registrations named accounts, by the e-mail typed then, case aside. That e-mail lives
 * in the registration's JSON only, so this also scans the registrations whose text contains it (lowercased
 * on both sides, see {@link containsPattern}) and compares the parsed e-mail exactly: a full scan,
 * acceptable for an admin's access or erasure request, never on a public path.
 */
async function registrationRows(db: Db, accountId: string, email: string): Promise<RegistrationRow[]> {
  const wanted = email.toLowerCase();
  return (
    await db.all<RegistrationRow & { participant_account_id: string | null }>(
      `SELECT id, session_id, course_id, association_id, status, seq, created_at, data, participant_account_id
         FROM training_registrations
        WHERE participant_account_id = ? OR lower(data) LIKE ? ORDER BY created_at, id`,
      [accountId, containsPattern(wanted)],
    )
  ).filter((row) => {
    if (row.participant_account_id === accountId) return true;
    const participant = (JSON.parse(row.data) as { participant?: { email?: string } }).participant;
    return participant?.email?.toLowerCase() === wanted;
  });
}

/** The certificates issued to the account as participant, oldest first, as served. */
async function certificatesOf(db: Db, accountId: string): Promise<Certificate[]> {
  return (
    await db.all<CertificateRow>(
      `SELECT id, registration_id, participant_account_id, revoked_at, compact_jws, data FROM certificates
        WHERE participant_account_id = ? ORDER BY issued_at, id`,
      [accountId],
    )
  ).map(toCertificate);
}

interface ApplicationRow {
  id: string;
  call_id: string;
  association_id: string;
  status: ApplicationStatus;
  project_title: string | null;
  created_at: string;
  submitted_at: string | null;
  data: string;
}

/** The applications the account started, submitted or uploaded a document to, with how. */
async function applicationsOf(db: Db, accountId: string): Promise<Map<string, Set<ApplicationInvolvement>>> {
  const involved = new Map<string, Set<ApplicationInvolvement>>();
  const add = (id: string, how: ApplicationInvolvement) => {
    const set = involved.get(id) ?? new Set<ApplicationInvolvement>();
    set.add(how);
    involved.set(id, set);
  };
  for (const row of await db.all<{ application_id: string }>(
    "SELECT DISTINCT application_id FROM application_history WHERE actor = ? AND status = 'draft'",
    [accountId],
  ))
    add(row.application_id, 'created');
  for (const row of await submittedByRows(db, accountId)) add(row.id, 'submitted');
  for (const row of await db.all<{ application_id: string }>(
    'SELECT DISTINCT application_id FROM attachments WHERE uploaded_by = ?',
    [accountId],
  ))
    add(row.application_id, 'uploaded');
  return involved;
}

/** Who asks and why, for the audit line. */
export interface PrivacyActor {
  actorId: string;
  requestId: string;
  now: Date;
}

/**
 * Everything the platform holds about one account (law 09-08, right of access), after recording the export
 * in the audit log (so the export lists itself): the core records, and those of the areas the server has
 * (mail without bodies, invitations, one-time links, claims, vault uploads, award reports, tranches,
 * certificates).
 * `not_found` for an unknown account.
 *
 * @example
 * ```ts
 * const data = exportPersonalData(db, 'acc_0002', { actorId: auth.id, requestId, now });
 * ```
 */
export async function exportPersonalData(
  db: Db,
  accountId: string,
  actor: PrivacyActor,
): Promise<PersonalDataExport> {
  const tables = await installedTables(db);
  const days = retentionFor(db);
  return await db.atomic(async () => {
    const calendarToken = tables.calendarTokens ? await exportCalendarToken(db, accountId) : undefined;
    const { account, createdAt, erasedAt } = await accountRecord(db, accountId);
    const subscriptions = tables.subscriptions ? await exportSubscriptions(db, account.email) : undefined;
    await audit(db, {
      at: actor.now,
      accountId: actor.actorId,
      action: 'privacy.export',
      targetType: 'account',
      targetId: accountId,
      requestId: actor.requestId,
    });
    const tokens = (
      await db.all<{ created_at: string; expires_at: string; revoked_at: string | null }>(
        'SELECT created_at, expires_at, revoked_at FROM tokens WHERE account_id = ? ORDER BY created_at DESC',
        [accountId],
      )
    ).map((t) => ({
      createdAt: t.created_at,
      expiresAt: t.expires_at,
      ...(t.revoked_at ? { revokedAt: t.revoked_at } : {}),
    }));
    const contributions: Contribution[] = tables.contributions
      ? (await contributionRows(db, accountId)).map((row) => toContribution(row))
      : [];
    const registrations: Registration[] = tables.registrations
      ? await toRegistrations(db, await registrationRows(db, accountId, account.email))
      : [];
    const certificates = tables.certificates ? await certificatesOf(db, accountId) : undefined;
    const applications: PersonalDataApplication[] = [];
    const reviews: PersonalDataExport['reviews'] = [];
    if (tables.applications) {
      for (const [id, involvement] of await applicationsOf(db, accountId)) {
        const row = await db.one<ApplicationRow>(
          'SELECT id, call_id, association_id, status, project_title, created_at, submitted_at, data FROM applications WHERE id = ?',
          [id],
        );
        if (!row) continue;
        const end = await applicationEnd(db, id, actor.now);
        applications.push({
          id: row.id,
          callId: row.call_id,
          associationId: row.association_id,
          status: row.status,
          involvement: (['created', 'submitted', 'uploaded'] as const).filter((how) => involvement.has(how)),
          ...(row.project_title !== null ? { projectTitle: row.project_title } : {}),
          createdAt: row.created_at,
          ...(row.submitted_at !== null ? { submittedAt: row.submitted_at } : {}),
          ...(end ? { decidedAt: end.endedAt, retainedUntil: retainedUntil(end, days) } : {}),
          attachments: await readAttachments(db, id),
        });
      }
      applications.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
      for (const review of await db.all<{ id: string; application_id: string; submitted_at: string }>(
        'SELECT id, application_id, submitted_at FROM reviews WHERE reviewer_id = ? ORDER BY submitted_at, id',
        [accountId],
      ))
        reviews.push({
          id: review.id,
          applicationId: review.application_id,
          submittedAt: review.submitted_at,
        });
    }
    return {
      exportedAt: toInstant(actor.now),
      account: {
        id: account.id,
        email: account.email,
        displayName: account.displayName,
        roles: account.roles,
        ...(account.locale ? { locale: account.locale } : {}),
        createdAt,
        ...(erasedAt ? { erasedAt } : {}),
      },
      memberships: account.memberships,
      tokens,
      contributions,
      registrations,
      applications,
      reviews,
      audit: (await auditInvolving(db, accountId)).map(toAuditLogEntry),
      ...(tables.mail ? { mail: await exportMail(db, accountId, account.email) } : {}),
      ...(tables.invitations ? { invitations: await exportInvitations(db, account.email) } : {}),
      ...(tables.awardReports ? { awardReports: await exportAwardReports(db, accountId) } : {}),
      ...(tables.disbursements ? { disbursements: await exportDisbursements(db, accountId) } : {}),
      ...(tables.oneTimeTokens ? { oneTimeTokens: await exportOneTimeTokens(db, accountId) } : {}),
      ...(tables.claims ? { claims: await exportClaims(db, accountId) } : {}),
      ...(tables.vault ? { vaultDocuments: await exportVaultDocuments(db, accountId) } : {}),
      ...(calendarToken ? { calendarToken } : {}),
      ...(subscriptions ? { subscriptions } : {}),
      ...(certificates ? { certificates } : {}),
    };
  });
}

/** The public name of an association, for contributions it made through the erased representative. */
async function associationDisplayName(db: Db, associationId: string): Promise<string | undefined> {
  const name = await associationName(db, associationId);
  const text = name
    ? (name.fr ?? name.ar ?? Object.values(name).find((v) => typeof v === 'string'))
    : undefined;
  return typeof text === 'string' && text.trim() ? text.trim().slice(0, 80) : undefined;
}

/** Options of {@link erasePersonalData}. */
export interface ErasureOptions extends PrivacyActor {
  /** The reason the admin gives (the person's request), or the person's own, kept in the audit log. */
  reason?: string | undefined;
  /** Directory of stored files. */
  dataDir: string;
  /**
   * The person erases their own account (`DELETE /v1/auth/me`): allowed although actor and target are one,
   * and refused while they are the only representative of an association.
   */
  selfService?: boolean;
}

/**
 * The associations the account is the only representative of: each would be left without anyone who
 * answers for it, so the person hands over first.
 */
async function soleRepresentations(db: Db, accountId: string): Promise<string[]> {
  return (
    await db.all<{ association_id: string }>(
      `SELECT m.association_id FROM memberships m
       WHERE m.account_id = ? AND m.role = 'representative' AND NOT EXISTS (
         SELECT 1 FROM memberships o
         WHERE o.association_id = m.association_id AND o.role = 'representative' AND o.account_id <> m.account_id)
       ORDER BY m.association_id`,
      [accountId],
    )
  ).map((row) => row.association_id);
}

/**
 * Erases one account's personal data (law 09-08, right of erasure) in one transaction with its audit line
 * (`privacy.erase`), and answers what was done:
 *
 * - the account: e-mail and name become a tombstone, the password can no longer match, roles and locale go,
 *   `erased_at` is set; its id stays, so that the audit log and the records of public procedures keep
 *   meaning without naming anyone;
 * - its tokens are revoked and its memberships removed;
 * - its contributions keep their text; an author that was the person becomes `Anonyme` (one that was an
 *   association keeps the association's registered name, which is not personal data);
 * - registrations naming it as participant (by account, or by the e-mail typed in older ones) keep their
 *   status, attendance and evaluation; the participant becomes `Participant effacé` without role, e-mail or
 *   account link; certificates issued to it stay valid, without the link to the account;
 * - applications it submitted and reviews it wrote no longer show its name (both keep the account id);
 * - documents it uploaded to applications never submitted are removed, with their files unless another
 *   attachment uses the same bytes; documents of submitted applications are the record of a public funding
 *   procedure and stay until the retention rule deletes them (`documentsRetained`);
 * - where those areas are installed: messages to it not sent yet are dropped and sent ones emptied (their
 *   `.eml` copies deleted after the commit), open invitations to its address deleted and accepted ones
 *   tombstoned, one-time links and failed sign-ins deleted, pending and refused claims deleted with their
 *   files (a verified claim stays as the proof of the mandate), and the vault documents it uploaded stay
 *   with their association, attributed to no one; its calendar secret is deleted; award reports and
 *   tranches keep the account id only.
 *
 * `not_found` for an unknown account, `invalid_state` for one already erased, the admin's own, or (with
 * `selfService`) one that is the only representative of an association.
 *
 * @example
 * ```ts
 * const report = erasePersonalData(db, 'acc_0002', { actorId: auth.id, requestId, now, reason, dataDir });
 * ```
 */
export async function erasePersonalData(
  db: Db,
  accountId: string,
  options: ErasureOptions,
): Promise<ErasureReport> {
  const { now } = options;
  const at = toInstant(now);
  const tables = await installedTables(db);
  const days = retentionFor(db);
  const freed: string[] = [];
  const mailIds: string[] = [];
  const report = await db.atomic(async (): Promise<ErasureReport> => {
    // PostgreSQL runs this again after a lost race: what the files to delete are is the last run's.
    freed.length = 0;
    mailIds.length = 0;
    const { account, erasedAt } = await accountRecord(db, accountId);
    if (erasedAt) throw problem('invalid_state', `The account ${accountId} was erased on ${erasedAt}`);
    if (accountId === options.actorId && !options.selfService)
      throw problem('invalid_state', 'An admin does not erase their own account; another admin does');
    if (options.selfService) {
      const sole = await soleRepresentations(db, accountId);
      if (sole.length > 0)
        throw problem(
          'invalid_state',
          `You are the only representative of ${sole.join(', ')}: hand over to another member before deleting your account`,
        );
    }

    const tokensRevoked = await revokeAccountTokens(db, accountId, now);
    const membershipsRemoved = (await db.write('DELETE FROM memberships WHERE account_id = ?', [accountId]))
      .changes;
    // Answers stored for the account's keyed writes echo what it sent (names, e-mails): they go now, not
    // when their key expires.
    await db.write('DELETE FROM idempotency_keys WHERE scope = ?', [`account:${accountId}`]);

    let contributionsAnonymised = 0;
    if (tables.contributions) {
      for (const row of await contributionRows(db, accountId)) {
        const author = JSON.parse(row.author) as ContributionAuthor;
        const displayName =
          author.participantType === 'association' && author.associationId
            ? ((await associationDisplayName(db, author.associationId)) ?? ANONYMOUS_AUTHOR)
            : ANONYMOUS_AUTHOR;
        await db.write('UPDATE contributions SET author = ? WHERE id = ?', [
          JSON.stringify({ ...author, displayName }),
          row.id,
        ]);
        contributionsAnonymised++;
      }
    }

    let registrationsAnonymised = 0;
    if (tables.registrations) {
      for (const row of await registrationRows(db, accountId, account.email)) {
        const data = JSON.parse(row.data) as Record<string, unknown>;
        data.participant = { name: ERASED_PARTICIPANT };
        // The link to the account goes with the name; status, attendance and evaluation stay, so the
        // association's and the course's counts do not change. A key of its own, so that two erased
        // participants of one session are not "the same person".
        await db.write(
          `UPDATE training_registrations SET data = ?, participant_key = ?, participant_account_id = NULL
            WHERE id = ?`,
          [JSON.stringify(data), `erased:${row.id}`, row.id],
        );
        registrationsAnonymised++;
      }
    }
    if (tables.certificates) {
      // An issued certificate stays valid (its signed copy is with whoever the person gave it to) and keeps
      // the name it was issued to; it no longer leads back to the account.
      await db.write(
        'UPDATE certificates SET participant_account_id = NULL WHERE participant_account_id = ?',
        [accountId],
      );
    }

    let applicationsAnonymised = 0;
    let reviewsAnonymised = 0;
    let attachmentsRemoved = 0;
    const documentsRetained: RetainedDocuments[] = [];
    if (tables.applications) {
      for (const row of await submittedByRows(db, accountId)) {
        const data = JSON.parse(row.data) as { submittedBy?: { id: string; displayName: string } };
        data.submittedBy = { id: accountId, displayName: ERASED_DISPLAY_NAME };
        await db.write('UPDATE applications SET data = ? WHERE id = ?', [JSON.stringify(data), row.id]);
        applicationsAnonymised++;
      }
      const uploads = await db.all<{
        id: string;
        application_id: string;
        sha256: string;
        submitted_at: string | null;
        status: ApplicationStatus;
      }>(
        `SELECT t.id, t.application_id, t.sha256, a.submitted_at, a.status FROM attachments t
         JOIN applications a ON a.id = t.application_id
         WHERE t.uploaded_by = ? AND t.purged_at IS NULL ORDER BY t.application_id, t.id`,
        [accountId],
      );
      const retained = new Map<string, RetainedDocuments>();
      const touched = new Set<string>();
      for (const upload of uploads) {
        if (upload.submitted_at === null) {
          await deleteAttachment(db, upload.application_id, upload.id);
          freed.push(upload.sha256);
          touched.add(upload.application_id);
          attachmentsRemoved++;
          continue;
        }
        const kept = retained.get(upload.application_id);
        if (kept) {
          kept.attachments++;
          continue;
        }
        const end = await applicationEnd(db, upload.application_id, now);
        retained.set(upload.application_id, {
          applicationId: upload.application_id,
          status: upload.status,
          attachments: 1,
          ...(end ? { retainedUntil: retainedUntil(end, days) } : {}),
        });
      }
      for (const id of touched) await saveApplication(db, id, {}, now.toISOString());
      documentsRetained.push(...retained.values());
      reviewsAnonymised = (
        await db.write('UPDATE reviews SET reviewer_name = ? WHERE reviewer_id = ?', [
          ERASED_DISPLAY_NAME,
          accountId,
        ])
      ).changes;
    }

    let mailErased: number | undefined;
    if (tables.mail) {
      const erased = await eraseMail(db, accountId, account.email, tombstoneEmail(accountId));
      mailErased = erased.count;
      mailIds.push(...erased.ids);
    }
    const invitationsErased = tables.invitations
      ? await eraseInvitations(db, account.email, tombstoneEmail(accountId))
      : undefined;
    if (tables.signInFailures) await eraseSignInFailures(db, account.email);
    const oneTimeTokensRemoved = tables.oneTimeTokens ? await eraseOneTimeTokens(db, accountId) : undefined;
    let claimsRemoved: number | undefined;
    if (tables.claims) {
      const claims = await eraseClaims(db, accountId);
      claimsRemoved = claims.removed;
      freed.push(...claims.files);
    }
    const vaultDocumentsKept = tables.vault ? await detachVaultDocuments(db, accountId) : undefined;
    const calendarTokensRemoved = tables.calendarTokens ? await eraseCalendarToken(db, accountId) : undefined;
    // Which reminders went to the person: nothing is ever sent to an erased account, so nothing to remember.
    if (tables.noticeReminders)
      await db.write('DELETE FROM notice_reminders WHERE account_id = ?', [accountId]);
    const subscriptionsEnded = tables.subscriptions
      ? await eraseSubscriptionsOf(db, account.email, new Date(at))
      : undefined;

    await db.write(
      `UPDATE accounts SET email = ?, display_name = ?, password_hash = ?, roles = ?, locale = NULL, erased_at = ?
       WHERE id = ?`,
      [tombstoneEmail(accountId), ERASED_DISPLAY_NAME, '!erased', '[]', at, accountId],
    );

    const filesDeleted = (await unreferencedFiles(db, options.dataDir, freed)).length;
    const done: ErasureReport = {
      accountId,
      erasedAt: at,
      tokensRevoked,
      membershipsRemoved,
      contributionsAnonymised,
      registrationsAnonymised,
      applicationsAnonymised,
      reviewsAnonymised,
      attachmentsRemoved,
      filesDeleted,
      documentsRetained,
      ...(mailErased !== undefined ? { mailErased } : {}),
      ...(invitationsErased !== undefined ? { invitationsErased } : {}),
      ...(oneTimeTokensRemoved !== undefined ? { oneTimeTokensRemoved } : {}),
      ...(claimsRemoved !== undefined ? { claimsRemoved } : {}),
      ...(vaultDocumentsKept !== undefined ? { vaultDocumentsKept } : {}),
      ...(calendarTokensRemoved !== undefined ? { calendarTokensRemoved } : {}),
      ...(subscriptionsEnded !== undefined ? { subscriptionsEnded } : {}),
    };
    const { accountId: _target, erasedAt: _at, documentsRetained: _kept, ...counts } = done;
    await audit(db, {
      at: now,
      accountId: options.actorId,
      action: 'privacy.erase',
      targetType: 'account',
      targetId: accountId,
      requestId: options.requestId,
      reason: options.reason,
      details: {
        ...counts,
        documentsRetained: documentsRetained.length,
        ...(options.selfService ? { selfService: true } : {}),
      },
    });
    return done;
  });
  // The handler runs inside its idempotency transaction: the files go once it commits.
  deleteUnreferencedFilesSoon(db, options.dataDir, freed);
  if (mailIds.length > 0)
    db.afterCommit(() => {
      // Only a server without SMTP writes these copies; one left behind stays under the data directory.
      removeMailFiles(options.dataDir, mailIds).catch(() => {});
    });
  return report;
}
