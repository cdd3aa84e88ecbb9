// The records that came with association accounts (issue 18) — mail, invitations, award reports and
// disbursements, the sign-in throttle — as the export shows them and the erasure treats them. Each table
// belongs to another area and may be absent from a server that leaves that area out: `recordTables` asks
// which exist, outside any transaction, and every function here reads only those.

import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  AssociationClaim,
  PersonalDataAwardReport,
  PersonalDataDisbursement,
  PersonalDataInvitation,
  PersonalDataMail,
  PersonalDataOneTimeToken,
  PersonalDataSubscription,
  PersonalDataVaultDocument,
} from '@nassij/contract';
import { normaliseEmail } from '@nassij/contract';
import type { Db } from '../../db/db.js';
import { tableExists } from '../../db/tables.js';
import { claimsOfAccount } from '../association-claims/store.js';

/** Which of the issue-18 tables a server has. */
export interface RecordTables {
  mail: boolean;
  invitations: boolean;
  awardReports: boolean;
  disbursements: boolean;
  signInFailures: boolean;
  oneTimeTokens: boolean;
  claims: boolean;
  vault: boolean;
  calendarTokens: boolean;
  subscriptions: boolean;
  noticeReminders: boolean;
}

/**
 * Asks which of the tables this module reads exist; call it outside any transaction (on PostgreSQL a failed
 * probe would abort it).
 *
 * @example
 * ```ts
 * const tables = await recordTables(db);
 * if (tables.mail) await exportMail(db, accountId, email);
 * ```
 */
export async function recordTables(db: Db): Promise<RecordTables> {
  return {
    mail: await tableExists(db, 'mail_outbox'),
    invitations: await tableExists(db, 'association_invitations'),
    awardReports: await tableExists(db, 'award_reports'),
    disbursements: await tableExists(db, 'disbursements'),
    signInFailures: await tableExists(db, 'sign_in_failures'),
    oneTimeTokens: await tableExists(db, 'one_time_tokens'),
    claims:
      (await tableExists(db, 'association_claims')) && (await tableExists(db, 'association_claim_files')),
    vault: await tableExists(db, 'association_documents'),
    calendarTokens: await tableExists(db, 'calendar_tokens'),
    subscriptions: await tableExists(db, 'subscriptions'),
    noticeReminders: await tableExists(db, 'notice_reminders'),
  };
}

/** The outbox rows of one person: about their account, or to their address (case aside). */
const MAIL_OF = '(account_id = ? OR lower(recipient) = ?)';

interface MailRow {
  id: string;
  kind: string;
  recipient: string;
  subject: string;
  created_at: string;
  state: PersonalDataMail['state'];
  sent_at: string | null;
}

/**
 * The messages the platform queued or sent to the person, without their bodies: a body may hold a live
 * one-time link (password reset, change of e-mail) that whoever reads the export could use.
 *
 * @example
 * ```ts
 * const mail = await exportMail(db, 'acc_0002', 'member@demo.nassij.ma');
 * mail[0]?.kind; // 'account.verify-email'
 * ```
 */
export async function exportMail(db: Db, accountId: string, email: string): Promise<PersonalDataMail[]> {
  const rows = await db.all<MailRow>(
    `SELECT id, kind, recipient, subject, created_at, state, sent_at FROM mail_outbox WHERE ${MAIL_OF}
     ORDER BY created_at, id`,
    [accountId, email.toLowerCase()],
  );
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    to: row.recipient,
    subject: row.subject,
    createdAt: row.created_at,
    state: row.state,
    ...(row.sent_at ? { sentAt: row.sent_at } : {}),
  }));
}

/**
 * Erases the person's messages: those not sent yet are dropped (the address is about to be a tombstone, and
 * nothing should reach an erased person), those sent keep their kind and dates as the record that they were
 * sent, with recipient, subject and bodies emptied. Answers how many rows were dropped or emptied, and the
 * ids whose `.eml` copies ({@link removeMailFiles}) go once the transaction commits.
 *
 * @example
 * ```ts
 * const { count, ids } = await eraseMail(db, 'acc_0002', 'member@demo.nassij.ma', tombstone);
 * ```
 */
