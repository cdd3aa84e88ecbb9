import {
  checkApplicationEligibilityRef,
  decideApplicationRef,
  type LocalizedText,
  type Money,
  publishCallResultsRef,
  setCallReviewersRef,
} from '@nassij/contract';
import { plain } from '../base/states.js';
import type { CallDesk, NassijCallManager } from './nassij-call-manager.js';

// The desk's writes: loaded with the desk's views (a desk is open whenever they can run), so they stay out
// of the manager's first download. Each reports a refusal of the platform in the reader's language, where
// the write was asked, and otherwise reloads the desk so its queues show where each application now is.

/** An amount as the API takes it: digits with up to two decimals (a comma is read as the point). */
const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;

/** Runs a write: busy meanwhile, its failure reported (`nassij-error`) and shown under `scope`. */
async function write<T>(
  host: NassijCallManager,
  scope: string,
  request: () => Promise<T>,
): Promise<T | undefined> {
  host.busy = true;
  host.actionError = undefined;
  host.notice = undefined;
  try {
    return await request();
  } catch (error) {
    host.actionError = { scope, code: host.reportFailure(error) };
    return undefined;
  } finally {
    host.busy = false;
  }
}

/** Focuses `selector` in the host once it has rendered (a heading with tabindex -1, or a field). */
export async function focus(host: NassijCallManager, selector: string): Promise<void> {
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}

/** Says what a write did, in its section and in the live region. */
function done(host: NassijCallManager, scope: string, text: string): void {
  host.notice = { scope, text };
  host.announcer.announce(text);
}

/** Saves the call's reviewers: the whole list as ticked. */
export async function saveReviewers(
  host: NassijCallManager,
  desk: CallDesk,
  event: SubmitEvent,
): Promise<void> {
  event.preventDefault();
  const client = host.resolvedClient;
  if (!client) return;
  const accountIds = new FormData(event.currentTarget as HTMLFormElement).getAll('reviewer').map(String);
  const callId = desk.call.id;
  const saved = await write(host, 'reviewers', () =>
    client.request(setCallReviewersRef, { params: { callId }, body: { accountIds } }),
  );
  if (!saved) return;
  host.emit('nassij-reviewers-change', { callId, accountIds });
  await host.refresh();
  done(host, 'reviewers', host.t('cm.reviewers.saved', { count: saved.items.length }));
}

/** Records an eligibility check: admissible, or not with the reason the association will read. */
export async function checkEligibility(
  host: NassijCallManager,
  applicationId: string,
  name: string,
  event: SubmitEvent,
): Promise<void> {
  event.preventDefault();
  const admissible = host.admissible[applicationId];
  const reason = String(new FormData(event.currentTarget as HTMLFormElement).get('reason') ?? '').trim();
  const prefix = `ck-${applicationId}`;
  host.fieldError =
    admissible === undefined ? `${prefix}-yes` : !admissible && !reason ? `${prefix}-reason` : undefined;
  if (host.fieldError) return focus(host, `#${CSS.escape(host.fieldError)}`);
  const client = host.resolvedClient;
  if (!client) return;
  const checked = await write(host, prefix, () =>
    client.request(checkApplicationEligibilityRef, {
      params: { applicationId },
      body: { admissible: admissible === true, ...(reason ? { reason } : {}) },
    }),
  );
  if (!checked) return;
  host.emit('nassij-eligibility-check', { applicationId, admissible: admissible === true });
  await host.refresh();
  done(host, 'check', host.t('cm.check.done', { name }));
  // The application left the queue: focus goes back to the queue's heading.
  await focus(host, '#cm-check-h');
}

/** The award range of the call, as numbers for our own check (the server checks it too). */
function range(desk: CallDesk): { min: number; max: number } {
  const amount = (money: Money | undefined, fallback: number) => (money ? Number(money.amount) : fallback);
  return { min: amount(desk.call.budget.minAward, 0), max: amount(desk.call.budget.maxAward, Infinity) };
}

/** Whether `value` is an amount the call may award, digits only. */
export function amountAllowed(desk: CallDesk, value: string): boolean {
  if (!AMOUNT.test(value)) return false;
  const { min, max } = range(desk);
  const amount = Number(value);
  return amount >= min && amount <= max && amount > 0;
}

/** Records the decision: an award with an amount in the call's range, or a rejection with its reason. */
export async function decide(
  host: NassijCallManager,
  desk: CallDesk,
  applicationId: string,
  name: string,
  event: SubmitEvent,
): Promise<void> {
  event.preventDefault();
  const data = new FormData(event.currentTarget as HTMLFormElement);
  const value = (key: string) => String(data.get(key) ?? '').trim();
  const amount = value('amount').replace(',', '.');
  const conditions = value('conditions');
  const reason = value('reason');
  const outcome = host.outcome;
  host.fieldError =
    outcome === 'awarded'
      ? amountAllowed(desk, amount)
        ? undefined
        : 'dc-amount'
      : reason
        ? undefined
        : 'dc-reason';
  if (host.fieldError) return focus(host, `#${host.fieldError}`);
  const client = host.resolvedClient;
  if (!client) return;
  const decided = await write(host, 'decision', () =>
    client.request(decideApplicationRef, {
      params: { applicationId },
      body:
        outcome === 'awarded'
          ? {
              outcome,
              amount: { amount, currency: 'MAD' },
              ...(conditions ? { conditions } : {}),
              ...(reason ? { reason } : {}),
            }
          : { outcome, reason },
    }),
  );
  if (!decided) return;
  host.deciding = undefined;
  host.emit('nassij-call-decide', { applicationId, outcome });
  await host.refresh();
  done(host, 'decisions', host.t('cm.decision.done', { name, outcome: host.t(`cm.decision.${outcome}`) }));
  await focus(host, '#cm-decisions-h');
}

/** Publishes the results: the call's awards become public. */
export async function publishResults(host: NassijCallManager, desk: CallDesk): Promise<void> {
  const client = host.resolvedClient;
  if (!client) return;
  const callId = desk.call.id;
  const published = await write(host, 'results', () =>
    client.request(publishCallResultsRef, { params: { callId }, body: {} }),
  );
  if (!published) return;
  host.emit('nassij-results-publish', { callId });
  await host.refresh();
  done(host, 'results', host.t('cm.results.done'));
  await focus(host, '#cm-results-h');
}

/** The association's name as plain text, for messages. */
export const nameOf = (host: NassijCallManager, name: LocalizedText): string => plain(host.locale, name);
