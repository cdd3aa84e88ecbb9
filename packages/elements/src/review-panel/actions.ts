import {
  type ApplicationSummary,
  decideApplicationRef,
  declareConflictRef,
  getAttachmentContentRef,
  submitReviewRef,
} from '@nassij/contract';
import { plain } from '../base/states.js';
import type { NassijReviewPanel } from './nassij-review-panel.js';

// The writes of an open application (the declaration, the review, the decision) and the download of its
// files: loaded with the application views (an application is open whenever they can run), so they stay
// out of the panel's first download.

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

/**
 * Records the reviewer's declaration on an application they have only seen the applicant and title of: an
 * answer is needed, and a conflict needs its statement (our own validation). No conflict opens the
 * application; a conflict recuses the reviewer and goes back to the list.
 */
export async function declare(
  host: NassijReviewPanel,
  summary: ApplicationSummary,
  event: SubmitEvent,
): Promise<void> {
  event.preventDefault();
  const client = host.resolvedClient;
  if (!client) return;
  const data = new FormData(event.currentTarget as HTMLFormElement);
  const statement = String(data.get('statement') ?? '').trim();
  host.fieldError = !host.conflict
    ? 'declaration'
    : host.conflict === 'declared' && !statement
      ? 'statement'
      : undefined;
  if (host.fieldError === 'declaration') return focus(host, '#coi-none');
  if (host.fieldError === 'statement') return focus(host, '#coi-statement');
  const declared = host.conflict === 'declared';
  const recorded = await write(host, () =>
    client.request(declareConflictRef, {
      params: { applicationId: summary.id },
      body: declared ? { declared, statement } : { declared },
    }),
  );
  if (!recorded) return;
  host.emit('nassij-declare', { applicationId: summary.id, declared });
  if (declared)
    host.announcer.announce(
      host.t('rp.declare.recorded', { name: plain(host.locale, summary.associationName) }),
    );
  await host.declared(summary, declared);
}

/**
 * Downloads an attachment through the client (the reader's token goes with the request; the API gives no
 * address to link to) and hands it to the browser as a file named as it was uploaded.
 */
export async function download(
  host: NassijReviewPanel,
  applicationId: string,
  attachmentId: string,
): Promise<void> {
  const client = host.resolvedClient;
  const file = host.application?.attachments.find((a) => a.id === attachmentId);
  if (!client || !file) return;
  host.busy = true;
  host.downloadError = undefined;
  let blob: Blob;
  try {
    blob = await client.request(getAttachmentContentRef, { params: { applicationId, attachmentId } });
  } catch (error) {
    // Beside the files, not in the review or decision forms.
    host.downloadError = host.reportFailure(error);
    return;
  } finally {
    host.busy = false;
  }
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  // In the shadow root, so the click stays inside the element; removed at once, its URL once it was used.
  host.renderRoot.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Sends the review: a score for every criterion, then the comment (the declaration was made before). */
export async function submitReview(host: NassijReviewPanel, event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const client = host.resolvedClient;
  const application = host.application;
  const call = host.callData;
  if (!client || !application || !call) return;
  const data = new FormData(event.currentTarget as HTMLFormElement);
  const missing = call.criteria.find((c) => !data.has(`score-${c.id}`));
  host.fieldError = missing ? 'scores' : undefined;
  if (missing) return focus(host, `[data-criterion="${CSS.escape(missing.id)}"] input`);
  const comment = String(data.get('comment') ?? '').trim();
  const scores = call.criteria.map((c) => ({ criterionId: c.id, score: Number(data.get(`score-${c.id}`)) }));
  const review = await write(host, () =>
    client.request(submitReviewRef, {
      params: { applicationId: application.id },
      body: { conflictOfInterest: { declared: false }, scores, ...(comment ? { comment } : {}) },
    }),
  );
  if (!review) return;
  host.reviewed = true;
  host.applications = host.applications?.map((a) =>
    a.id === application.id ? { ...a, reviewCount: (a.reviewCount ?? 0) + 1 } : a,
  );
  host.announcer.announce(host.t('rp.reviewSent'));
  host.emit('nassij-review-submit', { applicationId: application.id });
  // The form is gone: focus goes to what replaced it.
  await focus(host, '#rp-review-h');
}

/**
 * Records the decision (the call's staff): an award needs an amount (our own validation), a rejection may
 * give a reason. The server's refusals (call still open, reviews missing) are shown explained.
 */
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
  // A refusal is announced (`role="alert"`) beside the button, where the focus stays.
  if (!decided) return;
  host.application = decided;
  host.applications = host.applications?.map((a) =>
    a.id === decided.id ? { ...a, status: decided.status } : a,
  );
  host.announcer.announce(host.t('rp.decision.done', { outcome: host.t(`rp.decision.${outcome}`) }));
  host.emit('nassij-decide', { applicationId: application.id, outcome });
  await focus(host, '#rp-decision-h');
}