export async function eraseMail(
  db: Db,
  accountId: string,
  email: string,
  tombstone: string,
): Promise<{ count: number; ids: string[] }> {
  const params = [accountId, email.toLowerCase()];
  const ids = (await db.all<{ id: string }>(`SELECT id FROM mail_outbox WHERE ${MAIL_OF}`, params)).map(
    (row) => row.id,
  );
  const dropped = await db.write(`DELETE FROM mail_outbox WHERE ${MAIL_OF} AND state <> 'sent'`, params);
  const emptied = await db.write(
    `UPDATE mail_outbox SET recipient = ?, subject = '', text_body = '', html_body = '', last_error = NULL
     WHERE ${MAIL_OF} AND state = 'sent'`,
    [tombstone, ...params],
  );
  return { count: dropped.changes + emptied.changes, ids };
}

/**
 * Deletes the `.eml` copies the server wrote for messages (without SMTP, under `<dataDir>/mail/`); a missing
 * file is fine.
 *
 * @example
 * ```ts
 * await removeMailFiles(dataDir, ids);
 * ```
 */
export async function removeMailFiles(dataDir: string, ids: readonly string[]): Promise<void> {
  await Promise.all(ids.map((id) => rm(join(dataDir, 'mail', `${id}.eml`), { force: true })));
}

interface InvitationRow {
  id: string;
  association_id: string;
  email: string;
  role: PersonalDataInvitation['role'];
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
}

/**
 * The invitations sent to the person's address (those they sent name other people and stay out).
 *
 * @example
 * ```ts
 * const invitations = await exportInvitations(db, 'member@demo.nassij.ma');
 * ```
 */
export async function exportInvitations(db: Db, email: string): Promise<PersonalDataInvitation[]> {
  const rows = await db.all<InvitationRow>(
    `SELECT id, association_id, email, role, created_at, expires_at, accepted_at FROM association_invitations
     WHERE email = ? ORDER BY created_at, id`,
    [email.toLowerCase()],
  );
  return rows.map((row) => ({
    id: row.id,
    associationId: row.association_id,
    email: row.email,
    role: row.role,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    ...(row.accepted_at ? { acceptedAt: row.accepted_at } : {}),
  }));
}

/**
 * Erases the invitations sent to the person's address: an open one is deleted (its link can no longer be
 * used by anyone), an accepted one keeps its dates and role for the association's history, under the
 * tombstone address.
 *
 * @example
 * ```ts
 * const count = await eraseInvitations(db, 'member@demo.nassij.ma', tombstone);
 * ```
 */
export async function eraseInvitations(db: Db, email: string, tombstone: string): Promise<number> {
  const address = email.toLowerCase();
  const dropped = await db.write(
    'DELETE FROM association_invitations WHERE email = ? AND accepted_at IS NULL',
    [address],
  );
  const kept = await db.write('UPDATE association_invitations SET email = ? WHERE email = ?', [
    tombstone,
    address,
  ]);
  return dropped.changes + kept.changes;
}

interface AwardReportRow {
  award_id: string;
  requirement_id: string;
  call_id: string;
  association_id: string;
  status: PersonalDataAwardReport['status'];
  submission: string;
  review: string | null;
}

/**
 * The award reports the person sent for their association or reviewed for a funder. Both keep the
 * account id only (the reports are the record of public funds); the export names them so that the
 * person knows.
 *
 * @example
 * ```ts
 * const reports = await exportAwardReports(db, 'acc_0003');
 * reports[0]?.involvement; // ['submitted']
 * ```
 */
export async function exportAwardReports(db: Db, accountId: string): Promise<PersonalDataAwardReport[]> {
  // The ids live in the JSON columns: narrowed by text, then checked parsed (an account's request, not a
  // public path).
  const rows = await db.all<AwardReportRow>(
    `SELECT award_id, requirement_id, call_id, association_id, status, submission, review FROM award_reports
     WHERE submission LIKE ? OR review LIKE ? ORDER BY award_id, requirement_id`,
    [`%${accountId}%`, `%${accountId}%`],
  );
  const reports: PersonalDataAwardReport[] = [];
  for (const row of rows) {
    const submission = JSON.parse(row.submission) as { at: string; by?: string };
    const review = row.review ? (JSON.parse(row.review) as { at: string; by: string }) : undefined;
    const involvement: PersonalDataAwardReport['involvement'] = [];
    if (submission.by === accountId) involvement.push('submitted');
    if (review?.by === accountId) involvement.push('reviewed');
    if (involvement.length === 0) continue;
    reports.push({
      awardId: row.award_id,
      requirementId: row.requirement_id,
      callId: row.call_id,
      associationId: row.association_id,
      status: row.status,
      involvement,
      submittedAt: submission.at,
      ...(review ? { reviewedAt: review.at } : {}),
    });
  }
  return reports;
}

