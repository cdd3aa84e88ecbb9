// The demo follow-up of the awards already decided: reports sent and judged, one returned, some never sent
// (overdue once their date passed), and tranches paid. Dates are relative to the seeding instant and to each
// award's decision, like the rest of the demo, so the time shift moves them together.
import {
  type Award,
  casablancaDate,
  type ReportReview,
  type ReportSubmission,
  toMinorUnits,
} from '@nassij/contract';
import { awardsFromRows } from '../applications/awards.js';
import type { SeedContext } from '../area.js';
import { readStoredCall } from '../calls/store.js';
import { insertDisbursement, saveReview, saveSubmission } from './store.js';

const DAY = 86_400_000;

/** What the demo does with the reports of the n-th award, in turn. */
const PATTERNS = ['accepted', 'received', 'returned', 'none'] as const;

/**
 * Seeds the follow-up of every award of the demo: for each award in id order, its reports whose date is
 * near or past are accepted, received, returned (the first such one only; later ones are accepted) or left
 * unsent, in turn. The demo association's first award is followed up in full and its later ones owe every
 * report; the demo ministry's first award has its reports received, waiting for a decision. A first tranche of half the award is paid three weeks after the decision, and a second
 * of 30 % once a progress report is accepted. Reports of the demo representative's association are sent by
 * the representative's account, the others were recorded from paper (no account).
 *
 * @example
 * ```ts
 * const area: Area = { name: 'award-reports', seedDemo: seedAwardReports, … };
 * ```
 */
export async function seedAwardReports(ctx: SeedContext): Promise<void> {
  const { db, now, accounts } = ctx;
  // Every date stays off the seeding day itself (see time-shift.ts): once moved to today, each one is
  // past whatever the hour.
  const today = casablancaDate(now);
  const past = (ms: number): boolean => casablancaDate(new Date(ms)) < today;
  const awards: Award[] = awardsFromRows(await db.all('SELECT * FROM awards ORDER BY id'));
  let returned = false;
  let representedSeen = false;
  let ministrySeen = false;
  let counter = 0;
  for (const [index, award] of awards.entries()) {
    const call = await readStoredCall(db, award.callId);
    if (!call) continue;
    const staff =
      call.funder.organisationId === accounts.ministryCallManager.organisationId
        ? accounts.ministryCallManager.id
        : call.funder.organisationId === accounts.regionCallManager.organisationId
          ? accounts.regionCallManager.id
          : accounts.admin.id;
    const decidedMs = Date.parse(award.decidedAt);
    const firstTrancheMs = decidedMs + 21 * DAY;
    const awarded = toMinorUnits(award.amount);
    if (past(firstTrancheMs + DAY)) {
      counter += 1;
      await insertDisbursement(db, {
        id: `dsb_${String(counter).padStart(4, '0')}`,
        awardId: award.id,
        amountMinor: awarded / 2n,
        paidOn: casablancaDate(new Date(firstTrancheMs)),
        reference: `OP-${award.id.replace(/^awd_/, '')}-1`,
        recordedAt: new Date(firstTrancheMs + DAY).toISOString(),
        recordedBy: staff,
      });
    }
    // The demo representative's association: its first award is fully followed up, the later ones owe
    // everything still, so that its people can send reports in the demo.
    const represented = award.associationId === accounts.representative.memberships[0]?.associationId;
    let pattern: (typeof PATTERNS)[number] = represented
      ? representedSeen
        ? 'none'
        : 'accepted'
      : (PATTERNS[index % PATTERNS.length] ?? 'none');
    if (represented) representedSeen = true;
    // The demo ministry's first award has its reports received and waiting for a decision: something for
    // its call manager to accept or return in the demo.
    const ministryFirst =
      !represented &&
      !ministrySeen &&
      call.funder.organisationId === accounts.ministryCallManager.organisationId;
    if (ministryFirst) {
      ministrySeen = true;
      pattern = 'received';
    }
    for (const requirement of call.reports ?? []) {
      // Sent ten days before the due date, if that is already past; some never are.
      const submittedMs = Date.parse(`${requirement.dueOn}T10:00:00Z`) - 10 * DAY;
      if (pattern === 'none' || !past(submittedMs)) continue;
      const submission: ReportSubmission = {
        at: new Date(submittedMs).toISOString(),
        ...(represented ? { by: accounts.representative.id } : {}),
        summary:
          requirement.kind === 'progress'
            ? 'Activités réalisées au premier semestre, bénéficiaires touchés et dépenses engagées.'
            : 'Bilan des activités, résultats obtenus et état des dépenses certifié.',
      };
      await saveSubmission(db, award, requirement.id, submission);
      const reviewedMs = submittedMs + 14 * DAY;
      if (!past(reviewedMs)) continue;
      // One report of the whole demo is returned; the other reports of that award are accepted.
      const outcome = pattern === 'returned' ? (returned ? 'accepted' : 'returned') : pattern;
      const review: ReportReview = {
        at: new Date(reviewedMs).toISOString(),
        by: staff,
        outcome,
        ...(outcome === 'returned'
          ? { reason: 'Les pièces justificatives des dépenses manquent ; merci de les joindre.' }
          : {}),
      };
      await saveReview(db, award.id, requirement.id, review);
      if (outcome === 'returned') returned = true;
      const secondTrancheMs = reviewedMs + 10 * DAY;
      if (outcome === 'accepted' && requirement.kind === 'progress' && past(secondTrancheMs + DAY)) {
        counter += 1;
        await insertDisbursement(db, {
          id: `dsb_${String(counter).padStart(4, '0')}`,
          awardId: award.id,
          amountMinor: (awarded * 3n) / 10n,
          paidOn: casablancaDate(new Date(secondTrancheMs)),
          reference: `OP-${award.id.replace(/^awd_/, '')}-2`,
          recordedAt: new Date(secondTrancheMs + DAY).toISOString(),
          recordedBy: staff,
        });
      }
    }
  }
}
