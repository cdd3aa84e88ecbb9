import { decideApplicationRef, submitReviewRef } from '@nassij/contract';
import type { NassijReviewPanel } from './nassij-review-panel.js';

// The open application's writes, the review and the decision: loaded with the application views (an
// application is open whenever they can run), so they stay out of the panel's first download.

/** An amount as the API takes it: digits with up to two decimals (a comma is read as the point). */
const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;

/** Runs a write: busy meanwhile, its failure reported (`nassij-error`) and shown. */
async function write<T>(host: NassijReviewPanel, request: () => Promise<T>): Promise<T | undefined> {
  host.busy = true;
  host.actionError = undefined;
  try {
    return await request();
  } catch (error) {
    host.actionError = host.reportFailure(error);
    return undefined;
  } finally {
    host.busy = false;
  }
}

async function focus(host: NassijReviewPanel, selector: string): Promise<void> {
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}

/** Sends the review: a conflict declared (no scores) or a score for every criterion, then the comment. */
export async function submitReview(host: NassijReviewPanel, event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const client = host.resolvedClient;
  const application = host.application;
  const call = host.callData;
  if (!client || !application || !call || !host.conflict) return;
  const data = new FormData(event.currentTarget as HTMLFormElement);
  const declared = host.conflict === 'declared';
  const missing = declared ? undefined : call.criteria.find((c) => !data.has(`score-${c.id}`));
  host.fieldError = missing ? 'scores' : undefined;
  if (missing) return focus(host, `[data-criterion="${CSS.escape(missing.id)}"] input`);
  const statement = String(data.get('statement') ?? '').trim();
  const comment = String(data.get('comment') ?? '').trim();
  const scores = declared
    ? []
    : call.criteria.map((c) => ({ criterionId: c.id, score: Number(data.get(`score-${c.id}`)) }));
  const review = await write(host, () =>
    client.request(submitReviewRef, {
      params: { applicationId: application.id },
      body: {
        conflictOfInterest: { declared, ...(statement ? { statement } : {}) },
        scores,
        ...(comment ? { comment } : {}),
      },
    }),
  );
  if (!review) return;
  host.reviewed = true;
  host.announcer.announce(host.t('rp.reviewSent'));
  host.emit('nassij-review-submit', { applicationId: application.id });
  // The send button is now disabled: focus goes on to the decision.
  await focus(host, '#rp-decision-h');
}

/** Records the decision: an award needs an amount (our own validation), a rejection may give a reason. */
export async function decide(host: NassijReviewPanel, event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const client = host.resolvedClient;
  const application = host.application;
  if (!client || !application) return;
  const data = new FormData(event.currentTarget as HTMLFormElement);
  const amount = String(data.get('amount') ?? '')
    .replace(',', '.')
    .trim();
  const reason = String(data.get('reason') ?? '').trim();
  const outcome = host.outcome;
  host.fieldError = outcome === 'awarded' && !AMOUNT.test(amount) ? 'amount' : undefined;
  if (host.fieldError) return focus(host, '#d-amount');
  const decided = await write(host, () =>
    client.request(decideApplicationRef, {
      params: { applicationId: application.id },
      body:
        outcome === 'awarded'
          ? { outcome, amount: { amount, currency: 'MAD' }, ...(reason ? { conditions: reason } : {}) }
          : { outcome, ...(reason ? { reason } : {}) },
    }),
  );
  if (!decided) return;
  host.application = decided;
  host.announcer.announce(host.t('rp.decision.done', { outcome: host.t(`rp.decision.${outcome}`) }));
  host.emit('nassij-decide', { applicationId: application.id, outcome });
  await focus(host, '#rp-decision-h');
}