/**
 * The tranches the person recorded as a funder's staff member (the account id stays with the payment).
 *
 * @example
 * ```ts
 * const paid = await exportDisbursements(db, 'acc_0008');
 * ```
 */
export async function exportDisbursements(db: Db, accountId: string): Promise<PersonalDataDisbursement[]> {
  const rows = await db.all<{ id: string; award_id: string; tranche: number | string; recorded_at: string }>(
    'SELECT id, award_id, tranche, recorded_at FROM disbursements WHERE recorded_by = ? ORDER BY recorded_at, id',
    [accountId],
  );
  return rows.map((row) => ({
    id: row.id,
    awardId: row.award_id,
    tranche: Number(row.tranche),
    recordedAt: row.recorded_at,
  }));
}

/**
 * Forgets the failed sign-ins counted against the person's address (the throttle keys them by e-mail).
 *
 * @example
 * ```ts
 * await eraseSignInFailures(db, 'member@demo.nassij.ma');
 * ```
 */
export async function eraseSignInFailures(db: Db, email: string): Promise<void> {
  await db.write('DELETE FROM sign_in_failures WHERE email = ?', [normaliseEmail(email)]);
}

/**
 * The one-time links sent to the account, without their tokens (only hashes are stored anyway).
 *
 * @example
 * ```ts
 * const links = await exportOneTimeTokens(db, 'acc_0002');
 * ```
 */
export async function exportOneTimeTokens(db: Db, accountId: string): Promise<PersonalDataOneTimeToken[]> {
  const rows = await db.all<{
    purpose: PersonalDataOneTimeToken['purpose'];
    new_email: string | null;
    created_at: string;
    expires_at: string;
    used_at: string | null;
  }>(
    `SELECT purpose, new_email, created_at, expires_at, used_at FROM one_time_tokens WHERE account_id = ?
     ORDER BY created_at, hash`,
    [accountId],
  );
  return rows.map((row) => ({
    purpose: row.purpose,
    ...(row.new_email ? { newEmail: row.new_email } : {}),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    ...(row.used_at ? { usedAt: row.used_at } : {}),
  }));
}

/**
 * Deletes every one-time link of the account: none may open anything once it is erased, and a change of
 * e-mail holds the address it was moving to.
 *
 * @example
 * ```ts
 * const removed = await eraseOneTimeTokens(db, 'acc_0002');
 * ```
 */
export async function eraseOneTimeTokens(db: Db, accountId: string): Promise<number> {
  return (await db.write('DELETE FROM one_time_tokens WHERE account_id = ?', [accountId])).changes;
}

/**
 * The account's claims on associations, as the claims area shows them to the claimant.
 *
 * @example
 * ```ts
 * const claims = await exportClaims(db, 'acc_0003');
 * ```
 */
export async function exportClaims(db: Db, accountId: string): Promise<AssociationClaim[]> {
  return await claimsOfAccount(db, accountId);
}

/**
 * Deletes the account's pending and refused claims with their files' rows (a pending claim cannot be
 * pursued by an erased account, a refused one proves nothing); a verified claim stays, the proof of the
 * mandate under which the account acted for the association, and its claimant shows the erased name.
 * Answers how many claims went and the digests of their files, to delete once nothing else uses them.
 *
 * @example
 * ```ts
 * const { removed, files } = await eraseClaims(db, 'acc_0003');
 * deleteUnreferencedFilesSoon(db, dataDir, files);
 * ```
 */
export async function eraseClaims(db: Db, accountId: string): Promise<{ removed: number; files: string[] }> {
  const open = `SELECT id FROM association_claims WHERE account_id = ? AND state <> 'verified'`;
  const files = (
    await db.all<{ file_sha256: string }>(
      `SELECT file_sha256 FROM association_claim_files WHERE claim_id IN (${open})`,
      [accountId],
    )
  ).map((row) => row.file_sha256);
  await db.write(`DELETE FROM association_claim_files WHERE claim_id IN (${open})`, [accountId]);
  const removed = (
    await db.write("DELETE FROM association_claims WHERE account_id = ? AND state <> 'verified'", [accountId])
  ).changes;
  return { removed, files };
}

/**
 * The documents the account uploaded to an association's vault.
 *
 * @example
 * ```ts
 * const documents = await exportVaultDocuments(db, 'acc_0003');
 * ```
 */
export async function exportVaultDocuments(db: Db, accountId: string): Promise<PersonalDataVaultDocument[]> {
  const rows = await db.all<{
    id: string;
    association_id: string;
    kind: PersonalDataVaultDocument['kind'];
    fiscal_year: number | string | null;
    file_name: string;
    uploaded_at: string;
  }>(
    `SELECT id, association_id, kind, fiscal_year, file_name, uploaded_at FROM association_documents
     WHERE uploaded_by = ? ORDER BY uploaded_at, id`,
    [accountId],
  );
  return rows.map((row) => ({
    id: row.id,
    associationId: row.association_id,
    kind: row.kind,
    ...(row.fiscal_year !== null ? { year: Number(row.fiscal_year) } : {}),
    fileName: row.file_name,
    uploadedAt: row.uploaded_at,
  }));
}

/**
 * Detaches the account from the vault documents it uploaded: they are the association's statutes and
 * reports and stay with it, attributed to no one.
 *
 * @example
 * ```ts
 * const kept = await detachVaultDocuments(db, 'acc_0003');
 * ```
 */
export async function detachVaultDocuments(db: Db, accountId: string): Promise<number> {
  return (
    await db.write('UPDATE association_documents SET uploaded_by = NULL WHERE uploaded_by = ?', [accountId])
  ).changes;
}

/**
 * When the account's calendar secret was issued, if it has one (only its hash is stored).
 *
 * @example
 * ```ts
 * const token = await exportCalendarToken(db, 'acc_0002'); // { createdAt: '…' } or undefined
 * ```
 */
export async function exportCalendarToken(
  db: Db,
  accountId: string,
): Promise<{ createdAt: string } | undefined> {
  const row = await db.one<{ created_at: string }>(
    'SELECT created_at FROM calendar_tokens WHERE account_id = ?',
    [accountId],
  );
  return row ? { createdAt: row.created_at } : undefined;
}

/**
 * Deletes the account's calendar secret: its personal calendar (training sessions) no longer answers.
 *
 * @example
 * ```ts
 * const removed = await eraseCalendarToken(db, 'acc_0002'); // 0 or 1
 * ```
 */
export async function eraseCalendarToken(db: Db, accountId: string): Promise<number> {
  return (await db.write('DELETE FROM calendar_tokens WHERE account_id = ?', [accountId])).changes;
}

/**
 * The e-mail subscriptions of an address that are not ended (an ended one keeps no address).
 *
 * @example
 * ```ts
 * const subscriptions = await exportSubscriptions(db, 'amina@example.ma'); // [{ kind: 'calls', … }]
 * ```
 */
export async function exportSubscriptions(db: Db, email: string): Promise<PersonalDataSubscription[]> {
  const rows = await db.all<{
    filter_kind: 'calls' | 'consultation';
    digest: 'immediate' | 'daily' | 'weekly';
    state: 'pending' | 'active';
    created_at: string;
    confirmed_at: string | null;
  }>(
    `SELECT filter_kind, digest, state, created_at, confirmed_at FROM subscriptions
      WHERE email = ? AND state <> 'unsubscribed' ORDER BY created_at, id`,
    [normaliseEmail(email)],
  );
  return rows.map((row) => ({
    kind: row.filter_kind,
    digest: row.digest,
    state: row.state,
    createdAt: row.created_at,
    ...(row.confirmed_at ? { confirmedAt: row.confirmed_at } : {}),
  }));
}
